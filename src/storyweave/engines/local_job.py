"""The corpus job on this machine: the stages of ``storyweave.corpus`` on a pool of worker processes."""

from __future__ import annotations

import multiprocessing
import time
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from concurrent.futures import Executor, ProcessPoolExecutor
from contextlib import AbstractContextManager, nullcontext
from pathlib import Path
from typing import Any, TypeVar

from storyweave.corpus.job import JobSettings, JobSummary, prepare_out, source_files
from storyweave.corpus.ordering import reading_order
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
    first_of_id,
    read_file,
    text_key,
)
from storyweave.corpus.tables import brief_parquet_row, json_line, write_local_table
from storyweave.engines.local import default_workers
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


# The run's annotations, set before the grouping and brief workers are forked: they inherit them, and tasks
# name articles by their row here instead of sending annotations (about 50 KB an article) through pipes.
_ANNOTATED: list[AnnotatedArticle] = []


def _group(task: tuple[int, list[int], JobSettings]) -> list[PartitionStory]:
    partition, rows, settings = task
    articles = [_ANNOTATED[row] for row in rows]
    return group_partition(partition, articles, days=settings.partition_days, settings=settings.grouping)


def _brief(task: tuple[list[tuple[int, str | None]], JobSettings]) -> StoryRecord | Reject:
    members, settings = task
    return brief_story([(_ANNOTATED[row], copy) for row, copy in members], settings.brief)


def _one_brief(task: tuple[list[tuple[int, str | None]], JobSettings]) -> list[StoryRecord | Reject]:
    return [_brief(task)]


def _pool(workers: int) -> ProcessPoolExecutor | None:
    if workers < 2:
        return None
    fork = "fork" in multiprocessing.get_all_start_methods()
    return ProcessPoolExecutor(max_workers=workers, mp_context=multiprocessing.get_context("fork") if fork else None)


def _chunks(items: Sequence[T], size: int = CHUNK) -> list[list[T]]:
    return [list(items[i : i + size]) for i in range(0, len(items), size)]


def _flat_map(
    pool: Executor | None,
    function: Callable[[T], Iterable[R]],
    tasks: Iterable[T],
    advance: Callable[[int], None] | None = None,
) -> list[R]:
    """Every item of ``function`` over ``tasks``; ``advance`` is told the size of each task's result."""
    mapped = pool.map(function, tasks) if pool else map(function, tasks)
    found: list[R] = []
    for done in mapped:
        before = len(found)
        found.extend(done)
        if advance:
            advance(len(found) - before)
    return found


# A progress display the caller may hand in: (what, how many) -> a context giving advance(n)
ProgressBar = Callable[[str, int], AbstractContextManager[Callable[[int], None]]]


def _quiet(label: str, total: int) -> AbstractContextManager[Callable[[int], None]]:
    return nullcontext(lambda n: None)


def run_local(
    paths: Sequence[str], out: Path, settings: JobSettings | None = None, progress: ProgressBar | None = None
) -> JobSummary:
    """Read, annotate, group and brief every article under ``paths``; write the tables under ``out``.
    ``progress`` shows how the annotate and brief stages advance (articles and stories a second, time left)."""
    progress = progress or _quiet
    settings = settings or JobSettings()
    prepare_out(out)
    summary = JobSummary(engine="local")
    workers = settings.workers or default_workers()
    clock = time.perf_counter()
    pool = _pool(workers)
    try:
        files, unreadable = source_files(paths)
        rejects = [Reject("read", where, reason) for where, reason in unreadable]
        articles = _first_of_each_id(_flat_map(pool, _read, files), rejects)
        summary.seconds["read"] = time.perf_counter() - clock

        clock = time.perf_counter()
        copies: dict[str, list[Article]] = defaultdict(list)
        for article in articles:
            copies[text_key(article)].append(article)
        with progress("Annotating articles", len(articles)) as advance:
            done = _flat_map(pool, _annotate_chunk, _chunks(list(copies.values())), advance)
        annotated = _keep(done, rejects)
        summary.seconds["annotate"] = time.perf_counter() - clock
    finally:
        if pool:
            pool.shutdown()

    clock = time.perf_counter()
    _ANNOTATED[:] = annotated
    pool = _pool(workers)  # forked now, so the workers hold the annotations
    try:
        rows: dict[int, list[int]] = defaultdict(list)
        for row, item in enumerate(annotated):
            rows[partition_of(item.article.published, settings.partition_days)].append(row)
        tasks = [(p, members, settings) for p, members in sorted(rows.items())]
        stories = _flat_map(pool, _group, tasks)
        joined = _join_edges(stories, settings)
        summary.seconds["group"] = time.perf_counter() - clock

        clock = time.perf_counter()
        row_of = {item.id: row for row, item in enumerate(annotated)}
        members: dict[str, list[tuple[int, str | None]]] = defaultdict(list)
        for key, _, story_members in members_by_story(stories, row_of, joined):
            members[key].extend(story_members)
        # biggest stories first, one at a time: a story of hundreds of articles must not start last
        briefs = [(m, settings) for m in sorted(members.values(), key=len, reverse=True)]
        with progress("Briefing stories", len(briefs)) as advance:
            records = _keep(_flat_map(pool, _one_brief, briefs, advance), rejects)
        summary.seconds["brief"] = time.perf_counter() - clock
    finally:
        _ANNOTATED.clear()
        if pool:
            pool.shutdown()

    clock = time.perf_counter()
    _write(out, sorted(records, key=lambda r: r.story_id), rejects)
    summary.seconds["write"] = time.perf_counter() - clock
    summary.articles, summary.stories, summary.rejects = len(annotated), len(records), len(rejects)
    summary.partitions, summary.edge_joins = len(rows), sum(1 for k, v in joined.items() if k != v)
    summary.write(out)
    return summary


def _first_of_each_id(items: list[Article | Reject], rejects: list[Reject]) -> list[Article]:
    """Articles, one per id (the first in reading order); later copies and read failures become rejects."""
    by_id: dict[str, list[Article]] = defaultdict(list)
    for item in _keep(items, rejects):
        by_id[item.id].append(item)
    kept = _keep((r for records in by_id.values() for r in first_of_id(records)), rejects)
    return sorted(kept, key=reading_order)


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
