"""The SQLite store on real files: migrations, round trips, idempotence, stories, bad databases."""

from __future__ import annotations

import os
import sqlite3
import time
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

import numpy as np
import pytest

from storyweave.models import AnnotatedArticle, Article, Entity, Origin, Sentence
from storyweave.store import MIGRATIONS, Assignment, Migration, Store, StoreError, default_path, members_hash
from storyweave.store.migrations import migrate


def _article(n: int, *, published: datetime | None = None, outlet: str = "Daily Example") -> AnnotatedArticle:
    text = f"Headline {n}\n\nThe council met on Tuesday {n}. It voted to build a bridge.\n\nWork starts in May."
    article = Article.create(
        text,
        outlet,
        title=f"Headline {n}",
        url=f"https://daily.example/{n}",
        published=published,
        origin=Origin(path=f"/in/{n}.jsonl", line=n, offset=100 * n),
    )
    parts = [(f"The council met on Tuesday {n}.", 0), ("It voted to build a bridge.", 0), ("Work starts in May.", 1)]
    sentences = []
    for i, (sentence, paragraph) in enumerate(parts):
        start = text.index(sentence)
        sentences.append(Sentence(i, start, start + len(sentence), sentence, paragraph, i / (len(parts) - 1)))
    day = text.index("Tuesday")
    entities = [Entity(text="Tuesday", label="DATE", start=day, end=day + 7, sentence=0)]
    rng = np.random.default_rng(n)
    vectors = rng.normal(size=(len(sentences), 8)).astype(np.float32)
    vectors /= np.linalg.norm(vectors, axis=1, keepdims=True)
    return AnnotatedArticle(article, sentences, entities, vectors, boilerplate_lines=1)


def _assert_same(got: AnnotatedArticle, want: AnnotatedArticle) -> None:
    assert got.article == want.article
    assert got.sentences == want.sentences
    assert got.entities == want.entities
    assert got.boilerplate_lines == want.boilerplate_lines
    assert got.embeddings.dtype == np.float32 and got.embeddings.shape == want.embeddings.shape
    np.testing.assert_allclose(got.embeddings, want.embeddings, atol=1e-3)  # stored as float16


def test_migrations_are_recorded_once_and_reopening_applies_nothing(tmp_path: Path) -> None:
    path = tmp_path / "s.sqlite"
    with Store.open(path):
        pass
    conn = sqlite3.connect(path)
    rows = conn.execute("SELECT version, name, applied_at FROM migrations ORDER BY version").fetchall()
    assert [(v, n) for v, n, _ in rows] == [(m.version, m.name) for m in MIGRATIONS]
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    conn.close()
    with Store.open(path) as store:
        assert store.counts()["articles"] == 0
    conn = sqlite3.connect(path)
    assert conn.execute("SELECT version, name, applied_at FROM migrations ORDER BY version").fetchall() == rows
    conn.close()


def test_pending_migrations_apply_in_order_in_one_transaction(tmp_path: Path) -> None:
    path = tmp_path / "s.sqlite"
    with Store.open(path):
        pass
    conn = sqlite3.connect(path, isolation_level=None)
    extra = [
        *MIGRATIONS,
        Migration(len(MIGRATIONS) + 1, "notes", lambda c: c.execute("CREATE TABLE notes (x TEXT)")),
        Migration(len(MIGRATIONS) + 2, "broken", lambda c: c.execute("CREATE TABLE notes (y TEXT)")),
    ]
    with pytest.raises(sqlite3.OperationalError):
        migrate(conn, path, extra)
    tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    assert "notes" not in tables  # the failed run left nothing behind
    assert migrate(conn, path, extra[:-1]) == [extra[-2]]
    assert migrate(conn, path, extra[:-1]) == []
    versions = [r[0] for r in conn.execute("SELECT version FROM migrations ORDER BY version")]
    assert versions == [m.version for m in extra[:-1]]
    conn.close()
    with pytest.raises(StoreError, match="newer storyweave"):
        Store.open(path)  # the code knows fewer migrations than the file has


