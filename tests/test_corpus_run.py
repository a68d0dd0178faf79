"""The corpus job on the local engine: tables, rejects, grouping across time-partition edges."""

from __future__ import annotations

import importlib
import json
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from built_corpus import EDGE, PARTITION_DAYS, write_corpus
from storyweave.corpus import JobSettings, read_table
from storyweave.corpus.partitions import UNDATED, join_stories, partition_of
from storyweave.engines.local_job import run_local
from storyweave.eval.clustering import bcubed
from storyweave.ingest import read_inputs

EXAMPLES = Path(__file__).parent.parent / "examples"
pytestmark = pytest.mark.models


def _stories_by_url(out: Path) -> dict[str, str]:
    return {row["url"]: row["story_id"] for row in read_table(out, "memberships")}


def test_partitions_count_from_the_epoch_and_undated_articles_stand_apart() -> None:
    assert partition_of(EDGE, PARTITION_DAYS) == partition_of(EDGE - timedelta(seconds=1), PARTITION_DAYS) + 1
    assert partition_of(EDGE + timedelta(days=6, hours=23), PARTITION_DAYS) == partition_of(EDGE, PARTITION_DAYS)
    assert partition_of(None, PARTITION_DAYS) == UNDATED
    assert partition_of(datetime(1970, 1, 1, tzinfo=UTC), 1) == 0


