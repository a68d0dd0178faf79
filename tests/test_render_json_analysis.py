"""The ``analysis`` of a ``storyweave.brief/4`` document, and reading version 1, 2 and 3 documents."""

from __future__ import annotations

import json
import math
from dataclasses import replace
from typing import Any

import pytest
from jsonschema import Draft202012Validator, FormatChecker

from storyweave.document import brief_from_dict, brief_to_dict, brief_to_json, load_schema
from storyweave.errors import InputError
from storyweave.models import Analysis, Framing
from test_render_sample import analysed_brief, as_before_3, as_version_3, broken, sample_brief

# A document as the version 1 writer (storyweave.brief/1) wrote it, by hand.
V1_DOCUMENT: dict[str, Any] = {
    "schema": "storyweave.brief/1",
    "story_id": "story-0001",
    "title": "Storm & the coast",
    "word_budget": 120,
    "summary_words": 5,
    "sources": [
        {
            "number": 1,
            "article_id": "0123456789abcdef",
            "outlet": "Local News",
            "title": "",
            "url": None,
            "published": "2024-03-05T09:30:00+00:00",
            "path": "/tmp/local.html",
        }
    ],
    "summary": [
        {
            "text": "Schools closed in 3 districts.",
            "sources": [1],
            "evidence": [
                {
                    "source": 1,
                    "article_id": "0123456789abcdef",
                    "sentence": 0,
                    "start": 0,
                    "end": 30,
                    "text": "Schools closed in 3 districts.",
                    "similarity": 1.0,
                }
            ],
        }
    ],
    "extras": {"note": "kept"},
}


def _validator(version: int) -> Draft202012Validator:
    schema = load_schema(version)
    Draft202012Validator.check_schema(schema)
    return Draft202012Validator(schema, format_checker=FormatChecker())


@pytest.fixture(scope="module")
def current() -> Draft202012Validator:
    return _validator(4)


@pytest.fixture(scope="module")
def document() -> dict[str, Any]:
    return brief_to_dict(analysed_brief())


def test_analysis_validates_and_has_every_field(current: Draft202012Validator, document: dict[str, Any]) -> None:
    current.validate(document)
    analysis = document["analysis"]
    assert list(analysis) == [
        "claims", "facts", "quotes", "entities", "timeline", "coverage", "syndication", "framing",
    ]  # fmt: skip
    assert list(analysis["framing"]) == ["headlines", "wording", "pieces"]
    assert list(analysis["claims"][0]) == [
        "id", "text", "status", "sources", "independent_sources", "evidence", "partial_sources", "contradicted_by",
    ]  # fmt: skip
    assert list(analysis["facts"][0]["facts"][0]) == [
        "source", "text", "start", "end", "value", "low", "high", "approximate", "kind", "unit", "counts", "evidence",
    ]  # fmt: skip
    assert list(analysis["quotes"][0]["variants"][0]) == [
        "source", "text", "start", "end", "speaker", "speaker_text", "cue", "evidence",
    ]  # fmt: skip
    assert list(analysis["entities"][0]["roles"][0]) == ["text", "source", "evidence"]
    assert analysis["claims"][0]["evidence"][1] == {
        "source": 2,
        "article_id": analysed_brief().sources[1].article_id,
        "sentence": 0,
        "start": 0,
        "end": 33,
        "text": "The ferry ran aground on Tuesday.",
        "similarity": 0.91,
        "support": "full",
        "via": None,
    }  # the same form as the summary's evidence
    assert [g["status"] for g in analysis["facts"]] == ["consistent", "conflict", "single-source"]
    assert "conflicts" not in analysis  # a reader finds them by status
    assert analysis["syndication"] == [[2, 4]]
    assert analysis["timeline"][1] | {"evidence": None, "text": None} == {
        "start": "1997-01-01",
        "end": "2013-12-31",
        "precision": "range",
        "when": "between 1997 and 2013",
        "text": None,
        "sources": [3],
        "evidence": None,
    }


def test_round_trip_reproduces_the_analysis(document: dict[str, Any]) -> None:
    brief = analysed_brief()
    again = brief_from_dict(document)
    assert again == brief
    assert again.analysis is not None and again.analysis.conflicts == brief.analysis.conflicts  # type: ignore[union-attr]
    assert brief_to_dict(again) == document
    assert brief_from_dict(json.loads(brief_to_json(brief))) == brief


