"""Disagreements an outlet states in another sentence than the one that reports the rest, times of day, ages,
unanimous votes and who made figures public; and what only looks like a disagreement (a share price during
trading and at the close, counts of two parts of a day, a month one outlet gives a year and the other none, a
day that dates another event). Invented coverage; each case failed before the rule it tests."""

from __future__ import annotations

import pytest

from coverage_of import PUBLISHED, conflicts
from storyweave.analysis.atoms import day_parts, quantities
from storyweave.analysis.clock import clock_times
from storyweave.models import Article
from storyweave.nlp import annotate


def test_times_of_day_are_read_with_their_hedges_and_bounds_left_out() -> None:
    def spans(text: str) -> list[tuple[int, int, str]]:
        return [(t.low, t.high, t.written) for t in clock_times(text)]

    assert spans("The blast tore through the plant at about 6:40 a.m. Tuesday.") == [(390, 410, "about 6:40 a.m.")]
    assert spans("It happened shortly before 7:40 a.m. inside Unit 3.") == [(440, 460, "shortly before 7:40 a.m.")]
    assert spans("The blast, at about 6:40 on Tuesday morning, injured seven.") == [(390, 410, "about 6:40")]
    assert spans("Crews left at noon and returned at 10:32 p.m.") == [(718, 722, "noon"), (1350, 1354, "10:32 p.m.")]
    assert spans("Polls closed at 8 p.m.") == [(1190, 1210, "8 p.m.")]  # a round hour may be 8:02
    assert spans("The fire broke out at 10:30 on Saturday night.") == [(1348, 1352, "10:30")]  # not 10:30 a.m.
    assert spans("It ended at 12:30 on Sunday night.") == [(28, 32, "12:30")]
    for text in (
        "Open from 9 a.m. to 5 p.m. daily.",
        "Open 9 a.m.-5 p.m. daily.",
        "The road reopens by 9 a.m. Monday.",
        "They won 6:40 on points.",
        "She won the 5,000 metres in 14:29.",
    ):
        assert not clock_times(text), text


def test_times_of_day_meet_across_midnight_and_only_in_one_zone() -> None:
    [midnight] = clock_times("The alarm went off at about midnight.")
    [before] = clock_times("The alarm went off at 11:55 p.m.")
    assert midnight.meets(before)
    [local] = clock_times("The rocket lifted off at 4 p.m. local time.")
    [gmt] = clock_times("The rocket lifted off at 2 p.m. GMT.")
    [eastern] = clock_times("The rocket lifted off at 2 p.m. ET on Friday.")
    assert (local.zone, gmt.zone, eastern.zone) == ("local time", "gmt", "et")
    assert local.meets(gmt) and gmt.meets(eastern)  # other zones: never set against each other
    assert not gmt.meets(clock_times("The rocket lifted off at 4 p.m. GMT.")[0])


@pytest.mark.models
def test_two_times_of_one_event_are_a_conflict_and_times_that_may_meet_are_not(models) -> None:  # type: ignore[no-untyped-def]
    blast = (
        "An explosion {} the reactor building {} the Veltrane Chemicals plant in Brackwater {} on Tuesday, injuring "
        "seven workers{}."
    )
    ledger = blast.format("tore through", "at", "at about 6:40 a.m.", "")
    found = conflicts(
        models,
        ("Harbour Ledger", ledger),
        ("Valley Courier", blast.format("ripped through", "of", "shortly before 7:40 a.m.", ", officials said")),
    )
    assert [{f.text for f in g.facts} for g in found] == [{"about 6:40 a.m.", "shortly before 7:40 a.m."}]
    assert found[0].about == "time of day" and found[0].kind == "date"  # a kind the brief's schema knows
    near = conflicts(
        models,
        ("Harbour Ledger", ledger),
        ("Valley Courier", blast.format("ripped through", "of", "shortly before 6:45 a.m.", ", officials said")),
    )
    assert not near


def test_an_age_written_after_the_one_person_named_is_theirs() -> None:
    from storyweave.analysis.atoms import _owned_age

    text = "The tribunal overturned the ban of Lio Maresca, clearing the 27-year-old to race again."
    [age] = [q for q in quantities(text) if q.kind == "age"]
    assert _owned_age(age, text, 0, {"maresca": text.index("Maresca") + 7}).owner == "maresca"
    told = "The first case was an unvaccinated 9-year-old, health officer Anneke Solberg said."
    [age] = [q for q in quantities(told) if q.kind == "age"]
    assert _owned_age(age, told, 0, {"solberg": told.index("Solberg") + 7}).owner == ""  # not the one who said it


