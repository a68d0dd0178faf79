"""The words around a quotation that say who said it, read by patterns.

A cue and a name by the quote ("...," said X / X said / she told the BBC), or before it (X said: "..." /
according to X, "..." / "According to X," opening the sentence), checked against the parser's subject where the
name does not stand right by its cue; a transcript's label ("Keilar: "...""), a post's credit, a name alone on
the line after the quote, a name and a colon before it ('Media caption Ann Cole: "..."'), a transcript turn's
own "I said". ``quote_spans`` finds the quotations and falls back on the parser and the passage around them.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass

from storyweave.analysis.entities import PHOTO_CREDIT, TITLES
from storyweave.models import AnnotatedArticle, Sentence
from storyweave.nlp.syntax import Subject

_NOT_NAMES = {"He", "She", "They", "The", "A", "An", "His", "Her", "Their", "Its"}
TOLD = {"told", "tells"}

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
AFTER = re.compile(
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
ACCORDING_TO = re.compile(rf"\baccording to\s+(?P<name>{_PROPER})")  # "..., according to Marrow."


@dataclass(frozen=True, slots=True)
class Found:
    written: str
    cue: str
    cue_at: int  # offset of the cue
    direct: bool  # the name stands right by its cue ("said Ann Cole", "Ann Cole said"), not "told Ann Cole"


def named(written: str) -> bool:
    """A name as written ("Ann Cole", "Dr Cole"), not a pronoun, a description or a possessive ("Ann's")."""
    words = written.split()
    return written[:1].isupper() and words[0] not in _NOT_NAMES and not written.endswith(("'s", "’s"))


def _lead(text: str, sentence_start: int, start: int) -> str:
    """The quotation's sentence up to its opening mark, the mark left out (and the space some texts put after
    it: 'lawyer Mark Heller said she was “ ensconced in the bosom ”')."""
    lead = text[sentence_start : max(sentence_start, start)].rstrip()
    return lead[:-1] if lead.endswith(('"', "“")) else lead


def attribution(text: str, start: int, end: int, sentence_start: int, sentence_end: int) -> Found | None:
    after = AFTER.match(text[end:sentence_end])
    if after and not text[end + after.end() : sentence_end].lstrip().startswith(":"):  # 'X added: "..."' is the next
        if after["cue1"]:
            direct = after["cue1"] not in TOLD
            return Found(after["name1"], after["cue1"], end + after.start("cue1"), direct)
        direct = not text[end + after.end("name2") : end + after.start("cue2")].strip(" ,")
        return Found(after["name2"], after["cue2"], end + after.start("cue2"), direct)
    lead = _lead(text, sentence_start, start)
    before = _BEFORE.search(lead)
    inverted = None if before else _INVERTED_END.search(text, end, sentence_end)  # '"...", began Key.'
    if inverted and inverted["cue"] not in TOLD and not any(m in text[end + 1 : inverted.start()] for m in '"“”'):
        return Found(inverted["name"], inverted["cue"], inverted.start("cue"), True)
    if before:
        if before["cue1"]:
            between = text[sentence_start + before.end("name1") : sentence_start + before.start("cue1")]
            return Found(
                before["name1"], before["cue1"].lower(), sentence_start + before.start("cue1"), "," not in between
            )
        return Found(before["name2"], before["cue2"].lower(), sentence_start + before.start("cue2"), True)
    according = _ACCORDING_OPENING.match(lead)  # 'According to Ann Cole, the actor was chosen "because ..."'
    if according and named(according["name"]):
        return Found(according["name"], "according to", sentence_start, True)
    # A quotation inside reported speech: 'Unruh said her son told him ... and "Spacey bought him ..."'
    reported = REPORTED_OPENING.match(lead)
    if reported:
        between = text[sentence_start + reported.end("name") : sentence_start + reported.start("cue")]
        return Found(reported["name"], reported["cue"], sentence_start + reported.start("cue"), "," not in between)
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


def labelled(text: str, start: int, end: int, sentence_start: int, sentence_end: int) -> tuple[str, str] | None:
    """The speaker of a transcript line or of a quoted post, named by the line's label or the post's credit."""
    label = _TRANSCRIPT.match(_lead(text, sentence_start, start))
    name = label and (label["name"] or label["bare"])
    if name and not {word.lower() for word in name.split()} & _HEADING_WORDS and name.split()[0] not in _NOT_NAMES:
        return name, "said"
    credit = _CREDIT.match(text, end + 1, min(len(text), end + 120))
    if credit:
        return credit["name"].strip(" ()"), "wrote"
    return None


_TURN = re.compile(rf"\s*(?P<name>{_TITLE_WORD}(?:\s+{_TITLE_WORD}){{0,3}}|[A-Z]{{2,3}})\s*:")  # "Ricks:", "MD:"
_SPEAKING_FOR_THEMSELVES = {"i", "we", "you"}  # in a turn, the turn's speaker telling what they or others said
_FIRST_PERSON_CUE = re.compile(rf"\bI\s+(?:was\s+)?(?:{CUES}|saying|telling|thinking|thought)\b[^\"“.]{{0,30}}$")


def own_turn(annotated: AnnotatedArticle, first: Sentence, start: int) -> tuple[str, str] | None:
    """In a transcript's turn, a quotation its speaker says they said: 'Ricks: ... And I said, "..."'."""
    text = annotated.article.text
    if not _FIRST_PERSON_CUE.search(_lead(text, first.start, start)):
        return None
    name = _turn_label(annotated, first, start)
    return (name, "said") if name else None


