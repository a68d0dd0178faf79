"""Following live feeds: subscriptions kept in the store, polite fetching, new articles placed in stories.

``storyweave follow`` runs ``loop.follow``; ``fetch.Fetcher`` does the HTTP, ``check`` reads one feed and
the pages behind its new entries, ``opml`` reads a feed reader's export.
"""

from __future__ import annotations

from storyweave.follow.check import canonical_url, web_address
from storyweave.follow.fetch import USER_AGENT, Fetcher, FetchError, FetchSettings
from storyweave.follow.loop import Round, follow, follow_round
from storyweave.follow.opml import read_opml

__all__ = [
    "USER_AGENT",
    "FetchError",
    "FetchSettings",
    "Fetcher",
    "Round",
    "canonical_url",
    "follow",
    "follow_round",
    "read_opml",
    "web_address",
]
