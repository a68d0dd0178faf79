from __future__ import annotations

import json
import math
from dataclasses import dataclass, replace
from datetime import UTC, date, datetime
from typing import Any

import pytest
from jsonschema import Draft202012Validator, FormatChecker

from storyweave.document import (
    READERS,
    SCHEMA_ID,
    brief_from_dict,
    brief_to_dict,
    brief_to_json,
    load_schema,
)
from storyweave.errors import InputError
from storyweave.models import Brief
from test_render_sample import broken, sample_brief


@pytest.fixture(scope="module")
def validator() -> Draft202012Validator:
    schema = load_schema()
    Draft202012Validator.check_schema(schema)
    return Draft202012Validator(schema, format_checker=FormatChecker())


@pytest.fixture(scope="module")
def validator_v1() -> Draft202012Validator:
    schema = load_schema(1)
    Draft202012Validator.check_schema(schema)
    return Draft202012Validator(schema, format_checker=FormatChecker())


def test_schema_is_draft_2020_12_and_pins_the_version() -> None:
    schema = load_schema()
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert schema["properties"]["schema"] == {"const": SCHEMA_ID}
    assert SCHEMA_ID == "storyweave.brief/4"
    assert load_schema(4) == schema
    assert load_schema(2)["properties"]["schema"] == {"const": "storyweave.brief/2"}
    assert load_schema(1)["properties"]["schema"] == {"const": "storyweave.brief/1"}
    with pytest.raises(ValueError, match="no brief schema version 5"):
        load_schema(5)


def test_dict_has_the_documented_shape_in_a_fixed_order(validator: Draft202012Validator) -> None:
    data = brief_to_dict(sample_brief())
    assert list(data) == [
        "schema", "story_id", "title", "word_budget", "summary_words", "sources", "summary", "analysis", "extras",
    ]  # fmt: skip
    assert list(data["sources"][0]) == ["number", "article_id", "outlet", "title", "url", "published", "path"]
    assert list(data["summary"][0]) == ["text", "sources", "partial_sources", "contradicted_by", "voice", "evidence"]
    assert list(data["summary"][0]["evidence"][0]) == [
        "source", "article_id", "sentence", "start", "end", "text", "similarity", "support", "via",
    ]  # fmt: skip
    assert data["schema"] == SCHEMA_ID
    assert data["sources"][0]["published"] == "2024-03-05T09:30:00+00:00"
    assert data["sources"][1]["published"] is None
    assert data["sources"][1]["path"] == "data/wire.jsonl"
    assert [s["sources"] for s in data["summary"]] == [[1, 2], [1, 2], [3]]
    assert data["summary_words"] == sample_brief().summary_words
    assert data["extras"] == {}
    assert data["analysis"] is None
    validator.validate(data)


def test_json_text_is_valid_deterministic_and_keeps_unicode(validator: Draft202012Validator) -> None:
    brief = sample_brief()
    text = brief_to_json(brief)
    assert text == brief_to_json(sample_brief())
    assert text.endswith("}\n")
    assert "<script>alert(1)</script>" in text  # JSON escapes only what JSON needs
    assert '"note": "café"' in brief_to_json(sample_brief(note="café"))
    validator.validate(json.loads(text))
    assert json.loads(brief_to_json(brief, indent=None)) == brief_to_dict(brief)


def _broken(path: list[Any], value: Any = None, *, delete: bool = False) -> dict[str, Any]:
    return broken(brief_to_dict(sample_brief()), path, value, delete=delete)


@pytest.mark.parametrize(
    "document",
    [
        _broken(["title"], delete=True),
        _broken(["schema"], "storyweave.brief/1"),
        _broken(["analysis"], delete=True),
        _broken(["analysis"], []),
        _broken(["sources", 0, "number"], 0),
        _broken(["sources", 0, "url"], 5),
        _broken(["sources", 1, "published"], delete=True),
        _broken(["summary", 0, "evidence", 0, "start"], -1),
        _broken(["summary", 0, "evidence", 0, "end"], 3.5),
        _broken(["summary", 0, "evidence", 1, "similarity"], 1.01),
        _broken(["summary", 0, "evidence"], []),
        _broken(["summary", 0, "sources"], [1, 1]),
        _broken(["surprise"], True),
        _broken(["summary", 0, "evidence", 0, "note"], "x"),
        _broken(["extras"], []),
    ],
)
def test_broken_documents_fail_validation(validator: Draft202012Validator, document: dict[str, Any]) -> None:
    assert not validator.is_valid(document)


