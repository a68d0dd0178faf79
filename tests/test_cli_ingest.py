"""``storyweave ingest`` end to end: idempotent re-runs, resuming after a kill, bad and locked databases."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from typer.testing import CliRunner

from storyweave.cli import app
from storyweave.errors import NoUsableArticles
from storyweave.ingest import read_inputs
from storyweave.store import Store, StoreError

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"

runner = CliRunner()

TOWNS = ["Port Avery", "Keswyn", "Skerrin", "Northgate", "Tessel", "Marlow", "Ashby", "Fenwick"]


def _popen(*args: str, env: dict[str, str] | None = None) -> subprocess.Popen[bytes]:
    return subprocess.Popen(
        [sys.executable, "-c", "from storyweave.cli import main; main()", *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env={**os.environ, "COLUMNS": "200", **(env or {})},
    )


def _run(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[bytes]:
    process = _popen(*args, env=env)
    out, err = process.communicate(timeout=300)
    return subprocess.CompletedProcess(process.args, process.returncode, out, err)


def _write_articles(folder: Path, count: int) -> None:
    folder.mkdir()
    for n in range(count):
        town = TOWNS[n % len(TOWNS)]
        (folder / f"article-{n:03d}.txt").write_text(
            f"Title: Council in {town} approves plan {n}\nOutlet: Gazette {n % 5}\n\n"
            f"The council of {town} approved plan number {n} on Monday. "
            f"It will cost {n + 3} million pounds, officials said.\n\n"
            f"Work on plan {n} is due to start in the spring.\n",
            encoding="utf-8",
        )


def _stored(db: Path) -> int:
    """Committed articles, read as another process would (0 until the store exists)."""
    if not db.exists():
        return 0
    try:
        with Store.open(db, readonly=True) as store:
            return store.counts()["articles"]
    except StoreError:
        return 0  # created but not yet migrated


def test_ingesting_twice_stores_nothing_the_second_time(tmp_path: Path, models) -> None:  # type: ignore[no-untyped-def]
    db = tmp_path / "s.sqlite"
    first = runner.invoke(app, ["ingest", str(EXAMPLES), "--db", str(db)])
    assert first.exit_code == 0, first.output
    assert first.stderr.strip().splitlines()[-1] == (
        "read 4 articles: 4 new, 0 already stored; skipped 0; 1 story (0 syndicated copies)"
    )
    second = runner.invoke(app, ["ingest", str(EXAMPLES), "--db", str(db)])
    assert second.exit_code == 0, second.output
    assert second.stderr.strip().splitlines()[-1] == "read 4 articles: 0 new, 4 already stored; skipped 0"
    with Store.open(db) as store:
        assert store.counts()["articles"] == store.counts()["annotations"] == 4
        ids = [a.id for a in read_inputs([str(EXAMPLES)]).articles]
        assert [a.id for a in store.annotated(ids)] == ids


def test_default_store_is_in_storyweave_home(tmp_path: Path, storyweave_home: Path, models) -> None:  # type: ignore[no-untyped-def]
    result = runner.invoke(app, ["ingest", str(EXAMPLES / "coastline-news.txt")])
    assert result.exit_code == 0, result.output
    with Store.open(storyweave_home / "storyweave.sqlite") as store:
        assert store.counts()["articles"] >= 1


def test_skipped_inputs_are_listed_and_markup_is_not_read(tmp_path: Path, models) -> None:  # type: ignore[no-untyped-def]
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "[red]odd[b].txt").write_bytes(b"")
    (folder / "copy.txt").write_bytes((EXAMPLES / "harbour-radio.txt").read_bytes())
    result = runner.invoke(app, ["ingest", str(folder), str(EXAMPLES), "--db", str(tmp_path / "s.sqlite")])
    assert result.exit_code == 0, result.output
    assert f"skipped {folder}/[red]odd[b].txt: empty file" in result.stderr
    assert "duplicate of" in result.stderr
    assert result.stderr.strip().splitlines()[-1].startswith("read 4 articles: 4 new, 0 already stored; skipped 2; ")


def test_nothing_usable_is_an_error(tmp_path: Path) -> None:
    result = runner.invoke(app, ["ingest", str(tmp_path / "missing"), "--db", str(tmp_path / "s.sqlite")])
    assert isinstance(result.exception, NoUsableArticles) and result.exception.exit_code == 2
    assert "no such file or folder" in result.stderr


def _ingest_until_first_batch(tmp_path: Path) -> tuple[Path, Path, subprocess.Popen[bytes]]:
    """Start ingesting 120 articles in batches of 8 in a subprocess; return once a batch is committed."""
    folder, db = tmp_path / "in", tmp_path / "s.sqlite"
    _write_articles(folder, 120)
    process = _popen("ingest", str(folder), "--db", str(db), "--batch", "8")
    deadline = time.monotonic() + 120
    while _stored(db) < 8 and process.poll() is None and time.monotonic() < deadline:
        time.sleep(0.05)
    return folder, db, process


def test_a_killed_ingest_resumes_where_it_stopped(tmp_path: Path, models) -> None:  # type: ignore[no-untyped-def]
    folder, db, process = _ingest_until_first_batch(tmp_path)
    process.send_signal(signal.SIGKILL)
    process.communicate(timeout=30)
    kept = _stored(db)
    assert 8 <= kept < 120, "the ingest should have been killed after its first batch and before its last"
    assert kept % 8 == 0  # whole batches only

    result = runner.invoke(app, ["ingest", str(folder), "--db", str(db), "--batch", "32"])
    assert result.exit_code == 0, result.output
    assert (
        result.stderr.strip()
        .splitlines()[-1]
        .startswith(f"read 120 articles: {120 - kept} new, {kept} already stored; skipped 0; ")
    )
    expected = [a.id for a in read_inputs([str(folder)]).articles]
    with Store.open(db) as store:
        assert store.counts()["articles"] == store.counts()["annotations"] == 120
        assert sorted(a.id for a in store.iter_articles()) == sorted(expected)
        assert len(store.annotated(expected)) == 120


def test_ctrl_c_keeps_what_was_committed(tmp_path: Path) -> None:
    _, db, process = _ingest_until_first_batch(tmp_path)
    process.send_signal(signal.SIGINT)
    _, err = process.communicate(timeout=60)
    stderr = err.decode()
    assert process.returncode == 130, stderr
    assert "Traceback" not in stderr
    assert "interrupted" in stderr and "run the same command again" in stderr
    assert _stored(db) >= 8


def test_a_corrupt_database_is_one_line_and_exit_2(tmp_path: Path) -> None:
    db = tmp_path / "s.sqlite"
    db.write_bytes(os.urandom(8192))
    result = _run("ingest", str(EXAMPLES), "--db", str(db))
    stderr = result.stderr.decode()
    assert result.returncode == 2
    assert stderr.strip() == (
        f"error: {db} is not a storyweave database (file is not a database); point --db at another file or move it away"
    )


def test_a_locked_database_is_reported_quickly(tmp_path: Path) -> None:
    db = tmp_path / "s.sqlite"
    with Store.open(db):
        pass
    holder = sqlite3.connect(db, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")
    try:
        started = time.monotonic()
        result = _run("ingest", str(EXAMPLES), "--db", str(db), env={"STORYWEAVE_DB_TIMEOUT": "0.3"})
        elapsed = time.monotonic() - started
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    stderr = result.stderr.decode()
    assert result.returncode == 2, stderr
    assert len(stderr.strip().splitlines()) == 1 and "Traceback" not in stderr
    assert f"{db} is locked by another storyweave process" in stderr
    assert "wait for it or use another --db" in stderr
    assert elapsed < 20  # no model is loaded before the store is open


@pytest.mark.parametrize("batch", ["0", "-3"])
def test_batch_must_be_positive(tmp_path: Path, batch: str) -> None:
    result = runner.invoke(app, ["ingest", str(EXAMPLES), "--db", str(tmp_path / "s.sqlite"), "--batch", batch])
    assert result.exit_code == 2
