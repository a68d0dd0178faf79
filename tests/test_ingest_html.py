"""The HTML reader (through trafilatura)."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest

from storyweave.ingest import iter_inputs
from storyweave.models import Article, Skipped

PARAGRAPHS = [
    "The Harbour Street bridge reopened to traffic on Tuesday morning, six weeks after a winter "
    "storm tore away part of its railing and damaged the deck supports.",
    "City engineers said the repairs cost about 2.4 million dollars and were finished ahead of "
    "schedule because the spring tides stayed calm. Crews worked in two shifts to replace the "
    "steel beams under the eastern lane.",
    "Mayor Lena Ortiz thanked commuters for their patience and said a new inspection plan would "
    "check the bridge every three months. Shop owners on the waterfront said business had dropped "
    "sharply during the closure.",
    "The ferry service that carried pedestrians across the harbour during the works will end on "
    "Friday, the port authority said.",
]


def page(
    *,
    site_name: str | None = "Coastal Ledger",
    canonical: str | None = "https://www.coastal-ledger.example/news/bridge-reopens",
    paragraphs: list[str] = PARAGRAPHS,
) -> str:
    site = f'<meta property="og:site_name" content="{site_name}">' if site_name else ""
    link = f'<link rel="canonical" href="{canonical}">' if canonical else ""
    body = "\n".join(f"<p>{p}</p>" for p in paragraphs)
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<title>Harbour bridge reopens after storm repairs | Coastal Ledger</title>
{site}
<meta property="article:published_time" content="2024-03-05T10:15:00+01:00">
{link}
</head><body>
<header><a href="/">Coastal Ledger home</a>
<nav><ul><li><a href="/news">Latest news</a></li><li><a href="/sport">Sport results</a></li>
<li><a href="/weather">Weather desk</a></li></ul></nav></header>
<main><article>
<h1>Harbour bridge reopens after storm repairs</h1>
{body}
</article></main>
<footer><p>Copyright © 2024 Coastal Ledger Media. All rights reserved.</p>
<a href="/privacy">Privacy policy</a> <a href="/contact">Contact the newsroom</a></footer>
</body></html>
"""


def read(path: Path) -> list[Article | Skipped]:
    return list(iter_inputs([str(path)]))


def test_article_text_title_date_outlet(tmp_path: Path) -> None:
    path = tmp_path / "bridge.html"
    path.write_text(page(), encoding="utf-8")
    [article] = read(path)
    assert isinstance(article, Article)
    for paragraph in PARAGRAPHS:
        assert paragraph in article.text
    for chrome in ("Latest news", "Sport results", "Weather desk", "Copyright", "Privacy policy", "newsroom"):
        assert chrome not in article.text
    assert article.title == "Harbour bridge reopens after storm repairs"
    assert not article.text.startswith(article.title)
    assert article.outlet == "Coastal Ledger"
    assert article.url == "https://www.coastal-ledger.example/news/bridge-reopens"
    assert article.published == datetime(2024, 3, 5, 9, 15, tzinfo=UTC)
    assert article.origin.path == str(path)


def test_outlet_from_url_host_without_site_name(tmp_path: Path) -> None:
    path = tmp_path / "saved-page.htm"
    path.write_text(page(site_name=None), encoding="utf-8")
    [article] = read(path)
    assert isinstance(article, Article)
    assert article.outlet == "coastal-ledger.example"


def test_outlet_from_file_name_without_site_name_or_url(tmp_path: Path) -> None:
    path = tmp_path / "harbour-weekly.html"
    html = page(site_name=None, canonical=None).replace(" | Coastal Ledger", "")
    path.write_text(html, encoding="utf-8")
    [article] = read(path)
    assert isinstance(article, Article)
    assert article.outlet == "harbour-weekly"
    assert article.url is None


def test_cp1252_page(tmp_path: Path) -> None:
    text = "“We will reopen the café,” said the owner in Zürich, who had waited for months. "
    path = tmp_path / "cafe.html"
    path.write_bytes(page(paragraphs=[text * 3, *PARAGRAPHS]).replace('charset="utf-8"', "").encode("cp1252"))
    [article] = read(path)
    assert isinstance(article, Article)
    assert "“We will reopen the café,” said the owner in Zürich" in article.text


def test_short_story_without_menu(tmp_path: Path) -> None:
    path = tmp_path / "brief.html"
    path.write_text(
        "<html><head><title>Brief</title></head><body><nav><a href='/'>Home</a></nav><article>"
        "<p>The bridge reopened on Tuesday after repairs, the city said.</p></article></body></html>",
        encoding="utf-8",
    )
    [article] = read(path)
    assert isinstance(article, Article)
    assert article.text == "The bridge reopened on Tuesday after repairs, the city said."


@pytest.mark.parametrize(
    "html",
    [
        "<html><head><title>Menu</title></head><body><nav><a href='/'>Home</a> "
        "<a href='/news'>Latest news</a>"
        "</nav><footer>Copyright 2024 Ledger. All rights reserved.</footer></body></html>",
        "<html><body><div>Advertisement</div><div>Share this article</div></body></html>",
        "<html><body></body></html>",
        "<<<>>>",
    ],
)
def test_page_without_text_is_skipped(tmp_path: Path, html: str) -> None:
    path = tmp_path / "empty.html"
    path.write_text(html, encoding="utf-8")
    assert read(path) == [Skipped(str(path), "no article text found in the HTML page")]


def test_trafilatura_exception_becomes_skipped(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def explode(*args: object, **kwargs: object) -> None:
        raise RuntimeError("parser blew up")

    monkeypatch.setattr("storyweave.ingest.html.bare_extraction", explode)
    path = tmp_path / "bridge.html"
    path.write_text(page(), encoding="utf-8")
    [skipped] = read(path)
    assert isinstance(skipped, Skipped)
    assert skipped.where == str(path)
    assert "could not parse the HTML page" in skipped.reason
    assert "parser blew up" in skipped.reason
