"""Direct quotations in one article and who said them.

A quotation is the text between paired quotation marks (straight or curly) within
a paragraph; a paragraph that opens a quote and never closes it runs to its end
(the convention for quotes that go on over several paragraphs). The attribution is
read by patterns from the words around the quote (``quote_cues``: "...," said X, X
said: "...", a transcript's label, a credit line), else from the parser's subject of
a speech verb in its sentences, or of the sentence that embeds it (its main verb, or
the verb right before the quote: 'which Ann Cole called "..."'), or of the sentence
just before it ("He says the family is grieving."); a quote with no attribution of its own
continues the previous quotation's speaker when it follows it directly.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass

from storyweave.analysis import quote_cues as cues
from storyweave.models import AnnotatedArticle, Sentence
from storyweave.nlp.syntax import Subject

MIN_WORDS = 4
_PAIRS = re.compile(r"“(?P<curly>[^“”]+?)(?:”|\ufffd\?)|\"(?P<straight>[^\"]+)\"")
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
    found: list[tuple[int, int]] = []
    carried = False  # the last quotation was left open at the end of the previous paragraph
    for p_start, p_end in paragraphs:
        body = text[p_start:p_end]
        last = 0
        close = _closing_first(body) if carried else None
        if close is not None:  # '"Thompson was not so easy to box.' | 'I'm satisfied, " Klitschko said.'
            found[-1] = (found[-1][0], p_start + close)
            last = close + 1
        for m in _PAIRS.finditer(body, last):
            group = "curly" if m["curly"] is not None else "straight"
            found.append((p_start + m.start(group), p_start + m.end(group)))
            last = m.end()
        tail = _OPEN_TO_END.search(body, last)
        if tail:
            found.append((p_start + tail.start("rest"), p_start + tail.end("rest")))
        carried = tail is not None
    return found


def _closing_first(body: str) -> int | None:
    """Where a quotation the previous paragraph left open closes in this one: a closing mark before any opening
    one. None when the paragraph opens a quotation of its own (how quotes that run over paragraphs go on)."""
    if body[:1] in '"“':
        return None
    closing, opening = body.find("”"), body.find("“")
    if closing >= 0 and (opening < 0 or closing < opening):
        return closing
    return body.find('"') if body.count('"') % 2 == 1 else None


CONTEXT = 3  # sentences before a quote that its speaker is looked for in
_PERSONAL = {"he", "she", "they"}
_OWN_VOICE = {"i", "we", "you", "it", "this", "that", "there"}


def _candidates(annotated: AnnotatedArticle) -> Iterator[tuple[int, int, Sentence, Sentence]]:
    """Each quotation's offsets (marks and spaces trimmed), first sentence and attribution's last sentence."""
    text = annotated.article.text
    for start, end in _raw_quotes(text, _paragraphs(annotated)):
        quoted = text[start:end].strip(" ,")
        start = start + text[start:end].find(quoted)
        end = start + len(quoted)
        first = annotated.sentences[_sentence_at(annotated, start)]
        last = annotated.sentences[_sentence_at(annotated, max(start, end - 1))]
        following = annotated.sentences[last.index + 1] if last.index + 1 < len(annotated.sentences) else None
        if following and following.paragraph == last.paragraph and last.end - end <= 3:
            last = following  # '"... again?" she asked.' is split after the question mark
        yield start, end, first, last


def quoted_spans(annotated: AnnotatedArticle) -> list[tuple[int, int]]:
    """(start, end) of every quotation's words in the article's text, marks left out."""
    return _raw_quotes(annotated.article.text, _paragraphs(annotated))


def inside_quotations(annotated: AnnotatedArticle) -> set[int]:
    """Sentences that lie wholly inside a quotation that opened in an earlier sentence: without the marks and
    the speaker, their words would read as the brief's own ("I wouldn't do it again." in the middle of a quote)."""
    inside: set[int] = set()
    for start, end in quoted_spans(annotated):
        for sentence in annotated.sentences[_sentence_at(annotated, start) + 1 :]:
            if sentence.end > end + 1:
                break  # sentences are in order: the rest lie beyond the quotation
            if sentence.start >= start:
                inside.add(sentence.index)
    return inside


def quote_sentences(annotated: AnnotatedArticle) -> set[int]:
    """Sentences worth parsing: those of quotes that patterns do not attribute to a name by its cue, and the
    few before them (where a pronoun's or a description's person is named)."""
    wanted: set[int] = set()
    text = annotated.article.text
    quoted = []
    for start, end, first, last in _candidates(annotated):
        quoted.append((start - 2, end + 2))  # with the marks and the punctuation by them
        found = cues.attribution(text, start, end, first.start, last.end)
        if found and found.direct and cues.named(found.written):
            continue
        wanted.update(range(max(0, first.index - CONTEXT), last.index + 1))
    sentences = annotated.sentences  # a sentence wholly inside a quotation names no speaker
    quoted.sort()
    starts = [a for a, _ in quoted]

    def inside_a_quote(sentence: Sentence) -> bool:
        at = bisect.bisect_right(starts, sentence.start) - 1  # the last quotation opening before the sentence
        return at >= 0 and sentence.end <= quoted[at][1]

    return {i for i in wanted if not inside_a_quote(sentences[i])}


def _may_speak(subject: Subject) -> bool:
    """A name, a personal pronoun or a named description ("the Hill Rangers team")."""
    words = subject.text.split()
    return subject.proper or subject.text.lower() in _PERSONAL or any(w[:1].isupper() for w in words[1:])


