"""What two outlets give to two different people: a quotation ('"We expect ...," said finance chief Tobias
Fairweather' / '"We expect ...," chief executive Marguerite Okafor-Lind told analysts'), or a formal act ("an
amendment from Councilmember Gareth Pell" / "an amendment by Councilmember Ana Castellanos").

Read from the two sentences alone. For a quotation: each quotes the same words (fuzzy, as quotes are
matched) and gives their speaker by name beside a cue ("said", "told"), and the two names share no word;
a pronoun or a description ("the company said") says nothing. For an act: the two sentences report the
same thing (the support decision links them), and each credits the same kind of act ("amendment",
"motion", "lawsuit") "by" or "from" a named person, two people whose names share no word.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from typing import NamedTuple, TypeVar

from rapidfuzz import fuzz

from storyweave.analysis.alignment import StoryMatrix
from storyweave.analysis.atoms import QUOTED, Atoms
from storyweave.analysis.entities import TITLES
from storyweave.analysis.quote_cues import attribution
from storyweave.analysis.speaker_roles import PERSON_NOUNS

SAME_WORDS = 85.0  # rapidfuzz partial ratio of the quoted words, as quotes are matched across outlets
MIN_QUOTED = 20  # characters of quoted words: shorter quotes ("a disaster") are said by many
_NAME_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]+")
_POSSESSIVE = re.compile(r"['’]s?$")
_NOT_NAMES = frozenset("he she they it we i you the a an his her their its".split())
_ROLES = PERSON_NOUNS | TITLES | {
    "ceo", "cfo", "coo", "executive", "director", "chairman", "chairwoman", "chair", "clerk", "commissioner",
    "registrar", "treasurer", "auditor", "superintendent", "secretary",
}  # fmt: skip


T = TypeVar("T")


class Misattributed(NamedTuple):
    flat: int  # the sentence
    row: int  # the other outlet's sentence quoting the same words
    mine: tuple[int, int, str]  # the speaker the sentence names, as (start, end, written) in its article
    theirs: tuple[int, int, str]  # ... and the one the other sentence names


def _speaker(matrix: StoryMatrix, flat: int) -> tuple[int, int, str, frozenset[str]] | None:
    """The name a sentence gives its quotation's speaker by a cue ('..., said Tobias Fairweather', 'Okafor-Lind told
    analysts'), with the name's own words; None for a pronoun, a description ("the company") or no cue."""
    sentence = matrix.sentences[flat]
    text = matrix.articles[int(matrix.owner[flat])].article.text
    for quote in QUOTED.finditer(sentence.text):
        start, end = sentence.start + quote.start(1), sentence.start + quote.end(1)
        found = attribution(text, start, end, sentence.start, sentence.start + len(sentence.text))
        if found is None:
            continue
        words = (
            frozenset(  # the name's own words: "chief financial officer Tobias Fairweather" -> tobias, fairweather
                _POSSESSIVE.sub("", w).lower() for w in _NAME_WORD.findall(found.written) if w[0].isupper()
            )
            - TITLES
            - _NOT_NAMES
        )
        at = text.find(found.written, sentence.start, sentence.start + len(sentence.text))
        if words and at >= 0 and _a_person(matrix, flat, at, at + len(found.written), found.written):
            return at, at + len(found.written), found.written, words
    return None


def _a_person(matrix: StoryMatrix, flat: int, start: int, end: int, written: str) -> bool:
    """The speaker is a person: the entity model found one there, or a person's role stands before the name
    ("chief executive Marguerite Okafor-Lind"); not an organisation ("the Brennick Water Authority said")."""
    article = matrix.articles[int(matrix.owner[flat])]
    if any(e.label == "PERSON" and e.start < end and start < e.end for e in article.entities):
        return True
    return bool({w.lower() for w in _NAME_WORD.findall(written)} & _ROLES)


def all_misattributed(matrix: StoryMatrix, atoms: list[Atoms]) -> Iterator[Misattributed]:
    """Every sentence and other outlet's sentence that give one quotation to two people (both ways round)."""
    quoting = [flat for flat, a in enumerate(atoms) if len(a.quoted) >= MIN_QUOTED]
    speakers = {flat: _speaker(matrix, flat) for flat in quoting}
    for flat in quoting:
        mine = speakers[flat]
        if mine is None:
            continue
        for row in quoting:
            theirs = speakers[row]
            if theirs is None or matrix.owner[row] == matrix.owner[flat] or mine[3] & theirs[3]:
                continue
            if fuzz.partial_ratio(atoms[flat].quoted, atoms[row].quoted) >= SAME_WORDS:
                yield Misattributed(flat, row, mine[:3], theirs[:3])


