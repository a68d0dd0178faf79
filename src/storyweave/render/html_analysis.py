"""The cross-source analysis as view records for ``templates/brief-analysis.html.j2``.

Every evidence sentence the analysis cites becomes one figure (``ax-1``, ``ax-2``, ...;
a sentence cited twice is listed once) in the page's analysis-evidence list, and every
reference to it a citation chip pointing at that figure, as in the summary.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from storyweave.models import (
    Analysis,
    Claim,
    Coverage,
    EntityProfile,
    Evidence,
    FactGroup,
    Quote,
    TimelineEvent,
)
from storyweave.render import _analysis_view as view
from storyweave.render._md import plural, shorten
from storyweave.render.html_framing import FramingView, framing_view
from storyweave.render.html_views import ChipView, EvidenceView, chip, evidence_view, support_of

STATUS_CLASS = {
    "conflict": "conflict",
    "approximately consistent": "approx",
    "consistent": "consistent",
    "single-source": "single",
    "corroborated": "corroborated",
    "partly corroborated": "partly",
    "disputed": "disputed",
    "unconfirmed": "unconfirmed",
}


class EvidenceList:
    """The analysis's evidence figures, each sentence once, and chips that point at them."""

    def __init__(self, outlets: dict[int, str]) -> None:
        self.outlets = outlets
        self.figures: list[EvidenceView] = []
        self._ids: dict[tuple[int, str, int, int, float], EvidenceView] = {}

    def outlet(self, number: int) -> str:
        return self.outlets.get(number, f"Source {number}")

    def add(self, evidence: Evidence) -> EvidenceView:
        key = (evidence.source, evidence.article_id, evidence.start, evidence.end, round(evidence.similarity, 4))
        if key not in self._ids:
            figure = evidence_view(evidence, f"ax-{len(self.figures) + 1}", self.outlet(evidence.source), False)
            self.figures.append(figure)
            self._ids[key] = figure
        return self._ids[key]

    def chips(self, evidence: Iterable[Evidence]) -> list[ChipView]:
        """One chip per source, ascending, each pointing at that source's figures and saying how it reports it."""
        evidence = list(evidence)
        by_source: dict[int, list[EvidenceView]] = {}
        for e in evidence:
            figure = self.add(e)
            if figure not in by_source.setdefault(e.source, []):
                by_source[e.source].append(figure)
        return [chip(n, self.outlet(n), by_source[n], support_of(evidence, n)) for n in sorted(by_source)]


@dataclass(frozen=True, slots=True)
class ItemView:
    """A piece of text with its chips: a claim, a role, a variant, a timeline entry."""

    text: str
    chips: list[ChipView]
    note: str = ""  # "corroborated by 3 outlets", "said", the full text of a shortened claim


@dataclass(frozen=True, slots=True)
class ClaimGroupView:
    status: str
    title: str
    claims: list[ItemView]
    more: int


@dataclass(frozen=True, slots=True)
class FactRowView:
    about: str
    status: str  # css class
    badge: str
    cells: list[list[ItemView]]  # one list per column, empty where the source says nothing


@dataclass(frozen=True, slots=True)
class QuoteView:
    text: str
    speaker: str | None
    chips: list[ChipView]
    variants: list[ItemView]
    attributions: list[ItemView]
    paraphrased: list[ChipView]


@dataclass(frozen=True, slots=True)
class EntityView:
    name: str
    kind: str
    sources: list[int]
    roles: list[ItemView]
    aliases: list[str]


@dataclass(frozen=True, slots=True)
class EventView:
    start: str  # ISO date, for <time datetime>
    span: str  # "2026-03-03", "1998", "1997–2013"
    when: str  # as written
    text: str
    chips: list[ChipView]


@dataclass(frozen=True, slots=True)
class CardView:
    number: int
    outlet: str
    only_here: list[ItemView]
    only_more: int
    missing: list[ItemView]
    missing_count: int
    syndicated_with: list[int]


@dataclass(frozen=True, slots=True)
class AnalysisView:
    claims: list[ClaimGroupView]
    syndication: list[str]
    columns: list[tuple[int, str]]  # the fact table's sources
    facts: list[FactRowView]
    facts_more: int
    quotes: list[QuoteView]
    quotes_more: int
    entities: list[EntityView]
    entities_more: int
    timeline: list[EventView]
    timeline_more: int
    coverage: list[CardView]
    framing: FramingView
    evidence: list[EvidenceView]


def _flat(text: str) -> str:
    return " ".join(text.split())


CLAIM_NOTES = {
    "disputed": "disputed",
    "partly corroborated": "partly corroborated",
    "single-source": "one source",
    "unconfirmed": "not found elsewhere",
}


