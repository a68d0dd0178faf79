"""The corpus job on this machine: the stages of ``storyweave.corpus`` on a pool of worker processes."""

from __future__ import annotations

import time
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from concurrent.futures import Executor, ProcessPoolExecutor
from pathlib import Path
from typing import Any, TypeVar

from storyweave.corpus.job import JobSettings, JobSummary, prepare_out, source_files
from storyweave.corpus.partitions import (
    PartitionStory,
    group_partition,
    join_stories,
    members_by_story,
    merge_edge,
    partition_of,
)
from storyweave.corpus.stages import (
    Reject,
    StoryRecord,
    annotate_copies,
    brief_story,
    read_file,
    reading_order,
    text_key,
)
from storyweave.corpus.tables import brief_parquet_row, json_line, write_local_table
from storyweave.engines.local import default_workers
from storyweave.ingest.inputs import describe
from storyweave.models import AnnotatedArticle, Article
from storyweave.nlp.loader import load_models

__all__ = ["run_local"]

CHUNK = 16  # articles, or stories, a worker takes at once
T = TypeVar("T")
R = TypeVar("R")


def _read(path: str) -> list[Article | Reject]:
    try:
        with open(path, "rb") as stream:
            data = stream.read()
    except OSError as err:
        return [Reject("read", path, f"cannot read the file ({err.strerror or err})")]
    return read_file(path, data)


def _annotate_chunk(chunk: list[list[Article]]) -> list[AnnotatedArticle | Reject]:
    return list(annotate_copies(chunk, load_models(threads=1)))


def _group(task: tuple[int, list[AnnotatedArticle], JobSettings]) -> list[PartitionStory]:
    partition, articles, settings = task
    return group_partition(partition, articles, days=settings.partition_days, settings=settings.grouping)


def _brief(task: tuple[list[tuple[AnnotatedArticle, str | None]], JobSettings]) -> StoryRecord | Reject:
    members, settings = task
    return brief_story(members, settings.brief)


def _chunks(items: Sequence[T], size: int = CHUNK) -> list[list[T]]:
    return [list(items[i : i + size]) for i in range(0, len(items), size)]


def _flat_map(pool: Executor | None, function: Callable[[T], Iterable[R]], tasks: Iterable[T]) -> list[R]:
    mapped = pool.map(function, tasks) if pool else map(function, tasks)
    return [item for done in mapped for item in done]


def run_local(paths: Sequence[str], out: Path, settings: JobSettings | None = None) -> JobSummary:
    """Read, annotate, group and brief every article under ``paths``; write the tables under ``out``."""
    settings = settings or JobSettings()
    prepare_out(out)
    summary = JobSummary(engine="local")
    workers = settings.workers or default_workers()
    clock = time.perf_counter()
    pool = ProcessPoolExecutor(max_workers=workers) if workers > 1 else None
    try:
        files, missing = source_files(paths)
        rejects = [Reject("read", path, "no such file or folder") for path in missing]
        articles = _first_of_each_id(_flat_map(pool, _read, files), rejects)
        summary.seconds["read"] = time.perf_counter() - clock

        clock = time.perf_counter()
        copies: dict[str, list[Article]] = defaultdict(list)
        for article in articles:
            copies[text_key(article)].append(article)
        annotated = _keep(_flat_map(pool, _annotate_chunk, _chunks(list(copies.values()))), rejects)
        summary.seconds["annotate"] = time.perf_counter() - clock

        clock = time.perf_counter()
        by_partition: dict[int, list[AnnotatedArticle]] = defaultdict(list)
        for item in annotated:
            by_partition[partition_of(item.article.published, settings.partition_days)].append(item)
        tasks = [(p, items, settings) for p, items in sorted(by_partition.items())]
        stories = _flat_map(pool, _group, tasks)
        joined = _join_edges(stories, settings)
        summary.seconds["group"] = time.perf_counter() - clock

        clock = time.perf_counter()
        by_id = {item.id: item for item in annotated}
        members: dict[str, list[tuple[AnnotatedArticle, str | None]]] = defaultdict(list)
        for key, _, story_members in members_by_story(stories, by_id, joined):
            members[key].extend(story_members)
        records = _keep(
            list(pool.map(_brief, [(m, settings) for m in members.values()], chunksize=4))
            if pool
            else [_brief((m, settings)) for m in members.values()],
            rejects,
        )
        summary.seconds["brief"] = time.perf_counter() - clock
    finally:
        if pool:
            pool.shutdown()

    clock = time.perf_counter()
    _write(out, sorted(records, key=lambda r: r.story_id), rejects)
    summary.seconds["write"] = time.perf_counter() - clock
    summary.articles, summary.stories, summary.rejects = len(annotated), len(records), len(rejects)
    summary.partitions, summary.edge_joins = len(by_partition), sum(1 for k, v in joined.items() if k != v)
    summary.write(out)
    return summary


def _first_of_each_id(items: list[Article | Reject], rejects: list[Reject]) -> list[Article]:
    """Articles, one per id (the first in reading order); later copies and read failures become rejects."""
    first: dict[str, Article] = {}
    for item in sorted(_keep(items, rejects), key=reading_order):
        kept = first.setdefault(item.id, item)
        if kept is not item:
            rejects.append(Reject("read", describe(item), f"duplicate of {describe(kept)}", item.id))
    return sorted(first.values(), key=reading_order)


def _keep(items: Iterable[Any], rejects: list[Reject]) -> list[Any]:
    kept: list[Any] = []
    for item in items:
        (rejects if isinstance(item, Reject) else kept).append(item)
    return kept


def _join_edges(stories: list[PartitionStory], settings: JobSettings) -> dict[str, str]:
    by_edge: dict[int, list[PartitionStory]] = defaultdict(list)
    for story in stories:
        for edge in story.edges:
            by_edge[edge].append(story)
    pairs = [pair for edge in sorted(by_edge) for pair in merge_edge(by_edge[edge], settings.grouping)]
    return join_stories(pairs)


def _write(out: Path, records: list[StoryRecord], rejects: list[Reject]) -> None:
    write_local_table(out, "stories", [r.story_row() for r in records])
    write_local_table(out, "memberships", [row for r in records for row in r.membership_rows()])
    write_local_table(
        out, "briefs", [brief_parquet_row(r.brief) for r in records], (json_line(r.brief) for r in records)
    )
    write_local_table(out, "rejects", [r.as_dict() for r in rejects])
