"""``storyweave run INPUT... --out DIR``: the corpus job, on this machine or on Apache Spark."""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer
from rich.markup import escape

from storyweave.cli.console import note, progress_bar


class Engine(StrEnum):
    local = "local"
    spark = "spark"


def run(
    inputs: Annotated[
        list[str],
        typer.Argument(help="JSON Lines, WARC or other article files, or folders of them (Spark: any path it reads)."),
    ],
    out: Annotated[
        str, typer.Option("--out", help="Folder for the tables (Parquet and JSON Lines); Spark: or a URL it writes.")
    ],
    engine: Annotated[Engine, typer.Option("--engine", help="local (a process pool) or spark.")] = Engine.local,
    spark_master: Annotated[
        str | None, typer.Option("--spark-master", help="Spark master URL (default: local mode on --workers cores).")
    ] = None,
    workers: Annotated[
        int | None, typer.Option("--workers", min=1, max=256, help="Worker processes or cores (default: all).")
    ] = None,
    partition_days: Annotated[
        int, typer.Option("--partition-days", min=1, max=366, help="Width of the time partitions grouped apart.")
    ] = 7,
) -> None:
    """Group a corpus into stories and write every story's brief: stories, memberships, briefs, rejects."""
    from storyweave.corpus import JobSettings, read_table

    settings = JobSettings(partition_days=partition_days, workers=workers)
    if engine is Engine.spark:
        from storyweave.engines.spark import run_spark

        summary = run_spark(inputs, out, settings, master=spark_master)
    else:
        if spark_master:
            note("[yellow]note[/] --spark-master is used only with --engine spark")
        from storyweave.engines.local_job import run_local

        summary = run_local(inputs, Path(out), settings, progress=progress_bar)
    rejects = [] if "://" in out else read_table(out, "rejects")
    for reject in rejects:
        note(f"[yellow]rejected[/] ({reject['stage']}) {escape(reject['where'])}: {escape(reject['reason'])}")
    seconds = sum(summary.seconds.values())
    note(
        f"{summary.articles} articles -> {summary.stories} stories, {summary.rejects} rejected, "
        f"in {seconds:.1f} s ({summary.articles_per_second:.1f} articles/s, {summary.engine} engine); "
        f"tables in {escape(str(out))}"
    )
