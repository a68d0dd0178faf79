"""The connection every store method goes through: reads, one write transaction at a time."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path

from storyweave.store.errors import store_error

__all__ = ["PAGE", "Database", "chunks"]

PAGE = 500  # rows fetched at a time, ids per IN (...) query


def chunks(ids: Sequence[str]) -> Iterator[list[str]]:
    """``ids`` in lists of at most ``PAGE`` (SQLite bounds the values one statement may take)."""
    for start in range(0, len(ids), PAGE):
        yield list(ids[start : start + PAGE])


class Database:
    """An SQLite connection in autocommit mode; writes go through :meth:`_writing` only."""

    def __init__(self, conn: sqlite3.Connection, path: Path) -> None:
        self._conn = conn
        self.path = path

    @contextmanager
    def _reading(self) -> Iterator[sqlite3.Connection]:
        """The connection, with SQLite's errors turned into one-line ``StoreError``s."""
        try:
            yield self._conn
        except sqlite3.Error as err:
            raise store_error(err, self.path) from err

    @contextmanager
    def _writing(self) -> Iterator[sqlite3.Connection]:
        """One write transaction: committed when the block ends, rolled back if it raises.

        ``BEGIN IMMEDIATE`` takes the write lock up front, waiting up to the busy timeout
        for another writer to commit, so a transaction never fails half-way on a lock.
        """
        with self._reading() as conn:
            conn.execute("BEGIN IMMEDIATE")
            try:
                yield conn
                conn.execute("COMMIT")
            except BaseException:  # KeyboardInterrupt too: nothing half-written stays
                if conn.in_transaction:
                    conn.execute("ROLLBACK")
                raise
