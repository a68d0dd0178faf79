"""The job's output tables: their columns, and writing and reading them as Parquet and JSON Lines.

Under ``--out`` each table is a folder of part files, as Spark writes them, in both formats:
``stories.parquet/``, ``stories.jsonl/``, and the same for ``memberships``, ``briefs`` and ``rejects``.
The local engine writes one part per table; Spark writes one per task. ``read_table`` reads either.
The ``briefs`` JSON Lines hold one brief document (schema storyweave.brief/4) a line; the Parquet table
holds the same document as a JSON string beside its story id.
"""

from __future__ import annotations

import json
import os
import shutil
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

from storyweave.errors import StoryweaveError

if TYPE_CHECKING:
    from storyweave.corpus.stages import Reject

__all__ = [
    "TABLES",
    "Row",
    "StoryRows",
    "TableWriter",
    "brief_parquet_row",
    "json_line",
    "read_table",
    "spark_schema",
    "write_local_table",
    "write_tables",
]

# table -> (column, type); types: string, int, strings (a list of strings)
TABLES: dict[str, list[tuple[str, str]]] = {
    "stories": [
        ("story_id", "string"),
        ("title", "string"),
        ("first_published", "string"),
        ("last_published", "string"),
        ("articles", "int"),
        ("outlets", "strings"),
    ],
    "memberships": [
        ("story_id", "string"),
        ("article_id", "string"),
        ("copy_of", "string"),
        ("outlet", "string"),
        ("title", "string"),
        ("url", "string"),
        ("published", "string"),
        ("path", "string"),
    ],
    "briefs": [("story_id", "string"), ("brief", "string")],
    "rejects": [("stage", "string"), ("where", "string"), ("reason", "string"), ("article_id", "string")],
}

_SPARK_TYPES = {"string": "STRING", "int": "BIGINT", "strings": "ARRAY<STRING>"}


def spark_schema(table: str) -> str:
    """A table's columns as a Spark DDL schema string."""
    return ", ".join(f"`{name}` {_SPARK_TYPES[kind]}" for name, kind in TABLES[table])


def _arrow_schema(table: str) -> Any:
    import pyarrow as pa

    types = {"string": pa.string(), "int": pa.int64(), "strings": pa.list_(pa.string())}
    return pa.schema([(name, types[kind]) for name, kind in TABLES[table]])


def json_line(document: dict[str, Any]) -> str:
    """One JSON Lines record as the local engine writes it (Spark's JSON writer writes the same values)."""
    return json.dumps(document, ensure_ascii=False, allow_nan=False, separators=(",", ":"))


def brief_parquet_row(brief: dict[str, Any]) -> dict[str, Any]:
    return {"story_id": brief["story_id"], "brief": json_line(brief)}


Row = dict[str, Any]
StoryRows = tuple[Row, list[Row], Row]  # one story's rows of the stories, memberships and briefs tables
# An engine's writer of one table: (table, items: a list here or an RDD on Spark, each item's rows,
# the column that already holds each row's JSON Lines text or None)
TableWriter = Callable[[str, Any, Callable[[Any], list[Row]], str | None], None]


def write_tables(write: TableWriter, stories: Any, rejects: Any) -> None:
    """Every table of the job: the stories' rows (``StoryRows`` each) into three, the rejects into the fourth."""
    write("stories", stories, _story_row, None)
    write("memberships", stories, _membership_rows, None)
    write("briefs", stories, _brief_row, "brief")
    write("rejects", rejects, _reject_row, None)


def _story_row(rows: StoryRows) -> list[Row]:
    return [rows[0]]


def _membership_rows(rows: StoryRows) -> list[Row]:
    return rows[1]


def _brief_row(rows: StoryRows) -> list[Row]:
    return [rows[2]]


def _reject_row(reject: Reject) -> list[Row]:
    return [reject.as_dict()]


def write_local_table(out: Path, table: str, rows: list[dict[str, Any]], lines: Iterable[str] | None = None) -> None:
    """Write a table as one Parquet part and one JSON Lines part (``lines``, or the rows themselves)."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    for folder, write in (
        (out / f"{table}.parquet", lambda f: pq.write_table(pa.Table.from_pylist(rows, _arrow_schema(table)), f)),
        (out / f"{table}.jsonl", lambda f: _write_lines(f, lines if lines is not None else map(json_line, rows))),
    ):
        staging = folder.with_name(folder.name + ".partial")
        shutil.rmtree(staging, ignore_errors=True)
        staging.mkdir(parents=True)
        suffix = ".parquet" if folder.suffix == ".parquet" else ".jsonl"
        write(staging / f"part-00000{suffix}")
        (staging / "_SUCCESS").touch()
        shutil.rmtree(folder, ignore_errors=True)
        os.replace(staging, folder)


def _write_lines(path: Path, lines: Iterable[str]) -> None:
    with open(path, "w", encoding="utf-8") as out:
        for line in lines:
            out.write(line + "\n")


def _parts(folder: Path) -> list[Path]:
    if not (folder / "_SUCCESS").exists():
        raise StoryweaveError(
            f"{folder} is missing or incomplete",
            "Run `storyweave run` again with this --out folder; it rewrites every table",
        )
    return sorted(p for p in folder.iterdir() if p.name.startswith("part-") and not p.name.endswith(".crc"))


def read_table(out: str | Path, table: str, *, fmt: str = "jsonl") -> Iterator[dict[str, Any]]:
    """The rows of one output table (``fmt`` jsonl or parquet), from either engine's output."""
    folder = Path(out) / f"{table}.{fmt}"
    for part in _parts(folder):
        if fmt == "parquet":
            import pyarrow.parquet as pq

            yield from pq.read_table(part).to_pylist()
        else:
            with open(part, encoding="utf-8") as lines:
                yield from (json.loads(line) for line in lines if line.strip())
