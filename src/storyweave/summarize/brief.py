"""The brief stage: Story -> Brief (a cited extractive summary and its sources)."""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import replace
from datetime import UTC, datetime

import numpy as np

from storyweave.analysis.alignment import StoryMatrix
from storyweave.analysis.analyse import analyse
from storyweave.analysis.support import SupportModel, decide
from storyweave.limits import current
from storyweave.models import NOT_ANALYSED, AnnotatedArticle, Brief, Source, Story, SummarySentence
from storyweave.nlp.syntax import Parser
from storyweave.settings import BriefSettings
from storyweave.summarize.candidates import is_candidate
from storyweave.summarize.salience import Weights, salience
from storyweave.summarize.select import select


def story_id(articles: Sequence[AnnotatedArticle]) -> str:
    """A story's one id, the same in the store, the corpus tables, the web page and a brief of files: made from
    its founding article (the earliest published; undated ones after dated ones; then the smallest article id),
    so a story keeps its id as it grows, whatever order its articles come in."""
    founder = min(articles, key=founding_order)
    return "s" + hashlib.sha1(founder.id.encode()).hexdigest()[:12]


def founding_order(annotated: AnnotatedArticle) -> tuple[bool, datetime, str]:
    """Articles by publication time, undated ones last, then by id: the first one founded the story."""
    published = annotated.article.published
    if published is not None and published.tzinfo is None:
        published = published.replace(tzinfo=UTC)  # an Article made by hand may carry a naive time
    return (published is None, published or _EPOCH, annotated.id)


_EPOCH = datetime(1970, 1, 1, tzinfo=UTC)


def sources_of(articles: list[AnnotatedArticle]) -> list[Source]:
    return [
        Source(
            number=i + 1,
            article_id=a.article.id,
            outlet=a.article.outlet,
            title=a.article.title,
            url=a.article.url,
            published=a.article.published,
            path=a.article.origin.path,
        )
        for i, a in enumerate(articles)
    ]


def _title(story: Story, matrix: StoryMatrix, scores: list[float], summary: list[SummarySentence]) -> str:
    if story.title:
        return story.title
    titled = [(score, -i) for i, score in enumerate(scores) if story.articles[i].article.title]
    if titled:
        return story.articles[-max(titled)[1]].article.title
    if summary:
        words = summary[0].text.split()
        return " ".join(words[:12]) + ("…" if len(words) > 12 else "")
    return "Untitled story"


def make_brief(
    story: Story,
    settings: BriefSettings | None = None,
    weights: Weights | None = None,
    support_model: SupportModel | None = None,
    parser: Parser | None = None,
) -> Brief:
    """Summarise a story within the word budget, each sentence citing every source that reports it.

    ``support_model`` decides who reports what (the shipped one by default; the benchmarks hand in others);
    ``parser`` is the models' dependency parser for the quote analysis (``Models.parser``).
    """
    settings = settings or BriefSettings()
    full_id = story.id or story_id(story.articles)
    story, not_analysed = _most_central(story, current().analysed_articles)
    matrix = StoryMatrix.build(story.articles)
    support = decide(matrix, support_model)
    scores = salience(matrix, weights or Weights(), support)
    candidates = [
        n
        for n, sentence in enumerate(matrix.sentences)
        if is_candidate(sentence, min_words=settings.min_sentence_words, max_words=settings.max_sentence_words)
    ]
    chosen = select(
        matrix,
        scores,
        candidates,
        budget=settings.words,
        redundancy_threshold=settings.redundancy_threshold,
        wording=support.clearest_wording,
    )
    summary = [SummarySentence(text=matrix.sentences[n].text, evidence=support.evidence(n)) for n in chosen]
    by_article = [float(scores[matrix.owner == i].max()) if a.sentences else 0.0 for i, a in enumerate(story.articles)]
    return Brief(
        story_id=full_id,
        title=_title(story, matrix, by_article, summary),
        sources=sources_of(story.articles),
        summary=summary,
        word_budget=settings.words,
        analysis=analyse(story.articles, matrix, support, parser) if settings.analysis else None,
        extras={NOT_ANALYSED: not_analysed} if not_analysed else {},
    )


def _most_central(story: Story, limit: int) -> tuple[Story, int]:
    """The story cut to its ``limit`` most central articles (closest to the mean of all), in their order, and
    how many were left out: the cross-source work grows faster than the number of articles."""
    if len(story.articles) <= limit:
        return story, 0
    means = []
    for article in story.articles:
        vectors = article.embeddings
        mean = vectors.mean(axis=0) if len(vectors) else np.zeros(vectors.shape[1:] or (1,), dtype=np.float32)
        means.append(mean / (np.linalg.norm(mean) or 1.0))
    stacked = np.vstack(means)
    centre = stacked.mean(axis=0)
    closeness = stacked @ centre
    kept = sorted(np.argsort(-closeness, kind="stable")[:limit].tolist())
    articles = [story.articles[i] for i in kept]
    return replace(story, articles=articles), len(story.articles) - limit
