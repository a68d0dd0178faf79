"""Direct quotations in one article and who said them.

A quotation is the text between paired quotation marks (straight or curly) within
a paragraph; a paragraph that opens a quote and never closes it runs to its end
(the convention for quotes that go on over several paragraphs). The attribution is
read from the same sentence, after the quote ("...," said X / X said / she told the
BBC) or before it (X said: "..." / according to X, "..." / a name and a colon,
'Media caption Ann Cole: "..."'); a quote with no
attribution of its own continues the previous quotation's speaker when it follows it
directly.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass

from storyweave.analysis.entities import TITLES
from storyweave.models import AnnotatedArticle, Sentence
from storyweave.nlp.syntax import Subject

MIN_WORDS = 4
CUES = (
    r"said|says|say|told|tells|wrote|writes|added|adds|explained|explains|noted|notes|stated|states|insisted|"
    r"warned|warns|argued|argues|asked|asks|continued|continues|recalled|recalls|acknowledged|admitted|replied|"
    r"declared|announced|tweeted|posted|claimed|claims|quipped|observed|remarked|testified|concluded|cautioned|"
    r"yelled|shouted|screamed|captioned|confirmed|described|emphasized|emphasised|stressed|pointed out|"
    r"reiterated|repeated|responded|answered|began|went on|retorted|shot back|conceded|vowed|promised|urged|"
    r"pleaded|predicted|boasted|joked|exclaimed|whispered|wondered|mused|sighed|was quoted as saying"
)
# A speaker as written: "he", "Professor Alexis Jay", "Issa Abed al-Majid Mansour", "the company", and a
# descriptor may stand before a name ("hotel spokeswoman Paula Dirks", "16-year-old Jennie Steinberg").
_CAPITALISED = r"[A-Z][\w'’.-]*\.?"
_PARTICLE = r"(?:al|el|de|da|del|della|di|du|van|von|der|den|bin|ibn|le|la|dos|das)[-\s]"
_PROPER = rf"(?:the\s+)?(?:{_CAPITALISED}\s+|{_PARTICLE}){{0,5}}[A-Z][\w'’-]+"
_DESCRIPTOR = (
    r"(?:(?:a|an)\s+)?(?:[A-Z][\w'’.-]*\s+){0,3}(?:[a-z0-9][\w'’-]*\s+){1,4}"  # "U.S. Forest Service volunteer"
)
_NAME = (
    rf"(?<![\w'’.-])(?P<name>(?:{_DESCRIPTOR})?{_PROPER}|[Hh]e|[Ss]he|[Tt]hey"
    r"|(?:(?:the|a|an)\s+[a-z]+(?:\s+(?!(?:of|for|from|at)\b)[a-z]+)?|(?:his|her|their|its)\s+[a-z]+)"
    r"(?:\s+(?:of|for|from|at)\s+(?:(?:the|his|her|their|its)\s+)?[A-Za-z]+)?)"
)
_OF = r"(?:\s+(?:of|from|at|for)\s+(?:the\s+)?[\w'’ -]{1,40}?)?"  # "Okafor of the coastguard said"
APPOSITION = r"(?:,[^\"“”]{1,160}?,)?"  # "Carol Glaser, a specialist at Kaiser Permanente, said"
_CLOSING = r"(?:\s?[\"”]|\ufffd\?)?"  # the data has "�?" where a closing quotation mark was, and ", " " spacing
_AFTER = re.compile(
    rf"^[,.!?]?{_CLOSING}[,.]?\s*(?:(?P<cue1>{CUES}|according to)\s+{_NAME.replace('name', 'name1')}"
    rf"|{_NAME.replace('name', 'name2')}{_OF}{APPOSITION}\s+(?:has\s+|had\s+)?(?P<cue2>{CUES}))\b"
)
_BEFORE = re.compile(
    rf"(?:{_NAME.replace('name', 'name1')}{APPOSITION}\s+(?:has\s+|had\s+|also\s+)?(?P<cue1>{CUES})"
    rf"(?:\s+[A-Za-z ]{{1,30}}?)?|(?P<cue2>[Aa]ccording to)\s+{_NAME.replace('name', 'name2')})\s*[:,]?\s*$"
)
REPORTED_OPENING = re.compile(
    rf"^(?:(?:Mr|Mrs|Ms|Dr)\.?\s+)?(?P<name>(?:[A-Z][\w'’-]+\s+){{0,4}}[A-Z][\w'’-]+|The\s+[a-z]+)"
    rf"{APPOSITION}\s+(?:also\s+|has\s+|had\s+)?(?P<cue>{CUES})\b"
)
_INVERTED_END = re.compile(rf",\s*(?P<cue>{CUES})\s+(?P<name>(?:{_CAPITALISED}\s+){{0,3}}[A-Z][\w'’-]+)\s*[.!?]?\s*$")
_ACCORDING_OPENING = re.compile(rf"^According to\s+{_NAME}\s*,")
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


@dataclass(frozen=True, slots=True)
class _Found:
    written: str
    cue: str
    cue_at: int  # offset of the cue
    direct: bool  # the name stands right by its cue ("said Ann Cole", "Ann Cole said"), not "told Ann Cole"


def _lead(text: str, sentence_start: int, start: int) -> str:
    """The quotation's sentence up to its opening mark, the mark left out (and the space some texts put after
    it: 'lawyer Mark Heller said she was “ ensconced in the bosom ”')."""
    lead = text[sentence_start : max(sentence_start, start)].rstrip()
    return lead[:-1] if lead.endswith(('"', "“")) else lead


def _attribution(text: str, start: int, end: int, sentence_start: int, sentence_end: int) -> _Found | None:
    after = _AFTER.match(text[end:sentence_end])
    if after and not text[end + after.end() : sentence_end].lstrip().startswith(":"):  # 'X added: "..."' is the next
        if after["cue1"]:
            direct = after["cue1"] not in _TOLD
            return _Found(after["name1"], after["cue1"], end + after.start("cue1"), direct)
        direct = not text[end + after.end("name2") : end + after.start("cue2")].strip(" ,")
        return _Found(after["name2"], after["cue2"], end + after.start("cue2"), direct)
    lead = _lead(text, sentence_start, start)
    before = _BEFORE.search(lead)
    inverted = None if before else _INVERTED_END.search(text, end, sentence_end)  # '"...", began Key.'
    if inverted and inverted["cue"] not in _TOLD and not any(m in text[end + 1 : inverted.start()] for m in '"“”'):
        return _Found(inverted["name"], inverted["cue"], inverted.start("cue"), True)
    if before:
        if before["cue1"]:
            between = text[sentence_start + before.end("name1") : sentence_start + before.start("cue1")]
            return _Found(
                before["name1"], before["cue1"].lower(), sentence_start + before.start("cue1"), "," not in between
            )
        return _Found(before["name2"], before["cue2"].lower(), sentence_start + before.start("cue2"), True)
    according = _ACCORDING_OPENING.match(lead)  # 'According to Ann Cole, the actor was chosen "because ..."'
    if according and _named(according["name"]):
        return _Found(according["name"], "according to", sentence_start, True)
    # A quotation inside reported speech: 'Unruh said her son told him ... and "Spacey bought him ..."'
    reported = REPORTED_OPENING.match(lead)
    if reported:
        between = text[sentence_start + reported.end("name") : sentence_start + reported.start("cue")]
        return _Found(reported["name"], reported["cue"], sentence_start + reported.start("cue"), "," not in between)
    return None


# 'Keilar: "You say ..."': a transcript line; '"..." — Ann Cole (@annc) August 17, 2016': a post's credit
_TITLE_WORD = (
    r"(?:[A-Z][a-z][\w-]*(?<!['’]s)|[A-Z]\.)"  # "Keilar", "F.": a name's words, not a heading's ("ON HAPPINESS")
)
_TRANSCRIPT = re.compile(
    rf"^\s*(?:(?P<name>{_TITLE_WORD}(?:\s+{_TITLE_WORD}){{0,3}})\s*:"  # 'Keilar: "..."'
    rf"|(?P<bare>{_TITLE_WORD}(?:\s+{_TITLE_WORD}){{1,3}}))\s*$"  # 'Art Iwasaki "..."' (a radio transcript)
)
_CREDIT = re.compile(r"[\s\"”]*[—–]\s*[(\s]*(?P<name>[A-Z][^()@\n]{1,50}?)[)\s]*\(@\w{1,30}\)")


# Words of a heading or a label, not of a name: "In Brief", "On Leadership", "Read More", "Update"
_HEADING_WORDS = frozenset(
    "in on at for from with by of to and or about after before read more update editor note watch photo video quote "
    "statement transcript excerpt".split()
)


def _labelled(text: str, start: int, end: int, sentence_start: int, sentence_end: int) -> tuple[str, str] | None:
    """The speaker of a transcript line or of a quoted post, named by the line's label or the post's credit."""
    label = _TRANSCRIPT.match(_lead(text, sentence_start, start))
    name = label and (label["name"] or label["bare"])
    if name and not {word.lower() for word in name.split()} & _HEADING_WORDS and name.split()[0] not in _NOT_NAMES:
        return name, "said"
    credit = _CREDIT.match(text, end + 1, min(len(text), end + 120))
    if credit:
        return credit["name"].strip(" ()"), "wrote"
    return None


_TURN = re.compile(rf"\s*(?P<name>{_TITLE_WORD}(?:\s+{_TITLE_WORD}){{0,3}})\s*:")
_FIRST_PERSON_CUE = re.compile(rf"\bI\s+(?:was\s+)?(?:{CUES}|saying|telling|thinking|thought)\b[^\"“.]{{0,30}}$")


def _own_turn(annotated: AnnotatedArticle, first: Sentence, start: int) -> tuple[str, str] | None:
    """In a transcript's turn, a quotation its speaker says they said: 'Ricks: ... And I said, "..."'."""
    text = annotated.article.text
    if not _FIRST_PERSON_CUE.search(_lead(text, first.start, start)):
        return None
    opening = next(s for s in annotated.sentences if s.paragraph == first.paragraph)
    turn = _TURN.match(text, opening.start, start)
    name = turn and turn["name"]
    return (name, "said") if name and name.split()[0] not in _NOT_NAMES else None


