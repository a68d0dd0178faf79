"""decode_bytes, parse_published and outlet resolution."""

from __future__ import annotations

import codecs
from datetime import UTC, datetime, timedelta, timezone

import pytest

from storyweave.errors import InputError
from storyweave.ingest import UnreadableInput, decode_bytes, parse_published, resolve_outlet
from storyweave.ingest.outlet import host_outlet, stem_outlet

CP1252_TEXT = "“We will reopen the café,” said the owner in Zürich. The naïve plan worked — mostly."


def test_utf8_with_and_without_bom() -> None:
    text = "Zürich café reopens"
    assert decode_bytes(text.encode("utf-8")) == text
    assert decode_bytes(codecs.BOM_UTF8 + text.encode("utf-8")) == text


def test_cp1252_accents_and_curly_quotes_are_decoded() -> None:
    assert decode_bytes(CP1252_TEXT.encode("cp1252")) == CP1252_TEXT


def test_latin1_accents_are_decoded() -> None:
    text = "Le café de Zürich a rouvert mardi, a déclaré la maire. Une façade naïve."
    assert decode_bytes(text.encode("latin-1")) == text


def test_utf16_with_bom_is_text_not_binary() -> None:
    assert decode_bytes("Bridge reopens".encode("utf-16")) == "Bridge reopens"


def test_newlines_are_normalised() -> None:
    assert decode_bytes(b"one\r\ntwo\rthree\n") == "one\ntwo\nthree\n"


@pytest.mark.parametrize("data", [b"", b"   \n\t\r\n  ", codecs.BOM_UTF8 + b"  \n"])
def test_empty_data_is_refused(data: bytes) -> None:
    with pytest.raises(UnreadableInput, match="empty file"):
        decode_bytes(data)


@pytest.mark.parametrize(
    "data",
    [
        b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00",
        bytes(range(256)) * 4,
        b"\x01\x02\x03\x04\x05\x06\x07\x08" * 50 + b"some text",
    ],
)
def test_binary_data_is_refused(data: bytes) -> None:
    with pytest.raises(UnreadableInput, match="binary"):
        decode_bytes(data)


def test_unreadable_input_is_an_input_error() -> None:
    assert issubclass(UnreadableInput, InputError)


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2024-03-05", datetime(2024, 3, 5, tzinfo=UTC)),
        ("2024-03-05T10:00:00Z", datetime(2024, 3, 5, 10, tzinfo=UTC)),
        ("2024-03-05T10:00:00+01:00", datetime(2024, 3, 5, 9, tzinfo=UTC)),
        ("2024-03-05T10:00:00-0500", datetime(2024, 3, 5, 15, tzinfo=UTC)),
        ("Tue, 05 Mar 2024 10:00:00 +0000", datetime(2024, 3, 5, 10, tzinfo=UTC)),
        ("Tue, 05 Mar 2024 10:00:00 GMT", datetime(2024, 3, 5, 10, tzinfo=UTC)),
        ("5 March 2024", datetime(2024, 3, 5, tzinfo=UTC)),
        ("March 5, 2024", datetime(2024, 3, 5, tzinfo=UTC)),
        ("  March   5,  2024 ", datetime(2024, 3, 5, tzinfo=UTC)),
        (1709632800, datetime(2024, 3, 5, 10, tzinfo=UTC)),
    ],
)
def test_parse_published(value: str | int, expected: datetime) -> None:
    parsed = parse_published(value)
    assert parsed is not None
    assert parsed.tzinfo is not None
    assert parsed == expected


def test_parse_published_keeps_the_offset() -> None:
    parsed = parse_published("2024-03-05T10:00:00+01:00")
    assert parsed is not None
    assert parsed.utcoffset() == timedelta(hours=1)
    assert parsed.tzinfo == timezone(timedelta(hours=1))


@pytest.mark.parametrize("value", [None, "", "   ", "yesterday", "soon-ish", "March 5", "not 12 a date"])
def test_unparseable_dates_are_none(value: str | None) -> None:
    assert parse_published(value) is None


@pytest.mark.parametrize(
    ("url", "host"),
    [
        ("https://www.Daily-Courier.example/news/1", "daily-courier.example"),
        ("http://m.herald.example/a?b=c", "herald.example"),
        ("https://amp.herald.example/a", "herald.example"),
        ("herald.example/news/bridge", "herald.example"),
        ("https://news.herald.example/x", "news.herald.example"),
        ("not a url", None),
        ("", None),
        (None, None),
    ],
)
def test_host_outlet(url: str | None, host: str | None) -> None:
    assert host_outlet(url) == host


def test_outlet_order_meta_then_host_then_stem() -> None:
    url = "https://www.herald.example/a"
    assert resolve_outlet("The  Herald", url, "in/daily-courier.txt") == "The Herald"
    assert resolve_outlet("  ", url, "in/daily-courier.txt") == "herald.example"
    assert resolve_outlet(None, None, "in/daily-courier.txt") == "daily-courier"
    assert resolve_outlet(None, None, None) == "stdin"
    assert stem_outlet("a/b/coastal.ledger.html") == "coastal.ledger"
