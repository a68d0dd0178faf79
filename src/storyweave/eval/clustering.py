"""Scores for story clustering: B-cubed precision, recall and F1, and the adjusted Rand index.

A partition is given as one label per item (any hashable values; only equality matters). Both
measures are computed from the contingency table of the two partitions:

- B-cubed (Bagga & Baldwin 1998), over items: an item's precision is the share of its predicted
  cluster that shares its gold story, its recall the share of its gold story that shares its
  predicted cluster; each is averaged over all items and F1 is their harmonic mean.
- The adjusted Rand index (Hubert & Arabie 1985): the Rand index over item pairs, corrected for
  chance so that random partitions score about 0 and identical ones 1.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Hashable, Sequence
from dataclasses import dataclass
from math import comb


@dataclass(frozen=True, slots=True)
class ClusterScores:
    """B-cubed precision, recall and F1 and the adjusted Rand index, as fractions."""

    precision: float
    recall: float
    f1: float
    ari: float


def _contingency(gold: Sequence[Hashable], predicted: Sequence[Hashable]) -> Counter[tuple[Hashable, Hashable]]:
    if len(gold) != len(predicted):
        raise ValueError(f"{len(gold)} gold labels but {len(predicted)} predicted labels")
    return Counter(zip(gold, predicted, strict=True))


def bcubed(gold: Sequence[Hashable], predicted: Sequence[Hashable]) -> tuple[float, float, float]:
    """B-cubed precision, recall and F1 of ``predicted`` against ``gold`` (1.0 each for no items)."""
    cells = _contingency(gold, predicted)
    if not cells:
        return 1.0, 1.0, 1.0
    gold_sizes, predicted_sizes = Counter(gold), Counter(predicted)
    # The n items of a cell each have precision n / |predicted cluster| and recall n / |gold story|.
    precision = sum(n * n / predicted_sizes[p] for (_, p), n in cells.items()) / len(gold)
    recall = sum(n * n / gold_sizes[g] for (g, _), n in cells.items()) / len(gold)
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


def adjusted_rand_index(gold: Sequence[Hashable], predicted: Sequence[Hashable]) -> float:
    """The adjusted Rand index: 1.0 for identical partitions, about 0.0 for chance, negative below it."""
    cells = _contingency(gold, predicted)
    together = sum(comb(n, 2) for n in cells.values())  # pairs in the same story and the same cluster
    gold_pairs = sum(comb(n, 2) for n in Counter(gold).values())
    predicted_pairs = sum(comb(n, 2) for n in Counter(predicted).values())
    all_pairs = comb(len(gold), 2)
    if all_pairs == 0:
        return 1.0
    expected = gold_pairs * predicted_pairs / all_pairs
    maximum = (gold_pairs + predicted_pairs) / 2
    if maximum == expected:  # both partitions all singletons, or both one cluster: they agree
        return 1.0
    return (together - expected) / (maximum - expected)


def score_partition(gold: Sequence[Hashable], predicted: Sequence[Hashable]) -> ClusterScores:
    """B-cubed and ARI of one predicted partition against the gold one."""
    precision, recall, f1 = bcubed(gold, predicted)
    return ClusterScores(precision, recall, f1, adjusted_rand_index(gold, predicted))


def labels_from_groups(groups: Sequence[Sequence[int]], size: int) -> list[int]:
    """One cluster number per item from groups of item indices.

    Items that no group holds become clusters of their own; an index out of range or in two
    groups is an error (:class:`ValueError`).
    """
    labels = [-1] * size
    for number, group in enumerate(groups):
        for index in group:
            if not 0 <= index < size:
                raise ValueError(f"group {number} holds index {index}, outside 0..{size - 1}")
            if labels[index] != -1:
                raise ValueError(f"index {index} is in groups {labels[index]} and {number}")
            labels[index] = number
    next_label = len(groups)
    for index, label in enumerate(labels):
        if label == -1:
            labels[index] = next_label
            next_label += 1
    return labels
