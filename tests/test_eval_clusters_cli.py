"""``storyweave eval clusters`` end to end on a tiny invented corpus."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from storyweave.cli import app
from test_eval_clusters import fake_annotate, group_by_keyword, write_tiny

pytest.importorskip("sklearn")

runner = CliRunner(env={"COLUMNS": "200"})


@pytest.fixture
def keyword_system(monkeypatch: pytest.MonkeyPatch) -> None:
    """storyweave's row replaced by a test grouping on fake annotations (no models)."""
    import storyweave.eval.clusters as run

    monkeypatch.setattr(run, "default_systems", lambda: {"storyweave": group_by_keyword})
    monkeypatch.setattr(run, "_annotate_with_models", lambda articles, progress=None: fake_annotate(articles))


def test_table_with_an_injected_system(keyword_system: None, tmp_path: Path) -> None:
    result = runner.invoke(app, ["eval", "clusters", str(write_tiny(tmp_path / "tiny.jsonl"))])
    assert result.exit_code == 0, result.output
    table = result.stdout
    assert "8 articles" in table and "3 gold stories" in table
    for column in ("B³ P", "B³ R", "B³ F1", "ARI", "articles/s"):
        assert column in table
    storyweave_row = next(line for line in table.splitlines() if "storyweave" in line and "│" in line)
    assert "0.700" in storyweave_row and "1.000" in storyweave_row  # precision 0.7, recall 1
    assert "TF-IDF + average link (0." in table
    assert "storyweave annotation:" in table and "baseline B³ F1 by threshold: 0.5 " in table


def test_limit_and_thresholds(keyword_system: None, tmp_path: Path) -> None:
    args = ["eval", "clusters", str(write_tiny(tmp_path / "tiny.jsonl")), "--limit", "6"]
    result = runner.invoke(app, [*args, "--baseline-thresholds", "0.9, 0.3"])
    assert result.exit_code == 0, result.output
    assert "6 articles" in result.stdout and "2 gold stories" in result.stdout
    assert "by threshold: 0.3 " in result.stdout and "· 0.9 " in result.stdout


def test_baseline_alone_when_storyweave_is_not_built_in(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    import storyweave.eval.clusters as run

    monkeypatch.setattr(run, "default_systems", dict)
    result = runner.invoke(app, ["eval", "clusters", str(write_tiny(tmp_path / "tiny.jsonl"))])
    assert result.exit_code == 0, result.output
    assert "storyweave.stories is not in this build" in result.stderr
    assert "storyweave annotation" not in result.stdout and "TF-IDF + average link (" in result.stdout


@pytest.mark.models
def test_real_storyweave_grouping(models, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    pytest.importorskip("storyweave.stories")
    result = runner.invoke(app, ["eval", "clusters", str(write_tiny(tmp_path / "tiny.jsonl"))])
    assert result.exit_code == 0, result.output
    row = next(line for line in result.stdout.splitlines() if line.startswith("│ storyweave"))
    f1 = float(row.split("│")[4])
    assert 0.0 < f1 <= 1.0
    assert "storyweave annotation:" in result.stdout


def _run_cli(*args: str, code: str = "") -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", f"{code}\nfrom storyweave.cli import main; main()", *args],
        capture_output=True,
        text=True,
        env={**os.environ, "COLUMNS": "200"},
        timeout=300,
    )


def _one_error_line(result: subprocess.CompletedProcess[str], expected: str) -> None:
    assert result.returncode == 2
    assert result.stdout == ""
    assert result.stderr.count("\n") == 1 and expected in result.stderr, result.stderr
    assert "Traceback" not in result.stderr


def test_missing_dataset(tmp_path: Path) -> None:
    _one_error_line(_run_cli("eval", "clusters", str(tmp_path / "absent.jsonl")), "no such data set")


def test_bad_json_line_and_line_without_story(tmp_path: Path) -> None:
    path = tmp_path / "bad.jsonl"
    path.write_text('{"story": "a", "text": "fine"}\n{"story": "a", "text": \n', encoding="utf-8")
    _one_error_line(_run_cli("eval", "clusters", str(path)), "bad.jsonl:2: not valid JSON")
    path.write_text('{"story": "a", "text": "fine"}\n\n{"text": "no story"}\n', encoding="utf-8")
    _one_error_line(_run_cli("eval", "clusters", str(path)), 'bad.jsonl:3: no "story"')


def test_bad_threshold(tmp_path: Path) -> None:
    result = _run_cli("eval", "clusters", str(write_tiny(tmp_path / "t.jsonl")), "--baseline-thresholds", "0.8,x")
    _one_error_line(result, "bad --baseline-thresholds value 'x'")


def test_missing_extra_says_how_to_install(tmp_path: Path) -> None:
    hide = "import storyweave.eval.extra as e; e.CLUSTER_MODULES = {**e.CLUSTER_MODULES, 'no_such_mod': 'x'}"
    result = _run_cli("eval", "clusters", str(write_tiny(tmp_path / "t.jsonl")), code=hide)
    _one_error_line(result, "pip install 'storyweave[eval]'")
    assert "missing: x" in result.stderr
