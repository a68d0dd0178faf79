"""The corpus job on Apache Spark: the stages of ``storyweave.corpus`` on RDD partitions.

- read: ``binaryFiles`` hands each file's bytes to the same readers the local engine uses;
- one record per article id is kept (the first in reading order); later copies are rejects;
- annotate: ``mapPartitions`` in batches; the models load once per Python worker process (``load_models``
  is cached and Spark reuses its Python workers), never per row;
- group: by time partition (``groupByKey``), then the stories near each partition edge are merged
  (``groupByKey`` on the edge); the joined pairs are few and are resolved on the driver;
- brief: members are grouped by story and each story's brief is made where its articles are.

pyspark is an optional extra: ``pip install 'storyweave[spark]'``.
"""

from __future__ import annotations

import gc
import os
import shutil
import sys
from collections.abc import Callable, Iterable, Iterator, Sequence
from functools import partial
from pathlib import Path
from typing import Any

from storyweave.corpus.job import JobSettings, JobSummary, ProgressBar, source_files
from storyweave.corpus.ordering import reading_order
from storyweave.corpus.partitions import (
    PartitionStory,
    edge_entries,
    group_partition,
    join_stories,
    members_by_story,
    merge_edge,
    partition_of,
)
from storyweave.corpus.run import is_url, run_job
from storyweave.corpus.stages import (
    Reject,
    annotate_copies,
    brief_story,
    first_of_id,
    local_path,
    read_file,
    text_key,
)
from storyweave.corpus.tables import TABLES, Row, StoryRows, spark_schema, write_tables
from storyweave.errors import StoryweaveError
from storyweave.models import AnnotatedArticle, Article
from storyweave.nlp.loader import Models, load_models, load_parser
from storyweave.settings import BriefSettings
from storyweave.stories.grouping import GroupingSettings
from storyweave.threads import one_thread_each

__all__ = ["SparkUnavailable", "run_spark", "spark_session"]

ARTICLES_PER_TASK = 256  # annotation tasks: small enough to spread over the cores, big enough to batch
STORIES_PER_FILE = 5000  # output part files hold about this many stories each


class SparkUnavailable(StoryweaveError):
    """pyspark or Java is missing."""

    exit_code = 3


def _require_pyspark() -> None:
    try:
        import pyspark  # noqa: F401
    except ImportError:
        raise SparkUnavailable(
            "--engine spark needs pyspark, which is not installed",
            "Install it with: pip install 'storyweave[spark]' (or use --engine local)",
        ) from None
    if not shutil.which("java") and not os.environ.get("JAVA_HOME"):
        raise SparkUnavailable(
            "--engine spark needs Java 17 or newer, and no java was found",
            "Install a JDK (Debian: apt-get install openjdk-17-jre-headless) or set JAVA_HOME",
        )


def spark_session(master: str | None, cores: int | None = None) -> Any:
    """A Spark session for the job (the master given, else local mode on ``cores`` or all cores)."""
    _require_pyspark()
    from pyspark.sql import SparkSession

    builder = SparkSession.builder.appName("storyweave")
    if master or "PYSPARK_GATEWAY_PORT" not in os.environ:  # under spark-submit, its --master and Python stand
        os.environ.setdefault("PYSPARK_PYTHON", sys.executable)  # workers run this environment's Python
        if not master or master.startswith("local"):
            os.environ.setdefault("SPARK_LOCAL_IP", "127.0.0.1")
        builder = builder.master(master or f"local[{cores or '*'}]")
    builder = (
        builder.config("spark.ui.enabled", "false")
        .config("spark.ui.showConsoleProgress", "false")
        .config("spark.python.worker.reuse", "true")
        .config("spark.sql.session.timeZone", "UTC")
        .config("spark.driver.memory", os.environ.get("STORYWEAVE_SPARK_DRIVER_MEMORY", "4g"))
        .config("spark.hadoop.mapreduce.input.fileinputformat.input.dir.recursive", "true")
    )
    try:
        spark = builder.getOrCreate()
    except Exception as err:  # the JVM failed to start: Java is missing or too old
        first_line = str(err).splitlines()[0][:200] if str(err) else type(err).__name__
        raise SparkUnavailable(
            f"Spark could not start ({first_line})", "Check that Java 17 or newer is installed"
        ) from None
    spark.sparkContext.setLogLevel("ERROR")
    return spark


