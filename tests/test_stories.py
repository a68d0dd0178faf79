"""Story grouping on invented articles: two events, a late article, incremental arrival."""

from __future__ import annotations

from collections import Counter
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


def test_incremental_arrival_never_mixes_the_events(corpus) -> None:  # type: ignore[no-untyped-def]
    # arrival order alone may leave an article of a story on its own (one ferry report scores just under the
    # join threshold); it never places an article with the other event, and the merge pass joins the rest
    grouper = StoryGrouper()
    placed = [grouper.add(features(a)) for a in corpus]
    assert not set(placed[:4]) & set(placed[4:])
    assert placed[4:] == [placed[4]] * 3
    assert Counter(placed[:4]).most_common(1)[0][1] >= 3
    assert sorted(group_articles(corpus)) == [[0, 1, 2, 3], [4, 5, 6]]


def test_a_syndicated_copy_joins_its_original_and_is_remembered(corpus) -> None:  # type: ignore[no-untyped-def]
    wire = corpus[4]
    copy = replace(wire, article=replace(wire.article, id="copy", outlet="Reprint Weekly"))
    grouper = StoryGrouper()
    placed = [grouper.add(features(a)) for a in [*corpus, copy]]
    assert placed[-1] == placed[4]
    assert grouper.copy_of == {len(corpus): 4}


def test_near_duplicates_ignore_case_and_trailing_punctuation() -> None:
    from storyweave.stories.duplicates import NearDuplicates, signature

    seen = NearDuplicates()
    assert seen.add(0, signature("McDonald's Reports a 0.3 Percent Drop in February Sales")) is None
    assert seen.add(1, signature("McDonald's reports a 0.3 percent drop in February sales.")) == 0
    assert seen.add(2, signature("Storm water flooded the basement archive of the Harlow Museum of Rail")) is None


@pytest.mark.parametrize("forgotten", [[0, 1], [0, 1, 2, 3, 4]])  # a few one by one; most by building it again
def test_forgotten_texts_are_no_longer_copied_and_the_rest_still_are(forgotten: list[int]) -> None:
    from storyweave.stories.duplicates import NearDuplicates, signature

    texts = [f"Flood waters closed {n} roads around the harbour town of Keswyn on Tuesday night" for n in range(6)]
    seen = NearDuplicates()
    for key, text in enumerate(texts):
        seen.add(key, signature(text))
    seen.remove_many(forgotten)
    for key, text in enumerate(texts):
        found = seen.add(100 + key, signature(text))  # a copy of each, later
        assert found == (None if key in forgotten else key)
        seen.remove(100 + key)


def test_forgotten_texts_leave_the_index_a_few_at_a_time() -> None:
    from storyweave.stories.duplicates import TIDY_PER_ADD, NearDuplicates, signature

    seen = NearDuplicates()
    for key in range(300):
        seen.add(key, signature(f"Council report number {key} on the harbour wall repairs at Keswyn, filed today"))
    seen.remove_many(list(range(100)))  # a third of the index: no rebuild, no stall
    assert all(key in seen._lsh for key in range(100))  # still indexed, no longer copied
    seen.add(300, signature("A storm closed the ferry terminal at Keswyn for the second day running"))
    assert sum(key in seen._lsh for key in range(100)) == 100 - TIDY_PER_ADD  # a few taken out with each add
    seen.add(301, signature("Rail services between Keswyn and Harlow resumed on Thursday morning after repairs"))
    assert not any(key in seen._lsh for key in range(100))


def test_years_agree_when_both_sides_name_the_same_ones() -> None:
    from storyweave.stories.features import year_weights
    from storyweave.stories.grouping import year_agreement

    same, other = year_weights(frozenset({"2009"})), year_weights(frozenset({"2021"}))
    assert year_agreement(same, 1, same, 1) == pytest.approx(0.5)
    assert year_agreement(same, 1, other, 1) == pytest.approx(-0.5)
    assert year_agreement(same, 1, {}, 0) == 0.0  # one side names no year: no evidence either way
    both = year_weights(frozenset({"2009", "2021"}))
    assert 0.0 < year_agreement(same, 1, both, 1) < 0.5


def _invented(number: int, vector: list[float], words: dict[str, int]):  # type: ignore[no-untyped-def]
    import numpy as np

    from storyweave.stories.features import ArticleFeatures

    unit = np.array(vector, dtype=np.float32) / np.linalg.norm(vector)
    names = frozenset({"harlow museum of rail"})
    return ArticleFeatures(unit, Counter(words), names, frozenset(), {}, None, False, f"text {number}")


