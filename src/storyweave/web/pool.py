"""Where the web app makes briefs: a small pool of worker processes, with a bounded queue in front of it.

Making a brief runs the models for seconds of CPU. In the server's own process that work would hold the
interpreter lock and slow every page read, and a pathological input could take the server's memory with it.
So briefs are made in ``BRIEF_WORKERS`` worker processes (started on the first brief, each loading the models
once), and at most ``BRIEF_QUEUE`` more requests wait their turn; any further request is turned away with
``Busy`` (503 with Retry-After) rather than queueing without end. A worker that dies is replaced; the
workers stop when the server does.
"""

from __future__ import annotations

import logging
import multiprocessing
import os
import signal
import threading
import time
from collections.abc import Callable, Hashable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from contextlib import contextmanager, suppress
from typing import Any, ParamSpec, TypeVar

P = ParamSpec("P")
T = TypeVar("T")

BRIEF_WORKERS = max(1, min(2, (os.cpu_count() or 1) - 1))  # leave a core to serve the pages
BRIEF_QUEUE = 8
RETRY_AFTER = 5  # seconds
BRIEF_TIMEOUT = 120  # seconds a brief may take before its worker is stopped

log = logging.getLogger("storyweave.web")


class Busy(Exception):
    """Too many briefs are being made or waiting: the request should be tried again shortly."""


class WorkerLost(Busy):
    """The worker making the brief died (out of memory, killed); a new one has been started."""


class TookTooLong(Exception):
    """The brief ran past ``BRIEF_TIMEOUT`` and was stopped."""


_admitted = 0
_admitting = threading.Lock()
_pool: ProcessPoolExecutor | None = None
_starting = threading.Lock()


@contextmanager
def admitted() -> Iterator[None]:
    """A place among the briefs being made or waiting, or ``Busy`` when there is none."""
    global _admitted
    with _admitting:
        if _admitted >= BRIEF_WORKERS + BRIEF_QUEUE:
            raise Busy(f"{_admitted} briefs are being made or waiting")
        _admitted += 1
    try:
        yield
    finally:
        with _admitting:
            _admitted -= 1


WORKER_NICENESS = 10  # workers yield the CPU to the server's reads
ORPHAN_CHECK = 1.0  # seconds between a worker's checks that the server is still there


def _start_worker(server: int) -> None:
    """A worker runs at a lower priority than the server, ignores Ctrl-C, ends when the server is gone (however
    it ended: uvicorn ends on SIGTERM without running exit handlers) and loads the models before its first brief."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    threading.Thread(target=_end_with, args=(server,), daemon=True, name="storyweave-orphan-watch").start()
    with suppress(OSError, AttributeError):  # no os.nice on Windows
        os.nice(WORKER_NICENESS)
    from storyweave.nlp import load_models
    from storyweave.threads import one_thread_each

    one_thread_each()
    load_models(threads=1)


def _end_with(parent: int) -> None:
    while os.getppid() == parent:
        time.sleep(ORPHAN_CHECK)
    os._exit(0)


def _workers() -> ProcessPoolExecutor:
    global _pool
    with _starting:
        if _pool is None:
            # "spawn": a fresh interpreter, never a fork of this threaded server.
            context = multiprocessing.get_context("spawn")
            _pool = ProcessPoolExecutor(
                BRIEF_WORKERS, mp_context=context, initializer=_start_worker, initargs=(os.getpid(),)
            )
        return _pool


def _ready() -> bool:
    return True


def start() -> None:
    """Start the workers now, so that they load the models in the background before the first brief is asked."""
    _workers().submit(_ready)


def stop() -> None:
    """Stop the workers, after the brief in hand (the server calls this as it shuts down)."""
    global _pool
    with _starting:
        pool, _pool = _pool, None
    if pool is not None:
        pool.shutdown(wait=True, cancel_futures=True)


def _replace(broken: ProcessPoolExecutor) -> None:
    global _pool
    with _starting:
        if _pool is broken:
            _pool = None
    broken.shutdown(wait=False, cancel_futures=True)


def run(task: Callable[P, T], *args: P.args, **kwargs: P.kwargs) -> T:
    """``task(*args, **kwargs)`` in a worker process, once admitted (else ``Busy``); its result or its exception.

    ``task`` and its arguments must be picklable (a module-level function and plain data). A task that runs
    past ``BRIEF_TIMEOUT`` has its worker killed (``TookTooLong``); a worker that dies raises ``WorkerLost``."""
    with admitted():
        pool = _workers()
        try:
            return pool.submit(task, *args, **kwargs).result(timeout=BRIEF_TIMEOUT)
        except TimeoutError as err:
            log.warning("a brief ran past %s s; its worker is stopped", BRIEF_TIMEOUT)
            _kill(pool)
            raise TookTooLong(f"the brief took longer than {BRIEF_TIMEOUT} s") from err
        except BrokenProcessPool as err:
            log.error("a brief worker died (out of memory or killed); starting new ones")
            _replace(pool)
            raise WorkerLost("the brief's worker stopped before it was done") from err


def _kill(pool: ProcessPoolExecutor) -> None:
    """Stop the pool's workers at once (the executor offers no public way to stop a running task)."""
    for process in list(getattr(pool, "_processes", {}).values()):
        process.kill()
    _replace(pool)


_running: dict[Hashable, Future[Any]] = {}
_running_lock = threading.Lock()


def once(key: Hashable, work: Callable[[], T]) -> T:
    """``work()`` (which runs briefs with ``run``) done once for every request that asks for ``key`` meanwhile
    (the first view of a story by many readers): the first request does it, the others wait for its result or
    its exception. Those that wait are admitted like briefs, so a crowd of them gets ``Busy``, not every thread."""
    with _running_lock:
        shared = _running.get(key)
        mine: Future[Any] = Future()
        if shared is None:
            _running[key] = mine
    if shared is not None:
        with admitted():
            result: T = shared.result()
            return result
    try:
        done = work()
        mine.set_result(done)
        return done
    except BaseException as err:
        mine.set_exception(err)
        raise
    finally:
        with _running_lock:
            del _running[key]
