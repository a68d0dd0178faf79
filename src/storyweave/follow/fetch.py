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
        self._robots: dict[str, RobotFileParser | None] = {}
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
        """Whether the site's robots.txt lets storyweave fetch ``url`` (read once per site, RFC 9309: a missing
        file allows everything, a server error allows nothing)."""
        parts = urlsplit(url)
        site = f"{parts.scheme}://{parts.netloc}".lower()
        with self._named_lock(f"robots {site}"):  # one reading per site, the other threads wait for it
            if site not in self._robots:
                self._robots[site] = self._read_robots(site)
        rules = self._robots[site]
        return True if rules is None else rules.can_fetch(USER_AGENT, url)

    def _read_robots(self, site: str) -> RobotFileParser | None:
        rules = RobotFileParser()
        try:
            page = self._request(f"{site}/robots.txt", {})
        except (_Retry, FetchError) as err:
            if isinstance(err, _Retry) and err.status is not None:  # 5xx: the site is unreachable, stay away
                rules.parse(["User-agent: *", "Disallow: /"])
                return rules
            return None  # no robots.txt to be had (4xx, not found): everything is allowed
        if page.status != 200:
            return None
        rules.parse(page.content.decode("utf-8", "replace").splitlines())
        return rules

    def _request(self, url: str, headers: dict[str, str]) -> Page:
        host = urlsplit(url).netloc.lower()
        with self._slots, self._named_lock(f"host {host}"):
            wait = self._last.get(host, 0.0) + self.settings.host_delay - time.monotonic()
            if wait > 0:
                time.sleep(wait)
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
                for chunk in answer.iter_bytes():
                    body += chunk
                    if len(body) > self.settings.max_bytes:
                        del body[self.settings.max_bytes :]
                        truncated = True
                        break
                return _page(answer, bytes(body), truncated=truncated)
        except httpx.TooManyRedirects:
            raise FetchError(f"more than {self.settings.max_redirects} redirects") from None
        except httpx.TimeoutException:
            raise _Retry(f"timed out after {self.settings.timeout:g} s") from None
        except httpx.TransportError as err:
            raise _Retry(f"could not connect ({type(err).__name__})") from None
        except (httpx.InvalidURL, httpx.UnsupportedProtocol) as err:
            raise FetchError(f"not a web address we can fetch ({err})") from None


class _Retry(Exception):
    """A failure worth trying again: a server error, a timeout, a dropped connection."""

    def __init__(self, reason: str, status: int | None = None) -> None:
        super().__init__(reason)
        self.status = status


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