def _checked(
    found: _Found | None, subjects: Mapping[int, list[Subject]], sentence: int, start: int, end: int
) -> tuple[str, str] | None:
    """The pattern's speaker; but where it is not a name right by its cue ("Earlier on Monday, Ann Cole, an
    analyst, told", "told BBC News", "the chairman, Ann Cole, said"), the parser's named subject of that verb."""
    if found is None:
        return None
    described = found.written.split()[0] in {"the", "a", "an", "The", "A", "An"}
    if found.direct and not described:
        return found.written, found.cue
    parsed = next(
        (
            s
            for i in (sentence - 1, sentence, sentence + 1)
            for s in subjects.get(i, [])
            if s.verb_start == found.cue_at and s.proper and not start <= s.start < end
        ),
        None,
    )
    if parsed and parsed.text not in found.written:
        return parsed.text, found.cue
    return found.written, found.cue


CONTEXT = 3  # sentences before a quote that its speaker is looked for in
_NOT_NAMES = {"He", "She", "They", "The", "A", "An", "His", "Her", "Their", "Its"}
_TOLD = {"told", "tells"}
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


def _named(written: str) -> bool:
    """A name as written ("Ann Cole", "Dr Cole"), not a pronoun, a description or a possessive ("Ann's")."""
    words = written.split()
    return written[:1].isupper() and words[0] not in _NOT_NAMES and not written.endswith(("'s", "’s"))


