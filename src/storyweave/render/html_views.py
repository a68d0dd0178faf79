"""Evidence figures and citation chips, shared by the summary and the analysis on the HTML page."""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

from storyweave.models import Evidence

# Explicit embeddings, overrides and isolates (U+202A-U+202E, U+2066-U+2069): in a name or a title they only
# serve to show it reversed or to reorder what stands next to it, so labels are shown without them (the text
# of articles keeps them and is shown isolated, in <bdi> or dir="auto").
_DIRECTIONAL = re.compile("[\u202a-\u202e\u2066-\u2069]")


def label(text: str, default: str) -> str:
    """A name or title as shown: one line, without directional formatting characters; ``default`` when empty."""
    return " ".join(_DIRECTIONAL.sub("", text).split()) or default


def outlet_label(outlet: str) -> str:
    return label(outlet, "Unknown outlet")


def title_label(title: str) -> str:
    return label(title, "Untitled story")


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
    kind: str = "full"  # "full" (or the statement's own source), "partial", "contradicts"

    @property
    def label(self) -> str:
        """What the chip says besides the number: nothing for a plain citation."""
        return CHIP_LABELS.get(self.kind, "")

    @property
    def meaning(self) -> str:
        """For screen readers and tooltips: how this source reports the statement."""
        return CHIP_MEANINGS.get(self.kind, "reports this")


CHIP_LABELS = {"partial": "part", "contradicts": "differs"}
CHIP_MEANINGS = {"partial": "reports part of this", "contradicts": "gives a different figure or day"}


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


def chip(number: int, outlet: str, evidence: list[EvidenceView], kind: str = "full") -> ChipView:
    """The chip ``[number]`` for ``evidence``, this source's figures (at least one); ``kind`` says how the source
    reports the statement ("partial": only part of it, "contradicts": a figure or day given differently)."""
    lead = f"{outlet} {CHIP_MEANINGS[kind]}" if kind in CHIP_MEANINGS else outlet
    tooltip = "\n".join(f"{lead} (similarity {e.shown}): “{' '.join(e.text.split())}”" for e in evidence)
    return ChipView(number, outlet, " ".join(e.id for e in evidence), tooltip, kind)


def support_of(evidence: list[Evidence], source: int) -> str:
    """How a source reports a statement, from its evidence: "full" unless all of it is partial or contradicting."""
    kinds = {e.support for e in evidence if e.source == source}
    return kinds.pop() if len(kinds) == 1 and kinds <= {"partial", "contradicts"} else "full"
