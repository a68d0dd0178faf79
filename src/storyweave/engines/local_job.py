"""The corpus job on this machine: the stages of ``storyweave.corpus`` on a pool of worker processes."""

from __future__ import annotations

import multiprocessing
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from concurrent.futures import Executor, ProcessPoolExecutor
from contextlib import AbstractContextManager, nullcontext
from functools import partial
from pathlib import Path
from typing import Any, TypeVar

from storyweave.corpus.job import JobSettings, JobSummary, ProgressBar, source_files
from storyweave.corpus.ordering import reading_order
from storyweave.corpus.partitions import PartitionStory, group_partition, join_edges, members_by_story, partition_of
from storyweave.corpus.run import is_url, run_job
from storyweave.corpus.stages import (
    BriefedStory,
    Reject,
    annotate_copies,
    brief_story,
    first_of_id,
    read_file,
    text_key,
)
from storyweave.corpus.tables import Row, write_local_table, write_tables
from storyweave.engines.local import default_workers
from storyweave.errors import InputError
from storyweave.models import AnnotatedArticle, Article
from storyweave.nlp.loader import load_models, preload_parser
from storyweave.threads import one_thread_each

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


def _brief(task: tuple[list[tuple[int, str | None]], JobSettings]) -> BriefedStory | Reject:
    members, settings = task
    return brief_story([(_ANNOTATED[row], copy) for row, copy in members], settings.brief)


def _one_brief(task: tuple[list[tuple[int, str | None]], JobSettings]) -> list[BriefedStory | Reject]:
    return [_brief(task)]


def _pool(workers: int) -> ProcessPoolExecutor | None:
    if workers < 2:
        return None
    fork = "fork" in multiprocessing.get_all_start_methods()
    context = multiprocessing.get_context("fork") if fork else None
    return ProcessPoolExecutor(max_workers=workers, mp_context=context, initializer=one_thread_each)


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


def _quiet(label: str, total: int) -> AbstractContextManager[Callable[[int], None]]:
    return nullcontext(lambda n: None)


def run_local(
    paths: Sequence[str], out: str | Path, settings: JobSettings | None = None, progress: ProgressBar | None = None
) -> JobSummary:
    """Read, annotate, group and brief every article under ``paths``; write the tables under ``out`` (a folder).
    ``progress`` shows how the annotate and brief stages advance (articles and stories a second, time left)."""
    if is_url(str(out)):
        raise InputError(f"the local engine writes to a folder, not to {out}", "Use --engine spark for URLs")
    return run_job(_LocalJob(settings or JobSettings(), progress or _quiet), paths, out)


class _LocalJob:
    """The stages on this machine: reading and annotating on one pool, grouping and briefs on a second one,
    forked once the annotations are made so that its workers inherit them."""

    engine = "local"

    def __init__(self, settings: JobSettings, progress: ProgressBar) -> None:
        self.settings, self.progress = settings, progress
        self.workers = settings.workers or default_workers()
        self.pool: ProcessPoolExecutor | None = None
        self.rejects: list[Reject] = []

    def start(self) -> None:
        """The workers start in the read stage, as they always have (their start is part of its time)."""

    def read(self, paths: Sequence[str]) -> None:
        self.pool = _pool(self.workers)
        files, unreadable = source_files(paths)
        self.rejects += [Reject("read", where, reason) for where, reason in unreadable]
        self.articles = _first_of_each_id(_flat_map(self.pool, _read, files), self.rejects)

    def annotate(self) -> int:
        copies: dict[str, list[Article]] = defaultdict(list)
        for article in self.articles:
            copies[text_key(article)].append(article)
        with self.progress("Annotating articles", len(self.articles)) as advance:
            done = _flat_map(self.pool, _annotate_chunk, _chunks(list(copies.values())), advance)
        self.annotated: list[AnnotatedArticle] = _keep(done, self.rejects)
        self.close()
        return len(self.annotated)

    def group(self) -> tuple[int, dict[str, str]]:
        _ANNOTATED[:] = self.annotated
        if self.workers > 1:
            preload_parser()  # the brief workers inherit it rather than each loading its own
        self.pool = _pool(self.workers)  # forked now, so the workers hold the annotations
        rows: dict[int, list[int]] = defaultdict(list)
        for row, item in enumerate(self.annotated):
            rows[partition_of(item.article.published, self.settings.partition_days)].append(row)
        tasks = [(p, members, self.settings) for p, members in sorted(rows.items())]
        self.stories = _flat_map(self.pool, _group, tasks)
        self.joined = join_edges(self.stories, self.settings.grouping)
        return len(rows), self.joined

    def brief(self) -> int:
        row_of = {item.id: row for row, item in enumerate(self.annotated)}
        members: dict[str, list[tuple[int, str | None]]] = defaultdict(list)
        for key, _, story_members in members_by_story(self.stories, row_of, self.joined):
            members[key].extend(story_members)
        # biggest stories first, one at a time: a story of hundreds of articles must not start last
        briefs = [(m, self.settings) for m in sorted(members.values(), key=len, reverse=True)]
        with self.progress("Briefing stories", len(briefs)) as advance:
            records: list[BriefedStory] = _keep(_flat_map(self.pool, _one_brief, briefs, advance), self.rejects)
        self.close()
        self.records = [r.rows() for r in sorted(records, key=lambda r: r.story_id)]
        return len(records)

    def write(self, out: str) -> int:
        write_tables(partial(_write_table, Path(out)), self.records, self.rejects)
        return len(self.rejects)

    def close(self) -> None:
        _ANNOTATED.clear()
        if self.pool:
            self.pool.shutdown()
            self.pool = None


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


def _write_table(
    out: Path, table: str, items: list[Any], rows_of: Callable[[Any], list[Row]], lines_column: str | None
) -> None:
    rows = [row for item in items for row in rows_of(item)]
    write_local_table(out, table, rows, (row[lines_column] for row in rows) if lines_column else None)