def quote_sentences(annotated: AnnotatedArticle) -> set[int]:
    """Sentences worth parsing: those of quotes that patterns do not attribute to a name by its cue, and the
    few before them (where a pronoun's or a description's person is named)."""
    wanted: set[int] = set()
    text = annotated.article.text
    quoted = []
    for start, end, first, last in _candidates(annotated):
        quoted.append((start - 2, end + 2))  # with the marks and the punctuation by them
        found = _attribution(text, start, end, first.start, last.end)
        if found and found.direct and _named(found.written):
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
    subject of that sentence's main verb, when it stands before the quotation."""
    if len(text[sentence.start : start].split()) < 3:
        return None  # the quotation opens its sentence: nothing embeds it
    for subject in subjects.get(sentence.index, []):
        if subject.main and subject.proper and subject.end <= start and not start <= subject.start < end:
            return subject.text, "other"
    return None


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


_INTRODUCED = re.compile(r"[:][\s\"“]*$")
_CUE_WORD = re.compile(rf"\b(?:{CUES})\b")
# the name is the object of a preposition ("a message for Ann Cole:"), not a label ("such as Dr Ann Cole:")
_OBJECT_OF = re.compile(r"\b(?:to|for|with|at|from|by|about|against|of|on|into)\s+(?:[A-Z][\w.]*\s+)?$")


