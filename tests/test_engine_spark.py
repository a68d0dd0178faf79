"""The Spark engine in local mode (local[2]) gives the local engine's stories and briefs, and rejects bad records."""

from __future__ import annotations

import importlib.util
import json
import shutil
from dataclasses import replace
from pathlib import Path

import pytest

from built_corpus import PARTITION_DAYS, write_corpus
from storyweave.corpus import JobSettings, read_table
from storyweave.engines.local_job import run_local
from storyweave.eval.clustering import bcubed

EXAMPLES = Path(__file__).parent.parent / "examples"

pytestmark = [
    pytest.mark.models,
    pytest.mark.skipif(importlib.util.find_spec("pyspark") is None, reason="pyspark is not installed (extra: spark)"),
    pytest.mark.skipif(shutil.which("java") is None, reason="Spark needs Java 17, and java is not on PATH"),
]


@pytest.fixture(scope="module")
def runs(tmp_path_factory: pytest.TempPathFactory) -> dict[str, tuple[Path, Path]]:
    """Both engines on examples/ and on a built corpus with poisoned records: name -> (local out, spark out)."""
    from storyweave.engines.spark import run_spark

    root = tmp_path_factory.mktemp("engines")
    corpus = root / "corpus"
    write_corpus(corpus)
    with open(corpus / "articles.jsonl", "a", encoding="utf-8") as out:
        out.write("{not json\n")
        out.write(json.dumps({"title": "Empty", "outlet": "Nobody"}) + "\n")
    inputs = {"examples": [str(EXAMPLES)], "corpus": [str(corpus), str(root / "missing.warc")]}
    settings = JobSettings(partition_days=PARTITION_DAYS, workers=2)
    done = {}
    for name, paths in inputs.items():
        local, spark = root / f"{name}-local", root / f"{name}-spark"
        run_local(paths, local, settings)
        run_spark(paths, spark, replace(settings, spark_master="local[2]"))
        done[name] = (local, spark)
    return done


def _groups(out: Path) -> dict[str, str]:
    return {row["article_id"]: row["story_id"] for row in read_table(out, "memberships", fmt="parquet")}


@pytest.mark.parametrize("name", ["examples", "corpus"])
def test_spark_finds_the_local_engines_stories(runs, name: str) -> None:  # type: ignore[no-untyped-def]
    local, spark = (_groups(out) for out in runs[name])
    assert local.keys() == spark.keys()
    ids = sorted(local)
    assert bcubed([local[i] for i in ids], [spark[i] for i in ids])[2] >= 0.98
    assert len(set(spark.values())) >= (1 if name == "examples" else 4)


@pytest.mark.parametrize("name", ["examples", "corpus"])
def test_identical_stories_get_identical_briefs(runs, name: str) -> None:  # type: ignore[no-untyped-def]
    local, spark = ({b["story_id"]: b for b in read_table(out, "briefs")} for out in runs[name])
    shared = local.keys() & spark.keys()
    assert shared and shared == local.keys()
    for story in shared:
        assert spark[story] == local[story]
    assert sorted(read_table(runs[name][1], "stories"), key=lambda r: r["story_id"]) == list(
        read_table(runs[name][0], "stories")
    )


def test_spark_rejects_bad_records_without_failing(runs) -> None:  # type: ignore[no-untyped-def]
    local, spark = (
        sorted((r["stage"], Path(r["where"]).name) for r in read_table(out, "rejects")) for out in runs["corpus"]
    )
    assert spark == local == [("read", "articles.jsonl:10"), ("read", "articles.jsonl:11"), ("read", "missing.warc")]
    summary = json.loads((runs["corpus"][1] / "run.json").read_text())
    assert summary["engine"] == "spark" and summary["rejects"] == 3 and summary["edge_joins"] >= 1
