"""Story grouping as the corpus grows: time and memory at 10k, 100k and 1M articles.

    .venv/bin/python benchmarks/grouping_growth.py [--sizes 10000,100000,1000000] [--workers 2]

The records are built from the real sets in ../shared/data: every UCI headline and
ECB+ article is annotated once, then replayed over and over with its date shifted
by four days a round (one day more than the grouping window), so each round is a
fresh stretch of news with the statistics of real news. Grouping is timed after
annotation, as it runs on a store, with the settings the product uses: placement in
time order, then the merge pass (``storyweave.stories.group_in_order``), with a second process making the
features when --workers is 2 or more (the default: this machine's cores, at most 2). Memory
is the peak, while grouping, of the proportional set sizes of this process and the feature
process summed (pages they share count once; the annotated real sets included).
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from dataclasses import replace
from datetime import UTC, datetime, timedelta

from _memory import TreeMemory
from storyweave.engines.local import annotate_articles
from storyweave.eval.datasets import shared_data_file
from storyweave.models import AnnotatedArticle, Article
from storyweave.stories import group_in_order

ROUND = timedelta(days=4)
START = datetime(2014, 3, 10, tzinfo=UTC)


def real_articles() -> list[Article]:
    uci, ecb = (
        shared_data_file("uci-headlines-dev", "headlines.jsonl"),
        shared_data_file("ecbplus-dev", "articles.jsonl"),
    )
    assert uci and ecb
    articles = []
    for line in uci.read_text(encoding="utf-8").splitlines():
        row = json.loads(line)
        published = datetime.fromtimestamp(row["published_ms"] / 1000, tz=UTC)
        articles.append(
            Article.create(row["title"], row.get("outlet") or "unknown", title=row["title"], published=published)
        )
    for n, line in enumerate(ecb.read_text(encoding="utf-8").splitlines()):
        row = json.loads(line)
        published = START + timedelta(hours=n % 72)  # ECB+ has no dates: spread it over the same three days
        articles.append(Article.create(row["text"], f"ecb {row['id']}", title=row["title"], published=published))
    return articles


def replay(base: list[AnnotatedArticle], size: int):  # type: ignore[no-untyped-def]
    """``size`` records: the base set again and again, each round four days later."""
    for n in range(size):
        round_, item = divmod(n, len(base))
        original = base[item]
        if round_ == 0:
            yield original
            continue
        article = original.article
        shifted = replace(article, id=f"{article.id}-{round_}", published=article.published + ROUND * round_)
        yield replace(original, article=shifted)


def run(base: list[AnnotatedArticle], size: int, workers: int) -> tuple[float, float, int]:
    with TreeMemory(proportional=True) as memory:
        started = time.perf_counter()
        stories = len(group_in_order(replay(base, size), workers=workers).groups)
        seconds = time.perf_counter() - started
    return seconds, memory.peak_mb, stories


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    parser.add_argument("--sizes", default="10000,100000,1000000")
    parser.add_argument("--workers", type=int, default=min(os.cpu_count() or 1, 2))
    args = parser.parse_args()
    if not shared_data_file("uci-headlines-dev", "headlines.jsonl") or not shared_data_file(
        "ecbplus-dev", "articles.jsonl"
    ):
        print("skipped: needs ../shared/data/uci-headlines-dev and ../shared/data/ecbplus-dev")
        return 0
    articles = sorted(real_articles(), key=lambda a: a.published or START)
    started = time.perf_counter()
    base = annotate_articles(articles)
    print(f"annotated {len(base)} real articles in {time.perf_counter() - started:.0f} s (not counted below)")
    print(f"workers: {args.workers}")
    print(f"{'records':>10} {'seconds':>9} {'articles/s':>11} {'µs/article':>11} {'peak MB':>8} {'stories':>8}")
    for size in (int(s) for s in args.sizes.split(",")):
        seconds, peak, stories = run(base, size, args.workers)
        rate, cost = size / seconds, 1e6 * seconds / size
        print(f"{size:>10} {seconds:>9.1f} {rate:>11.0f} {cost:>11.0f} {peak:>8.0f} {stories:>8}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
