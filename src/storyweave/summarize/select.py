"""Greedy selection under a word budget, without repeats, in reading order."""

from __future__ import annotations

from collections.abc import Callable

import numpy as np

from storyweave.analysis.alignment import StoryMatrix
from storyweave.summarize.candidates import word_count


def select(
    matrix: StoryMatrix,
    scores: np.ndarray,
    candidates: list[int],
    *,
    budget: int,
    redundancy_threshold: float,
    wording: Callable[[int], int] | None = None,
) -> list[int]:
    """Pick flat sentence indices by score while they fit the budget and say something new.

    ``wording`` may swap a picked sentence for another outlet's wording of the same information
    (one whose sources are clearer); the swap must itself be a candidate.
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
        chosen.append(index)
        used += words
        if budget - used < 6:
            break
    # Reading order: what articles put first comes first; ties go to the earlier source.
    return sorted(chosen, key=lambda i: (matrix.sentences[i].position, int(matrix.owner[i]), i))
