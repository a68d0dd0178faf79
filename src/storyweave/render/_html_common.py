"""Evidence figures and citation chips, shared by the summary and the analysis on the HTML page."""

from __future__ import annotations

import math
from dataclasses import dataclass

from storyweave.models import Evidence


@dataclass(frozen=True, slots=True)
class EvidenceView:
    id: str
    source: int
    outlet: str
    article_id: str
    sentence: int
    start: int
    end: int
    text: str
    similarity: str  # "0.8731", for machines
    shown: str  # "0.87", for people
    origin: bool  # the sentence the summary sentence was taken from


@dataclass(frozen=True, slots=True)
class ChipView:
    number: int
    outlet: str
    evidence_ids: str  # space-separated ids of this source's evidence for the sentence
    tooltip: str


def evidence_view(evidence: Evidence, eid: str, outlet: str, first: bool) -> EvidenceView:
    raw = float(evidence.similarity)
    similarity = 0.0 if math.isnan(raw) else min(max(raw, 0.0), 1.0)
    return EvidenceView(
        id=eid,
        source=evidence.source,
        outlet=outlet,
        article_id=evidence.article_id,
        sentence=evidence.sentence,
        start=evidence.start,
        end=evidence.end,
        text=evidence.text,  # exactly article.text[start:end]
        similarity=f"{similarity:.4f}",
        shown=f"{similarity:.2f}",
        origin=first,
    )


def chip(number: int, outlet: str, evidence: list[EvidenceView]) -> ChipView:
    """The chip ``[number]`` for ``evidence``, this source's figures (at least one)."""
    tooltip = "\n".join(f"{outlet} (similarity {e.shown}): “{' '.join(e.text.split())}”" for e in evidence)
    return ChipView(number, outlet, " ".join(e.id for e in evidence), tooltip)