@pytest.mark.models
def test_one_riders_age_given_two_ways_is_a_conflict(models) -> None:  # type: ignore[no-untyped-def]
    found = conflicts(
        models,
        ("Harbour Ledger", "Cyclist Lio Maresca, 28, has had his doping suspension wiped out on appeal by a tribunal."),
        (
            "Valley Courier",
            "A tribunal overturned the doping suspension of cyclist Lio Maresca on appeal, clearing the 27-year-old "
            "to race again.",
        ),
    )
    assert [{f.text for f in g.facts} for g in found if g.kind == "age"] == [{"28", "27-year-old"}]


def test_a_tally_in_words_and_a_unanimous_vote_are_tallies() -> None:
    def tallies(text: str) -> set[tuple[str, str, float | None]]:
        return {(q.mention.text, q.unit, q.mention.value) for q in quantities(text) if q.unit.startswith(("of", "ag"))}

    assert tallies("The tribunal ruled by two votes to one that he was not at fault.") == {
        ("two votes to one", "of 3", 2.0),
        ("two votes to one", "against", 1.0),
    }
    assert tallies("The tribunal unanimously overturned the ban.") == {("unanimously", "against", 0.0)}
    assert tallies("The council passed it 6-3.") == {("6-3", "of 9", 6.0), ("6-3", "against", 3.0)}
    assert not tallies("The film drew unanimous praise from critics.")


@pytest.mark.models
def test_a_tally_or_a_day_given_otherwise_in_another_sentence_is_a_conflict(models) -> None:  # type: ignore[no-untyped-def]
    fare = (
        "Riders in Ashvale will pay $2.75 a trip after the City Council voted 7-2 on Tuesday night to approve the "
        "first fare increase since 2019."
    )
    courier = (
        "The Ashvale City Council approved the first bus fare increase since 2019 on Tuesday night, raising the trip "
        "to $2.75. {} Councillors Rosa Iturbe, Neil Haldane and Teresa Pruitt voted no."
    )
    found = conflicts(models, ("Harbour Ledger", fare), ("Valley Courier", courier.format("The measure passed 6-3.")))
    assert [{f.text for f in g.facts} for g in found if g.kind == "count"] == [{"7-2", "6-3"}]
    from storyweave.analysis.alignment import StoryMatrix
    from storyweave.analysis.atoms import story_atoms
    from storyweave.analysis.elsewhere import Elsewhere

    made = [
        Article.create(text, outlet, title="report", published=PUBLISHED)
        for outlet, text in (
            ("Harbour Ledger", fare + " An earlier motion to delay the vote failed 6-3."),
            ("Valley Courier", courier.format("The measure passed 6-3.")),
        )
    ]
    matrix = StoryMatrix.build(list(annotate(made, models)))
    texts = [(s.start, s.text) for s in matrix.sentences]
    assert Elsewhere(matrix, story_atoms(matrix), texts).given_otherwise(0, 1) is None  # the first gives both
    expired = conflicts(
        models,
        ("Harbour Ledger", "The nurses are represented by Local 612, whose previous contract expired June 30."),
        (
            "Valley Courier",
            "About 3,400 nurses at the system are represented by Local 612. The union's contract expired May 31, "
            "and talks went on under extensions.",
        ),
    )
    assert [{f.text for f in g.facts} for g in expired] == [{"June 30", "May 31"}]


@pytest.mark.models
def test_a_day_said_by_officials_and_begun_on_another_day_is_a_conflict(models) -> None:  # type: ignore[no-untyped-def]
    race = "Port Aldine's mayoral race is headed for a hand recount after challenger Mirela Ostrander won by 187 votes "
    found = conflicts(
        models,
        (
            "Harbour Ledger",
            race + "ahead of Mayor Rufus Hallorane. County officials said the recount would start on Wednesday, Nov. "
            "12, at the elections warehouse.",
        ),
        (
            "Valley Courier",
            race + "ahead. The recount will begin on Monday at the county elections warehouse on Dock Street, the "
            "clerk said.",
        ),
    )
    assert [{f.text for f in g.facts} for g in found] == [{"on Wednesday", "on Monday"}]


