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
from collections import deque
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor

from storyweave.models import AnnotatedArticle, Article, Skipped
from storyweave.nlp.annotate import annotate, annotate_each, kept
from storyweave.nlp.loader import load_models
from storyweave.threads import one_thread_each

CHUNK = 16  # articles a worker annotates at once
POOL_THRESHOLD = 48  # below this many articles one process is faster
IN_FLIGHT = 3  # chunks queued per worker


def _worker_init(parent: int) -> None:
    die_with_parent(parent)
    one_thread_each()
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
    with AnnotationPool(workers) as pool:
        return pool.annotate(articles, progress=progress, rejected=rejected)


class AnnotationPool:
    """Worker processes that load the models once and annotate batch after batch (``ingest`` chunk after chunk,
    ``follow`` round after round); started on the first batch big enough to pay for them."""

    def __init__(self, workers: int | None = None) -> None:
        self.workers = workers or default_workers()
        self._pool: ProcessPoolExecutor | None = None

    def __enter__(self) -> AnnotationPool:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        if self._pool is not None:
            self._pool.shutdown(cancel_futures=True)
            self._pool = None

    def annotate(
        self,
        articles: Sequence[Article],
        *,
        progress: Callable[[int], None] | None = None,
        rejected: list[Skipped] | None = None,
    ) -> list[AnnotatedArticle]:
        """Annotate ``articles`` in input order (see ``annotate_articles``)."""
        return list(self.stream(articles, progress=progress, rejected=rejected))

    def stream(
        self,
        articles: Sequence[Article],
        *,
        progress: Callable[[int], None] | None = None,
        rejected: list[Skipped] | None = None,
    ) -> Iterator[AnnotatedArticle]:
        """The annotated ``articles`` in input order, as they are done. A few chunks per worker are in flight at
        any time, so the workers never wait for the caller to store a batch and memory stays bounded."""
        if self.workers == 1 or (self._pool is None and len(articles) < POOL_THRESHOLD):
            yield from annotate(articles, load_models(), progress=progress, rejected=rejected)
            return
        if self._pool is None:
            self._pool = ProcessPoolExecutor(
                max_workers=self.workers, initializer=_worker_init, initargs=(os.getpid(),)
            )
        chunks = iter([list(articles[i : i + CHUNK]) for i in range(0, len(articles), CHUNK)])
        in_flight: deque[Future[list[AnnotatedArticle | Skipped]]] = deque()
        while True:
            while len(in_flight) < IN_FLIGHT * self.workers and (chunk := next(chunks, None)) is not None:
                in_flight.append(self._pool.submit(_annotate_chunk, chunk))
            if not in_flight:
                return
            done = in_flight.popleft().result()
            yield from kept(done, rejected)
            if progress:
                progress(len(done))
