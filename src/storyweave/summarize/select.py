"""Greedy selection under a word budget, without repeats, in reading order."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

import numpy as np

from storyweave.analysis.alignment import StoryMatrix
from storyweave.analysis.atoms import Atoms
from storyweave.summarize.candidates import word_count

_CLOCK = re.compile(r"\b\d{1,2}(?::\d{2})?\s?[ap]\.?m\b\.?", re.I)
SAME_FACT_MATCH = 0.2  # two sentences that share a clock time or a counted thing and match this well tell one fact


def _facts(text: str, atoms: Atoms) -> set[str]:
    """The clock times a sentence gives and the things it counts (from its atoms): "7:40pm", "count:passenger:"."""
    times = {t.lower().replace(" ", "").rstrip(".") for t in _CLOCK.findall(text)}
    counted = {f"count:{q.noun}:{q.event}" for q in atoms.quantities if q.kind == "count" and q.noun}
    return times | counted


def _same_fact(matrix: StoryMatrix, atoms: Sequence[Atoms], index: int, chosen: list[int]) -> bool:
    """Whether the sentence tells a fact a chosen one tells already: the same clock time or a count of the same
    thing, and something of the same words ("struck the sandbank at about 7:40 p.m." twice, "212 passengers" and
    "some 200 passengers were on board"), so that no two summary sentences lead with one fact."""
    facts = _facts(matrix.sentences[index].text, atoms[index])
    return bool(facts) and any(
        float(matrix.match[index, other]) >= SAME_FACT_MATCH
        and facts & _facts(matrix.sentences[other].text, atoms[other])
        for other in chosen
    )


def select(
    matrix: StoryMatrix,
    scores: np.ndarray,
    candidates: list[int],
    *,
    budget: int,
    redundancy_threshold: float,
    atoms: Sequence[Atoms],
    wording: Callable[[int], int] | None = None,
) -> list[int]:
    """Pick flat sentence indices by score while they fit the budget and say something new.

    ``atoms`` are every sentence's (the support decision's), to tell a repeated fact by. ``wording`` may swap a
    picked sentence for another outlet's wording of the same information (one whose sources are clearer); the
    swap must itself be a candidate.
    """
    chosen: list[int] = []
    used = 0
    allowed = set(candidates)
    for picked in sorted(candidates, key=lambda i: (-scores[i], i)):
        index = wording(picked) if wording else picked
        if index not in allowed or index in chosen:
            index = picked
        words = word_count(matrix.sentences[index].text)
        if used + words > budget:
            continue
        if chosen and float(matrix.match[index, chosen].max()) >= redundancy_threshold:
            continue
        if _same_fact(matrix, atoms, index, chosen):
            continue
        chosen.append(index)
        used += words
        if budget - used < 6:
            break
    # Reading order: what articles put first comes first; ties go to the earlier source.
    return sorted(chosen, key=lambda i: (matrix.sentences[i].position, int(matrix.owner[i]), i))
