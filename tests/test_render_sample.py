"""A hand-built brief for the render tests, with hostile text in it."""

from __future__ import annotations

import copy
import json
from datetime import UTC, datetime
from typing import Any

from storyweave.models import (
    Analysis,
    Article,
    Brief,
    Claim,
    Coverage,
    EntityProfile,
    Evidence,
    Fact,
    FactGroup,
    Framing,
    Headline,
    PieceKind,
    Quote,
    QuoteVariant,
    Role,
    Source,
    SummarySentence,
    TimelineEvent,
    Wording,
    WordingDifference,
)

XSS = "<script>alert(1)</script>"

ARTICLES = [
    Article.create(
        f"Rain fell all night. The storm reached the coast on Tuesday morning. Officials said {XSS} & more was coming.",
        "The Daily <b>Planet</b> & Co",
        title=f"Storm hits {XSS} coast & town",
        url="https://planet.example/storm?a=1&b=2",
        published=datetime(2024, 3, 5, 9, 30, tzinfo=UTC),
    ),
    Article.create(
        f"Officials said {XSS} & more. The storm made landfall on Tuesday.",
        "Wire Service",
        title="Storm makes landfall",
        url="javascript:alert(1)",
    ),
    Article.create("Schools closed in 3 districts. Roads reopened later.", "Local News"),
]

PATHS = [None, "data/wire.jsonl", "/tmp/local news.html"]


def _evidence(number: int, sentence: str, index: int, similarity: float, support: str | None = None) -> Evidence:
    """Evidence of a hand-built brief: a statement's own sentence (similarity 1.0), else a full citation."""
    article = ARTICLES[number - 1]
    start = article.text.index(sentence)
    support = support or ("source" if similarity == 1.0 else "full")
    return Evidence(number, article.id, index, start, start + len(sentence), sentence, similarity, support)


def sample_brief(**extras: object) -> Brief:
    """Three sources; three summary sentences citing [1][2], [1][2] and [3]."""
    sources = [
        Source(n, a.id, a.outlet, a.title, a.url, a.published, PATHS[n - 1]) for n, a in enumerate(ARTICLES, start=1)
    ]
    summary = [
        SummarySentence(
            "The storm reached the coast on Tuesday morning.",
            [
                _evidence(1, "The storm reached the coast on Tuesday morning.", 1, 1.0),
                _evidence(2, "The storm made landfall on Tuesday.", 1, 0.8731),
            ],
        ),
        SummarySentence(
            f"Officials said {XSS} & more.",
            [
                _evidence(2, f"Officials said {XSS} & more.", 0, 1.0),
                _evidence(1, f"Officials said {XSS} & more was coming.", 2, 0.8104),
            ],
        ),
        SummarySentence(
            "Schools closed in 3 districts.",
            [_evidence(3, "Schools closed in 3 districts.", 0, 1.0)],
        ),
    ]
    return Brief(
        story_id="story-0001",
        title=f"Storm {XSS} & the coast",
        sources=sources,
        summary=summary,
        word_budget=120,
        extras=dict(extras),
    )


def test_sample_offsets_point_into_the_articles() -> None:
    brief = sample_brief()
    by_id = {a.id: a for a in ARTICLES}
    for sentence in brief.summary:
        for e in sentence.evidence:
            assert by_id[e.article_id].text[e.start : e.end] == e.text
    assert [s.sources for s in brief.summary] == [[1, 2], [1, 2], [3]]


# --- a brief with cross-source analysis --------------------------------------------------------

QUOTE = f"We will not stop {XSS} until everyone is home"
ROLE = f"a former chief adviser to {XSS} the coastguard"

# Each article as its sentences; [2] and [4] ran the same wire copy.
_WIRE = [
    "The ferry ran aground on Tuesday.",
    "Some 200 passengers were aboard.",
    "Jay said they would not stop until everyone was home.",
    "Divers were sent, Harbour Radio reported.",
]
STORY = [
    (
        "Coastline News",
        "https://coastline.example/ferry",
        [
            "The ferry ran aground off Port Ellen on Tuesday.",
            "There were 212 passengers on board, the coastguard said.",
            f'"{QUOTE}," said Alexis Jay, {ROLE}.',
            "Two divers reached the wreck on Wednesday.",
            "The port was built in 1998.",
        ],
    ),
    ("Wire Service", "https://wire.example/ferry", _WIRE),
    (
        "Harbour Radio",
        None,
        [
            "The ferry hit rocks off Port Ellen on Tuesday.",
            "The operator said 221 passengers were on board.",
            '"We won\'t stop until everyone is home," Professor Alexis Jay told Harbour Radio.',
            f"Jay is {ROLE.upper()[0]}{ROLE[1:]}.",
            "The operator, Islay Ferries, ran the route between 1997 and 2013.",
            "2 divers were at the wreck by Wednesday.",
        ],
    ),
    ("Daily Copy", "https://copy.example/ferry", _WIRE),
]
STORY_ARTICLES = [Article.create(" ".join(sents), outlet, url=url) for outlet, url, sents in STORY]


