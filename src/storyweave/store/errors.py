"""The store's one exception, and how SQLite's errors become one-line messages."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from storyweave.errors import StoryweaveError

__all__ = ["StoreError", "store_error"]


class StoreError(StoryweaveError):
    """The database cannot be opened, read or written; the message says what to do."""

    exit_code = 2

    def __str__(self) -> str:
        return f"{self.problem}; {self.fix}" if self.fix else self.problem


def store_error(err: sqlite3.Error, path: Path) -> StoreError:
    """The one-line ``StoreError`` for an SQLite error on the database at ``path``."""
    reason = str(err).strip() or type(err).__name__
    lowered = reason.lower()
    if "locked" in lowered or "busy" in lowered:
        return StoreError(
            f"{path} is locked by another storyweave process ({reason})", "wait for it or use another --db"
        )
    if "not a database" in lowered or "malformed" in lowered or "corrupt" in lowered:
        return StoreError(
            f"{path} is not a storyweave database ({reason})", "point --db at another file or move it away"
        )
    if "unable to open" in lowered:
        return StoreError(f"cannot open the database {path} ({reason})", "point --db at a file in a writable folder")
    if "readonly" in lowered or "read-only" in lowered:
        return StoreError(f"{path} cannot be written ({reason})", "check its permissions or use another --db")
    return StoreError(f"database error in {path} ({reason})", "check the file or point --db at another one")
