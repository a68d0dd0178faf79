"""Hostile input: every input of ``hostile_inputs`` in small versions, through lowered limits, beside two good
articles. Never a traceback, exit status 0 or 2, the good articles always used."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from hostile_inputs import GOOD_OUTLETS, MAKERS, write_good

# Limits lowered so that small inputs cross them (the defaults are for real news, see storyweave.limits).
LOW_LIMITS = {
    "STORYWEAVE_MAX_FILE_BYTES": "2m",
    "STORYWEAVE_MAX_RECORD_BYTES": "256k",
    "STORYWEAVE_MAX_ARCHIVE_BYTES": "8m",
    "STORYWEAVE_MAX_ARTICLE_CHARS": "20000",
    "STORYWEAVE_MAX_ARTICLE_SENTENCES": "500",
    "STORYWEAVE_MAX_SENTENCE_CHARS": "500",
    "STORYWEAVE_MAX_BRIEF_ARTICLES": "100",
    "STORYWEAVE_MAX_ANALYSED_ARTICLES": "20",
}
# How big each input is made here: over the lowered limit it tests, small enough for the suite.
SCALES = {
    "long-token": 0.05,  # 50,000 characters: over the article limit
    "long-sentence": 0.01,  # 2,000 words in one sentence: cut into pieces the models read
    "short-sentences": 0.01,  # 1,000 sentences: over the sentence limit
    "huge-line": 0.001,  # a 50 KB line: over the article limit
    "gzip-nul-warc": 0.05,  # 10 MB of NUL bytes in 10 KB of gzip
    "huge-feed": 0.02,  # 200 entries: more than a brief reads
    "many-articles": 0.03,  # 150 articles: more than a brief reads
    "many-quotes": 0.2,
}
TOO_MANY_FOR_A_BRIEF = {"huge-feed", "many-articles"}
# The outlet of a good record inside a bad file, which must be read too.
GOOD_INSIDE = {"jsonl-bad-records": "Line Post", "feed-surrogate": "Hostile Herald"}


def _storyweave(*args: str, home: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, **LOW_LIMITS, "STORYWEAVE_HOME": str(home), "COLUMNS": "200"}
    return subprocess.run(
        [sys.executable, "-c", "from storyweave.cli import main; main()", *args],
        capture_output=True,
        text=True,
        env=env,
        timeout=300,
        stdin=subprocess.DEVNULL,
    )


@pytest.fixture(scope="module")
def good(tmp_path_factory: pytest.TempPathFactory) -> list[str]:
    return write_good(tmp_path_factory.mktemp("good"))


@pytest.mark.parametrize("name", sorted(MAKERS))
def test_hostile_input_beside_good_articles(name: str, tmp_path: Path, good: list[str]) -> None:
    make, what = MAKERS[name]
    bad = make(tmp_path, SCALES.get(name, 1.0))

    briefed = _storyweave("brief", bad, *good, home=tmp_path / "home")
    assert "Traceback" not in briefed.stderr, f"{what}: {briefed.stderr[-2000:]}"
    if name in TOO_MANY_FOR_A_BRIEF:
        assert briefed.returncode == 2, what
        (line,) = [line for line in briefed.stderr.splitlines() if line.startswith("error:")]
        assert "more than one brief reads" in line and "storyweave ingest" in line
    else:
        assert briefed.returncode == 0, f"{what}: {briefed.stderr[-2000:]}"
        assert all(outlet in briefed.stdout for outlet in GOOD_OUTLETS), what
        assert GOOD_INSIDE.get(name, GOOD_OUTLETS[0]) in briefed.stdout, "the good record inside was lost"
    assert "\x1b" not in briefed.stdout and "\x07" not in briefed.stdout, "control characters reach the terminal"

    db = tmp_path / "store.sqlite"
    ingested = _storyweave("ingest", bad, *good, "--db", str(db), home=tmp_path / "home")
    assert ingested.returncode == 0 and "Traceback" not in ingested.stderr, f"{what}: {ingested.stderr[-2000:]}"
    with sqlite3.connect(db) as connection:
        outlets = {row[0] for row in connection.execute("SELECT outlet FROM articles")}
        unplaced = connection.execute(
            "SELECT count(*) FROM articles a WHERE NOT EXISTS (SELECT 1 FROM story_members m WHERE m.article_id = a.id)"
        ).fetchone()[0]
    assert set(GOOD_OUTLETS) <= outlets and unplaced == 0, what


def test_every_skip_and_cut_names_its_limit(tmp_path: Path, good: list[str]) -> None:
    inputs = [MAKERS[name][0](tmp_path, SCALES[name]) for name in ("long-token", "short-sentences", "gzip-nul-warc")]
    briefed = _storyweave("brief", *inputs, *good, home=tmp_path / "home")
    skipped = [line for line in briefed.stderr.splitlines() if line.startswith("skipped")]
    assert len(skipped) == 3, briefed.stderr
    assert "STORYWEAVE_MAX_ARTICLE_CHARS" in skipped[0] and "50,0" in skipped[0]
    assert "STORYWEAVE_MAX_ARTICLE_SENTENCES" in skipped[1]
    assert "not a WARC file" in skipped[2]


def test_a_bad_limit_setting_is_one_line(tmp_path: Path, good: list[str]) -> None:
    env_home = tmp_path / "home"
    result = subprocess.run(
        [sys.executable, "-c", "from storyweave.cli import main; main()", "brief", *good],
        capture_output=True,
        text=True,
        env={**os.environ, "STORYWEAVE_HOME": str(env_home), "STORYWEAVE_MAX_ARTICLE_CHARS": "lots"},
        timeout=300,
    )
    assert result.returncode == 2 and "Traceback" not in result.stderr
    assert "STORYWEAVE_MAX_ARTICLE_CHARS='lots' is not a positive whole number" in result.stderr
