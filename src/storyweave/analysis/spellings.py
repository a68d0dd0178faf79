"""Names spelt two ways: one outlet's "Achterberg" and another's "Achterburg", "Van Wert" and "VanWert".

A name of one article and a name of another are two spellings of one name when they differ by
one letter (two in long names), or only by a space or a hyphen, neither article also writes the
other form, and the two are used alike: in sentences that report the same thing (the support
decision links them) or next to the same other name ("Marisol Ketterman" / "Marisol Kettermann").
Accents alone are not a second spelling ("Wróbel" / "Wrobel"), nor is a plural or a derived
word ("Russia" / "Russian").
"""

from __future__ import annotations

import re
import unicodedata

from rapidfuzz.distance import Levenshtein

from storyweave.analysis.conflicts import context_words
from storyweave.analysis.facts import written_fact
from storyweave.analysis.support import NONE, Support
from storyweave.models import Fact, FactGroup

NAME_LABELS = frozenset("PERSON ORG GPE LOC FAC PRODUCT EVENT LAW WORK_OF_ART".split())
MIN_LETTERS = 5  # a one-letter difference in a shorter word is too often another word
SHARED_MIN_LETTERS = 4  # ... unless the rest of a longer name is the same ("Gulf of Eden" / "Gulf of Aden")
_TOKEN = re.compile(r"[A-Z][A-Za-z'’-]*[a-z][A-Za-z'’-]*")
# a capitalised word that does not open a sentence, and a run of them ("Gulf of Aden")
_INSIDE = re.compile(r"(?<=[a-z,;:] )[A-Z][a-z]+(?:[-’'][A-Za-z]+)?")
_PHRASE = re.compile(r"\b[A-Z][a-z]+(?:\s+(?:of|de|del|al|the)\s+[A-Z][a-z]+|\s+[A-Z][a-z]+)+")
_POSSESSIVE = re.compile(r"'s?\b")
_SUFFIX = re.compile(r"(?:ians?|ans?|ese|ish|ic|ists?|ism|es|s)$")


def _plain(word: str) -> str:
    """Lower case, accents off, one apostrophe, no possessive: "Peru’s" and "Peru's" are "peru"."""
    plain = "".join(c for c in unicodedata.normalize("NFKD", word) if not unicodedata.combining(c)).lower()
    return _POSSESSIVE.sub("", plain.replace("’", "'"))


def _one_word_off(x: str, y: str, shortest: int) -> bool:
    if x.startswith(y) or y.startswith(x) or _SUFFIX.sub("", x) == _SUFFIX.sub("", y):
        return False  # a plural or a derived word: "Russia" / "Russian", "Democrats" / "Democratic"
    shorter = min(len(x), len(y))
    return shorter >= shortest and Levenshtein.distance(x, y) <= (2 if shorter >= 9 else 1)


def _difference(a: str, b: str) -> frozenset[str] | None:
    """What differs between two written forms of one name ({"barak", "barack"}); None when they are not."""
    x, y = _plain(a), _plain(b)
    if x == y:
        return None
    if x.replace(" ", "").replace("-", "") == y.replace(" ", "").replace("-", "") and x.replace(" ", "").isalpha():
        return frozenset((x, y))  # "Van Wert" / "VanWert"
    words_x, words_y = x.split(), y.split()
    if len(words_x) != len(words_y):
        return None
    if len(words_x) == 1:
        return frozenset((x, y)) if _one_word_off(x, y, MIN_LETTERS) else None
    differ = [(p, q) for p, q in zip(words_x, words_y, strict=True) if p != q]
    return frozenset(differ[0]) if len(differ) == 1 and _one_word_off(*differ[0], SHARED_MIN_LETTERS) else None


def _names(support: Support, article: int) -> list[tuple[str, int, int, int]]:
    """(form, flat sentence, start, end) of the names in an article: whole names, their words, and the
    capitalised words and phrases inside sentences that the entity model did not mark (a drug, "Gulf of Aden")."""
    matrix = support.matrix
    annotated = matrix.articles[article]
    found = []
    for entity in annotated.entities:
        if entity.label not in NAME_LABELS:
            continue
        flat = matrix.flat_index(article, entity.sentence)
        found.append((entity.text, flat, entity.start, entity.end))
        for w in _TOKEN.finditer(entity.text):
            found.append((w.group(), flat, entity.start + w.start(), entity.start + w.end()))
    for sentence in annotated.sentences:
        flat = matrix.flat_index(article, sentence.index)
        for pattern in (_INSIDE, _PHRASE):
            for w in pattern.finditer(sentence.text):
                found.append((w.group(), flat, sentence.start + w.start(), sentence.start + w.end()))
    first: dict[str, tuple[str, int, int, int]] = {}
    for name in found:
        first.setdefault(name[0], name)
    return list(first.values())


def _alike(support: Support, a: tuple[int, int, int], b: tuple[int, int, int]) -> bool:
    """Used alike: the two sentences report the same thing, or the names stand by the same words.

    ``a`` and ``b`` are (flat sentence, start, end) of each name.
    """
    matrix = support.matrix
    for (x, _, _), (y, _, _) in ((a, b), (b, a)):
        decision = support.decisions.get((x, int(matrix.owner[y])))
        if decision is not None and decision.label != NONE and y in decision.rows:
            return True
    near = []
    for flat, start, end in (a, b):
        sentence = matrix.sentences[flat]
        near.append(context_words(sentence.text, start - sentence.start, end - sentence.start))
    return bool(near[0] & near[1])


def _writes(text: str, form: str) -> bool:
    return re.search(rf"\b{re.escape(_plain(form))}\b", text) is not None


def spelling_conflicts(support: Support) -> list[FactGroup]:
    """One conflict per name written two ways by different outlets."""
    articles = support.matrix.articles
    names = [_names(support, k) for k in range(len(articles))]
    texts = [_plain(a.article.text) for a in articles]
    groups: dict[frozenset[str], list[Fact]] = {}
    for k in range(len(articles)):
        for m in range(k + 1, len(articles)):
            for form_a, flat_a, start_a, end_a in names[k]:
                for form_b, flat_b, start_b, end_b in names[m]:
                    key = _difference(form_a, form_b)
                    if key is None or key in groups:
                        continue
                    if _writes(texts[k], form_b) or _writes(texts[m], form_a):
                        continue  # an article that writes both forms has no second spelling
                    if _alike(support, (flat_a, start_a, end_a), (flat_b, start_b, end_b)):
                        groups[key] = [
                            written_fact(support, flat_a, (start_a, end_a, form_a), "name"),
                            written_fact(support, flat_b, (start_b, end_b, form_b), "name"),
                        ]
    return [FactGroup(about="name", kind="name", status="conflict", facts=facts) for facts in groups.values()]
