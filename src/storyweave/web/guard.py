"""What the web app refuses before any work: unknown Host headers and cross-site writes.

- **Host**: the server answers only the names it was started for (its ``--host``, ``localhost``,
  ``127.0.0.1``, ``::1``, and any given with ``--allow-host``), so a page elsewhere cannot reach it through a
  DNS name rebound to this machine.
- **Origin**: a request that changes something (a POST) must come from the server's own pages: a foreign
  ``Origin`` (or, without one, a foreign ``Referer``) is refused.
- **CSRF token**: the form that can store articles carries a token that must match the ``SameSite=Strict``
  cookie the form page set (a double-submit token), so even a same-site page that cannot read the cookie
  cannot post it.
"""

from __future__ import annotations

import hmac
import secrets
from collections.abc import Iterable
from urllib.parse import urlsplit

from fastapi import Request, Response

CSRF_COOKIE = "storyweave_csrf"
CSRF_FIELD = "csrf"
LOCAL_HOSTS = ("localhost", "127.0.0.1", "::1")


def _hostname(value: str) -> str:
    """The name in a Host header or URL authority, without its port, lower-cased ("[::1]:8000" -> "::1")."""
    value = value.strip().lower()
    if value.startswith("["):
        return value[1 : value.find("]")] if "]" in value else value
    return value.rsplit(":", 1)[0] if value.count(":") == 1 else value


class Guard:
    """The host names a server answers to, and the checks that keep other sites from writing through it."""

    def __init__(self, hosts: Iterable[str]) -> None:
        self.hosts = frozenset(_hostname(h) for h in (*LOCAL_HOSTS, *hosts) if h and h not in {"0.0.0.0", "::"})

    def host_allowed(self, request: Request) -> bool:
        return _hostname(request.headers.get("host", "")) in self.hosts

    def same_origin(self, request: Request) -> bool:
        """A write sent by this server's own pages: its Origin (or Referer) names this host, or it names none
        (a client that is not a browser)."""
        origin = request.headers.get("origin") or request.headers.get("referer")
        if not origin or origin == "null":
            return origin != "null"  # "null": a sandboxed frame or a file, never one of our pages
        sent = urlsplit(origin)
        host = request.headers.get("host", "")
        return sent.scheme in {"http", "https"} and sent.netloc.lower() == host.lower()


def new_token() -> str:
    return secrets.token_urlsafe(32)


def set_token(response: Response, token: str) -> None:
    """The token's cookie: not readable by scripts, never sent by another site."""
    response.set_cookie(CSRF_COOKIE, token, httponly=True, samesite="strict", path="/")


def token_matches(request: Request, sent: object) -> bool:
    cookie = request.cookies.get(CSRF_COOKIE, "")
    return bool(cookie) and isinstance(sent, str) and hmac.compare_digest(cookie, sent)
