"""Facts and conflicts: quantities with what they count, grouped across outlets, from the support decisions.

Two outlets' numbers are one fact when they count the same thing (the same noun and event:
"people killed" and "killed" join, "killed" and "injured" do not) and both can be true ("212"
is 211.5-212.5, "some 200" 150-250, "more than 40" 40-60), and when their sentences report the
same information (one supports the other) or give the very same value. A conflict is what the
support decision found: a sentence and another outlet's sentence that report the same thing
with a quantity or a day that cannot both hold, in the same scope (a figure over three years is
not set against one over six), or that give one quotation or one act to two people. Names spelt two ways are in
``spellings``.
"""

from __future__ import annotations

from collections.abc import Iterator

from storyweave.analysis.quantity import Quantity
from storyweave.analysis.support import Support
from storyweave.analysis.syndication import UnionFind
from storyweave.analysis.tallies import AGAINST, FOR
from storyweave.models import CONTRADICTS, Fact, FactGroup

DISTINCTIVE = 100  # a figure this large (or with decimals) is unlikely to recur by chance in one story's reports
UNMISTAKABLE = 1000  # ... and one this large is the same figure even where the sentences are not linked
STATUS_ORDER = {"conflict": 0, "approximately consistent": 1, "consistent": 2, "single-source": 3}


def _fact(support: Support, flat: int, quantity: Quantity) -> Fact:
    mention = quantity.mention
    return Fact(
        source=int(support.matrix.owner[flat]) + 1,
        text=mention.text,
        start=mention.start,
        end=mention.end,
        value=mention.value,
        low=mention.low,
        high=mention.high,
        approximate=mention.approximate,
        kind=quantity.kind,
        unit=quantity.unit,
        counts=f"{quantity.noun} {quantity.event}".strip(),
        evidence=support.matrix.evidence(flat),
    )


def _quantities(support: Support) -> list[tuple[int, Quantity]]:
    """The facts' figures: those that name what they count or are distinctive; a tally once ("7-2": its votes for
    of all cast, not its votes against nor its votes for alone as well)."""
    return [
        (flat, q)
        for flat, atoms in enumerate(support.atoms)
        for n, q in enumerate(atoms.quantities)
        if (len(q.noun) >= 3 or q.kind in {"money", "percent"} or (q.mention.value or 0) >= DISTINCTIVE)
        and not (q.unit in {AGAINST, FOR} and any(p.mention.start == q.mention.start for p in atoms.quantities[:n]))
    ]


def _agreeing(support: Support, found: list[tuple[int, Quantity]]) -> Iterator[tuple[int, int]]:
    """Quantities of different outlets that state the same figure: same thing counted, values that both fit,
    in sentences that report the same thing (or with the very same value)."""
    matrix = support.matrix
    by_key: dict[tuple[str, str, str, str, str], list[int]] = {}
    for n, (_, q) in enumerate(found):
        by_key.setdefault((*q.key, q.event, q.scope), []).append(n)
    for members in by_key.values():
        for x, i in enumerate(members):
            for j in members[x + 1 :]:
                (flat_i, qi), (flat_j, qj) = found[i], found[j]
                if matrix.owner[flat_i] == matrix.owner[flat_j] or not qi.meets(qj):
                    continue
                if qi.mention.value == qj.mention.value or support.linked(flat_i, flat_j):
                    yield i, j
    # The very same distinctive figure in sentences that report the same thing is one fact, whatever noun each
    # outlet counts it with ("512,000 jobs", "payrolls grew by 512,000", "512,000 positions").
    by_value: dict[tuple[str, str, float], list[int]] = {}
    for n, (_, q) in enumerate(found):
        value = q.mention.value
        if value is not None and (value >= DISTINCTIVE or value != int(value)) and q.kind not in {"year", "age"}:
            by_value.setdefault((q.kind, q.unit, value), []).append(n)
    for members in by_value.values():
        for x, i in enumerate(members):
            for j in members[x + 1 :]:
                (flat_i, qi), (flat_j, qj) = found[i], found[j]
                if matrix.owner[flat_i] == matrix.owner[flat_j] or qi.key == qj.key:
                    continue
                value = qi.mention.value or 0.0
                if value >= UNMISTAKABLE or value != int(value) or support.linked(flat_i, flat_j):
                    yield i, j


