"""Stories built as articles arrive (``storyweave follow``) against the batch grouping of the same articles.

    .venv/bin/python benchmarks/grouping_live.py [--round 200] [--stretch 1] [--windows 2] [--only NAME]

The articles of ``uci-headlines-dev`` (dated), ``ecbplus-dev`` (undated) and the invented dated sets of
``labels/dated_news*/`` (several outlets over three weeks) arrive in time order, ``--round`` at
a time; after each round the articles of the last ``--windows`` grouping windows are regrouped and each group
carries on the story most of its members were in (``stories.store_sync.regroup_recent``, done here in memory).
Printed: B-cubed precision, recall and F1 of the live stories against the batch grouping of all the articles,
and the F1 of each against the gold stories. ``--stretch 10`` spreads the headlines' day and a half over
fifteen days, so that stories outlast the regrouped window (with the real dates the window holds them all).
"""

from __future__ import annotations

import argparse
import itertools
from collections import Counter
from collections.abc import Sequence
from dataclasses import replace
from datetime import datetime
from pathlib import Path

from storyweave.engines.local import annotate_articles
from storyweave.eval.clustering import bcubed
from storyweave.eval.datasets import read_clustered, shared_data_file
from storyweave.models import AnnotatedArticle
from storyweave.stories.batch import group
from storyweave.stories.grouping import GroupingSettings

SETS = (("uci-headlines-dev", "headlines.jsonl"), ("ecbplus-dev", "articles.jsonl"))
# invented dated multi-outlet news of our own (benchmarks/labels/dated_news*/), read from the repository
DATED = sorted((Path(__file__).resolve().parent / "labels").glob("dated_news*/articles.jsonl"))


def labels(groups: Sequence[Sequence[int]], size: int) -> list[int]:
    found = [0] * size
    for number, members in enumerate(groups):
        for i in members:
            found[i] = number
    return found


def live_labels(annotated: list[AnnotatedArticle], per_round: int, windows: int) -> list[int]:
    """Each article's story after arriving ``per_round`` at a time, the recent windows regrouped each round."""
    dates = [a.article.published for a in annotated]
    order = sorted(range(len(annotated)), key=lambda i: (dates[i] is None, dates[i] or datetime.min, i))
    span = windows * GroupingSettings().window
    label: dict[int, int] = {}
    fresh = itertools.count()
    for start in range(0, len(order), per_round):
        arrived = order[: start + per_round]
        latest = max((d for i in arrived if (d := dates[i]) is not None), default=None)
        recent = [i for i in arrived if latest is None or (d := dates[i]) is None or d >= latest - span]
        taken: set[int] = set()
        for members in sorted(group([annotated[i] for i in recent]).groups, key=len, reverse=True):
            ids = [recent[m] for m in members]
            stored = Counter(label[i] for i in ids if i in label)
            carried = next((story for story, _ in stored.most_common() if story not in taken), None)
            carried = next(fresh) if carried is None else carried
            taken.add(carried)
            label.update(dict.fromkeys(ids, carried))
    return [label[i] for i in range(len(annotated))]


def stretched(annotated: list[AnnotatedArticle], factor: int) -> list[AnnotatedArticle]:
    dated = [a.article.published for a in annotated if a.article.published]
    if factor <= 1 or not dated:
        return annotated
    first = min(dated)
    return [
        replace(a, article=replace(a.article, published=first + (a.article.published - first) * factor))
        if a.article.published
        else a
        for a in annotated
    ]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--round", type=int, default=200, help="articles arriving together (default: 200)")
    parser.add_argument("--stretch", type=int, default=1, help="spread the dates this many times wider")
    parser.add_argument("--windows", type=int, default=2, help="grouping windows regrouped each round (default: 2)")
    parser.add_argument("--only", help="only the set of this name (uci-headlines-dev, ecbplus-dev, dated_news, ...)")
    args = parser.parse_args()
    found = [(name, shared_data_file(name, file), file) for name, file in SETS]
    for name, path, file in [*found, *((p.parent.name, p, p.name) for p in DATED)]:
        if args.only and name != args.only:
            continue
        if path is None:
            print(f"skipped {name}: ../shared/data/{name}/{file} is absent (clone beside shared/)")
            continue
        items = read_clustered(path)
        annotated = stretched(annotate_articles([a for a, _ in items]), args.stretch)
        gold = [story for _, story in items]
        batch = labels(group(annotated).groups, len(annotated))
        live = live_labels(annotated, args.round, args.windows)
        p, r, f = bcubed(batch, live)
        print(
            f"{name} ({len(items)} articles, rounds of {args.round}, dates x{args.stretch}, "
            f"{args.windows} windows): live vs batch B-cubed P {p:.3f} R {r:.3f} F1 {f:.3f}; "
            f"F1 vs gold: live {bcubed(gold, live)[2]:.3f}, batch {bcubed(gold, batch)[2]:.3f}"
        )


if __name__ == "__main__":
    main()
