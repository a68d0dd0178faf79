"""How much storyweave reads and analyses of any one input, so no input can hang it or fill the memory.

Each limit has a default that no real news article reaches and an environment variable that
changes it (``STORYWEAVE_MAX_...``; sizes accept ``k``/``m``/``g`` suffixes). Input over a
limit is skipped or cut with a one-line reason that names the variable.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, fields

from storyweave.errors import InputError

__all__ = ["LIMITS", "Limits", "current", "env_name", "not_analysed_note"]


@dataclass(frozen=True, slots=True)
class Limits:
    """What one input may hold (see the README's "Limits" for what happens when one is reached)."""

    file_bytes: int = 32 * 1024 * 1024  # bytes read from a text, HTML or feed file, or from standard input
    record_bytes: int = 16 * 1024 * 1024  # bytes of one JSON Lines record or one WARC record once unpacked
    archive_bytes: int = 4 * 1024 * 1024 * 1024  # bytes unpacked from one WARC file (a gzip bomb stops here)
    article_chars: int = 200_000  # characters of one article's text (about 35,000 words)
    article_sentences: int = 5_000  # sentences of one article
    sentence_chars: int = 2_000  # characters of text the models read as one sentence (longer runs are split)
    brief_articles: int = 500  # articles `brief` reads (a collection goes through ingest and stories)
    analysed_articles: int = 50  # articles of one story a brief analyses: the most central (the rest counted)


LIMITS = Limits()
_SUFFIX = {"": 1, "k": 1024, "m": 1024**2, "g": 1024**3}
_VALUE = re.compile(r"^\s*(\d{1,15})\s*([kmg]?)b?\s*$", re.IGNORECASE)


def env_name(name: str) -> str:
    """The environment variable of a limit: ``article_chars`` -> ``STORYWEAVE_MAX_ARTICLE_CHARS``."""
    return "STORYWEAVE_MAX_" + name.upper()


def current() -> Limits:
    """The limits in force: the defaults, with any ``STORYWEAVE_MAX_...`` variable set in the environment."""
    changed: dict[str, int] = {}
    for item in fields(Limits):
        raw = os.environ.get(env_name(item.name))
        if raw is None or not raw.strip():
            continue
        found = _VALUE.match(raw)
        if found is None or int(found.group(1)) == 0:
            raise InputError(
                f"{env_name(item.name)}={raw!r} is not a positive whole number",
                f"Set it to a number such as {getattr(LIMITS, item.name)}, or unset it for the default",
            )
        changed[item.name] = int(found.group(1)) * _SUFFIX[found.group(2).lower()]
    return Limits(**changed) if changed else LIMITS


def not_analysed_note(count: int) -> str:
    """The note under the sources of a brief that analysed only its story's most central articles."""
    noun = "article" if count == 1 else "articles"
    return (
        f"and {count} more {noun} of the story, not analysed: a brief reads the {current().analysed_articles} "
        f"most central ({env_name('analysed_articles')} raises the limit)"
    )