def test_the_job_lists_folders_as_brief_walks_them_and_names_what_it_cannot_open(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import os

    from storyweave.corpus.job import source_files
    from storyweave.ingest import inputs

    for name in ("a.jsonl", "sub/b.txt", "locked/c.txt", ".hidden/d.txt", ".e.txt"):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text("x", encoding="utf-8")
    real_scandir = os.scandir

    def scandir(folder):  # type: ignore[no-untyped-def]
        if Path(folder).name == "locked":  # tests run as root, which could read any folder: refuse this one here
            raise PermissionError(13, "Permission denied")
        return real_scandir(folder)

    monkeypatch.setattr(inputs.os, "scandir", scandir)
    files, unreadable = source_files([str(tmp_path), str(tmp_path / "gone.jsonl")])
    assert [Path(f).relative_to(tmp_path).as_posix() for f in files] == ["a.jsonl", "sub/b.txt"]
    assert [(Path(where).name, reason) for where, reason in unreadable] == [
        ("locked", "cannot open the folder (permission denied)"),
        ("gone.jsonl", "no such file or folder"),
    ]


def test_joined_stories_take_the_smallest_key_of_their_chain() -> None:
    joined = join_stories([("3/0", "4/2"), ("4/2", "5/1"), ("7/0", "8/0")])
    assert joined == {"3/0": "3/0", "4/2": "3/0", "5/1": "3/0", "7/0": "7/0", "8/0": "7/0"}
    assert join_stories([]) == {}


def test_examples_make_one_story_with_its_brief_in_both_formats(tmp_path: Path) -> None:
    out = tmp_path / "out"
    summary = run_local([str(EXAMPLES)], out, JobSettings(workers=1))
    assert (summary.articles, summary.stories, summary.rejects) == (4, 1, 0)
    stories = list(read_table(out, "stories"))
    assert stories == list(read_table(out, "stories", fmt="parquet"))
    assert stories[0]["articles"] == 4 and len(stories[0]["outlets"]) == 4
    (brief,) = read_table(out, "briefs")
    assert brief["schema"] == "storyweave.brief/4" and brief["story_id"] == stories[0]["story_id"]
    (row,) = read_table(out, "briefs", fmt="parquet")
    assert json.loads(row["brief"]) == brief
    text_of = {a.id: a.text for a in read_inputs([str(EXAMPLES)]).articles}
    texts = {s["number"]: text_of[s["article_id"]] for s in brief["sources"]}
    for sentence in brief["summary"]:
        for evidence in sentence["evidence"]:
            assert texts[evidence["source"]][evidence["start"] : evidence["end"]] == evidence["text"]
    assert json.loads((out / "run.json").read_text())["articles"] == 4


def test_a_built_corpus_is_grouped_across_the_partition_edge(tmp_path: Path) -> None:
    gold = write_corpus(tmp_path / "in")
    out = tmp_path / "out"
    summary = run_local([str(tmp_path / "in")], out, JobSettings(partition_days=PARTITION_DAYS, workers=2))
    assert summary.partitions >= 3 and summary.edge_joins >= 1
    found = _stories_by_url(out)
    assert found.keys() == gold.keys()
    urls = sorted(gold)
    precision, recall, f1 = bcubed([gold[u] for u in urls], [found[u] for u in urls])
    assert f1 == 1.0, (precision, recall)
    copies = [row for row in read_table(out, "memberships") if row["copy_of"]]
    assert [row["url"] for row in copies] == ["https://reprint.example/strike"]


def test_poisoned_records_are_rejected_with_their_reasons_and_the_rest_goes_on(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    stages = importlib.import_module(
        "storyweave.nlp.annotate"
    )  # the module; the package exports a function of its name

    gold = write_corpus(tmp_path / "in")
    with open(tmp_path / "in" / "articles.jsonl", "a", encoding="utf-8") as out:
        out.write('{"title": "cut off\n')
        out.write(json.dumps({"title": "No text here", "outlet": "Empty Times"}) + "\n")
        out.write(json.dumps({"title": "Poison", "text": "This article breaks the annotator.", "outlet": "X"}) + "\n")
    (tmp_path / "in" / "notes.docx").write_bytes(b"PK\x03\x04")
    real = stages.annotate_batch

    def breaks_on_poison(articles, models):  # type: ignore[no-untyped-def]
        if any("breaks the annotator" in a.text for a in articles):
            raise RuntimeError("annotator crashed")
        return real(articles, models)

    monkeypatch.setattr(stages, "annotate_batch", breaks_on_poison)
    out = tmp_path / "out"
    summary = run_local([str(tmp_path / "in"), str(tmp_path / "missing.jsonl")], out, JobSettings(workers=1))
    rejects = {(r["stage"], Path(r["where"]).name): r["reason"] for r in read_table(out, "rejects")}
    assert summary.rejects == len(rejects) == 5
    assert rejects[("annotate", "articles.jsonl:12")] == "could not be analysed (RuntimeError: annotator crashed)"
    assert "not valid JSON" in rejects[("read", "articles.jsonl:10")]
    assert "text" in rejects[("read", "articles.jsonl:11")]
    assert "unknown file type" in rejects[("read", "notes.docx")]
    assert rejects[("read", "missing.jsonl")] == "no such file or folder"
    assert set(_stories_by_url(out)) == set(gold)  # every good article still made it


def test_an_article_given_twice_is_kept_once(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    write_corpus(folder)
    (folder / "again.jsonl").write_text((folder / "articles.jsonl").read_text().splitlines()[0] + "\n")
    out = tmp_path / "out"
    run_local([str(folder)], out, JobSettings(workers=1))
    (reject,) = read_table(out, "rejects")
    assert reject["where"].endswith("articles.jsonl:1") and reject["reason"].startswith("duplicate of ")
    assert reject["reason"].endswith("again.jsonl:1")


def test_out_must_be_a_folder_the_job_owns(tmp_path: Path) -> None:
    from storyweave.errors import InputError

    (tmp_path / "holiday.jpg").write_bytes(b"")
    with pytest.raises(InputError, match="not a storyweave run's"):
        run_local([str(EXAMPLES)], tmp_path, JobSettings(workers=1))


def test_articles_with_one_text_are_annotated_once(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    stages = importlib.import_module("storyweave.nlp.annotate")

    write_corpus(tmp_path / "in")  # its WARC file holds a wire copy: one text under two outlets
    seen: list[str] = []
    real = stages.annotate_batch

    def counting(articles, models):  # type: ignore[no-untyped-def]
        seen.extend(a.text for a in articles)
        return real(articles, models)

    monkeypatch.setattr(stages, "annotate_batch", counting)
    out = tmp_path / "out"
    summary = run_local([str(tmp_path / "in")], out, JobSettings(workers=1))
    assert summary.articles == 13 and len(seen) == len(set(seen)) == 12
    (brief,) = (b for b in read_table(out, "briefs") if len(b["sources"]) == 4)
    assert {s["outlet"] for s in brief["sources"]} >= {"Reprint Daily", "Coast Courier"}


def test_spark_says_how_to_install_it_when_it_is_missing(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    import sys

    from storyweave.engines.spark import SparkUnavailable, run_spark

    monkeypatch.setitem(sys.modules, "pyspark", None)  # import pyspark now raises ImportError
    with pytest.raises(SparkUnavailable, match=r"pip install 'storyweave\[spark\]'"):
        run_spark([str(EXAMPLES)], tmp_path / "out")


def test_the_run_command_reports_counts_and_rejects(tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from storyweave.cli import app

    out = tmp_path / "out"
    result = CliRunner().invoke(app, ["run", str(EXAMPLES), str(tmp_path / "gone.jsonl"), "--out", str(out)])
    assert result.exit_code == 0, result.output
    assert "4 articles -> 1 stories, 1 rejected" in result.output
    assert "gone.jsonl: no such file or folder" in result.output
    assert (out / "briefs.jsonl" / "_SUCCESS").exists() and (out / "briefs.parquet" / "_SUCCESS").exists()


def test_a_story_has_one_id_and_one_title_in_the_store_the_corpus_tables_and_a_brief(tmp_path: Path) -> None:
    import storyweave
    from storyweave.store import Store
    from storyweave.stories.store_sync import regroup_store

    out = tmp_path / "out"
    run_local([str(EXAMPLES)], out, JobSettings(workers=1))
    ((table_id, table_title),) = [(row["story_id"], row["title"]) for row in read_table(out, "stories")]
    with Store.open(tmp_path / "store.sqlite") as store:
        store.add_annotated(storyweave.annotate(storyweave.read([str(EXAMPLES)]).articles))
        regroup_store(store)
        (record,) = store.stories()
    brief = storyweave.brief([str(EXAMPLES)])
    assert record.id == table_id == brief.story_id
    assert record.title == table_title == brief.title  # the web page shows the store's
