"""Plain-text articles (.txt, .text, .md), with an optional ``Key: value`` header block."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field

from storyweave.ingest.boilerplate import is_boilerplate_line
from storyweave.ingest.dates import parse_published
from storyweave.ingest.decode import decode_bytes
from storyweave.ingest.outlet import resolve_outlet
from storyweave.ingest.source import InputFile
from storyweave.models import Article, Skipped

__all__ = ["ParsedText", "parse_text", "read_text"]

# header key (lower case) -> the field it fills
HEADER_KEYS = {
    "title": "title",
    "headline": "title",
    "outlet": "outlet",
    "source": "outlet",
    "publisher": "outlet",
    "site": "outlet",
    "published": "published",
    "date": "published",
    "url": "url",
    "link": "url",
    "author": "author",
    "byline": "author",
}
MAX_HEADLINE_WORDS = 20
_HEADER_LINE = re.compile(r"^([A-Za-z][A-Za-z_-]*(?: [A-Za-z][A-Za-z_-]*){0,2})\s*:\s*(.*?)\s*$")
_BLANK_LINE = re.compile(r"\n[^\S\n]*\n")
MAX_HEADER_VALUE_WORDS = 30
_FRONT_MATTER_FENCE = "---"
_MAX_FRONT_MATTER_LINES = 50
_SENTENCE_END = ".!?\"'”’»"


@dataclass(slots=True)
class ParsedText:
    """A text file split into its metadata, headline and body."""

    body: str
    title: str = ""
    meta: dict[str, str] = field(default_factory=dict)  # outlet, published, url, author


def read_text(source: InputFile) -> Iterator[Article | Skipped]:
    """Read one plain-text article."""
    parsed = parse_text(decode_bytes(source.read_bytes()))
    if not parsed.body:
        yield Skipped(source.where, "no article text after the header")
        return
    url = parsed.meta.get("url") or None
    yield Article.create(
        parsed.body,
        resolve_outlet(parsed.meta.get("outlet"), url, source.path),
        title=parsed.title,
        url=url,
        published=parse_published(parsed.meta.get("published")),
        origin=source.origin(),
    )


def parse_text(text: str) -> ParsedText:
    """Split decoded text (with "\\n" newlines) into header fields, headline and body."""
    text = text.strip()
    meta, body = _front_matter(text) or _header_block(text) or ({}, text)
    title = meta.pop("title", "")
    if not title:
        title, body = _headline(body)
    return ParsedText(body=body, title=title, meta=meta)


def _header_block(text: str) -> tuple[dict[str, str], str] | None:
    """``Key: value`` lines, at least one with a known key, then a blank line."""
    head, rest = _first_paragraph(text)
    pairs = []
    for line in head.split("\n"):
        match = _HEADER_LINE.match(line.strip())
        if match is None or len(match.group(2).split()) > MAX_HEADER_VALUE_WORDS:
            return None
        pairs.append((match.group(1), match.group(2)))
    if not any(key.lower() in HEADER_KEYS for key, _ in pairs):
        return None
    return _known_fields(pairs), rest


def _front_matter(text: str) -> tuple[dict[str, str], str] | None:
    """A Markdown/YAML front matter block between two "---" lines."""
    lines = text.split("\n")
    if lines[0].strip() != _FRONT_MATTER_FENCE:
        return None
    for end in range(1, min(len(lines), _MAX_FRONT_MATTER_LINES)):
        if lines[end].strip() == _FRONT_MATTER_FENCE:
            break
    else:
        return None
    pairs = []
    for line in lines[1:end]:
        match = _HEADER_LINE.match(line.strip())
        if match is not None:
            pairs.append((match.group(1), match.group(2).strip().strip("\"'")))
    return _known_fields(pairs), "\n".join(lines[end + 1 :]).strip()


def _known_fields(pairs: list[tuple[str, str]]) -> dict[str, str]:
    meta: dict[str, str] = {}
    for key, value in pairs:
        name = HEADER_KEYS.get(key.lower())
        if name is not None and value and name not in meta:
            meta[name] = value
    return meta


def _headline(body: str) -> tuple[str, str]:
    """Take a short first line followed by a blank line as the headline."""
    first, rest = _first_paragraph(body)
    if not rest or "\n" in first:
        return "", body
    line = re.sub(r"^#{1,6}\s+", "", first.strip())  # a Markdown heading
    words = line.split()
    if not words or len(words) > MAX_HEADLINE_WORDS or line[-1] in _SENTENCE_END or is_boilerplate_line(line):
        return "", body
    return line, rest


def _first_paragraph(text: str) -> tuple[str, str]:
    """The stripped text before the first blank line, and the stripped text after it."""
    parts = _BLANK_LINE.split(text, maxsplit=1)
    return parts[0].strip(), (parts[1].strip() if len(parts) > 1 else "")
