"""Write a ``Brief`` as Markdown, JSON or one self-contained HTML page."""

from __future__ import annotations

from collections.abc import Callable

from storyweave.models import Brief
from storyweave.render.html import brief_to_html
from storyweave.render.json import (
    SCHEMA_ID,
    brief_from_dict,
    brief_to_dict,
    brief_to_json,
    load_schema,
)
from storyweave.render.markdown import brief_to_markdown

_RENDERERS: dict[str, Callable[[Brief], str]] = {
    "md": brief_to_markdown,
    "json": brief_to_json,
    "html": brief_to_html,
}

FORMATS: tuple[str, ...] = tuple(_RENDERERS)


def render(brief: Brief, fmt: str) -> str:
    """The brief in format ``fmt`` (one of ``FORMATS``: "md", "json", "html")."""
    renderer = _RENDERERS.get(fmt)
    if renderer is None:
        raise ValueError(f"unknown brief format {fmt!r}; choose one of: {', '.join(FORMATS)}")
    return renderer(brief)


__all__ = [
    "FORMATS",
    "SCHEMA_ID",
    "brief_from_dict",
    "brief_to_dict",
    "brief_to_html",
    "brief_to_json",
    "brief_to_markdown",
    "load_schema",
    "render",
]