@pytest.mark.models
def test_a_day_that_dates_another_event_and_a_month_named_alike_are_no_conflict(models) -> None:  # type: ignore[no-untyped-def]
    suits = conflicts(
        models,
        (
            "Harbour Ledger",
            "Singer's lawyers denied the new allegations, contained in a suit that was filed May 3 in federal court.",
        ),
        (
            "Valley Courier",
            "Michael Egan spoke at a press conference on April 17 after announcing the filing of a federal lawsuit.",
        ),
    )
    assert not suits  # the press conference's day, not the filing's
    riots = conflicts(
        models,
        ("Harbour Ledger", "The district is where Alexis Grigoropoulos was killed by a police bullet on 6 December."),
        (
            "Valley Courier",
            "Fresh riots broke out in Athens on December 13 in protest at the killing by police of Alexis "
            "Grigoropoulos.",
        ),
    )
    assert not riots  # the riots' day, not the killing's
    months = conflicts(
        models,
        (
            "Harbour Ledger",
            "The board found that sales managers at the three bakeries agreed between January 2021 and June 2024 on "
            "price rises for sandwich loaves sold to supermarkets.",
        ),
        (
            "Valley Courier",
            "The paper's own price checks of sandwich loaves at 12 supermarkets in January found the three bakeries' "
            "loaves dearer.",
        ),
    )
    assert not months


def test_a_share_price_during_trading_and_at_the_close_and_a_total_are_other_figures() -> None:
    def scopes(text: str) -> list[str]:
        return [q.scope for q in quantities(text) if q.kind in {"percent", "money"}]

    assert scopes("Shares in Amberline Foods closed down 2.9 percent.") == ["close"]
    assert scopes("Shares in Amberline Foods fell 3.8 percent in morning trading.") == ["during trading"]
    assert scopes("The offer is a 34% premium to the closing price.") == [""]  # what the share is of, not a move
    assert scopes("The insurer and the city have offered rewards totalling $300,000.") == ["total"]
    assert day_parts("at least 140 properties had flooded by Monday morning") == {"morning"}
    assert day_parts("212 properties, the council said on Monday evening, and more tonight") == {"evening", "night"}


@pytest.mark.models
def test_counts_of_two_parts_of_a_day_are_no_conflict(models) -> None:  # type: ignore[no-untyped-def]
    found = conflicts(
        models,
        ("Harbour Ledger", "The town council said at least 140 properties had flooded by Monday morning."),
        ("Valley Courier", "Floodwater has damaged 212 properties in the town, the council said on Monday evening."),
    )
    assert not found


def test_how_long_a_ban_lasts_and_the_time_since_an_event_are_no_span_of_figures() -> None:
    def periods(text: str) -> list[tuple[str, str]]:
        return [(q.unit, q.noun) for q in quantities(text) if q.kind == "period"]

    assert periods("Lio Maresca's four-year doping ban was overturned.") == [("days lasting", "ban")]
    assert periods("He returns almost nine months after he was first suspended.") == [("months between", "month")]
    assert periods("The plan costs $1.1 billion over six years.") == [("years", "year")]


@pytest.mark.models
def test_figures_made_public_by_two_people_are_a_conflict(models) -> None:  # type: ignore[no-untyped-def]
    ledger = "Chief executive Marguerite Oyelaran announced the revised figure at a news conference in Port Halvern."
    courier = (
        "The revised figures, announced by chief operating officer {}, put the number of customers affected at "
        "about 1.2 million."
    )
    found = conflicts(models, ("Harbour Ledger", ledger), ("Valley Courier", courier.format("Daniel Fosse")))
    [agent] = [g for g in found if g.about == "who it is credited to"]
    assert {f.text for f in agent.facts} == {"Marguerite Oyelaran", "Daniel Fosse"}
    same = conflicts(models, ("Harbour Ledger", ledger), ("Valley Courier", courier.format("Marguerite Oyelaran")))
    assert not [g for g in same if g.about == "who it is credited to"]


