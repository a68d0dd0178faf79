"""Dates as news writes them, resolved to days: full dates ("March 4, 2026"), months ("in January",
"March 2026"), years ("in 1998"), ranges ("between 1997 and 2013", "early 1990s") and references
anchored to the article's publication date ("on Tuesday", "yesterday", "last year", "until Friday").
"""

from __future__ import annotations

import calendar
import re
from datetime import date, timedelta

MONTHS = {m.lower(): i for i, m in enumerate(calendar.month_name) if m}
MONTHS |= {m.lower(): i for i, m in enumerate(calendar.month_abbr) if m} | {"sept": 9}
WEEKDAYS = {d.lower(): i for i, d in enumerate(calendar.day_name)}
WEEKDAY_NAMES = frozenset(WEEKDAYS)
MONTH_NAMES = frozenset(m.lower() for m in calendar.month_name if m)  # in full
_MONTH = r"(?P<month>" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
_PATTERNS = [
    ("full", re.compile(rf"\b{_MONTH}\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<year>(?:19|20)\d\d)\b", re.I)),
    ("full", re.compile(
        rf"\b(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?{_MONTH}\s+(?P<year>(?:19|20)\d\d)\b", re.I
    )),
    ("range", re.compile(r"\b(?:between|from)\s+(?P<year>(?:19|20)\d\d)\s+(?:and|to)\s+(?P<year2>(?:19|20)\d\d)\b")),
    ("decade", re.compile(r"\b(?:the\s+)?(?P<part>early|mid|late)?[\s-]*(?P<year>(?:19|20)\d0)s\b", re.I)),
    ("month", re.compile(rf"\b{_MONTH}\s+(?P<year>(?:19|20)\d\d)\b", re.I)),
    ("month_only", re.compile(rf"\b(?:in|since|by|until|last|this|early|late)\s+{_MONTH}\b(?!\s+\d)", re.I)),
    ("year", re.compile(r"\b(?:in|since|by|until|from|of|during|before|after)\s+(?P<year>(?:19|20)\d\d)\b(?![\d,])")),
    ("weekday", re.compile(r"\b(?P<prefix>on|last|next|until|by|since|from|late|early)?\s*(?P<weekday>"
                           + "|".join(WEEKDAYS) + r")\b", re.I)),
    ("relative", re.compile(r"\b(?P<word>yesterday|today|tomorrow|last year|last month|next year)\b", re.I)),
]  # fmt: skip
FUTURE = {"next", "until", "by"}


def _month_end(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


def _resolve(kind: str, m: re.Match[str], published: date | None) -> tuple[date, date, str] | None:
    g = m.groupdict()
    if kind == "full":
        day = date(int(g["year"]), MONTHS[g["month"].lower()], min(int(g["day"]), 28 if g["month"] else 31))
        return day, day, "day"
    if kind == "range":
        return date(int(g["year"]), 1, 1), date(int(g["year2"]), 12, 31), "range"
    if kind == "decade":
        first = int(g["year"])
        low, high = {"early": (0, 3), "mid": (3, 6), "late": (6, 9)}.get((g["part"] or "").lower(), (0, 9))
        return date(first + low, 1, 1), date(first + high, 12, 31), "range"
    if kind == "month":
        year, month = int(g["year"]), MONTHS[g["month"].lower()]
        return date(year, month, 1), _month_end(year, month), "month"
    if kind == "year":
        year = int(g["year"])
        return date(year, 1, 1), date(year, 12, 31), "year"
    if published is None:
        return None
    if kind == "month_only":
        month = MONTHS[g["month"].lower()]
        year = published.year if month <= published.month else published.year - 1
        return date(year, month, 1), _month_end(year, month), "month"
    if kind == "weekday":
        target = WEEKDAYS[g["weekday"].lower()]
        prefix = (g["prefix"] or "").lower()
        if prefix in FUTURE:  # "until Friday"; "next Tuesday" is never today
            ahead = (target - published.weekday()) % 7
            day = published + timedelta(days=ahead or (7 if prefix == "next" else 0))
        else:
            day = published - timedelta(days=(published.weekday() - target) % 7)
        return day, day, "day"
    word = g["word"].lower()
    if word in {"yesterday", "today", "tomorrow"}:
        day = published + timedelta(days={"yesterday": -1, "today": 0, "tomorrow": 1}[word])
        return day, day, "day"
    year = published.year + (1 if word == "next year" else -1 if word == "last year" else 0)
    if word == "last month":
        previous_end = published.replace(day=1) - timedelta(days=1)
        return previous_end.replace(day=1), previous_end, "month"
    return date(year, 1, 1), date(year, 12, 31), "year"


Dated = tuple[date, date, str, str, int]  # first day, last day, precision, as written, where in the sentence


def sentence_dates(text: str, published: date | None) -> list[Dated]:
    """(first day, last day, precision, as written, where in ``text``) of every date in ``text``; relative ones
    need ``published``."""
    found: list[Dated] = []
    taken: list[tuple[int, int]] = []
    for kind, pattern in _PATTERNS:
        for m in pattern.finditer(text):
            if any(m.start() < end and start < m.end() for start, end in taken):
                continue
            try:
                resolved = _resolve(kind, m, published)
            except (ValueError, KeyError):
                continue
            if resolved:
                taken.append((m.start(), m.end()))
                written = m[0].strip()
                found.append((*resolved, written, m.start() + m[0].index(written)))
    return found
