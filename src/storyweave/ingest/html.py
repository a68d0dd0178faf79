"""HTML pages (.html, .htm): the main text and metadata through trafilatura."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from datetime import datetime
from typing import Any

from trafilatura import bare_extraction
from trafilatura.settings import Document

from storyweave.ingest.boilerplate import is_boilerplate_line
from storyweave.ingest.dates import parse_published
from storyweave.ingest.decode import decode_bytes
from storyweave.ingest.outlet import host_outlet, resolve_outlet
from storyweave.ingest.source import InputFile
from storyweave.models import Article, Skipped

__all__ = ["read_html"]

NO_TEXT = "no article text found in the HTML page"
# Keep the time and zone of "article:published_time" (htmldate gives a bare day by default).
_DATE_FORMAT = "%Y-%m-%dT%H:%M:%S%z"

# trafilatura logs "discarding data" warnings for pages without text; without a handler
# Python would print them on stderr. Skipped records carry that news instead.
for _name in ("trafilatura", "htmldate"):
    logging.getLogger(_name).addHandler(logging.NullHandler())


def read_html(source: InputFile) -> Iterator[Article | Skipped]:
    """Read one HTML page as one article."""
    page = decode_bytes(source.read_bytes())
    try:
        document = bare_extraction(
            page,
            with_metadata=True,
            favor_precision=True,  # the default mode returns menu links from pages without a story
            include_comments=False,
            include_tables=False,
            include_images=False,
            date_extraction_params=_date_params(),
        )
    except Exception as err:  # lxml and trafilatura raise many kinds on broken pages
        yield Skipped(source.where, f"could not parse the HTML page ({type(err).__name__}: {err})")
        return
    if not isinstance(document, Document):
        yield Skipped(source.where, NO_TEXT)
        return
    title = " ".join((document.title or "").split())
    text = _without_title(document.text or "", title)
    if not text or all(is_boilerplate_line(line) for line in text.split("\n")):
        yield Skipped(source.where, NO_TEXT)
        return
    url = document.url or None
    yield Article.create(
        text,
        resolve_outlet(_site_name(document.sitename), url, source.path),
        title=title,
        url=url,
        published=parse_published(document.date),
        origin=source.origin(),
    )


def _date_params() -> dict[str, Any]:
    return {
        "original_date": True,
        "extensive_search": True,
        "outputformat": _DATE_FORMAT,
        "max_date": datetime.now().astimezone().strftime("%Y-%m-%d"),
    }


def _without_title(text: str, title: str) -> str:
    """The extracted text without its first line when that line repeats the headline."""
    text = text.replace("\r\n", "\n").strip()
    first, _, rest = text.partition("\n")
    if title and " ".join(first.split()).casefold() == title.casefold():
        return rest.strip()
    return text


def _site_name(name: str | None) -> str | None:
    """trafilatura falls back to the URL's host for the site name; tidy it like one."""
    if not name or not name.strip():
        return None
    name = name.strip()
    if " " not in name and "." in name:
        return host_outlet(name) or name
    return name