def _read(pair: tuple[str, bytes]) -> list[Article | Reject]:
    path, data = pair
    return read_file(local_path(path), data)


def _models_in_worker() -> Models:
    """The models, loaded once per Python worker, then frozen out of the garbage collector's sight.

    A reused PySpark worker runs a full ``gc.collect()`` after every task; walking the models' millions of
    objects each time cost seconds a task (minutes a run), so once loaded they are moved to the permanent
    generation.
    """
    global _frozen
    if not _frozen:
        one_thread_each()  # Spark runs a Python worker per core
        load_models(threads=1)
        load_parser().load()  # the models' parser, which loads on first use: frozen with the rest
        gc.freeze()
        _frozen = True
    return load_models(threads=1)


_frozen = False


def _annotate(copies: Iterator[tuple[str, Iterable[Article]]]) -> Iterator[AnnotatedArticle | Reject]:
    models = _models_in_worker()
    return annotate_copies((sorted(group, key=reading_order) for _, group in copies), models)


def _brief_partition(
    parts: Iterator[list[tuple[AnnotatedArticle, str | None]]], settings: BriefSettings
) -> Iterator[StoryRows | Reject]:
    """Each story's brief, kept as the rows it writes (the brief as JSON text): the write stage then reads
    each table's rows without taking whole brief documents apart again."""
    models = _models_in_worker()
    for members in parts:
        record = brief_story(members, settings, models)
        yield record if isinstance(record, Reject) else record.rows()


def _spark_inputs(paths: Sequence[str]) -> tuple[list[str], list[tuple[str, str]]]:
    """Paths Spark reads itself (URLs such as hdfs:// or s3a://) are passed on; local ones are listed here."""
    remote = [p for p in paths if is_url(p)]
    files, unreadable = source_files([local_path(p) for p in paths if p not in remote])
    return files + remote, unreadable


def run_spark(
    paths: Sequence[str], out: str | Path, settings: JobSettings | None = None, progress: ProgressBar | None = None
) -> JobSummary:
    """Run the corpus job on Spark (``settings.spark_master``, else local mode); the tables land under ``out``:
    a local folder, or any URL Spark writes to (hdfs://, s3a://), where run.json is left out. Spark shows no
    ``progress``."""
    return run_job(_SparkJob(settings or JobSettings()), paths, out)