@pytest.mark.models
def test_a_span_of_months_started_otherwise_and_a_day_named_after_its_event_are_conflicts(models) -> None:  # type: ignore[no-untyped-def]
    spans = conflicts(
        models,
        (
            "Harbour Ledger",
            "The board found that sales managers at the three bakeries agreed between January 2021 and June 2024 "
            "on the timing and size of price rises for sandwich loaves.",
        ),
        (
            "Valley Courier",
            "According to the board, the three bakeries colluded from March 2021 until June 2024, agreeing in "
            "advance when to raise prices on sandwich loaves.",
        ),
    )
    assert [{f.text for f in g.facts} for g in spans] == [{"January 2021", "March 2021"}]
    found = conflicts(
        models,
        (
            "Harbour Ledger",
            "Larkspur Air said outsiders could reach the misconfigured storage between January 5 and February 19, "
            "the day the problem was discovered. The airline disclosed the breach on February 27.",
        ),
        (
            "Valley Courier",
            "According to Larkspur Air, the problem with the misconfigured storage was discovered on February 21, "
            "and the storage was locked down the same day. The airline disclosed the breach on February 27.",
        ),
    )
    assert [{f.text for f in g.facts} for g in found] == [{"February 19", "February 21"}]


def test_a_clause_runs_on_over_the_comma_of_a_number() -> None:
    from storyweave.analysis.conflicts import clause_words

    text = "On March 4, about 4,300 longshore workers walked out."
    assert {"longsh", "worker", "walk"} <= clause_words(text, text.index("March 4"), text.index("March 4") + 7)


@pytest.mark.models
def test_one_named_mans_age_on_two_days_and_a_weekday_given_in_another_sentence_are_conflicts(models) -> None:  # type: ignore[no-untyped-def]
    ages = conflicts(
        models,
        ("Harbour Ledger", "Wade Tarrant, 36, was taken into custody on Saturday, the sheriff's office said."),
        (
            "Valley Courier",
            "Sheriff's deputies arrested Wade Tarrant, 34, on Friday evening at a home in Elm Flats, the sheriff's "
            "office said.",
        ),
    )
    assert [{f.text for f in g.facts} for g in ages if g.kind == "age"] == [{"36", "34"}]  # a name opening a sentence
    leak = conflicts(
        models,
        (
            "Harbour Ledger",
            "The chlorine leak began Tuesday evening at Halloran Specialty Chemicals, when a valve failed on a line "
            "used to unload chlorine into storage.",
        ),
        (
            "Valley Courier",
            "A valve on a chlorine transfer line at Halloran Specialty Chemicals failed during a routine unloading "
            "operation, the company said. In all, 1,187 people were evacuated after the chlorine leak began "
            "Wednesday evening.",
        ),
    )
    assert [{f.text for f in g.facts} for g in leak if g.kind == "date"] == [{"Tuesday", "Wednesday"}]


@pytest.mark.models
def test_review_cases_of_votes_figures_and_times_that_are_no_conflict(models) -> None:  # type: ignore[no-untyped-def]
    def found(first: str, second: str) -> list[set[str]]:
        groups = conflicts(models, ("Harbour Ledger", first), ("Valley Courier", second))
        return [{f.text for f in g.facts} for g in groups]

    # a vote a body took earlier, or another body's vote, is not the story's vote
    assert not found(
        "The Senate voted 21-17 on Tuesday to pass the water bill, sending it to the governor.",
        "The water bill, which the committee had unanimously approved in March, passed the Senate on Tuesday and "
        "goes to the governor.",
    )
    assert not found(
        "The Supreme Court ruled 6-3 on Friday that the state's map must be redrawn before the election.",
        "The court's ruling on Friday means the state's map must be redrawn. Last year the justices had ruled 5-4 "
        "in a similar case.",
    )
    # "unanimously" without a vote; votes won in thousands
    assert not found(
        "Economists had unanimously expected the central bank to hold its rate at 4.5% on Thursday.",
        "The central bank's committee voted 7-2 on Thursday to hold its rate at 4.5%, as economists expected.",
    )
    assert not [q for q in quantities("Reed won 2,300 votes to 1,100 for Field.") if q.unit.startswith("of")]
    # figures a company made public, or two different figures
    assert not found(
        "Orvane Systems released its quarterly results on Tuesday, reporting a loss of $12 million.",
        "Chief executive Marta Lind unveiled the results on Tuesday, reporting a loss of $12 million.",
    )
    assert not found(
        "Campaign manager Tom Reed released the fundraising totals on Monday, showing $2.1 million raised.",
        "Pollster Ann Field released the poll results on Monday, showing the race tied at 2.1 million votes.",
    )
    # a time at night, and times in two zones
    assert not found(
        "The fire broke out at 10:30 on Saturday night at the Kellerman warehouse, firefighters said.",
        "The fire broke out at 10:30 p.m. Saturday at the Kellerman warehouse, firefighters said.",
    )
    assert not found(
        "The Halvard rocket lifted off from the coastal launch site at 4 p.m. local time on Friday.",
        "The Halvard rocket lifted off from the coastal launch site at 2 p.m. GMT on Friday.",
    )


