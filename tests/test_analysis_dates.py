"""Dates in sentences: resolved against the publication date, and told apart from the day something was said."""

from __future__ import annotations

from datetime import date

from storyweave.analysis.atoms import said_on
from storyweave.analysis.dates import sentence_dates

WEDNESDAY = date(2026, 3, 4)


def test_relative_days_resolve_against_publication() -> None:
    found = sentence_dates("The ferry sailed on Monday and docked yesterday.", WEDNESDAY)
    assert [(d[0], d[3]) for d in found] == [(date(2026, 3, 2), "on Monday"), (date(2026, 3, 3), "yesterday")]


def test_the_day_something_was_said_is_told_apart_by_where_it_is_written() -> None:
    text = "Police said on Monday the fire began on Monday night."
    found = sentence_dates(text, WEDNESDAY)
    assert [said_on(text, d[4]) for d in found] == [True, False]  # the same words, twice: only the first is "said"
    assert all(text[d[4] : d[4] + len(d[3])] == d[3] for d in found)