def test_round_trip_gives_the_same_dict_and_brief() -> None:
    brief = sample_brief()
    data = brief_to_dict(brief)
    again = brief_from_dict(data)
    assert brief_to_dict(again) == data
    assert again == brief
    assert brief_from_dict(json.loads(brief_to_json(brief))) == brief


def test_similarity_is_clamped_and_rounded(validator: Draft202012Validator) -> None:
    brief = sample_brief()
    evidence = brief.summary[0].evidence
    brief.summary[0].evidence = [
        replace(evidence[0], similarity=1.0000004),
        replace(evidence[1], similarity=-0.2),
    ]
    brief.summary[1].evidence[1] = replace(brief.summary[1].evidence[1], similarity=0.123456)
    brief.summary[2].evidence[0] = replace(brief.summary[2].evidence[0], similarity=math.nan)
    data = brief_to_dict(brief)
    sims = [e["similarity"] for s in data["summary"] for e in s["evidence"]]
    assert sims == [1.0, 0.0, 1.0, 0.1235, 0.0]
    validator.validate(data)


@dataclass
class _Claim:
    text: str
    when: date


def test_extras_become_plain_json(validator: Draft202012Validator) -> None:
    brief = sample_brief(
        claims=[_Claim("x", date(2024, 3, 5))],
        tags={"b", "a"},
        pair=(1, 2.5),
        bad=math.inf,
        at=datetime(2024, 1, 1, tzinfo=UTC),
        nested={3: None},
    )
    data = brief_to_dict(brief)
    assert data["extras"] == {
        "claims": [{"text": "x", "when": "2024-03-05"}],
        "tags": ["a", "b"],
        "pair": [1, 2.5],
        "bad": None,
        "at": "2024-01-01T00:00:00+00:00",
        "nested": {"3": None},
    }
    validator.validate(data)
    json.loads(brief_to_json(brief))
    assert brief_to_dict(brief_from_dict(data)) == data


def test_unknown_schema_version_is_an_input_error() -> None:
    data = brief_to_dict(sample_brief())
    data["schema"] = "storyweave.brief/99"
    with pytest.raises(InputError) as info:
        brief_from_dict(data)
    message = str(info.value)
    assert "storyweave.brief/99" in message and SCHEMA_ID in message
    assert "\n" not in message
    del data["schema"]
    with pytest.raises(InputError, match="no 'schema' field"):
        brief_from_dict(data)


@pytest.mark.parametrize(
    ("path", "value", "expected"),
    [
        (["title"], None, r"brief\.title has the wrong type"),
        (["sources", 0, "number"], "1", r"sources\[0\]\.number"),
        (["summary", 1, "evidence", 0, "start"], True, r"summary\[1\]\.evidence\[0\]\.start"),
        (["sources", 0, "published"], "yesterday", r"not an ISO 8601 date-time"),
        (["summary", 0], "text", r"summary\[0\] is not an object"),
    ],
)
def test_malformed_documents_are_input_errors(path: list[Any], value: Any, expected: str) -> None:
    with pytest.raises(InputError, match=expected):
        brief_from_dict(_broken(path, value))
    with pytest.raises(InputError, match="has no field 'summary'"):
        brief_from_dict(_broken(["summary"], delete=True))


def test_readers_are_keyed_by_schema_id() -> None:
    assert set(READERS) == {"storyweave.brief/1", "storyweave.brief/2", "storyweave.brief/3", "storyweave.brief/4"}
    assert isinstance(READERS[SCHEMA_ID](brief_to_dict(sample_brief())), Brief)
