"""WARC files written with warcio: HTML responses become articles, other records are passed over,
broken records are skipped with their offset and reading goes on."""

from __future__ import annotations

import gzip
import io
import zlib
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

import pytest
from warcio.archiveiterator import ArchiveIterator
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from storyweave.ingest import read_inputs, reader_for
from storyweave.ingest.registry import extension_of
from storyweave.ingest.warc import MAX_PAGE_BYTES, read_warc
from storyweave.models import Article, Origin

PARAGRAPH = (
    "<p>Paragraph {i}: the council said on Tuesday that the new bridge over the river Avery would open next "
    "spring, after years of delay and costs that rose to 40 million pounds.</p>"
)


def _page(title: str, head: str = "") -> bytes:
    body = "".join(PARAGRAPH.format(i=i) for i in range(4))
    head = f"<head><title>{title}</title>{head}</head>"
    return f"<html>{head}<body><article><h1>{title}</h1>{body}</article></body></html>".encode()


PAGES = {
    "https://www.daily.example/bridge": _page(
        "Bridge to open in spring", '<meta property="og:site_name" content="Daily Example">'
    ),
    "https://other.example/news/bridge-delay": _page(
        "Bridge delayed again", '<meta property="article:published_time" content="2026-03-02T08:00:00+01:00">'
    ),
}
WARC_DATE = "2026-03-04T10:00:00Z"


def _write_warc(path: Path) -> None:
    with path.open("wb") as stream:
        writer = WARCWriter(stream, gzip=path.suffix == ".gz")

        def response(uri: str, payload: bytes, content_type: str) -> None:
            http = StatusAndHeaders("200 OK", [("Content-Type", content_type)], protocol="HTTP/1.1")
            record = writer.create_warc_record(
                uri,
                "response",
                payload=io.BytesIO(payload),
                http_headers=http,
                warc_headers_dict={"WARC-Date": WARC_DATE},
            )
            writer.write_record(record)

        (first, second) = PAGES
        response(first, PAGES[first], "text/html; charset=utf-8")
        response("https://www.daily.example/logo.png", b"\x89PNG\r\n\x1a\n" + bytes(200), "image/png")
        response(second, PAGES[second], "text/html")
        response(
            "https://empty.example/", b"<html><head><title>Nothing</title></head><body></body></html>", "text/html"
        )


def _html_reading(tmp_path: Path, page: bytes) -> Article:
    """How the HTML reader reads a page on its own: the WARC reader must extract the same."""
    path = tmp_path / "page.html"
    path.write_bytes(page)
    (article,) = read_inputs([str(path)]).articles
    return article


def _uri_at(path: Path, offset: int) -> str:
    with path.open("rb") as stream:
        stream.seek(offset)
        record = next(iter(ArchiveIterator(stream)))
        return str(record.rec_headers.get_header("WARC-Target-URI"))


@pytest.mark.parametrize("name", ["crawl.warc", "crawl.warc.gz"])
def test_html_responses_become_articles(tmp_path: Path, name: str) -> None:
    path = tmp_path / name
    _write_warc(path)
    result = read_inputs([str(path)])
    (first, second) = PAGES
    offsets = [a.origin.offset for a in result.articles]
    assert all(isinstance(o, int) for o in offsets)
    daily = _html_reading(tmp_path, PAGES[first])
    other = _html_reading(tmp_path, PAGES[second])
    assert result.articles == [
        Article.create(
            daily.text,
            "Daily Example",
            title="Bridge to open in spring",
            url=first,
            published=datetime(2026, 3, 4, 10, tzinfo=UTC),  # the page has no date: the WARC-Date
            origin=Origin(path=str(path), offset=offsets[0]),
        ),
        Article.create(
            other.text,
            "other.example",  # no site name in the page: the crawled URL's host
            title="Bridge delayed again",
            url=second,
            published=datetime(2026, 3, 2, 8, tzinfo=timezone(timedelta(hours=1))),
            origin=Origin(path=str(path), offset=offsets[1]),
        ),
    ]
    assert offsets[0] == 0 and [_uri_at(path, o) for o in offsets] == [first, second]  # type: ignore[arg-type]
    assert "the new bridge over the river Avery" in daily.text
    (empty,) = result.skipped  # the image is passed over without a word
    assert empty.reason == "no article text found in the HTML page"
    assert empty.where.startswith(f"{path} (record at byte ") and _uri_at(path, int(empty.where.split()[-1][:-1])) == (
        "https://empty.example/"
    )


def test_a_broken_record_is_skipped_and_reading_goes_on(tmp_path: Path) -> None:
    good = tmp_path / "good.warc"
    _write_warc(good)
    data = good.read_bytes()
    second = data.index(b"WARC/1", 10)
    broken = tmp_path / "broken.warc"
    broken.write_bytes(data[:second] + b"this is not a WARC header\r\n\r\n" + data[second:])
    result = read_inputs([str(broken)])
    assert [a.url for a in result.articles] == list(PAGES)
    assert result.skipped[0].where == f"{broken} (record at byte {second})"
    assert result.skipped[0].reason.startswith("broken WARC record (")


