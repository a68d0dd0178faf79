"""How far a reader can trust a brief: who reports what, measured against the hand-judged trust labels.

    .venv/bin/python benchmarks/trust.py [--split test|dev|fresh|...|all] [--words 200] [--check]

Every story of the split (``benchmarks/labels/trust/stories.jsonl``) is briefed as a user would
brief it, and every statement of the brief about who reports what is looked up in the labels,
which judge each sentence against every other article (see ``labels/trust/README.md``):

- citation precision: a cited outlet (plain or partial) reports at least part of the sentence;
- plain citations that report the main point: an outlet cited plainly states all of it;
- citation recall: outlets that state the whole sentence are cited (plainly or as partial);
- evidence precision: each evidence sentence shown is one the reviewers named as support;
- single-source precision: no other outlet reports any part of a claim called single-source;
- corroborated precision: the outlets a corroborated claim lists report it;
- speaker accuracy: direct quotations attributed to the speaker the reviewers named;
- conflicts: flagged conflicts the reviewers also found, and labelled conflicts flagged.

The support model was trained on the ``dev`` split (``benchmarks/train_support.py``): the
default ``test`` split is what it never saw. The ``fresh`` split was labelled later, after
the tuning, and is read once per round of changes: the cleanest figure of what a new story gets.
``--check`` exits 1 when a figure misses its target.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from labels.trust.judged import Gold, JudgedStory, judged_stories
from storyweave.models import Brief, Story
from storyweave.settings import BriefSettings
from storyweave.summarize import make_brief
from trust_scores import Tally, reports, score_claims, score_conflicts, score_quotes

TARGETS = {
    "citation precision": 0.98,
    "plain citations that report the main point": 0.90,
    "citation recall": 0.85,
    "evidence precision": 0.95,
    "single-source precision": 0.90,
    "corroborated precision": 0.97,
    "speaker accuracy": 0.92,
    "labelled conflicts found": 2 / 3,
}
MAX_FALSE_CONFLICTS_PER_20 = 1.0


def states_all(gold: Gold) -> bool:
    return gold.label == "full" or (gold.label == "contradicts" and gold.kind == "name" and gold.apart == "full")


def score_summary(judged: JudgedStory, brief: Brief, tally: Tally) -> None:
    matrix = judged.matrix
    flat_of = {
        (e.article_id, e.start): i for i, e in enumerate(matrix.evidence(i) for i in range(len(matrix.sentences)))
    }
    for sentence in brief.summary:
        own = sentence.evidence[0]
        flat = flat_of[(own.article_id, own.start)]
        owner = int(matrix.owner[flat])
        cited_plain, cited_partial = set(sentence.full_sources), set(sentence.partial_sources)
        for article in range(len(matrix.articles)):
            if article == owner:
                continue
            gold = judged.gold(flat, article)
            if gold is None:
                continue
            number = article + 1
            cited = number in cited_plain or number in cited_partial
            if cited:
                tally.add("citation precision", reports(gold))
            if number in cited_plain:
                tally.add("plain citations that report the main point", states_all(gold))
            if states_all(gold):
                tally.add("citation recall", cited)
                tally.add("citation recall (plain)", number in cited_plain)
            if cited:
                for e in sentence.evidence:
                    if e.source == number and e.support in {"full", "partial"}:
                        shown = flat_of[(e.article_id, e.start)]
                        tally.add("evidence precision", reports(gold) and judged.is_evidence_right(shown, gold))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--split", default="test", help="a split of stories.jsonl, several comma-separated, or all (default: test)"
    )
    parser.add_argument("--words", type=int, default=200, help="summary word budget (default: 200)")
    parser.add_argument("--check", action="store_true", help="exit 1 when a figure misses its target")
    args = parser.parse_args()
    stories = judged_stories(None if args.split == "all" else args.split)
    if stories is None:
        print("skipped: ../shared/data is absent (the trust labels point into it); clone the project beside shared/")
        return
    tally = Tally()
    conflicts = Counter()
    for judged in stories:
        brief = make_brief(Story(judged.story.id, judged.annotated), BriefSettings(words=args.words))
        score_summary(judged, brief, tally)
        if brief.analysis is not None:
            score_claims(judged, brief.analysis, tally)
            score_quotes(judged, brief.analysis, tally)
            conflicts.update(score_conflicts(judged, brief.analysis))
    sentences = sum(len(j.verdicts) for j in stories)
    print(f"split {args.split}: {len(stories)} stories, {sentences} judged sentences, {len(tally.seen)} figures")
    failed = []
    for name, (hits, total) in tally.items():
        target = TARGETS.get(name)
        value = hits / total if total else float("nan")
        mark = "" if target is None else ("  ok" if value >= target else f"  under target {target:.2f}")
        if target is not None and not value >= target:
            failed.append(name)
        print(f"  {name:45s} {value:6.3f}  ({hits}/{total}){mark}")
    found, labelled = conflicts["found"], conflicts["labelled"]
    false = conflicts["false"]
    per_20 = 20 * false / max(len(stories), 1)
    print(f"  {'labelled conflicts found':45s} {found / max(labelled, 1):6.3f}  ({found}/{labelled})")
    print(f"  {'false conflicts per 20 stories':45s} {per_20:6.2f}  ({false} flagged that no reviewer found)")
    if labelled and found / labelled < TARGETS["labelled conflicts found"]:
        failed.append("labelled conflicts found")
    if per_20 > MAX_FALSE_CONFLICTS_PER_20:
        failed.append("false conflicts")
    if args.check and failed:
        sys.exit(f"under target: {', '.join(failed)}")


if __name__ == "__main__":
    main()