def test_add_and_read_back_exactly(tmp_path: Path) -> None:
    items = [_article(1, published=datetime(2026, 3, 4, 0, 30, tzinfo=timezone(timedelta(hours=1)))), _article(2)]
    odd = _article(3)
    second = odd.sentences[1]
    odd.sentences[1] = Sentence(index=7, start=second.start, end=second.end, text="x", paragraph=2, position=0.25)
    odd.entities.append(Entity(text="not a slice", label="ORG", start=0, end=4, sentence=0))
    with Store.open(tmp_path / "s.sqlite") as store:
        assert store.add_annotated([*items, odd]) == 3
        got = store.annotated([odd.id, "missing", items[0].id, items[1].id])
    assert [g.id for g in got] == [odd.id, items[0].id, items[1].id]
    for g, want in zip(got, [odd, *items], strict=True):
        _assert_same(g, want)
    assert got[1].article.published is not None and got[1].article.published.utcoffset() == timedelta(hours=1)


def test_real_annotations_round_trip(tmp_path: Path, example_annotated) -> None:  # type: ignore[no-untyped-def]
    with Store.open(tmp_path / "s.sqlite") as store:
        store.add_annotated(example_annotated)
    with Store.open(tmp_path / "s.sqlite", readonly=True) as store:
        got = store.annotated([a.id for a in example_annotated])
    assert len(got) == len(example_annotated)
    for g, want in zip(got, example_annotated, strict=True):
        _assert_same(g, want)
        assert all(g.article.text[s.start : s.end] == s.text for s in g.sentences)


def test_adding_again_is_idempotent(tmp_path: Path) -> None:
    items = [_article(n) for n in range(5)]
    with Store.open(tmp_path / "s.sqlite") as store:
        assert store.add_annotated(items[:3]) == 3
        assert store.add_annotated(items) == 2
        assert store.add_annotated(items) == 0
        assert store.counts()["articles"] == store.counts()["annotations"] == 5
        assert store.has_article(items[0].id) and not store.has_article("nope")
        assert store.known([items[1].id, "nope", items[4].id]) == {items[1].id, items[4].id}


def test_iter_articles_in_time_order_since(tmp_path: Path) -> None:
    day = datetime(2026, 3, 1, tzinfo=UTC)
    items = [_article(n, published=day + timedelta(days=n)) for n in (3, 1, 2)]
    with Store.open(tmp_path / "s.sqlite") as store:
        store.add_annotated([*items, _article(9)])  # undated: counts by when it was stored (now)
        assert [a.title for a in store.iter_articles()] == ["Headline 1", "Headline 2", "Headline 3", "Headline 9"]
        since = [a.title for a in store.iter_articles(since=day + timedelta(days=2))]
        assert since == ["Headline 2", "Headline 3", "Headline 9"]
        assert list(store.iter_articles(since=datetime.now(UTC) + timedelta(days=1))) == []


def test_stories_membership_briefs_and_staleness(tmp_path: Path) -> None:
    day = datetime(2026, 3, 1, tzinfo=UTC)
    items = [_article(n, published=day + timedelta(days=n), outlet=f"Outlet {n % 2}") for n in range(4)]
    ids = [a.id for a in items]
    with Store.open(tmp_path / "s.sqlite") as store:
        store.add_annotated(items)
        store.assign("s1", ids[:3], title="Bridge", syndicated_of={ids[2]: ids[0]})
        store.assign("s2", [ids[3]])
        story = store.story("s1")
        assert story is not None and story.size == 3 and story.title == "Bridge" and story.brief_stale
        assert story.first_published == day and story.last_published == day + timedelta(days=2)
        assert story.outlets == ["Outlet 0", "Outlet 1"]
        members = store.members("s1")
        assert [m.article_id for m in members] == ids[:3] and members[2].syndicated_of == ids[0]
        assert [s.id for s in store.stories()] == ["s2", "s1"]
        assert [s.id for s in store.stories(limit=1)] == ["s2"]
        assert [s.id for s in store.stories(since=day + timedelta(days=3))] == ["s2"]

        store.set_brief("s1", '{"schema": "storyweave.brief/2", "title": "Bridge"}', members_hash(ids[:3]))
        stored = store.brief("s1")
        assert (
            stored is not None
            and stored.schema == "storyweave.brief/2"
            and stored.members_hash == members_hash(ids[:3])
        )
        assert not store.story("s1").brief_stale  # type: ignore[union-attr]
        store.mark_stale("s1")
        assert store.story("s1").brief_stale  # type: ignore[union-attr]

        store.assign("s2", [ids[0], ids[1], ids[2]])  # moving every article empties s1, which goes
        assert store.story("s1") is None and store.brief("s1") is None
        assert store.story("s2").size == 4  # type: ignore[union-attr]
        assert store.counts() == {"articles": 4, "annotations": 4, "stories": 1, "members": 4, "briefs": 0, "stale": 1}
        with pytest.raises(ValueError, match="not in the store"):
            store.assign("s3", ["unknown-id"])
        assert store.story("s3") is None


