"""storyweave: read one news story across many outlets.

The data types load on first use, so that ``storyweave --help`` does not wait for numpy.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from storyweave.errors import InputError, ModelUnavailable, NoUsableArticles, StoryweaveError

if TYPE_CHECKING:
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
]


def __getattr__(name: str) -> Any:
    if name in _TYPES:
        from storyweave import models

        return getattr(models, name)
    raise AttributeError(f"module 'storyweave' has no attribute {name!r}")