class _SparkJob:
    """The stages as RDD steps; each step's rejects are kept aside and written together at the end."""

    engine = "spark"

    def __init__(self, settings: JobSettings) -> None:
        self.settings = settings
        self.rejects: list[Any] = []  # RDDs holding Reject records among others

    def start(self) -> None:
        self.spark = spark_session(self.settings.spark_master, self.settings.workers)
        self.sc = self.spark.sparkContext
        from pyspark import StorageLevel

        self.disk = StorageLevel.MEMORY_AND_DISK  # annotations are costly to remake: spill them, never recompute

    def read(self, paths: Sequence[str]) -> None:
        files, unreadable = _spark_inputs(paths)
        self.rejects.append(self.sc.parallelize([Reject("read", w, reason) for w, reason in unreadable], 1))
        read = self.sc.binaryFiles(",".join(files)).flatMap(_read) if files else self.sc.emptyRDD()
        read = read.persist(self.disk)
        kept = read.filter(_is_good).keyBy(lambda a: a.id).groupByKey().flatMap(lambda pair: first_of_id(pair[1]))
        self.rejects += [read, kept]
        self.articles = kept.filter(_is_good)
        self.count = self.articles.count()

    def annotate(self) -> int:
        tasks = max(self.sc.defaultParallelism, -(-self.count // ARTICLES_PER_TASK))
        done = self.articles.keyBy(text_key).groupByKey(tasks).mapPartitions(_annotate).persist(self.disk)
        self.rejects.append(done)
        self.annotated = done.filter(_is_good)
        return int(self.annotated.count())

    def group(self) -> tuple[int, dict[str, str]]:
        days, grouping = self.settings.partition_days, self.settings.grouping
        self.grouped = (
            self.annotated.keyBy(lambda a: partition_of(a.article.published, days))
            .groupByKey()
            .map(lambda pair: _group(pair[0], pair[1], days, grouping))
            .persist(self.disk)
        )
        pairs = (
            self.grouped.flatMap(lambda g: [entry for s in g[0] for entry in edge_entries(s)])
            .groupByKey()
            .flatMap(lambda pair: merge_edge(list(pair[1]), grouping))
            .collect()
        )
        joined = join_stories(pairs)
        self.joined = self.sc.broadcast(joined)
        return int(self.grouped.count()), joined

    def brief(self) -> int:
        settings, joined = self.settings.brief, self.joined
        parts = self.grouped.flatMap(lambda g: members_by_story(g[0], g[1], joined.value))
        # a story inside one partition is briefed where its articles are; only stories joined across an edge move
        alone = parts.filter(lambda p: not p[1]).map(lambda p: p[2])
        crossing = (
            parts.filter(lambda p: p[1])
            .map(lambda p: (p[0], p[2]))
            .groupByKey()
            .map(lambda pair: [m for members in pair[1] for m in members])
        )
        briefed = alone.union(crossing).mapPartitions(lambda part: _brief_partition(part, settings))
        records = briefed.persist(self.disk)
        self.rejects.append(records)
        good = records.filter(_is_good)
        stories = int(good.count())
        self.records = good.coalesce(max(1, -(-stories // STORIES_PER_FILE)))
        return stories

    def write(self, out: str) -> int:
        rejects = self.sc.union([rdd.filter(lambda x: isinstance(x, Reject)) for rdd in self.rejects])
        rejects = rejects.coalesce(1).persist(self.disk)
        write_tables(partial(_write, self.spark, out), self.records, rejects)
        return int(rejects.count())

    def close(self) -> None:
        """The session stays: Spark keeps one per process, which a later run reuses."""


def _is_good(item: object) -> bool:
    return not isinstance(item, Reject)


def _group(
    partition: int, articles: Iterable[AnnotatedArticle], days: int, grouping: GroupingSettings
) -> tuple[list[PartitionStory], dict[str, AnnotatedArticle]]:
    """One time partition's stories, and its articles by id (kept beside them for the briefs)."""
    by_id = {a.id: a for a in articles}
    return group_partition(partition, by_id.values(), days=days, settings=grouping), by_id


def _write(
    spark: Any, out: str, table: str, items: Any, rows_of: Callable[[Any], list[Row]], lines_column: str | None
) -> None:
    """A table as Parquet and as JSON Lines, each replacing any earlier run's (``rows_of`` each item).

    The rows cross from Python into a DataFrame once, kept while both formats are written from it in
    the JVM: the JSON Lines hold each row as an object (nulls kept), or only ``lines_column``'s text
    when that column already holds a JSON document (the briefs).
    """
    from pyspark import StorageLevel

    columns = [name for name, _ in TABLES[table]]
    rows = items.flatMap(rows_of).map(lambda row: tuple(row[c] for c in columns))
    frame = spark.createDataFrame(rows, spark_schema(table))
    frame = frame.persist(StorageLevel.MEMORY_AND_DISK)
    try:
        frame.write.mode("overwrite").parquet(f"{out}/{table}.parquet")
        if lines_column:
            frame.select(lines_column).write.mode("overwrite").text(f"{out}/{table}.jsonl")
        else:
            frame.write.mode("overwrite").option("ignoreNullFields", "false").json(f"{out}/{table}.jsonl")
    finally:
        frame.unpersist()
