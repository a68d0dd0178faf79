"""JSON Lines (.jsonl, .ndjson): one article a line."""

from __future__ import annotations

import codecs
import json
from collections.abc import Iterator
from datetime import datetime
from typing import Any

from storyweave.ingest._errors import UnreadableInput
from storyweave.ingest.dates import parse_published
from storyweave.ingest.decode import SNIFF_BYTES, decode_bytes, looks_binary
from storyweave.ingest.outlet import resolve_outlet
from storyweave.ingest.source import InputFile
from storyweave.models import Article, Skipped

__all__ = ["read_jsonl"]

# field -> the names it may go by, first found wins
FIELDS: dict[str, tuple[str, ...]] = {
    "title": ("title", "headline"),
    "outlet": ("outlet", "source", "site"),
    "url": ("url", "link"),
    "published": ("published", "date"),
    "language": ("language", "lang"),
}


def read_jsonl(source: InputFile) -> Iterator[Article | Skipped]:
    """Read one article from each non-blank line; a bad line is skipped, the rest still read."""
    with source.open() as stream:
        if looks_binary(stream.read(SNIFF_BYTES)):
            raise UnreadableInput("binary data, not text")
        stream.seek(0)
        offset = 0
        seen_any = False
        for number, raw in enumerate(stream, start=1):
            line_offset, offset = offset, offset + len(raw)
            if number == 1:
                raw = raw.removeprefix(codecs.BOM_UTF8)
            if not raw.strip():
                continue
            seen_any = True
            yield _read_line(source, raw, number, line_offset)
    if not seen_any:
        raise UnreadableInput("empty file")


def _read_line(source: InputFile, raw: bytes, number: int, offset: int) -> Article | Skipped:
    where = f"{source.where}:{number}"
    try:
        line = raw.decode("utf-8")
    except UnicodeDecodeError:
        try:
            line = decode_bytes(raw)
        except UnreadableInput as err:
            return Skipped(where, f"not valid JSON ({err.problem})")
    try:
        record = json.loads(line)
    except json.JSONDecodeError as err:
        return Skipped(where, f"not valid JSON ({err.msg} at column {err.colno})")
    except (ValueError, RecursionError) as err:
        return Skipped(where, f"not valid JSON ({type(err).__name__})")
    if not isinstance(record, dict):
        return Skipped(where, "no 'text' field (the line is not a JSON object)")
    text = record.get("text")
    if not isinstance(text, str) or not text.strip():
        return Skipped(where, "no 'text' field")
    text = text.replace("\r\n", "\n").replace("\r", "\n").strip()
    url = _string(record, "url") or None
    return Article.create(
        text,
        resolve_outlet(_string(record, "outlet"), url, source.path),
        title=" ".join(_string(record, "title").split()),
        url=url,
        published=_published(record),
        language=_string(record, "language") or "en",
        origin=source.origin(line=number, offset=offset),
    )


def _string(record: dict[str, Any], name: str) -> str:
    for key in FIELDS[name]:
        value = record.get(key)
        if isinstance(value, str) and value.strip():
            return value.strip()
    return ""


def _published(record: dict[str, Any]) -> datetime | None:
    for key in FIELDS["published"]:
        value = record.get(key)
        if isinstance(value, str | int | float) and not isinstance(value, bool):
            parsed = parse_published(value)
            if parsed is not None:
                return parsed
    return None
