"""The brief stage: Story -> Brief (a cited extractive summary and its sources)."""

from __future__ import annotations

from dataclasses import replace

import numpy as np

from storyweave.analysis.alignment import StoryMatrix
from storyweave.analysis.analyse import analyse
from storyweave.analysis.quote_spans import inside_quotations
from storyweave.analysis.support import SupportModel, decide
from storyweave.analysis.voice import piece_kinds
from storyweave.limits import current
from storyweave.models import NEWS, NOT_ANALYSED, AnnotatedArticle, Brief, Source, Story, SummarySentence
from storyweave.nlp.syntax import Parser
from storyweave.settings import BriefSettings
from storyweave.summarize.candidates import is_candidate
from storyweave.summarize.identity import story_id, story_title
from storyweave.summarize.salience import Weights, salience
from storyweave.summarize.select import select


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
    title = story.title or story_title(story.articles)  # of every article, as the store names the story
    story, not_analysed = _most_central(story, current().analysed_articles)
    matrix = StoryMatrix.build(story.articles)
    support = decide(matrix, support_model)
    scores = salience(matrix, weights or Weights(), support)
    pieces = piece_kinds(story.articles)
    left_out = _not_the_briefs_voice(matrix, story.articles)
    candidates = [
        n
        for n, sentence in enumerate(matrix.sentences)
        if n not in left_out
        and is_candidate(sentence, min_words=settings.min_sentence_words, max_words=settings.max_sentence_words)
    ]
    chosen = select(
        matrix,
        scores,
        candidates,
        budget=settings.words,
        redundancy_threshold=settings.redundancy_threshold,
        atoms=support.atoms,
        wording=support.clearest_wording,
    )
    voices = {p.source - 1: p.kind for p in pieces}
    summary = [
        SummarySentence(matrix.sentences[n].text, support.evidence(n), voices.get(int(matrix.owner[n]), NEWS))
        for n in chosen
    ]
    return Brief(
        story_id=full_id,
        title=title,
        sources=sources_of(story.articles),
        summary=summary,
        word_budget=settings.words,
        analysis=analyse(story.articles, matrix, support, parser, pieces) if settings.analysis else None,
        extras={NOT_ANALYSED: not_analysed} if not_analysed else {},
    )


def _not_the_briefs_voice(matrix: StoryMatrix, articles: list[AnnotatedArticle]) -> set[int]:
    """Sentences (flat indices) that would read as the brief's own voice though they are not: the middle of a
    quotation, without its marks and speaker. (An opinion piece's sentences may be chosen: they are shown
    quoted, as that piece's words.)"""
    return {matrix.offsets[k] + i for k, article in enumerate(articles) for i in inside_quotations(article)}


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
