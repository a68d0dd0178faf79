"""Which reader reads which input: by file extension, or by sniffing standard input."""

from __future__ import annotations

from pathlib import Path

from storyweave.ingest.feed import read_feed
from storyweave.ingest.html import read_html
from storyweave.ingest.jsonfeed import read_json_feed
from storyweave.ingest.jsonl import read_jsonl
from storyweave.ingest.source import Reader
from storyweave.ingest.text import read_text
from storyweave.ingest.warc import read_warc

__all__ = ["READERS", "reader_for", "sniff_reader", "supported_extensions"]

# extension (lower case, with the dot) -> reader; a new format is one more line here
READERS: dict[str, Reader] = {
    ".txt": read_text,
    ".text": read_text,
    ".md": read_text,
    ".html": read_html,
    ".htm": read_html,
    ".jsonl": read_jsonl,
    ".ndjson": read_jsonl,
    ".rss": read_feed,
    ".atom": read_feed,
    ".xml": read_feed,  # read when it is an RSS or Atom feed, else skipped with the reason
    ".json": read_json_feed,  # a JSON Feed
    ".warc": read_warc,
    ".warc.gz": read_warc,
}

_SNIFF_BYTES = 4096


def reader_for(extension: str) -> Reader | None:
    """The reader for a file extension such as ".txt" or ".warc.gz" (any case), or ``None``."""
    return READERS.get(extension.lower())


def extension_of(path: str) -> str:
    """A file's extension as the registry knows it: ".warc.gz" when that is how it ends, else the last suffix."""
    suffixes = Path(path).suffixes
    double = "".join(suffixes[-2:]).lower()
    return double if double in READERS else (suffixes[-1] if suffixes else "")


def supported_extensions() -> str:
    """ "htm, .html, ..." for messages about files storyweave cannot read."""
    return ", ".join(sorted(READERS))


def sniff_reader(data: bytes) -> Reader:
    """Guess the format of unnamed bytes: "{" starts JSON Lines, "<" HTML, else plain text."""
    head = data[:_SNIFF_BYTES].removeprefix(b"\xef\xbb\xbf").lstrip()
    if head.startswith(b"{"):
        return read_jsonl
    if head.startswith(b"<"):
        return read_html
    return read_text