def test_an_article_left_alone_joins_the_story_whose_centre_it_is_near() -> None:
    from storyweave.stories.features import DocumentFrequencies
    from storyweave.stories.grouping import StoryProfile
    from storyweave.stories.merge import _similarity, merge_stories

    # one story whose two articles cover two sides of the flood; a third article, between them, is alone
    wide = [
        _invented(0, [1.0, 3.0, 0.0], {"flood": 1, "museum": 1, "photographs": 2, "prints": 2, "archive": 2}),
        _invented(1, [1.0, -3.0, 0.0], {"flood": 1, "museum": 1, "volunteers": 2, "night": 2, "boxes": 2}),
    ]
    stray = _invented(2, [1.0, 0.0, 0.0], {"flood": 1, "museum": 1})
    grouper = StoryGrouper()
    frequencies = DocumentFrequencies()
    for item in [*wide, stray]:
        frequencies.add(item.words)
    story, alone = StoryProfile(), StoryProfile()
    for number, item in enumerate(wide):
        story.add(number, item, frequencies.weigh(item.words))
    alone.add(2, stray, frequencies.weigh(stray.words))
    grouper.stories = [story, alone]
    threshold = grouper.settings.merge_threshold
    assert _similarity(alone, story, grouper) < threshold <= _similarity(alone, story, grouper, centroid=True)
    assert merge_stories(grouper) == [[0, 1, 2]]


def test_a_story_split_by_arrival_order_is_merged_as_soon_as_the_second_part_arrives() -> None:
    from storyweave.stories.duplicates import signature
    from storyweave.stories.merge import settle

    first, second, unrelated = (
        replace(item, signature=signature(f"article number {number} of three, its own text"))
        for number, item in enumerate(
            [
                _invented(0, [1.0, 0.0, 0.0], {"flood": 1, "museum": 1, "basement": 2}),
                _invented(1, [0.6, 0.8, 0.0], {"flood": 1, "museum": 1, "volunteers": 2}),
                _invented(2, [0.0, 0.0, 1.0], {"election": 2, "ballot": 2}),
            ]
        )
    )
    grouper = StoryGrouper()
    a, b = grouper.add(first), grouper.add(second)
    assert a != b  # the first pass keeps them apart: the second scores under the join threshold
    assert settle(grouper, b) == [(a, b)]  # but a merge by average link joins them at once
    assert grouper.story_of == [a, a] and grouper.stories[a].members == [0, 1] and not grouper.stories[b].members
    c = grouper.add(unrelated)
    assert settle(grouper, c) == [] and c not in (a, b)
    assert merge_stories_of(grouper) == [[0, 1], [2]]  # the batch pass skips the emptied story


def merge_stories_of(grouper: StoryGrouper) -> list[list[int]]:
    from storyweave.stories.merge import merge_stories

    return sorted(sorted(members) for members in merge_stories(grouper))


def test_merging_stored_stories_moves_every_member_and_keeps_copies(corpus, tmp_path) -> None:  # type: ignore[no-untyped-def]
    from storyweave.store import Assignment, Store

    a, b, c = (x.id for x in corpus[:3])
    with Store.open(tmp_path / "merge.sqlite") as store:
        store.add_annotated(corpus[:3])
        store.assign_all([Assignment("kept", [a, b], "Kept", {b: a}), Assignment("gone", [c], "Gone")])
        store.assign_all([], merged=[("kept", "gone")])
        assert {m.article_id: m.syndicated_of for m in store.members("kept")} == {a: None, b: a, c: None}
        assert [s.id for s in store.stories()] == ["kept"]


FLOODS = [
    (
        "Flood hits Harlow rail museum",
        "Storm water flooded the basement of the Harlow Museum of Rail in March 2009, damaging 300 photographs, "
        "director Anna Whitcombe said.\n\nThe museum, opened in 1987, will stay closed for a month.",
    ),
    (
        "Harlow museum counts flood damage",
        "The March 2009 flood at the Harlow Museum of Rail ruined hundreds of photographs in its basement "
        "archive, director Anna Whitcombe said.\n\nVolunteers dried what they could.",
    ),
    (
        "Volunteers dry Harlow archive after 2009 flood",
        "Volunteers spent the weekend drying the basement archive of the Harlow Museum of Rail after the "
        "flood of March 2009.\n\nAnna Whitcombe thanked them.",
    ),
    (
        "Harlow rail museum flooded again",
        "Storm water flooded the basement of the Harlow Museum of Rail in October 2021, soaking its new "
        "locomotive plans, director Tom Ashby said.\n\nThe museum will stay closed for a week.",
    ),
    (
        "Second flood for Harlow museum",
        "The October 2021 flood at the Harlow Museum of Rail soaked locomotive plans in its basement, "
        "director Tom Ashby said.\n\nThe pumps bought since were not enough.",
    ),
    (
        "Harlow museum pumps fail in 2021 storm",
        "Pumps failed as storm water reached the basement of the Harlow Museum of Rail in October 2021, "
        "Tom Ashby said.\n\nThe plans are being dried.",
    ),
]


