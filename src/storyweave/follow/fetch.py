"""Polite HTTP for following feeds: one request at a time per host with a pause between them, a few hosts at
once, robots.txt obeyed, conditional requests, a size cap, capped redirects, timeouts, and retries with
back-off when a server errs or is slow.

Every failure becomes a ``FetchError`` with a one-line reason ("HTTP 500", "timed out after 20 s", "too many
redirects", "robots.txt disallows it"); the caller records it and goes on with the other feeds.
"""

from __future__ import annotations

import threading
import time
from dataclasses import dataclass
from urllib.parse import urlsplit
from urllib.robotparser import RobotFileParser

import httpx

from storyweave import __version__

__all__ = ["USER_AGENT", "FetchError", "FetchSettings", "Fetcher", "Page"]

USER_AGENT = f"storyweave/{__version__} (offline news briefs; follows the feeds its user subscribed to)"
_RETRIED = frozenset({500, 502, 503, 504})


@dataclass(frozen=True, slots=True)
class FetchSettings:
    timeout: float = 20.0  # seconds to connect, and between bytes read
    max_bytes: int = 5 * 1024 * 1024  # a page or feed is cut here
    max_redirects: int = 5
    retries: int = 2  # more tries after a 5xx answer or a timeout
    backoff: float = 2.0  # seconds before the first retry, doubled for each next one
    host_delay: float = 1.0  # seconds between two requests to one host
    concurrency: int = 4  # hosts fetched from at once
    deadline: float = 60.0  # seconds one request may take in all (a server that drips bytes is cut off)
    robots_hours: float = 24.0  # how long a site's robots.txt is kept before it is read again (RFC 9309)


@dataclass(frozen=True, slots=True)
class Page:
    url: str  # where the answer came from, after redirects
    status: int  # 200, or 304 (not modified: no content)
    content: bytes
    content_type: str  # "text/html", "application/rss+xml", ... (lower case, no parameters)
    etag: str | None
    last_modified: str | None
    max_age: int | None  # seconds, from Cache-Control
    truncated: bool  # the body was cut at ``max_bytes``


class FetchError(Exception):
    """A fetch that gave nothing usable; ``str()`` is the reason, one line."""


