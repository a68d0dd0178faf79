"""Where outlets that state one claim in full name part of it in different words.

For a claim that several outlets state in full, the claim's sentence and each other outlet's are aligned word by
word (light stems, so "raised" meets "raises"); where both go on alike on each side of a stretch but name that
stretch differently ("Protesters *ambushed* Senator Ray" / "Protesters *confronted* Senator Ray"), the two
stretches are the same thing in different words. Only sentences that share half their content words are
compared. Numbers, names, quoted words and reporting verbs are left out: a different number is a fact to check
(the facts section), a different name a spelling, a quotation's wording the quotes section's, "said" / "told"
not framing; so are list items ("leopards, buffaloes, giraffes") and one word written as two ("day care").
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from difflib import SequenceMatcher

from storyweave.analysis.alignment import STOP_WORDS, word_stem
from storyweave.models import FULL, Claim, Evidence, Wording, WordingDifference

__all__ = ["TOKEN", "wording"]

SHARED = 0.5  # two sentences are compared word by word when they share this share of the shorter's content words
MAX_WORDS = 3  # a differing stretch is at most this many words on either side (after its small words)
TOKEN = re.compile(r"[A-Za-z][A-Za-z'’-]*|\d[\d,.:]*\d|\d")
_NUMBER_WORDS = frozenset(
    """zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen
    seventeen eighteen nineteen twenty thirty forty fifty sixty seventy eighty ninety hundred thousand million
    billion trillion dozen dozens hundreds thousands millions first second third fourth fifth half percent""".split()
)
# Words whose difference is not framing: reporting verbs, auxiliaries, times and small adverbs
_NOT_FRAMING = frozenset(
    word_stem(w)
    for w in """say says said tell tells told add adds added state stated report reports reported announce announced
    write wrote note noted explain explained according would will could can may might has have had been being
    was were is are am be do does did get got today yesterday tomorrow tonight week weekend month year day days
    morning afternoon evening night monday tuesday wednesday thursday friday saturday sunday earlier later last
    next ago now then still already recently currently also just even about around nearly almost some several
    many more most least less new mr mrs ms dr""".split()
)

_FUNCTION_WORDS = frozenset(
    """whose while because although though unless whether onto upon within without across toward towards among
    amid via per including us those these there""".split()
)
_CONTRACTION = re.compile(r"'(?:s|ll|re|ve|d|m)$")
_PLAIN_WORD = re.compile(r"[a-z][a-z'’-]*")  # lower case: not a name, an acronym, a code or a sentence's first word


class _Words:
    """A sentence's words: as written, with their stems and offsets, and which of them may carry framing."""

    def __init__(self, text: str) -> None:
        self.text = text
        matches = list(TOKEN.finditer(text))
        self.spans = [(m.start(), m.end()) for m in matches]
        self.written = [m.group() for m in matches]
        self.lower = [_CONTRACTION.sub("", w.lower().replace("’", "'")).strip("'-") for w in self.written]
        self.stems = [word_stem(w) for w in self.lower]
        self.all = frozenset(self.stems)
        self.quoted = _inside_marks(text, self.spans)

    def content(self, k: int) -> bool:
        word = self.lower[k]
        small = word in STOP_WORDS or word in _FUNCTION_WORDS or self.stems[k] in _NOT_FRAMING
        return not (small or len(word) < 3 or any(c.isdigit() for c in word))

    def framing_word(self, k: int) -> bool:
        """A common word that may name something differently: the writer's own (not quoted: a quotation's
        wording is the quotes section's), no number, no name (capitalised inside the sentence), no reporting
        verb or small word."""
        plain = _PLAIN_WORD.fullmatch(self.written[k]) is not None  # not "Merkley", "hSFrW", "AK-47"
        numeric = any(part in _NUMBER_WORDS for part in self.lower[k].split("-"))
        return self.content(k) and plain and not (numeric or self.quoted[k])

    def stretch(self, first: int, last: int, adverbs: tuple[bool, bool]) -> tuple[int, int] | None:
        """``first:last`` without small words at its ends, nor "-ly" adverbs unless ``adverbs`` says the other
        sentence's stretch has one at that end too ("morally responsible" / "personally guilty"), or None when no
        content word is left."""
        while first < last and (not self.content(first) or (self.adverb(first) and not adverbs[0])):
            first += 1
        while last > first and (not self.content(last - 1) or (self.adverb(last - 1) and not adverbs[1])):
            last -= 1
        return (first, last) if first < last else None

    def adverb(self, k: int) -> bool:
        return self.lower[k].endswith("ly") and len(self.lower[k]) > 4

    def edges(self, first: int, last: int) -> tuple[bool, bool]:
        """Whether the content words at each end of ``first:last`` are "-ly" adverbs."""
        content = [k for k in range(first, last) if self.content(k)]
        return (bool(content) and self.adverb(content[0]), bool(content) and self.adverb(content[-1]))

    def listed(self, first: int, last: int) -> bool:
        """The stretch is an item of a list: a comma before it and a comma or "and" after it."""
        before = self.text[: self.spans[first][0]].rstrip()
        after = self.text[self.spans[last - 1][1] :].lstrip()
        return before.endswith(",") and (after.startswith(",") or after.startswith("and "))

    def quote(self, first: int, last: int) -> str:
        return self.text[self.spans[first][0] : self.spans[last - 1][1]]


