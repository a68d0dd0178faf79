"""Engines behind one door: a registry by name, one signature, and one order of stages (corpus.run)."""

from __future__ import annotations

import inspect
import json
from collections.abc import Sequence
from pathlib import Path

import pytest

from storyweave import engines
from storyweave.corpus.run import STAGES, run_job


def test_the_registry_gives_each_engine_by_name_with_one_signature() -> None:
    from storyweave.engines.local_job import run_local
    from storyweave.engines.spark import run_spark

    assert engines.get("local") is run_local and engines.get("spark") is run_spark
    shapes = {name: list(inspect.signature(engines.get(name)).parameters) for name in engines.ENGINES}
    assert all(shape == ["paths", "out", "settings", "progress"] for shape in shapes.values()), shapes


def test_the_run_command_offers_the_registry_s_engines() -> None:
    from storyweave.cli.run import Engine

    assert sorted(e.value for e in Engine) == sorted(engines.ENGINES)


class Steps:
    """A stand-in engine that records the order it is driven in."""

    engine = "stand-in"

    def __init__(self, fail_at: str | None = None) -> None:
        self.called: list[str] = []
        self.fail_at = fail_at

    def _step(self, name: str) -> None:
        self.called.append(name)
        if name == self.fail_at:
            raise RuntimeError(name)

    def start(self) -> None:
        self.called.append("start")

    def read(self, paths: Sequence[str]) -> None:
        self._step("read")

    def annotate(self) -> int:
        self._step("annotate")
        return 5

    def group(self) -> tuple[int, dict[str, str]]:
        self._step("group")
        return 2, {"0/0": "0/0", "1/0": "0/0"}

    def brief(self) -> int:
        self._step("brief")
        return 3

    def write(self, out: str) -> int:
        self._step("write")
        return 1

    def close(self) -> None:
        self.called.append("close")


def test_the_job_runs_the_stages_in_order_times_them_and_writes_run_json(tmp_path: Path) -> None:
    steps = Steps()
    summary = run_job(steps, ["in"], tmp_path / "out")
    assert steps.called == ["start", *STAGES, "close"]
    assert list(summary.seconds) == list(STAGES)
    assert (summary.engine, summary.articles, summary.partitions, summary.edge_joins) == ("stand-in", 5, 2, 1)
    assert (summary.stories, summary.rejects) == (3, 1)
    assert json.loads((tmp_path / "out" / "run.json").read_text())["stories"] == 3


def test_an_engine_is_closed_when_a_stage_fails(tmp_path: Path) -> None:
    steps = Steps(fail_at="group")
    with pytest.raises(RuntimeError):
        run_job(steps, ["in"], tmp_path / "out")
    assert steps.called == ["start", "read", "annotate", "group", "close"]


def _blas_threads() -> list[int]:
    from threadpoolctl import threadpool_info

    return [pool["num_threads"] for pool in threadpool_info() if pool["user_api"] == "blas"]


def test_the_local_engine_s_workers_run_one_blas_thread_each() -> None:
    # numpy's BLAS starts a spinning thread per core in every process: two workers on two cores would fight for
    # them (the briefs of make bench took 9.2 s so against 5.6 s)
    from storyweave.engines.local_job import _pool

    pool = _pool(2)
    assert pool is not None
    with pool:
        threads = pool.submit(_blas_threads).result(timeout=60)
    assert threads and all(n == 1 for n in threads), threads
