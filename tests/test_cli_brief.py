"""``storyweave brief`` end to end: formats, output file, bad input, exit codes."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import jsonschema
import pytest
from typer.testing import CliRunner

from storyweave.cli import app
from storyweave.document import load_schema

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"

runner = CliRunner()


def _run_cli(*args: str, stdin: bytes | None = None) -> subprocess.CompletedProcess[bytes]:
    """The installed entry point in a fresh process, as a user runs it."""
    return subprocess.run(
        [sys.executable, "-c", "from storyweave.cli import main; main()", *args],
        input=stdin,
        capture_output=True,
        env={**os.environ, "COLUMNS": "200"},
        timeout=300,
    )


def _bad_inputs(folder: Path) -> None:
    (folder / "empty.txt").write_bytes(b"")
    (folder / "binary.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4)
    (folder / "slides.pdf").write_bytes(b"%PDF-1.4 not for us")
    (folder / "feed.jsonl").write_text('{"title": "no text here"}\nnot json at all\n', encoding="utf-8")
    (folder / "menu.html").write_text(
        "<html><head><title>Home</title></head><body><nav><a href='/'>Home</a></nav></body></html>",
        encoding="utf-8",
    )


def test_markdown_brief_of_the_examples(models) -> None:  # type: ignore[no-untyped-def]
    result = runner.invoke(app, ["brief", str(EXAMPLES), "--words", "120"])
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("# ")
    assert "## Summary" in result.stdout and "## Sources" in result.stdout
    assert "[1]" in result.stdout and "Harbour Radio" in result.stdout
    assert "used 4 articles, skipped 0" in result.stderr


def test_json_brief_follows_the_written_schema(models, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    out = tmp_path / "brief.json"
    result = runner.invoke(app, ["brief", str(EXAMPLES), "--format", "json", "--out", str(out)])
    assert result.exit_code == 0, result.output
    document = json.loads(out.read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator(load_schema()).validate(document)
    assert document["schema"] == "storyweave.brief/4"
    assert document["analysis"]["claims"]
    texts = {s["path"]: Path(s["path"]).read_text(encoding="utf-8") for s in document["sources"]}
    by_number = {s["number"]: s for s in document["sources"]}
    for sentence in document["summary"]:
        cited = {e["source"] for e in sentence["evidence"] if e["support"] != "contradicts"}
        assert sentence["sources"] == sorted(cited)
        assert sentence["contradicted_by"] == sorted({e["source"] for e in sentence["evidence"]} - cited)
        for evidence in sentence["evidence"]:
            assert evidence["text"] in texts[by_number[evidence["source"]]["path"]]


def test_html_brief_is_one_escaped_page(models, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    hostile = tmp_path / "hostile.jsonl"
    hostile.write_text(
        json.dumps(
            {
                "title": "<script>alert('x')</script> Ferry aground",
                "outlet": "Shady <b>Site</b>",
                "text": "The Island Wren ferry ran aground on the Tessel Bank off Port Avery on Tuesday "
                "evening. <script>alert('y')</script> All passengers were rescued by lifeboats "
                "from Port Avery and Keswyn.",
            }
        )
        + "\n",
        encoding="utf-8",
    )
    result = runner.invoke(app, ["brief", str(EXAMPLES), str(hostile), "--format", "html"])
    assert result.exit_code == 0, result.output
    page = result.stdout
    assert page.lstrip().lower().startswith("<!doctype html>")
    assert "<script>alert" not in page and "<b>Site</b>" not in page
    assert "&lt;b&gt;Site&lt;/b&gt;" in page
    assert 'src="http' not in page and "stylesheet" not in page


def test_bad_inputs_are_skipped_with_reasons_and_the_rest_still_briefs(tmp_path: Path) -> None:
    _bad_inputs(tmp_path)
    result = _run_cli("brief", str(tmp_path), str(EXAMPLES), "--words", "80")
    stderr = result.stderr.decode()
    assert result.returncode == 0, stderr
    assert "Traceback" not in stderr
    assert result.stdout.decode().startswith("# ")
    for name in ("empty.txt", "binary.txt", "slides.pdf", "feed.jsonl:1", "feed.jsonl:2", "menu.html"):
        assert f"{name}:" in stderr, f"{name} not reported in:\n{stderr}"
    assert "used 4 articles, skipped 6" in stderr


def test_no_usable_article_is_a_clear_error_with_status_2(tmp_path: Path) -> None:
    _bad_inputs(tmp_path)
    result = _run_cli("brief", str(tmp_path))
    stderr = result.stderr.decode()
    assert result.returncode == 2
    assert "Traceback" not in stderr
    assert "no usable article" in stderr
    assert result.stdout == b""


def test_standard_input_gives_a_brief() -> None:
    text = (EXAMPLES / "harbour-radio.txt").read_bytes()
    result = _run_cli("brief", "-", "--words", "60", stdin=text)
    assert result.returncode == 0, result.stderr.decode()
    assert b"[1]" in result.stdout
    assert b"[2]" not in result.stdout


@pytest.mark.parametrize("args", [["brief"], ["brief", str(EXAMPLES), "--words", "3"]])
def test_usage_mistakes_exit_2_without_traceback(args: list[str]) -> None:
    result = _run_cli(*args)
    assert result.returncode == 2
    assert b"Traceback" not in result.stderr


def test_models_names_the_embedding_copy_that_runs(models) -> None:  # type: ignore[no-untyped-def]
    result = runner.invoke(app, ["models"])
    assert result.exit_code == 0, result.output
    runs = next(line for line in result.output.splitlines() if line.strip().startswith("runs"))
    assert "faster copy: fold+fused-attention-gelu+int8-per-token-per-channel" in runs
    assert ".onnx" in runs
