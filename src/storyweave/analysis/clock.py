"""Times of day as news writes them: "6:40 a.m.", "about 7 p.m.", "shortly before 7:40", "6:40 on Tuesday
morning", "noon", "midnight".

Each is read as the span of minutes after midnight it stands for: a plain time for itself, a hedged one
("about", "around") for ten minutes either side, "shortly before" or "just after" for the twenty minutes on that
side. Times that bound rather than date an event ("by 9 a.m.", "until 6 p.m.", "before noon") and spans of
hours ("from 9 a.m. to 5 p.m.") are left out: they say when something had happened or could happen, not when it
did.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

HEDGED = 10  # "about 6:40": minutes either side
NEAR = 20  # "shortly before 7:40": minutes on that side

_HEDGE = (
    r"(?P<hedge>about|around|approximately|roughly|some|"
    r"shortly\s+before|shortly\s+after|just\s+before|just\s+after|soon\s+after)"
)
_TIME = re.compile(
    rf"(?:\b{_HEDGE}\s+)?"
    r"\b(?:(?P<hour>1[0-2]|0?[1-9])(?::(?P<minute>[0-5]\d))?\s*(?P<half>a\.?\s?m\.?|p\.?\s?m\.?)(?![a-z])"
    r"|(?P<hour24>[01]?\d|2[0-3]):(?P<minute24>[0-5]\d)(?!\d)(?P<part>(?:\s+\w+){0,2}?\s+(?:in\s+the\s+)?"
    r"(?P<daypart>morning|afternoon|evening|night))?"
    r"|(?P<word>noon|midday|midnight))",
    re.I,
)
_BOUND_BEFORE = re.compile(r"\b(?:by|until|till|before|after|from|since|between|through|to|and)\s+$", re.I)
_RANGE_AFTER = re.compile(r"^\s*(?:to|until|till|and|-|–)\s+\d", re.I)


@dataclass(frozen=True, slots=True)
class ClockTime:
    """A time of day in a sentence: the minutes after midnight it may stand for, and where it is written."""

    low: int
    high: int
    written: str
    start: int  # offset in the article
    end: int

    def meets(self, other: ClockTime) -> bool:
        return self.low <= other.high and other.low <= self.high


def _minutes(match: re.Match[str]) -> int | None:
    if match["word"]:
        return 12 * 60 if match["word"].lower() in {"noon", "midday"} else 0
    if match["hour"]:
        hour, minute = int(match["hour"]) % 12, int(match["minute"] or 0)
        return (hour + (12 if match["half"].lower().startswith("p") else 0)) * 60 + minute
    hour, minute = int(match["hour24"]), int(match["minute24"])
    daypart = (match["daypart"] or "").lower()
    if not daypart and hour < 13:
        return None  # "6:40" alone may be a score, a ratio or a race time
    if daypart in {"afternoon", "evening"} and hour < 12:
        hour += 12
    return hour * 60 + minute


def clock_times(text: str, offset: int = 0) -> list[ClockTime]:
    """The times of day a sentence dates its events by."""
    found = []
    for match in _TIME.finditer(text):
        minutes = _minutes(match)
        if minutes is None:
            continue
        hedge = " ".join((match["hedge"] or "").lower().split())
        if not hedge and _BOUND_BEFORE.search(text, 0, match.start()):
            continue  # "by 9 a.m.", "from 9 a.m.": a bound, not when it happened
        if _RANGE_AFTER.match(text[match.end() : match.end() + 12]):
            continue  # "9 a.m. to 5 p.m.": opening hours
        low, high = minutes, minutes
        if hedge.endswith("before"):
            low = minutes - NEAR
        elif hedge.endswith("after"):
            high = minutes + NEAR
        elif hedge:
            low, high = minutes - HEDGED, minutes + HEDGED
        end = match.end("half") if match["half"] else match.end("minute24") if match["hour24"] else match.end()
        written = text[match.start() : end]
        found.append(ClockTime(low, high, written, offset + match.start(), offset + end))
    return found
