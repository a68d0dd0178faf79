"""storyweave: read one news story across many outlets.

    import storyweave

    brief = storyweave.brief(["examples/"])  # read, annotate and brief every article given
    print(storyweave.render_brief(brief, "md"))  # or "json", "html"

The functions (``storyweave.api``) and the data types load on first use, so that importing storyweave, and
``storyweave --help``, do not wait for numpy or the models.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from storyweave.errors import InputError, ModelUnavailable, NoUsableArticles, StoryweaveError

if TYPE_CHECKING:
    from storyweave.api import annotate, brief, brief_articles, group, load_models, read, render_brief
    from storyweave.models import (
        AnnotatedArticle,
        Article,
        Brief,
        Entity,
        Evidence,
        Origin,
        Sentence,
        Skipped,
        Source,
        Story,
        SummarySentence,
    )

__version__ = "0.1.0"

_TYPES = {
    "AnnotatedArticle",
    "Article",
    "Brief",
    "Entity",
    "Evidence",
    "Origin",
    "Sentence",
    "Skipped",
    "Source",
    "Story",
    "SummarySentence",
}

_FUNCTIONS = {"annotate", "brief", "brief_articles", "group", "load_models", "read", "render_brief"}

__all__ = [
    "AnnotatedArticle",
    "Article",
    "Brief",
    "Entity",
    "Evidence",
    "InputError",
    "ModelUnavailable",
    "NoUsableArticles",
    "Origin",
    "Sentence",
    "Skipped",
    "Source",
    "Story",
    "StoryweaveError",
    "SummarySentence",
    "__version__",
    "annotate",
    "brief",
    "brief_articles",
    "group",
    "load_models",
    "read",
    "render_brief",
]


def __getattr__(name: str) -> Any:
    if name in _TYPES:
        from storyweave import models

        return getattr(models, name)
    if name in _FUNCTIONS:
        from storyweave import api

        return getattr(api, name)
    raise AttributeError(f"module 'storyweave' has no attribute {name!r}")
