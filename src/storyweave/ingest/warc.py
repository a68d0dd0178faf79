"""Web archives (.warc, .warc.gz): each HTML response record is one page, read like an HTML file.

Records that are not successful HTML responses (requests, metadata, images, redirects) are
passed over without a word. A record that cannot be read becomes a ``Skipped`` with its byte
offset, and reading goes on at the next record found after it.
"""

from __future__ import annotations

import contextlib
import io
import zlib
from collections.abc import Generator, Iterator
from dataclasses import dataclass
from typing import Any, BinaryIO

from warcio.archiveiterator import ArchiveIterator
from warcio.limitreader import LimitReader

from storyweave.ingest._errors import UnreadableInput
from storyweave.ingest.dates import parse_published
from storyweave.ingest.html import read_html
from storyweave.ingest.outlet import STDIN_OUTLET, resolve_outlet
from storyweave.ingest.source import InputFile, over_limit
from storyweave.limits import current
from storyweave.models import Article, Origin, Skipped

__all__ = ["read_warc"]

_HTML_TYPES = ("text/html", "application/xhtml+xml")
_GZIP_MAGIC = b"\x1f\x8b"
_WARC_MAGIC = b"WARC/"
_SCAN_BLOCK = 1 << 20
_MAX_REASON = 100
MAX_PAGE_BYTES = 20 * 1024 * 1024  # a page's body once decoded (a compressed body may claim a thousand times more)


def read_warc(source: InputFile) -> Iterator[Article | Skipped]:
    """Read the HTML pages of a WARC file (plain or gzip-compressed record by record)."""
    with source.open() as stream:
        head = stream.read(len(_GZIP_MAGIC))
        if head != _GZIP_MAGIC and (head + stream.read(len(_WARC_MAGIC) - len(head))) != _WARC_MAGIC:
            raise UnreadableInput("not a WARC file")
        if head == _GZIP_MAGIC:
            yield from _read_members(source, stream)
            return
        marker = b"\n" + _WARC_MAGIC
        if not (source.path or "").lower().endswith((".warc", ".warc.gz")):
            _check_first_record(stream)
        start: int | None = 0
        quiet = False  # after a broken record, a false restart point is not news
        while start is not None:
            failed_at = yield from _read_from(source, stream, start, quiet)
            if failed_at is None:
                return
            quiet = True
            start = _next_record(stream, failed_at + 1, marker)


def _read_from(
    source: InputFile, stream: BinaryIO, start: int, quiet: bool, *, base: int | None = None
) -> Generator[Article | Skipped, None, int | None]:
    """Read records from ``start`` on; returns the offset of a record that broke the archive, else None.
    ``base`` is where ``stream`` starts in the file (a gzip member's offset): records read from a member are
    placed at the member's offset (a file gzipped whole is one member, and an offset inside it is nowhere)."""
    stream.seek(start)
    records = ArchiveIterator(stream)
    while True:
        try:
            with _silenced():  # warcio prints its warnings on stderr
                record = next(records, None)
                if record is None:
                    _check_end(stream, int(records.offset))
                    return None
                page = _html_payload(record)
                _check_complete(record)
        except Exception as err:  # warcio, zlib and http parsing raise many kinds
            if not quiet:
                yield Skipped(_where(source, _placed(base, records.offset)), _reason(err))
            return int(records.offset)
        quiet = False
        if page is not None and len(page) > MAX_PAGE_BYTES:
            yield Skipped(
                _where(source, _placed(base, records.offset)),
                f"a page over {MAX_PAGE_BYTES // (1024 * 1024)} MB once decoded",
            )
        elif page is not None:
            yield from _page_articles(source, record, page, _placed(base, int(records.offset)))


def _read_members(source: InputFile, stream: BinaryIO) -> Iterator[Article | Skipped]:
    """Read a gzip-compressed WARC member by member (each record is compressed on its own): each member is
    unpacked here, at most ``record_bytes`` of it kept and at most ``archive_bytes`` in all, and parsed alone,
    so a member that unpacks to gigabytes (a gzip bomb) costs time to pass over, not memory."""
    limits = current()
    start: int | None = 0
    budget = limits.archive_bytes
    first = True
    quiet = False  # after a broken member, gzip's two magic bytes turn up inside compressed data: not news
    while start is not None:
        stream.seek(start)
        if not stream.read(1):
            return  # the end of the file
        member = _unpack_member(stream, start, limits.record_bytes, budget)
        if first and not member.data.startswith(_WARC_MAGIC):
            raise UnreadableInput("not a WARC file (its gzip content does not start with a WARC record)")
        first = False
        budget -= member.size
        if budget < 0:
            too_much = over_limit("WARC file unpacked", limits.archive_bytes, "archive_bytes")
            yield Skipped(_where(source, start), too_much)
            return
        readable = not member.problem and member.data.startswith(_WARC_MAGIC)
        if member.problem and not (quiet and not member.data.startswith(_WARC_MAGIC)):
            yield Skipped(_where(source, start), member.problem)
        elif readable:
            failed = yield from _read_from(source, io.BytesIO(member.data), 0, False, base=start)
            if failed is not None and member.end is None:
                return
        quiet = not readable
        start = member.end if member.end is not None else _next_record(stream, start + 1, _GZIP_MAGIC)


@dataclass(slots=True)
class _Member:
    data: bytes  # what was kept of the unpacked member
    size: int  # bytes it unpacked to
    end: int | None  # where the next member starts; None when this one is broken or cut off
    problem: str = ""


