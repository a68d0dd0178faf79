"""The fixed orders the corpus job takes articles in, so that every engine makes the same choices."""

from __future__ import annotations

from datetime import UTC, datetime

from storyweave.models import AnnotatedArticle, Article

__all__ = ["EPOCH", "article_order", "reading_order"]

EPOCH = datetime(1970, 1, 1, tzinfo=UTC)


def reading_order(article: Article) -> tuple[str, int, int]:
    """Where an article was read: of two records with one id, the job keeps the first in this order."""
    origin = article.origin
    return (origin.path or "", origin.line or 0, origin.offset or 0)


def article_order(annotated: AnnotatedArticle) -> tuple[bool, datetime, tuple[str, int, int], str]:
    """The order a partition's (and a story's) articles are taken in: by time, then as they were read."""
    article = annotated.article
    return (article.published is None, article.published or EPOCH, reading_order(article), article.id)
