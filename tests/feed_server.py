"""A small web server on 127.0.0.1 for the follow tests: feeds and pages that change between checks, and
the ways servers misbehave (errors, slowness, redirect loops, huge pages, wrong types, broken feeds)."""

from __future__ import annotations

import contextlib
import threading
import time
from collections import Counter
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from email.utils import formatdate
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

Route = Callable[[BaseHTTPRequestHandler], None]


@dataclass
class Site:
    """One server: ``routes`` maps a path (with its query) to what answers it; ``hits`` counts requests."""

    base: str
    routes: dict[str, Route] = field(default_factory=dict)
    hits: Counter[str] = field(default_factory=Counter)
    headers_seen: dict[str, dict[str, str]] = field(default_factory=dict)

    def url(self, path: str) -> str:
        return self.base + path


def send(
    handler: BaseHTTPRequestHandler, status: int, body: bytes = b"", kind: str = "text/html", **headers: str
) -> None:
    handler.send_response(status)
    handler.send_header("Content-Type", kind)
    handler.send_header("Content-Length", str(len(body)))
    for name, value in headers.items():
        handler.send_header(name.replace("_", "-"), value)
    handler.end_headers()
    if body and handler.command != "HEAD":
        with contextlib.suppress(BrokenPipeError, ConnectionResetError):  # the client gave up waiting
            handler.wfile.write(body)


def rss(title: str, items: list[tuple[str, str, str]], link: str = "http://example.invalid/") -> bytes:
    """An RSS 2.0 feed of (title, link, summary) items, published in the last hour."""
    entries = "".join(
        f"<item><title>{t}</title><link>{u}</link><description>{d}</description>"
        f"<pubDate>{formatdate(time.time() - 3600 + n * 60, usegmt=True)}</pubDate></item>"
        for n, (t, u, d) in enumerate(items)
    )
    return (
        f'<?xml version="1.0"?><rss version="2.0"><channel><title>{title}</title><link>{link}</link>'
        f"{entries}</channel></rss>"
    ).encode()


def feed_route(body: Callable[[], bytes], etag: Callable[[], str]) -> Route:
    """A feed that answers 304 while the client's ETag is its current one."""

    def answer(handler: BaseHTTPRequestHandler) -> None:
        if handler.headers.get("If-None-Match") == etag():
            send(handler, 304, kind="application/rss+xml", ETag=etag())
        else:
            send(handler, 200, body(), "application/rss+xml", ETag=etag())

    return answer


def page_route(title: str, paragraphs: list[str], site_name: str = "Harbour Ledger") -> Route:
    html = (
        f"<html><head><title>{title}</title><meta property='og:site_name' content='{site_name}'></head><body>"
        f"<article><h1>{title}</h1>" + "".join(f"<p>{p}</p>" for p in paragraphs) + "</article></body></html>"
    ).encode()
    return lambda handler: send(handler, 200, html)


def slow_route(seconds: float) -> Route:
    def answer(handler: BaseHTTPRequestHandler) -> None:
        time.sleep(seconds)
        send(handler, 200, b"late", "application/rss+xml")

    return answer


def huge_route(megabytes: int) -> Route:
    """An HTML page of ``megabytes`` MB, sent in chunks (the client should stop reading at its cap)."""

    def answer(handler: BaseHTTPRequestHandler) -> None:
        chunk = b"<p>" + b"filler words for a very long page " * 30 + b"</p>\n"
        total = megabytes * 1024 * 1024
        handler.send_response(200)
        handler.send_header("Content-Type", "text/html")
        handler.send_header("Content-Length", str(total))
        handler.end_headers()
        sent = 0
        try:
            handler.wfile.write(b"<html><body><article>")
            while sent < total:
                handler.wfile.write(chunk)
                sent += len(chunk)
        except (BrokenPipeError, ConnectionResetError):
            pass  # the client stopped reading: what the test wants

    return answer


@contextmanager
def serve_site() -> Iterator[Site]:
    site = Site(base="")

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            site.hits[self.path] += 1
            site.headers_seen[self.path] = dict(self.headers.items())
            route = site.routes.get(self.path)
            if route is None:
                send(self, 404, b"not here", "text/plain")
            else:
                route(self)

        def log_message(self, *args: object) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    site.base = f"http://127.0.0.1:{server.server_address[1]}"
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield site
    finally:
        server.shutdown()
        server.server_close()
