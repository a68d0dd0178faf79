"""Engines of the corpus job, behind one door: ``engines.get(name)(paths, out, settings, progress)``.

Each runs the stages of ``storyweave.corpus`` in the order ``corpus.run.run_job`` gives them, and returns the
run's ``JobSummary``: ``local`` on a pool of worker processes, ``spark`` on Apache Spark (an optional extra).
An engine's module is imported only when it is asked for.
"""

from __future__ import annotations

import importlib
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:
    from storyweave.corpus.job import JobSettings, JobSummary, ProgressBar

__all__ = ["ENGINES", "Engine", "get"]

# name -> the module and function that run the job
ENGINES = {"local": ("storyweave.engines.local_job", "run_local"), "spark": ("storyweave.engines.spark", "run_spark")}


class Engine(Protocol):
    def __call__(
        self,
        paths: Sequence[str],
        out: str | Path,
        settings: JobSettings | None = None,
        progress: ProgressBar | None = None,
    ) -> JobSummary: ...


def get(name: str) -> Engine:
    """The engine of that name (one of ``ENGINES``)."""
    module, function = ENGINES[name]
    engine: Engine = getattr(importlib.import_module(module), function)
    return engine
