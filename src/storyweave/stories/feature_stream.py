"""Article features for grouping, made one article after another, or by a second process alongside.

Placing an article in a story depends on every article before it, so placement runs on one core.
Making an article's features does not (its words, names, years and MinHash signature are a third
of the work), so with a second core they are made in a forked child while the parent places the
articles before them. The child streams them back in chunks through a pipe, whose small buffer
holds it back when it runs ahead: memory follows the stream, not the corpus. The features, and so
the stories, are the same either way.
"""

from __future__ import annotations

import contextlib
import multiprocessing
import os
import pickle
import signal
import threading
from collections.abc import Iterable, Iterator
from typing import Any

from storyweave.models import AnnotatedArticle
from storyweave.stories.features import ArticleFeatures, features
from storyweave.threads import one_thread_each

CHUNK = 64  # features sent at a time
_END = "end"


def feature_stream(
    annotated: Iterable[AnnotatedArticle], lead_sentences: int, *, workers: int = 1
) -> Iterator[ArticleFeatures]:
    """The features of each article in turn; with ``workers`` >= 2, made by a forked child process.

    The child works on its own copy of ``annotated`` (an iterator too: fork copies its state), so
    nothing but the features crosses between the processes; an iterator that reads from a file,
    socket or database cursor must therefore not be given with ``workers`` >= 2. Where a child
    cannot be forked (no fork on this system, or a daemonic process) the features are made here.
    """
    if workers < 2 or not _can_fork():
        return (features(item, lead_sentences) for item in annotated)
    return _from_child(annotated, lead_sentences)


def _can_fork() -> bool:
    return (
        hasattr(os, "fork")
        and "fork" in multiprocessing.get_all_start_methods()
        and not multiprocessing.current_process().daemon
    )


def _sendable(error: Exception) -> Exception:
    """The error itself if it survives pickling both ways, else a RuntimeError that names it."""
    try:
        pickle.loads(pickle.dumps(error))
        return error
    except Exception:
        return RuntimeError(f"{type(error).__name__}: {error}")


def _start_ignoring_interrupts(child: multiprocessing.process.BaseProcess) -> None:
    """Start the child with Ctrl-C ignored from its first instruction: the parent handles it, and ends the child."""
    if threading.current_thread() is not threading.main_thread():
        child.start()  # only the main thread may change signal handlers; a worker thread gets no SIGINT anyway
        return
    previous = signal.signal(signal.SIGINT, signal.SIG_IGN)
    try:
        child.start()
    finally:
        signal.signal(signal.SIGINT, previous)


def _from_child(annotated: Iterable[AnnotatedArticle], lead_sentences: int) -> Iterator[ArticleFeatures]:
    context = multiprocessing.get_context("fork")
    receiver, sender = context.Pipe(duplex=False)

    def produce() -> None:
        receiver.close()
        one_thread_each()  # the parent groups on the other core
        try:
            chunk: list[ArticleFeatures] = []
            for item in annotated:
                chunk.append(features(item, lead_sentences))
                if len(chunk) == CHUNK:
                    sender.send(chunk)
                    chunk = []
            sender.send(chunk)
            sender.send(_END)
        except (BrokenPipeError, ConnectionResetError):
            pass  # the parent stopped reading (it finished early, failed or was interrupted): nothing to tell
        except Exception as error:  # the parent raises it: the same error as without a child
            with contextlib.suppress(BrokenPipeError, ConnectionResetError):
                sender.send(_sendable(error))
        finally:
            sender.close()

    child = context.Process(target=produce, name="storyweave-features", daemon=True)
    _start_ignoring_interrupts(child)
    sender.close()
    try:
        while True:
            try:
                message: Any = receiver.recv()
            except EOFError:
                child.join()
                stopped = f"the process making grouping features stopped (exit code {child.exitcode})"
                raise RuntimeError(stopped) from None
            if isinstance(message, Exception):
                raise message
            if message == _END:
                return
            yield from message
    finally:
        if child.is_alive():
            child.terminate()  # first, so that it is not left writing into a pipe no one reads
        child.join()
        child.close()
        receiver.close()
