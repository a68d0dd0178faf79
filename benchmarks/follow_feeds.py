"""Following many feeds from a server on 127.0.0.1: how fast articles are fetched, stored and placed.

    .venv/bin/python benchmarks/follow_feeds.py [--feeds 200] [--entries 50]

A server in this process serves ``--feeds`` RSS feeds of ``--entries`` entries each and every entry's page
(invented: entry j of every feed reports event j, in that outlet's words). One ``follow_round`` over an
empty store fetches every feed and page, annotates and stores the articles and places them in stories;
printed are the pages fetched per second (every request goes to the one host 127.0.0.1, one at a time, as
the fetcher treats any host; the pause between requests is off), the articles annotated and stored per
second, the seconds the placing took, and the peak memory of the process and its workers. Then one more
entry appears in one feed: the seconds from the check that finds it to its story's brief made anew.
"""

from __future__ import annotations

import argparse
import random
import sys
import tempfile
import time
from datetime import timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))  # the tests' server, for the benchmark

from _memory import TreeMemory
from feed_server import page_route, rss, send, serve_site
from storyweave.engines.local import AnnotationPool
from storyweave.follow import Fetcher, FetchSettings, follow_round
from storyweave.follow.check import utc_now
from storyweave.follow.placing import Placing
from storyweave.store import Store
from storyweave.stories.store_sync import brief_for

PLACES = ["Port Avery", "Keswyn", "Dunmore", "Harlow", "Tessel", "Skerrin", "Brenna", "Ostby", "Calder", "Wexmoor"]
FIRST = ["Ruth", "Omar", "Ines", "Tomas", "Aiko", "Lena", "Kofi", "Marta", "Pavel", "Nadia"]
LAST = ["Calloway", "Haddad", "Vidal", "Brandt", "Mori", "Okafor", "Lindqvist", "Serrano", "Novak", "Ferreira"]
SYLLABLES = "bar ten kol mir das vel ost rin gal tor pem lud sak fen jor wil nab cus tem gor hal pix ruv dom".split()
KINDS = [  # (headline, lead) of five kinds of local news
    ("{place} ferry runs aground with {n} aboard", "A ferry ran aground off {place} with {n} passengers aboard."),
    (
        "Fire destroys {place} warehouse",
        "A fire destroyed a warehouse in {place} overnight; {n} firefighters fought it.",
    ),
    ("{place} bus drivers strike over pay", "Bus drivers in {place} walked out over pay, cutting {n} routes."),
    ("{place} elects new mayor", "Voters in {place} elected a new mayor, who won by {n} votes after a recount."),
    ("Floods close roads around {place}", "Heavy rain flooded {n} roads around {place} and homes were evacuated."),
]


def _event(j: int, k: int) -> tuple[str, list[str]]:
    """Event j as outlet k reports it: the same facts, in another order."""
    title, lead = KINDS[j % len(KINDS)]
    person = f"{FIRST[j % len(FIRST)]} {LAST[(j // len(FIRST)) % len(LAST)]}"
    fill = {"place": PLACES[(j // len(KINDS)) % len(PLACES)], "n": 12 + j, "person": person}
    lines = [lead.format(**fill)]
    chance = random.Random(j)
    words = ["".join(chance.choice(SYLLABLES) for _ in range(3)) for _ in range(24)]
    for first in range(0, 24, 6):  # what only this event has: its own names of streets, firms and people
        a, b, c, d, e, f = words[first : first + 6]
        lines.append(f"Witnesses near the {a.capitalize()} {b} and {c.capitalize()} {d} told {e.capitalize()} {f}.")
    lines.append(f"{person} said it was the worst day in {fill['place']} since {1950 + j}.")
    return title.format(**fill), lines[k % 3 :] + lines[: k % 3]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--feeds", type=int, default=200)
    parser.add_argument("--entries", type=int, default=50)
    args = parser.parse_args()
    settings = FetchSettings(host_delay=0.0, concurrency=8, retries=0)
    fetched = 0

    with serve_site() as site, tempfile.TemporaryDirectory() as folder, TreeMemory() as memory:
        for k in range(args.feeds):
            items = []
            for j in range(args.entries):
                title, paragraphs = _event(j, k)
                site.routes[f"/p/{k}/{j}"] = page_route(title, paragraphs, site_name=f"Outlet {k}")
                items.append((title, site.url(f"/p/{k}/{j}"), paragraphs[0]))
            body = rss(f"Outlet {k}", items)
            site.routes[f"/feed/{k}.xml"] = lambda h, body=body: send(h, 200, body, "application/rss+xml")
        timings: dict[str, float] = {"annotate": 0.0, "place": 0.0}

        pool, placing = AnnotationPool(), Placing(workers=2)  # as storyweave follow annotates and places

        def annotate(articles, rejected):  # type: ignore[no-untyped-def]
            started = time.perf_counter()
            done = pool.annotate(articles, rejected=rejected)
            timings["annotate"] += time.perf_counter() - started
            return done

        def place(store):  # type: ignore[no-untyped-def]
            started = time.perf_counter()
            placing(store)
            timings["place"] += time.perf_counter() - started

        with Store.open(Path(folder) / "follow.sqlite") as store, Fetcher(settings) as fetcher, pool:
            store.subscribe([site.url(f"/feed/{k}.xml") for k in range(args.feeds)], 900)
            started = time.perf_counter()
            report = follow_round(store, fetcher, annotate, place)
            total = time.perf_counter() - started
            fetched = sum(site.hits.values())
            fetch_seconds = total - timings["annotate"] - timings["place"]
            stories = store.count_stories()
            print(
                f"{args.feeds} feeds x {args.entries} entries: {report.new} articles stored in {stories} stories "
                f"in {total:.1f} s; {fetched} requests in {fetch_seconds:.1f} s "
                f"({fetched / fetch_seconds:.0f} a second); "
                f"annotated and stored {report.new / timings['annotate']:.1f} articles a second; "
                f"placed in {timings['place']:.1f} s"
            )

            title, paragraphs = _event(0, args.feeds)
            site.routes["/p/new"] = page_route(title, paragraphs, site_name="Outlet 0")
            old = rss("Outlet 0", [(_event(j, 0)[0], site.url(f"/p/0/{j}"), "s") for j in range(args.entries)])
            new = old.replace(b"</channel>", f"<item><title>{title}</title><link>{site.url('/p/new')}</link>"
                              f"<description>s</description></item></channel>".encode())  # fmt: skip
            site.routes["/feed/0.xml"] = lambda h: send(h, 200, new, "application/rss+xml")
            brief_for(store, store.stories(limit=1)[0].id)  # the brief models loaded, as in a running follow
            timings["place"] = 0.0
            started = time.perf_counter()
            follow_round(store, fetcher, annotate, place, now=utc_now() + timedelta(hours=1))
            placed = timings["place"]
            [article_id] = [a.id for a in store.iter_articles() if a.url == site.url("/p/new")]
            story = store.stories_of([article_id])[article_id]
            brief = brief_for(store, story)
            latency = time.perf_counter() - started
            print(
                f"a new entry in one feed: {latency:.1f} s from the check to its story's brief made anew "
                f"({len(brief.sources) if brief else 0} sources; every feed checked again in that round; placed "
                f"live in {placed:.1f} s, the seeding of the live stories from the window included)"
            )
    print(f"peak memory of the process and its workers: {memory.peak_mb:.0f} MB")


if __name__ == "__main__":
    main()
