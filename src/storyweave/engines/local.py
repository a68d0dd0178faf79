"""The local engine: the annotate stage on a pool of worker processes.

Each worker loads the models once (one embedding thread each) and annotates
chunks of articles; small inputs are annotated in this process instead, where
starting workers would cost more than it saves.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from concurrent.futures import ProcessPoolExecutor

from storyweave.models import AnnotatedArticle, Article
from storyweave.nlp.annotate import annotate, annotate_batch
from storyweave.nlp.loader import load_models

CHUNK = 16  # articles a worker annotates at once
POOL_THRESHOLD = 48  # below this many articles one process is faster


def _worker_init() -> None:
    load_models(threads=1)


def _annotate_chunk(chunk: list[Article]) -> list[AnnotatedArticle]:
    return annotate_batch(chunk, load_models(threads=1))


def default_workers() -> int:
    return max(1, min(os.cpu_count() or 1, 8))


def annotate_articles(
    articles: Sequence[Article],
    *,
    workers: int | None = None,
    progress: Callable[[int], None] | None = None,
) -> list[AnnotatedArticle]:
    """Annotate articles, in input order, on ``workers`` processes when it pays."""
    workers = workers or default_workers()
    if workers == 1 or len(articles) < POOL_THRESHOLD:
        return list(annotate(articles, load_models(), progress=progress))
    chunks = [list(articles[i : i + CHUNK]) for i in range(0, len(articles), CHUNK)]
    annotated: list[AnnotatedArticle] = []
    with ProcessPoolExecutor(max_workers=workers, initializer=_worker_init) as pool:
        for done in pool.map(_annotate_chunk, chunks):
            annotated.extend(done)
            if progress:
                progress(len(done))
    return annotated
