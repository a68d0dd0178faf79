"""Where two outlets put the same thing: "found six ballots in Dunlow County" / "discovered six uncounted ballots in
Carrick County".

Read from two sentences the support decision links (each reports what the other does): each sets the thing in a
named place of the same kind ("in X County", "on Y Street"), and neither sentence names the other's place. A
sentence that names both, or places of two kinds ("in Teague County" / "on Mill Street"), says nothing.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

from storyweave.analysis.alignment import StoryMatrix
from storyweave.analysis.misattributed import Misattributed, read_once

# what a named place of one kind ends in; a thing set "in" two of one kind is set in two places
PLACE_KINDS = (
    "County", "Township", "Parish", "Province", "Borough", "Prefecture", "Street", "Road", "Avenue", "Boulevard",
    "Lane", "Drive",
)  # fmt: skip
_PLACED = re.compile(
    rf"\b(?:in|at|on|near|from)\s+(?:the\s+)?(?P<name>(?:[A-Z][\w'’.-]*\s+){{1,3}}?)(?P<kind>{'|'.join(PLACE_KINDS)})\b"
)


def _places(matrix: StoryMatrix, flat: int) -> dict[str, tuple[int, int, str]]:
    """The named places a sentence sets things in, by kind: {"County": (start, end, "Dunlow County")}, offsets in
    its article; a kind named twice with two names is left out (the sentence tells of both)."""
    sentence = matrix.sentences[flat]
    found: dict[str, tuple[int, int, str]] = {}
    twice: set[str] = set()
    for m in _PLACED.finditer(sentence.text):
        kind, written = m["kind"], f"{m['name']}{m['kind']}"
        if kind in found and found[kind][2] != written:
            twice.add(kind)
        found[kind] = (sentence.start + m.start("name"), sentence.start + m.end("kind"), written)
    return {kind: where for kind, where in found.items() if kind not in twice}


def placed_differently(matrix: StoryMatrix, linked: Iterable[tuple[int, int]]) -> Iterator[Misattributed]:
    """Of pairs of linked sentences of two outlets, those that set the thing both report in two places of one
    kind, each sentence silent on the other's."""
    for flat, row, mine, theirs in read_once(linked, lambda n: _places(matrix, n)):
        for kind in sorted(mine.keys() & theirs.keys()):
            here, there = mine[kind][2], theirs[kind][2]
            name_here, name_there = here[: -len(kind)].strip(), there[: -len(kind)].strip()
            if name_here == name_there:
                continue
            if name_there in matrix.sentences[flat].text or name_here in matrix.sentences[row].text:
                continue  # "a fire in Teague County spread toward Ashcombe": both are named
            yield Misattributed(flat, row, mine[kind], theirs[kind])
            break