class Fetcher:
    """Fetches for the feed loop; safe to use from several threads (each host one request at a time)."""

    def __init__(self, settings: FetchSettings | None = None, *, transport: httpx.BaseTransport | None = None) -> None:
        self.settings = settings or FetchSettings()
        self._client = httpx.Client(
            headers={"User-Agent": USER_AGENT, "Accept-Encoding": "gzip, deflate"},
            timeout=httpx.Timeout(self.settings.timeout),
            follow_redirects=True,
            max_redirects=self.settings.max_redirects,
            transport=transport,
        )
        self._lock = threading.Lock()
        self._locks: dict[str, threading.Lock] = {}  # one request at a time per host, one robots.txt reading
        self._last: dict[str, float] = {}
        # site -> (its rules, or None for none; read again after this moment; why it could not be read)
        self._robots: dict[str, tuple[RobotFileParser | None, float, str]] = {}
        self._slots = threading.Semaphore(self.settings.concurrency)

    def close(self) -> None:
        self._client.close()

    def __enter__(self) -> Fetcher:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def get(self, url: str, *, etag: str | None = None, last_modified: str | None = None) -> Page:
        """The answer for ``url`` (a 304 when the validators still hold), or ``FetchError``."""
        if not self.allowed(url):
            raise FetchError("robots.txt disallows it")
        page = self._get(url, etag, last_modified)
        if _site(page.url) != _site(url) and not self.allowed(page.url):
            raise FetchError(f"robots.txt of {_site(page.url)} disallows where it redirects")
        return page

    def _get(self, url: str, etag: str | None, last_modified: str | None) -> Page:
        headers = {}
        if etag:
            headers["If-None-Match"] = etag
        if last_modified:
            headers["If-Modified-Since"] = last_modified
        for attempt in range(self.settings.retries + 1):
            try:
                return self._request(url, headers)
            except _Retry as err:
                if attempt == self.settings.retries:
                    raise FetchError(str(err)) from None
                time.sleep(self.settings.backoff * 2**attempt)
        raise AssertionError("unreachable")

    def allowed(self, url: str) -> bool:
        """Whether the site's robots.txt lets storyweave fetch ``url``. Read once a day per site (RFC 9309): a
        missing file (4xx) allows everything; a server error or no answer allows nothing, and is asked again
        after ten minutes."""
        site = _site(url)
        with self._named_lock(f"robots {site}"):  # one reading per site, the other threads wait for it
            known = self._robots.get(site)
            if known is None or known[1] < time.monotonic():
                self._robots[site] = known = self._read_robots(site)
        rules, _, unreadable = known
        if unreadable:
            raise FetchError(f"robots.txt could not be read ({unreadable}); nothing is fetched from the site")
        return True if rules is None else rules.can_fetch(USER_AGENT, url)

    def _read_robots(self, site: str) -> tuple[RobotFileParser | None, float, str]:
        until = time.monotonic() + self.settings.robots_hours * 3600
        try:
            page = self._request(f"{site}/robots.txt", {})
        except _Retry as err:  # a server error, a timeout, no connection: unreachable, so stay away for now
            return None, time.monotonic() + 600, str(err)
        except FetchError:
            return None, until, ""  # no robots.txt to be had (4xx, not found): everything is allowed
        if page.status != 200:
            return None, until, ""
        rules = RobotFileParser()
        rules.parse(page.content.decode("utf-8", "replace").splitlines())
        return rules, until, ""

    def _request(self, url: str, headers: dict[str, str]) -> Page:
        host = _site(url)
        with self._named_lock(f"host {host}"):  # the host's turn first, then one of the few slots for the request
            wait = self._last.get(host, 0.0) + self.settings.host_delay - time.monotonic()
            if wait > 0:
                time.sleep(wait)
            with self._slots:
                try:
                    return self._read(url, headers)
                finally:
                    self._last[host] = time.monotonic()

    def _named_lock(self, name: str) -> threading.Lock:
        with self._lock:
            return self._locks.setdefault(name, threading.Lock())

    def _read(self, url: str, headers: dict[str, str]) -> Page:
        try:
            with self._client.stream("GET", url, headers=headers) as answer:
                if answer.status_code in _RETRIED:
                    raise _Retry(f"HTTP {answer.status_code}", answer.status_code)
                if answer.status_code == 304:
                    return _page(answer, b"", truncated=False)
                if answer.status_code >= 400:
                    raise FetchError(f"HTTP {answer.status_code}")
                body, truncated = bytearray(), False
                deadline = time.monotonic() + self.settings.deadline
                for chunk in answer.iter_bytes():
                    body += chunk
                    if len(body) > self.settings.max_bytes:
                        del body[self.settings.max_bytes :]
                        truncated = True
                        break
                    if time.monotonic() > deadline:
                        raise _Retry(f"took over {self.settings.deadline:g} s to send")
                return _page(answer, bytes(body), truncated=truncated)
        except httpx.TooManyRedirects:
            raise FetchError(f"more than {self.settings.max_redirects} redirects") from None
        except httpx.TimeoutException:
            raise _Retry(f"timed out after {self.settings.timeout:g} s") from None
        except (httpx.InvalidURL, httpx.UnsupportedProtocol) as err:
            raise FetchError(f"not a web address we can fetch ({err})") from None
        except httpx.TransportError as err:
            raise _Retry(f"could not connect ({type(err).__name__})") from None
        except (httpx.HTTPError, ValueError) as err:  # a body that does not decode, an address urllib refuses
            raise FetchError(f"unusable answer ({type(err).__name__}: {err})"[:200]) from None


class _Retry(Exception):
    """A failure worth trying again: a server error, a timeout, a dropped connection."""

    def __init__(self, reason: str, status: int | None = None) -> None:
        super().__init__(reason)
        self.status = status


def _site(url: str) -> str:
    """``scheme://host:port`` of an address (what robots.txt and the per-host pause go by)."""
    try:
        parts = urlsplit(url)
    except ValueError:
        raise FetchError(f"not a web address we can fetch ({url[:80]!r})") from None
    return f"{parts.scheme}://{parts.netloc}".lower()


def _page(answer: httpx.Response, content: bytes, *, truncated: bool) -> Page:
    kind = answer.headers.get("content-type", "").split(";")[0].strip().lower()
    return Page(
        url=str(answer.url),
        status=answer.status_code,
        content=content,
        content_type=kind,
        etag=answer.headers.get("etag"),
        last_modified=answer.headers.get("last-modified"),
        max_age=_max_age(answer.headers.get("cache-control", "")),
        truncated=truncated,
    )


def _max_age(cache_control: str) -> int | None:
    for part in cache_control.split(","):
        name, _, value = part.strip().partition("=")
        if name.lower() == "max-age" and value.strip().isdigit():
            return int(value.strip())
    return None
