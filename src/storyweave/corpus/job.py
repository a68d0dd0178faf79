"""What a corpus run is asked to do, and what it reports when it is done."""

from __future__ import annotations

import json
import os
from collections.abc import Callable, Sequence
from contextlib import AbstractContextManager
from dataclasses import asdict, dataclass, field
from pathlib import Path

from storyweave.corpus.tables import TABLES
from storyweave.errors import InputError
from storyweave.ingest.inputs import files_under
from storyweave.models import Skipped
from storyweave.settings import BriefSettings
from storyweave.stories.grouping import GroupingSettings

__all__ = ["JobSettings", "JobSummary", "ProgressBar", "prepare_out", "source_files"]

SUMMARY_FILE = "run.json"
# A progress display the caller may hand an engine: (what, how many) -> a context giving advance(n)
ProgressBar = Callable[[str, int], AbstractContextManager[Callable[[int], None]]]


@dataclass(frozen=True, slots=True)
class JobSettings:
    """Settings of one run; both engines read the same ones."""

    partition_days: int = 7  # width of a time partition (stories are joined across partition edges)
    workers: int | None = None  # worker processes (local) or cores (Spark); None: all of this machine's
    spark_master: str | None = None  # Spark's master URL (None: local mode on ``workers`` cores); Spark only
    grouping: GroupingSettings = field(default_factory=GroupingSettings)
    brief: BriefSettings = field(default_factory=BriefSettings)


@dataclass(slots=True)
class JobSummary:
    """Counts and stage times of a finished run (written to ``run.json`` under ``--out``)."""

    engine: str
    articles: int = 0
    stories: int = 0
    rejects: int = 0
    partitions: int = 0
    edge_joins: int = 0
    seconds: dict[str, float] = field(default_factory=dict)

    @property
    def articles_per_second(self) -> float:
        total = sum(self.seconds.values())
        return self.articles / total if total else 0.0

    def write(self, out: Path) -> None:
        document = asdict(self) | {"articles_per_second": round(self.articles_per_second, 2)}
        (out / SUMMARY_FILE).write_text(json.dumps(document, indent=2) + "\n", encoding="utf-8")


def prepare_out(out: Path) -> None:
    """Make sure ``--out`` is a folder the job may write its tables into (new, empty, or a past run's)."""
    if out.exists() and not out.is_dir():
        raise InputError(f"--out {out} is a file", "Give a folder for the run's tables")
    if out.is_dir():
        names = {p.name for p in out.iterdir()}
        ours = {f"{t}.{fmt}" for t in TABLES for fmt in ("parquet", "jsonl", "parquet.partial", "jsonl.partial")}
        strangers = names - ours - {SUMMARY_FILE}
        if strangers:
            shown = ", ".join(sorted(strangers)[:3])
            raise InputError(
                f"--out {out} holds files that are not a storyweave run's ({shown})",
                "Give an empty folder, a new one, or the folder of an earlier run",
            )
    out.mkdir(parents=True, exist_ok=True)


def source_files(paths: Sequence[str]) -> tuple[list[str], list[tuple[str, str]]]:
    """Local inputs as absolute file paths (folders walked as ``brief`` and ``ingest`` walk them), and the
    inputs that cannot be read, with the reason."""
    files: list[str] = []
    unreadable: list[tuple[str, str]] = []
    for path in paths:
        if os.path.isdir(path):
            for item in files_under(Path(path)):
                if isinstance(item, Skipped):
                    unreadable.append((item.where, item.reason))
                else:
                    files.append(os.path.abspath(item))
        elif os.path.exists(path):
            files.append(os.path.abspath(path))
        else:
            unreadable.append((path, "no such file or folder"))
    return files, unreadable
