"""The brief's data contract (storyweave.document): one reader, driven by the dataclasses, reads every schema
version ever written, and what it reads is written back as the current version."""

from __future__ import annotations

import json
from typing import Any

import pytest
from jsonschema import Draft202012Validator, FormatChecker

from storyweave.document import READERS, SCHEMA_ID, SCHEMA_IDS, brief_from_dict, brief_to_dict, load_schema
from test_render_sample import analysed_brief, as_before_3, as_version_3


def _validator(schema: str) -> Draft202012Validator:
    return Draft202012Validator(load_schema(int(schema.rsplit("/", 1)[1])), format_checker=FormatChecker())


def _as_written_by(schema: str, current: dict[str, Any]) -> dict[str, Any]:
    """A current document as the writer of ``schema`` wrote it."""
    if schema == SCHEMA_ID:
        return json.loads(json.dumps(current))
    if schema == "storyweave.brief/3":  # before version 4: no framing
        return as_version_3(current)
    old = as_before_3(current)
    old["schema"] = schema
    for sentence in old["summary"]:  # before version 3 a sentence listed every source of its evidence
        sentence["sources"] = sorted({e["source"] for e in sentence["evidence"]})
    if old["analysis"] is not None:
        for claim in old["analysis"]["claims"]:  # the statuses version 2 had
            claim["status"] = "corroborated" if len(claim["sources"]) > 1 else "single-source"
    if schema == "storyweave.brief/1":
        del old["analysis"]
    return old


def test_there_is_a_reader_and_a_schema_for_every_version_ever_written() -> None:
    assert list(READERS) == list(SCHEMA_IDS) == [f"storyweave.brief/{n}" for n in range(1, len(SCHEMA_IDS) + 1)]
    for schema in SCHEMA_IDS:
        Draft202012Validator.check_schema(_validator(schema).schema)


@pytest.mark.parametrize("schema", SCHEMA_IDS)
def test_every_version_round_trips_through_the_one_reader(schema: str) -> None:
    original = analysed_brief(note="kept")
    document = _as_written_by(schema, brief_to_dict(original))
    _validator(schema).validate(document)
    brief = brief_from_dict(document)
    again = brief_to_dict(brief)
    _validator(SCHEMA_ID).validate(again)
    assert _as_written_by(schema, again) == document
    assert brief.sources == original.sources and brief.extras == {"note": "kept"}
    assert (brief.analysis is None) == (schema == "storyweave.brief/1")
    if schema == SCHEMA_ID:
        assert brief == original
