"""A hand-built brief for the render tests, with hostile text in it."""

from __future__ import annotations

from datetime import UTC, datetime

from storyweave.models import Article, Brief, Evidence, Source, SummarySentence

XSS = "<script>alert(1)</script>"

ARTICLES = [
    Article.create(
        "Rain fell all night. The storm reached the coast on Tuesday morning. Officials said "
        f"{XSS} & more was coming.",
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


def _evidence(number: int, sentence: str, index: int, similarity: float) -> Evidence:
    article = ARTICLES[number - 1]
    start = article.text.index(sentence)
    return Evidence(number, article.id, index, start, start + len(sentence), sentence, similarity)


def sample_brief(**extras: object) -> Brief:
    """Three sources; three summary sentences citing [1][2], [1][2] and [3]."""
    sources = [
        Source(n, a.id, a.outlet, a.title, a.url, a.published, PATHS[n - 1])
        for n, a in enumerate(ARTICLES, start=1)
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
