"""ECB+ grouping with its settings chosen on half the topics and scored on the other half (two folds).

    .venv/bin/python benchmarks/grouping_heldout.py

The shipped ``GroupingSettings`` were tuned on all of ``ecbplus-dev`` (and ``uci-headlines-dev``), so their ECB+
figure is a dev-set figure. Here the topics (the number before the underscore of a gold story: each topic holds
two events of one kind, the ECB and the ECB+ one) are split by parity; on each half a small grid of the join
threshold, the merge threshold and the lead's length is searched, and the best settings are scored on the other
half. Printed for each fold: the shipped settings on the held-out half, the settings chosen on the tuning half
and their score on the held-out half.
"""

from __future__ import annotations

import itertools
from dataclasses import replace

from storyweave.engines.local import annotate_articles
from storyweave.eval.clustering import bcubed
from storyweave.eval.datasets import read_clustered, shared_data_file
from storyweave.models import AnnotatedArticle
from storyweave.stories.batch import group
from storyweave.stories.grouping import GroupingSettings

GRID = {
    "threshold": (0.5, 0.55, 0.6, 0.65, 0.7),
    "merge_threshold": (0.3, 0.35, 0.4, 0.45, 0.5),
    "lead_sentences": (10, 20, 30),
}


def f1(annotated: list[AnnotatedArticle], gold: list[str], settings: GroupingSettings) -> float:
    labels = [0] * len(annotated)
    for number, members in enumerate(group(annotated, settings).groups):
        for i in members:
            labels[i] = number
    return bcubed(gold, labels)[2]


def main() -> None:
    path = shared_data_file("ecbplus-dev", "articles.jsonl")
    if path is None:
        print("skipped: ../shared/data/ecbplus-dev/articles.jsonl is absent (clone beside shared/)")
        return
    items = read_clustered(path)
    annotated = annotate_articles([a for a, _ in items])
    gold = [story for _, story in items]
    halves = {parity: [i for i, g in enumerate(gold) if int(g.split("_")[0]) % 2 == parity] for parity in (0, 1)}
    shipped = GroupingSettings()
    grid = [dict(zip(GRID, values, strict=True)) for values in itertools.product(*GRID.values())]
    for tune, test in ((1, 0), (0, 1)):
        tune_articles, tune_gold = [annotated[i] for i in halves[tune]], [gold[i] for i in halves[tune]]
        test_articles, test_gold = [annotated[i] for i in halves[test]], [gold[i] for i in halves[test]]
        scored = [(f1(tune_articles, tune_gold, replace(shipped, **choice)), choice) for choice in grid]
        best_tune, best = max(scored, key=lambda pair: pair[0])
        print(
            f"tuned on the {'odd' if tune else 'even'} topics ({len(tune_articles)} articles), scored on the "
            f"{'even' if tune else 'odd'} ({len(test_articles)}): shipped settings F1 "
            f"{f1(test_articles, test_gold, shipped):.3f}; chosen {best} (F1 {best_tune:.3f} where chosen) "
            f"F1 {f1(test_articles, test_gold, replace(shipped, **best)):.3f}"
        )


if __name__ == "__main__":
    main()
