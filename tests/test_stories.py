"""Story grouping on invented articles: two events, a late article, incremental arrival."""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta

import pytest

from storyweave.models import Article
from storyweave.nlp import annotate
from storyweave.stories import StoryGrouper, group_articles
from storyweave.stories.features import features

MUSEUM = [
    (
        "Storm floods Harlow museum basement",
        "Storm water flooded the basement archive of the Harlow Museum of Rail on Sunday night, "
        "damaging some 300 photographs, the museum's director Anna Whitcombe said.\n\n"
        "Volunteers carried boxes of prints to the upper galleries until dawn.",
    ),
    (
        "Harlow rail museum loses photographs to flood",
        "Hundreds of photographs were damaged when storm water poured into the basement of the Harlow "
        "Museum of Rail, director Anna Whitcombe said on Monday.\n\n"
        "The museum will stay closed while its archive is dried.",
    ),
    (
        "Volunteers rescue rail archive after Harlow flood",
        "Volunteers worked through the night to move the rail archive of the Harlow Museum of Rail out of "
        "its flooded basement after Sunday's storm.\n\n"
        "Anna Whitcombe, the director, thanked them.",
    ),
]


@pytest.fixture(scope="module")
def corpus(example_articles, models):  # type: ignore[no-untyped-def]
    published = example_articles[0].published
    museum = [
        Article.create(text, f"Museum Outlet {i}", title=title, published=published + timedelta(hours=i))
        for i, (title, text) in enumerate(MUSEUM)
    ]
    return list(annotate(list(example_articles) + museum, models))


def test_two_events_become_two_stories(corpus) -> None:  # type: ignore[no-untyped-def]
    groups = group_articles(corpus)
    assert sorted(groups) == [[0, 1, 2, 3], [4, 5, 6]]


def test_an_article_long_after_the_story_starts_a_new_one(corpus) -> None:  # type: ignore[no-untyped-def]
    late = replace(
        corpus[6], article=replace(corpus[6].article, published=corpus[6].article.published + timedelta(days=30))
    )
    groups = group_articles([*corpus[:6], late])
    assert [6] in groups


def test_incremental_arrival_places_each_article(corpus) -> None:  # type: ignore[no-untyped-def]
    grouper = StoryGrouper()
    placed = [grouper.add(features(a)) for a in corpus]
    assert placed[:4] == [placed[0]] * 4
    assert placed[4:] == [placed[4]] * 3
    assert placed[0] != placed[4]


def test_a_syndicated_copy_joins_its_original_and_is_remembered(corpus) -> None:  # type: ignore[no-untyped-def]
    wire = corpus[4]
    copy = replace(wire, article=replace(wire.article, id="copy", outlet="Reprint Weekly"))
    grouper = StoryGrouper()
    placed = [grouper.add(features(a)) for a in [*corpus, copy]]
    assert placed[-1] == placed[4]
    assert grouper.copy_of == {len(corpus): 4}


def test_near_duplicates_ignore_case_and_trailing_punctuation() -> None:
    from storyweave.stories.duplicates import NearDuplicates

    seen = NearDuplicates()
    assert seen.add(0, "McDonald's Reports a 0.3 Percent Drop in February Sales") is None
    assert seen.add(1, "McDonald's reports a 0.3 percent drop in February sales.") == 0
    assert seen.add(2, "Storm water flooded the basement archive of the Harlow Museum of Rail") is None
