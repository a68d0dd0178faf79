"""The database schema as an ordered list of migrations, each recorded once it is applied.

A new schema change is one more ``Migration`` at the end of ``MIGRATIONS`` (never edit an applied
one). Opening a store applies the pending ones, in order, in one transaction, and records each in
the ``migrations`` table (version, name, applied_at).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from storyweave.store.errors import StoreError

__all__ = ["MIGRATIONS", "Migration", "applied_versions", "migrate", "pending"]


@dataclass(frozen=True, slots=True)
class Migration:
    version: int  # 1, 2, 3, ... in order
    name: str
    apply: Callable[[sqlite3.Connection], None]


def _sql(*statements: str) -> Callable[[sqlite3.Connection], None]:
    """A migration made of SQL statements (run one by one: ``executescript`` would commit)."""

    def apply(conn: sqlite3.Connection) -> None:
        for statement in statements:
            conn.execute(statement)

    return apply


_INITIAL = _sql(
    """CREATE TABLE articles (
        id TEXT PRIMARY KEY,
        outlet TEXT NOT NULL,
        title TEXT NOT NULL,
        url TEXT,
        published TEXT,              -- ISO 8601 as read, with its UTC offset
        published_utc TEXT,          -- the same instant in UTC, fixed width, for ordering
        language TEXT NOT NULL,
        text TEXT NOT NULL,
        origin_path TEXT,
        origin_line INTEGER,
        origin_offset INTEGER,
        ingested_at TEXT NOT NULL
    )""",
    "CREATE INDEX articles_by_time ON articles (coalesce(published_utc, ingested_at), id)",
    """CREATE TABLE annotations (
        article_id TEXT PRIMARY KEY REFERENCES articles (id) ON DELETE CASCADE,
        sentences TEXT NOT NULL,     -- [[start, end, paragraph], ...]; text comes from the article
        entities TEXT NOT NULL,      -- [[start, end, label, sentence], ...]
        embeddings BLOB NOT NULL,
        embeddings_dtype TEXT NOT NULL,
        embeddings_shape TEXT NOT NULL,
        boilerplate_lines INTEGER NOT NULL
    )""",
    """CREATE TABLE stories (
        id TEXT PRIMARY KEY,
        title TEXT NOT NULL,
        first_published TEXT,
        last_published TEXT,
        outlets TEXT NOT NULL,       -- JSON list of outlet names
        updated_at TEXT NOT NULL,
        brief_stale INTEGER NOT NULL DEFAULT 1
    )""",
    "CREATE INDEX stories_by_time ON stories (coalesce(last_published, updated_at))",
    """CREATE TABLE story_members (
        article_id TEXT PRIMARY KEY REFERENCES articles (id) ON DELETE CASCADE,
        story_id TEXT NOT NULL REFERENCES stories (id) ON DELETE CASCADE,
        syndicated_of TEXT,
        added_at TEXT NOT NULL
    )""",
    "CREATE INDEX story_members_by_story ON story_members (story_id)",
    """CREATE TABLE briefs (
        story_id TEXT PRIMARY KEY REFERENCES stories (id) ON DELETE CASCADE,
        schema TEXT NOT NULL,
        json TEXT NOT NULL,
        computed_at TEXT NOT NULL,
        members_hash TEXT NOT NULL
    )""",
)

_FEEDS = _sql(
    """CREATE TABLE feeds (
        url TEXT PRIMARY KEY,
        title TEXT NOT NULL DEFAULT '',
        every_seconds INTEGER NOT NULL,   -- how often to check it, unless the feed asks for less often
        etag TEXT,
        last_modified TEXT,
        added_at TEXT NOT NULL,
        last_checked TEXT,
        last_success TEXT,
        next_check TEXT NOT NULL,         -- UTC, fixed width (codec.utc_text)
        failures INTEGER NOT NULL DEFAULT 0,  -- checks failed in a row: the back-off grows with them
        last_result TEXT NOT NULL DEFAULT 'not checked yet'
    )""",
    "CREATE INDEX feeds_by_next_check ON feeds (next_check)",
    """CREATE TABLE feed_entries (
        url TEXT PRIMARY KEY,             -- the entry's canonical address: one article seen in two feeds is one row
        article_id TEXT NOT NULL,
        feed_url TEXT NOT NULL,
        seen_at TEXT NOT NULL
    )""",
)

# A number every change to the stories or their members adds one to, whichever process makes it (triggers run
# in the writer's transaction): a live grouper reads one row to know whether its stories are still current.
_STORY_CHANGES = _sql(
    "CREATE TABLE story_changes (id INTEGER PRIMARY KEY CHECK (id = 1), changes INTEGER NOT NULL)",
    "INSERT INTO story_changes (id, changes) VALUES (1, 0)",
    *(
        f"CREATE TRIGGER {table}_{name}_counted AFTER {event} ON {table} {when} "
        "BEGIN UPDATE story_changes SET changes = changes + 1 WHERE id = 1; END"
        for table, name, event, when in (
            ("stories", "insert", "INSERT", ""),
            ("stories", "delete", "DELETE", ""),
            ("story_members", "insert", "INSERT", ""),
            ("story_members", "delete", "DELETE", ""),
            (  # an upsert that leaves a member as it was changes nothing
                "story_members",
                "move",
                "UPDATE OF story_id, syndicated_of",
                "WHEN old.story_id IS NOT new.story_id OR old.syndicated_of IS NOT new.syndicated_of",
            ),
        )
    ),
)

# In order. Append only.
MIGRATIONS: list[Migration] = [
    Migration(1, "articles, annotations, stories, story members and briefs", _INITIAL),
    Migration(2, "feed subscriptions and the entries seen in them", _FEEDS),
    Migration(3, "a count of story changes, kept by triggers", _STORY_CHANGES),
]

_CREATE_MIGRATIONS = """CREATE TABLE IF NOT EXISTS migrations (
    version INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    applied_at TEXT NOT NULL
)"""


def applied_versions(conn: sqlite3.Connection) -> set[int]:
    """The versions recorded in ``migrations`` (empty when the table does not exist yet)."""
    exists = conn.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'migrations'").fetchone()
    if not exists:
        return set()
    return {int(row[0]) for row in conn.execute("SELECT version FROM migrations")}


def pending(conn: sqlite3.Connection, migrations: list[Migration] = MIGRATIONS) -> list[Migration]:
    applied = applied_versions(conn)
    return [m for m in migrations if m.version not in applied]


def migrate(conn: sqlite3.Connection, path: Path, migrations: list[Migration] = MIGRATIONS) -> list[Migration]:
    """Apply the pending migrations in one transaction; returns those applied.

    ``conn`` must be in autocommit mode (``isolation_level=None``). The write lock is taken
    first, so two processes opening a new database do not both create it.
    """
    conn.execute("BEGIN IMMEDIATE")
    try:
        _check_ours(conn, path, migrations)
        todo = pending(conn, migrations)
        if todo:
            conn.execute(_CREATE_MIGRATIONS)
        for migration in todo:
            migration.apply(conn)
            conn.execute(
                "INSERT INTO migrations (version, name, applied_at) VALUES (?, ?, ?)",
                (migration.version, migration.name, datetime.now(UTC).isoformat(timespec="seconds")),
            )
        conn.execute("COMMIT")
    except BaseException:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        raise
    return todo


def _check_ours(conn: sqlite3.Connection, path: Path, migrations: list[Migration]) -> None:
    """Refuse SQLite files of other programs and databases of a newer storyweave."""
    tables = {row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    if tables and "migrations" not in tables:
        raise StoreError(
            f"{path} is not a storyweave database (it holds other tables)",
            "point --db at another file or move it away",
        )
    newest = max((m.version for m in migrations), default=0)
    if any(version > newest for version in applied_versions(conn)):
        raise StoreError(
            f"{path} was written by a newer storyweave (schema newer than version {newest})",
            "upgrade storyweave or point --db at another file",
        )
