"""Run storyweave and its peers over evaluation clusters and score them all the same way.

storyweave annotates every cluster's articles in one call (models load once), then briefs each
cluster; its seconds per cluster count only the briefing, and the annotation time (model loading
included) is reported on its own. Every output is cut at exactly the word budget before scoring.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from storyweave.eval.datasets import Cluster
from storyweave.eval.rouge import Scores, cut_words, score

DEFAULT_PEERS = ("lexrank", "textrank", "lsa", "lead")
STORYWEAVE = "storyweave"


@dataclass(slots=True)
class SystemResult:
    """One system's mean scores, speed and (cut) summaries, in cluster order."""

    name: str
    scores: Scores
    seconds_per_cluster: float
    summaries: list[list[str]] = field(default_factory=list)
    per_cluster: list[Scores] = field(default_factory=list)


@dataclass(slots=True)
class Evaluation:
    """Every system's result on the same clusters, storyweave first."""

    words: int
    recall: bool
    cluster_ids: list[str]
    systems: list[SystemResult]
    annotate_seconds: float
    articles: int

    def system(self, name: str) -> SystemResult:
        return next(s for s in self.systems if s.name == name)

    @property
    def peers(self) -> list[SystemResult]:
        return [s for s in self.systems if s.name != STORYWEAVE]

    def predictions(self) -> list[dict[str, str]]:
        """storyweave's summaries as scored: ``id`` and ``summary`` (sentences joined by newlines)."""
        summaries = self.system(STORYWEAVE).summaries
        return [{"id": i, "summary": "\n".join(s)} for i, s in zip(self.cluster_ids, summaries, strict=True)]


def storyweave_summaries(
    clusters: Sequence[Cluster], words: int, progress: Callable[[int], None] | None = None
) -> tuple[list[list[str]], float, float]:
    """storyweave's summary sentences per cluster, seconds per cluster, annotation seconds."""
    from storyweave.engines.local import annotate_articles
    from storyweave.models import Story
    from storyweave.settings import BriefSettings
    from storyweave.summarize import make_brief, story_id

    started = time.perf_counter()
    annotated = annotate_articles([a for c in clusters for a in c.articles], progress=progress)
    annotate_seconds = time.perf_counter() - started
    settings = BriefSettings(words=words, analysis=False)  # the summary alone is scored and timed
    summaries: list[list[str]] = []
    started = time.perf_counter()
    first = 0
    for cluster in clusters:
        articles = annotated[first : first + len(cluster.articles)]
        first += len(cluster.articles)
        story = Story(id=cluster.id or story_id(articles), articles=articles)
        brief = make_brief(story, settings) if articles else None
        summaries.append([s.text for s in brief.summary] if brief else [])
    seconds = (time.perf_counter() - started) / max(len(clusters), 1)
    return summaries, seconds, annotate_seconds


def peer_summaries(name: str, clusters: Sequence[Cluster], words: int) -> tuple[list[list[str]], float]:
    """A peer's summary sentences per cluster and its seconds per cluster."""
    from storyweave.eval.peers import PEERS

    _, summarise = PEERS[name]
    started = time.perf_counter()
    summaries = [summarise([a.text for a in c.articles], words) for c in clusters]
    return summaries, (time.perf_counter() - started) / max(len(clusters), 1)


def _result(
    name: str,
    clusters: Sequence[Cluster],
    summaries: list[list[str]],
    seconds: float,
    words: int,
    recall: bool,
) -> SystemResult:
    cut = [cut_words(s, words) for s in summaries]
    per_cluster = [score(s, c.references, recall=recall) for s, c in zip(cut, clusters, strict=True)]
    return SystemResult(name, Scores.mean(per_cluster), seconds, cut, per_cluster)


def evaluate(
    clusters: Sequence[Cluster],
    *,
    words: int,
    peers: Sequence[str] = DEFAULT_PEERS,
    recall: bool = False,
    progress: Callable[[int], None] | None = None,
    on_system: Callable[[str], None] | None = None,
) -> Evaluation:
    """Summarise every cluster with storyweave and each peer, and score them.

    ``progress`` is advanced once per article annotated; ``on_system`` is told each system's
    name as it starts.
    """
    from storyweave.eval.peers import PEERS

    if on_system:
        on_system(STORYWEAVE)
    summaries, seconds, annotate_seconds = storyweave_summaries(clusters, words, progress)
    systems = [_result(STORYWEAVE, clusters, summaries, seconds, words, recall)]
    for name in peers:
        if on_system:
            on_system(PEERS[name][0])
        summaries, seconds = peer_summaries(name, clusters, words)
        systems.append(_result(PEERS[name][0], clusters, summaries, seconds, words, recall))
    return Evaluation(
        words=words,
        recall=recall,
        cluster_ids=[c.id for c in clusters],
        systems=systems,
        annotate_seconds=annotate_seconds,
        articles=sum(len(c.articles) for c in clusters),
    )
