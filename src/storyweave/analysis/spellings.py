"""Names spelt two ways: one outlet's "Achterberg" and another's "Achterburg", "Van Wert" and "VanWert".

A name of one article and a name of another are two spellings of one name when they differ by
one letter (two in long names), or only by a space or a hyphen, neither article also writes the
other form, and the two are used alike: in sentences that report the same thing (the support
decision links them) or next to the same other name ("Marisol Ketterman" / "Marisol Kettermann").
Accents alone are not a second spelling ("Wróbel" / "Wrobel"), nor is a plural or a derived
word ("Russia" / "Russian", "Referenda" / "Referendum"), nor a prefix's hyphen ("Co-operation" /
"Cooperation"), nor one word's British and American spellings ("Theatre" / "Theater", not "Petre" / "Peter").
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Callable
from typing import NamedTuple

from rapidfuzz.distance import OSA

from storyweave.analysis.atoms import CAPITALISED_INSIDE
from storyweave.analysis.conflicts import context_words
from storyweave.analysis.entities import NAME_LABELS
from storyweave.analysis.facts import written_fact
from storyweave.analysis.support import Support
from storyweave.models import Fact, FactGroup

SPELT_LABELS = NAME_LABELS - {"NORP"}  # nationalities are words ("Russian"), not names to spell
MIN_LETTERS = 5  # a one-letter difference in a shorter word is too often another word
SHARED_MIN_LETTERS = 4  # ... unless the rest of a longer name is the same ("Gulf of Eden" / "Gulf of Aden")
_TOKEN = re.compile(r"[A-Z][A-Za-z'’-]*[a-z][A-Za-z'’-]*")
# a run of capitalised words ("Gulf of Aden")
_PHRASE = re.compile(r"\b[A-Z][a-z]+(?:\s+(?:of|de|del|al|the)\s+[A-Z][a-z]+|\s+[A-Z][a-z]+)+")
_POSSESSIVE = re.compile(r"'s?\b")
_SUFFIX = re.compile(r"(?:ians?|ans?|ese|ish|ic|ists?|ism|es|s)$")


def _plain(word: str) -> str:
    """Lower case, accents off, one apostrophe, no possessive: "Peru’s" and "Peru's" are "peru"."""
    plain = "".join(c for c in unicodedata.normalize("NFKD", word) if not unicodedata.combining(c)).lower()
    return _POSSESSIVE.sub("", plain.replace("’", "'"))


# British and American spellings of one word: "Technicolour" / "Technicolor", "organise" / "organize"; those that
# names share only in long words (Seymour / Seymor, Louise / Louize, Moeller / Meller), the others in any word
# ("Theatre" / "Theater", "Advisors" / "Advisers")
_SPELLING_VARIANTS = [
    (re.compile(r"our(s|ed|ing)?\b"), r"or\1"),
    (re.compile(r"is(e|es|ed|ing|ation|ations)\b"), r"iz\1"),
    (re.compile(r"ll(ed|ing)\b"), r"l\1"),
    (re.compile(r"ae|oe"), "e"),
]
_WORD_VARIANTS = [(re.compile(r"(?<=\w{3})tre(s)?\b"), r"ter\1"), (re.compile(r"isor(s|y)?\b"), r"iser\1")]
VARIANT_MIN_LETTERS = 8  # the first list's variants count in words this long only
# a prefix a house style sets off by a hyphen ("co-operation"); not one that begins names ("De-Souza", "Ex-", "Pro-")
_PREFIXED = re.compile(r"\b(co|re|pre|non|anti|inter|multi|post|semi|sub|mid)-(?=[a-z])")
# a Latin or Greek plural beside its singular: "Referenda" / "Referendum", "criteria" / "criterion" (not -is / -es,
# the ends of names: "Francis" / "Frances", "Dennis" / "Dennes")
_CLASSICAL_PLURALS = (("um", "a"), ("on", "a"))


def _one_spelling(word: str, long: bool = True) -> str:
    for pattern, replacement in _WORD_VARIANTS + (_SPELLING_VARIANTS if long else []):
        word = pattern.sub(replacement, word)
    return word


def _one_word_off(x: str, y: str, shortest: int) -> bool:
    shorter = min(len(x), len(y))
    allowed = 2 if shorter >= 9 else 1  # two letters swapped count one
    if shorter < shortest or OSA.distance(x, y, score_cutoff=allowed) > allowed:
        return False  # the cheap test first: most pairs are other words
    if x.startswith(y) or y.startswith(x) or _SUFFIX.sub("", x) == _SUFFIX.sub("", y):
        return False  # a plural or a derived word: "Russia" / "Russian", "Democrats" / "Democratic"
    if shorter >= MIN_LETTERS and any(
        a[: -len(one)] == b[: -len(many)] and a.endswith(one) and b.endswith(many)
        for a, b in ((x, y), (y, x))
        for one, many in _CLASSICAL_PLURALS
    ):
        return False
    # one word in British and in American spelling is not a name spelt two ways
    long = shorter >= VARIANT_MIN_LETTERS
    return _one_spelling(x, long) != _one_spelling(y, long)


def _difference(x: str, y: str, people: bool = False) -> frozenset[str] | None:
    """What differs between two written forms of one name, given plain (``_plain``): {"barak", "barack"}; None
    when they are not two forms of one name. ``people``: both are people's names (a surname may then differ by a
    last letter: "Castellano" / "Castellanos"; "Acme Holding" / "Acme Holdings" may not)."""
    if x == y or _PREFIXED.sub(r"\1", x) == _PREFIXED.sub(r"\1", y):
        return None  # the same, or a house style's hyphen after a prefix: "Co-operation" / "Cooperation"
    if _compact(x) == _compact(y) and x.replace(" ", "").isalpha():
        return frozenset((x, y))  # "Van Wert" / "VanWert"
    words_x, words_y = x.split(), y.split()
    if len(words_x) != len(words_y):
        return None
    if len(words_x) == 1:
        return frozenset((x, y)) if _one_word_off(x, y, MIN_LETTERS) else None
    differ = [(p, q) for p, q in zip(words_x, words_y, strict=True) if p != q]
    if len(differ) != 1:
        return None
    if (
        _one_word_off(*differ[0], SHARED_MIN_LETTERS)
        or _first_name_letter_added(words_x, words_y)
        or (people and _surname_letter_added(words_x, words_y))
    ):
        return frozenset(differ[0])
    return None


def _surname_letter_added(x: list[str], y: list[str]) -> bool:
    """One first name before a surname with a letter more at its end: "Imani Castellano" / "Imani Castellanos" (a
    plural or a derived word is never written after a first name)."""
    if len(x) != 2 or x[0] != y[0] or len(x[0]) < 3 or x[1] == y[1]:
        return False
    shorter, longer = sorted((x[1], y[1]), key=len)
    return len(shorter) >= MIN_LETTERS and len(longer) == len(shorter) + 1 and longer.startswith(shorter)


def _first_name_letter_added(x: list[str], y: list[str]) -> bool:
    """A short first name with a letter more before the same surname: "Jon Owen" / "John Owen" (not "Tom Reed" /
    "Tim Reed", two people, nor "ABC News" / "NBC News")."""
    first_x, first_y = x[0], y[0]
    if len(x) != 2 or x[1] != y[1] or abs(len(first_x) - len(first_y)) != 1 or min(len(first_x), len(first_y)) < 3:
        return False
    return OSA.distance(first_x, first_y) == 1 and first_x[0] == first_y[0]


def _compact(plain: str) -> str:
    return plain.replace(" ", "").replace("-", "")


class _Name(NamedTuple):
    form: str  # as written
    flat: int  # its sentence
    start: int
    end: int
    plain: str  # ``_plain(form)``


def _could_differ(names: list[_Name]) -> Callable[[_Name], list[_Name]]:
    """The names of a list that ``_difference`` could pair with a given one, in list order: those as long to
    within two letters (one word off), and those that are the same but for spaces and hyphens."""
    by_length: dict[int, list[int]] = {}
    by_compact: dict[str, list[int]] = {}
    for n, name in enumerate(names):
        by_length.setdefault(len(name.plain), []).append(n)
        by_compact.setdefault(_compact(name.plain), []).append(n)

    def candidates(name: _Name) -> list[_Name]:
        size = len(name.plain)
        found = {n for k in range(size - 2, size + 3) for n in by_length.get(k, ())}
        found.update(by_compact.get(_compact(name.plain), ()))
        return [names[n] for n in sorted(found)]

    return candidates


OCCURRENCES = 6  # sentences of each written form looked at for a use like the other form's


def _names(support: Support, article: int) -> list[list[_Name]]:
    """(form, flat sentence, start, end) of the names in an article: whole names, their words, and the
    capitalised words and phrases inside sentences that the entity model did not mark (a drug, "Gulf of Aden");
    each form with its first few sentences (the first one first), so that two spellings used alike anywhere
    are found."""
    matrix = support.matrix
    annotated = matrix.articles[article]
    found = []
    for entity in annotated.entities:
        if entity.label not in SPELT_LABELS:
            continue
        flat = matrix.flat_index(article, entity.sentence)
        found.append((entity.text, flat, entity.start, entity.end))
        for w in _TOKEN.finditer(entity.text):
            found.append((w.group(), flat, entity.start + w.start(), entity.start + w.end()))
    for sentence in annotated.sentences:
        flat = matrix.flat_index(article, sentence.index)
        for pattern in (CAPITALISED_INSIDE, _PHRASE):
            for w in pattern.finditer(sentence.text):
                found.append((w.group(), flat, sentence.start + w.start(), sentence.start + w.end()))
    kept: dict[str, list[tuple[str, int, int, int]]] = {}
    for name in found:
        places = kept.setdefault(name[0], [])
        if len(places) < OCCURRENCES and all(flat != name[1] for _, flat, _, _ in places):
            places.append(name)
    return [[_Name(*name, _plain(name[0])) for name in places] for places in kept.values()]


def _alike(support: Support, a: _Name, b: _Name) -> bool:
    """Used alike: the two sentences report the same thing, or the names stand by the same words."""
    if support.linked(a.flat, b.flat) is not None:
        return True
    near = []
    for name in (a, b):
        sentence = support.matrix.sentences[name.flat]
        near.append(context_words(sentence.text, name.start - sentence.start, name.end - sentence.start))
    return bool(near[0] & near[1])


@functools.lru_cache(maxsize=4096)
def _word(plain: str) -> re.Pattern[str]:
    return re.compile(rf"\b{re.escape(plain)}\b")


def spelling_conflicts(support: Support) -> list[FactGroup]:
    """One conflict per name written two ways by different outlets."""
    articles = support.matrix.articles
    places = [{found[0].form: found for found in _names(support, k)} for k in range(len(articles))]
    people = [{e.text for e in a.entities if e.label == "PERSON"} for a in articles]
    names = [[found[0] for found in by_form.values()] for by_form in places]
    texts = [_plain(a.article.text) for a in articles]
    groups: dict[frozenset[str], list[Fact]] = {}
    candidates = [_could_differ(found) for found in names]
    for k in range(len(articles)):
        for m in range(k + 1, len(articles)):
            for first in names[k]:
                for other in candidates[m](first):
                    both_people = first.form in people[k] and other.form in people[m]
                    key = _difference(first.plain, other.plain, both_people)
                    if key is None or key in groups:
                        continue
                    if _word(other.plain).search(texts[k]) or _word(first.plain).search(texts[m]):
                        continue  # an article that writes both forms has no second spelling
                    pairs = ((a, b) for a in places[k][first.form] for b in places[m][other.form])
                    alike = next(((a, b) for a, b in pairs if _alike(support, a, b)), None)
                    if alike:
                        a, b = alike
                        groups[key] = [
                            written_fact(support, a.flat, (a.start, a.end, a.form), "name"),
                            written_fact(support, b.flat, (b.start, b.end, b.form), "name"),
                        ]
    return [FactGroup(about="name", kind="name", status="conflict", facts=facts) for facts in groups.values()]
