"""The store: an SQLite file of articles, annotations, stories, briefs and followed feeds.

``Store.open(path)`` creates or opens it and applies pending schema migrations
(:mod:`storyweave.store.migrations`). A process holds one writer (the ``Store`` it opened) and
does all writes through it, each a short transaction; other processes may read at the same time.
"""

from __future__ import annotations

from storyweave.store.errors import StoreError
from storyweave.store.feeds import CheckRecord, Subscription
from storyweave.store.migrations import MIGRATIONS, Migration
from storyweave.store.store import DEFAULT_TIMEOUT, TIMEOUT_ENV, Store, default_path
from storyweave.store.stories import Assignment, Member, StoredBrief, StoryRecord, members_hash

__all__ = [
    "DEFAULT_TIMEOUT",
    "MIGRATIONS",
    "TIMEOUT_ENV",
    "Assignment",
    "CheckRecord",
    "Member",
    "Migration",
    "Store",
    "StoreError",
    "StoredBrief",
    "StoryRecord",
    "Subscription",
    "default_path",
    "members_hash",
]
