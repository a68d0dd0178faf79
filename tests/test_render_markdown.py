from __future__ import annotations

from dataclasses import replace

import pytest

from storyweave.models import Analysis, Brief
from storyweave.render import markdown
from storyweave.render._analysis_view import date_span
from storyweave.render._md import shorten
from storyweave.render.markdown import brief_to_markdown, escape
from test_render_sample import analysed_brief, sample_brief


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


# --- the cross-source analysis --------------------------------------------------------------


@pytest.fixture(scope="module")
def analysed() -> str:
    return brief_to_markdown(analysed_brief())


def test_analysis_sections_come_between_summary_and_sources(analysed: str) -> None:
    headings = [line for line in analysed.splitlines() if line.startswith("## ")]
    assert headings == [
        "## Summary",
        "## Claims",
        "## Facts and conflicts",
        "## Quotes",
        "## People and organisations",
        "## Timeline",
        "## Coverage by source",
        "## How each outlet put it",
        "## Sources",
    ]


def test_claims_corroborated_first_and_the_syndicated_copy(analysed: str) -> None:
    assert _section(analysed, "## Claims") == [
        "- ✔ corroborated by 3 outlets [1][2][3][4]: The ferry ran aground off Port Ellen on Tuesday.",
        "- ✔ corroborated by 2 outlets [1][3]: Two divers reached the wreck on Wednesday.",
        "- ◦ only [2][4]: Divers were sent, Harbour Radio reported.",
        "- ◦ only [3]: The operator, Islay Ferries, ran the route between 1997 and 2013.",
        "[2] and [4] ran the same copy; counted as one source.",
    ]


def test_conflict_shows_each_source_value_and_its_sentence(analysed: str) -> None:
    lines = _section(analysed, "## Facts and conflicts")
    assert lines[0] == "- **Conflict — passengers on board**: [1] 212 · [3] 221 · [2] Some 200"
    assert lines[1:4] == [
        "  - [1] “There were 212 passengers on board, the coastguard said.”",
        "  - [3] “The operator said 221 passengers were on board.”",
        "  - [2] “Some 200 passengers were aboard.”",
    ]
    assert lines[4:] == [
        "- **Consistent — divers at the wreck**: [1] Two · [3] 2",
        "- **One source — port built**: [1] 1998",  # shown: fewer than 5 groups otherwise
    ]


def test_single_source_facts_are_left_out_when_there_are_enough_others() -> None:
    brief = analysed_brief()
    assert brief.analysis is not None
    consistent = brief.analysis.facts[0]
    brief.analysis.facts = [replace(consistent, about=f"thing {i}") for i in range(5)] + brief.analysis.facts[1:]
    lines = _section(brief_to_markdown(brief), "## Facts and conflicts")
    assert lines[0].startswith("- **Conflict — passengers on board**")
    assert not any("port built" in line for line in lines)
    assert lines[-1] == "- … and 1 more (see --format json)"


def test_quote_with_speaker_variants_attribution_and_paraphrase(analysed: str) -> None:
    assert _section(analysed, "## Quotes") == [
        r'> "We will not stop \<script\>alert(1)\</script\> until everyone is home" — **Alexis Jay** [1][3]',
        '> - [3] "We won\'t stop until everyone is home" (told)',
        "> - attribution differs: [1] said · [3] told",
        "> - paraphrased in [2]",
    ]


def test_attribution_names_speakers_only_when_they_differ() -> None:
    brief = analysed_brief()
    assert brief.analysis is not None
    quote = brief.analysis.quotes[0]
    other = replace(quote.variants[1], speaker="Sam Reed", speaker_text="a spokesman", cue="said")
    brief.analysis.quotes[0] = replace(quote, variants=[quote.variants[0], other], speaker=None)
    lines = _section(brief_to_markdown(brief), "## Quotes")
    assert lines[0].endswith('until everyone is home" [1][3]')  # no speaker
    assert "> - attribution differs: [1] Alexis Jay said · [3] a spokesman said" in lines


