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

from storyweave.analysis.alignment import StoryMatrix


@dataclass(frozen=True, slots=True)
class Weights:
    """Tuned on ../shared/data/multinews-dev (benchmarks: storyweave eval rouge)."""

    meaning: float = 1.5
    support: float = 1.0
    words: float = 1.0
    position: float = 1.5


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
    return weights.meaning * meaning + weights.support * support + weights.words * shared + weights.position * position
