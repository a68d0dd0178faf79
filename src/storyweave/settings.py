"""Every setting storyweave reads, with its default and what it does."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path


def home() -> Path:
    """The data folder: ``STORYWEAVE_HOME``, else a per-user folder."""
    explicit = os.environ.get("STORYWEAVE_HOME")
    if explicit:
        return Path(explicit).expanduser()
    base = os.environ.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
    return Path(base) / "storyweave"


@dataclass(frozen=True, slots=True)
class BriefSettings:
    """Knobs of the brief; the defaults are the tuned ones."""

    words: int = 200  # summary word budget
    redundancy_threshold: float = 0.5  # a candidate matching a chosen sentence this well repeats it
    min_sentence_words: int = 6
    max_sentence_words: int = 60
    analysis: bool = True  # add claims, facts, quotes, entities, timeline and coverage
