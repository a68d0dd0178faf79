"""A brief written as a document of the current schema version (``SCHEMA_ID``; see ``schema``)."""

from __future__ import annotations

import json
from typing import Any

from storyweave.document.jsonable import jsonable
from storyweave.document.schema import SCHEMA_ID
from storyweave.document.values import analysis_dict, evidence_dict, plain
from storyweave.models import Brief


def brief_to_dict(brief: Brief) -> dict[str, Any]:
    """The brief as plain JSON values, keys in a fixed order."""
    return {
        "schema": SCHEMA_ID,
        "story_id": brief.story_id,
        "title": brief.title,
        "word_budget": brief.word_budget,
        "summary_words": brief.summary_words,
        "sources": [plain(source) for source in brief.sources],
        "summary": [
            {
                "text": sentence.text,
                "sources": sentence.sources,
                "partial_sources": sentence.partial_sources,
                "contradicted_by": sentence.contradicting_sources,
                "voice": sentence.voice,
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
