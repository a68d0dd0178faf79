"""``storyweave eval rouge`` end to end on a tiny invented data set."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from storyweave.cli import app

pytest.importorskip("sumy")
pytest.importorskip("rouge_score")

runner = CliRunner()

CLUSTERS = [
    {
        "id": "ferry",
        "documents": [
            "A ferry carrying 212 passengers ran aground off Port Avery on Tuesday evening.\n\n"
            "Lifeboats rescued everyone on board within three hours, the coastguard said.",
            "All 212 passengers of the Island Wren were rescued after it struck a sandbank on Tuesday.\n\n"
            "Three people were treated in hospital for minor injuries, officials said.",
        ],
        "summary": "A ferry with 212 passengers ran aground off Port Avery; lifeboats rescued everyone.",
    },
    {
        "id": "bridge",
        "documents": [
            "The old stone bridge over the Mill River reopened on Friday after two years of repairs.\n\n"
            "The council said the work cost 4 million pounds and finished on budget.",
            "Traffic crossed the Mill River bridge again on Friday as repairs ended after two years.\n\n"
            "Local shops said they expected more customers now that the bridge is open.",
        ],
        "summaries": [
            "The Mill River bridge reopened on Friday after two years of repairs.",
            "After two years and 4 million pounds of work, the stone bridge reopened.",
        ],
    },
]


def _dataset(tmp_path: Path) -> Path:
    path = tmp_path / "clusters.jsonl"
    path.write_text("".join(json.dumps(c) + "\n" for c in CLUSTERS), encoding="utf-8")
    return path


def test_rouge_table_and_predictions(models, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    out = tmp_path / "out.jsonl"
    args = ["eval", "rouge", str(_dataset(tmp_path)), "--words", "30", "--peers", "lead"]
    result = runner.invoke(app, [*args, "--predictions", str(out)])
    assert result.exit_code == 0, result.output
    table = result.stdout
    assert "storyweave" in table and "lead" in table and "LexRank" not in table
    assert "R-1" in table and "R-Lsum" in table and "2 clusters" in table and "30 words" in table
    assert "storyweave annotation:" in table
    rows = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [r["id"] for r in rows] == ["ferry", "bridge"]
    assert all(r["summary"] and len(r["summary"].split()) <= 30 for r in rows)


def test_recall_limit_and_no_peers(models, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    result = runner.invoke(app, ["eval", "rouge", str(_dataset(tmp_path)), "--recall", "--peers", "", "--limit", "1"])
    assert result.exit_code == 0, result.output
    assert "ROUGE recall" in result.stdout and "1 clusters" in result.stdout and "100 words" in result.stdout
    assert "lead" not in result.stdout


def _run_cli(*args: str, code: str = "") -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", f"{code}\nfrom storyweave.cli import main; main()", *args],
        capture_output=True,
        text=True,
        env={**os.environ, "COLUMNS": "200"},
        timeout=300,
    )


def test_missing_dataset_is_one_line_exit_2(tmp_path: Path) -> None:
    result = _run_cli("eval", "rouge", str(tmp_path / "absent.jsonl"))
    assert result.returncode == 2
    assert result.stdout == ""
    assert result.stderr.count("\n") == 1 and "no such data set" in result.stderr
    assert "Traceback" not in result.stderr


def test_unknown_peer_is_exit_2(tmp_path: Path) -> None:
    result = _run_cli("eval", "rouge", str(_dataset(tmp_path)), "--peers", "lead,bogus")
    assert result.returncode == 2
    assert result.stderr.strip() == "error: unknown peer 'bogus'. Choose from lexrank, textrank, lsa, lead"


def test_missing_extra_says_how_to_install(tmp_path: Path) -> None:
    hide = "import storyweave.eval.extra as e; e.EXTRA_MODULES = {**e.EXTRA_MODULES, 'no_such_mod': 'x'}"
    result = _run_cli("eval", "rouge", str(_dataset(tmp_path)), code=hide)
    assert result.returncode == 2
    assert result.stderr.count("\n") == 1
    assert "pip install 'storyweave[eval]'" in result.stderr
    assert "Traceback" not in result.stderr