def test_two_events_of_one_kind_years_apart_stay_apart(models) -> None:  # type: ignore[no-untyped-def]
    articles = [Article.create(text, f"Outlet {i}", title=title) for i, (title, text) in enumerate(FLOODS)]
    groups = group_articles(list(annotate(articles, models)))
    assert sorted(groups) == [[0, 1, 2], [3, 4, 5]]


def test_features_made_by_a_second_process_give_the_same_stories(corpus, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from storyweave.stories import batch

    monkeypatch.setattr(batch, "PARALLEL_FROM", 1)
    wire = corpus[4]
    copies = [replace(wire, article=replace(wire.article, id=f"copy {n}", outlet=f"Reprint {n}")) for n in range(3)]
    articles = [*corpus, *copies] * 30  # enough to fill several chunks
    alone, beside = batch.group(articles), batch.group(articles, workers=2)
    assert beside == alone and beside.copy_of


def test_an_error_in_the_feature_process_reaches_the_caller(corpus) -> None:  # type: ignore[no-untyped-def]
    from storyweave.stories.feature_stream import feature_stream

    broken = replace(corpus[0], embeddings=None)  # features() cannot average no vectors
    made = feature_stream([*corpus, broken], 20, workers=2)
    with pytest.raises(TypeError):
        list(made)


def test_a_stream_left_early_ends_its_feature_process(corpus) -> None:  # type: ignore[no-untyped-def]
    import multiprocessing

    from storyweave.stories.feature_stream import CHUNK, feature_stream

    made = feature_stream(corpus * (4 * CHUNK), 20, workers=2)  # more than the pipe holds: the child waits
    first = [next(made) for _ in range(3)]
    assert [f.published for f in first] == [a.article.published for a in corpus[:3]]
    made.close()  # type: ignore[attr-defined]
    assert not [p for p in multiprocessing.active_children() if p.name == "storyweave-features"]


def test_a_grouping_keeps_the_features_it_made_in_input_order(corpus) -> None:  # type: ignore[no-untyped-def]
    from storyweave.stories import group

    shuffled = [corpus[i] for i in (5, 0, 6, 2, 1, 4, 3)]  # not in time order: the grouping sorts them
    kept = group(shuffled, keep_features=True).features
    made = [features(a, 20) for a in shuffled]
    assert [(f.published, f.words, f.names) for f in kept] == [(f.published, f.words, f.names) for f in made]
    assert group(shuffled).features == []


def test_regrouping_the_recent_window_leaves_older_stories_and_carries_a_story_on(corpus, tmp_path) -> None:  # type: ignore[no-untyped-def]
    from datetime import UTC, datetime

    from storyweave.store import Store
    from storyweave.stories.store_sync import regroup_recent, regroup_store

    now = datetime.now(UTC)

    def dated(annotated, moment):  # type: ignore[no-untyped-def]
        return replace(annotated, article=replace(annotated.article, published=moment))

    ferry = [dated(a, now - timedelta(days=10) + timedelta(hours=i)) for i, a in enumerate(corpus[:4])]
    museum = [dated(a, now - timedelta(hours=3 - i)) for i, a in enumerate(corpus[4:])]
    with Store.open(tmp_path / "live.sqlite") as store:
        store.add_annotated(ferry + museum[:2])
        regroup_store(store)
        before = {s.id: s for s in store.stories()}
        ferry_story = store.stories_of([ferry[0].id])[ferry[0].id]
        museum_story = store.stories_of([museum[0].id])[museum[0].id]
        store.add_annotated([museum[2]])
        report = regroup_recent(store, now - timedelta(days=6))
        assert (report.articles, report.stories) == (3, 1)  # the window only: the ferry's ten-day-old articles not
        assert store.stories_of([m.id for m in museum]) == {m.id: museum_story for m in museum}  # carried on
        after = {s.id: s for s in store.stories()}
        assert after[ferry_story] == before[ferry_story]  # untouched, its brief not made stale
        assert after[museum_story].size == 3 and after[museum_story].updated_at > before[museum_story].updated_at
        assert store.count_unplaced() == 0


def _dated(annotated, moment):  # type: ignore[no-untyped-def]
    return replace(annotated, article=replace(annotated.article, published=moment))


def test_a_new_article_is_placed_live_in_the_stored_story_it_belongs_to(corpus, tmp_path) -> None:  # type: ignore[no-untyped-def]
    from datetime import UTC, datetime

    from storyweave.store import Store
    from storyweave.stories.live import LiveStories
    from storyweave.stories.store_sync import regroup_store

    now = datetime.now(UTC)
    ferry = [_dated(a, now - timedelta(hours=8 - i)) for i, a in enumerate(corpus[:4])]
    museum = [_dated(a, now - timedelta(hours=3 - i)) for i, a in enumerate(corpus[4:])]
    wire_copy = replace(museum[0], article=replace(museum[0].article, id="copy", outlet="Reprint Weekly"))
    with Store.open(tmp_path / "live.sqlite") as store:
        store.add_annotated([*ferry[:3], museum[0]])
        regroup_store(store)
        stories = {s.id: s for s in store.stories()}
        ferry_story = store.stories_of([ferry[0].id])[ferry[0].id]
        live = LiveStories(store, now=now)
        assert len(live.article_ids) == 4 and sorted(live.story_ids) == sorted(stories)
        store.add_annotated([ferry[3], museum[1], wire_copy])
        placed = live.place([wire_copy, museum[1], ferry[3]])
        museum_story = store.stories_of([museum[0].id])[museum[0].id]
        assert placed == [museum_story, museum_story, ferry_story]  # each joins the story it reports
        assert store.count_unplaced() == 0
        copies = {m.article_id: m.syndicated_of for m in store.members(museum_story)}
        assert copies["copy"] == museum[0].id  # the wire copy is known as one, as a regroup would know it
        earlier = _dated(museum[2], now - timedelta(days=9))
        store.add_annotated([earlier])
        [founded] = live.place([earlier])  # nine days before, no story of the window takes it: it founds one
        assert founded not in (museum_story, ferry_story)
        assert [m.article_id for m in store.members(founded)] == [earlier.id]


def test_follow_places_live_between_regroups_of_the_window(corpus, tmp_path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from datetime import UTC, datetime

    from storyweave.follow import placing as placing_module
    from storyweave.store import Store
    from storyweave.stories.live import LiveStories

    regroups = []
    real_place_new = placing_module.place_new
    monkeypatch.setattr(placing_module, "place_new", lambda *a, **k: regroups.append(1) or real_place_new(*a, **k))
    now = datetime.now(UTC)
    ferry = [_dated(a, now - timedelta(hours=8 - i)) for i, a in enumerate(corpus[:4])]
    museum = [_dated(a, now - timedelta(hours=3 - i)) for i, a in enumerate(corpus[4:])]
    with Store.open(tmp_path / "follow.sqlite") as store:
        placing = placing_module.Placing(regroup_every=timedelta(hours=1))
        store.add_annotated(ferry)
        placing(store)  # the first round regroups the window, and seeds the live stories from what it read
        assert len(regroups) == 1 and store.count_unplaced() == 0
        assert placing._live is not None and placing._live.current()
        read_again = LiveStories(store, now=now)
        assert (placing._live.story_ids, placing._live.article_ids) == (read_again.story_ids, read_again.article_ids)
        store.add_annotated(museum[:2])
        placing(store)  # the next rounds place their articles live, against the stories in memory
        store.add_annotated(museum[2:])
        placing(store)
        assert len(regroups) == 1 and store.count_unplaced() == 0
        assert len(set(store.stories_of([a.id for a in museum]).values())) == 1
        assert not set(store.stories_of([a.id for a in museum]).values()) & set(
            store.stories_of([a.id for a in ferry]).values()
        )
        placing.regroup_every = timedelta(0)
        placing(store)  # and when the time comes the window is regrouped again
        assert len(regroups) == 2 and store.count_unplaced() == 0


def test_live_stories_are_seeded_again_when_another_process_changed_the_stories(corpus, tmp_path) -> None:  # type: ignore[no-untyped-def]
    from datetime import UTC, datetime

    from storyweave.follow.placing import Placing
    from storyweave.store import Store
    from storyweave.stories.store_sync import regroup_store

    now = datetime.now(UTC)
    ferry = [_dated(a, now - timedelta(hours=8 - i)) for i, a in enumerate(corpus[:4])]
    museum = [_dated(a, now - timedelta(hours=3 - i)) for i, a in enumerate(corpus[4:])]
    with Store.open(tmp_path / "two.sqlite") as store:
        placing = Placing(regroup_every=timedelta(hours=1))
        store.add_annotated(ferry[:2])
        placing(store)
        store.add_annotated([ferry[2]])
        placing(store)  # seeds the live stories
        assert placing._live is not None and placing._live.current()
        store.add_annotated([*ferry[3:], *museum[:2]])
        regroup_store(store)  # as a storyweave ingest beside follow would: the stories change under it
        assert not placing._live.current()
        store.add_annotated(museum[2:])
        placing(store)  # seeded again before placing: the article joins the museum story as it now is
        museum_story = store.stories_of([museum[0].id])[museum[0].id]
        assert store.stories_of([museum[2].id]) == {museum[2].id: museum_story}
        assert all(s.title for s in store.stories())  # no story made anew under a stale id without a title


def test_a_change_by_another_process_while_live_stories_place_is_not_missed(corpus, tmp_path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from datetime import UTC, datetime

    from storyweave.store import Assignment, Store
    from storyweave.stories.live import LiveStories
    from storyweave.stories.store_sync import regroup_store

    now = datetime.now(UTC)
    ferry = [_dated(a, now - timedelta(hours=8 - i)) for i, a in enumerate(corpus[:4])]
    with Store.open(tmp_path / "race.sqlite") as store, Store.open(tmp_path / "race.sqlite") as other:
        store.add_annotated(ferry)
        regroup_store(store)
        live = LiveStories(store, now=now)
        assert live.current()
        real = store.assign_all

        def another_writer_first(*args, **kwargs):  # type: ignore[no-untyped-def]
            other.assign_all([Assignment("elsewhere", [ferry[0].id], "Elsewhere")])  # commits before ours
            return real(*args, **kwargs)

        monkeypatch.setattr(store, "assign_all", another_writer_first)
        store.add_annotated([replace(corpus[4], article=replace(corpus[4].article, published=now))])
        live.place([replace(corpus[4], article=replace(corpus[4].article, published=now))])
        assert not live.current()  # the other writer's change is seen, not taken for this placement's own


def test_a_wrong_future_date_does_not_end_the_live_window(corpus, tmp_path) -> None:  # type: ignore[no-untyped-def]
    from datetime import UTC, datetime

    from storyweave.store import Store
    from storyweave.stories.live import LiveStories
    from storyweave.stories.store_sync import regroup_store

    now = datetime.now(UTC)
    museum = [_dated(a, now - timedelta(hours=3 - i)) for i, a in enumerate(corpus[4:])]
    future = _dated(corpus[0], now + timedelta(days=400))  # a feed's date a year out
    copy = replace(museum[0], article=replace(museum[0].article, id="copy", outlet="Reprint Weekly"))
    with Store.open(tmp_path / "future.sqlite") as store:
        store.add_annotated(museum)
        regroup_store(store)
        live = LiveStories(store, now=now)
        store.add_annotated([future, copy])
        live.place([future])
        live.place([copy])
        members = {m.article_id: m.syndicated_of for m in store.members(store.stories_of(["copy"])["copy"])}
        assert members["copy"] == museum[0].id  # the window was not emptied by the date a year out


def test_a_regroup_keeps_the_windows_articles_and_features_to_seed_live_placement(corpus, tmp_path) -> None:  # type: ignore[no-untyped-def]
    from datetime import UTC, datetime

    from storyweave.store import Store
    from storyweave.stories.store_sync import place_new

    now = datetime.now(UTC)
    old = [_dated(a, now - timedelta(days=30, hours=-i)) for i, a in enumerate(corpus[:4])]
    recent = [_dated(a, now - timedelta(hours=3 - i)) for i, a in enumerate(corpus[4:])]
    with Store.open(tmp_path / "keep.sqlite") as store:
        store.add_annotated(old + recent)
        whole = place_new(store, keep_features=True)  # articles a month old in no story: the store regrouped whole
        assert whole.articles == 7 and whole.window is not None
        assert sorted(a.id for a in whole.window[0]) == sorted(a.id for a in recent) and len(whole.window[1]) == 3
        store.add_annotated([_dated(replace(corpus[4], article=replace(corpus[4].article, id="more")), now)])
        windowed = place_new(store, keep_features=True)  # only the recent window regrouped
        assert windowed.articles == 4 and windowed.window is not None and len(windowed.window[0]) == 4
        assert place_new(store).window is None
