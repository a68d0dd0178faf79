"""The trust benchmark's scorers for claims, quotes and conflicts (the summary's are in ``trust.py``)."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from analysis_labels import speaker_right
from labels.trust.judged import Gold, JudgedStory
from storyweave.models import CORROBORATED, SINGLE, Analysis


@dataclass(slots=True)
class Tally:
    """Hits and totals per figure, in the order figures were first seen."""

    seen: dict[str, list[int]] = field(default_factory=dict)

    def add(self, name: str, hit: bool) -> None:
        counts = self.seen.setdefault(name, [0, 0])
        counts[0] += int(hit)
        counts[1] += 1

    def items(self) -> list[tuple[str, tuple[int, int]]]:
        return [(name, (hits, total)) for name, (hits, total) in self.seen.items()]


def covers(gold: Gold) -> bool:
    """The other article says something of the sentence: at least part, or a conflicting value of it."""
    if gold.label == "contradicts":
        return gold.kind != "name" or gold.apart in {"full", "partial"}
    return gold.label in {"full", "partial"}


def reports(gold: Gold) -> bool:
    if gold.label == "contradicts":
        return gold.kind == "name" and gold.apart in {"full", "partial"}
    return gold.label in {"full", "partial"}


def _flat(judged: JudgedStory, article_id: str, start: int) -> int | None:
    matrix = judged.matrix
    for i, sentence in enumerate(matrix.sentences):
        if sentence.start == start and matrix.articles[int(matrix.owner[i])].id == article_id:
            return i
    return None


def score_claims(judged: JudgedStory, analysis: Analysis, tally: Tally) -> None:
    for claim in analysis.claims:
        head = _flat(judged, claim.evidence[0].article_id, claim.evidence[0].start)
        if head is None or not judged.informative(head):
            continue
        owner = int(judged.matrix.owner[head])
        golds = {k: judged.gold(head, k) for k in range(len(judged.matrix.articles)) if k != owner}
        if claim.status == SINGLE:
            tally.add("single-source precision", not any(g and covers(g) for g in golds.values()))
        if claim.status == CORROBORATED:
            listed = [s - 1 for s in claim.sources if s - 1 != owner]
            tally.add("corroborated precision", all(golds.get(k) and reports(golds[k]) for k in listed))  # type: ignore[arg-type]
        tally.add(f"claims {claim.status}", True)


def score_quotes(judged: JudgedStory, analysis: Analysis, tally: Tally) -> None:
    variants = [v for q in analysis.quotes for v in q.variants]
    for row in judged.quotes:
        article = judged.annotated[row["doc"]].id
        source = row["doc"] + 1
        hit = next(
            (v for v in variants if v.source == source and v.start < row["end"] and row["start"] < v.end),
            None,
        )
        tally.add("quote recall", hit is not None)
        if hit is not None:
            tally.add("speaker accuracy", speaker_right(hit.speaker, row))
        del article


def _labelled_conflicts(judged: JudgedStory) -> dict[str, set[tuple[int, int]]]:
    """Each labelled conflict's sentences, as (doc, labelled sentence)."""
    found: dict[str, set[tuple[int, int]]] = {}
    for (doc, sentence), row in judged.verdicts.items():
        for other, entry in (row.get("support") or {}).items():
            if entry["label"] != "contradicts":
                continue
            ids = entry.get("conflict") or f"{doc}.{sentence}"
            for conflict in ids if isinstance(ids, list) else [ids]:  # a pair may hold two disagreements
                sentences = found.setdefault(conflict, set())
                sentences.add((doc, sentence))
                sentences.update((int(other), n) for n in entry["by"])
    return found


def score_conflicts(judged: JudgedStory, analysis: Analysis) -> Counter[str]:
    """found / labelled: labelled conflicts a flagged conflict touches on both sides; false: flagged ones none does."""
    labelled = _labelled_conflicts(judged)
    touched: set[str] = set()
    false = 0
    for group in analysis.conflicts:
        sides = []
        for fact in group.facts:
            flat = _flat(judged, fact.evidence.article_id, fact.evidence.start)
            key = judged.labelled(flat) if flat is not None else None
            if key is not None:
                sides.append(key)
        hits = {name for name, sentences in labelled.items() if len({s for s in sides if s in sentences}) >= 2}
        touched |= hits
        false += not hits
    return Counter(found=len(touched), labelled=len(labelled), false=false)
