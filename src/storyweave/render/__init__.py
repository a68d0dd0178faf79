"""A ``Brief`` presented: as Markdown, as one self-contained HTML page, or as its JSON document (written by
``storyweave.document``, the brief's data contract); ``page.brief_context`` is what both the HTML page and the
web's story page show."""

from __future__ import annotations

from collections.abc import Callable

from storyweave.document import brief_to_json
from storyweave.models import Brief
from storyweave.render.html import brief_to_html
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


__all__ = ["FORMATS", "brief_to_html", "brief_to_markdown", "render"]
