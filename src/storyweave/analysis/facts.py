"""Facts and conflicts: numbers with what they count, grouped across articles, checked for agreement.

A group's facts disagree when two independent outlets give values whose ranges
do not meet ("212" is 211.5-212.5; "some 200" is 150-250; "more than 40" is
40-60). Facts only join a group when they count the same thing (the same noun and
event: "people killed" and "people died" join, "people killed" and "people injured"
do not) and their sentences are related, so two different quantities that share
a noun are not set against each other.
"""

from __future__ import annotations

import re
from collections import defaultdict

from storyweave.analysis.alignment import STOP_WORDS, StoryMatrix
from storyweave.analysis.numbers import NumberMention, parse_numbers
from storyweave.analysis.syndication import UnionFind
from storyweave.models import Fact, FactGroup

SAME_FACT = 0.5  # match score of two sentences that state the same quantity
SAME_VALUE_CONTEXT = 0.3  # equal values join at this lower score
SAME_ORDER = 2.5  # reports of one quantity differ by less than this factor; beyond it they count other things
NOT_COUNTED = set("per time times while until th st nd rd percent cent nov oct dec jan feb aug sept".split())
PERIODS = {"year", "month", "week", "day", "hour", "minute", "decade", "second"}
MEASURES = set(
    "mile kilometre kilometer km knot metre meter feet foot tonne ton kg acre hectare gallon litre barrel mph "
    "degree inch yard".split()
)
EVENTS = {
    "killed": "killed", "died": "killed", "dead": "killed", "death": "killed", "fatalitie": "killed",
    "injured": "injured", "wounded": "injured", "hurt": "injured", "treated": "injured",
    "hospitalised": "injured", "hospitalized": "injured", "hospital": "injured", "shot": "injured",
    "arrested": "arrested", "detained": "arrested", "missing": "missing",
    "rescued": "rescued", "evacuated": "evacuated", "displaced": "displaced", "affected": "affected",
}  # fmt: skip
MODIFIERS = set("more other additional new further extra young old full total separate".split())
AUXILIARIES = set("were was have had been are is being who reportedly later also".split())
_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]*")


def _stem(word: str) -> str:
    word = word.lower().strip("'’")
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    return word[:-1] if word.endswith("s") and len(word) > 3 and not word.endswith("ss") else word


def _what(text: str, mention: NumberMention, sentence_start: int) -> tuple[str, str]:
    """(noun counted, event) around a number in a sentence."""
    after = _WORD.findall(text[mention.end - sentence_start :])[:6]
    words = [w for w in after if w.lower() not in MODIFIERS]
    noun = ""
    if len(words) > 1 and words[0].lower() in {"year", "years"} and words[1].lower() == "old":
        return "age", ""
    if words and words[0].lower() not in STOP_WORDS and words[0].lower() != "of":
        noun = _stem(words[0])
        rest = [_stem(w) for w in words[1:5] if w.lower() not in AUXILIARIES]
        return noun, next((EVENTS[w] for w in rest if w in EVENTS), "")
    before = _WORD.findall(text[: mention.start - sentence_start])[-3:]
    content = [w for w in before if w.lower() not in STOP_WORDS and w.lower() not in {"of", "to", "at", "by"}]
    return (_stem(content[-1]) if content else ""), ""


def extract_facts(matrix: StoryMatrix) -> list[tuple[int, Fact]]:
    """(flat sentence index, fact) for every number that says what it counts."""
    found = []
    for flat, sentence in enumerate(matrix.sentences):
        for mention in parse_numbers(sentence.text, sentence.start):
            counts, event = _what(sentence.text, mention, sentence.start)
            if len(counts) < 3 or counts in NOT_COUNTED or not counts.isalpha():
                continue
            kind, unit = mention.kind, mention.unit
            if counts == "age" or kind == "age":  # "a three-year-old son" and "the 2-year-old toddler"
                kind, unit, counts = "age", "years", "age"
            if kind == "count" and counts in PERIODS:
                kind, unit = "period", counts + "s"
            elif kind == "count" and counts in MEASURES:
                kind, unit = "quantity", counts
            fact = Fact(
                source=int(matrix.owner[flat]) + 1,
                text=mention.text,
                start=mention.start,
                end=mention.end,
                value=mention.value,
                low=mention.low,
                high=mention.high,
                approximate=mention.approximate,
                kind=kind,
                unit=unit,
                counts=f"{counts} {event}".strip(),
                evidence=matrix.evidence(flat),
            )
            found.append((flat, fact))
    return found