def test_the_stories_mark_moves_with_every_change_of_stories_by_any_connection(tmp_path: Path) -> None:
    items = [_article(n, published=datetime(2026, 3, 1, tzinfo=UTC)) for n in range(3)]
    ids = [a.id for a in items]
    with Store.open(tmp_path / "s.sqlite") as store, Store.open(tmp_path / "s.sqlite") as other:
        store.add_annotated(items)
        marks = [store.stories_mark()]
        store.assign("s1", ids[:2])
        marks.append(store.stories_mark())
        store.set_brief("s1", "{}", members_hash(ids[:2]))  # a brief is no change of members
        assert store.stories_mark() == marks[-1]
        other.assign("s2", [ids[2]])  # another process's change is seen
        marks.append(store.stories_mark())
        before, after = store.assign_all([], merged=[("s1", "s2")])  # a merge moves members, removes a story
        assert before == marks[-1] and after == store.stories_mark()
        marks.append(after)
        assert marks == sorted(set(marks)) and store.story("s2") is None
        store.assign_all([Assignment("s1", ids)])  # the same members again: no change
        assert store.stories_mark() == marks[-1]


def test_regrouping_the_same_members_leaves_a_story_and_its_brief_as_they_were(tmp_path: Path) -> None:
    items = [_article(n, published=datetime(2026, 3, 1, tzinfo=UTC)) for n in range(3)]
    ids = [a.id for a in items]
    with Store.open(tmp_path / "s.sqlite") as store:
        store.add_annotated(items)
        store.assign("s1", ids[:2], title="Bridge")
        store.set_brief("s1", "{}", members_hash(ids[:2]))
        before = store.story("s1")
        store.assign("s1", ids[:2], title="Bridge closed")  # the same members: a new title only
        after = store.story("s1")
        assert after is not None and before is not None
        assert (after.updated_at, after.brief_stale, after.title) == (before.updated_at, False, "Bridge closed")
        store.assign("s1", ids)  # a new member: updated, brief stale
        grown = store.story("s1")
        assert grown is not None and grown.updated_at > before.updated_at and grown.brief_stale


def test_default_path_is_under_storyweave_home(storyweave_home: Path) -> None:
    assert default_path() == storyweave_home / "storyweave.sqlite"


def test_a_file_that_is_not_a_database_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "s.sqlite"
    path.write_bytes(os.urandom(4096))
    with pytest.raises(StoreError) as caught:
        Store.open(path)
    assert str(caught.value) == (
        f"{path} is not a storyweave database (file is not a database); point --db at another file or move it away"
    )
    assert caught.value.exit_code == 2
    assert path.stat().st_size == 4096  # left as it was


def test_another_programs_database_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "other.sqlite"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE contacts (name TEXT)")
    conn.commit()
    conn.close()
    with pytest.raises(StoreError, match="not a storyweave database"):
        Store.open(path)


def test_a_locked_database_fails_fast_with_what_to_do(tmp_path: Path) -> None:
    path = tmp_path / "s.sqlite"
    with Store.open(path, timeout=0.2) as store:
        other = sqlite3.connect(path, isolation_level=None)
        other.execute("BEGIN IMMEDIATE")
        started = time.monotonic()
        with pytest.raises(
            StoreError, match=r"is locked by another storyweave process.*wait for it or use another --db"
        ):
            Store.open(path, timeout=0.2)
        with pytest.raises(StoreError, match="locked"):
            store.add_annotated([_article(1)])
        assert time.monotonic() - started < 5
        assert store.counts()["articles"] == 0  # readers are not blocked by the writer
        other.execute("ROLLBACK")
        other.close()
        assert store.add_annotated([_article(1)]) == 1


