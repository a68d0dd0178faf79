"""A number in a sentence with what it counts, and when two such numbers can both be true."""

from __future__ import annotations

from dataclasses import dataclass

from storyweave.analysis.numbers import NumberMention, rounding_unit


@dataclass(frozen=True, slots=True)
class Quantity:
    """A number in a sentence with what it counts."""

    mention: NumberMention
    kind: str  # count | money | percent | age | year | period | quantity
    unit: str
    noun: str  # the counted noun, stemmed: "passenger"; "" when the sentence does not say
    event: str  # killed | injured | ... when the words after the noun say; PART_OF for "16 of the 71 counties"
    scope: str = (
        ""  # "forecast" (expected), "earlier" (a past figure), "qualified" ("confirmed and probable"), "now" ("remain")
    )
    owner: str = ""  # for an age: the name it stands after, lower-cased ("petrakis" for "Lorna Petrakis, 52")
    measure: str = ""  # for an amount or a share: what it is of when the words say so plainly ("premium", "income")

    @property
    def key(self) -> tuple[str, str, str]:
        return self.kind, self.unit, self.noun

    def meets(self, other: Quantity) -> bool:
        """Both can be true: the ranges the two expressions stand for overlap."""
        a, b = self.mention, other.mention
        if a.low is None or b.low is None or a.high is None or b.high is None:
            return a.value == b.value
        if a.value is not None and b.value is not None:  # each stands for what rounds to it: 814 and 815 never meet
            return (a.low < b.high and b.low < a.high) or _rounds_to(a, b) or _rounds_to(b, a)
        return a.low <= b.high and b.low <= a.high


def _rounds_to(hedged: NumberMention, plain: NumberMention) -> bool:
    """A hedged figure and a round one written plainly: the round one may be the hedged one rounded ("about 1,150"
    and "1,200"; not "about 212,000" and "221,000", nor "about 240" and "300")."""
    if not hedged.approximate or plain.approximate or plain.value is None or hedged.value is None:
        return False
    half = rounding_unit(plain.value) / 2
    return half >= 1 and plain.value - half <= hedged.value < plain.value + half