def test_a_record_longer_than_the_file_does_not_swallow_the_rest(tmp_path: Path) -> None:
    good = tmp_path / "good.warc"
    _write_warc(good)
    data = good.read_bytes()
    image = data.index(b"WARC/1", 10)
    length = data.index(b"Content-Length: ", image) + len(b"Content-Length: ")
    end = data.index(b"\r\n", length)
    broken = tmp_path / "long.warc"
    broken.write_bytes(data[:length] + str(int(data[length:end]) + 100_000).encode() + data[end:])
    result = read_inputs([str(broken)])
    assert [a.url for a in result.articles] == list(PAGES)
    assert result.skipped[0].where == f"{broken} (record at byte {image})"
    assert result.skipped[0].reason.startswith("truncated WARC record")


def test_a_cut_off_compressed_file_reports_its_last_record(tmp_path: Path) -> None:
    good = tmp_path / "good.warc.gz"
    _write_warc(good)
    data = good.read_bytes()
    cut = tmp_path / "cut.warc.gz"
    last = data.rindex(b"\x1f\x8b")
    cut.write_bytes(data[: last + 60])
    result = read_inputs([str(cut)])
    assert [a.url for a in result.articles] == list(PAGES)
    assert [s.where for s in result.skipped] == [f"{cut} (record at byte {last})"]


def test_other_files_are_not_read_as_warc(tmp_path: Path) -> None:
    (tmp_path / "notes.txt.gz").write_bytes(gzip.compress(b"some notes"))
    (tmp_path / "fake.warc").write_bytes(b"<html>not an archive</html>")
    result = read_inputs([str(tmp_path)])
    assert not result.articles
    reasons = {Path(s.where).name: s.reason for s in result.skipped}
    assert reasons["fake.warc"] == "not a WARC file"
    assert reasons["notes.txt.gz"].startswith("unknown file type '.gz'")  # only .warc.gz is read as an archive


def test_warc_extensions_are_registered() -> None:
    assert reader_for(".warc") is reader_for(".warc.gz") is reader_for(".WARC.GZ") is read_warc
    assert reader_for(".gz") is None
    assert extension_of("crawl.2024.warc.gz") == ".warc.gz"
    assert extension_of("notes.txt.gz") == ".gz"


def test_a_page_that_unpacks_past_the_limit_is_skipped_and_reading_goes_on(tmp_path: Path) -> None:
    """A response body sent gzip-encoded may claim a thousand times its size: it is read up to the limit only."""
    packer = zlib.compressobj(9, zlib.DEFLATED, 31)
    block = b"<p>" + b"x" * (1 << 20) + b"</p>"
    bomb = b"".join(packer.compress(block) for _ in range(MAX_PAGE_BYTES // len(block) + 8)) + packer.flush()
    path = tmp_path / "bomb.warc"
    with path.open("wb") as stream:
        writer = WARCWriter(stream, gzip=False)
        for uri, payload, encoding in (
            ("https://x.example/bomb", bomb, "gzip"),
            *((u, p, "") for u, p in PAGES.items()),
        ):
            headers = [("Content-Type", "text/html")] + ([("Content-Encoding", encoding)] if encoding else [])
            http = StatusAndHeaders("200 OK", headers, protocol="HTTP/1.1")
            writer.write_record(
                writer.create_warc_record(uri, "response", payload=io.BytesIO(payload), http_headers=http)
            )
    result = read_inputs([str(path)])
    assert len(bomb) < 100_000
    assert [s.reason for s in result.skipped] == [f"a page over {MAX_PAGE_BYTES // (1024 * 1024)} MB once decoded"]
    assert sorted(a.url or "" for a in result.articles) == sorted(PAGES)


def test_a_damaged_member_is_reported_once_and_the_records_after_it_are_read(tmp_path: Path) -> None:
    import random

    buffer = io.BytesIO()
    writer = WARCWriter(buffer, gzip=True)

    def response(uri: str, payload: bytes, content_type: str) -> None:
        http = StatusAndHeaders("200 OK", [("Content-Type", content_type)], protocol="HTTP/1.1")
        writer.write_record(writer.create_warc_record(uri, "response", payload=io.BytesIO(payload), http_headers=http))

    (first, second) = PAGES
    response(first, PAGES[first], "text/html")
    damaged_at = buffer.tell()
    response("https://www.daily.example/big.bin", random.Random(1).randbytes(1_500_000), "application/octet-stream")
    response(second, PAGES[second], "text/html")
    data = bytearray(buffer.getvalue())
    data[damaged_at + 700_000] ^= 0xFF  # inside the compressed random bytes: gzip's magic recurs in there
    path = tmp_path / "damaged.warc.gz"
    path.write_bytes(bytes(data))
    result = read_inputs([str(path)])
    assert [a.url for a in result.articles] == [first, second]
    (broken,) = result.skipped
    assert broken.where.endswith(f"(record at byte {damaged_at})") and broken.reason.startswith("broken WARC record")