def test_readonly_needs_an_existing_database(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="no database"):
        Store.open(tmp_path / "missing.sqlite", readonly=True)
    assert not (tmp_path / "missing.sqlite").exists()


def test_stories_page_and_search_in_the_store(tmp_path: Path) -> None:
    start = datetime(2026, 3, 1, tzinfo=UTC)
    titles = ["Bridge vote in Harlow", "Ferry grounds off Port Avery", "Harlow bridge opens", "100% turnout_claim"]
    with Store.open(tmp_path / "s.sqlite") as store:
        for n, title in enumerate(titles):
            article = _article(n, published=start + timedelta(days=n))
            store.add_annotated([article])
            store.assign(f"s{n}", [article.id], title=title)
        assert store.count_stories() == 4
        assert [s.id for s in store.stories(limit=2)] == ["s3", "s2"]  # latest first
        assert [s.id for s in store.stories(limit=2, offset=2)] == ["s1", "s0"]
        assert [s.id for s in store.stories(title_words=["harlow", "BRIDGE"])] == ["s2", "s0"]
        assert store.count_stories(title_words=["harlow"]) == 2
        assert [s.id for s in store.stories(title_words=["100%"])] == ["s3"]  # % and _ are matched literally
        assert store.stories(title_words=["0%t"]) == []
        assert [s.id for s in store.stories(title_words=["turnout_c"])] == ["s3"]


def test_biggest_stories_first(tmp_path: Path) -> None:
    start = datetime(2026, 3, 1, tzinfo=UTC)
    with Store.open(tmp_path / "s.sqlite") as store:
        articles = [_article(n, published=start + timedelta(days=n)) for n in range(4)]
        store.add_annotated(articles)
        store.assign("small-new", [articles[3].id], title="New")
        store.assign("big-old", [a.id for a in articles[:3]], title="Old")
        assert [s.id for s in store.stories()] == ["small-new", "big-old"]
        assert [s.id for s in store.stories(biggest=True)] == ["big-old", "small-new"]


def test_a_story_that_gains_articles_one_at_a_time_has_the_dates_and_outlets_of_all_its_members(
    tmp_path: Path,
) -> None:
    # placing an article widens the story's dates and outlets from the newcomer alone: the same as recomputing
    day = datetime(2026, 3, 4, 12, tzinfo=UTC)
    dates = [day, None, day - timedelta(days=2), day + timedelta(hours=5), None, day - timedelta(hours=1)]
    outlets = ["Zeta Post", "Alpha Wire", "Zeta Post", "Émile Herald", "Beta News", "Alpha Wire"]
    articles = [_article(n, published=p, outlet=o) for n, (p, o) in enumerate(zip(dates, outlets, strict=True))]
    with Store.open(tmp_path / "s.sqlite") as store:
        store.add_annotated(articles)
        for article in articles[:4]:
            store.assign("grown", [article.id])
        store.assign_all([])  # nothing changes
        store.assign("grown", [articles[4].id, articles[5].id])
        grown = {s.id: s for s in store.stories()}["grown"]
        assert (grown.first_published, grown.last_published) == (day - timedelta(days=2), day + timedelta(hours=5))
        assert grown.outlets == ["Alpha Wire", "Beta News", "Zeta Post", "Émile Herald"]
        store.assign("whole", [a.id for a in articles[2:]])  # moved: both recomputed from their members
        stories = {s.id: s for s in store.stories()}
        assert (stories["grown"].first_published, stories["grown"].outlets) == (day, ["Alpha Wire", "Zeta Post"])
        assert stories["whole"].first_published == day - timedelta(days=2)
        assert stories["whole"].outlets == ["Alpha Wire", "Beta News", "Zeta Post", "Émile Herald"]
        undated = _article(9, published=None, outlet="Gamma")
        store.add_annotated([undated])
        store.assign("grown", [undated.id])  # an undated article leaves the dates as they were
        grown = {s.id: s for s in store.stories()}["grown"]
        assert (grown.first_published, grown.last_published, grown.outlets) == (
            day,
            day,
            ["Alpha Wire", "Gamma", "Zeta Post"],
        )
