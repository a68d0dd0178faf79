"""The store: articles, their annotations, stories and briefs in one SQLite file.

One writer, many readers. A process opens one ``Store`` and does every write through it;
each write is one short transaction (WAL mode), so other processes can read meanwhile and a
second writer waits up to the busy timeout (``STORYWEAVE_DB_TIMEOUT`` seconds, default 10)
before giving up with a ``StoreError``. A ``Store`` belongs to the thread that opened it.
"""

from __future__ import annotations

import os
import sqlite3
import tempfile
from collections.abc import Iterable, Iterator, Sequence
from datetime import datetime
from pathlib import Path
from types import TracebackType

from storyweave import settings
from storyweave.models import AnnotatedArticle, Article
from storyweave.store import codec
from storyweave.store._base import PAGE, chunks
from storyweave.store.errors import StoreError, store_error
from storyweave.store.feeds import FeedMethods
from storyweave.store.migrations import migrate, pending
from storyweave.store.stories import StoryMethods

__all__ = ["DEFAULT_TIMEOUT", "TIMEOUT_ENV", "Store", "default_path"]

TIMEOUT_ENV = "STORYWEAVE_DB_TIMEOUT"
DEFAULT_TIMEOUT = 10.0  # seconds a write waits for another process's transaction


def default_path() -> Path:
    """``$STORYWEAVE_HOME/storyweave.sqlite``."""
    return settings.home() / "storyweave.sqlite"


def _timeout() -> float:
    try:
        return max(0.0, float(os.environ.get(TIMEOUT_ENV, DEFAULT_TIMEOUT)))
    except ValueError:
        return DEFAULT_TIMEOUT


