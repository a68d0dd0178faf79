"""Greedy selection under a word budget, without repeats, in reading order."""

from __future__ import annotations

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
) -> list[int]:
    """Pick flat sentence indices by score while they fit the budget and say something new."""
    chosen: list[int] = []
    used = 0
    for index in sorted(candidates, key=lambda i: (-scores[i], i)):
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
