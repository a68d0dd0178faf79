"""The clustering baseline: TF-IDF + average-link agglomerative clustering on cosine distance.

Each article is read as its title and text (the text alone when it already starts with the title,
as a headline-only article does), weighted by TF-IDF with sublinear term frequency and English
stop words left out (scikit-learn's ``TfidfVectorizer``), and clustered by scikit-learn's
``AgglomerativeClustering`` with average linkage: two clusters merge while their mean cosine
distance is below the threshold. :func:`sweep` runs a list of thresholds over one distance matrix
and keeps the one with the best B-cubed F1, the set-up behind the figures in
``../shared/data/README.md`` (the threshold is chosen on the gold labels, so it is an upper bound
on what the baseline does at a fixed threshold).
"""

from __future__ import annotations

import importlib
import time
from collections.abc import Hashable, Sequence
from dataclasses import dataclass, field

import numpy as np

from storyweave.eval.clustering import ClusterScores, score_partition
from storyweave.models import Article

DEFAULT_THRESHOLDS = (0.5, 0.55, 0.6, 0.65, 0.7, 0.75, 0.8, 0.85, 0.9, 0.95)
NAME = "TF-IDF + average link"


def baseline_text(article: Article) -> str:
    """What the baseline reads: title and text, or the text alone when it starts with the title."""
    title, text = article.title.strip(), article.text.strip()
    if not title or text.startswith(title):
        return text
    return f"{title}\n\n{text}"


def cosine_distances(texts: Sequence[str]) -> np.ndarray:
    """The square matrix of cosine distances between the texts' TF-IDF vectors (float64)."""
    from sklearn.feature_extraction.text import TfidfVectorizer

    vectors = TfidfVectorizer(sublinear_tf=True, stop_words="english").fit_transform(texts)  # rows L2-normalised
    similarity = (vectors @ vectors.T).toarray()
    distances = np.clip(1.0 - similarity, 0.0, 2.0)
    np.fill_diagonal(distances, 0.0)
    return distances


def cluster_distances(distances: np.ndarray, threshold: float) -> list[int]:
    """One cluster label per item: average-link clusters whose mean distance stays below ``threshold``."""
    from sklearn.cluster import AgglomerativeClustering

    if len(distances) < 2:
        return [0] * len(distances)
    model = AgglomerativeClustering(
        n_clusters=None, metric="precomputed", linkage="average", distance_threshold=threshold
    )
    return [int(label) for label in model.fit_predict(distances)]


@dataclass(slots=True)
class SweepPoint:
    """The baseline's scores at one threshold, and its seconds including TF-IDF and distances."""

    threshold: float
    scores: ClusterScores
    clusters: int
    seconds: float
    labels: list[int] = field(default_factory=list, repr=False)


@dataclass(slots=True)
class Sweep:
    """Every threshold tried, in the order given, and the best of them by B-cubed F1."""

    points: list[SweepPoint]

    @property
    def best(self) -> SweepPoint:
        # The first of equal F1s wins, then the higher ARI.
        return max(self.points, key=lambda p: (p.scores.f1, p.scores.ari, -self.points.index(p)))


def sweep(
    articles: Sequence[Article],
    gold: Sequence[Hashable],
    thresholds: Sequence[float] = DEFAULT_THRESHOLDS,
) -> Sweep:
    """Cluster ``articles`` at every threshold and score each partition against ``gold``.

    The TF-IDF vectors and the distance matrix are computed once; each point's ``seconds`` is that
    time plus its own clustering, i.e. what one run of the baseline at that threshold takes.
    """
    if not thresholds:
        raise ValueError("no threshold to try")
    for module in ("sklearn.cluster", "sklearn.feature_extraction.text"):  # imported before the clock starts
        importlib.import_module(module)

    started = time.perf_counter()
    distances = cosine_distances([baseline_text(a) for a in articles])
    shared_seconds = time.perf_counter() - started
    points = []
    for threshold in thresholds:
        started = time.perf_counter()
        labels = cluster_distances(distances, threshold)
        seconds = shared_seconds + time.perf_counter() - started
        scores = score_partition(gold, labels)
        points.append(SweepPoint(threshold, scores, len(set(labels)), seconds, labels))
    return Sweep(points)
