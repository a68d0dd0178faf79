"""The plain-text reader: header blocks, headline detection and prose."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest

from storyweave.ingest import iter_inputs
from storyweave.ingest.text import parse_text
from storyweave.models import Article, Origin, Skipped

BODY = (
    "The Harbour Street bridge reopened on Tuesday after six weeks of storm repairs.\n"
    "\n"
    "City engineers said the work cost 2.4 million dollars."
)


def read_one(path: Path) -> Article:
    items = list(iter_inputs([str(path)]))
    assert len(items) == 1, items
    assert isinstance(items[0], Article), items[0]
    return items[0]


def test_header_block(tmp_path: Path) -> None:
    path = tmp_path / "ledger.txt"
    path.write_text(
        "Title: Harbour bridge reopens\n"
        "outlet: Coastal Ledger\n"
        "Published: 2024-03-05T10:00:00Z\n"
        "URL: https://www.coastal-ledger.example/bridge\n"
        "Author: Jane Doe\n"
        "\n" + BODY + "\n",
        encoding="utf-8",
    )
    article = read_one(path)
    assert article.title == "Harbour bridge reopens"
    assert article.outlet == "Coastal Ledger"
    assert article.url == "https://www.coastal-ledger.example/bridge"
    assert article.published == datetime(2024, 3, 5, 10, tzinfo=UTC)
    assert article.text == BODY
    assert article.origin == Origin(path=str(path))


def test_header_aliases_and_first_value_wins() -> None:
    parsed = parse_text("Headline: A\nSource: Herald\nSite: Other\nDate: 5 March 2024\nLink: x.example\n\nBody.")
    assert parsed.title == "A"
    assert parsed.meta == {"outlet": "Herald", "published": "5 March 2024", "url": "x.example"}
    assert parsed.body == "Body."


def test_headline_line_without_header(tmp_path: Path) -> None:
    path = tmp_path / "daily-courier.txt"
    path.write_text("\n  Harbour bridge reopens after storm\n\n" + BODY + "\n\n", encoding="utf-8")
    article = read_one(path)
    assert article.title == "Harbour bridge reopens after storm"
    assert article.text == BODY
    assert "Harbour bridge reopens after storm" not in article.text
    assert article.outlet == "daily-courier"
    assert article.published is None


def test_plain_prose_has_no_headline(tmp_path: Path) -> None:
    prose = "The bridge reopened on Tuesday.\n\nEngineers said it was safe.\n\nThe mayor thanked commuters."
    path = tmp_path / "prose.txt"
    path.write_text(prose, encoding="utf-8")
    article = read_one(path)
    assert article.title == ""
    assert article.text == prose


@pytest.mark.parametrize(
    "first",
    [
        "The bridge reopened on Tuesday after repairs.",  # ends like a sentence
        "“We are open again”",  # ends in a closing quote
        "Is the bridge safe?",
        "By Jane Doe",  # a byline, not a headline
        " ".join(["word"] * 21),  # too long for a headline
    ],
)
def test_lines_that_are_not_headlines(first: str) -> None:
    parsed = parse_text(f"{first}\n\n{BODY}")
    assert parsed.title == ""
    assert parsed.body == f"{first}\n\n{BODY}"


def test_first_line_without_blank_line_is_body() -> None:
    text = "Harbour bridge reopens\nThe bridge reopened on Tuesday.\n\nMore."
    assert parse_text(text).title == ""
    assert parse_text(text).body == text


def test_unknown_key_line_is_prose_not_header() -> None:
    text = "Update: the council met again on Monday evening.\n\nIt agreed a budget."
    parsed = parse_text(text)
    assert parsed.meta == {}
    assert parsed.title == ""
    assert parsed.body == text


def test_header_without_title_then_headline() -> None:
    parsed = parse_text("Outlet: Herald\n\nBridge reopens\n\nThe bridge reopened.")
    assert parsed.title == "Bridge reopens"
    assert parsed.meta == {"outlet": "Herald"}
    assert parsed.body == "The bridge reopened."


def test_markdown_front_matter_and_heading(tmp_path: Path) -> None:
    path = tmp_path / "story.md"
    path.write_text('---\ntitle: "Harbour bridge reopens"\nsite: Coastal Ledger\n---\n\n' + BODY, encoding="utf-8")
    article = read_one(path)
    assert (article.title, article.outlet, article.text) == ("Harbour bridge reopens", "Coastal Ledger", BODY)
    assert parse_text("# Bridge reopens\n\nBody text.").title == "Bridge reopens"


def test_body_keeps_inner_whitespace_verbatim() -> None:
    body = "First line.\n   Indented second line.\n\n\n\nAfter three blank lines."
    assert parse_text(f"Title: T\n\n  {body}  \n").body == body


def test_cp1252_file(tmp_path: Path) -> None:
    text = "“We will reopen the café,” said the owner in Zürich.\n\nThe crowd cheered — loudly."
    path = tmp_path / "zurich.txt"
    path.write_bytes(("Title: Café reopens in Zürich\n\n" + text).replace("\n", "\r\n").encode("cp1252"))
    article = read_one(path)
    assert article.title == "Café reopens in Zürich"
    assert article.text == text


def test_header_only_file_is_skipped(tmp_path: Path) -> None:
    path = tmp_path / "header.txt"
    path.write_text("Title: Nothing here\nOutlet: Herald\n\n\n", encoding="utf-8")
    assert list(iter_inputs([str(path)])) == [Skipped(str(path), "no article text after the header")]
