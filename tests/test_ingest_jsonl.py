"""The JSON Lines reader."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path

from storyweave.ingest import iter_inputs
from storyweave.models import Article, Origin, Skipped


def write_lines(path: Path, lines: list[str]) -> Path:
    path.write_bytes("".join(line + "\n" for line in lines).encode("utf-8"))
    return path


def test_records_fields_and_origins(tmp_path: Path) -> None:
    first = json.dumps(
        {
            "text": "The bridge reopened on Tuesday.\r\nEngineers were pleased.",
            "title": "Bridge reopens",
            "outlet": "Coastal Ledger",
            "url": "https://coastal-ledger.example/a",
            "published": "2024-03-05T10:00:00Z",
        }
    )
    second = json.dumps({"text": "  The ferry stops on Friday.  ", "source": "Harbour Herald", "date": "5 March 2024"})
    third = json.dumps({"text": "Shops expect more trade.", "site": "Bay News", "url": "https://m.baynews.example/x"})
    path = write_lines(tmp_path / "feed.jsonl", [first, "", "   ", second, third])
    items = list(iter_inputs([str(path)]))
    assert all(isinstance(i, Article) for i in items), items
    a, b, c = (i for i in items if isinstance(i, Article))
    assert a.text == "The bridge reopened on Tuesday.\nEngineers were pleased."
    assert (a.title, a.outlet, a.url) == (
        "Bridge reopens",
        "Coastal Ledger",
        "https://coastal-ledger.example/a",
    )
    assert a.published == datetime(2024, 3, 5, 10, tzinfo=UTC)
    assert a.origin == Origin(path=str(path), line=1, offset=0)
    assert b.text == "The ferry stops on Friday."
    assert (b.outlet, b.published) == ("Harbour Herald", datetime(2024, 3, 5, tzinfo=UTC))
    offset = len(first.encode()) + 1 + 1 + 4
    assert b.origin == Origin(path=str(path), line=4, offset=offset)
    raw = path.read_bytes()
    assert raw[offset:].startswith(second.encode())
    assert c.outlet == "Bay News"
    assert c.origin.line == 5


def test_outlet_falls_back_to_url_host_then_file_name(tmp_path: Path) -> None:
    lines = [
        json.dumps({"text": "One.", "url": "https://www.herald.example/one"}),
        json.dumps({"text": "Two.", "outlet": "   "}),
    ]
    path = write_lines(tmp_path / "daily-courier.ndjson", lines)
    outlets = [i.outlet for i in iter_inputs([str(path)]) if isinstance(i, Article)]
    assert outlets == ["herald.example", "daily-courier"]


def test_bad_lines_are_skipped_and_reading_goes_on(tmp_path: Path) -> None:
    lines = [
        json.dumps({"text": "Good first article."}),
        "{not json at all",
        json.dumps({"title": "No text here"}),
        json.dumps({"text": "   "}),
        json.dumps({"text": 42}),
        json.dumps(["text", "a list"]),
        json.dumps({"text": "Good last article.", "published": "whenever"}),
    ]
    path = write_lines(tmp_path / "mixed.jsonl", lines)
    items = list(iter_inputs([str(path)]))
    assert [type(i).__name__ for i in items] == ["Article"] + ["Skipped"] * 5 + ["Article"]
    skipped = [i for i in items if isinstance(i, Skipped)]
    assert skipped[0].where == f"{path}:2"
    assert skipped[0].reason.startswith("not valid JSON")
    assert [s.where for s in skipped[1:]] == [f"{path}:{n}" for n in (3, 4, 5, 6)]
    assert all(s.reason.startswith("no 'text' field") for s in skipped[1:])
    last = items[-1]
    assert isinstance(last, Article)
    assert last.published is None
    assert last.text == "Good last article."


def test_bom_and_crlf(tmp_path: Path) -> None:
    path = tmp_path / "bom.jsonl"
    path.write_bytes(b"\xef\xbb\xbf" + json.dumps({"text": "Caf\u00e9 opens."}).encode() + b"\r\n")
    [article] = list(iter_inputs([str(path)]))
    assert isinstance(article, Article)
    assert article.text == "Café opens."


def test_blank_only_file_is_empty(tmp_path: Path) -> None:
    path = tmp_path / "blank.jsonl"
    path.write_bytes(b"\n   \n\n")
    assert list(iter_inputs([str(path)])) == [Skipped(str(path), "empty file")]


def test_binary_jsonl_is_one_skip(tmp_path: Path) -> None:
    path = tmp_path / "image.jsonl"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    assert list(iter_inputs([str(path)])) == [Skipped(str(path), "binary data, not text")]