def _inside_marks(text: str, spans: list[tuple[int, int]]) -> list[bool]:
    """For each word, whether it lies inside quotation marks. A mark opens after a space (or at the start) and
    before a word; any other closes: a sentence that first meets a closing mark began inside a quotation."""
    marks: list[tuple[int, bool]] = []
    for m in re.finditer(r"[\"“”]", text):
        k = m.start()
        straight_opening = (k == 0 or text[k - 1] in " (\u2014") and bool(text[k + 1 : k + 2].strip())
        marks.append((k, m.group() == "“" or (m.group() == '"' and straight_opening)))
    inside: list[bool] = []
    state, n = bool(marks) and not marks[0][1], 0
    for start, _ in spans:
        while n < len(marks) and marks[n][0] < start:
            state = marks[n][1]
            n += 1
        inside.append(state)
    return inside


def _anchored(opcodes: Sequence[tuple[str, int, int, int, int]], n: int, ours: _Words) -> bool:
    """The stretch at ``opcodes[n]`` is framed by words both sentences share: on both sides, or on one side
    by at least two content words when it ends the sentence."""

    def shared_content(k: int) -> int:
        if not 0 <= k < len(opcodes) or opcodes[k][0] != "equal":
            return -1
        return sum(ours.content(i) for i in range(opcodes[k][1], opcodes[k][2]))

    before, after = shared_content(n - 1), shared_content(n + 1)
    if before >= 0 and after >= 0:
        return before + after >= 1
    return max(before, after) >= 2 and (n == 0 or n == len(opcodes) - 1)


def _differences(ours: _Words, theirs: _Words) -> list[tuple[tuple[int, int], tuple[int, int]]]:
    """Stretches of ``ours`` and ``theirs`` that say the same thing in other words (see the module)."""
    mine_content = {ours.stems[k] for k in range(len(ours.stems)) if ours.content(k)}
    their_content = {theirs.stems[k] for k in range(len(theirs.stems)) if theirs.content(k)}
    if len(mine_content & their_content) < SHARED * min(len(mine_content), len(their_content)):
        return []  # too little in common for words in the same place to name the same thing
    opcodes = SequenceMatcher(None, ours.stems, theirs.stems, autojunk=False).get_opcodes()
    found = []
    for n, (tag, i1, i2, j1, j2) in enumerate(opcodes):
        if tag != "replace" or not _anchored(opcodes, n, ours):
            continue
        ours_ly, theirs_ly = ours.edges(i1, i2), theirs.edges(j1, j2)
        mine = ours.stretch(i1, i2, (ours_ly[0] and theirs_ly[0], ours_ly[1] and theirs_ly[1]))
        other = theirs.stretch(j1, j2, (ours_ly[0] and theirs_ly[0], ours_ly[1] and theirs_ly[1]))
        if mine is None or other is None or max(mine[1] - mine[0], other[1] - other[0]) > MAX_WORDS:
            continue
        if ours.listed(*mine) or theirs.listed(*other) or _compound(ours.quote(*mine), theirs.quote(*other)):
            continue
        if not all(ours.framing_word(k) for k in range(*mine)) or not all(
            theirs.framing_word(k) for k in range(*other)
        ):
            continue
        moved = any(ours.stems[k] in theirs.all for k in range(*mine) if ours.content(k))
        moved = moved or any(theirs.stems[k] in ours.all for k in range(*other) if theirs.content(k))
        if not moved:  # a word found elsewhere in the other sentence was moved, not renamed
            found.append((mine, other))
    return found


def wording(claims: Sequence[Claim]) -> list[WordingDifference]:
    """Where outlets that state a claim in full name part of it in different words, claim by claim."""
    differences: list[WordingDifference] = []
    seen: set[frozenset[str]] = set()
    for claim in claims:
        own = claim.evidence[0]
        others = _first_per_source(own, claim.evidence[1:])
        if not others:
            continue
        ours = _Words(own.text)
        slots: dict[tuple[int, int], dict[str, tuple[str, list[Evidence]]]] = {}
        for evidence in others:
            theirs = _Words(evidence.text)
            for mine, other in _differences(ours, theirs):
                slot = slots.setdefault(mine, {_key(ours, mine): (ours.quote(*mine), [own])})
                slot.setdefault(_key(theirs, other), (theirs.quote(*other), []))[1].append(evidence)
        for (first, last), variants in slots.items():
            mine_stems = set(ours.stems[first:last])
            for evidence in others:  # an outlet with no difference here words it as the claim's own sentence does
                if (
                    not any(evidence in found for _, found in variants.values())
                    and mine_stems <= _Words(evidence.text).all
                ):
                    variants[_key(ours, (first, last))][1].append(evidence)
            names = frozenset(variants)
            if names in seen:
                continue
            seen.add(names)
            wordings = [Wording(text, sorted({e.source for e in found}), found) for text, found in variants.values()]
            wordings.sort(key=lambda w: (-len(w.sources), w.sources))  # the most outlets' wording first
            differences.append(WordingDifference(claim=claim.id, wordings=wordings))
    return differences


def _compound(one: str, other: str) -> bool:
    """One stretch is the other written as one word or in part: "day care" / "daycare", "care" / "daycare"."""
    a, b = (re.sub(r"[\s'’-]", "", x.lower()) for x in (one, other))
    return a in b or b in a


def _first_per_source(own: Evidence, evidence: Sequence[Evidence]) -> list[Evidence]:
    """Each other outlet's best sentence stating the claim in full (the first listed), not credited to another."""
    chosen: dict[int, Evidence] = {}
    for e in evidence:
        if e.support == FULL and e.via is None and e.source != own.source:
            chosen.setdefault(e.source, e)
    return list(chosen.values())


def _key(words: _Words, stretch: tuple[int, int]) -> str:
    return " ".join(words.stems[stretch[0] : stretch[1]])
