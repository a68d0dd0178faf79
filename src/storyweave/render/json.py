"""A brief as JSON (schema ``storyweave.brief/1``), and a reader that turns it back into a ``Brief``.

The shape is described by ``schemas/brief-1.schema.json``. When the shape changes, the
new version gets a new ``SCHEMA_ID`` and schema file, and the reader of the old version
stays in ``READERS`` so briefs written by older releases can still be read.
"""

from __future__ import annotations

import json
import math
from collections.abc import Callable, Mapping
from datetime import datetime
from importlib import resources
from typing import Any

from storyweave.errors import InputError
from storyweave.models import Brief, Evidence, Source, SummarySentence
from storyweave.render._jsonable import jsonable

SCHEMA_ID = "storyweave.brief/1"
SCHEMA_FILE = "brief-1.schema.json"


def load_schema() -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of the documents ``brief_to_dict`` writes."""
    text = resources.files("storyweave.render").joinpath("schemas", SCHEMA_FILE).read_text("utf-8")
    schema: dict[str, Any] = json.loads(text)
    return schema


def _similarity(value: float) -> float:
    """Clamped to [0, 1] and rounded to 4 decimals; NaN counts as no similarity."""
    number = float(value)
    if math.isnan(number):
        return 0.0
    return round(min(max(number, 0.0), 1.0), 4)


def _source_dict(source: Source) -> dict[str, Any]:
    return {
        "number": source.number,
        "article_id": source.article_id,
        "outlet": source.outlet,
        "title": source.title,
        "url": source.url,
        "published": source.published.isoformat() if source.published else None,
        "path": source.path,
    }


def _evidence_dict(evidence: Evidence) -> dict[str, Any]:
    return {
        "source": evidence.source,
        "article_id": evidence.article_id,
        "sentence": evidence.sentence,
        "start": evidence.start,
        "end": evidence.end,
        "text": evidence.text,
        "similarity": _similarity(evidence.similarity),
    }


def brief_to_dict(brief: Brief) -> dict[str, Any]:
    """The brief as plain JSON values, keys in a fixed order."""
    return {
        "schema": SCHEMA_ID,
        "story_id": brief.story_id,
        "title": brief.title,
        "word_budget": brief.word_budget,
        "summary_words": brief.summary_words,
        "sources": [_source_dict(source) for source in brief.sources],
        "summary": [
            {
                "text": sentence.text,
                "sources": sentence.sources,
                "evidence": [_evidence_dict(e) for e in sentence.evidence],
            }
            for sentence in brief.summary
        ],
        "extras": jsonable(brief.extras or {}),
    }


def brief_to_json(brief: Brief, *, indent: int | None = 2) -> str:
    """The brief as a JSON document (UTF-8 text, ending with a newline)."""
    return json.dumps(brief_to_dict(brief), indent=indent, ensure_ascii=False, allow_nan=False) + "\n"


# --- reading -------------------------------------------------------------------------------


def _bad(where: str, what: str) -> InputError:
    return InputError(
        f"The brief document is malformed: {where} {what}",
        "Write it again with `storyweave` or check it against the brief JSON Schema",
    )


def _get(data: Mapping[str, Any], key: str, kind: type | tuple[type, ...], where: str) -> Any:
    if key not in data:
        raise _bad(where, f"has no field {key!r}")
    value = data[key]
    if not isinstance(value, kind) or (isinstance(value, bool) and kind is int):
        raise _bad(f"{where}.{key}", f"has the wrong type ({type(value).__name__})")
    return value


def _obj(value: Any, where: str) -> Mapping[str, Any]:
    if not isinstance(value, Mapping):
        raise _bad(where, "is not an object")
    return value


def _datetime(value: str | None, where: str) -> datetime | None:
    if value is None:
        return None
    try:
        return datetime.fromisoformat(value)
    except ValueError:
        raise _bad(where, f"is not an ISO 8601 date-time ({value[:40]!r})") from None


def _read_source_v1(data: Mapping[str, Any], where: str) -> Source:
    return Source(
        number=_get(data, "number", int, where),
        article_id=_get(data, "article_id", str, where),
        outlet=_get(data, "outlet", str, where),
        title=_get(data, "title", str, where),
        url=_get(data, "url", (str, type(None)), where),
        published=_datetime(_get(data, "published", (str, type(None)), where), f"{where}.published"),
        path=_get(data, "path", (str, type(None)), where),
    )


def _read_evidence_v1(data: Mapping[str, Any], where: str) -> Evidence:
    return Evidence(
        source=_get(data, "source", int, where),
        article_id=_get(data, "article_id", str, where),
        sentence=_get(data, "sentence", int, where),
        start=_get(data, "start", int, where),
        end=_get(data, "end", int, where),
        text=_get(data, "text", str, where),
        similarity=float(_get(data, "similarity", (int, float), where)),
    )


def _read_sentence_v1(data: Mapping[str, Any], where: str) -> SummarySentence:
    evidence = _get(data, "evidence", list, where)
    return SummarySentence(
        text=_get(data, "text", str, where),
        evidence=[
            _read_evidence_v1(_obj(item, f"{where}.evidence[{i}]"), f"{where}.evidence[{i}]")
            for i, item in enumerate(evidence)
        ],
    )


def _read_v1(data: Mapping[str, Any]) -> Brief:
    sources = _get(data, "sources", list, "brief")
    summary = _get(data, "summary", list, "brief")
    extras = data.get("extras", {})
    return Brief(
        story_id=_get(data, "story_id", str, "brief"),
        title=_get(data, "title", str, "brief"),
        sources=[
            _read_source_v1(_obj(item, f"sources[{i}]"), f"sources[{i}]") for i, item in enumerate(sources)
        ],
        summary=[
            _read_sentence_v1(_obj(item, f"summary[{i}]"), f"summary[{i}]") for i, item in enumerate(summary)
        ],
        word_budget=_get(data, "word_budget", int, "brief"),
        extras=dict(_obj(extras, "extras")),
    )


Reader = Callable[[Mapping[str, Any]], Brief]

# Every schema version this release can read. Keep old readers when the schema changes.
READERS: dict[str, Reader] = {
    SCHEMA_ID: _read_v1,
}


def brief_from_dict(data: Mapping[str, Any]) -> Brief:
    """Read a brief written by ``brief_to_dict`` (this or an older schema version).

    Derived fields (``summary_words``, each sentence's ``sources``) are not read back:
    they follow from the rest.
    """
    schema = _obj(data, "the document").get("schema")
    reader = READERS.get(schema) if isinstance(schema, str) else None
    if reader is None:
        shown = repr(schema)[:60] if schema is not None else "no 'schema' field"
        raise InputError(
            f"Unknown brief schema version: {shown}",
            f"This storyweave reads {', '.join(sorted(READERS))}; "
            "upgrade storyweave or write the brief again",
        )
    return reader(data)
