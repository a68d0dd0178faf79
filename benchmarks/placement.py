"""Placing one new article in its story, in a store of 100,000 articles: milliseconds per article.

    .venv/bin/python benchmarks/placement.py [--size 100000] [--new 200]

The store is built from the real UCI headlines of ../shared/data (annotated once), replayed with their dates
shifted by four days a round (one day more than the grouping window) and their ids made new, until it holds
``--size`` articles; then it is grouped whole, as ``storyweave ingest`` would. ``LiveStories`` (what
``storyweave follow`` places new articles with) is seeded from the recent window, and ``--new`` articles of
the next round are stored and placed one at a time, each placement its own transaction. Printed: the build,
the seeding, and the milliseconds each placement took (median, 95th percentile, worst), how far the new
articles' live stories agree with those a regroup of the window then gives them, and how far each agrees with
the gold stories of the headlines.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from pathlib import Path

from _memory import TreeMemory
from storyweave.engines.local import annotate_articles
from storyweave.eval.clustering import bcubed
from storyweave.eval.datasets import read_clustered, shared_data_file
from storyweave.models import AnnotatedArticle, Article
from storyweave.store import Store
from storyweave.stories.live import LiveStories
from storyweave.stories.store_sync import regroup_recent, regroup_store

ROUND = timedelta(days=4)


def headlines() -> tuple[list[Article], dict[str, str]] | None:
    """The headlines in time order, and each one's gold story."""
    path = shared_data_file("uci-headlines-dev", "headlines.jsonl")
    if path is None:
        return None
    items = read_clustered(path)
    articles = [article for article, _ in items]
    gold = {article.id: story for article, story in items}
    return sorted(articles, key=lambda a: a.published or datetime.min.replace(tzinfo=UTC)), gold


def round_of(base: list[AnnotatedArticle], n: int) -> list[AnnotatedArticle]:
    """The base set ``n`` rounds later: every date ``n`` x four days on, every id new."""
    if n == 0:
        return base
    shifted = []
    for original in base:
        article = original.article
        moved = replace(article, id=f"{article.id}-{n}", published=article.published + ROUND * n)
        shifted.append(replace(original, article=moved))
    return shifted


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    parser.add_argument("--size", type=int, default=100_000)
    parser.add_argument("--new", type=int, default=200)
    args = parser.parse_args()
    found = headlines()
    if found is None:
        print("skipped: ../shared/data/uci-headlines-dev/headlines.jsonl is absent (clone beside shared/)")
        return 0
    articles, gold_of = found
    started = time.perf_counter()
    base = annotate_articles(articles)
    print(f"annotated {len(base)} headlines in {time.perf_counter() - started:.0f} s (once; replayed below)")
    rounds = -(-args.size // len(base))
    with tempfile.TemporaryDirectory() as work, Store.open(Path(work) / "store.sqlite") as store:
        started = time.perf_counter()
        stored = 0
        for n in range(rounds):
            batch = round_of(base, n)[: args.size - stored]
            stored += store.add_annotated(batch)
        report = regroup_store(store, workers=2)
        print(f"store: {stored} articles, {report.stories} stories, built and grouped in "
              f"{time.perf_counter() - started:.0f} s")  # fmt: skip
        new = round_of(base, rounds)[: args.new]
        last = new[-1].article.published
        with TreeMemory(proportional=True) as memory:
            started = time.perf_counter()
            live = LiveStories(store, now=new[0].article.published)
            seeded = time.perf_counter() - started
            times = []
            for annotated in new:
                store.add_annotated([annotated])
                began = time.perf_counter()
                live.place([annotated])
                times.append(1000 * (time.perf_counter() - began))
        live_story = store.stories_of([a.id for a in new])
        regroup_recent(store, since=last - 2 * live.settings.window)
        after = store.stories_of([a.id for a in new])
        precision, recall, agreement = bcubed([after[a.id] for a in new], [live_story[a.id] for a in new])
        times.sort()
        print(
            f"seeded the live stories from the window ({len(live.article_ids) - len(new)} articles) in {seeded:.1f} s"
        )
        print(f"placed {len(new)} new articles one at a time: median {statistics.median(times):.1f} ms, "
              f"95th percentile {times[int(0.95 * (len(times) - 1))]:.1f} ms, worst {times[-1]:.1f} ms")  # fmt: skip
        print(f"peak memory while seeding and placing: {memory.peak_mb:.0f} MB")
        print(f"the new articles' stories, live against a regroup of the window: B-cubed P {precision:.3f}, "
              f"R {recall:.3f}, F1 {agreement:.3f}")  # fmt: skip
        gold = [gold_of[a.id.rsplit("-", 1)[0]] for a in new]  # "-n": the round's copy of a headline
        live_f1, regroup_f1 = (bcubed(gold, [stories[a.id] for a in new])[2] for stories in (live_story, after))
        print(f"and against the gold stories: B-cubed F1 {live_f1:.3f} live, {regroup_f1:.3f} after the regroup")
    return 0


if __name__ == "__main__":
    sys.exit(main())