def test_empty_analysis_is_an_object_and_none_is_null(current: Draft202012Validator) -> None:
    empty = brief_to_dict(sample_brief())
    assert empty["analysis"] is None
    brief = sample_brief()
    brief.analysis = Analysis()
    data = brief_to_dict(brief)
    assert data["analysis"] == {
        k: [] for k in ("claims", "facts", "quotes", "entities", "timeline", "coverage", "syndication")
    } | {"framing": {"headlines": [], "wording": [], "pieces": []}}
    current.validate(data)
    assert brief_from_dict(data).analysis == Analysis()


def test_numbers_are_rounded_and_non_finite_values_are_null(current: Draft202012Validator) -> None:
    brief = analysed_brief()
    assert brief.analysis is not None
    group = brief.analysis.facts[1]
    facts = [replace(group.facts[0], value=212.123456), replace(group.facts[1], value=math.nan, high=math.inf)]
    brief.analysis.facts[1] = replace(group, facts=facts + group.facts[2:])
    data = brief_to_dict(brief)
    written = data["analysis"]["facts"][1]["facts"]
    assert (written[0]["value"], written[1]["value"], written[1]["high"]) == (212.1235, None, None)
    current.validate(data)
    json.loads(brief_to_json(brief))


def test_version_1_documents_still_read(current: Draft202012Validator) -> None:
    _validator(1).validate(V1_DOCUMENT)
    assert not current.is_valid(V1_DOCUMENT)
    brief = brief_from_dict(V1_DOCUMENT)
    assert brief.analysis is None
    assert brief.summary[0].sources == [1] and brief.extras == {"note": "kept"}
    again = brief_to_dict(brief)  # written as version 4
    assert again["schema"] == "storyweave.brief/4" and again["analysis"] is None
    current.validate(again)
    assert {k: v for k, v in as_before_3(again).items() if k not in {"schema", "analysis"}} == {
        k: v for k, v in V1_DOCUMENT.items() if k != "schema"
    }
    # before version 3 every source a sentence listed reported it
    assert [e.support for e in brief.summary[0].evidence] == ["source"]


def test_version_2_documents_still_read() -> None:
    current = brief_to_dict(analysed_brief())
    old = {**as_before_3(current), "schema": "storyweave.brief/2"}
    for claim in old["analysis"]["claims"]:
        claim["status"] = "corroborated" if len(claim["sources"]) > 1 else "single-source"
    _validator(2).validate(old)
    brief = brief_from_dict(old)
    for sentence in brief.summary:
        assert sentence.evidence[0].support == "source"
        assert all(e.support == "full" for e in sentence.evidence[1:])
        assert sentence.sources == sorted({e.source for e in sentence.evidence})
    assert brief.analysis is not None
    for claim in brief.analysis.claims:
        assert claim.partial_sources == [] and claim.contradicted_by == []
        assert all(e.support == "full" for e in claim.evidence[1:])


def test_version_3_documents_still_read() -> None:
    old = as_version_3(brief_to_dict(analysed_brief()))
    _validator(3).validate(old)
    assert not _validator(4).is_valid(old)  # version 4 requires the framing
    brief = brief_from_dict(old)
    assert brief.analysis is not None and brief.analysis.framing == Framing()
    assert brief.analysis.claims == analysed_brief().analysis.claims  # type: ignore[union-attr]


def test_framing_round_trips_and_a_version_3_reader_would_refuse_it() -> None:
    document = brief_to_dict(analysed_brief())
    framing = document["analysis"]["framing"]
    assert [h["own_words"] for h in framing["headlines"]] == [["aground"], ["hits", "rocks"]]
    assert framing["wording"][0]["wordings"][1] == {
        **framing["wording"][0]["wordings"][1],
        "text": "hit rocks",
        "sources": [3],
    }
    assert framing["pieces"][0]["kind"] == "opinion"
    assert brief_from_dict(document).analysis.framing == analysed_brief().analysis.framing  # type: ignore[union-attr]
    assert not _validator(3).is_valid(document)  # an unknown field for version 3


