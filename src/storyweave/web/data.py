"""The store behind the pages: opened for each request, in the thread that serves it."""

from __future__ import annotations

from pathlib import Path

from fastapi import Request

from storyweave.models import Brief
from storyweave.store import Store, StoryRecord
from storyweave.stories.store_sync import brief_for


def db_path(request: Request) -> Path:
    path: Path = request.app.state.db_path
    return path


def all_stories(request: Request) -> list[StoryRecord]:
    """Every story, latest first; none when there is no store yet."""
    path = db_path(request)
    if not path.exists():
        return []
    with Store.open(path, readonly=True) as store:
        return store.stories()


def story_brief(request: Request, story_id: str) -> tuple[StoryRecord, Brief] | None:
    """The story and its brief (cached in the store until its articles change), or ``None`` when unknown."""
    path = db_path(request)
    if not path.exists():
        return None
    with Store.open(path) as store:
        record = store.story(story_id)
        brief = brief_for(store, story_id) if record is not None else None
    return (record, brief) if record is not None and brief is not None else None
