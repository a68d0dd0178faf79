"""Publication dates: ISO 8601, RFC 2822 and common written forms to aware datetimes."""

from __future__ import annotations

import warnings
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime

from dateutil import parser as date_parser

__all__ = ["parse_published"]

# Two defaults that differ in every field: a string that leaves a field out parses to
# different values under them, and is refused rather than silently completed with today.
_DEFAULT_A = datetime(2001, 1, 1)
_DEFAULT_B = datetime(2002, 2, 2)
_MIN_YEAR, _MAX_YEAR = 1800, 2200
_MAX_DATE_CHARS = 80


def parse_published(value: str | float | None) -> datetime | None:
    """Parse a publication date; naive results are taken as UTC; ``None`` when unparseable.

    Numbers are read as Unix timestamps (seconds).
    """
    if value is None or isinstance(value, bool):
        return None
    if isinstance(value, int | float):
        return _from_timestamp(value)
    text = " ".join(value[: _MAX_DATE_CHARS + 1].split())
    if not text or len(text) > _MAX_DATE_CHARS:
        return None  # no date is written in more than a line
    for parse in (_iso, _rfc2822, _written):
        parsed = parse(text)
        if parsed is not None and _MIN_YEAR <= parsed.year <= _MAX_YEAR:
            return parsed if parsed.tzinfo is not None else parsed.replace(tzinfo=UTC)
    return None


def _from_timestamp(seconds: float) -> datetime | None:
    try:
        parsed = datetime.fromtimestamp(float(seconds), tz=UTC)
    except (OverflowError, OSError, ValueError):
        return None
    return parsed if _MIN_YEAR <= parsed.year <= _MAX_YEAR else None


def _iso(text: str) -> datetime | None:
    try:
        return datetime.fromisoformat(text)
    except ValueError:
        return None


def _rfc2822(text: str) -> datetime | None:
    if "," not in text and not text[:1].isdigit():
        return None
    try:
        return parsedate_to_datetime(text)
    except (TypeError, ValueError, IndexError):
        return None


def _written(text: str) -> datetime | None:
    if not any(ch.isdigit() for ch in text):
        return None
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # dateutil warns about unknown zone names
            first = date_parser.parse(text, default=_DEFAULT_A)
            second = date_parser.parse(text, default=_DEFAULT_B)
    except (ValueError, OverflowError, TypeError):
        return None
    if (first.year, first.month, first.day) != (second.year, second.month, second.day):
        return None  # the year, month or day is missing
    return first
