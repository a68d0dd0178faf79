"""ROUGE with Google's ``rouge-score``: ROUGE-1, ROUGE-2 and ROUGE-Lsum, Porter stemming.

A summary is a list of sentences. Summaries are cut at exactly the word budget before scoring
(:func:`cut_words`). For ROUGE-Lsum a summary's sentences are joined by newlines; references are
scored as given (their own line breaks, if any, mark their sentences), the set-up behind the
project's published peer figures: splitting Multi-News references into sentences as well would
raise every system's ROUGE-Lsum by about 11 points. With several references the scores against
each are averaged.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from typing import Any

MEASURES = ("rouge1", "rouge2", "rougeLsum")


@dataclass(frozen=True, slots=True)
class Scores:
    """ROUGE-1, ROUGE-2 and ROUGE-Lsum as fractions (0.0 to 1.0)."""

    rouge1: float = 0.0
    rouge2: float = 0.0
    rouge_lsum: float = 0.0

    @staticmethod
    def mean(scores: Sequence[Scores]) -> Scores:
        if not scores:
            return Scores()
        n = len(scores)
        return Scores(
            sum(s.rouge1 for s in scores) / n,
            sum(s.rouge2 for s in scores) / n,
            sum(s.rouge_lsum for s in scores) / n,
        )


def cut_words(sentences: Sequence[str], words: int) -> list[str]:
    """The sentences up to exactly ``words`` whitespace-separated words; the last one is truncated.

    Whitespace inside a sentence is normalised to single spaces, so a sentence never spans lines.
    """
    kept: list[str] = []
    left = words
    for sentence in sentences:
        if left <= 0:
            break
        tokens = sentence.split()[:left]
        if tokens:
            kept.append(" ".join(tokens))
            left -= len(tokens)
    return kept


@cache
def _scorer() -> Any:
    from rouge_score import rouge_scorer

    return rouge_scorer.RougeScorer(list(MEASURES), use_stemmer=True, split_summaries=False)


def score(summary: Sequence[str], references: Sequence[str], *, recall: bool = False) -> Scores:
    """F1 (or recall) of one summary against its references, averaged over the references."""
    prediction = "\n".join(s.strip() for s in summary if s.strip())
    per_reference = []
    for reference in references:
        result = _scorer().score(reference, prediction)
        values = [result[m].recall if recall else result[m].fmeasure for m in MEASURES]
        per_reference.append(Scores(*values))
    return Scores.mean(per_reference)