def test_people_with_deduplicated_roles_and_aliases(analysed: str) -> None:
    assert _section(analysed, "## People and organisations") == [
        r"- **Alexis Jay** (person) [1][2][3][4] — a former chief adviser to \<script\>alert(1)\</script\>"
        ' the coastguard [1][3]; also "Jay", "Professor Alexis Jay"',
        "- **Islay Ferries** (organisation) [3] — the operator [3]",
    ]


def test_timeline_in_date_order_with_spans(analysed: str) -> None:
    assert _section(analysed, "## Timeline") == [
        "- 1997–2013 (between 1997 and 2013) — The operator, Islay Ferries, ran the route between 1997 and 2013. [3]",
        "- 1998 (in 1998) — The port was built in 1998. [1]",
        "- 2026-03-03 (on Tuesday) — The ferry ran aground off Port Ellen on Tuesday. [1][2][3][4]",
    ]


def test_coverage_lists_only_here_and_what_is_left_out(analysed: str) -> None:
    lines = _section(analysed, "## Coverage by source")
    assert lines[:2] == ["- [1] Coastline News", "  - carries every corroborated claim and nothing of its own"]
    assert lines[2:6] == [
        "- [2] Wire Service",
        "  - only here: “Divers were sent, Harbour Radio reported.”",
        "  - leaves out 1 corroborated claim: “Two divers reached the wreck on Wednesday.”",
        "  - ran the same copy as [4]",
    ]
    assert "  - only here: “The operator, Islay Ferries, ran the route between 1997 and 2013.”" in lines


def test_long_lists_are_cut() -> None:
    brief = analysed_brief()
    assert brief.analysis is not None
    single = brief.analysis.claims[2]
    long_text = "A very long claim " + "with many words " * 10
    brief.analysis.claims += [replace(single, id=f"x{i}", text=f"{long_text}{i}") for i in range(14)]
    brief.analysis.coverage[2] = replace(
        brief.analysis.coverage[2], only_here=[f"x{i}" for i in range(5)], missing=["c1", "c4", "c9"]
    )
    text = brief_to_markdown(brief)
    claims = _section(text, "## Claims")
    assert sum(line.startswith("- ◦ only") for line in claims) == 12
    assert "- … and 4 more (see --format json)" in claims
    card = _section(text, "## Coverage by source")
    only = next(line for line in card if line.startswith("  - only here") and "very long" in line)
    assert only.count("…") == 3 and only.endswith("(+2 more)")
    parts = only.removeprefix("  - only here: ").removesuffix(" (+2 more)").split(" · ")
    assert len(parts) == 3 and all(len(part) <= 82 for part in parts)  # ~80 characters and the quotes
    assert (
        "  - leaves out 3 corroborated claims, e.g. “The ferry ran aground off Port Ellen on Tuesday.” · “Two divers"
        in "\n".join(card)
    )


def test_no_analysis_or_an_empty_one_adds_no_heading() -> None:
    plain = brief_to_markdown(sample_brief())
    brief = sample_brief()
    brief.analysis = Analysis(coverage=[])
    assert brief_to_markdown(brief) == plain
    assert [line for line in plain.splitlines() if line.startswith("## ")] == ["## Summary", "## Sources"]


@pytest.mark.parametrize(
    ("start", "end", "shown"),
    [
        ("2026-03-03", "2026-03-03", "2026-03-03"),
        ("2026-03-01", "2026-03-31", "2026-03"),
        ("2024-02-01", "2024-02-29", "2024-02"),
        ("1998-01-01", "1998-12-31", "1998"),
        ("1997-01-01", "2013-12-31", "1997–2013"),
        ("2026-01-01", "2026-03-31", "2026-01–2026-03"),
        ("2026-03-03", "2026-03-05", "2026-03-03–2026-03-05"),
        ("someday", "later", "someday"),
    ],
)
def test_date_span(start: str, end: str, shown: str) -> None:
    assert date_span(start, end) == shown


def test_shorten() -> None:
    assert shorten("short text") == "short text"
    cut = shorten("word " * 40, 30)
    assert cut.endswith("…") and len(cut) <= 30 and "  " not in cut
