"""How central a sentence is to the story.

Four signals, each in [0, 1]:
- meaning: cosine to the story's centroid (every article weighs the same);
- support: the share of the other articles that carry the same information;
- words: how widely the sentence's content words are shared across articles;
- position: news puts what matters first.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

import numpy as np

from storyweave.models import AnnotatedArticle, Sentence
from storyweave.summarize.support import content_words, match_scores, overlap_matrix


@dataclass(frozen=True, slots=True)
class Weights:
    meaning: float = 1.0
    support: float = 1.0
    words: float = 1.0
    position: float = 0.6


@dataclass(slots=True)
class StoryMatrix:
    """All sentences of a story laid out flat, with their pairwise match scores."""

    articles: list[AnnotatedArticle]
    sentences: list[Sentence]
    owner: np.ndarray  # article index of each flat sentence
    vectors: np.ndarray
    words: list[frozenset[str]]
    match: np.ndarray  # same-information score of every pair of sentences

    @classmethod
    def build(cls, articles: list[AnnotatedArticle]) -> StoryMatrix:
        owner = np.array([i for i, a in enumerate(articles) for _ in a.sentences], dtype=np.int64)
        sentences = [s for a in articles for s in a.sentences]
        dims = articles[0].embeddings.shape[1] if articles else 0
        vectors = (
            np.vstack([a.embeddings for a in articles if a.sentences])
            if sentences
            else np.zeros((0, dims), dtype=np.float32)
        )
        words = [content_words(s.text) for s in sentences]
        match = match_scores(vectors @ vectors.T, overlap_matrix(words))
        return cls(articles, sentences, owner, vectors, words, match)

    def best_in_each_article(self) -> tuple[np.ndarray, np.ndarray]:
        """(score, row): for each sentence and article, the best-matching sentence of that article."""
        n, n_articles = len(self.owner), len(self.articles)
        best = np.zeros((n, n_articles), dtype=np.float32)
        where = np.full((n, n_articles), -1, dtype=np.int64)
        for k in range(n_articles):
            columns = np.flatnonzero(self.owner == k)
            if len(columns):
                block = self.match[:, columns]
                arg = block.argmax(axis=1)
                best[:, k] = block[np.arange(n), arg]
                where[:, k] = columns[arg]
        own = np.arange(n)
        best[own, self.owner] = 0.0
        where[own, self.owner] = -1
        return best, where


def salience(matrix: StoryMatrix, weights: Weights, support_threshold: float) -> np.ndarray:
    n = len(matrix.owner)
    if n == 0:
        return np.zeros(0)
    n_articles = len(matrix.articles)
    means = [a.embeddings.mean(axis=0) for a in matrix.articles if a.sentences]
    centroid = np.mean(means, axis=0)
    centroid /= max(float(np.linalg.norm(centroid)), 1e-9)
    meaning = np.clip(matrix.vectors @ centroid, 0.0, 1.0)

    if n_articles > 1:
        best, _ = matrix.best_in_each_article()
        support = (best >= support_threshold).sum(axis=1) / (n_articles - 1)
    else:
        support = np.zeros(n)

    spread: Counter[str] = Counter()
    for index in range(n_articles):
        spread.update(set().union(*[matrix.words[i] for i in np.flatnonzero(matrix.owner == index)]))
    shared = np.array([np.mean([spread[w] / n_articles for w in ws]) if ws else 0.0 for ws in matrix.words])

    position = np.array([1.0 / (1.0 + s.index / 4.0) for s in matrix.sentences])
    return (
        weights.meaning * meaning
        + weights.support * support
        + weights.words * shared
        + weights.position * position
    )
