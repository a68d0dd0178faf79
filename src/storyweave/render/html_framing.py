"""How each outlet put the story, as view records for the framing section of ``brief-analysis.html.j2``."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from storyweave.models import Claim, Framing
from storyweave.render import _analysis_view as view
from storyweave.render._md import shorten
from storyweave.render.html_views import ChipView

if TYPE_CHECKING:  # html_analysis imports this module
    from storyweave.render.html_analysis import EvidenceList


@dataclass(frozen=True, slots=True)
class HeadlineView:
    number: int
    outlet: str
    runs: list[tuple[str, bool]]  # (text, one of the words no other outlet uses)


@dataclass(frozen=True, slots=True)
class WordingView:
    text: str
    chips: list[ChipView]


@dataclass(frozen=True, slots=True)
class DifferenceView:
    wordings: list[WordingView]
    claim: str  # the claim, shortened
    claim_full: str


@dataclass(frozen=True, slots=True)
class PieceView:
    number: int
    outlet: str
    kind: str  # css class: opinion | analysis
    label: str  # "Opinion"
    reasons: str


@dataclass(frozen=True, slots=True)
class FramingView:
    headlines: list[HeadlineView]
    wording: list[DifferenceView]
    wording_more: int
    pieces: list[PieceView]

    def __bool__(self) -> bool:
        return bool(self.headlines or self.wording or self.pieces)


def framing_view(framing: Framing, claims: dict[str, Claim], ev: EvidenceList) -> FramingView:
    headlines = [HeadlineView(h.source, ev.outlet(h.source), view.headline_runs(h)) for h in framing.headlines]
    wording = []
    for difference in framing.wording[: view.WORDING_SHOWN]:
        claim = claims.get(difference.claim)
        text = " ".join(claim.text.split()) if claim else ""
        wordings = [WordingView(" ".join(w.text.split()), ev.chips(w.evidence)) for w in difference.wordings]
        wording.append(DifferenceView(wordings, shorten(text), text))
    pieces = [
        PieceView(p.source, ev.outlet(p.source), p.kind, view.PIECE_KINDS.get(p.kind, p.kind), "; ".join(p.reasons))
        for p in framing.pieces
    ]
    return FramingView(headlines, wording, max(len(framing.wording) - view.WORDING_SHOWN, 0), pieces)
