"""Invented coverage of one story by several outlets, analysed as a brief analyses it (for tests)."""

from __future__ import annotations

from datetime import UTC, datetime

from storyweave.analysis import analyse
from storyweave.models import Article, FactGroup
from storyweave.nlp import annotate

PUBLISHED = datetime(2026, 3, 4, 9, 0, tzinfo=UTC)


def conflicts(models, *articles: tuple[str, str]) -> list[FactGroup]:  # type: ignore[no-untyped-def]
    """The conflicts found between articles given as (outlet, text), all published at ``PUBLISHED``."""
    made = [Article.create(text, outlet, title=f"{outlet} report", published=PUBLISHED) for outlet, text in articles]
    return analyse(list(annotate(made, models))).conflicts
