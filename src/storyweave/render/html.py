"""A brief as one self-contained HTML page.

Everything the page needs is inline: the style sheet and the small script come from
``templates/brief.css`` (plus ``brief-analysis.css`` when the brief has a cross-source
analysis) and ``templates/brief.js`` and are allowed by their SHA-256 in
the page's Content-Security-Policy, so nothing else (no injected script, no remote
asset) can load or run. Every article-derived string goes through Jinja2 autoescaping.
"""

from __future__ import annotations

import base64
import hashlib
from dataclasses import dataclass
from functools import cache
from importlib import resources

from jinja2 import Environment, PackageLoader, StrictUndefined
from markupsafe import Markup

from storyweave.limits import not_analysed_note
from storyweave.models import Brief, Source, SummarySentence
from storyweave.render._html_common import (
    ChipView,
    EvidenceView,
    chip,
    evidence_view,
    label,
    outlet_label,
    support_of,
    title_label,
)
from storyweave.render._links import safe_url
from storyweave.render.html_analysis import analysis_view

TEMPLATE = "brief.html.j2"


@dataclass(frozen=True, slots=True)
class SentenceView:
    id: str
    text: str
    chips: list[ChipView]
    evidence: list[EvidenceView]


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


def _csp_hash(text: str) -> str:
    digest = hashlib.sha256(text.encode("utf-8")).digest()
    return "'sha256-" + base64.b64encode(digest).decode("ascii") + "'"


@cache
def _asset(name: str) -> str:
    text = resources.files("storyweave.render").joinpath("templates", name).read_text("utf-8")
    if "</" in text:  # would end the inline element early
        raise RuntimeError(f"templates/{name} must not contain '</'")
    return text


@cache
def _environment() -> Environment:
    return Environment(
        loader=PackageLoader("storyweave.render", "templates"),
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )


def content_security_policy(style: str, script: str) -> str:
    """The page's policy: nothing but its own inline style sheet and script (and data: images)."""
    return (
        "default-src 'none'; "
        f"style-src {_csp_hash(style)}; "
        f"script-src {_csp_hash(script)}; "
        "img-src data:; base-uri 'none'; form-action 'none'"
    )


def _sentence_view(sentence: SummarySentence, index: int, outlets: dict[int, str]) -> SentenceView:
    evidence = [
        evidence_view(e, f"ev-{index}-{i}", outlets.get(e.source, f"Source {e.source}"), i == 1)
        for i, e in enumerate(sentence.evidence, start=1)
    ]
    chips = []
    for number in sentence.sources + sentence.contradicting_sources:
        mine = [e for e in evidence if e.source == number]
        kind = support_of(sentence.evidence, number)
        chips.append(chip(number, outlets.get(number, f"Source {number}"), mine, kind))
    return SentenceView(f"s-{index}", " ".join(sentence.text.split()), chips, evidence)


def _source_view(source: Source) -> SourceView:
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


def brief_to_html(brief: Brief) -> str:
    """The brief as a complete HTML document.

    The analysis sections and their style sheet (``templates/brief-analysis.css``) are
    only in the page when the brief has an analysis.
    """
    style, script = _asset("brief.css"), _asset("brief.js")
    outlets = {s.number: outlet_label(s.outlet) for s in brief.sources}
    analysis = analysis_view(brief.analysis, outlets) if brief.analysis is not None else None
    if analysis is not None:
        style += _asset("brief-analysis.css")
    template = _environment().get_template(TEMPLATE)
    return template.render(
        title=title_label(brief.title),
        story_id=brief.story_id,
        word_budget=brief.word_budget,
        summary_words=brief.summary_words,
        sentences=[_sentence_view(s, i, outlets) for i, s in enumerate(brief.summary, start=1)],
        sources=[_source_view(s) for s in sorted(brief.sources, key=lambda s: s.number)],
        not_analysed=not_analysed_note(brief.not_analysed) if brief.not_analysed else "",
        analysis=analysis,
        csp=content_security_policy(style, script),
        style=Markup(style),
        script=Markup(script),
    )
