"""storyweave: read one news story across many outlets."""

from storyweave.errors import InputError, ModelUnavailable, NoUsableArticles, StoryweaveError
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
