"""The store behind the pages: opened for each request, in the thread that serves it."""

from __future__ import annotations

from pathlib import Path

from fastapi import Request

from storyweave.models import Article, Brief
from storyweave.store import Store, StoryRecord
from storyweave.stories.store_sync import brief_for
from storyweave.web.views import query_words, search


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
    if not path.exists():
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
    if not path.exists():
        return None
    with Store.open(path, readonly=True) as store:
        record = store.story(story_id)
        if record is None or article_id not in {m.article_id for m in store.members(story_id)}:
            return None
        found = store.annotated([article_id])
    return (record, found[0].article) if found else None


def story_brief(request: Request, story_id: str) -> tuple[StoryRecord, Brief] | None:
    """The story and its brief (cached in the store until its articles change), or ``None`` when unknown."""
    path = db_path(request)
    if not path.exists():
        return None
    with Store.open(path) as store:
        record = store.story(story_id)
        brief = brief_for(store, story_id) if record is not None else None
    return (record, brief) if record is not None and brief is not None else None
