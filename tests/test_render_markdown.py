from __future__ import annotations

import pytest

from storyweave.models import Brief
from storyweave.render import markdown
from storyweave.render.markdown import brief_to_markdown, escape
from test_render_sample import sample_brief


def _section(text: str, heading: str) -> list[str]:
    body = text.split(f"\n{heading}\n", 1)[1]
    return [line for line in body.split("\n## ", 1)[0].splitlines() if line]


def test_header_and_counts() -> None:
    brief = sample_brief()
    text = brief_to_markdown(brief)
    first, blank, counts = text.splitlines()[:3]
    assert first == r"# Storm \<script\>alert(1)\</script\> & the coast"
    assert blank == ""
    assert counts == f"3 sources · {brief.summary_words} summary words (budget 120)"
    assert text.endswith("\n") and not text.endswith("\n\n")


def test_summary_sentences_carry_sorted_citations_in_order() -> None:
    lines = _section(brief_to_markdown(sample_brief()), "## Summary")
    assert lines == [
        "The storm reached the coast on Tuesday morning. [1][2]",
        r"Officials said \<script\>alert(1)\</script\> & more. [1][2]",  # evidence order was [2], [1]
        "Schools closed in 3 districts. [3]",
    ]


def test_sources_list_links_only_http_urls() -> None:
    lines = _section(brief_to_markdown(sample_brief()), "## Sources")
    assert lines == [
        r'- [1] The Daily \<b\>Planet\</b\> & Co — "Storm hits \<script\>alert(1)\</script\> coast & town"'
        " (2024-03-05) — <https://planet.example/storm?a=1&b=2>",
        '- [2] Wire Service — "Storm makes landfall" — javascript:alert(1)',
        "- [3] Local News — /tmp/local news.html",
    ]


def test_only_the_three_sections_without_extras() -> None:
    headings = [line for line in brief_to_markdown(sample_brief()).splitlines() if line.startswith("#")]
    assert headings[1:] == ["## Summary", "## Sources"]
    assert headings[0].startswith("# Storm")


def test_sections_are_a_list_that_can_grow(monkeypatch: pytest.MonkeyPatch) -> None:
    def claims(brief: Brief) -> str | None:
        items = brief.extras.get("claims")
        return "## Claims\n\n" + "\n".join(f"- {escape(c)}" for c in items) if items else None

    monkeypatch.setattr(markdown, "SECTIONS", [*markdown.SECTIONS, claims])
    assert "## Claims" not in brief_to_markdown(sample_brief())
    text = brief_to_markdown(sample_brief(claims=["*Bold* claim"]))
    assert text.endswith("## Claims\n\n- \\*Bold\\* claim\n")


def test_empty_brief() -> None:
    brief = Brief(story_id="s", title="", sources=[], summary=[], word_budget=50)
    text = brief_to_markdown(brief)
    assert text.startswith("# Untitled story\n\n0 sources · 0 summary words (budget 50)\n")
    assert "## Summary" in text and "## Sources" not in text


@pytest.mark.parametrize(
    ("raw", "escaped"),
    [
        ("Plain text, with (parens) & 'quotes'.", "Plain text, with (parens) & 'quotes'."),
        ("# not a heading", r"\# not a heading"),
        ("1. not a list", r"1\. not a list"),
        ("- not a bullet", r"\- not a bullet"),
        ("see [1] and `code` *em* _u_", r"see \[1\] and \`code\` \*em\* \_u\_"),
        ("AT&amp;T <b>", r"AT\&amp;T \<b\>"),
        ("multi\n  line\ttext", "multi line text"),
        ("back\\slash", "back\\\\slash"),
    ],
)
def test_escape(raw: str, escaped: str) -> None:
    assert escape(raw) == escaped
