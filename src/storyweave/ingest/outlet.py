"""Which outlet published an article: metadata, else the URL's host, else the file name."""

from __future__ import annotations

from pathlib import PurePath
from urllib.parse import urlsplit

__all__ = ["host_outlet", "resolve_outlet", "stem_outlet"]

_HOST_PREFIXES = ("www.", "m.", "amp.")
STDIN_OUTLET = "stdin"


def resolve_outlet(meta: str | None, url: str | None, path: str | None) -> str:
    """The outlet name: ``meta`` when given, else the URL's host, else the file name stem.

    ``path`` is the file the article came from, ``None`` for standard input.
    """
    named = " ".join(meta.split()) if meta else ""
    return named or host_outlet(url) or stem_outlet(path)


def host_outlet(url: str | None) -> str | None:
    """The lower-cased host of ``url`` without a leading "www.", "m." or "amp."."""
    if not url or not url.strip():
        return None
    url = url.strip()
    if "://" not in url and not url.startswith("//"):
        url = "//" + url  # "example.com/news/1" has no scheme but still names a host
    try:
        host = urlsplit(url).hostname
    except ValueError:
        return None
    if not host or "." not in host:
        return None
    host = host.rstrip(".")
    for prefix in _HOST_PREFIXES:
        if host.startswith(prefix) and "." in host[len(prefix) :]:
            host = host[len(prefix) :]
            break
    return host


def stem_outlet(path: str | None) -> str:
    """The file name without its extension ("daily-courier.txt" -> "daily-courier")."""
    if path is None:
        return STDIN_OUTLET
    return PurePath(path).stem or "unknown"