def _disagreeing(support: Support, found: list[tuple[int, Quantity]]) -> Iterator[tuple[int, int]]:
    """The quantities the support decisions found given differently."""
    where = {(flat, q.mention.start): n for n, (flat, q) in enumerate(found)}
    for (flat, _), decision in support.decisions.items():
        conflict = decision.conflict
        if decision.label == CONTRADICTS and conflict is not None and conflict.kind in {"quantity", "amount"}:
            i, j = where.get((flat, conflict.mine[0])), where.get((conflict.row, conflict.theirs[0]))
            if i is not None and j is not None:
                yield i, j


def _status(facts: list[Fact], independent: dict[int, int], conflict: bool) -> str:
    if len({independent[f.source] for f in facts}) < 2:
        return "single-source"
    if conflict:
        return "conflict"
    if len({f.value for f in facts}) == 1 and not any(f.approximate for f in facts):
        return "consistent"
    return "approximately consistent"


def group_facts(support: Support, syndication: list[list[int]]) -> list[FactGroup]:
    independent = {a + 1: g for g, members in enumerate(syndication) for a in members}
    found = _quantities(support)
    agree = UnionFind(len(found))
    for i, j in _agreeing(support, found):
        agree.union(i, j)
    sets = UnionFind(len(found))  # agreeing figures, joined where a conflict sets them against each other
    for members in agree.groups():
        for other in members[1:]:
            sets.union(members[0], other)
    disputed = []
    for i, j in _disagreeing(support, found):
        sets.union(i, j)
        disputed += [i, j]
    in_conflict = {sets.find(n) for n in disputed}
    result = []
    for members in sets.groups():
        chosen: dict[tuple[int, int], int] = {}  # one fact per source and agreeing figure: the first
        for n in members:
            chosen.setdefault((int(support.matrix.owner[found[n][0]]), agree.find(n)), n)
        facts = [_fact(support, *found[n]) for n in sorted(chosen.values(), key=lambda n: (found[n][0], n))]
        facts.sort(key=lambda f: f.source)
        status = _status(facts, independent, sets.find(members[0]) in in_conflict)
        result.append(FactGroup(about=facts[0].counts or facts[0].unit, kind=facts[0].kind, status=status, facts=facts))
    result += written_conflicts(support)
    return sorted(result, key=lambda g: (STATUS_ORDER[g.status], -len({f.source for f in g.facts}), g.facts[0].source))


# conflicts that are not numbers: their kind of disagreement -> (what they are about, the facts' kind and unit)
WRITTEN = {
    "date": ("day", "date", "day"),
    "time": ("time of day", "date", "time"),
    "speaker": ("speaker of a quotation", "name", "speaker"),
    "agent": ("who it is credited to", "name", "person"),
    "place": ("where it happened", "name", "place"),
}


def written_conflicts(support: Support) -> list[FactGroup]:
    """Sentences of two outlets that report the same thing on different days ("Tuesday" / "Wednesday"), or give
    one quotation or one act to two people."""
    seen: set[frozenset[int]] = set()
    groups = []
    for (flat, _), decision in support.decisions.items():
        conflict = decision.conflict
        if decision.label != CONTRADICTS or conflict is None or conflict.kind not in WRITTEN:
            continue
        pair = frozenset((flat, conflict.row))
        if pair in seen:
            continue
        seen.add(pair)
        about, kind, unit = WRITTEN[conflict.kind]
        facts = [
            written_fact(support, flat, conflict.mine, kind, unit),
            written_fact(support, conflict.row, conflict.theirs, kind, unit),
        ]
        groups.append(FactGroup(about=about, kind=kind, status="conflict", facts=sorted(facts, key=_by_source)))
    return groups


def written_fact(support: Support, flat: int, written: tuple[int, int, str], kind: str, unit: str = "") -> Fact:
    """A fact that is not a number: a day or a name as an article writes it, at (start, end) in its article."""
    start, end, text = written
    return Fact(
        source=int(support.matrix.owner[flat]) + 1,
        text=text,
        start=start,
        end=end,
        value=None,
        low=None,
        high=None,
        approximate=False,
        kind=kind,
        unit=unit,
        counts=kind if kind == "name" else unit,
        evidence=support.matrix.evidence(flat),
    )


def _by_source(fact: Fact) -> int:
    return fact.source