# a formal act credited to someone: "an amendment from Councilmember Gareth Pell", "The motion, introduced by board
# chairman Edmund Ashby-Noor", "the lawsuit filed by Ann Cole"; the name is the last two capitalised words. Two
# outlets disagree only when they credit it in the same role ("sponsored by" / "sponsored by", "by" / "from"):
# a bill sponsored by one person and signed by another is no conflict.
_ACTS = "amendment motion bill measure proposal resolution ordinance lawsuit suit complaint petition"
_CREDITED = re.compile(
    rf"\b(?P<act>{'|'.join(_ACTS.split())})s?,?\s+(?:(?:was\s+)?(?P<role>introduced|brought|proposed|sponsored|"
    r"filed|offered|moved|written|authored|drafted|put forward)\s+)?(?:by|from)\s+(?:[a-z][\w-]*\s+){0,3}"
    r"(?:[A-Z][\w'’.-]*\s+){0,2}(?P<name>[A-Z][\w'’-]+\s+[A-Z][\w'’-]+)\b"
)
_SAME_ROLE = {
    "introduced": "moved",
    "brought": "moved",
    "proposed": "moved",
    "offered": "moved",
    "put forward": "moved",
    "released": "announced",
    "unveiled": "announced",
    "disclosed": "announced",
}
# figures made public by someone: "the revised figures, announced by chief operating officer Daniel Fosse", "Clerk
# Benedict Amory announced the final unofficial tally"; the thing's noun after at most two words of its own
_FIGURES = "figures?|numbers?|results?|tally|tallies|count|totals?|estimates?"
_QUALIFIER = r"(?:(?P<qualifier>[a-z][\w-]*)\s+)?"  # the word that says which figures: "revised", "unofficial"
_ANNOUNCED_BY = re.compile(
    rf"\b{_QUALIFIER}(?P<act>{_FIGURES})\b[^.;]{{0,40}}?,?\s+(?:(?:was|were)\s+)?"
    r"(?P<role>announced|released|unveiled|disclosed)\s+by\s+(?:[a-z][\w-]*\s+){0,3}(?:[A-Z][\w'’.-]*\s+){0,4}"
    r"(?P<name>[A-Z][\w'’-]+\s+[A-Z][\w'’-]+)\b"
)
_ANNOUNCER = re.compile(
    r"(?P<name>[A-Z][\w'’-]+\s+[A-Z][\w'’-]+)\s+(?P<role>announced|released|unveiled|disclosed)\s+"
    rf"(?:the\s+|its\s+|their\s+)?(?:[a-z][\w-]*\s+)??{_QUALIFIER}(?P<act>{_FIGURES})\b"
)
# one kind of thing however it is named: "figures", "results", "the tally"
_SAME_THING = dict.fromkeys(
    "figure figures number numbers result results tally tallies count total totals estimate estimates".split(), "figure"
)


def credited(matrix: StoryMatrix, flat: int) -> tuple[str, tuple[int, int, str], frozenset[str]] | None:
    """(the act and the role it is credited in, where the person is named, the name's words) when the sentence
    credits one."""
    return _credit(matrix, flat, _CREDITED.search(matrix.sentences[flat].text))


def announced(matrix: StoryMatrix, flat: int) -> tuple[str, tuple[int, int, str], frozenset[str]] | None:
    """(the figures announced, with the word that says which, where the person who made them public is named, the
    name's words) when the sentence says a person did ("the revised figures, announced by chief operating officer
    Daniel Fosse"; not "Orvane Systems released its quarterly results")."""
    sentence = matrix.sentences[flat]
    found = _ANNOUNCED_BY.search(sentence.text) or _ANNOUNCER.search(sentence.text)
    credit = _credit(matrix, flat, found)
    if found is None or credit is None:
        return None
    start, end, _ = credit[1]
    around = sentence.text[max(0, found.start("name") - 40) : found.end("name")]
    if not _a_person(matrix, flat, start, end, around):
        return None
    qualifier = (found["qualifier"] or "").lower()
    return (f"{'' if qualifier in _NOT_NAMES else qualifier} {credit[0]}".strip(), *credit[1:])


def _credit(
    matrix: StoryMatrix, flat: int, found: re.Match[str] | None
) -> tuple[str, tuple[int, int, str], frozenset[str]] | None:
    sentence = matrix.sentences[flat]
    if found is None:
        return None
    start, end = sentence.start + found.start("name"), sentence.start + found.end("name")
    words = frozenset(_POSSESSIVE.sub("", w).lower() for w in found["name"].split()) - TITLES
    role = _SAME_ROLE.get(found["role"] or "moved", found["role"] or "moved")
    act = found["act"].lower()
    return (f"{_SAME_THING.get(act, act)} {role}", (start, end, found["name"]), words) if words else None


def read_once(linked: Iterable[tuple[int, int]], read: Callable[[int], T]) -> Iterator[tuple[int, int, T, T]]:
    """(sentence, other outlet's sentence, what ``read`` finds in each) for pairs of linked sentences, each
    sentence read once however many pairs it is in."""
    found: dict[int, T] = {}
    for flat, row in linked:
        for n in (flat, row):
            if n not in found:
                found[n] = read(n)
        yield flat, row, found[flat], found[row]


def figures_announced_differently(matrix: StoryMatrix) -> Iterator[Misattributed]:
    """Sentences of two outlets that credit making a story's figures public to two different people ("Chief
    executive Marguerite Oyelaran announced the revised figure" / "The revised figures, announced by chief operating
    officer Daniel Fosse"): whichever sentences they stand in, a story's figures are announced once."""
    credits = [(flat, found) for flat in range(len(matrix.sentences)) if (found := announced(matrix, flat))]
    for flat, mine in credits:
        for row, theirs in credits:
            if matrix.owner[row] != matrix.owner[flat] and mine[0] == theirs[0] and not mine[2] & theirs[2]:
                yield Misattributed(flat, row, mine[1], theirs[1])


def acts_credited_differently(matrix: StoryMatrix, linked: Iterable[tuple[int, int]]) -> Iterator[Misattributed]:
    """Of pairs of linked sentences of two outlets (sentence, other outlet's sentence), those that credit the same
    kind of act, in the same role, to two different people."""
    for flat, row, mine, theirs in read_once(linked, lambda n: credited(matrix, n)):
        if mine is not None and theirs is not None and mine[0] == theirs[0] and not mine[2] & theirs[2]:
            yield Misattributed(flat, row, mine[1], theirs[1])
