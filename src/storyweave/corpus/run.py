"""The corpus job as both engines run it: the order of the stages, their timings, the counts, ``run.json``.

An engine says how it runs each stage (``JobSteps``: on a process pool, on Spark); ``run_job`` runs them in
``STAGES`` order, times each one and fills in the ``JobSummary``. The stages themselves are the functions of
``corpus.stages`` and ``corpus.partitions``; the tables are written by ``corpus.tables.write_tables``.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Protocol, TypeVar

from storyweave.corpus.job import JobSummary, prepare_out
from storyweave.corpus.partitions import joins
from storyweave.corpus.stages import local_path

__all__ = ["STAGES", "JobSteps", "is_url", "run_job"]

STAGES = ("read", "annotate", "group", "brief", "write")
T = TypeVar("T")


class JobSteps(Protocol):
    """How one engine runs each stage of the job; every step keeps what the next one needs."""

    engine: str  # its name in the registry and in run.json

    def start(self) -> None:
        """Start what the engine runs on (a Spark session), before the stages and their clocks."""

    def read(self, paths: Sequence[str]) -> None:
        """Read every input; keep one article per id (later copies and unreadable records are rejects)."""

    def annotate(self) -> int:
        """Annotate each distinct text once; the number of articles annotated."""

    def group(self) -> tuple[int, dict[str, str]]:
        """Group each time partition, then across its edges: the partitions, and each story key joined across
        an edge -> the key of the story it joins (``partitions.join_stories``)."""

    def brief(self) -> int:
        """Brief every story where its articles are; the number of stories briefed."""

    def write(self, out: str) -> int:
        """Write the tables under ``out`` (``tables.write_tables``); the number of rejects written."""

    def close(self) -> None:
        """Let go of workers; called however the run ended."""


def is_url(path: str) -> bool:
    """A path only Spark writes and reads (hdfs://, s3a://); "file:" URLs name local files."""
    return "://" in path and not path.startswith("file:")


def run_job(steps: JobSteps, paths: Sequence[str], out: str | Path) -> JobSummary:
    """Run the job's stages in order with ``steps``; the tables land under ``out``, and ``run.json`` beside them
    when ``out`` is a local folder."""
    local_out = None if is_url(str(out)) else Path(local_path(str(out)))
    if local_out is not None:
        prepare_out(local_out)
    summary = JobSummary(engine=steps.engine)
    steps.start()

    def timed(stage: str, step: Callable[[], T]) -> T:
        clock = time.perf_counter()
        result = step()
        summary.seconds[stage] = time.perf_counter() - clock
        return result

    try:
        timed("read", lambda: steps.read(paths))
        summary.articles = timed("annotate", steps.annotate)
        summary.partitions, joined = timed("group", steps.group)
        summary.edge_joins = joins(joined)
        summary.stories = timed("brief", steps.brief)
        summary.rejects = timed("write", lambda: steps.write(str(local_out or out).rstrip("/")))
    finally:
        steps.close()
    if local_out is not None:
        summary.write(local_out)
    return summary
