"""Whether an article is straight news, or an opinion or analysis piece, and the sentences in which its writer
speaks as "I".

A piece is known by its address (``/opinion/``, ``/analysis/``), its headline's label ("Opinion:", "Analysis |")
or its voice: first-person sentences outside quotations (a transcript's speakers excepted, and "I" as a numeral
or a road: "World War I", "I-95").
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from storyweave.analysis.quote_spans import quoted_spans
from storyweave.models import AnnotatedArticle, PieceKind

__all__ = ["first_person_sentences", "piece_kinds"]

_OPINION_PATH = re.compile(
    r"/(?:opinions?|commentary|editorials?|op-?eds?|columns?|columnists?|blogs?|letters)(?:/|$)", re.I
)
_ANALYSIS_PATH = re.compile(r"/(?:analysis|news-analysis|explainers?)(?:/|$)", re.I)
# "Opinion: ...", "OPINION | ...", "Analysis — ...", not "Letter-writing campaign ..."
_LABEL_END = r"(?:\s*[:|]|\s+[–—-]\s)"
_OPINION_LABEL = re.compile(
    rf"^\s*(?:opinion|op-ed|editorial|commentary|column|letters?|perspective){_LABEL_END}", re.I
)
_ANALYSIS_LABEL = re.compile(rf"^\s*(?:analysis|news analysis|explainer){_LABEL_END}", re.I)
# The writer as "I" (not a road or an initial: "I-95", "I. M. Pei"; a numeral after a name, see _first_person)
_I = re.compile(r"\b(?:I(?![-.]\s?[\dA-Z])|I'm|I've|I'd|I’m|I’ve|I’d)\b")
_ME = re.compile(r"\b(?:[Mm]e|[Mm]y|[Mm]yself)\b")
_SPEAKER_LABEL = re.compile(r"^(?:[A-Z][\w.'’-]*\s){0,4}[A-Z][\w.'’-]*:\s")  # a transcript's turn: "Ann Cole: ..."
FIRST_PERSON_SENTENCES = 3  # an article written in the first person: at least this many of its own sentences...
FIRST_PERSON_SHARE = 0.15  # ... and at least this share of them


def piece_kinds(articles: Sequence[AnnotatedArticle]) -> list[PieceKind]:
    """The articles that are opinion or analysis rather than news, each with what shows it."""
    pieces = []
    for n, annotated in enumerate(articles):
        kind, reasons = _kind(annotated)
        if kind:
            pieces.append(PieceKind(source=n + 1, kind=kind, reasons=reasons))
    return pieces


def _kind(annotated: AnnotatedArticle) -> tuple[str, list[str]]:
    article = annotated.article
    path = re.sub(r"^[a-z]+://[^/]*", "", article.url or "", flags=re.I)
    if m := _OPINION_PATH.search(path):
        return "opinion", [f"its address is under {m.group().rstrip('/')}/"]
    if m := _ANALYSIS_PATH.search(path):
        return "analysis", [f"its address is under {m.group().rstrip('/')}/"]
    if m := _OPINION_LABEL.match(article.title):
        return "opinion", [f"its headline is labelled '{m.group().strip(' :|–—-')}'"]
    if m := _ANALYSIS_LABEL.match(article.title):
        return "analysis", [f"its headline is labelled '{m.group().strip(' :|–—-')}'"]
    own = first_person_sentences(annotated)
    if len(own) >= FIRST_PERSON_SENTENCES and len(own) >= FIRST_PERSON_SHARE * len(annotated.sentences):
        return "opinion", [f"written in the first person ({len(own)} of its {len(annotated.sentences)} sentences)"]
    return "", []


def first_person_sentences(annotated: AnnotatedArticle) -> set[int]:
    """Sentences in which the writer speaks as "I" (outside quotations): the writer's voice, not the news's."""
    text, kept, last = annotated.article.text, [], 0
    for start, end in quoted_spans(annotated):  # the text with every quotation's words blanked out
        kept += [text[last:start], " " * (end - start)]
        last = end
    unquoted = "".join([*kept, text[last:]])  # a sentence wholly inside a quotation is blank in it
    # A transcript ("REPORTER: I just ...", "Ann Cole: I think ...") speaks in its speakers' voices from its first
    # turn on: the first person there is theirs, not the writer's
    turns = [s.paragraph for s in annotated.sentences if _SPEAKER_LABEL.match(s.text)]
    transcript_from = turns[0] if len(turns) >= 2 else None
    found = set()
    for sentence in annotated.sentences:
        if transcript_from is not None and sentence.paragraph >= transcript_from:
            continue
        if _first_person(unquoted, sentence.start, sentence.end):
            found.add(sentence.index)
    return found


def _first_person(text: str, start: int, end: int) -> bool:
    """``text[start:end]`` has the writer speaking as "I", "me" or "my"; an "I" after a capitalised word inside
    the sentence is a numeral ("World War I", "the Phase I trials", "Louis I")."""
    if _ME.search(text, start, end):
        return True
    for found in _I.finditer(text, start, end):
        words = text[start : found.start()].split()
        numeral = len(words) > 1 and words[-1].isalpha() and words[-1][:1].isupper()
        if not (numeral and not words[-2].endswith((".", ",", ";", ":", "—", '"', "”"))):
            return True
    return False