def _unpack_member(stream: BinaryIO, start: int, keep: int, budget: int) -> _Member:
    stream.seek(start)
    unpacker = zlib.decompressobj(16 + zlib.MAX_WBITS)
    kept = bytearray()
    size = fed = 0
    pending = b""
    try:
        while not unpacker.eof and size <= budget:
            if not pending:
                pending = stream.read(_SCAN_BLOCK)
                fed += len(pending)
                if not pending:
                    break
            piece = unpacker.decompress(pending, _SCAN_BLOCK)
            pending = unpacker.unconsumed_tail
            size += len(piece)
            if len(kept) <= keep:
                kept += piece[: keep + 1 - len(kept)]
    except zlib.error as err:
        return _Member(bytes(kept[:keep]), size, None, f"broken WARC record (gzip: {_one_line(err)})")
    if not unpacker.eof:
        if size > budget:
            return _Member(b"", size, None)  # over the archive limit: the caller says so
        return _Member(bytes(kept[:keep]), size, None, "truncated WARC record (the file ends inside this record)")
    end = start + fed - len(unpacker.unused_data)
    if len(kept) > keep:
        problem = over_limit("record once unpacked", keep, "record_bytes")
        return _Member(bytes(kept[:16]), size, end, problem + " (a WARC file gzipped whole is one record to this)")
    return _Member(bytes(kept), size, end)


def _check_first_record(stream: BinaryIO) -> None:
    """Refuse a file (a ".gz" of something else) whose first record is not a WARC record."""
    stream.seek(0)
    try:
        with _silenced():
            next(ArchiveIterator(stream), None)
    except Exception as err:
        raise UnreadableInput("not a WARC file") from err


class TruncatedRecord(Exception):
    """A record that declares more bytes than its file (or gzip member) holds."""


def _check_complete(record: Any) -> None:
    """Read the rest of a record and refuse it when it ends before its declared length.

    Such a record would otherwise swallow the records after it without a word.
    """
    raw = record.raw_stream
    while raw.read(_SCAN_BLOCK):
        pass
    missing = raw.limit if isinstance(raw, LimitReader) else 0
    if missing > 0:
        raise TruncatedRecord(f"{missing} bytes short of its declared length")


def _check_end(stream: BinaryIO, offset: int) -> None:
    """Refuse bytes left after the last record warcio read: a record cut off by the end of the file."""
    stream.seek(offset)
    if stream.read(_SCAN_BLOCK).strip():
        raise TruncatedRecord("the file ends inside this record")


def _html_payload(record: Any) -> bytes | None:
    """The decoded body of a successful HTML response, else None: at most one byte past ``MAX_PAGE_BYTES`` (what
    a compressed body would decode to beyond that is never held in memory)."""
    if record.rec_type != "response" or record.http_headers is None:
        return None
    status = record.http_headers.get_statuscode() or ""
    content_type = (record.http_headers.get_header("Content-Type") or "").split(";")[0].strip().lower()
    if not status.startswith("2") or content_type not in _HTML_TYPES:
        return None
    return bytes(record.content_stream().read(MAX_PAGE_BYTES + 1))


def _page_articles(source: InputFile, record: Any, page: bytes, offset: int) -> Iterator[Article | Skipped]:
    where = _where(source, offset)
    url = (record.rec_headers.get_header("WARC-Target-URI") or "").strip().strip("<>") or None
    try:
        found = list(read_html(InputFile(path=None, data=page)))
    except UnreadableInput as err:
        yield Skipped(where, err.problem)
        return
    for item in found:
        if isinstance(item, Skipped):
            yield Skipped(where, item.reason)
            continue
        outlet = item.outlet
        if outlet == STDIN_OUTLET and item.url is None:  # the page names no site: take the crawled URL's host
            outlet = resolve_outlet(None, url, source.path)
        yield Article.create(
            item.text,
            outlet,
            title=item.title,
            url=url or item.url,
            published=item.published or parse_published(record.rec_headers.get_header("WARC-Date")),
            language=item.language,
            origin=Origin(path=source.path, offset=offset),
        )


def _next_record(stream: BinaryIO, position: int, marker: bytes) -> int | None:
    """The offset of the next record start (a gzip member or a WARC header line) at or after ``position``."""
    stream.seek(position)
    carry = b""
    base = position
    while block := stream.read(_SCAN_BLOCK):
        data = carry + block
        found = data.find(marker)
        if found >= 0:
            return base + found + (1 if marker.startswith(b"\n") else 0)
        carry = data[-(len(marker) - 1) :]
        base += len(data) - len(carry)
    return None


def _reason(err: Exception) -> str:
    if isinstance(err, TruncatedRecord):
        return f"truncated WARC record ({_one_line(err)})"
    return f"broken WARC record ({type(err).__name__}: {_one_line(err)})"


def _one_line(err: Exception) -> str:
    """The error's message on one line, without the binary bytes warcio quotes from broken records."""
    text = "".join(ch if " " <= ch <= "~" else "?" for ch in " ".join(str(err).split()))
    return (text[:_MAX_REASON] + "...") if len(text) > _MAX_REASON else text or "no details"


def _placed(base: int | None, offset: int) -> int:
    return int(offset) if base is None else base


def _where(source: InputFile, offset: int) -> str:
    return f"{source.where} (record at byte {offset})"


@contextlib.contextmanager
def _silenced() -> Iterator[None]:
    with contextlib.redirect_stderr(io.StringIO()):
        yield
