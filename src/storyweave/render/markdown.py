"""A brief as Markdown that also reads well in a terminal.

The document is the non-empty outputs of ``SECTIONS`` joined by blank lines; each
section is a small function that returns ``None`` when the brief has nothing for it.
The sections of the cross-source analysis (claims, facts and conflicts, quotes, people,
timeline, coverage, framing) are in ``markdown_analysis``.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from storyweave.limits import not_analysed_note
from storyweave.models import NEWS, Analysis, Brief, Source, SummarySentence
from storyweave.render import markdown_analysis as analysis
from storyweave.render._analysis_view import speaker_named
from storyweave.render._links import safe_url
from storyweave.render._md import escape, plural

Section = Callable[[Brief], str | None]


PARTIAL_MARK, CONTRADICTS_MARK = "~", "≠"
LEGEND = (
    f"[n{PARTIAL_MARK}] reports part of the sentence · "
    f"[n{CONTRADICTS_MARK}] gives one of its figures or days differently"
)


def citations(sentence: SummarySentence) -> str:
    """``[1][3][2~][4≠]``: the sources that state the sentence, those that report part of it, those that
    contradict it, each ascending."""
    partial = set(sentence.partial_sources)
    marks = [f"[{n}{PARTIAL_MARK if n in partial else ''}]" for n in sentence.sources]
    return "".join(marks + [f"[{n}{CONTRADICTS_MARK}]" for n in sentence.contradicting_sources])


def _voiced(sentence: SummarySentence, analysis: Analysis | None) -> str:
    """The sentence (its speaker named where it gives only a pronoun), quoted and labelled when it is an opinion
    or analysis piece's words, not the news's."""
    text = speaker_named(sentence.text, sentence.evidence, analysis)
    if sentence.voice == NEWS:
        return escape(text)
    return f"_({escape(sentence.voice)})_ “{escape(text)}”"


def header(brief: Brief) -> str:
    title = escape(brief.title) or "Untitled story"
    counts = (
        f"{plural(len(brief.sources), 'source')} · "
        f"{plural(brief.summary_words, 'summary word')} (budget {brief.word_budget})"
    )
    return f"# {title}\n\n{counts}"


def summary(brief: Brief) -> str:
    if not brief.summary:
        return "## Summary\n\nNo sentence of the sources could be used for a summary."
    # One sentence per line: a paragraph once rendered, a list of lines in a terminal.
    lines = [f"{_voiced(s, brief.analysis)} {citations(s)}".rstrip() for s in brief.summary]
    if any(s.partial_sources or s.contradicting_sources for s in brief.summary):
        lines += ["", f"_{LEGEND}_"]
    return "## Summary\n\n" + "\n".join(lines)


def _link(source: Source) -> str:
    url = safe_url(source.url)
    if url and not re.search(r"[\s<>]", url):
        return f"<{url}>"
    if source.url:
        return escape(source.url)
    return escape(source.path or "")


def source_line(source: Source) -> str:
    """``[1] Outlet — "Title" (2024-03-05) — url or path``, leaving out what is unknown."""
    parts = [f"[{source.number}] {escape(source.outlet) or 'Unknown outlet'}"]
    if source.title.strip():
        parts.append(f'"{escape(source.title)}"')
    line = " — ".join(parts)
    if source.published is not None:
        line += f" ({source.published.date().isoformat()})"
    where = _link(source)
    return f"{line} — {where}" if where else line


def sources(brief: Brief) -> str | None:
    if not brief.sources:
        return None
    items = sorted(brief.sources, key=lambda s: s.number)
    lines = [f"- {source_line(s)}" for s in items]
    if brief.not_analysed:
        lines.append(f"- {not_analysed_note(brief.not_analysed)}")
    return "## Sources\n\n" + "\n".join(lines)


SECTIONS: list[Section] = [
    header,
    summary,
    analysis.claims,
    analysis.facts,
    analysis.quotes,
    analysis.entities,
    analysis.timeline,
    analysis.coverage,
    analysis.framing,
    sources,
]


def brief_to_markdown(brief: Brief) -> str:
    """The brief as a Markdown document ending with a newline."""
    parts = [text for section in SECTIONS if (text := section(brief))]
    return "\n\n".join(parts) + "\n"
