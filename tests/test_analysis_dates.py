"""Dates in sentences: resolved against the publication date, and told apart from the day something was said."""

from __future__ import annotations

from datetime import date

from storyweave.analysis.atoms import other_day
from storyweave.analysis.dates import sentence_dates

WEDNESDAY = date(2026, 3, 4)


def test_relative_days_resolve_against_publication() -> None:
    found = sentence_dates("The ferry sailed on Monday and docked yesterday.", WEDNESDAY)
    assert [(d[0], d[3]) for d in found] == [(date(2026, 3, 2), "on Monday"), (date(2026, 3, 3), "yesterday")]


def test_the_day_something_was_said_is_told_apart_by_where_it_is_written() -> None:
    text = "Police said on Monday the fire began on Monday night."
    found = sentence_dates(text, WEDNESDAY)
    assert [other_day(text, d[4]) for d in found] == [True, False]  # the same words, twice: only the first is "said"
    assert all(text[d[4] : d[4] + len(d[3])] == d[3] for d in found)


def test_the_day_of_an_earlier_figure_or_a_later_day_of_a_strike_is_not_the_events_day() -> None:
    earlier = "Inflation dropped to 3.42% from 3.9% in February, the bureau said."
    assert other_day(earlier, earlier.index("in February"))
    strike = "The strike went into its second day Tuesday with no talks planned."
    assert other_day(strike, strike.index("Tuesday"))
    assert not other_day("The strike began at 7 a.m. Tuesday.", len("The strike began at 7 a.m. "))


def test_a_figure_after_from_is_an_earlier_one() -> None:
    from storyweave.analysis.atoms import quantities

    found = quantities("Core inflation fell to 3.1% from 3.5%.")
    assert [(q.mention.text, q.scope) for q in found] == [("3.1%", ""), ("3.5%", "earlier")]


def test_review_cases_of_days_and_figures() -> None:
    from storyweave.analysis.atoms import quantities
    from storyweave.analysis.conflicts import _same_event_words, clause_words

    wire = "The index rose to 105 from 98 Tuesday."
    assert not other_day(wire, wire.index("Tuesday"))  # wire copy: the day of the rise
    assert [q.scope for q in quantities("Anywhere from 200 to 300 people came.")] == ["", ""]  # no change told
    assert [q.scope for q in quantities("Crews pulled 12 survivors from 3 collapsed buildings.")] == ["", ""]
    opening = "On Tuesday, protesters marched to the capitol."
    assert clause_words(opening, 3, 10) == {"march", "protes", "capito"}  # the next clause when its own is empty
    first = "Biden signed the bill on Tuesday."
    assert clause_words(first, first.index("Tuesday"), len(first) - 1) == {"sign", "bill"}  # a name opening it too
    a = "An airstrike killed 12 people in a crowded market on Tuesday."
    b = "An airstrike killed 30 people in a refugee camp again on Monday."
    where_a, where_b = a.index("Tuesday"), b.index("Monday")
    spans = ((where_a, where_a + 7, "Tuesday"), (where_b, where_b + 6, "Monday"))
    assert _same_event_words(*spans, ((0, a), (0, b))) == 0  # "again": another time


def test_a_count_of_part_of_a_whole_counts_the_whole_and_is_a_part() -> None:
    from storyweave.analysis.atoms import PART_OF, quantities

    found = quantities(
        "Under the map, Merriton was split among three districts, and 16 of the state's 71 counties were divided."
    )
    assert [(q.mention.text, q.noun, q.event) for q in found] == [
        ("three", "district", ""),
        ("16", "county", PART_OF),
        ("71", "county", ""),
    ]


def test_days_that_date_no_event_are_not_set_against_others() -> None:
    from storyweave.analysis.conflicts import _not_an_events_day

    sacked = "Albion have sacked Wrobel after Saturday's 4-1 home defeat."
    at = sacked.index("Saturday")
    assert _not_an_events_day((at, at + 8, "Saturday"), (0, sacked))
    running = "Through July, 32 new cases have been confirmed."
    assert _not_an_events_day((8, 12, "July"), (0, running))
    voted = "The council voted on Saturday to close the pier."
    at = voted.index("Saturday")
    assert not _not_an_events_day((at, at + 8, "Saturday"), (0, voted))


def test_ages_after_names_and_compound_counts() -> None:
    from storyweave.analysis.atoms import quantities

    aged = quantities("Among those on the picket line was Lorna Petrakis, 52, an intensive care nurse.")
    assert [(q.mention.text, q.kind) for q in aged] == [("52", "age")]
    assert [q.kind for q in quantities("In Texas, 40, and Ohio, 12, voted yes.")] == ["count", "count"]
    lots = quantities("The recall covers four production lots and will cost more.")
    assert [(q.mention.text, q.noun) for q in lots] == [("four", "lot")]
    assert [q.noun for q in quantities("Police said 12 soldiers later died.")] == ["soldier"]


def test_counts_in_other_circumstances_are_not_alike() -> None:
    from storyweave.analysis.conflicts import _done_alike

    a, b = "They took 13 points from 15 games.", "They are winless in nine league games."
    spans = ((a.index("15"), a.index("15") + 2, "15"), (b.index("nine"), b.index("nine") + 4, "nine"))
    assert not _done_alike(*spans, ((0, a), (0, b)))
    c, d = "The forecast had called for about 175K new jobs.", "Economists had forecast a gain of 150,000 jobs."
    spans = ((c.index("about"), c.index("175K") + 4, "about 175K"), (d.index("150"), d.index("150") + 7, "150,000"))
    assert _done_alike(*spans, ((0, c), (0, d)))


def test_second_review_cases() -> None:
    from storyweave.analysis.atoms import month_days, quantities
    from storyweave.analysis.conflicts import _not_an_events_day, _same_event_words

    assert [(q.mention.text, q.kind) for q in quantities("The storm hit New York, 40, and Ohio, 12.", 0, set())] == [
        ("40", "count"),
        ("12", "count"),
    ]  # no person's name before the figures: no ages
    assert [key for key, _, _ in month_days("Sales declined 5 percent on March 4; the mayor 12 times.")] == ["mar 4"]
    quake = "Saturday's earthquake killed 300 people."
    assert not _not_an_events_day((0, 8, "Saturday"), (0, quake))  # the sentence's own event
    weapons = "Officers called up to the scene recovered 12 weapons from 30 homes."
    assert [q.scope for q in quantities(weapons)] == ["", ""]
    a, b = "Apple reported third-quarter earnings on Thursday.", "Apple reported third-quarter earnings on Wednesday."
    spans = (
        (a.index("Thursday"), a.index("Thursday") + 8, "Thursday"),
        (b.index("Wed"), b.index("Wed") + 9, "Wednesday"),
    )
    assert _same_event_words(*spans, ((0, a), (0, b))) >= 2  # "third-quarter" is no other time
