"""One check of one feed, and the article behind each new entry.

A feed is fetched with the validators of its last answer (a 304 means nothing new); its entries are read
by the same reader ``storyweave ingest`` uses for feed files. For an entry not seen before, its page is
fetched and its main text extracted (trafilatura, through the HTML reader); when the page cannot be had or
holds no article, the entry's own text from the feed stands in. Addresses are canonicalised (courlan, no
tracking parameters, no fragment) so an article two feeds carry is one.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime, timedelta
from urllib.parse import urlsplit, urlunsplit

import courlan

from storyweave.follow.fetch import Fetcher, FetchError, Page
from storyweave.ingest._errors import EmptyFeed, UnreadableInput
from storyweave.ingest.feed import read_feed
from storyweave.ingest.html import read_html
from storyweave.ingest.jsonfeed import read_json_feed
from storyweave.ingest.source import InputFile
from storyweave.models import Article, Skipped
from storyweave.store import CheckRecord, Subscription

__all__ = [
    "Entry",
    "FeedCheck",
    "canonical_url",
    "check_feed",
    "check_record",
    "fetch_article",
    "next_check",
    "web_address",
]

MAX_BACKOFF = timedelta(hours=6)
_HTML_TYPES = ("text/html", "application/xhtml+xml", "")


def web_address(url: str) -> bool:
    """An http(s) address with a host, that the fetcher can take apart ("http://[x/feed" is not one)."""
    try:
        parts = urlsplit(url.strip())
    except ValueError:
        return False
    return parts.scheme.lower() in ("http", "https") and bool(parts.hostname)


def canonical_url(url: str) -> str:
    """``url`` as one article is known by: host in lower case, no tracking parameters, no fragment."""
    try:
        normal = courlan.normalize_url(url.strip())
    except Exception:  # courlan raises on addresses it cannot split; keep them as written
        normal = url.strip()
    try:
        parts = urlsplit(normal)
    except ValueError:  # "http://[x/": no address to fetch; kept as written, its fetch fails with the reason
        return normal
    return urlunsplit((parts.scheme, parts.netloc, parts.path, parts.query, ""))


@dataclass(frozen=True, slots=True)
class Entry:
    """A feed entry: its canonical address (None when it has none) and the article its feed text makes."""

    url: str | None
    from_feed: Article


@dataclass(slots=True)
class FeedCheck:
    """What one check of a feed found."""

    feed: str
    entries: list[Entry] = field(default_factory=list)
    skipped: list[Skipped] = field(default_factory=list)
    not_modified: bool = False
    error: str | None = None
    page: Page | None = None
    ttl: int | None = None  # minutes the feed asks to be left alone for (RSS <ttl>)


def check_feed(fetcher: Fetcher, subscription: Subscription) -> FeedCheck:
    """Fetch a feed (conditionally) and read its entries; failures are in ``error``, never raised."""
    check = FeedCheck(subscription.url)
    try:
        page = fetcher.get(subscription.url, etag=subscription.etag, last_modified=subscription.last_modified)
    except FetchError as err:
        check.error = str(err)
        return check
    check.page = page
    if page.status == 304:
        check.not_modified = True
        return check
    reader = read_json_feed if _json(page) else read_feed
    check.ttl = _ttl(page.content)
    try:
        for item in reader(InputFile(path=subscription.url, data=page.content)):
            if isinstance(item, Skipped):
                check.skipped.append(item)
            else:
                check.entries.append(Entry(canonical_url(item.url) if item.url else None, item))
    except EmptyFeed:
        pass  # nothing in it yet
    except UnreadableInput as err:
        check.error = f"not a feed we can read: {err}"
    return check


def fetch_article(fetcher: Fetcher, entry: Entry) -> tuple[Article, str | None]:
    """The entry's article from its page, or from the feed's text when the page fails (with the reason)."""
    fallback = entry.from_feed if entry.url is None else replace_url(entry.from_feed, entry.url)
    if entry.url is None:
        return fallback, None
    try:
        page = fetcher.get(entry.url)
    except FetchError as err:
        return fallback, f"page not fetched ({err}); the feed's text is used"
    if page.content_type not in _HTML_TYPES:
        return fallback, f"the page is {page.content_type}, not HTML; the feed's text is used"
    for item in read_html(InputFile(path=entry.url, data=page.content)):
        if isinstance(item, Article) and len(item.text) >= len(fallback.text):
            return _from_page(item, entry, fallback), None
    return fallback, "no article text on the page; the feed's text is used"


def _json(page: Page) -> bool:
    """A JSON Feed by its type, or by its first character (servers often call any feed text/xml)."""
    head = page.content[:64].removeprefix(b"\xef\xbb\xbf").lstrip()
    return page.content_type.endswith("json") or head.startswith(b"{")


_TTL = re.compile(rb"<ttl>\s*(\d{1,6})\s*</ttl>")


def _ttl(content: bytes) -> int | None:
    """An RSS channel's <ttl>, in minutes (a JSON Feed or Atom has none)."""
    found = _TTL.search(content[:65536])
    return int(found[1]) if found else None


def replace_url(article: Article, url: str) -> Article:
    """The article known by its canonical address (its id follows the address)."""
    return Article.create(
        article.text,
        article.outlet,
        title=article.title,
        url=url,
        published=article.published,
        language=article.language,
        origin=article.origin,
    )


def _from_page(page: Article, entry: Entry, fallback: Article) -> Article:
    """The page's article under the entry's address and outlet (so two feeds agree on its id), with the
    feed's title and date where the page has none."""
    assert entry.url is not None
    taken = replace(
        page,
        outlet=fallback.outlet,
        title=page.title or fallback.title,
        published=page.published or fallback.published,
        language=fallback.language,
        origin=replace(fallback.origin, path=entry.url),
    )
    return replace_url(taken, entry.url)


def next_check(subscription: Subscription, check: FeedCheck, now: datetime) -> datetime:
    """When to check again: the feed's pace (or longer, when its RSS ttl or Cache-Control asks it), and
    after a failure a back-off that doubles with each failure in a row, up to six hours (or the feed's own
    pace, when that is longer)."""
    if check.error is not None:
        delay = timedelta(seconds=subscription.every) * 2 ** min(subscription.failures + 1, 10)
        return now + min(delay, max(MAX_BACKOFF, timedelta(seconds=subscription.every)))
    max_age = (check.page.max_age or 0) if check.page is not None else 0
    asked = max(max_age, 60 * (check.ttl or 0))
    return now + timedelta(seconds=max(subscription.every, min(asked, int(MAX_BACKOFF.total_seconds()))))


def check_record(subscription: Subscription, check: FeedCheck, new: int, now: datetime) -> CheckRecord:
    """How the store keeps this check."""
    following = next_check(subscription, check, now)
    if check.error is not None:
        minutes = max(1, round((following - now).total_seconds() / 60))
        return CheckRecord(subscription.url, now, following, False, f"{check.error} (next try in {minutes} min)")
    page = check.page
    result = "not modified" if check.not_modified else f"{new} new article{'s' * (new != 1)}"
    title = next((e.from_feed.outlet for e in check.entries), None)
    return CheckRecord(
        subscription.url,
        now,
        following,
        True,
        result,
        title=title,
        etag=(page.etag if page and page.etag else subscription.etag),
        last_modified=(page.last_modified if page and page.last_modified else subscription.last_modified),
    )


def utc_now() -> datetime:
    return datetime.now(UTC)
