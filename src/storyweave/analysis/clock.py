"""Times of day as news writes them: "6:40 a.m.", "about 7 p.m.", "shortly before 7:40", "6:40 on Tuesday
morning", "10:30 on Saturday night", "noon", "midnight".

Each is read as the span of minutes after midnight it stands for, on a clock that wraps at midnight: a plain
time for itself and a few minutes either side (more for a round hour: "8 p.m." may be 8:02), a hedged one
("about", "around") for ten minutes either side, "shortly before" or "just after" for the twenty minutes on that
side. A time given in a zone ("4 p.m. local time", "14:00 GMT", "8 p.m. ET") keeps its zone and is compared only
with times in the same zone. Times that bound rather than date an event ("by 9 a.m.", "until 6 p.m.", "before
noon"), hours of opening ("from 9 a.m. to 5 p.m.", "9 a.m.-5 p.m.") and a bare "14:29" (a race time, a verse)
are left out: they do not say when something happened.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

DAY = 24 * 60
HEDGED = 10  # "about 6:40": minutes either side
NEAR = 20  # "shortly before 7:40": minutes on that side
PLAIN = 2  # "6:42 p.m.": minutes either side of a plain time
ROUND_HOUR = 10  # "8 p.m.": minutes either side of a time written to the hour

_HEDGE = (
    r"(?P<hedge>about|around|approximately|roughly|some|"
    r"shortly\s+before|shortly\s+after|just\s+before|just\s+after|soon\s+after)"
)
_TIME = re.compile(
    rf"(?:\b{_HEDGE}\s+)?"
    r"\b(?:(?P<hour>1[0-2]|0?[1-9])(?::(?P<minute>[0-5]\d))?\s*(?P<half>a\.?\s?m\.?|p\.?\s?m\.?)(?![a-z])"
    r"|(?P<hour24>[01]?\d|2[0-3]):(?P<minute24>[0-5]\d)(?!\d)(?:(?:\s+\w+){0,2}?\s+(?:in\s+the\s+)?"
    r"(?P<daypart>morning|afternoon|evening|night))?"
    r"|(?P<word>noon|midday|midnight))",
    re.I,
)
_BOUND_BEFORE = re.compile(r"\b(?:by|until|till|before|after|from|since|between|through|to|and)\s+$|[-–]\s*$", re.I)
_RANGE_AFTER = re.compile(r"^\s*(?:(?:to|until|till|and)\s+|[-–]\s*)\d", re.I)
_ZONE = re.compile(
    r"\s*\(?(?P<zone>local\s+time|[A-Z]{1,2}[SD]?T|GMT|UTC|CET|CEST|BST|IST|AEST|AEDT)\b(?:\s*[+-]\s*\d{1,2})?",
)


@dataclass(frozen=True, slots=True)
class ClockTime:
    """A time of day in a sentence: the minutes after midnight it may stand for, its zone as written ("" when
    none), and where it is written."""

    low: int
    high: int
    written: str
    start: int  # offset in the article
    end: int
    zone: str = ""

    def meets(self, other: ClockTime) -> bool:
        """Both can be true: the same zone, and spans that overlap on a clock that wraps at midnight."""
        if self.zone != other.zone:
            return True  # "4 p.m. local time" / "14:00 GMT": not set against each other
        return any(self.low <= other.high + turn and other.low + turn <= self.high for turn in (-DAY, 0, DAY))


def _minutes(match: re.Match[str]) -> int | None:
    if match["word"]:
        return 12 * 60 if match["word"].lower() in {"noon", "midday"} else 0
    if match["hour"]:
        hour, minute = int(match["hour"]) % 12, int(match["minute"] or 0)
        return (hour + (12 if match["half"].lower().startswith("p") else 0)) * 60 + minute
    hour, minute = int(match["hour24"]), int(match["minute24"])
    daypart = (match["daypart"] or "").lower()
    if not daypart:
        return None  # "14:29", "6:40" alone: a race time, a score, a verse
    if (daypart in {"afternoon", "evening"} and hour < 12) or (daypart == "night" and 6 <= hour < 12):
        hour += 12  # "6:40 on Tuesday evening", "10:30 on Saturday night"
    elif daypart == "night" and hour == 12:
        hour = 0  # "12:30 on Sunday night"
    return hour * 60 + minute


def _span(minutes: int, hedge: str, to_the_hour: bool) -> tuple[int, int]:
    if hedge.endswith("before"):
        return minutes - NEAR, minutes
    if hedge.endswith("after"):
        return minutes, minutes + NEAR
    margin = HEDGED if hedge else ROUND_HOUR if to_the_hour else PLAIN
    return minutes - margin, minutes + margin


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
        to_the_hour = bool(match["hour"]) and not match["minute"]
        low, high = _span(minutes, hedge, to_the_hour)
        end = match.end("half") if match["half"] else match.end("minute24") if match["hour24"] else match.end()
        zone = _ZONE.match(text, end)
        found.append(
            ClockTime(
                low,
                high,
                text[match.start() : end],
                offset + match.start(),
                offset + end,
                " ".join(zone["zone"].lower().split()) if zone else "",
            )
        )
    return found