class Store(StoryMethods, FeedMethods):
    """Open with :meth:`open` (a context manager); see the module documentation."""

    @classmethod
    def open(cls, path: Path | str, *, timeout: float | None = None, readonly: bool = False) -> Store:
        """Open (creating when missing, unless ``readonly``) and bring the schema up to date.

        ``timeout`` is how long to wait for another writer, in seconds. A writable open takes
        the write lock briefly, so a database held by another writer is reported here.
        """
        path = Path(path)
        wait = _timeout() if timeout is None else timeout
        if readonly:
            if not path.is_file():
                raise StoreError(f"no database at {path}", "run storyweave ingest first or point --db at one")
            try:
                return cls(_connect(f"{path.resolve().as_uri()}?mode=ro", path, wait, readonly=True), path)
            except StoreError:
                if _can_write_in(path.parent):
                    raise
            # A folder nobody may write in: no -wal file can appear there, so the file is read as it stands.
            return cls(_connect(f"{path.resolve().as_uri()}?mode=ro&immutable=1", path, wait, readonly=True), path)
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as err:
            raise StoreError(f"cannot create {path} ({err.strerror or err})", "point --db at a writable place") from err
        return cls(_connect(str(path), path, wait, readonly=False), path)

    @staticmethod
    def ready(path: Path | str) -> bool:
        """Whether a store is there to read: the file holds tables, and is not one another process has just
        created and is still setting up (``storyweave follow`` starting beside ``serve``: read as no store yet,
        not as an error). A file that cannot be read counts as there, so that opening it reports why."""
        path = Path(path)
        if not path.is_file():
            return False
        try:
            conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True, timeout=_timeout())
            try:
                return bool(conn.execute("SELECT count(*) FROM sqlite_master").fetchone()[0])
            finally:
                conn.close()
        except sqlite3.Error:
            return True

    def close(self) -> None:
        self._conn.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(
        self, kind: type[BaseException] | None, error: BaseException | None, trace: TracebackType | None
    ) -> None:
        self.close()

    # --- articles -------------------------------------------------------------------------

    def has_article(self, article_id: str) -> bool:
        with self._reading() as conn:
            return conn.execute("SELECT 1 FROM articles WHERE id = ?", (article_id,)).fetchone() is not None

    def known(self, article_ids: Iterable[str]) -> set[str]:
        """The ids among ``article_ids`` that are stored."""
        ids = list(dict.fromkeys(article_ids))
        found: set[str] = set()
        with self._reading() as conn:
            for chunk in chunks(ids):
                marks = ",".join("?" * len(chunk))
                found.update(row[0] for row in conn.execute(f"SELECT id FROM articles WHERE id IN ({marks})", chunk))
        return found

    def add_annotated(self, annotated: Sequence[AnnotatedArticle]) -> int:
        """Store annotated articles in one transaction; those already stored are left as they are.

        Returns how many were new.
        """
        ingested_at = codec.now_utc()
        added = 0
        with self._writing() as conn:
            for item in annotated:
                cursor = conn.execute(
                    f"INSERT OR IGNORE INTO articles ({codec.ARTICLE_COLUMNS}) VALUES ({_marks(12)})",
                    codec.article_row(item.article, ingested_at),
                )
                if cursor.rowcount == 1:
                    added += 1
                    conn.execute(
                        f"INSERT OR IGNORE INTO annotations ({codec.ANNOTATION_COLUMNS}) VALUES ({_marks(7)})",
                        codec.annotation_row(item),
                    )
        return added

    def annotated(self, article_ids: Sequence[str]) -> list[AnnotatedArticle]:
        """The stored annotated articles, in the order asked; ids not stored are left out."""
        columns = ", ".join(f"a.{name.strip()}" for name in codec.ARTICLE_COLUMNS.split(","))
        found: dict[str, AnnotatedArticle] = {}
        with self._reading() as conn:
            for chunk in chunks(list(dict.fromkeys(article_ids))):
                rows = conn.execute(
                    f"SELECT {columns}, n.sentences, n.entities, n.embeddings, n.embeddings_dtype, "
                    "n.embeddings_shape, n.boilerplate_lines FROM articles a "
                    f"JOIN annotations n ON n.article_id = a.id WHERE a.id IN ({_marks(len(chunk))})",
                    chunk,
                )
                for row in rows:
                    article = codec.article_from_row(row[:12])
                    sentences, entities, blob, dtype, shape, boilerplate = row[12:]
                    found[article.id] = AnnotatedArticle(
                        article=article,
                        sentences=codec.sentences_from_json(sentences, article.text),
                        entities=codec.entities_from_json(entities, article.text),
                        embeddings=codec.vectors_from_blob(blob, dtype, shape),
                        boilerplate_lines=boilerplate,
                    )
        return [found[i] for i in article_ids if i in found]

    def iter_articles(self, since: datetime | None = None) -> Iterator[Article]:
        """Stored articles, oldest first by publication date (undated ones by when they were stored).

        ``since`` keeps those at or after that moment. Rows are fetched a page at a time.
        """
        key, last_id = (codec.utc_text(since) if since else ""), ""
        time = "coalesce(published_utc, ingested_at)"
        while True:
            with self._reading() as conn:
                rows = conn.execute(
                    f"SELECT {codec.ARTICLE_COLUMNS}, {time} FROM articles "
                    f"WHERE ({time}, id) > (?, ?) ORDER BY {time}, id LIMIT ?",
                    (key, last_id, PAGE),
                ).fetchall()
            for row in rows:
                yield codec.article_from_row(row[:12])
            if len(rows) < PAGE:
                return
            key, last_id = rows[-1][12], rows[-1][0]

    def counts(self) -> dict[str, int]:
        """How many articles, annotations, stories, story members, briefs and stale stories are stored."""
        queries = {
            "articles": "SELECT count(*) FROM articles",
            "annotations": "SELECT count(*) FROM annotations",
            "stories": "SELECT count(*) FROM stories",
            "members": "SELECT count(*) FROM story_members",
            "briefs": "SELECT count(*) FROM briefs",
            "stale": "SELECT count(*) FROM stories WHERE brief_stale = 1",
        }
        with self._reading() as conn:
            return {name: int(conn.execute(sql).fetchone()[0]) for name, sql in queries.items()}


def _connect(target: str, path: Path, wait: float, *, readonly: bool) -> sqlite3.Connection:
    try:
        conn = sqlite3.connect(target, uri=readonly, timeout=wait)
    except sqlite3.Error as err:
        raise store_error(err, path) from err
    conn.isolation_level = None  # transactions are explicit: BEGIN IMMEDIATE ... COMMIT
    try:
        _prepare(conn, path, wait, readonly)
    except BaseException:
        conn.close()
        raise
    return conn


def _can_write_in(folder: Path) -> bool:
    """Whether this process can make a file in ``folder`` (tried: root passes permission checks, not a
    read-only mount or an immutable folder)."""
    try:
        with tempfile.TemporaryFile(dir=folder):
            return True
    except OSError:
        return False


def _prepare(conn: sqlite3.Connection, path: Path, wait: float, readonly: bool) -> None:
    try:
        conn.execute(f"PRAGMA busy_timeout = {int(wait * 1000)}")
        conn.execute("PRAGMA foreign_keys = ON")
        if readonly:
            conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
            if pending(conn):
                raise StoreError(f"{path} has an older schema", "open it once with storyweave ingest to upgrade it")
            return
        mode = conn.execute("PRAGMA journal_mode = WAL").fetchone()[0]
        if str(mode).lower() != "wal":
            raise StoreError(f"{path} cannot use write-ahead logging (mode {mode})", "put --db on a local disk")
        migrate(conn, path)
    except sqlite3.Error as err:
        raise store_error(err, path) from err


def _marks(count: int) -> str:
    return ",".join("?" * count)
