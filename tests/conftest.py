"""Shared fixtures. Models load once per test session; the model cache lives in a temporary folder."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from storyweave.eval.datasets import shared_data_file

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"


@pytest.fixture(scope="session", autouse=True)
def storyweave_home(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """Keep every test's data (and the model cache) out of the user's folders."""
    home = tmp_path_factory.mktemp("storyweave-home")
    previous = os.environ.get("STORYWEAVE_HOME")
    os.environ["STORYWEAVE_HOME"] = str(home)
    yield home
    if previous is None:
        os.environ.pop("STORYWEAVE_HOME", None)
    else:
        os.environ["STORYWEAVE_HOME"] = previous


@pytest.fixture(scope="session")
def models(storyweave_home: Path):  # type: ignore[no-untyped-def]
    from storyweave.nlp import load_models

    return load_models()


@pytest.fixture(scope="session")
def example_articles():  # type: ignore[no-untyped-def]
    from storyweave.ingest import read_inputs

    result = read_inputs([str(EXAMPLES)])
    assert not result.skipped
    return result.articles


@pytest.fixture(scope="session")
def example_annotated(example_articles, models):  # type: ignore[no-untyped-def]
    from storyweave.nlp import annotate

    return list(annotate(example_articles, models))


@pytest.fixture(scope="session")
def multinews_path() -> Path:
    path = shared_data_file("multinews-dev", "clusters.jsonl")
    if path is None:
        pytest.skip("../shared/data/multinews-dev/clusters.jsonl is absent: clone the project beside shared/")
    return path
