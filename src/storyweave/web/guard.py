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
import re
import secrets
from collections.abc import Iterable
from urllib.parse import urlsplit

from fastapi import Request, Response

CSRF_COOKIE = "storyweave_csrf"
CSRF_FIELD = "csrf"
LOCAL_HOSTS = ("localhost", "127.0.0.1", "::1")


# A Host header as browsers send it: a name or IPv4 address, or an IPv6 address in brackets, and a port.
_HOST = re.compile(r"(?P<name>[a-z0-9._-]+|\[(?P<ip6>[0-9a-f:.]+)\])(?::[0-9]{1,5})?")


def _hostname(value: str) -> str:
    """The name in a Host header without its port, lower-cased ("[::1]:8000" -> "::1"); "" when it is not one."""
    found = _HOST.fullmatch(value.strip().lower())
    if found is None:
        return ""
    return found.group("ip6") or found.group("name")


class Guard:
    """The host names a server answers to, and the checks that keep other sites from writing through it."""

    def __init__(self, hosts: Iterable[str]) -> None:
        names = (h.strip().lower().strip("[]") for h in (*LOCAL_HOSTS, *hosts))  # names, not Host headers
        self.hosts = frozenset(n for n in names if n and n not in {"0.0.0.0", "::"})

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


_TOKEN = re.compile(r"[A-Za-z0-9_-]{43}")  # what new_token makes


def new_token() -> str:
    return secrets.token_urlsafe(32)


def token_of(request: Request) -> str:
    """The session's token: the cookie's when it is one this server could have made, else a new one."""
    cookie = request.cookies.get(CSRF_COOKIE, "")
    return cookie if _TOKEN.fullmatch(cookie) else new_token()


def set_token(response: Response, token: str) -> None:
    """The token's cookie: not readable by scripts, never sent by another site."""
    response.set_cookie(CSRF_COOKIE, token, httponly=True, samesite="strict", path="/")


def token_matches(request: Request, sent: object) -> bool:
    cookie = request.cookies.get(CSRF_COOKIE, "")
    if not (isinstance(sent, str) and _TOKEN.fullmatch(cookie) and _TOKEN.fullmatch(sent)):
        return False
    return hmac.compare_digest(cookie.encode(), sent.encode())
