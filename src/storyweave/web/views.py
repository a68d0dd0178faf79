"""What the pages show: the template environment and the story list (a brief's view: ``render.page``)."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from functools import cache
from typing import Any

from jinja2 import ChoiceLoader, Environment, PackageLoader, StrictUndefined

from storyweave.render.html_views import outlet_label, title_label
from storyweave.store import StoryRecord

PAGE_SIZE = 20


@cache
def environment() -> Environment:
    """Our templates first, then render's (for the analysis sections of a brief); autoescaped."""
    loader = ChoiceLoader(
        [PackageLoader("storyweave.web", "templates"), PackageLoader("storyweave.render", "templates")]
    )
    return Environment(loader=loader, autoescape=True, undefined=StrictUndefined, trim_blocks=True, lstrip_blocks=True)


def page(name: str, **context: Any) -> str:
    return environment().get_template(name).render(**context)


@dataclass(frozen=True, slots=True)
class StoryRow:
    id: str
    title: str
    span: str
    articles: int
    outlets: str
    updated: bool = False  # its articles changed since the reader's last look (see ``pages.stories_page``)


def _day(moment: datetime | None) -> str:
    return moment.date().isoformat() if moment else ""


def story_row(record: StoryRecord, seen: datetime | None = None) -> StoryRow:
    first, last = _day(record.first_published), _day(record.last_published)
    span = first if first == last else f"{first} – {last}" if first and last else first or last
    outlets = ", ".join(outlet_label(o) for o in record.outlets[:4]) + (
        f" +{len(record.outlets) - 4}" if len(record.outlets) > 4 else ""
    )
    updated = seen is not None and record.updated_at > seen
    return StoryRow(record.id, title_label(record.title), span, record.size, outlets, updated)


def query_words(query: str) -> list[str]:
    return re.findall(r"\w+", query.casefold())


def search(records: Sequence[StoryRecord], query: str) -> list[StoryRecord]:
    """The stories whose title has every word of the query (case-insensitive, whole words or their starts)."""
    words = query_words(query)
    if not words:
        return list(records)
    patterns = [re.compile(r"\b" + re.escape(w)) for w in words]
    return [r for r in records if all(p.search(r.title.casefold()) for p in patterns)]