def _ev(number: int, index: int, similarity: float = 1.0, support: str | None = None) -> Evidence:
    """Sentence ``index`` of story article ``number``: a statement's own (similarity 1.0), else a full citation."""
    article, sentence = STORY_ARTICLES[number - 1], STORY[number - 1][2][index]
    start = article.text.index(sentence)
    support = support or ("source" if similarity == 1.0 else "full")
    return Evidence(number, article.id, index, start, start + len(sentence), sentence, similarity, support)


def _span(number: int, index: int, words: str) -> tuple[int, int]:
    evidence = _ev(number, index)
    start = STORY_ARTICLES[number - 1].text.index(words, evidence.start)
    return start, start + len(words)


def _fact(number: int, index: int, text: str, value: float, kind: str = "count", approx: bool = False) -> Fact:
    start, end = _span(number, index, text)
    unit = {"year": "", "count": "passengers" if value > 100 else "divers"}[kind]
    low = high = float(value) if approx else None
    return Fact(number, text, start, end, float(value), low, high, approx, kind, unit, unit, _ev(number, index))


def _variant(number: int, index: int, text: str, speaker_text: str, cue: str) -> QuoteVariant:
    start, end = _span(number, index, text)
    return QuoteVariant(number, text, start, end, "Alexis Jay", speaker_text, cue, _ev(number, index))


def sample_analysis() -> Analysis:
    """Four claims (one from the syndicated wire copy), a conflict, a quote, two people, a timeline."""
    claims = [
        Claim(
            "c1",
            STORY[0][2][0],
            "corroborated",
            [1, 2, 3, 4],
            3,
            [_ev(1, 0), _ev(2, 0, 0.91), _ev(3, 0, 0.88), _ev(4, 0, 0.91)],
        ),
        Claim("c2", _WIRE[3], "single-source", [2, 4], 1, [_ev(2, 3), _ev(4, 3)]),
        Claim("c3", STORY[2][2][4], "single-source", [3], 1, [_ev(3, 4)]),
        Claim("c4", STORY[0][2][3], "corroborated", [1, 3], 2, [_ev(1, 3), _ev(3, 5, 0.84)]),
    ]
    facts = [
        FactGroup("divers at the wreck", "count", "consistent", [_fact(1, 3, "Two", 2), _fact(3, 5, "2", 2)]),
        FactGroup(
            "passengers on board",
            "count",
            "conflict",
            [
                _fact(1, 1, "212", 212),
                _fact(3, 1, "221", 221),
                _fact(2, 1, "Some 200", 200, approx=True),
            ],
        ),
        FactGroup("port built", "year", "single-source", [_fact(1, 4, "1998", 1998, "year")]),
    ]
    quote = Quote(
        "q1",
        QUOTE,
        "Alexis Jay",
        [
            _variant(1, 2, QUOTE, "Alexis Jay", "said"),
            _variant(3, 2, "We won't stop until everyone is home", "Professor Alexis Jay", "told"),
        ],
        [1, 3],
        wording_differs=True,
        attribution_differs=True,
        paraphrased_in=[_ev(2, 2, 0.74)],
    )
    jay = EntityProfile(
        "e1",
        "Alexis Jay",
        "person",
        ["Jay", "Professor Alexis Jay", "alexis jay"],
        [Role(ROLE, 1, _ev(1, 2)), Role(ROLE.upper()[0] + ROLE[1:], 3, _ev(3, 3))],
        [1, 2, 3, 4],
        5,
    )
    operator = EntityProfile("e2", "Islay Ferries", "organisation", [], [Role("the operator", 3, _ev(3, 4))], [3], 1)
    timeline = [
        TimelineEvent(
            "2026-03-03", "2026-03-03", "day", "on Tuesday", STORY[0][2][0], [1, 2, 3, 4], [_ev(1, 0), _ev(3, 0)]
        ),
        TimelineEvent("1997-01-01", "2013-12-31", "range", "between 1997 and 2013", STORY[2][2][4], [3], [_ev(3, 4)]),
        TimelineEvent("1998-01-01", "1998-12-31", "year", "in 1998", STORY[0][2][4], [1], [_ev(1, 4)]),
    ]
    coverage = [
        Coverage(1, [], [], []),
        Coverage(2, ["c2"], ["c4"], [4]),
        Coverage(3, ["c3"], [], []),
        Coverage(4, ["c2"], ["c4"], [2]),
    ]
    framing = Framing(
        headlines=[
            Headline(1, f"Ferry aground off Port Ellen {XSS}", ["aground"]),
            Headline(3, "Ferry hits rocks off Port Ellen", ["hits", "rocks"]),
        ],
        wording=[
            WordingDifference(
                "c1",
                [
                    Wording("ran aground", [1, 2, 4], [_ev(1, 0), _ev(2, 0, 0.91)]),
                    Wording("hit rocks", [3], [_ev(3, 0, 0.88)]),
                ],
            )
        ],
        pieces=[PieceKind(3, "opinion", [f"written in the first person {XSS}"])],
    )
    return Analysis(claims, facts, [quote], [jay, operator], timeline, coverage, [[2, 4]], framing)


