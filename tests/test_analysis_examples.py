"""The cross-source analysis finds exactly what the example articles were written to contain.

Sources are numbered in reading order of examples/: [1] Coastline News, [2] Harbour Radio,
[3] The Northern Ledger, [4] Port Avery Chronicle.
"""

from __future__ import annotations

import pytest

from storyweave.analysis import analyse
from storyweave.models import Analysis

COASTLINE, HARBOUR, LEDGER, CHRONICLE = 1, 2, 3, 4


@pytest.fixture(scope="module")
def analysis(example_annotated) -> Analysis:  # type: ignore[no-untyped-def]
    assert [a.article.outlet for a in example_annotated] == [
        "Coastline News",
        "Harbour Radio",
        "The Northern Ledger",
        "Port Avery Chronicle",
    ]
    return analyse(example_annotated)


def _claim(analysis: Analysis, fragment: str):  # type: ignore[no-untyped-def]
    """The one claim whose own sentence holds ``fragment`` (its evidence also holds other outlets' sentences)."""
    found = [c for c in analysis.claims if fragment in c.text]
    assert len(found) == 1, f"{fragment!r}: {[c.text for c in found]}"
    return found[0]


def test_the_one_conflict_is_the_passenger_count(analysis: Analysis) -> None:
    [conflict] = analysis.conflicts
    assert conflict.about == "passenger"
    values = {(f.source, f.value, f.approximate) for f in conflict.facts}
    assert values == {(COASTLINE, 212, False), (CHRONICLE, 212, False), (LEDGER, 221, False), (HARBOUR, 200, True)}


def test_rounded_and_worded_numbers_agree(analysis: Analysis) -> None:
    groups = {g.about: g for g in analysis.facts}
    assert groups["mile"].status == "approximately consistent"  # "about two miles" and "two miles"
    assert groups["people injured"].status == "consistent"  # "three" / "Three", in every article
    assert {f.source for f in groups["people injured"].facts} == {COASTLINE, HARBOUR, LEDGER, CHRONICLE}
    assert groups["crew"].status == "single-source"


def test_corroborated_disputed_and_one_outlet_claims(analysis: Analysis) -> None:
    # [3] gives 221 passengers where [1] gives 212: it disputes the sentence rather than corroborating it
    grounding = _claim(analysis, "ran aground on the Tessel Bank off Port Avery on Tuesday evening, and all")
    assert grounding.status == "disputed" and grounding.contradicted_by == [LEDGER]
    assert LEDGER not in grounding.sources + grounding.partial_sources
    inquiry = _claim(analysis, "Coastal Accident Investigation Board has opened an inquiry into the grounding")
    assert inquiry.status == "corroborated" and inquiry.sources == [COASTLINE, LEDGER, CHRONICLE]
    rescue = _claim(analysis, "three people were treated in hospital for minor injuries.")
    assert rescue.status == "corroborated" and sorted(rescue.sources + rescue.partial_sources) == [1, 2, 3, 4]
    for fragment, source in [
        ("Meteorological Office had warned", LEDGER),
        ("Mark Dunmore, apologised", COASTLINE),
        ("built in 1998", CHRONICLE),
        ("suspended until Friday", HARBOUR),
    ]:
        claim = _claim(analysis, fragment)
        # only this outlet is found to report it; "single-source" when every other outlet is sure not to
        assert claim.status in {"single-source", "unconfirmed"} and claim.sources == [source], fragment
        assert not claim.partial_sources and not claim.contradicted_by, fragment


def test_the_shared_quotation_with_its_variants_and_attributions(analysis: Analysis) -> None:
    okafor = [q for q in analysis.quotes if "lifeboats did the rest" in q.text]
    assert len(okafor) == 1
    quote = okafor[0]
    assert quote.speaker == "Helen Okafor"
    assert quote.sources == [COASTLINE, LEDGER, CHRONICLE]
    assert quote.wording_differs  # "everyone" / "everybody", trimmed in one
    assert quote.attribution_differs  # "told Coastline News" against "said"
    cues = {v.source: v.cue for v in quote.variants}
    assert cues == {COASTLINE: "told", LEDGER: "said", CHRONICLE: "said"}
    assert [e.source for e in quote.paraphrased_in] == [HARBOUR]  # "praised the crew, saying ..."


