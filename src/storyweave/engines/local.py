"""The local engine: the annotate stage on a pool of worker processes.

Each worker loads the models once (one embedding thread each) and annotates
chunks of articles; small inputs are annotated in this process instead, where
starting workers would cost more than it saves.
"""

from __future__ import annotations

import contextlib
import ctypes
import os
import signal
from collections.abc import Callable, Sequence
from concurrent.futures import ProcessPoolExecutor

from storyweave.models import AnnotatedArticle, Article, Skipped
from storyweave.nlp.annotate import annotate, annotate_each, kept
from storyweave.nlp.loader import load_models

CHUNK = 16  # articles a worker annotates at once
POOL_THRESHOLD = 48  # below this many articles one process is faster


def _worker_init(parent: int) -> None:
    die_with_parent(parent)
    load_models(threads=1)


def die_with_parent(parent: int) -> None:
    """Have the kernel kill this process when its parent dies (a parent killed with SIGKILL cannot stop its
    workers itself); Linux only, elsewhere nothing happens."""
    with contextlib.suppress(OSError, AttributeError):
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(_PR_SET_PDEATHSIG, signal.SIGKILL)
    try:
        os.kill(parent, 0)  # the parent died before the request was in place? (its pid, whatever forked us)
    except ProcessLookupError:
        os._exit(1)
    except PermissionError:
        pass


_PR_SET_PDEATHSIG = 1


def _annotate_chunk(chunk: list[Article]) -> list[AnnotatedArticle | Skipped]:
    return annotate_each(chunk, load_models(threads=1))


def default_workers() -> int:
    return max(1, min(os.cpu_count() or 1, 8))


def annotate_articles(
    articles: Sequence[Article],
    *,
    workers: int | None = None,
    progress: Callable[[int], None] | None = None,
    rejected: list[Skipped] | None = None,
) -> list[AnnotatedArticle]:
    """Annotate articles, in input order, on ``workers`` processes when it pays. An article the models cannot
    read goes to ``rejected`` with its reason (without that list, its error is raised)."""
    workers = workers or default_workers()
    if workers == 1 or len(articles) < POOL_THRESHOLD:
        return list(annotate(articles, load_models(), progress=progress, rejected=rejected))
    chunks = [list(articles[i : i + CHUNK]) for i in range(0, len(articles), CHUNK)]
    annotated: list[AnnotatedArticle] = []
    with ProcessPoolExecutor(max_workers=workers, initializer=_worker_init, initargs=(os.getpid(),)) as pool:
        for done in pool.map(_annotate_chunk, chunks):
            annotated.extend(kept(done, rejected))
            if progress:
                progress(len(done))
    return annotated
