"""Run story-clustering systems and the TF-IDF baseline over articles with gold stories, and score them.

A system is a function from annotated articles to groups of indices into that list (storyweave's
is :func:`storyweave.stories.group_articles`). Articles are annotated once, before any system runs;
a system's articles per second count its grouping only (the median of three timed runs: one run
of a few hundred articles takes well under a second, where a stray pause of the machine would
decide the figure), and the annotation time (model loading included) is reported on its own.
The baseline reads the articles' text and needs no annotation; its articles per second count
TF-IDF, distances and clustering at its best threshold.
"""

from __future__ import annotations

import importlib.util
import statistics
import time
from collections.abc import Callable, Hashable, Mapping, Sequence
from dataclasses import dataclass, field

from storyweave.eval.baseline import DEFAULT_THRESHOLDS, NAME, Sweep, sweep
from storyweave.eval.clustering import ClusterScores, labels_from_groups, score_partition
from storyweave.models import AnnotatedArticle, Article

GroupArticles = Callable[[list[AnnotatedArticle]], list[list[int]]]
Annotate = Callable[[Sequence[Article]], list[AnnotatedArticle]]
STORYWEAVE = "storyweave"


@dataclass(slots=True)
class ClusterResult:
    """One system's scores and speed, and its partition (one cluster label per article)."""

    name: str
    scores: ClusterScores
    clusters: int
    articles_per_second: float
    labels: list[int] = field(default_factory=list, repr=False)
    threshold: float | None = None  # the baseline's best threshold


@dataclass(slots=True)
class ClusterEvaluation:
    """Every system's result on the same articles, in the order run, the baseline last."""

    articles: int
    stories: int  # gold stories
    systems: list[ClusterResult]
    annotate_seconds: float | None  # None when no system needed annotations
    sweep: Sweep | None = None

    def system(self, name: str) -> ClusterResult:
        return next(s for s in self.systems if s.name == name)


def group_with_storyweave(annotated: list[AnnotatedArticle]) -> list[list[int]]:
    """storyweave's story grouping (imported when first run), on this machine's cores as ``ingest`` runs it."""
    from storyweave.engines.local import default_workers
    from storyweave.stories import group_articles

    return group_articles(annotated, workers=default_workers())


def storyweave_available() -> bool:
    """Whether this build has :mod:`storyweave.stories`."""
    try:
        return importlib.util.find_spec("storyweave.stories") is not None
    except (ImportError, ValueError):
        return False


def default_systems() -> dict[str, GroupArticles]:
    """The systems ``storyweave eval clusters`` runs besides the baseline: storyweave when it is built in."""
    return {STORYWEAVE: group_with_storyweave} if storyweave_available() else {}


def _annotate_with_models(
    articles: Sequence[Article], progress: Callable[[int], None] | None = None
) -> list[AnnotatedArticle]:
    from storyweave.engines.local import annotate_articles

    return annotate_articles(articles, progress=progress)


TIMED_RUNS = 3


def run_system(
    name: str,
    group: GroupArticles,
    annotated: list[AnnotatedArticle],
    gold: Sequence[Hashable],
    runs: int = TIMED_RUNS,
) -> ClusterResult:
    """Group the annotated articles with one system ``runs`` times, and score its partition.

    The speed is that of the median run. Every run must give the same partition: a system whose
    grouping changes from run to run is an error, not a figure.
    """
    timings, partitions = [], []
    for _ in range(max(runs, 1)):
        started = time.perf_counter()
        groups = group(list(annotated))
        timings.append(time.perf_counter() - started)
        partitions.append(groups)
    same = {frozenset(map(frozenset, groups)) for groups in partitions}  # the same stories, in any order
    if len(same) > 1:
        raise RuntimeError(f"{name} grouped the same articles differently from one run to the next")
    labels = labels_from_groups(partitions[0], len(annotated))
    seconds = statistics.median(timings)
    speed = len(annotated) / seconds if seconds > 0 else float("inf")
    return ClusterResult(name, score_partition(gold, labels), len(set(labels)), speed, labels)


def evaluate_clusters(
    items: Sequence[tuple[Article, str]],
    systems: Mapping[str, GroupArticles],
    *,
    thresholds: Sequence[float] | None = DEFAULT_THRESHOLDS,
    annotate: Annotate | None = None,
    progress: Callable[[int], None] | None = None,
    on_system: Callable[[str], None] | None = None,
) -> ClusterEvaluation:
    """Score every system, then the baseline at each threshold (none when ``thresholds`` is None).

    ``items`` are articles with their gold story ids. ``annotate`` turns the articles into
    :class:`AnnotatedArticle` records once for all systems (default: the local engine with the
    real models, advancing ``progress`` once per article); ``on_system`` is told each system's
    name as it starts.
    """
    articles = [article for article, _ in items]
    gold = [story for _, story in items]
    results: list[ClusterResult] = []
    annotate_seconds = None
    if systems:
        started = time.perf_counter()
        annotated = annotate(articles) if annotate else _annotate_with_models(articles, progress)
        annotate_seconds = time.perf_counter() - started
        for name, group in systems.items():
            if on_system:
                on_system(name)
            results.append(run_system(name, group, annotated, gold))
    baseline = None
    if thresholds:
        if on_system:
            on_system(NAME)
        baseline = sweep(articles, gold, thresholds)
        best = baseline.best
        speed = len(articles) / best.seconds if best.seconds > 0 else float("inf")
        row = ClusterResult(f"{NAME} ({best.threshold:g})", best.scores, best.clusters, speed, best.labels)
        row.threshold = best.threshold
        results.append(row)
    return ClusterEvaluation(len(items), len(set(gold)), results, annotate_seconds, baseline)
