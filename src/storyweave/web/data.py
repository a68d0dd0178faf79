"""The store behind the pages: opened read-only for each request, in the thread that serves it."""

from __future__ import annotations

import logging
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from fastapi import Request

from storyweave.document import brief_to_json
from storyweave.models import Article, Brief
from storyweave.store import Store, StoreError, StoryRecord
from storyweave.stories.store_sync import cached_brief, store_fingerprint
from storyweave.web import pool
from storyweave.web.making import stored_brief
from storyweave.web.recent import Recent
from storyweave.web.views import query_words, search

log = logging.getLogger("storyweave.web")


def db_path(request: Request) -> Path:
    path: Path = request.app.state.db_path
    return path


def find_stories(
    request: Request, query: str, offset: int, limit: int, *, biggest: bool = False
) -> tuple[int, list[StoryRecord]]:
    """(how many match, the ``limit`` stories from ``offset``), latest first; none when there is no store yet.

    Without a query the store pages by itself; with one it narrows by substring first, then
    ``search`` keeps the titles where each word starts a word.
    """
    path = db_path(request)
    if not Store.ready(path):
        return 0, []
    words = query_words(query)
    with Store.open(path, readonly=True) as store:
        if not words:
            return store.count_stories(), store.stories(limit=limit, offset=offset, biggest=biggest)
        found = search(store.stories(title_words=words, biggest=biggest), query)
    return len(found), found[offset : offset + limit]


def story_article(request: Request, story_id: str, article_id: str) -> tuple[StoryRecord, Article] | None:
    """A story and one of its articles, or ``None`` when either is unknown or the article is not in the story."""
    path = db_path(request)
    if not Store.ready(path):
        return None
    with Store.open(path, readonly=True) as store:
        record = store.story(story_id)
        if record is None or article_id not in {m.article_id for m in store.members(story_id)}:
            return None
        found = store.annotated([article_id])
    return (record, found[0].article) if found else None


def story_state(request: Request, story_id: str) -> tuple[StoryRecord, str] | None:
    """The story and the fingerprint of its articles (what its brief is made from), or ``None`` when unknown."""
    path = db_path(request)
    if not Store.ready(path):
        return None
    with Store.open(path, readonly=True) as store:
        record = store.story(story_id)
        return None if record is None else (record, store_fingerprint(store, story_id))


def story_brief(request: Request, story_id: str) -> tuple[StoryRecord, Brief] | None:
    """The story and its brief, or ``None`` when unknown.

    Reads never take the write lock: the store is opened read-only and a cached brief is served as it is. A
    brief made on first view (by a brief worker, see ``pool``) is kept in memory, so a store that cannot be
    written does not make it again on every view, and cached in the store by one background writer.
    """
    path = db_path(request)
    if not Store.ready(path):
        return None
    with Store.open(path, readonly=True) as store:
        record = store.story(story_id)
        if record is None:
            return None
        fingerprint = store_fingerprint(store, story_id)
        brief = cached_brief(store, story_id, fingerprint)
        if brief is not None:
            return record, brief
        key = (str(path), story_id, fingerprint)
    brief = _made.get(key) or pool.once(key, lambda: _made_and_kept(path, story_id, key))
    return None if brief is None else (record, brief)


def _made_and_kept(path: Path, story_id: str, key: tuple[str, str, str]) -> Brief | None:
    """The story's brief made by a worker, kept in memory and handed to the cache writer."""
    made = pool.run(stored_brief, str(path), story_id)
    if made is None:
        return None
    _made.put(key, made[0])
    _writer.submit(_cache, path, story_id, made[0], made[1])
    return made[0]


_made: Recent[Brief] = Recent(64)  # briefs made on view, by (store, story, fingerprint of its articles)
_writer = ThreadPoolExecutor(max_workers=1, thread_name_prefix="storyweave-brief-cache")
CACHE_WRITE_TIMEOUT = 5.0  # seconds the background writer waits for another process's write


def _cache(path: Path, story_id: str, brief: Brief, fingerprint: str) -> None:
    try:
        with Store.open(path, timeout=CACHE_WRITE_TIMEOUT) as writer:
            writer.set_brief(story_id, brief_to_json(brief), fingerprint)
    except StoreError as err:
        log.info("brief of %s not cached: %s", story_id, err)
    except Exception:  # the writer thread must go on; say what happened
        log.exception("brief of %s not cached", story_id)


def wait_for_cache_writes() -> None:
    """Wait until every brief made so far is written (or given up on)."""
    _writer.submit(lambda: None).result()


def prepare_store(path: Path) -> None:
    """Bring an existing store's schema up to date once, when the server starts (reads never migrate)."""
    if not Store.ready(path):
        return
    try:
        Store.open(path).close()
    except StoreError as err:
        log.warning("store %s not upgraded (%s); it is read as it is", path, err)
