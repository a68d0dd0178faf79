"""Which source URLs may become links."""

from __future__ import annotations

from urllib.parse import urlsplit

LINK_SCHEMES = frozenset({"http", "https"})


def safe_url(url: str | None) -> str | None:
    """``url`` (trimmed) when it is an absolute http(s) URL with a host, else ``None``.

    Anything else (``javascript:``, ``data:``, relative paths, file paths) is never made
    into a link; it is shown as text.
    """
    if not url:
        return None
    candidate = url.strip()
    if any(ord(ch) < 0x20 or ord(ch) == 0x7F for ch in candidate):
        return None
    try:
        parts = urlsplit(candidate)
    except ValueError:
        return None
    if parts.scheme.lower() not in LINK_SCHEMES or not parts.netloc:
        return None
    return candidate
