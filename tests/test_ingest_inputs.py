"""iter_inputs / read_inputs: walking paths, standard input, duplicates and bad inputs."""

from __future__ import annotations

import io
import json
import os
from pathlib import Path

import pytest

from storyweave.ingest import READERS, ReadResult, iter_inputs, read_inputs
from storyweave.models import Article, Origin, Skipped

STORY = "The Harbour Street bridge reopened on Tuesday after six weeks of storm repairs."
OTHER = "The ferry that replaced the bridge will stop running on Friday, the port said."
PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x10\x00\x00\x00\x10\x08\x06\x00\x00\x00"


def articles(items: list[Article | Skipped]) -> list[Article]:
    return [i for i in items if isinstance(i, Article)]


def skipped(items: list[Article | Skipped]) -> list[Skipped]:
    return [i for i in items if isinstance(i, Skipped)]


def test_directory_is_walked_recursively_in_sorted_order(tmp_path: Path) -> None:
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "deep").mkdir()
    (tmp_path / ".hidden").mkdir()
    (tmp_path / "c.txt").write_text("Third story text.", encoding="utf-8")
    (tmp_path / "a.TXT").write_text("First story text.", encoding="utf-8")
    (tmp_path / "b" / "z.md").write_text("Second story text.", encoding="utf-8")
    (tmp_path / "b" / "deep" / "y.jsonl").write_text(json.dumps({"text": "Deep story text."}) + "\n")
    (tmp_path / ".hidden" / "secret.txt").write_text("Hidden story text.", encoding="utf-8")
    (tmp_path / ".notes.txt").write_text("Hidden file text.", encoding="utf-8")
    (tmp_path / "scan.pdf").write_bytes(b"%PDF-1.4")
    items = list(iter_inputs([str(tmp_path)]))
    assert [a.text for a in articles(items)] == [
        "First story text.",
        "Deep story text.",
        "Second story text.",
        "Third story text.",
    ]
    assert skipped(items) == [
        Skipped(
            str(tmp_path / "scan.pdf"),
            "unknown file type '.pdf' (storyweave reads .atom, .htm, .html, .json, .jsonl, .md, .ndjson, .rss, .text, "
            ".txt, .warc, .warc.gz, .xml)",
        )
    ]


def test_registry_lists_every_format() -> None:
    assert set(READERS) == {
        ".txt", ".text", ".md", ".html", ".htm", ".json", ".jsonl", ".ndjson", ".rss", ".atom", ".xml", ".warc",
        ".warc.gz",
    }  # fmt: skip


def test_missing_path(tmp_path: Path) -> None:
    missing = str(tmp_path / "nope.txt")
    assert list(iter_inputs([missing])) == [Skipped(missing, "no such file or folder")]


def test_file_without_extension(tmp_path: Path) -> None:
    path = tmp_path / "README"
    path.write_text(STORY, encoding="utf-8")
    [item] = list(iter_inputs([str(path)]))
    assert isinstance(item, Skipped)
    assert item.reason.startswith("unknown file type (no extension)")


@pytest.mark.parametrize(
    ("name", "data", "reason"),
    [
        ("empty.txt", b"", "empty file"),
        ("blank.txt", b"  \n\n\t\n", "empty file"),
        ("empty.html", b"", "empty file"),
        ("empty.jsonl", b"", "empty file"),
        ("picture.txt", PNG, "binary data, not text"),
        ("picture.html", PNG + os.urandom(64), "binary data, not text"),
        ("noise.txt", bytes(range(256)) * 8, "binary data, not text"),
    ],
)
def test_bad_files_become_skipped(tmp_path: Path, name: str, data: bytes, reason: str) -> None:
    path = tmp_path / name
    path.write_bytes(data)
    assert list(iter_inputs([str(path)])) == [Skipped(str(path), reason)]


def test_unreadable_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "locked.txt"
    path.write_text(STORY, encoding="utf-8")

    def refuse(self: object) -> None:
        raise PermissionError(13, "Permission denied", str(path))

    monkeypatch.setattr("storyweave.ingest.source.InputFile.open", refuse)
    assert list(iter_inputs([str(path)])) == [Skipped(str(path), "cannot read the file (permission denied)")]


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() == 0, reason="root can read any file")
def test_unreadable_file_on_disk(tmp_path: Path) -> None:
    path = tmp_path / "locked.txt"
    path.write_text(STORY, encoding="utf-8")
    path.chmod(0)
    try:
        [item] = list(iter_inputs([str(path)]))
    finally:
        path.chmod(0o644)
    assert item == Skipped(str(path), "cannot read the file (permission denied)")


