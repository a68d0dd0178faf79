"""Stories in the store: which articles each holds, and the brief last computed for it.

An article belongs to at most one story: assigning it to another moves it. A story left
without articles is removed with its brief. Any change of membership marks the brief stale.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime

from storyweave.store._base import Database, chunks
from storyweave.store.codec import now_utc, parse_utc, utc_text

__all__ = ["Assignment", "Member", "StoredBrief", "StoryMethods", "StoryRecord", "members_hash"]


@dataclass(frozen=True, slots=True)
class StoryRecord:
    id: str
    title: str
    first_published: datetime | None  # UTC; None when no member has a date
    last_published: datetime | None
    outlets: list[str]
    updated_at: datetime
    brief_stale: bool
    size: int  # number of member articles

    def as_dict(self) -> dict[str, object]:
        """The story as JSON-ready data: what ``storyweave stories --format json`` and ``/api/stories`` list."""
        return {
            "id": self.id,
            "title": self.title,
            "first_published": self.first_published.isoformat() if self.first_published else None,
            "last_published": self.last_published.isoformat() if self.last_published else None,
            "articles": self.size,
            "outlets": self.outlets,
        }


@dataclass(frozen=True, slots=True)
class Member:
    article_id: str
    syndicated_of: str | None  # the article whose copy this one runs, if any
    added_at: datetime


@dataclass(frozen=True, slots=True)
class StoredBrief:
    story_id: str
    schema: str
    json: str
    computed_at: datetime
    members_hash: str


def members_hash(article_ids: Iterable[str]) -> str:
    """A hash of a set of article ids, to tell whether a stored brief still fits its story."""
    return hashlib.sha1("\n".join(sorted(set(article_ids))).encode("utf-8")).hexdigest()


_STORY_COLUMNS = (
    "s.id, s.title, s.first_published, s.last_published, s.outlets, s.updated_at, s.brief_stale, "
    "(SELECT count(*) FROM story_members m WHERE m.story_id = s.id)"
)


class StoryMethods(Database):
    def assign(
        self,
        story_id: str,
        article_ids: Sequence[str],
        *,
        title: str | None = None,
        syndicated_of: Mapping[str, str] | None = None,
    ) -> None:
        """Put articles (already stored) in a story, creating it when new; one transaction.

        ``syndicated_of`` maps an article id to the id of the article it is a copy of.
        """
        self.assign_all([Assignment(story_id, article_ids, title, syndicated_of or {})])

    def assign_all(self, assignments: Iterable[Assignment], merged: Sequence[tuple[str, str]] = ()) -> tuple[int, int]:
        """Make many assignments in one transaction: a run killed or out of disk space half-way leaves the
        stories as they were, and the next run places the articles again. Then each ``(kept, gone)`` of
        ``merged``, in order, moves every member of story ``gone`` (copies still copies) into story ``kept``.
        Returns the stories mark just before and just after, read inside the transaction (no other writer can
        come between them and the writes)."""
        now = now_utc()
        with self._writing() as conn:
            before = _mark(conn)
            changes = _Changes()
            for assignment in assignments:
                _assign(conn, assignment, now, changes)
            for kept, gone in merged:
                conn.execute(
                    "UPDATE story_members SET story_id = ?, added_at = ? WHERE story_id = ?", (kept, now, gone)
                )
                changes.rebuilt |= {kept, gone}
            for touched_id in sorted(changes.rebuilt | set(changes.joined)):
                if touched_id in changes.rebuilt:
                    _refresh(conn, touched_id, now)
                else:
                    _grow(conn, touched_id, changes.joined[touched_id], now)
            return before, _mark(conn)

    def unplaced(self, since: datetime | None = None) -> list[str]:
        """The ids of the stored articles that are in no story (dated, or undated and stored, from ``since`` on
        when it is given)."""
        query = "SELECT a.id FROM articles a WHERE NOT EXISTS (SELECT 1 FROM story_members m WHERE m.article_id = a.id)"
        args: list[str] = []
        if since is not None:
            query += " AND coalesce(a.published_utc, a.ingested_at) >= ?"
            args.append(utc_text(since))
        with self._reading() as conn:
            return [row[0] for row in conn.execute(query, args)]

    def stories_mark(self) -> int:
        """A mark that changes whenever a story is made or removed or an article joins, leaves or changes story,
        by this process or another (a count the store's triggers keep): one row read, whatever the store's size."""
        with self._reading() as conn:
            return _mark(conn)

    def count_unplaced(self, before: datetime | None = None) -> int:
        """Stored articles that are in no story (a grouping that did not finish, or new ones), only those dated
        (or, undated, stored) before ``before`` when it is given."""
        query = (
            "SELECT count(*) FROM articles a WHERE NOT EXISTS (SELECT 1 FROM story_members m WHERE m.article_id = a.id)"
        )
        args: list[str] = []
        if before is not None:
            query += " AND coalesce(a.published_utc, a.ingested_at) < ?"
            args.append(utc_text(before))
        with self._reading() as conn:
            return int(conn.execute(query, args).fetchone()[0])

    def stories(
        self,
        since: datetime | None = None,
        limit: int | None = None,
        *,
        offset: int = 0,
        title_words: Sequence[str] = (),
        biggest: bool = False,
    ) -> list[StoryRecord]:
        """Stories, latest first, by their last article's date (else when they last changed); ``biggest``
        puts the stories with most articles first instead.

        ``title_words`` keeps the stories whose title contains every one of them (case-insensitive substring).
        """
        where, params = _filters(since, title_words)
        sql = f"SELECT {_STORY_COLUMNS} FROM stories s{where} ORDER BY "
        sql += "8 DESC, " if biggest else ""  # column 8: the number of member articles
        sql += "coalesce(s.last_published, s.updated_at) DESC, s.id LIMIT ? OFFSET ?"
        params += [-1 if limit is None else limit, offset]
        with self._reading() as conn:
            return [_story(row) for row in conn.execute(sql, params)]

    def count_stories(self, since: datetime | None = None, title_words: Sequence[str] = ()) -> int:
        """How many stories ``stories`` would list without a limit."""
        where, params = _filters(since, title_words)
        with self._reading() as conn:
            return int(conn.execute(f"SELECT count(*) FROM stories s{where}", params).fetchone()[0])

    def story(self, story_id: str) -> StoryRecord | None:
        with self._reading() as conn:
            row = conn.execute(f"SELECT {_STORY_COLUMNS} FROM stories s WHERE s.id = ?", (story_id,)).fetchone()
        return _story(row) if row else None

    def members(self, story_id: str) -> list[Member]:
        """A story's articles, oldest first (articles without a date by when they were stored)."""
        with self._reading() as conn:
            rows = conn.execute(
                "SELECT m.article_id, m.syndicated_of, m.added_at FROM story_members m "
                "JOIN articles a ON a.id = m.article_id WHERE m.story_id = ? "
                "ORDER BY coalesce(a.published_utc, a.ingested_at), a.id",
                (story_id,),
            ).fetchall()
        return [Member(article_id=r[0], syndicated_of=r[1], added_at=_utc(r[2])) for r in rows]

    def stories_of(self, article_ids: Sequence[str]) -> dict[str, str]:
        """The story of each of ``article_ids`` that is in one."""
        found: dict[str, str] = {}
        with self._reading() as conn:
            for chunk in chunks(article_ids):
                marks = ",".join("?" * len(chunk))
                query = f"SELECT article_id, story_id FROM story_members WHERE article_id IN ({marks})"
                found.update((str(a), str(s)) for a, s in conn.execute(query, chunk))
        return found

    def set_brief(self, story_id: str, document: str, members_hash: str, *, schema: str | None = None) -> None:
        """Store a story's brief (JSON text) and clear its stale flag.

        ``schema`` defaults to the document's own "schema" field.
        """
        if schema is None:
            parsed = json.loads(document)
            schema = str(parsed.get("schema", "")) if isinstance(parsed, dict) else ""
        with self._writing() as conn:
            if not conn.execute("SELECT 1 FROM stories WHERE id = ?", (story_id,)).fetchone():
                raise ValueError(f"no story {story_id} in the store")
            conn.execute(
                "INSERT OR REPLACE INTO briefs (story_id, schema, json, computed_at, members_hash) "
                "VALUES (?, ?, ?, ?, ?)",
                (story_id, schema, document, now_utc(), members_hash),
            )
            conn.execute("UPDATE stories SET brief_stale = 0 WHERE id = ?", (story_id,))

    def brief(self, story_id: str) -> StoredBrief | None:
        with self._reading() as conn:
            row = conn.execute(
                "SELECT story_id, schema, json, computed_at, members_hash FROM briefs WHERE story_id = ?",
                (story_id,),
            ).fetchone()
        return StoredBrief(row[0], row[1], row[2], _utc(row[3]), row[4]) if row else None

    def mark_stale(self, story_id: str) -> None:
        with self._writing() as conn:
            conn.execute("UPDATE stories SET brief_stale = 1 WHERE id = ?", (story_id,))


@dataclass(frozen=True, slots=True)
class Assignment:
    """Articles put in a story: its id, the article ids, its title (None keeps it) and which copies which."""

    story_id: str
    article_ids: Sequence[str]
    title: str | None = None
    syndicated_of: Mapping[str, str] = field(default_factory=dict)


@dataclass(slots=True)
class _Changes:
    """The stories an assignment changed: those that only gained articles that were in no story (their dates and
    outlets are updated from the newcomers alone), and those to recompute from all their members."""

    joined: dict[str, list[str]] = field(default_factory=dict)  # story id -> the articles that joined it
    rebuilt: set[str] = field(default_factory=set)


def _assign(conn: sqlite3.Connection, assignment: Assignment, now: str, changes: _Changes) -> None:
    """Write one assignment and note the stories whose members it changed in ``changes`` (this one when it gained
    an article or a copy changed, and those articles left)."""
    story_id, copies = assignment.story_id, assignment.syndicated_of
    exists = "SELECT 1 FROM articles WHERE id = ?"
    missing = [i for i in assignment.article_ids if not conn.execute(exists, (i,)).fetchone()]
    if missing:
        raise ValueError(f"not in the store: {', '.join(missing[:5])}")
    created = conn.execute(
        "INSERT INTO stories (id, title, outlets, updated_at, brief_stale) VALUES (?, ?, '[]', ?, 1) "
        "ON CONFLICT (id) DO NOTHING",
        (story_id, assignment.title or "", now),
    ).rowcount
    if assignment.title is not None:
        conn.execute("UPDATE stories SET title = ? WHERE id = ?", (assignment.title, story_id))
    if created:  # only a story whose members change is updated (and its brief stale)
        changes.rebuilt.add(story_id)
    for article_id in assignment.article_ids:
        previous = conn.execute(
            "SELECT story_id, syndicated_of FROM story_members WHERE article_id = ?", (article_id,)
        ).fetchone()
        if previous is None:
            changes.joined.setdefault(story_id, []).append(article_id)
        elif tuple(previous) != (story_id, copies.get(article_id)):
            changes.rebuilt |= {story_id, previous[0]}
        conn.execute(
            "INSERT INTO story_members (article_id, story_id, syndicated_of, added_at) VALUES (?, ?, ?, ?) "
            "ON CONFLICT (article_id) DO UPDATE SET syndicated_of = excluded.syndicated_of, "
            "added_at = CASE WHEN story_id = excluded.story_id THEN added_at ELSE excluded.added_at END, "
            "story_id = excluded.story_id",
            (article_id, story_id, copies.get(article_id), now),
        )


def _filters(since: datetime | None, title_words: Sequence[str]) -> tuple[str, list[object]]:
    clauses: list[str] = []
    params: list[object] = []
    if since is not None:
        clauses.append("coalesce(s.last_published, s.updated_at) >= ?")
        params.append(utc_text(since))
    for word in title_words:
        clauses.append("s.title LIKE ? ESCAPE '\\'")
        escaped = word.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
        params.append(f"%{escaped}%")
    return (" WHERE " + " AND ".join(clauses) if clauses else ""), params


def _mark(conn: sqlite3.Connection) -> int:
    return int(conn.execute("SELECT changes FROM story_changes WHERE id = 1").fetchone()[0])


def _refresh(conn: sqlite3.Connection, story_id: str, now: str) -> None:
    """Recompute a story's dates and outlets from its members; remove it when it has none."""
    first, last, size = conn.execute(
        "SELECT min(a.published_utc), max(a.published_utc), count(*) FROM story_members m "
        "JOIN articles a ON a.id = m.article_id WHERE m.story_id = ?",
        (story_id,),
    ).fetchone()
    if not size:
        conn.execute("DELETE FROM stories WHERE id = ?", (story_id,))
        return
    outlets = [
        row[0]
        for row in conn.execute(
            "SELECT DISTINCT a.outlet FROM story_members m JOIN articles a ON a.id = m.article_id "
            "WHERE m.story_id = ? ORDER BY a.outlet",
            (story_id,),
        )
    ]
    conn.execute(
        "UPDATE stories SET first_published = ?, last_published = ?, outlets = ?, updated_at = ?, brief_stale = 1 "
        "WHERE id = ?",
        (first, last, json.dumps(outlets, ensure_ascii=False), now, story_id),
    )


def _grow(conn: sqlite3.Connection, story_id: str, joined: list[str], now: str) -> None:
    """A story's dates and outlets widened by articles that joined it (what ``_refresh`` would find, without
    reading its other members: placing one article in a story of thousands stays quick)."""
    first, last, outlets = conn.execute(
        "SELECT first_published, last_published, outlets FROM stories WHERE id = ?", (story_id,)
    ).fetchone()
    dates, names = [d for d in (first, last) if d is not None], set(json.loads(outlets))
    for chunk in chunks(joined):
        marks = ", ".join("?" * len(chunk))
        for published, outlet in conn.execute(
            f"SELECT published_utc, outlet FROM articles WHERE id IN ({marks})", chunk
        ):
            dates += [published] if published is not None else []
            names.add(outlet)
    widened = (min(dates, default=None), max(dates, default=None), json.dumps(sorted(names), ensure_ascii=False))
    conn.execute(
        "UPDATE stories SET first_published = ?, last_published = ?, outlets = ?, updated_at = ?, brief_stale = 1 "
        "WHERE id = ?",
        (*widened, now, story_id),
    )


def _utc(text: str) -> datetime:
    moment = parse_utc(text)
    assert moment is not None
    return moment


def _story(row: tuple[object, ...]) -> StoryRecord:
    id_, title, first, last, outlets, updated, stale, size = row
    return StoryRecord(
        id=str(id_),
        title=str(title),
        first_published=parse_utc(first) if isinstance(first, str) else None,
        last_published=parse_utc(last) if isinstance(last, str) else None,
        outlets=list(json.loads(str(outlets))),
        updated_at=_utc(str(updated)),
        brief_stale=bool(stale),
        size=int(str(size)),
    )
