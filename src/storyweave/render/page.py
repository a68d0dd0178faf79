"""What a brief's page shows, as view records: the context both ``brief_to_html`` and the web's story page
render (the summary with its citation chips and evidence, the sources, the analysis)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from storyweave.models import Analysis, Brief, Source, SummarySentence
from storyweave.render._analysis_view import speaker_named
from storyweave.render._links import safe_url
from storyweave.render.html_analysis import analysis_view
from storyweave.render.html_views import (
    ChipView,
    EvidenceView,
    chip,
    evidence_view,
    label,
    outlet_label,
    support_of,
    title_label,
)


@dataclass(frozen=True, slots=True)
class SentenceView:
    id: str
    text: str
    chips: list[ChipView]
    evidence: list[EvidenceView]
    voice: str  # "news", or the kind of piece it was taken from ("opinion", "analysis")


@dataclass(frozen=True, slots=True)
class SourceView:
    number: int
    outlet: str
    title: str
    href: str | None  # only for http(s) URLs
    url_text: str | None  # a URL that is not linked, shown as text
    published: str | None  # ISO 8601
    date: str | None
    path: str | None


def sentence_view(
    sentence: SummarySentence, index: int, outlets: dict[int, str], analysis: Analysis | None = None
) -> SentenceView:
    evidence = [
        evidence_view(e, f"ev-{index}-{i}", outlets.get(e.source, f"Source {e.source}"), i == 1)
        for i, e in enumerate(sentence.evidence, start=1)
    ]
    chips = []
    for number in sentence.sources + sentence.contradicting_sources:
        mine = [e for e in evidence if e.source == number]
        kind = support_of(sentence.evidence, number)
        chips.append(chip(number, outlets.get(number, f"Source {number}"), mine, kind))
    text = " ".join(speaker_named(sentence.text, sentence.evidence, analysis).split())
    return SentenceView(f"s-{index}", text, chips, evidence, sentence.voice)


def source_view(source: Source) -> SourceView:
    href = safe_url(source.url)
    return SourceView(
        number=source.number,
        outlet=outlet_label(source.outlet),
        title=label(source.title, ""),
        href=href,
        url_text=None if href else (source.url or None),
        published=source.published.isoformat() if source.published else None,
        date=source.published.date().isoformat() if source.published else None,
        path=source.path,
    )


def brief_context(brief: Brief) -> dict[str, Any]:
    """The brief's page content: title, budget, summary sentences with chips and evidence, sources, analysis."""
    outlets = {s.number: outlet_label(s.outlet) for s in brief.sources}
    return {
        "title": title_label(brief.title),
        "story_id": brief.story_id,
        "word_budget": brief.word_budget,
        "summary_words": brief.summary_words,
        "sentences": [sentence_view(s, i, outlets, brief.analysis) for i, s in enumerate(brief.summary, start=1)],
        "sources": [source_view(s) for s in sorted(brief.sources, key=lambda s: s.number)],
        "analysis": analysis_view(brief.analysis, outlets) if brief.analysis is not None else None,
    }