def test_reading_goes_on_after_bad_inputs(tmp_path: Path) -> None:
    good = tmp_path / "good.txt"
    good.write_text(STORY, encoding="utf-8")
    bad = tmp_path / "bad.txt"
    bad.write_bytes(PNG)
    items = list(iter_inputs([str(bad), str(tmp_path / "missing"), str(good)]))
    assert [type(i).__name__ for i in items] == ["Skipped", "Skipped", "Article"]


def test_reader_bug_does_not_escape(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(source: object) -> None:
        raise KeyError("oops")

    monkeypatch.setitem(READERS, ".txt", broken)
    path = tmp_path / "a.txt"
    path.write_text(STORY, encoding="utf-8")
    [item] = list(iter_inputs([str(path)]))
    assert isinstance(item, Skipped)
    assert "KeyError" in item.reason


def test_stdin_plain_text() -> None:
    data = f"Bridge reopens\n\n{STORY}\n".encode()
    [article] = list(iter_inputs(["-"], stdin=io.BytesIO(data)))
    assert isinstance(article, Article)
    assert (article.title, article.text, article.outlet) == ("Bridge reopens", STORY, "stdin")
    assert article.origin == Origin(path=None)


def test_stdin_json_lines() -> None:
    data = ("\n  " + json.dumps({"text": STORY}) + "\n" + json.dumps({"text": OTHER, "outlet": "Herald"})).encode()
    items = list(iter_inputs(["-"], stdin=io.BytesIO(data)))
    assert [a.text for a in articles(items)] == [STORY, OTHER]
    assert [a.outlet for a in articles(items)] == ["stdin", "Herald"]
    assert articles(items)[1].origin == Origin(path=None, line=3, offset=data.index(b'{"text": "The ferry'))


def test_stdin_html_is_sniffed() -> None:
    paragraphs = "".join(f"<p>{STORY} {OTHER}</p>" for _ in range(3))
    html = f"  <html><head><title>Bridge reopens</title></head><body><article>{paragraphs}</article></body></html>"
    [article] = list(iter_inputs(["-"], stdin=io.BytesIO(html.encode())))
    assert isinstance(article, Article)
    assert "<p>" not in article.text
    assert STORY in article.text


def test_stdin_empty_and_read_once() -> None:
    assert list(iter_inputs(["-"], stdin=io.BytesIO(b""))) == [Skipped("<stdin>", "empty file")]
    items = list(iter_inputs(["-", "-"], stdin=io.BytesIO(STORY.encode())))
    assert isinstance(items[0], Article)
    assert items[1] == Skipped("<stdin>", "standard input was already read")


def test_read_inputs_drops_duplicates(tmp_path: Path) -> None:
    (tmp_path / "first.txt").write_text(STORY, encoding="utf-8")
    (tmp_path / "copy").mkdir()
    (tmp_path / "copy" / "first.txt").write_text(f"\n{STORY}\n", encoding="utf-8")
    feed = tmp_path / "third.jsonl"
    feed.write_text(
        json.dumps({"text": OTHER, "url": "https://herald.example/a", "outlet": "Herald"})
        + "\n"
        + json.dumps({"text": "Edited later.", "url": "https://herald.example/a", "outlet": "herald"})
        + "\n"
        + json.dumps({"text": "  " + STORY.replace(" ", "  "), "outlet": "first"})
        + "\n"
        + json.dumps({"text": STORY, "outlet": "Wire Copy Daily"})
        + "\n",
        encoding="utf-8",
    )
    result = read_inputs([str(tmp_path), str(tmp_path / "missing.txt")])
    assert isinstance(result, ReadResult)
    # The same text from another outlet is syndication, not a duplicate: it is kept.
    assert [(a.outlet, a.text) for a in result.articles] == [
        ("first", STORY),
        ("Herald", OTHER),
        ("Wire Copy Daily", STORY),
    ]
    first = str(tmp_path / "copy" / "first.txt")
    assert result.skipped == [
        Skipped(str(tmp_path / "first.txt"), f"duplicate of {first}"),
        Skipped(f"{feed}:2", f"duplicate of {feed}:1"),
        Skipped(f"{feed}:3", f"duplicate of {first}"),
        Skipped(str(tmp_path / "missing.txt"), "no such file or folder"),
    ]


def test_outlet_order_across_readers(tmp_path: Path) -> None:
    meta = tmp_path / "daily-courier.txt"
    meta.write_text(f"Outlet: Coastal Ledger\nURL: https://www.herald.example/x\n\n{STORY}", encoding="utf-8")
    host = tmp_path / "daily-courier.text"
    host.write_text(f"URL: https://www.herald.example/y\n\n{STORY}", encoding="utf-8")
    stem = tmp_path / "daily-courier.md"
    stem.write_text(STORY, encoding="utf-8")
    items = list(iter_inputs([str(meta), str(host), str(stem)]))
    assert [a.outlet for a in articles(items)] == ["Coastal Ledger", "herald.example", "daily-courier"]
