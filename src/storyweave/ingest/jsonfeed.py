"""JSON Feed (https://jsonfeed.org, versions 1 and 1.1; .json): one article per item."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

from storyweave.ingest._errors import EmptyFeed, UnreadableInput
from storyweave.ingest.dates import parse_published
from storyweave.ingest.feed import NO_TEXT, html_to_text, web_url
from storyweave.ingest.outlet import resolve_outlet
from storyweave.ingest.source import InputFile
from storyweave.models import Article, Skipped

__all__ = ["read_json_feed"]


def read_json_feed(source: InputFile) -> Iterator[Article | Skipped]:
    """Read every item of a JSON Feed; an item without text is skipped, the rest still read."""
    try:
        feed = json.loads(source.read_bytes().decode("utf-8-sig"))
    except (UnicodeDecodeError, json.JSONDecodeError, RecursionError) as err:
        raise UnreadableInput(f"not a JSON Feed ({type(err).__name__}: {err})") from None
    if not isinstance(feed, dict) or "jsonfeed.org/version" not in str(feed.get("version", "")):
        raise UnreadableInput("not a JSON Feed (no jsonfeed.org version)")
    items = feed.get("items")
    if not isinstance(items, list):
        raise UnreadableInput("not a JSON Feed (no list of items)")
    if not items:
        raise EmptyFeed("the feed has no items")
    title = _string(feed.get("title"))
    home = web_url(feed.get("home_page_url"))
    for number, item in enumerate(items, start=1):
        where = f"{source.where} item {number}"
        if not isinstance(item, dict):
            yield Skipped(where, "the item is not an object")
            continue
        text = _string(item.get("content_text")) or html_to_text(_string(item.get("content_html")))
        text = text or _string(item.get("summary"))
        if not text:
            yield Skipped(where, NO_TEXT)
            continue
        url = web_url(item.get("url")) or web_url(item.get("external_url"))
        yield Article.create(
            text,
            resolve_outlet(title, home or url, source.path),
            title=" ".join(_string(item.get("title")).split()),
            url=url,
            published=parse_published(_string(item.get("date_published")) or _string(item.get("date_modified"))),
            language=(_string(item.get("language")) or _string(feed.get("language")) or "en").split("-")[0].lower(),
            origin=source.origin(),
        )


def _string(value: Any) -> str:
    return value.strip() if isinstance(value, str) else ""
