"""JSON Lines (.jsonl, .ndjson): one article a line."""

from __future__ import annotations

import codecs
import json
from collections.abc import Iterator
from datetime import datetime
from typing import Any, BinaryIO

from storyweave.ingest._errors import UnreadableInput
from storyweave.ingest.dates import parse_published
from storyweave.ingest.decode import SNIFF_BYTES, decode_bytes, mostly_controls
from storyweave.ingest.outlet import resolve_outlet
from storyweave.ingest.source import InputFile, over_limit
from storyweave.limits import current
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
    """Read one article from each non-blank line; a bad line is skipped with its reason, the rest still read."""
    limit = current().record_bytes
    with source.open() as stream:
        if mostly_controls(stream.read(SNIFF_BYTES)):
            raise UnreadableInput("binary data, not text")
        stream.seek(0)
        offset = 0
        seen_any = False
        for number, (raw, size) in enumerate(_lines(stream, limit), start=1):
            line_offset, offset = offset, offset + size
            if raw is None:
                seen_any = True
                yield Skipped(f"{source.where}:{number}", over_limit("record", limit, "record_bytes"))
                continue
            if number == 1:
                raw = raw.removeprefix(codecs.BOM_UTF8)
            if not raw.strip():
                continue
            seen_any = True
            try:
                yield _read_line(source, raw, number, line_offset)
            except Exception as err:  # one record's problem costs that record only
                yield Skipped(f"{source.where}:{number}", f"could not read the record ({type(err).__name__})")
    if not seen_any:
        raise UnreadableInput("empty file")


def _lines(stream: BinaryIO, limit: int) -> Iterator[tuple[bytes | None, int]]:
    """Each line of ``stream`` with its size in bytes; a line over ``limit`` bytes is read past in blocks and
    given as ``None``, so no line is held whole in memory."""
    while True:
        line = stream.readline(limit + 1)
        if not line:
            return
        if len(line) <= limit or line.endswith(b"\n"):
            yield line, len(line)
            continue
        size = len(line)
        while not line.endswith(b"\n"):
            line = stream.readline(1 << 20)
            if not line:
                break
            size += len(line)
        yield None, size


def _read_line(source: InputFile, raw: bytes, number: int, offset: int) -> Article | Skipped:
    where = f"{source.where}:{number}"
    if b"\x00" in raw:
        return Skipped(where, "a NUL byte in the record (binary data, not text)")
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