def test_the_version_1_schema_is_unchanged() -> None:
    schema = load_schema(1)
    assert schema["$id"] == "urn:storyweave:schema:brief:1"
    assert "analysis" not in schema["properties"]
    assert schema["required"] == [
        "schema",
        "story_id",
        "title",
        "word_budget",
        "summary_words",
        "sources",
        "summary",
        "extras",
    ]


def _broken(path: list[Any], value: Any = None, *, delete: bool = False) -> dict[str, Any]:
    return broken(brief_to_dict(analysed_brief()), path, value, delete=delete)


@pytest.mark.parametrize(
    "document",
    [
        _broken(["analysis", "claims", 0, "status"], "agreed"),
        _broken(["analysis", "claims", 0, "evidence", 1, "support"], "likely"),
        _broken(["analysis", "claims", 0, "partial_sources"], delete=True),
        _broken(["analysis", "claims", 0, "evidence"], []),
        _broken(["analysis", "claims", 0, "sources"], [1, 1]),
        _broken(["analysis", "facts", 0, "status"], "agreed"),
        _broken(["analysis", "facts", 0, "kind"], "weight"),
        _broken(["analysis", "facts", 1, "facts", 0, "kind"], "weight"),
        _broken(["analysis", "facts", 1, "facts", 0, "value"], "212"),
        _broken(["analysis", "facts", 1, "facts", 0, "approximate"], 0),
        _broken(["analysis", "facts", 1, "facts", 0, "evidence", "similarity"], 2),
        _broken(["analysis", "quotes", 0, "variants", 0, "cue"], delete=True),
        _broken(["analysis", "quotes", 0, "variants"], []),
        _broken(["analysis", "entities", 0, "roles", 0, "note"], "x"),
        _broken(["analysis", "timeline", 0, "precision"], "week"),
        _broken(["analysis", "timeline", 0, "start"], "2026-3-3"),
        _broken(["analysis", "timeline", 0, "end"], "2026-02-30"),  # the shape of a date, not a date
        _broken(["analysis", "coverage", 0, "surprise"], []),
        _broken(["analysis", "syndication"], [[2]]),
        _broken(["analysis", "quotes"], delete=True),
        _broken(["analysis", "framing"], delete=True),
        _broken(["analysis", "framing", "pieces", 0, "kind"], "satire"),
        _broken(["analysis", "framing", "wording", 0, "wordings"], []),
        _broken(["analysis", "framing", "headlines", 0, "own_words"], "aground"),
    ],
)
def test_broken_analysis_fails_validation(current: Draft202012Validator, document: dict[str, Any]) -> None:
    assert not current.is_valid(document)


@pytest.mark.parametrize(
    ("path", "value", "expected"),
    [
        (["analysis"], [], r"brief\.analysis has the wrong type"),
        (["analysis", "claims", 0, "sources", 1], "2", r"analysis\.claims\[0\]\.sources\[1\] has the wrong type"),
        (["analysis", "facts", 1, "facts", 0, "approximate"], 1, r"analysis\.facts\[1\]\.facts\[0\]\.approximate"),
        (["analysis", "facts", 1, "facts", 0, "evidence"], "x", r"facts\[0\]\.evidence has the wrong type"),
        (["analysis", "quotes", 0, "variants", 1, "speaker"], 5, r"variants\[1\]\.speaker has the wrong type"),
        (["analysis", "timeline", 0, "start"], "Tuesday", r"timeline\[0\]\.start is not an ISO 8601 date"),
        (["analysis", "syndication", 0], 2, r"analysis\.syndication\[0\] is not a list"),
        (["analysis", "entities", 0, "roles", 0, "evidence", "start"], None, r"roles\[0\]\.evidence\.start"),
    ],
)
def test_malformed_analysis_is_an_input_error(path: list[Any], value: Any, expected: str) -> None:
    with pytest.raises(InputError, match=expected):
        brief_from_dict(_broken(path, value))
    with pytest.raises(InputError, match=r"analysis has no field 'coverage'"):
        brief_from_dict(_broken(["analysis", "coverage"], delete=True))
    with pytest.raises(InputError, match=r"brief has no field 'analysis'"):
        brief_from_dict(_broken(["analysis"], delete=True))
