"""Feed subscriptions in the store: what to check, when, what happened last, and the entries already seen.

A subscription keeps the validators of the last answer (ETag, Last-Modified) for a conditional request, when
to check it next, and how many checks in a row failed (the back-off grows with them), so a restarted
``storyweave follow`` goes on where it stopped. Entries are remembered by their canonical address: an article
two feeds carry is fetched and stored once.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime

from storyweave.store._base import Database, chunks
from storyweave.store.codec import now_utc, parse_utc, utc_text

__all__ = ["DEFAULT_EVERY", "CheckRecord", "FeedMethods", "Subscription"]

DEFAULT_EVERY = 15 * 60  # seconds between checks of a feed, unless its subscriber or the feed asks otherwise


@dataclass(frozen=True, slots=True)
class Subscription:
    url: str
    title: str
    every: int  # seconds between checks
    etag: str | None
    last_modified: str | None
    added_at: datetime
    last_checked: datetime | None
    last_success: datetime | None
    next_check: datetime
    failures: int  # checks failed in a row
    last_result: str  # "3 new articles", "not modified", "HTTP 500 (retrying in 4 min)", ...

    def as_dict(self) -> dict[str, object]:
        def when(moment: datetime | None) -> str | None:
            return moment.isoformat() if moment else None

        return {
            "url": self.url,
            "title": self.title,
            "every_seconds": self.every,
            "last_checked": when(self.last_checked),
            "last_success": when(self.last_success),
            "next_check": when(self.next_check),
            "failures": self.failures,
            "last_result": self.last_result,
        }


@dataclass(frozen=True, slots=True)
class CheckRecord:
    """What one check of a feed found, as the store keeps it."""

    url: str
    checked_at: datetime
    next_check: datetime
    ok: bool  # the feed answered (new entries or not modified)
    result: str
    title: str | None = None  # the feed's title, when it gave one
    etag: str | None = None
    last_modified: str | None = None


_COLUMNS = (
    "url, title, every_seconds, etag, last_modified, added_at, last_checked, last_success, next_check, failures, "
    "last_result"
)


class FeedMethods(Database):
    """The store's feed methods (mixed into ``Store``)."""

    def subscribe(self, urls: Iterable[str], every: int | None = None) -> list[str]:
        """Add feeds (checked at once, then every ``every`` seconds, by default ``DEFAULT_EVERY``); returns those
        that were new. A feed already followed keeps its state, and takes ``every`` when it is given."""
        now = now_utc()
        added = []
        with self._writing() as conn:
            for url in dict.fromkeys(urls):
                found = conn.execute("SELECT 1 FROM feeds WHERE url = ?", (url,)).fetchone()
                if found:
                    if every is not None:
                        conn.execute("UPDATE feeds SET every_seconds = ? WHERE url = ?", (every, url))
                    continue
                conn.execute(
                    "INSERT INTO feeds (url, every_seconds, added_at, next_check) VALUES (?, ?, ?, ?)",
                    (url, every or DEFAULT_EVERY, now, now),
                )
                added.append(url)
        return added

    def unsubscribe(self, url: str) -> bool:
        """Stop following a feed (its articles stay); False when it was not followed."""
        with self._writing() as conn:
            return conn.execute("DELETE FROM feeds WHERE url = ?", (url,)).rowcount > 0

    def subscriptions(self, *, due_by: datetime | None = None) -> list[Subscription]:
        """Every followed feed (or those due by ``due_by``), the soonest due first."""
        where, args = ("WHERE next_check <= ?", [utc_text(due_by)]) if due_by else ("", [])
        with self._reading() as conn:
            rows = conn.execute(f"SELECT {_COLUMNS} FROM feeds {where} ORDER BY next_check, url", args).fetchall()
        return [_subscription(row) for row in rows]

    def record_check(self, record: CheckRecord) -> None:
        """Keep what a check found; a failed one keeps the validators and counts one more failure."""
        checked, following = utc_text(record.checked_at), utc_text(record.next_check)
        with self._writing() as conn:
            if record.ok:
                conn.execute(
                    """UPDATE feeds SET last_checked = ?, last_success = ?, next_check = ?, failures = 0,
                       last_result = ?, etag = ?, last_modified = ?, title = coalesce(?, title) WHERE url = ?""",
                    (checked, checked, following, record.result, record.etag, record.last_modified, record.title,
                     record.url),
                )  # fmt: skip
            else:
                conn.execute(
                    """UPDATE feeds SET last_checked = ?, next_check = ?, failures = failures + 1, last_result = ?
                       WHERE url = ?""",
                    (checked, following, record.result, record.url),
                )

    def seen_entries(self, urls: Sequence[str]) -> set[str]:
        """The canonical entry addresses among ``urls`` already fetched (from any feed)."""
        seen: set[str] = set()
        with self._reading() as conn:
            for chunk in chunks(urls):
                marks = ",".join("?" * len(chunk))
                seen.update(
                    row[0] for row in conn.execute(f"SELECT url FROM feed_entries WHERE url IN ({marks})", chunk)
                )
        return seen

    def remember_entries(self, entries: Iterable[tuple[str, str, str]]) -> None:
        """Record (canonical entry address, article id, feed) for entries fetched and stored."""
        now = now_utc()
        with self._writing() as conn:
            conn.executemany(
                "INSERT OR IGNORE INTO feed_entries (url, article_id, feed_url, seen_at) VALUES (?, ?, ?, ?)",
                [(url, article_id, feed, now) for url, article_id, feed in entries],
            )


def _subscription(row: tuple[object, ...]) -> Subscription:
    url, title, every, etag, modified, added, checked, success, following, failures, result = row
    added_at, next_check = parse_utc(str(added)), parse_utc(str(following))
    assert added_at is not None and next_check is not None
    return Subscription(
        url=str(url),
        title=str(title),
        every=int(str(every)),
        etag=None if etag is None else str(etag),
        last_modified=None if modified is None else str(modified),
        added_at=added_at,
        last_checked=parse_utc(None if checked is None else str(checked)),
        last_success=parse_utc(None if success is None else str(success)),
        next_check=next_check,
        failures=int(str(failures)),
        last_result=str(result),
    )
