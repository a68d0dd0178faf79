"""A brief as JSON (schema ``storyweave.brief/3``), and a reader that turns it back into a ``Brief``.

The shape is described by ``schemas/brief-3.schema.json``: version 2 (version 1 plus the
cross-source ``analysis``) plus how each source reports what it is cited for (every evidence
item's ``support`` and ``via``; summary sentences' and claims' partial and contradicting
sources). When the shape changes, the new version gets a new ``SCHEMA_ID`` and schema file,
and the reader of the old version stays in ``READERS`` so briefs written by older releases
can still be read.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping
from datetime import datetime
from importlib import resources
from typing import Any

from storyweave.errors import InputError
from storyweave.models import Brief, Source, SummarySentence
from storyweave.render._json_analysis import analysis_dict, cited_in_full, read_analysis
from storyweave.render._json_common import bad, evidence_dict, get, items, obj, read_evidence
from storyweave.render._jsonable import jsonable

SCHEMA_VERSION = 3
SCHEMA_ID = f"storyweave.brief/{SCHEMA_VERSION}"


def load_schema(version: int = SCHEMA_VERSION) -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of version ``version`` of the brief document.

    The default is the version ``brief_to_dict`` writes; older versions describe the
    documents older releases wrote (still readable by ``brief_from_dict``).
    """
    if f"storyweave.brief/{version}" not in READERS:
        raise ValueError(f"no brief schema version {version!r}; this storyweave has 1 to {SCHEMA_VERSION}")
    name = f"brief-{version}.schema.json"
    text = resources.files("storyweave.render").joinpath("schemas", name).read_text("utf-8")
    schema: dict[str, Any] = json.loads(text)
    return schema


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
                "partial_sources": sentence.partial_sources,
                "contradicted_by": sentence.contradicting_sources,
                "evidence": [evidence_dict(e) for e in sentence.evidence],
            }
            for sentence in brief.summary
        ],
        "analysis": analysis_dict(brief.analysis),
        "extras": jsonable(brief.extras or {}),
    }


def brief_to_json(brief: Brief, *, indent: int | None = 2) -> str:
    """The brief as a JSON document (UTF-8 text, ending with a newline)."""
    return json.dumps(brief_to_dict(brief), indent=indent, ensure_ascii=False, allow_nan=False) + "\n"


# --- reading -------------------------------------------------------------------------------


def _datetime(value: str | None, where: str) -> datetime | None:
    if value is None:
        return None
    try:
        return datetime.fromisoformat(value)
    except ValueError:
        raise bad(where, f"is not an ISO 8601 date-time ({value[:40]!r})") from None


def _read_source_v1(data: Mapping[str, Any], where: str) -> Source:
    return Source(
        number=get(data, "number", int, where),
        article_id=get(data, "article_id", str, where),
        outlet=get(data, "outlet", str, where),
        title=get(data, "title", str, where),
        url=get(data, "url", (str, type(None)), where),
        published=_datetime(get(data, "published", (str, type(None)), where), f"{where}.published"),
        path=get(data, "path", (str, type(None)), where),
    )


def _read_sentence_v1(data: Mapping[str, Any], where: str) -> SummarySentence:
    return SummarySentence(
        text=get(data, "text", str, where),
        evidence=items(data, "evidence", where, read_evidence),
    )


def _read_common(data: Mapping[str, Any]) -> Brief:
    """What every version has: the sources, the summary and the extras."""
    sources = get(data, "sources", list, "brief")
    summary = get(data, "summary", list, "brief")
    extras = data.get("extras", {})
    return Brief(
        story_id=get(data, "story_id", str, "brief"),
        title=get(data, "title", str, "brief"),
        sources=[_read_source_v1(obj(item, f"sources[{i}]"), f"sources[{i}]") for i, item in enumerate(sources)],
        summary=[_read_sentence_v1(obj(item, f"summary[{i}]"), f"summary[{i}]") for i, item in enumerate(summary)],
        word_budget=get(data, "word_budget", int, "brief"),
        extras=dict(obj(extras, "extras")),
    )


def _cited_in_full(brief: Brief) -> Brief:
    """Before version 3 evidence had no support: every source a sentence listed reported it ("full")."""
    for sentence in brief.summary:
        sentence.evidence = cited_in_full(sentence.evidence)
    return brief


def _read_v1(data: Mapping[str, Any]) -> Brief:
    """A ``storyweave.brief/1`` document: no analysis."""
    return _cited_in_full(_read_common(data))


def _read_v2(data: Mapping[str, Any]) -> Brief:
    """A ``storyweave.brief/2`` document: version 1 plus ``analysis`` (an object or null)."""
    return _cited_in_full(_read_v3(data))


def _read_v3(data: Mapping[str, Any]) -> Brief:
    """A ``storyweave.brief/3`` document: version 2 with each evidence item's support."""
    brief = _read_common(data)
    analysis = get(data, "analysis", (Mapping, type(None)), "brief")
    if analysis is not None:
        brief.analysis = read_analysis(analysis, "analysis")
    return brief


Reader = Callable[[Mapping[str, Any]], Brief]

# Every schema version this release can read. Keep old readers when the schema changes.
READERS: dict[str, Reader] = {
    "storyweave.brief/1": _read_v1,
    "storyweave.brief/2": _read_v2,
    "storyweave.brief/3": _read_v3,
}


def brief_from_dict(data: Mapping[str, Any]) -> Brief:
    """Read a brief written by ``brief_to_dict`` (this or an older schema version).

    Derived fields (``summary_words``, each sentence's ``sources``) are not read back:
    they follow from the rest.
    """
    schema = obj(data, "the document").get("schema")
    reader = READERS.get(schema) if isinstance(schema, str) else None
    if reader is None:
        shown = repr(schema)[:60] if schema is not None else "no 'schema' field"
        raise InputError(
            f"Unknown brief schema version: {shown}",
            f"This storyweave reads {', '.join(sorted(READERS))}; upgrade storyweave or write the brief again",
        )
    return reader(data)