def turn_speaker(annotated: AnnotatedArticle, first: Sentence, attributed: str | None) -> str | None:
    """In a transcript's turn ("MD: It depends ... you say, "..." And I'd go, "...""), a quotation with no
    speaker of its own, or one the turn's speaker reports ("I said", "you say"), is the turn's speaker's."""
    if attributed is not None and attributed.lower() not in _SPEAKING_FOR_THEMSELVES:
        return None
    return _turn_label(annotated, first)


def _turn_label(annotated: AnnotatedArticle, first: Sentence, until: int | None = None) -> str | None:
    """The speaker's label opening the paragraph of ``first`` ("Ricks:", "MD:"), if it is a transcript's turn."""
    opening = next(s for s in annotated.sentences if s.paragraph == first.paragraph)
    turn = _TURN.match(annotated.article.text, opening.start, opening.end if until is None else until)
    name = turn and turn["name"]
    return name if name and name.split()[0] not in _NOT_NAMES else None


def checked(
    found: Found | None, subjects: Mapping[int, list[Subject]], sentence: int, start: int, end: int
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


_INTRODUCED = re.compile(r"[:][\s\"“]*$")
_CUE_WORD = re.compile(rf"\b(?:{CUES})\b")
# the name is the object of a preposition ("a message for Ann Cole:"), not a label ("such as Dr Ann Cole:")
_OBJECT_OF = re.compile(r"\b(?:to|for|with|at|from|by|about|against|of|on|into)\s+(?:[A-Z][\w.]*\s+)?$")


def introduced(annotated: AnnotatedArticle, start: int) -> tuple[str, str] | None:
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


def credited(annotated: AnnotatedArticle, end: int) -> tuple[str, str] | None:
    """A person named alone on the rest of the line after the quotation: '"Our findings ..." Dr. Ann Cole'."""
    text = annotated.article.text
    line = _NAME_LINE.match(text, end, min(len(text), end + 80))
    if line is None:
        return None
    start, stop = line.span("name")
    named = [
        e
        for e in annotated.entities
        if e.label == "PERSON" and start <= e.start and e.end == stop and not PHOTO_CREDIT.search(text[start:stop])
    ]
    title = named and text[start : named[0].start].strip(" .").lower()  # "Dr.", or nothing
    return (named[0].text, "said") if named and (not title or title in TITLES) else None
