"""``storyweave run INPUT... --out DIR``: the corpus job, on this machine or on Apache Spark."""

from __future__ import annotations

from enum import StrEnum
from typing import Annotated

import typer
from rich.markup import escape

from storyweave.cli.console import note, progress_bar
from storyweave.engines import ENGINES

Engine = StrEnum("Engine", sorted(ENGINES))  # type: ignore[misc]  # the registry's names, whatever they are
LOCAL = Engine("local")


def run(
    inputs: Annotated[
        list[str],
        typer.Argument(help="JSON Lines, WARC or other article files, or folders of them (Spark: any path it reads)."),
    ],
    out: Annotated[
        str, typer.Option("--out", help="Folder for the tables (Parquet and JSON Lines); Spark: or a URL it writes.")
    ],
    engine: Annotated[Engine, typer.Option("--engine", help="local (a process pool) or spark.")] = LOCAL,
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
    from storyweave.engines import get

    if spark_master and engine != "spark":
        note("[yellow]note[/] --spark-master is used only with --engine spark")
    settings = JobSettings(partition_days=partition_days, workers=workers, spark_master=spark_master)
    summary = get(engine.value)(inputs, out, settings, progress_bar)
    rejects = [] if "://" in out else read_table(out, "rejects")
    for reject in rejects:
        note(f"[yellow]rejected[/] ({reject['stage']}) {escape(reject['where'])}: {escape(reject['reason'])}")
    seconds = sum(summary.seconds.values())
    note(
        f"{summary.articles} articles -> {summary.stories} stories, {summary.rejects} rejected, "
        f"in {seconds:.1f} s ({summary.articles_per_second:.1f} articles/s, {summary.engine} engine); "
        f"tables in {escape(str(out))}"
    )