def test_an_age_is_not_the_age_of_the_one_who_speaks_of_it() -> None:
    from storyweave.analysis.atoms import _owned_age

    text = "Prosecutor Jane Ellis said on Monday the 16-year-old would be tried as an adult."
    [age] = [q for q in quantities(text) if q.kind == "age"]
    assert _owned_age(age, text, 0, {"ellis": text.index("Ellis") + 5}).owner == ""


@pytest.mark.models
def test_a_sentence_stating_what_a_disputed_one_states_is_disputed_too(models) -> None:  # type: ignore[no-untyped-def]
    from dataclasses import replace

    from coverage_of import PUBLISHED
    from storyweave.analysis.alignment import StoryMatrix
    from storyweave.analysis.support import _conflicts_of_the_same_statement, decide
    from storyweave.models import CONTRADICTS, PARTIAL, Article
    from storyweave.nlp import annotate

    texts = (
        "Three inmates escaped from Brennick State Correctional Facility over the weekend. The three were discovered "
        "missing during a 5:30 a.m. head count on Sunday.",
        "Three inmates broke out of Brennick State Correctional Facility over the weekend. The three men were found "
        "missing during a 5:30 a.m. head count on Sunday, Oct. 12.",
        "Three inmates escaped from Brennick State Correctional Facility over the weekend. Guards at Brennick State "
        "Correctional Facility realized the men were gone during a 6:15 a.m. count on Sunday, according to the state "
        "Department of Corrections.",
    )
    made = [Article.create(t, f"Outlet {n}", title="report", published=PUBLISHED) for n, t in enumerate(texts)]
    support = decide(StoryMatrix.build(list(annotate(made, models))))
    first, second, disputing = 1, 3, 5  # the head-count sentences, in flat order
    assert support.of(second, 2).label == CONTRADICTS and support.of(second, 2).rows == (disputing,)
    # as if the first outlet's sentence had been read as partly reported there (as it was in a tuning story)
    support.decisions[(first, 2)] = replace(support.of(first, 2), label=PARTIAL, conflict=None, rows=(disputing,))
    _conflicts_of_the_same_statement(support)
    decision = support.of(first, 2)
    assert decision.label == CONTRADICTS and decision.conflict is not None
    assert decision.conflict.mine[2] == "5:30 a.m." and decision.rows == (disputing,)


def test_a_sentence_giving_a_value_otherwise_is_not_cited_as_support_when_no_conflict_is_sure() -> None:
    from storyweave.analysis.conflicts import Disagreement
    from storyweave.analysis.support import NONE, _decision, model_from_dict
    from storyweave.analysis.support_features import FEATURES, Candidate
    from storyweave.models import PARTIAL

    def weights(first: float, bias: float) -> dict[str, object]:
        return {"weights": [first] + [0.0] * (len(FEATURES) - 1), "bias": bias}

    # P(support) rises with the first feature; P(full) stays low: a day given otherwise is no sure conflict
    model = model_from_dict(
        {
            "features": list(FEATURES),
            "support": weights(10.0, -5.0),
            "full": weights(0.0, -5.0),
            "evidence": weights(0.0, 0.0),
            "thresholds": {"cite": 0.85, "full": 0.5, "none": 0.09, "conflict": 0.7},
        }
    )
    other_day = Disagreement("date", (40, 50, "on Monday"), 7, (12, 23, "on Tuesday"))
    zero = (0.0,) * (len(FEATURES) - 1)
    disputing = Candidate((7,), (1.0, *zero), complete=False, conflict=other_day)
    alone = _decision([disputing], model)
    assert alone.label == NONE and not alone.sure_none  # not cited, and not surely unreported either
    reporting = Candidate((9,), (0.7, *zero), complete=False, conflict=None)
    both = _decision([disputing, reporting], model)
    assert both.label == PARTIAL and both.rows == (9,)  # the sentence that gives nothing otherwise is cited
