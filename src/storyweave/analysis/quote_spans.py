"""Direct quotations in one article and who said them.

A quotation is the text between paired quotation marks (straight or curly) within
a paragraph; a paragraph that opens a quote and never closes it runs to its end
(the convention for quotes that go on over several paragraphs). The attribution is
read from the same sentence, after the quote ("...," said X / X said / she told the
BBC) or before it (X said: "..." / according to X, "..."); a quote with no
attribution of its own continues the previous quotation's speaker when it follows it
directly.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from storyweave.models import AnnotatedArticle

MIN_WORDS = 4
CUES = (
    r"said|says|say|told|tells|wrote|writes|added|adds|explained|explains|noted|notes|stated|states|insisted|"
    r"warned|warns|argued|argues|asked|asks|continued|recalled|acknowledged|admitted|replied|declared|"
    r"announced|tweeted|posted|claimed|claims|quipped|observed|remarked|testified|concluded|cautioned"
)
_NAME = (
    r"(?P<name>(?:the\s+)?(?:[A-Z][\w'’.-]*\.?\s+){0,4}[A-Z][\w'’-]+|[Hh]e|[Ss]he|[Tt]hey"
    r"|the\s+[a-z]+(?:\s+[a-z]+)?)"
)
_OF = r"(?:\s+(?:of|from|at|for)\s+(?:the\s+)?[\w'’ -]{1,40}?)?"  # "Okafor of the coastguard said"
_AFTER = re.compile(
    rf"^[,.!?]?[\"”]?\s*(?:(?P<cue1>{CUES})\s+{_NAME.replace('name', 'name1')}|{_NAME.replace('name', 'name2')}"
    rf"{_OF}(?:,[^,]{{1,60}},)?\s+(?P<cue2>{CUES}))\b"
)
_BEFORE = re.compile(
    rf"(?:{_NAME.replace('name', 'name1')}\s+(?:has\s+|had\s+)?(?P<cue1>{CUES})(?:\s+[A-Za-z ]{{1,30}}?)?"
    rf"|(?P<cue2>[Aa]ccording to)\s+{_NAME.replace('name', 'name2')})\s*[:,]?\s*$"
)
_PAIRS = re.compile(r"“(?P<curly>[^“”]+)”|\"(?P<straight>[^\"]+)\"")
_OPEN_TO_END = re.compile(r"[“\"](?P<rest>[^“”\"]+)$")


@dataclass(frozen=True, slots=True)
class QuoteSpan:
    start: int  # the quoted words, without the marks
    end: int
    text: str
    sentence: int  # sentence holding the attribution (or the quote's first sentence)
    speaker_text: str | None
    cue: str | None


def _paragraphs(annotated: AnnotatedArticle) -> list[tuple[int, int]]:
    spans: dict[int, list[int]] = {}
    for s in annotated.sentences:
        span = spans.setdefault(s.paragraph, [s.start, s.end])
        span[1] = s.end
    return [(a, b) for a, b in spans.values()]


def _sentence_at(annotated: AnnotatedArticle, offset: int) -> int:
    for s in annotated.sentences:
        if s.start <= offset < s.end:
            return s.index
    following = next((s.index for s in annotated.sentences if s.start > offset), 0)
    return max(0, min(len(annotated.sentences) - 1, following))


def _raw_quotes(text: str, paragraphs: list[tuple[int, int]]) -> list[tuple[int, int]]:
    found = []
    for p_start, p_end in paragraphs:
        body = text[p_start:p_end]
        last = 0
        for m in _PAIRS.finditer(body):
            group = "curly" if m["curly"] is not None else "straight"
            found.append((p_start + m.start(group), p_start + m.end(group)))
            last = m.end()
        tail = _OPEN_TO_END.search(body, last)
        if tail:
            found.append((p_start + tail.start("rest"), p_start + tail.end("rest")))
    return found


def _attribution(text: str, start: int, end: int, sentence_start: int, sentence_end: int) -> tuple[str, str] | None:
    after = _AFTER.match(text[end:sentence_end])
    if after:
        return (after["name1"] or after["name2"]), (after["cue1"] or after["cue2"])
    before = _BEFORE.search(text[sentence_start : max(sentence_start, start - 1)])
    if before:
        return (before["name1"] or before["name2"]), (before["cue1"] or before["cue2"]).lower()
    return None


def find_quotes(annotated: AnnotatedArticle) -> list[QuoteSpan]:
    text = annotated.article.text
    found: list[QuoteSpan] = []
    previous_end = -1
    for start, end in _raw_quotes(text, _paragraphs(annotated)):
        quoted = text[start:end].strip(" ,")
        start = start + text[start:end].find(quoted)
        end = start + len(quoted)
        if len(quoted.split()) < MIN_WORDS:
            continue
        first = annotated.sentences[_sentence_at(annotated, start)]
        last = annotated.sentences[_sentence_at(annotated, max(start, end - 1))]
        attribution = _attribution(text, start, end, first.start, last.end)
        sentence = last.index if attribution and _AFTER.match(text[end : last.end]) else first.index
        if attribution is None and found and start - previous_end < 400:
            speaker_text, cue = found[-1].speaker_text, found[-1].cue  # the same speaker goes on
        elif attribution is None:
            speaker_text, cue = None, None
        else:
            speaker_text, cue = attribution
        found.append(QuoteSpan(start, end, quoted, sentence, speaker_text, cue))
        previous_end = end
    return found