def _meets(a: Fact, b: Fact) -> bool:
    return a.low is not None and b.low is not None and a.low <= b.high and b.low <= a.high  # type: ignore[operator]


def _same_order(a: Fact, b: Fact) -> bool:
    if a.value is None or b.value is None or min(a.value, b.value) <= 0:
        return a.value == b.value
    return max(a.value, b.value) / min(a.value, b.value) <= SAME_ORDER


def _context(fact: Fact) -> set[str]:
    """Content words within ten words of the number, the counted noun left out."""
    text, start = fact.evidence.text, fact.start - fact.evidence.start
    before = _WORD.findall(text[:start])[-10:]
    after = _WORD.findall(text[start + len(fact.text) :])[:10]
    noun = fact.counts.split()[0]
    return {_stem(w) for w in before + after if w.lower() not in STOP_WORDS and _stem(w) != noun}


def _disagree(a: Fact, b: Fact) -> bool:
    """Two statements of one quantity whose values cannot both be right."""
    return not _meets(a, b) and _same_order(a, b) and bool(_context(a) & _context(b))


def _status(facts: list[tuple[int, Fact]], independent: dict[int, int], matrix: StoryMatrix) -> str:
    if len({independent[f.source] for _, f in facts}) < 2:
        return "single-source"
    for flat_a, a in facts:
        for flat_b, b in facts:
            directly = matrix.match[flat_a, flat_b] >= SAME_FACT
            if independent[a.source] < independent[b.source] and directly and _disagree(a, b):
                return "conflict"
    values = {f.value for _, f in facts}
    if len(values) == 1 and not any(f.approximate for _, f in facts):
        return "consistent"
    return "approximately consistent"


def _link(matrix: StoryMatrix, members: list[tuple[int, Fact]]) -> list[list[int]]:
    """Groups of members, at most one fact per source, joined strongest link first."""
    pairs = []
    for i, (flat_i, fact_i) in enumerate(members):
        for j in range(i + 1, len(members)):
            flat_j, fact_j = members[j]
            if fact_i.source == fact_j.source:
                continue
            score = float(matrix.match[flat_i, flat_j])
            if not _same_order(fact_i, fact_j):
                continue
            if score >= SAME_FACT or (fact_i.value == fact_j.value and score >= SAME_VALUE_CONTEXT):
                pairs.append((score, i, j))
    links = UnionFind(len(members))
    sources = {i: {members[i][1].source} for i in range(len(members))}
    for _, i, j in sorted(pairs, reverse=True):
        root_i, root_j = links.find(i), links.find(j)
        if root_i != root_j and not sources[root_i] & sources[root_j]:
            links.union(i, j)
            sources[links.find(i)] = sources[root_i] | sources[root_j]
    return links.groups()


def group_facts(matrix: StoryMatrix, syndication: list[list[int]]) -> list[FactGroup]:
    independent = {a + 1: g for g, members in enumerate(syndication) for a in members}
    by_key: dict[tuple[str, str, str], list[tuple[int, Fact]]] = defaultdict(list)
    for flat, fact in extract_facts(matrix):
        by_key[(fact.kind, fact.unit, fact.counts)].append((flat, fact))
    groups = []
    for (kind, _, counts), members in by_key.items():
        for component in _link(matrix, members):
            chosen = [members[i] for i in component]
            status = _status(chosen, independent, matrix)
            groups.append(FactGroup(about=counts, kind=kind, status=status, facts=[f for _, f in chosen]))
    order = {"conflict": 0, "approximately consistent": 1, "consistent": 2, "single-source": 3}
    return sorted(groups, key=lambda g: (order[g.status], -len({f.source for f in g.facts}), g.facts[0].source))