def _parsed_attribution(
    subjects: Mapping[int, list[Subject]], sentences: range, start: int, end: int, colon: bool = False
) -> tuple[str, str] | None:
    """The subject of the speech verb nearest the quote in its own sentences, outside the quotation.

    After a colon any verb before the quote introduces it ("Okafor shot back: ...").
    """
    found = [
        s
        for i in sentences
        for s in subjects.get(i, [])
        if (s.speech or (colon and s.verb_start < start and _may_speak(s)))
        and not start <= s.verb_start < end
        and not start <= s.start < end
        and s.text.lower() not in _OWN_VOICE
    ]
    if not found:
        return None
    found = [s for s in found if s.speech] or found
    nearest = min(found, key=lambda s: start - s.verb_start if s.verb_start < start else s.verb_start - end)
    return nearest.text, nearest.cue


def _embedding_subject(
    subjects: Mapping[int, list[Subject]], sentence: Sentence, start: int, end: int, text: str
) -> tuple[str, str] | None:
    """For a quotation set inside a sentence of narrative ("X called the plan 'a shell game'"), the named
    subject of that sentence's main verb, or of the verb right before the quotation ("the levy, which Ann Cole
    called 'a tax on everyone'"), when it stands before the quotation."""
    if len(text[sentence.start : start].split()) < 3:
        return None  # the quotation opens its sentence: nothing embeds it
    for subject in subjects.get(sentence.index, []):
        if not subject.proper or subject.end > start or start <= subject.start < end:
            continue
        if subject.main or _RIGHT_BEFORE.fullmatch(text, subject.verb_start, start):
            return subject.text, "other"  # or the subject of the verb right before it: 'which X called "..."'
    return None


# a verb of calling right before a quotation: 'which Ann Cole called "...', 'described as "...' (not 'performed "...')
_RIGHT_BEFORE = re.compile(r"(?:called|dubbed|termed|labell?ed|branded|described\s+as)\s*[\"“]?\s*")


def _lead_in(
    subjects: Mapping[int, list[Subject]], annotated: AnnotatedArticle, first: int, after: int
) -> tuple[str, str] | None:
    """A quote with no attribution of its own, after "He says the family is grieving.": that speaker.

    Only the two sentences before the quote count, and only what follows the previous quotation.
    """
    paragraph = annotated.sentences[first].paragraph
    for index in range(first - 1, max(first - 3, -1), -1):
        sentence = annotated.sentences[index]
        if sentence.paragraph < paragraph - 1 or sentence.start < after:
            break
        spoken = [s for s in subjects.get(index, []) if s.speech and s.text.lower() not in _OWN_VOICE]
        if spoken:
            last = max(spoken, key=lambda s: s.verb_start)
            return last.text, last.cue
    return None


def find_quotes(annotated: AnnotatedArticle, subjects: Mapping[int, list[Subject]] | None = None) -> list[QuoteSpan]:
    """The article's quotations; ``subjects`` (from the parser, by sentence) finds attributions patterns miss."""
    subjects = subjects or {}
    text = annotated.article.text
    found: list[QuoteSpan] = []
    previous: tuple[int, str | None, str | None] = (-10_000, None, None)  # end, speaker, cue of the last quote
    for start, end, first, last in _candidates(annotated):
        quoted = text[start:end]
        written = cues.attribution(text, start, end, first.start, last.end)
        # a cue written by the quote wins; else a transcript's label or a post's credit names the speaker
        attribution = (
            cues.checked(written, subjects, first.index, start, end)
            or cues.labelled(text, start, end, first.start, last.end)
            or cues.own_turn(annotated, first, start)
        )
        if attribution is None or attribution[0].endswith(("'s", "’s")):  # '..., said Ann's coach, Tom Reed'
            colon = text[first.start : start].rstrip(" \"“'‘").endswith(":")
            parsed = _parsed_attribution(subjects, range(first.index, last.index + 1), start, end, colon)
            attribution = parsed or attribution
        if attribution is None:  # 'Media caption Ann Cole: "..."', '... such as Dr Ann Cole:' and the quote below
            attribution = cues.introduced(annotated, start) or cues.credited(annotated, end)
        turn = cues.turn_speaker(annotated, first, attribution[0] if attribution else None)
        if turn:  # 'MD: ... you say, "Matt Damon grabbed my butt"': the turn's speaker tells it
            attribution = (turn, "said")
        if attribution is None:  # 'Savino called for "the Bills to do the same"': the sentence's own subject
            attribution = _embedding_subject(subjects, first, start, end, text)
        lead_in = _lead_in(subjects, annotated, first.index, previous[0]) if attribution is None else None
        speaker_text: str | None
        cue: str | None
        if lead_in:
            speaker_text, cue = lead_in
        elif attribution is None and start - previous[0] < 400 and previous[1]:
            speaker_text, cue = previous[1], previous[2]  # the same speaker goes on
        elif attribution is None:
            speaker_text, cue = None, None
        else:
            speaker_text, cue = attribution
        previous = (end, speaker_text, cue)
        if len(quoted.split()) < MIN_WORDS:
            continue  # a scare quote or a fragment, but its attribution carries on
        sentence = last.index if attribution and cues.AFTER.match(text[end : last.end]) else first.index
        found.append(QuoteSpan(start, end, quoted, sentence, speaker_text, cue))
    return found
