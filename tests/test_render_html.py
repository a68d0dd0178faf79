from __future__ import annotations

import base64
import hashlib
import re
from dataclasses import dataclass
from html import escape
from html.parser import HTMLParser
from importlib import resources

import pytest

from storyweave.document import brief_to_json
from storyweave.models import Analysis, Brief
from storyweave.render import FORMATS, brief_to_html, brief_to_markdown, render
from storyweave.render._links import safe_url
from test_render_sample import QUOTE, ROLE, STORY_ARTICLES, XSS, analysed_brief, sample_brief


@dataclass
class Element:
    tag: str
    attrs: dict[str, str | None]
    text: str = ""


class Page(HTMLParser):
    """Every element with its attributes and all the text inside it."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.elements: list[Element] = []
        self.stack: list[Element] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        element = Element(tag, dict(attrs))
        self.elements.append(element)
        if tag not in {"meta", "link", "br", "img", "input"}:
            self.stack.append(element)

    def handle_endtag(self, tag: str) -> None:
        while self.stack and self.stack.pop().tag != tag:
            pass

    def handle_data(self, data: str) -> None:
        for element in self.stack:
            element.text += data

    def find(self, tag: str, **attrs: str) -> list[Element]:
        """Elements ``tag`` whose attributes hold the given words (``class_`` is ``class``)."""
        wanted = {k.rstrip("_").replace("_", "-"): v for k, v in attrs.items()}
        return [
            e
            for e in self.elements
            if e.tag == tag and all(v in (e.attrs.get(k) or "").split() for k, v in wanted.items())
        ]


def parse(html: str) -> Page:
    page = Page()
    page.feed(html)
    page.close()
    return page


@pytest.fixture(scope="module")
def html() -> str:
    return brief_to_html(sample_brief())


@pytest.fixture(scope="module")
def page(html: str) -> Page:
    return parse(html)


def _sha256(text: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode()).digest()).decode() + "'"


def test_article_text_is_escaped(html: str, page: Page) -> None:
    assert "<script>alert" not in html
    assert "<b>Planet" not in html
    assert "Storm &lt;script&gt;alert(1)&lt;/script&gt; &amp; the coast" in html
    assert "coast &amp; town" in html
    assert len(page.find("script")) == 1
    assert page.find("h1")[0].text == f"Storm {XSS} & the coast"


def test_csp_allows_only_the_inline_style_and_script(page: Page) -> None:
    metas = [m for m in page.find("meta") if (m.attrs.get("http-equiv") or "").lower() == "content-security-policy"]
    assert len(metas) == 1
    assert page.elements.index(metas[0]) < page.elements.index(page.find("style")[0])
    policy = metas[0].attrs["content"] or ""
    directives = dict(d.strip().split(" ", 1) for d in policy.split(";"))
    assert directives["default-src"] == "'none'"
    assert directives["script-src"] == _sha256(page.find("script")[0].text)
    assert directives["style-src"] == _sha256(page.find("style")[0].text)
    assert "unsafe-inline" not in policy and "http" not in policy


def test_no_external_assets_and_only_source_links_leave_the_page(page: Page) -> None:
    assert not page.find("link") and not page.find("iframe") and not page.find("img")
    assert all("src" not in e.attrs for e in page.elements)
    assert all(not k.startswith("on") and k != "style" for e in page.elements for k in e.attrs)
    assert not re.search(r"@import|url\(", page.find("style")[0].text)
    outside = [e for e in page.elements if not (e.attrs.get("href") or "#").startswith("#")]
    assert [(e.tag, e.attrs["class"], e.attrs["href"]) for e in outside] == [
        ("a", "source-link", "https://planet.example/storm?a=1&b=2")
    ]
    assert outside[0].text == f"Storm hits {XSS} coast & town"
    assert "noopener" in (outside[0].attrs.get("rel") or "")


def test_javascript_url_is_text_not_a_link(html: str, page: Page) -> None:
    assert not any("javascript" in (e.attrs.get("href") or "").lower() for e in page.elements)
    wire = page.find("li", id="source-2")[0]
    assert "javascript:alert(1)" in wire.text
    assert not [e for e in page.find("a") if e.attrs.get("class") == "source-link" and "landfall" in e.text]


def test_internal_links_point_at_existing_ids(page: Page) -> None:
    ids = {e.attrs["id"] for e in page.elements if e.attrs.get("id")}
    for e in page.elements:
        href = e.attrs.get("href") or ""
        if href.startswith("#"):
            assert href[1:] in ids, href
    chips = page.find("a", class_="chip")
    assert len(chips) == 5
    for chip in chips:
        assert set((chip.attrs["data-evidence"] or "").split()) <= ids


def test_chips_follow_each_sentence_in_source_order(page: Page) -> None:
    sentences = page.find("div", class_="sentence")
    assert len(sentences) == 3
    chips = page.find("a", class_="chip")
    assert [c.text for c in chips] == ["[1]", "[2]", "[1]", "[2]", "[3]"]
    assert [c.attrs["data-source"] for c in chips] == ["1", "2", "1", "2", "3"]
    assert sentences[1].text.strip().startswith(f"Officials said {XSS} & more. [1] [2]")
    first = chips[0].attrs["title"] or ""
    assert "The Daily <b>Planet</b> & Co" in first and "similarity 1.00" in first
    assert "The storm reached the coast" in first
    assert "similarity 0.81" in (chips[2].attrs["title"] or "")


def test_evidence_is_listed_with_data_attributes(html: str, page: Page) -> None:
    brief = sample_brief()
    figures = page.find("figure", class_="ev")
    expected = [e for s in brief.summary for e in s.evidence]
    assert len(figures) == len(expected) == 5
    for figure, evidence in zip(figures, expected, strict=True):
        assert figure.attrs["data-source"] == str(evidence.source)
        assert figure.attrs["data-start"] == str(evidence.start)
        assert figure.attrs["data-end"] == str(evidence.end)
        assert figure.attrs["data-article-id"] == evidence.article_id
        assert figure.attrs["data-similarity"] == f"{evidence.similarity:.4f}"
        assert figure.text.strip().startswith(evidence.text)
        assert f'<blockquote dir="auto">{escape(evidence.text, quote=False)}</blockquote>' in html
    assert "Wire Service · similarity 0.87" in figures[1].text
    assert len(page.find("details", class_="evidence")) == 3  # readable without the script


def test_sources_are_listed_with_dates_and_paths(page: Page) -> None:
    items = [e for e in page.find("li") if (e.attrs.get("id") or "").startswith("source-")]
    assert [e.attrs["id"] for e in items] == ["source-1", "source-2", "source-3"]
    assert page.find("time")[0].attrs["datetime"] == "2024-03-05T09:30:00+00:00"
    assert "/tmp/local news.html" in items[2].text
    assert "data/wire.jsonl" not in items[1].text  # a URL was given, shown instead of the path


def test_empty_brief_renders() -> None:
    page = parse(brief_to_html(Brief(story_id="s", title="", sources=[], summary=[], word_budget=10)))
    assert page.find("h1")[0].text == "Untitled story"
    assert not page.find("a", class_="chip")


@pytest.mark.parametrize(
    ("url", "ok"),
    [
        ("https://a.example/x", True),
        ("  HTTP://a.example  ", True),
        ("javascript:alert(1)", False),
        ("JaVaScRiPt:alert(1)", False),
        ("java\nscript:alert(1)", False),
        ("data:text/html,<script>", False),
        ("//a.example/x", False),
        ("https:///nohost", False),
        ("/local/path.html", False),
        (None, False),
    ],
)
def test_safe_url(url: str | None, ok: bool) -> None:
    assert (safe_url(url) is not None) is ok


def test_render_dispatches_on_format() -> None:
    brief = sample_brief()
    assert FORMATS == ("md", "json", "html")
    assert render(brief, "md") == brief_to_markdown(brief)
    assert render(brief, "json") == brief_to_json(brief)
    assert render(brief, "html") == brief_to_html(brief)
    with pytest.raises(ValueError, match="unknown brief format 'pdf'"):
        render(brief, "pdf")


# --- the cross-source analysis --------------------------------------------------------------


@pytest.fixture(scope="module")
def analysed_html() -> str:
    return brief_to_html(analysed_brief())


@pytest.fixture(scope="module")
def analysed(analysed_html: str) -> Page:
    return parse(analysed_html)


def _section(page: Page, name: str) -> Element:
    return page.find("section", class_=name)[0]


def _inside(page: Page, outer: Element, tag: str, **attrs: str) -> list[Element]:
    """Elements ``tag`` that come after ``outer`` and before the next section starts."""
    start = page.elements.index(outer)
    after = page.elements[start + 1 :]
    end = next((i for i, e in enumerate(after) if e.tag == "section"), len(after))
    wanted = {k.rstrip("_").replace("_", "-"): v for k, v in attrs.items()}
    return [
        e for e in after[:end] if e.tag == tag and all(v in (e.attrs.get(k) or "").split() for k, v in wanted.items())
    ]


def test_analysis_sections_in_order(analysed: Page) -> None:
    assert [h.text for h in analysed.find("h2")] == [
        "Summary",
        "Claims",
        "Facts and conflicts",
        "Quotes",
        "People and organisations",
        "Timeline",
        "Coverage by source",
        "How each outlet put it",
        "Evidence for the analysis",
        "Sources",
    ]


def test_hostile_text_in_the_analysis_is_escaped(analysed_html: str, analysed: Page) -> None:
    assert "<script>alert" not in analysed_html
    assert len(analysed.find("script")) == 1
    quote = _inside(analysed, _section(analysed, "quotes"), "blockquote")[0]
    assert quote.text == f"“{QUOTE}”"
    assert f"“<bdi>We will not stop {escape(XSS)} until everyone is home</bdi>”" in analysed_html
    roles = [li.text for li in _inside(analysed, _section(analysed, "entities"), "li")]
    assert any(text.startswith(f"{ROLE} [1] [3]") for text in roles)


def test_csp_still_covers_the_page_with_analysis(analysed: Page) -> None:
    test_csp_allows_only_the_inline_style_and_script(analysed)
    style = analysed.find("style")[0].text
    assert ".facts-table" in style and style.startswith(":root")


def test_conflicts_table_has_each_source_value(analysed: Page) -> None:
    table = analysed.find("table", class_="facts-table")[0]
    headers = [th.text for th in _inside(analysed, table, "th", scope="col")]
    assert headers == ["What", "[1] Coastline News", "[2] Wire Service", "[3] Harbour Radio"]
    rows = _inside(analysed, table, "tr")[1:]
    assert [r.attrs["class"] for r in rows] == ["fact-conflict", "fact-consistent", "fact-single"]
    conflict = rows[0]
    cells = _inside(analysed, conflict, "td")[:3]
    assert [c.text.split(" [")[0] for c in cells] == ["212", "Some 200", "221"]
    assert [c.text.split(" ")[-1] for c in cells] == ["[1]", "[2]", "[3]"]
    label = _inside(analysed, conflict, "th", scope="row")[0]
    assert label.text == "passengers on board Conflict"
    assert _inside(analysed, conflict, "span", class_="badge")[0].attrs["class"] == "badge badge-conflict"
    divers = [c.text for c in _inside(analysed, rows[1], "td")][:3]
    assert divers[1] == "–"  # [2] says nothing about divers


def test_every_analysis_chip_points_at_its_evidence(analysed: Page) -> None:
    ids = {e.attrs["id"] for e in analysed.elements if e.attrs.get("id")}
    for e in analysed.elements:
        href = e.attrs.get("href") or ""
        if href.startswith("#"):
            assert href[1:] in ids, href
    figures = {f.attrs["id"]: f for f in analysed.find("figure", class_="ev")}
    chips = analysed.find("a", class_="chip")
    analysis_chips = [c for c in chips if (c.attrs["href"] or "").startswith("#ax-")]
    assert len(analysis_chips) > 30 and len(chips) == len(analysis_chips) + 4  # 4 in the summary
    for chip in chips:
        targets = (chip.attrs["data-evidence"] or "").split()
        assert targets and chip.attrs["href"] == f"#{targets[0]}"
        for target in targets:
            assert figures[target].attrs["data-source"] == chip.attrs["data-source"]
    texts = {a.id: a.text for a in STORY_ARTICLES}
    for fid, figure in figures.items():
        start, end = int(figure.attrs["data-start"] or 0), int(figure.attrs["data-end"] or 0)
        quoted = texts[figure.attrs["data-article-id"] or ""][start:end]
        assert figure.text.strip().startswith(quoted), fid
    cited = [f for fid, f in figures.items() if fid.startswith("ax-")]  # each sentence (and similarity) once
    keys = {(f.attrs["data-article-id"], f.attrs["data-start"], f.attrs["data-similarity"]) for f in cited}
    assert len(keys) == len(cited)


def test_quote_speaker_variants_and_attribution(analysed: Page) -> None:
    section = _section(analysed, "quotes")
    assert _inside(analysed, section, "span", class_="speaker")[0].text == "Alexis Jay"
    notes = [li.text for li in _inside(analysed, section, "li")]
    assert notes == [
        "worded differently in [3]: “We won't stop until everyone is home” (told)",
        "attribution differs: [1] said · [3] told",
        "paraphrased in [2]",
    ]


def test_timeline_in_date_order(analysed: Page) -> None:
    times = _inside(analysed, _section(analysed, "timeline"), "time")
    assert [t.text for t in times] == ["1997–2013", "1998", "2026-03-03"]
    assert [t.attrs["datetime"] for t in times] == ["1997-01-01", "1998-01-01", "2026-03-03"]


def test_coverage_cards_per_source(analysed: Page) -> None:
    cards = analysed.find("article", class_="card")
    assert [c.attrs["aria-labelledby"] for c in cards] == [f"coverage-{n}" for n in range(1, 5)]
    assert "Carries every corroborated claim" in cards[0].text
    wire = cards[1].text
    assert "Only here" in wire and "Divers were sent, Harbour Radio reported. [2]" in wire
    assert "Leaves out 1 corroborated claim" in wire and "Ran the same copy as [4]." in wire
    assert "Only here" in cards[2].text and "Leaves out" not in cards[2].text


def test_no_analysis_keeps_the_page_as_it_was(page: Page) -> None:
    assert [h.text for h in page.find("h2")] == ["Summary", "Sources"]
    css = resources.files("storyweave.render").joinpath("templates", "brief.css").read_text("utf-8")
    assert page.find("style")[0].text == css
    brief = sample_brief()
    brief.analysis = Analysis()
    empty = parse(brief_to_html(brief))
    assert [h.text for h in empty.find("h2")] == ["Summary", "Sources"]
    assert not empty.find("figure", class_="quote") and not empty.find("table")