def _claim(claim: Claim, ev: EvidenceList, analysis: Analysis) -> ItemView:
    if claim.status == "corroborated":
        note = f"corroborated by {plural(claim.independent_sources, 'outlet')}"
    elif claim.status == "single-source" and len(claim.sources) > 1:
        note = "one copy"
    else:
        note = CLAIM_NOTES.get(claim.status, claim.status)
    credits = [f"[{source}] credits [{via}]" for source, via in view.credited(claim)]
    text = view.speaker_named(claim.text, claim.evidence, analysis)
    return ItemView(_flat(text), ev.chips(claim.evidence), "; ".join([note, *credits]))


def _claims(analysis: Analysis, ev: EvidenceList) -> list[ClaimGroupView]:
    return [
        ClaimGroupView(
            STATUS_CLASS.get(status, status.replace(" ", "-")),
            view.CLAIM_STATUSES[status],
            [_claim(c, ev, analysis) for c in group[: view.CLAIMS_SHOWN]],
            max(len(group) - view.CLAIMS_SHOWN, 0),
        )
        for status, group in view.claim_groups(analysis)
    ]


def _fact_row(group: FactGroup, columns: list[int], ev: EvidenceList) -> FactRowView:
    cells = [
        [ItemView(_flat(f.text), ev.chips([f.evidence])) for f in group.facts if f.source == number]
        for number in columns
    ]
    badge = view.FACT_LABELS.get(group.status, group.status)
    return FactRowView(_flat(group.about) or group.kind, STATUS_CLASS.get(group.status, "other"), badge, cells)


def _quote(quote: Quote, ev: EvidenceList) -> QuoteView:
    chips = ev.chips(v.evidence for v in quote.variants)
    variants = [
        ItemView(_flat(v.text), ev.chips([v.evidence]), _flat(v.cue or "")) for v in view.differing_variants(quote)
    ]
    attributions = [
        ItemView(words, ev.chips(v.evidence for v in quote.variants if v.source in numbers))
        for words, numbers in (view.attributions(quote) if quote.attribution_differs else [])
    ]
    speaker = _flat(quote.speaker or "") or None
    return QuoteView(_flat(quote.text), speaker, chips, variants, attributions, ev.chips(quote.paraphrased_in))


def _entity(entity: EntityProfile, ev: EvidenceList) -> EntityView:
    roles = [ItemView(role.text, ev.chips(role.evidence)) for role in view.merged_roles(entity)]
    return EntityView(_flat(entity.name), _flat(entity.kind), sorted(set(entity.sources)), roles, view.aliases(entity))


def _event(event: TimelineEvent, ev: EvidenceList) -> EventView:
    span = view.date_span(event.start, event.end)
    return EventView(event.start, span, _flat(event.when), _flat(event.text), ev.chips(event.evidence))


def _card(cov: Coverage, claims: dict[str, Claim], ev: EvidenceList) -> CardView:
    def mine(claim: Claim) -> list[Evidence]:
        return [e for e in claim.evidence if e.source == cov.source] or claim.evidence

    only = [claims[i] for i in cov.only_here if i in claims][: view.ONLY_HERE_SHOWN]
    missing = [claims[i] for i in cov.missing if i in claims][: view.MISSING_SHOWN]
    return CardView(
        number=cov.source,
        outlet=ev.outlet(cov.source),
        only_here=[ItemView(shorten(c.text), ev.chips(mine(c)), _flat(c.text)) for c in only],
        only_more=len(cov.only_here) - len(only),
        missing=[ItemView(shorten(c.text), ev.chips(c.evidence), _flat(c.text)) for c in missing],
        missing_count=len(cov.missing),
        syndicated_with=sorted(set(cov.syndicated_with)),
    )


def analysis_view(analysis: Analysis, outlets: dict[int, str]) -> AnalysisView:
    ev = EvidenceList(outlets)
    claims = _claims(analysis, ev)
    groups, facts_more = view.shown_fact_groups(analysis)
    columns = sorted({f.source for g in groups for f in g.facts})
    facts = [_fact_row(g, columns, ev) for g in groups]
    quotes = [_quote(q, ev) for q in analysis.quotes[: view.QUOTES_SHOWN]]
    entities = [_entity(e, ev) for e in analysis.entities[: view.ENTITIES_SHOWN]]
    events, timeline_more = view.timeline_events(analysis)
    timeline = [_event(e, ev) for e in events]
    claims_by_id = {c.id: c for c in analysis.claims}
    cards = [_card(c, claims_by_id, ev) for c in sorted(analysis.coverage, key=lambda c: c.source)]
    return AnalysisView(
        claims=claims,
        syndication=view.syndication_notes(analysis),
        columns=[(n, ev.outlet(n)) for n in columns],
        facts=facts,
        facts_more=facts_more if facts else 0,
        quotes=quotes,
        quotes_more=len(analysis.quotes) - len(quotes),
        entities=entities,
        entities_more=len(analysis.entities) - len(entities),
        timeline=timeline,
        timeline_more=timeline_more,
        coverage=cards,
        framing=framing_view(analysis.framing, claims_by_id, ev),
        evidence=ev.figures,  # after every chip is made
    )
