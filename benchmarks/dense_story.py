"""The analysis of a story whose sentences are dense with what it compares across outlets: six invented articles,
each sentence giving a day, a day of a month, a vote's tally, a count and a time of day, so that every sentence
is a candidate for every kind of conflict. Prints the seconds ``analyse`` takes (annotation left out) and the
conflict groups found (random text: they are many and mean nothing).

    .venv/bin/python benchmarks/dense_story.py [--sentences 120] [--articles 6] [--seed 1]
"""

from __future__ import annotations

import argparse
import random
import time
from datetime import UTC, datetime

from storyweave.analysis import analyse
from storyweave.models import Article
from storyweave.nlp import annotate, load_models

DAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday")
WORDS = "council fare vote strike contract union workers plant leak police fire court ruling board meeting".split()


def sentence(pick: random.Random) -> str:
    return (
        f"The {pick.choice(WORDS)} {pick.choice(WORDS)} {pick.choice(['began', 'ended', 'met', 'voted'])} on "
        f"{pick.choice(DAYS)}, March {pick.randint(1, 28)}, after {pick.randint(2, 90)} {pick.choice(WORDS)}s voted "
        f"{pick.randint(5, 9)}-{pick.randint(1, 4)} at the {pick.choice(WORDS)} hall at {pick.randint(1, 11)}:"
        f"{pick.randint(10, 59)} a.m."
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sentences", type=int, default=120)
    parser.add_argument("--articles", type=int, default=6)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    pick = random.Random(args.seed)
    published = datetime(2026, 3, 20, tzinfo=UTC)
    articles = [
        Article.create(
            " ".join(sentence(pick) for _ in range(args.sentences)),
            f"Outlet {k}",
            title=f"Report {k}",
            published=published,
        )
        for k in range(args.articles)
    ]
    annotated = list(annotate(articles, load_models()))
    started = time.perf_counter()
    analysis = analyse(annotated)
    print(f"articles          {args.articles} of {args.sentences} sentences")
    print(f"analyse           {time.perf_counter() - started:.1f} s")
    print(f"conflict groups   {len(analysis.conflicts)}")


if __name__ == "__main__":
    main()
