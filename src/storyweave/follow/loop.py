"""The follow loop: check the feeds that are due, fetch the new entries' pages, annotate and store the
articles, place them in stories (live against the recent window's stories, the window regrouped every few
minutes: ``follow.placing``), record each feed's result; then wait for the next feed to fall due.

Fetching runs on a few threads (the fetcher keeps to one request at a time per host); everything the store
sees happens on the calling thread, one short transaction at a time, so ``storyweave serve`` can read the
same store meanwhile. A round's articles are stored before its feeds' results are recorded: a process
killed in between checks those feeds again and finds their articles stored (nothing committed is lost).
"""

from __future__ import annotations

import threading
from collections import Counter
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from datetime import datetime

from storyweave.follow.check import Entry, FeedCheck, check_feed, check_record, fetch_article, utc_now
from storyweave.follow.fetch import Fetcher
from storyweave.models import AnnotatedArticle, Article, Skipped
from storyweave.store import Store

__all__ = ["Round", "follow", "follow_round"]

Annotate = Callable[[list[Article], list[Skipped]], list[AnnotatedArticle]]
Place = Callable[[Store], object]


@dataclass(slots=True)
class Round:
    """What one round over the due feeds did."""

    feeds: int = 0
    failed: dict[str, str] = field(default_factory=dict)  # feed -> reason
    new: int = 0  # articles stored
    from_feed_text: int = 0  # of them, from the feed's text because the page could not be used
    skipped: list[Skipped] = field(default_factory=list)


def follow_round(
    store: Store, fetcher: Fetcher, annotate: Annotate, place: Place, *, now: datetime | None = None
) -> Round:
    """Check every feed due by ``now``; store what is new and place it in stories."""
    now = now or utc_now()
    due = store.subscriptions(due_by=now)
    report = Round(feeds=len(due))
    if not due:
        return report
    workers = max(1, fetcher.settings.concurrency)
    with ThreadPoolExecutor(workers, thread_name_prefix="storyweave-feed") as pool:
        checks = list(pool.map(lambda s: check_feed(fetcher, s), due))
        new_entries = _unseen(store, checks)
        fetched = list(pool.map(lambda pair: fetch_article(fetcher, pair[1]), new_entries))
    articles, remembered = [], []
    for (feed, entry), (article, note) in zip(new_entries, fetched, strict=True):
        articles.append(article)
        remembered.append((entry.url or article.id, article.id, feed))
        report.from_feed_text += note is not None
    rejected: list[Skipped] = []
    new_ids = set(a.id for a in articles) - store.known(a.id for a in articles)
    if new_ids:
        report.new = store.add_annotated(annotate([a for a in articles if a.id in new_ids], rejected))
    store.remember_entries(remembered)
    if report.new or store.count_unplaced():  # also articles a killed round stored but did not place
        place(store)
    stored = store.known(new_ids) if new_ids else set()  # the new ones annotation did not reject
    new_in = Counter(feed for (feed, _), a in zip(new_entries, articles, strict=True) if a.id in stored)
    for subscription, check in zip(due, checks, strict=True):
        store.record_check(check_record(subscription, check, new_in[subscription.url], utc_now()))
        if check.error is not None:
            report.failed[subscription.url] = check.error
        report.skipped += check.skipped
    report.skipped += rejected
    return report


def _unseen(store: Store, checks: list[FeedCheck]) -> list[tuple[str, Entry]]:
    """(feed, entry) for each entry not fetched before, each address once (the first feed that has it)."""
    candidates: dict[str, tuple[str, Entry]] = {}
    for check in checks:
        for entry in check.entries:
            key = entry.url or entry.from_feed.id
            candidates.setdefault(key, (check.feed, entry))
    seen = store.seen_entries(list(candidates))
    return [pair for key, pair in candidates.items() if key not in seen]


def follow(
    store: Store,
    fetcher: Fetcher,
    annotate: Annotate,
    place: Place,
    *,
    stop: threading.Event,
    on_round: Callable[[Round], None] = lambda report: None,
    longest_wait: float = 60.0,
) -> None:
    """Run rounds until ``stop`` is set, sleeping until the next feed is due (at most ``longest_wait`` s)."""
    while not stop.is_set():
        report = follow_round(store, fetcher, annotate, place)
        if report.feeds:
            on_round(report)
        following = store.subscriptions()
        wait = longest_wait
        if following:
            wait = min(wait, max(0.0, (following[0].next_check - utc_now()).total_seconds()))
        stop.wait(max(wait, 0.2))
