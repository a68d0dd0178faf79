"""Schemathesis over the web app's OpenAPI schema, in-process: no generated request gets a 5xx."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

pytest.importorskip("fastapi")
pytest.importorskip("multipart")
pytest.importorskip("schemathesis")

import schemathesis
from hypothesis import HealthCheck, given, settings
from hypothesis.errors import Unsatisfiable
from schemathesis import APIOperation, Case, GenerationMode
from schemathesis.checks import not_a_server_error
from schemathesis.core.result import Err
from typer.testing import CliRunner

from storyweave.cli import app as cli_app
from storyweave.web import create_app

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"
pytestmark = pytest.mark.models

# POST /api/briefs runs the models on every valid example, so it gets far fewer than the reads;
# invalid requests (negative mode) are turned away before the models, so each operation gets a few.
EXAMPLES_PER_OPERATION = {"POST": 6}
DEFAULT_EXAMPLES = 25
NEGATIVE_EXAMPLES = 10


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory, models: object) -> Path:
    path = tmp_path_factory.mktemp("web-schema") / "news.sqlite"
    result = CliRunner().invoke(cli_app, ["ingest", str(EXAMPLES), "--db", str(path)])
    assert result.exit_code == 0, result.output
    return path


def _fuzz(operation: APIOperation, mode: GenerationMode) -> Callable[[], None]:
    if mode is GenerationMode.NEGATIVE:
        examples = NEGATIVE_EXAMPLES
    else:
        examples = EXAMPLES_PER_OPERATION.get(operation.method.upper(), DEFAULT_EXAMPLES)

    @settings(
        max_examples=examples,
        deadline=None,
        database=None,
        derandomize=True,
        suppress_health_check=list(HealthCheck),
    )
    @given(case=operation.as_strategy(generation_mode=mode))
    def fuzz(case: Case) -> None:
        case.call_and_validate(checks=[not_a_server_error])

    return fuzz


def test_no_server_errors_on_any_operation(db: Path) -> None:
    schema = schemathesis.openapi.from_asgi("/openapi.json", create_app(db, hosts=("testserver",)))
    operations: list[APIOperation] = []
    for result in schema.get_all_operations():
        if isinstance(result, Err):
            raise result.err()
        operations.append(result.ok())
    names = {f"{op.method.upper()} {op.path}" for op in operations}
    assert {"GET /api/stories", "GET /api/stories/{story_id}", "POST /api/briefs"} <= names
    negative: list[str] = []
    for operation in operations:
        _fuzz(operation, GenerationMode.POSITIVE)()
        try:
            _fuzz(operation, GenerationMode.NEGATIVE)()
        except Unsatisfiable:  # nothing in it can be invalid (a free-form path string)
            continue
        negative.append(operation.path)
    assert {"/api/stories", "/api/briefs"} <= set(negative)