def analysed_brief(**extras: object) -> Brief:
    """Four sources ([2] and [4] the same wire copy), a two-sentence summary and ``sample_analysis()``."""
    sources = [Source(n, a.id, a.outlet, a.title, a.url, None, None) for n, a in enumerate(STORY_ARTICLES, start=1)]
    summary = [
        SummarySentence(STORY[0][2][0], [_ev(1, 0), _ev(2, 0, 0.91), _ev(3, 0, 0.88)]),
        SummarySentence(STORY[0][2][1], [_ev(1, 1)]),
    ]
    return Brief("story-0002", "Ferry aground", sources, summary, 80, sample_analysis(), dict(extras))


def test_analysis_offsets_point_into_the_articles() -> None:
    analysis = sample_analysis()
    texts = {a.id: a.text for a in STORY_ARTICLES}
    evidence = [e for c in analysis.claims for e in c.evidence]
    evidence += [f.evidence for g in analysis.facts for f in g.facts]
    evidence += [v.evidence for q in analysis.quotes for v in q.variants]
    evidence += [e for q in analysis.quotes for e in q.paraphrased_in]
    evidence += [r.evidence for e in analysis.entities for r in e.roles]
    evidence += [e for t in analysis.timeline for e in t.evidence]
    for e in evidence:
        assert texts[e.article_id][e.start : e.end] == e.text
    by_number = {n: a.text for n, a in enumerate(STORY_ARTICLES, start=1)}
    for group in analysis.facts:
        for fact in group.facts:
            assert by_number[fact.source][fact.start : fact.end] == fact.text
            assert fact.evidence.start <= fact.start < fact.end <= fact.evidence.end
    for variant in analysis.quotes[0].variants:
        assert by_number[variant.source][variant.start : variant.end] == variant.text
    assert STORY_ARTICLES[1].id != STORY_ARTICLES[3].id  # the same copy, two articles


def broken(document: dict[str, Any], path: list[Any], value: Any = None, *, delete: bool = False) -> dict[str, Any]:
    """A deep copy of a brief document with the item at ``path`` replaced by ``value`` (or deleted)."""
    data = copy.deepcopy(document)
    target = data
    for key in path[:-1]:
        target = target[key]
    if delete:
        del target[path[-1]]
    else:
        target[path[-1]] = value
    return data


def as_version_3(document: dict[str, Any]) -> dict[str, Any]:
    """A version 4 document as version 3 wrote it: no framing, no voice of a summary sentence."""
    old = json.loads(json.dumps(document))
    old["schema"] = "storyweave.brief/3"
    for sentence in old["summary"]:
        del sentence["voice"]
    if old.get("analysis"):
        del old["analysis"]["framing"]
    return old


def as_before_3(document: dict[str, Any]) -> dict[str, Any]:
    """A version 4 document as version 2 wrote it: no framing, no support, no partial or contradicting
    sources."""
    old = as_version_3(document)

    def strip(value: Any) -> None:
        if isinstance(value, dict):
            for key in ("support", "via", "partial_sources", "contradicted_by"):
                value.pop(key, None)
            for item in value.values():
                strip(item)
        elif isinstance(value, list):
            for item in value:
                strip(item)

    strip(old)
    return old