def _introduced(annotated: AnnotatedArticle, start: int) -> tuple[str, str] | None:
    """A person named right before a colon that opens the quotation: 'Media caption Ann Cole: "..."'."""
    text = annotated.article.text
    colon = _INTRODUCED.search(text, max(0, start - 12), start)
    if colon is None:
        return None
    named = [
        e
        for e in annotated.entities
        if e.label == "PERSON" and e.end <= colon.start() and not text[e.end : colon.start()].strip()
    ]
    if not named:
        return None
    line = text.rfind("\n", 0, named[-1].start) + 1
    ahead = text[max(line, named[-1].start - 200) : named[-1].start]
    if _CUE_WORD.search(ahead) or _OBJECT_OF.search(ahead):
        return None  # 'Reed said he had a message for Mayor Ann Cole:' is Reed's, not Cole's
    return named[-1].text, "said"


# the rest of the quotation's line, or the next line when a dash opens it ('"..."\n— Ann Cole')
_NAME_LINE = re.compile(r"[ \t\"”]*(?:\n[ \t]*(?=[—–]))?(?:[—–-][ \t]*)?(?P<name>[A-Z][^\n\"“”]{2,60}?)[ \t.]*(?:\n|$)")


def _credited(annotated: AnnotatedArticle, end: int) -> tuple[str, str] | None:
    """A person named alone on the rest of the line after the quotation: '"Our findings ..." Dr. Ann Cole'."""
    text = annotated.article.text
    line = _NAME_LINE.match(text, end, min(len(text), end + 80))
    if line is None:
        return None
    start, stop = line.span("name")
    named = [e for e in annotated.entities if e.label == "PERSON" and start <= e.start and e.end == stop]
    title = named and text[start : named[0].start].strip(" .").lower()  # "Dr.", or nothing
    return (named[0].text, "said") if named and (not title or title in TITLES) else None


def find_quotes(annotated: AnnotatedArticle, subjects: Mapping[int, list[Subject]] | None = None) -> list[QuoteSpan]:
    """The article's quotations; ``subjects`` (from the parser, by sentence) finds attributions patterns miss."""
    subjects = subjects or {}
    text = annotated.article.text
    found: list[QuoteSpan] = []
    previous: tuple[int, str | None, str | None] = (-10_000, None, None)  # end, speaker, cue of the last quote
    for start, end, first, last in _candidates(annotated):
        quoted = text[start:end]
        written = _attribution(text, start, end, first.start, last.end)
        # a cue written by the quote wins; else a transcript's label or a post's credit names the speaker
        attribution = (
            _checked(written, subjects, first.index, start, end)
            or _labelled(text, start, end, first.start, last.end)
            or _own_turn(annotated, first, start)
        )
        if attribution is None or attribution[0].endswith(("'s", "’s")):  # '..., said Ann's coach, Tom Reed'
            colon = text[first.start : start].rstrip(" \"“'‘").endswith(":")
            parsed = _parsed_attribution(subjects, range(first.index, last.index + 1), start, end, colon)
            attribution = parsed or attribution
        if attribution is None:  # 'Media caption Ann Cole: "..."', '... such as Dr Ann Cole:' and the quote below
            attribution = _introduced(annotated, start) or _credited(annotated, end)
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
        sentence = last.index if attribution and _AFTER.match(text[end : last.end]) else first.index
        found.append(QuoteSpan(start, end, quoted, sentence, speaker_text, cue))
    return found
