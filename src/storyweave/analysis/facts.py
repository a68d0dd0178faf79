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

RELATED_SENTENCES = 0.3
PERIODS = {"year", "month", "week", "day", "hour", "minute", "decade", "second"}
MEASURES = set(
    "mile kilometre kilometer km knot metre meter feet foot tonne ton kg acre hectare gallon litre barrel mph "
    "degree inch yard".split()
)
EVENTS = {
    "killed": "killed", "died": "killed", "dead": "killed", "death": "killed", "fatalitie": "killed",
    "injured": "injured", "wounded": "injured", "hurt": "injured", "treated": "injured",
    "hospitalised": "injured", "hospitalized": "injured", "hospital": "injured",
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
            if not counts:
                continue
            kind, unit = mention.kind, mention.unit
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


def _status(facts: list[Fact], independent: dict[int, int]) -> str:
    if len({independent[f.source] for f in facts}) < 2:
        return "single-source"
    pairs = [(a, b) for a in facts for b in facts if independent[a.source] < independent[b.source]]
    if any(not _meets(a, b) for a, b in pairs):
        return "conflict"
    if len({f.value for f in facts}) == 1 and not any(f.approximate for f in facts):
        return "consistent"
    return "approximately consistent"


def group_facts(matrix: StoryMatrix, syndication: list[list[int]]) -> list[FactGroup]:
    independent = {a + 1: g for g, members in enumerate(syndication) for a in members}
    by_key: dict[tuple[str, str, str], list[tuple[int, Fact]]] = defaultdict(list)
    for flat, fact in extract_facts(matrix):
        by_key[(fact.kind, fact.unit, fact.counts)].append((flat, fact))
    groups = []
    for (kind, _, counts), members in by_key.items():
        links = UnionFind(len(members))
        for i, (flat_i, fact_i) in enumerate(members):
            for j in range(i + 1, len(members)):
                flat_j, fact_j = members[j]
                if fact_i.source == fact_j.source:
                    continue
                if matrix.match[flat_i, flat_j] >= RELATED_SENTENCES or fact_i.value == fact_j.value:
                    links.union(i, j)
        for component in links.groups():
            facts = [members[i][1] for i in component]
            groups.append(FactGroup(about=counts, kind=kind, status=_status(facts, independent), facts=facts))
    order = {"conflict": 0, "approximately consistent": 1, "consistent": 2, "single-source": 3}
    return sorted(groups, key=lambda g: (order[g.status], -len({f.source for f in g.facts}), g.facts[0].source))