def test_pronoun_speakers_resolve_to_the_last_named_person(analysis: Analysis) -> None:
    by_start = {q.text[:20]: (q.speaker, q.variants[0].speaker_text) for q in analysis.quotes}
    assert by_start["We are deeply sorry "] == ("Mark Dunmore", "he")
    assert by_start["There was a loud scr"] == ("Priya Natarajan", "she")


def test_people_are_merged_with_their_roles(analysis: Analysis) -> None:
    people = {e.name: e for e in analysis.entities if e.kind == "person"}
    assert people["Helen Okafor"].sources == [1, 2, 3, 4]
    assert "Dunmore" in people["Mark Dunmore"].aliases
    assert "Northline's chief executive" in [r.text for r in people["Mark Dunmore"].roles]
    assert "a former harbour master at Port Avery" in [r.text for r in people["Ruth Calloway"].roles]
    assert "a teacher from Leeswick" in [r.text for r in people["Priya Natarajan"].roles]


def test_timeline_is_anchored_to_publication_dates(analysis: Analysis) -> None:
    entries = [(e.start, e.when, e.sources) for e in analysis.timeline]
    assert ("1998-01-01", "in 1998", [CHRONICLE]) in entries
    grounding = [e for e in analysis.timeline if e.start == "2026-03-03" and len(e.sources) == 4]
    assert grounding, entries  # Tuesday before the 4 March 2026 publication
    assert ("2026-03-06", "until Friday", [HARBOUR]) in entries
    assert [e.start for e in analysis.timeline] == sorted(e.start for e in analysis.timeline)


def test_coverage_by_source(analysis: Analysis) -> None:
    by_source = {c.source: c for c in analysis.coverage}
    only_here = {claim_id for c in analysis.coverage for claim_id in c.only_here}
    assert all(c.status == "single-source" for c in analysis.claims if c.id in only_here)
    inquiry = _claim(analysis, "Coastal Accident Investigation Board has opened an inquiry into the grounding").id
    assert inquiry in by_source[HARBOUR].missing
    assert all(not c.syndicated_with for c in analysis.coverage)


def test_every_piece_of_evidence_is_verbatim(analysis: Analysis, example_annotated) -> None:  # type: ignore[no-untyped-def]
    texts = {i + 1: a.article.text for i, a in enumerate(example_annotated)}
    evidence = [e for c in analysis.claims for e in c.evidence]
    evidence += [f.evidence for g in analysis.facts for f in g.facts]
    evidence += [v.evidence for q in analysis.quotes for v in q.variants]
    evidence += [e for q in analysis.quotes for e in q.paraphrased_in]
    evidence += [r.evidence for p in analysis.entities for r in p.roles]
    evidence += [e for t in analysis.timeline for e in t.evidence]
    assert len(evidence) > 50
    for item in evidence:
        assert texts[item.source][item.start : item.end] == item.text
    for group in analysis.facts:
        for fact in group.facts:
            assert texts[fact.source][fact.start : fact.end] == fact.text
    for quote in analysis.quotes:
        for variant in quote.variants:
            assert texts[variant.source][variant.start : variant.end] == variant.text


def test_syndicated_copies_count_as_one_source(example_articles, models) -> None:  # type: ignore[no-untyped-def]
    from dataclasses import replace

    from storyweave.models import Article
    from storyweave.nlp import annotate

    wire = example_articles[0]
    copy = Article.create(wire.text + "\n\nThis story was syndicated.", "Bayside Daily", title=wire.title)
    annotated = list(annotate([wire, copy, replace(example_articles[2])], models))
    analysis = analyse(annotated)
    assert analysis.syndication == [[1, 2]]
    apology = _claim(analysis, "Mark Dunmore, apologised")
    assert apology.sources == [1, 2]
    assert apology.independent_sources == 1 and apology.status in {"single-source", "unconfirmed"}
    by_source = {c.source: c for c in analysis.coverage}
    assert by_source[1].syndicated_with == [2]
