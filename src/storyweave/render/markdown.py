"""A brief as Markdown that also reads well in a terminal.

The document is the non-empty outputs of ``SECTIONS`` joined by blank lines; a new
section (claims, conflicts, quotes, ...) is one more small function in that list that
returns ``None`` when the brief has nothing for it.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from storyweave.models import Brief, Source, SummarySentence
from storyweave.render._links import safe_url

Section = Callable[[Brief], str | None]

_INLINE_SPECIAL = re.compile(r"([\\`*_\[\]<>])")
_ENTITY = re.compile(r"&(?=#?\w+;)")
_BLOCK_START = re.compile(r"^([#=+~-])")
_LIST_NUMBER = re.compile(r"^(\d+)([.)])")


def escape(text: str) -> str:
    """``text`` on one line, with the characters Markdown would act on backslash-escaped.

    Raw HTML, emphasis, code spans and bracketed text that could pass for a citation are
    neutralised; ordinary punctuation is left alone so the text stays readable as is.
    """
    flat = " ".join(text.split())
    flat = _INLINE_SPECIAL.sub(r"\\\1", flat)
    flat = _ENTITY.sub(r"\\&", flat)
    flat = _LIST_NUMBER.sub(r"\1\\\2", flat)
    return _BLOCK_START.sub(r"\\\1", flat)


def citations(sentence: SummarySentence) -> str:
    """``[1][3]``: the sources that report the sentence, ascending."""
    return "".join(f"[{number}]" for number in sentence.sources)


def _plural(count: int, word: str) -> str:
    return f"{count} {word}" if count == 1 else f"{count} {word}s"


def header(brief: Brief) -> str:
    title = escape(brief.title) or "Untitled story"
    counts = (
        f"{_plural(len(brief.sources), 'source')} · "
        f"{_plural(brief.summary_words, 'summary word')} (budget {brief.word_budget})"
    )
    return f"# {title}\n\n{counts}"


def summary(brief: Brief) -> str:
    if not brief.summary:
        return "## Summary\n\nNo sentence of the sources could be used for a summary."
    # One sentence per line: a paragraph once rendered, a list of lines in a terminal.
    lines = [f"{escape(s.text)} {citations(s)}".rstrip() for s in brief.summary]
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
    return "## Sources\n\n" + "\n".join(f"- {source_line(s)}" for s in items)


SECTIONS: list[Section] = [header, summary, sources]


def brief_to_markdown(brief: Brief) -> str:
    """The brief as a Markdown document ending with a newline."""
    parts = [text for section in SECTIONS if (text := section(brief))]
    return "\n\n".join(parts) + "\n"
