"""What two outlets give differently: vote tallies, amounts of a thing both name, a surname with a letter more;
and the figures that only look alike (a running total beside one event's count, last year's rate beside this
year's, rates listed by group). Invented coverage; each case failed before the rule it tests."""

from __future__ import annotations

import pytest

from coverage_of import PUBLISHED
from coverage_of import conflicts as _conflicts
from storyweave.analysis.atoms import quantities
from storyweave.models import Article, FactGroup
from storyweave.nlp import annotate


def test_a_vote_tally_is_read_with_the_votes_cast() -> None:
    found = {(q.mention.text, q.kind, q.unit, q.noun) for q in quantities("The council voted 7-2 on Tuesday night.")}
    assert found == {  # for, of all; against; for, whatever the total
        ("7-2", "count", "of 9", "vote"),
        ("7-2", "count", "against", "vote"),
        ("7-2", "count", "for", "vote"),
    }
    assert [q.unit for q in quantities("The vote was 8-3, with three regents opposed.") if q.noun == "vote"] == [
        "of 11",
        "against",
        "for",
        "against",  # "three regents opposed"
    ]
    for text in ("The Lakers won 102-99 on Sunday.", "It was COVID-19 in the 2019-20 season.", "Open 9-5 daily."):
        assert not [q for q in quantities(text) if q.noun == "vote"], text


@pytest.mark.models
def test_two_tallies_of_one_vote_are_a_conflict_and_the_same_tally_is_not(models) -> None:  # type: ignore[no-untyped-def]
    fare = (
        "The Ashvale City Council voted 7-2 late Tuesday to raise the base bus fare from $2.25 to $2.75, the first "
        "increase since 2019."
    )
    [conflict] = _conflicts(
        models,
        ("Harbour Ledger", fare),
        (
            "Valley Courier",
            "The Ashvale City Council passed the measure 6-3 late on Tuesday, raising the base bus fare from $2.25 "
            "to $2.75, the first increase since 2019.",
        ),
    )
    assert {f.text for f in conflict.facts} == {"7-2", "6-3"}
    assert conflict.kind == "count" and conflict.facts[0].unit == "of 9"  # a kind the brief's schema knows
    agreed = _conflicts(
        models,
        ("Harbour Ledger", fare),
        ("Valley Courier", "Ashvale's council voted 7-2 on Tuesday to raise the bus fare to $2.75 from $2.25."),
    )
    assert not agreed


def test_what_an_amount_is_of_is_read_only_where_the_words_say_it() -> None:
    def measures(text: str) -> dict[str, str]:
        return {q.mention.text: q.measure for q in quantities(text)}

    assert measures("Tessary holders get $23.50 a share, a 38 percent premium over the close.") == {
        "$23.50": "",
        "38 percent": "premium",
    }
    assert measures("Net income rose to $48.7 million from $31.2 million.") == {
        "$48.7 million": "net income",
        "$31.2 million": "",
    }
    assert measures("Net income was $46.8 million.")["$46.8 million"] == "net income"
    assert measures("The rate fell to 4.1% from 4.3% last year.") == {"4.1%": "", "4.3%": ""}  # which rate? not "last"
    assert measures("Shares rose 5 percent yesterday.") == {"5 percent": ""}
    assert measures("The inflation rate was 3.1%.") == {"3.1%": "inflation rate"}


def test_an_amount_of_one_named_thing_is_set_against_its_like_among_several() -> None:
    from storyweave.analysis.conflicts import differing

    [income] = [q for q in quantities("Net income was $46.8 million, or 41 cents a share.") if q.kind == "money"]
    given = quantities("The results showed revenue of $612.4 million and net income of $48.7 million.")
    other = differing(income, given)  # two amounts of money given: only the one of the same thing is its like
    assert other is not None and other.mention.text == "$48.7 million"
    assert differing(income, quantities("Revenue was $612.4 million and net income $46.8 million.")) is None
    [listed] = [q for q in quantities("Net income was $46.8 million.") if q.kind == "money"]
    assert differing(listed, given, listed=True) is None  # a list of amounts: none is read as named
    other_income = quantities("Operating income rose to $60.2 million and net income to $46.9 million.")
    found = differing(income, other_income)  # operating income is another thing; the unnamed $46.9 million is its like
    assert found is not None and found.mention.text == "$46.9 million"
    [inflation] = quantities("The inflation rate was 3.1%.")
    assert differing(inflation, quantities("The unemployment rate was 4.1%.")) is None


def test_a_running_total_and_last_years_figure_are_other_figures() -> None:
    found = {q.mention.text: q.scope for q in quantities("In their five operations so far, the crew seized 14 rifles.")}
    assert found["14"] == "so far"
    rate = [q for q in quantities("In April last year, employers added 147,000 jobs and the rate stood at 3.9%.")]
    assert {q.mention.text: q.scope for q in rate} == {"147,000": "earlier", "3.9%": "earlier"}


@pytest.mark.models
def test_rates_listed_by_group_are_not_set_against_one_rate_of_another_outlet(models) -> None:  # type: ignore[no-untyped-def]
    conflicts = _conflicts(
        models,
        (
            "Harbour Ledger",
            "For local tumours the five-year survival rate was 95.1 percent for younger patients versus 91.9 percent "
            "for older ones, and for regional disease 76 percent versus 70.3 percent.",
        ),
        (
            "Valley Courier",
            "For regional tumours, five-year survival rates were 76 percent for younger patients and 70 percent for "
            "older ones.",
        ),
    )
    assert not [g for g in conflicts if g.kind == "percent"]


def test_a_surname_with_a_letter_more_after_one_first_name_is_a_second_spelling() -> None:
    from storyweave.analysis.spellings import _difference

    assert _difference("imani castellano", "imani castellanos", people=True) == {"castellano", "castellanos"}
    assert _difference("imani castellano", "nadia castellanos", people=True) is None  # two people
    assert _difference("acme holding", "acme holdings") is None  # not people: a plural
    assert _difference("russia", "russian") is None  # a derived word, as before


def test_a_prefix_written_with_a_hyphen_is_no_second_spelling() -> None:
    from storyweave.analysis.spellings import _difference

    assert _difference("co-operation", "cooperation") is None  # "Organisation for Security and Co-operation"
    assert _difference("cooperation", "co-operation") is None
    assert _difference("re-elected", "reelected") is None
    assert _difference("achterberg", "achterburg") == {"achterberg", "achterburg"}  # a name still is


def test_a_classical_plural_and_a_words_two_spellings_are_no_second_spelling() -> None:
    from storyweave.analysis.spellings import _difference

    assert _difference("referenda", "referendum") is None
    assert _difference("criterion", "criteria") is None
    assert _difference("theatre", "theater") is None  # a short word's -tre / -ter
    assert _difference("advisor", "adviser") is None
    assert _difference("seymour", "seymor") == {"seymour", "seymor"}  # a short name's -our / -or still differs
    # names whose ends look like those: still two spellings
    assert _difference("frances ngata", "francis ngata") == {"frances", "francis"}
    assert _difference("petre lungu", "peter lungu") == {"petre", "peter"}
    assert _difference("maria desouza", "maria de-souza") == {"maria desouza", "maria de-souza"}


def test_a_hedge_on_a_precise_figure_stays_close_to_it() -> None:
    from storyweave.analysis.conflicts import differing

    [hedged] = quantities("Hackers stole the records of about 212,000 patients.")
    [raised] = quantities("The system raised the number of patients affected to 221,000.")
    assert differing(hedged, [raised]) is raised  # three digits written: not 221,000
    [close] = quantities("The system raised the number of patients affected to 216,000.")
    assert differing(hedged, [close]) is None
    [rounder] = quantities("Hackers stole the records of about 210,000 patients.")
    assert differing(rounder, [close]) is None  # a rounder figure stays as wide as before
    assert differing(rounder, [raised]) is raised
    [share] = quantities("Prices rose about 1.5% in March.")
    assert (share.mention.low, share.mention.high) == pytest.approx((1.425, 1.575))  # not 1.0 to 2.0


def test_one_lasting_thing_named_two_ways_and_a_change_from_last_years_figure() -> None:
    from storyweave.analysis.atoms import Atoms
    from storyweave.analysis.conflicts import _periods, differing

    [strike] = [q for q in quantities("The deal ended a 12-day strike at the port.") if q.kind == "period"]
    [walkout] = quantities("The agreement ended an 11-day walkout at the port.")
    assert differing(strike, [walkout]) is walkout
    [affected] = quantities("It is offering affected patients two years of credit monitoring.")
    [months] = quantities("It is offering 12 months of free credit monitoring.")
    assert differing(affected, [months]) is months  # what the words around it say does not make it another thing
    changed = quantities(
        "Net income rose to $48.7 million, or 41 cents a share, from $31.2 million, or 27 cents a share, in the "
        "fourth quarter of 2024."
    )
    assert {q.mention.text: q.scope for q in changed}["$31.2 million"] == "earlier"
    atoms = Atoms(frozenset(), tuple(changed), (), frozenset(), (), "", False)
    assert not _periods([atoms])  # 2024 is the period of the figure it rose from


def test_how_long_a_named_thing_lasts_is_compared_in_days() -> None:
    from storyweave.analysis.conflicts import differing

    def lasting(text: str) -> list[tuple[str, str, float | None]]:
        return [(q.mention.text, q.noun, q.mention.value) for q in quantities(text) if q.kind == "period"]

    assert lasting("They agreed a tentative four-year contract, ending a 12-day strike.") == [
        ("four", "contract", 4 * 365.25),
        ("12", "strike", 12.0),
    ]
    [months] = quantities("The network is offering 12 months of free credit monitoring to those affected.")
    [years] = quantities("The network is offering patients two years of credit monitoring.")
    assert months.noun == years.noun == "monitoring"
    assert differing(months, [years]) is years  # a year against two
    [two_years] = quantities("It will offer 24 months of credit monitoring.")
    assert differing(two_years, [years]) is None  # 24 months are two years
    [span] = [q for q in quantities("It will spend $1.1 billion over six years.") if q.kind == "period"]
    assert differing(span, quantities("It will spend $600 million over three years.")) is None  # spans, as before


def test_what_was_promised_and_a_rate_are_read_for_what_they_are() -> None:
    def scopes(text: str) -> list[str]:
        return [q.scope for q in quantities(text)]

    assert scopes("Ellory said the network would offer 24 months of free credit monitoring.") == [""]
    assert scopes("Economists said the economy would add 150,000 jobs.") == ["forecast"]  # an expectation still
    assert scopes("The mayors said they would contribute $22.5 million a year to the fund.") == ["per"]


def test_the_number_of_a_thing_counts_that_thing() -> None:
    def counts(text: str) -> list[tuple[str, str]]:
        return [(q.noun, q.event) for q in quantities(text)]

    assert counts("The network raised the number of patients affected by the attack to 221,000.") == [("patient", "")]
    assert counts("The total of confirmed cases stood at 47.") == [("case", "")]
    assert counts("The number of dead rose to 12 on Monday.") == [("people", "killed")]


QUOTE = '"We expect this deal to add to earnings within 18 months of closing,"'


@pytest.mark.models
def test_one_quotation_given_to_two_people_is_a_conflict(models) -> None:  # type: ignore[no-untyped-def]
    conflicts = _conflicts(
        models,
        ("Harbour Ledger", f"Lumen agreed to buy Tessary on Thursday. {QUOTE} said finance chief Tobias Fairweather."),
        ("Valley Courier", f"Lumen will buy Tessary. {QUOTE} Lumen chief executive Marguerite Okafor told analysts."),
    )
    [conflict] = [g for g in conflicts if g.about == "speaker of a quotation"]
    assert conflict.kind == "name" and conflict.status == "conflict"
    assert [(f.source, f.text) for f in conflict.facts] == [
        (1, "finance chief Tobias Fairweather"),
        (2, "Lumen chief executive Marguerite Okafor"),
    ]


@pytest.mark.models
def test_one_quotation_given_to_one_person_two_ways_is_no_conflict(models) -> None:  # type: ignore[no-untyped-def]
    for other in (f"{QUOTE} Okafor told analysts.", f"{QUOTE} she told analysts.", f"{QUOTE} the company said."):
        conflicts = _conflicts(
            models,
            ("Harbour Ledger", f"Lumen will buy Tessary. {QUOTE} said chief executive Marguerite Okafor."),
            ("Valley Courier", f"Chief executive Marguerite Okafor spoke on a call. {other}"),
        )
        assert not [g for g in conflicts if g.about == "speaker of a quotation"], other


@pytest.mark.models
def test_one_act_credited_to_two_people_is_a_conflict(models) -> None:  # type: ignore[no-untyped-def]
    fare = "Reduced fares for seniors and riders with disabilities will stay at $1 under an amendment {} that passed "
    conflicts = _conflicts(
        models,
        ("Harbour Ledger", fare.format("from Councilmember Gareth Pell") + "unanimously on Tuesday."),
        ("Valley Courier", fare.format("by Councilmember Ana Castellanos") + "unanimously on Tuesday evening."),
    )
    [conflict] = [g for g in conflicts if g.about == "who it is credited to"]
    assert {f.text for f in conflict.facts} == {"Gareth Pell", "Ana Castellanos"}
    agreed = _conflicts(
        models,
        ("Harbour Ledger", fare.format("from Councilmember Gareth Pell") + "unanimously on Tuesday."),
        ("Valley Courier", fare.format("by council member Gareth Pell") + "unanimously on Tuesday evening."),
    )
    assert not [g for g in agreed if g.about == "who it is credited to"]


def _atoms(text: str):  # type: ignore[no-untyped-def]
    from storyweave.analysis.atoms import Atoms

    return Atoms(frozenset(), tuple(quantities(text)), (), frozenset(), (), "", False)


def test_a_figure_the_sentence_also_gives_for_another_of_its_figures_is_no_conflict() -> None:
    from storyweave.analysis.conflicts import disagreement

    mine = "The union had sought a 24 percent raise, while the employers' last offer was 14 percent."
    for theirs, differs in (
        ("He said the employers had come a long way from the 14 percent they offered.", False),
        ("He said the employers had come a long way from the 12 percent they offered.", True),
    ):
        found = disagreement(0, (1,), [_atoms(mine), _atoms(theirs)], [(0, mine), (0, theirs)])
        assert (found is not None) == differs, theirs


def test_a_rounded_figure_reports_an_exact_one_only_in_part() -> None:
    from storyweave.analysis.conflicts import vaguer

    def figure(text: str):  # type: ignore[no-untyped-def]
        return next(q for q in quantities(text) if q.kind in {"money", "percent", "count"})

    exact, rounded = figure("The deal is worth $1.42 billion."), figure("The deal is valued at about $1.4 billion.")
    assert vaguer(exact, [rounded])  # a less specific version: part of it
    assert not vaguer(rounded, [exact])  # the exact figure states the round one in full
    assert vaguer(figure("Shares rose 7.2% late on Thursday."), [figure("Shares gained 7 percent late Thursday.")])
    hedged = figure("About 300 rounds of ammunition were seized.")
    assert not vaguer(figure("300 rounds of ammunition were seized."), [hedged])  # the same figure, hedged


def test_what_only_looks_like_a_vote_a_duration_or_a_total_is_not_one() -> None:
    from storyweave.analysis.conflicts import differing

    assert not [q for q in quantities("The 50-cent increase, approved as Ordinance 26-014, raises fares.") if q.unit]
    [five] = [q for q in quantities("The drug raised the five-year survival rate to 91 percent.") if q.kind == "period"]
    [ten] = [q for q in quantities("The drug raised the 10-year survival rate to 84 percent.") if q.kind == "period"]
    assert differing(five, [ten]) is None  # a kind of rate, not how long one thing lasted
    assert {q.mention.text: q.scope for q in quantities("16 of the 71 counties, in all 71 counties, voted.")} == {
        "16": "",
        "71": "",
    }
    assert [q.scope for q in quantities("Acme said it would cut 1,200 jobs.")] == ["forecast"]  # a plan, not a fact
    assert quantities("The number of injured rose to 14.")[0].event == "injured"


def test_a_figure_of_another_thing_in_the_sentence_does_not_hide_a_conflict() -> None:
    from storyweave.analysis.conflicts import disagreement

    mine, theirs = "Seven people were killed and 12 were injured.", "Twelve people were killed in the blast."
    found = disagreement(0, (1,), [_atoms(mine), _atoms(theirs)], [(0, mine), (0, theirs)])
    assert found is not None and found.mine[2] == "Seven"  # 12 injured is not 12 killed


@pytest.mark.models
def test_a_body_and_its_spokeswoman_or_a_sponsor_and_a_signer_are_no_conflict(models) -> None:  # type: ignore[no-untyped-def]
    said = '"We will not negotiate with criminals and we will not pay a ransom,"'
    quoted = _conflicts(
        models,
        ("Harbour Ledger", f"The utility was attacked on Sunday. {said} the Brennick Water Authority said."),
        ("Valley Courier", f"The utility was attacked on Sunday. {said} said authority spokeswoman Dana Whitlock."),
    )
    assert not [g for g in quoted if g.about == "speaker of a quotation"]
    bill = "The bill, {} by {}, caps insulin at $35 a month for every insured patient in the state."
    acts = _conflicts(
        models,
        ("Harbour Ledger", bill.format("sponsored", "state Senator Maria Lopez")),
        ("Valley Courier", bill.format("signed", "Governor Tom Reed on Friday")),
    )
    assert not [g for g in acts if g.about == "who it is credited to"]


@pytest.mark.models
def test_two_days_of_opposite_acts_or_of_a_state_are_no_conflict(models) -> None:  # type: ignore[no-untyped-def]
    def dates(first: str, second: str) -> list[FactGroup]:
        return [
            g for g in _conflicts(models, ("Harbour Ledger", first), ("Valley Courier", second)) if g.kind == "date"
        ]

    bank = "Harlan Savings said in a statement that it was grateful to police and would keep the branch {} on {}."
    assert not dates(bank.format("closed", "Friday"), "Harlan Savings said the branch would reopen on Monday.")
    assert dates(bank.format("closed", "Friday"), bank.format("closed", "Thursday"))  # one act, two days
    assert not dates(
        "By Tuesday evening, two passengers remained under observation at the hospital, a spokeswoman said.",
        "One passenger remained in the hospital on Wednesday morning, a spokeswoman said.",
    )


def test_a_compound_number_word_is_read_whole_and_the_end_of_a_month_is_a_month() -> None:
    from storyweave.analysis.atoms import written_days
    from storyweave.analysis.conflicts import differing

    [aboard] = quantities("Thirty-one students and the driver were aboard.")
    assert (aboard.mention.text, aboard.mention.value, aboard.noun) == ("Thirty-one", 31.0, "student")
    [carrying] = quantities("The bus was carrying 34 students to school.")
    assert differing(aboard, [carrying]) is carrying
    assert "september" in written_days("It will shut the office by the end of September, the memo said.")
    assert "march" in written_days("Work starts at the beginning of March.")


@pytest.mark.models
def test_a_day_and_another_month_for_one_closure_are_a_conflict(models) -> None:  # type: ignore[no-untyped-def]
    [conflict] = _conflicts(
        models,
        ("Harbour Ledger", "Veltrix will also close its office in Halden Park, home to 260 employees, by June 30."),
        ("Valley Courier", "Veltrix will close its office in Halden Park, home to 260 staff, by the end of September."),
    )
    assert {f.text for f in conflict.facts} == {"June", "September"}


def test_people_and_employees_laid_off_count_the_same_people_and_jobs_another_thing() -> None:
    from storyweave.analysis.conflicts import differing

    [people] = quantities("Veltrix is laying off 1,250 people.")
    [employees] = quantities("Veltrix will lay off roughly 1,150 employees.")
    [workers] = quantities("Veltrix will lay off about 1,160 workers.")
    assert (employees.noun, employees.event) == (people.noun, people.event) == ("people", "laid off")
    assert differing(employees, [people]) is people
    assert differing(employees, [workers]) is None
    [jobs] = [q for q in quantities("Veltrix will eliminate about 1,150 jobs this year.") if q.kind == "count"]
    assert jobs.noun == "job" and differing(jobs, [people]) is None  # jobs cut are not people laid off
    [staff] = quantities("Veltrix has 9,400 employees.")
    assert (staff.noun, staff.event) == ("employee", "")  # a workforce, not a lay-off


@pytest.mark.models
def test_one_find_set_in_two_counties_is_a_conflict_and_two_places_named_together_are_not(models) -> None:  # type: ignore[no-untyped-def]
    [conflict] = _conflicts(
        models,
        (
            "Harbour Ledger",
            "Recount workers opened a sealed transfer case in Carrick County and found six ballots that had never "
            "been scanned.",
        ),
        (
            "Valley Courier",
            "Recount workers opened a sealed transfer case in Dunlow County and found six ballots that had never "
            "been scanned.",
        ),
    )
    assert conflict.about == "where it happened"
    assert {f.text for f in conflict.facts} == {"Carrick County", "Dunlow County"}
    both = _conflicts(
        models,
        ("Harbour Ledger", "The fire started in Teague County on Monday and spread toward Ashcombe County."),
        ("Valley Courier", "The fire, which spread from Ashcombe County, burned 400 acres in Teague County."),
    )
    assert not [c for c in both if c.about == "where it happened"]  # each names both counties
    from storyweave.analysis.alignment import StoryMatrix
    from storyweave.analysis.places import placed_differently

    made = [
        Article.create(text, outlet, title="report", published=PUBLISHED)
        for outlet, text in (
            ("Harbour Ledger", "The fire started in Teague County and spread toward Ashcombe County."),
            ("Valley Courier", "The fire started in Ashcombe County, officials said."),
            ("Coast Wire", "The fire started on Mill Street in Teague County."),
        )
    ]
    matrix = StoryMatrix.build(list(annotate(made, models)))
    assert not list(placed_differently(matrix, [(0, 1)]))  # the first names both counties
    assert [m.theirs[2] for m in placed_differently(matrix, [(1, 2)])] == ["Teague County"]
    assert not list(placed_differently(matrix, [(0, 2)]))  # the same county; a street is another kind


def test_seven_of_the_nine_members_backing_a_move_is_a_tally() -> None:
    from storyweave.analysis.conflicts import differing

    [backed] = [q for q in quantities("Seven of the nine members of the committee backed the cut.") if q.noun == "vote"]
    assert (backed.mention.text, backed.mention.value, backed.unit) == ("Seven of the nine", 7.0, "of 9")
    [tally] = [q for q in quantities("The committee voted 6-3 to cut the rate.") if q.unit == "of 9"]
    assert differing(backed, [tally]) is tally
    [same] = [q for q in quantities("The committee voted 7-2 to cut the rate.") if q.unit == "of 9"]
    assert differing(backed, [same]) is None
    assert not [q for q in quantities("Two of the nine members backed the cut.") if q.noun == "vote"]  # no majority
    assert not [q for q in quantities("Seven of the nine members live in the city.") if q.noun == "vote"]


def test_review_cases_of_hedges_rounding_changes_and_months() -> None:
    from storyweave.analysis.atoms import written_days
    from storyweave.analysis.conflicts import differing

    def count(text: str):  # type: ignore[no-untyped-def]
        return next(q for q in quantities(text) if q.kind == "count")

    assert differing(count("About 1,150 homes were destroyed."), [count("The storm destroyed 1,200 homes.")]) is None
    assert differing(count("About 125 people were injured."), [count("The blast injured 130 people.")]) is None
    assert differing(count("Officials counted 1,150 homes destroyed."), [count("It destroyed 1,200 homes.")])
    assert differing(count("About 240 homes were destroyed."), [count("The storm destroyed 300 homes.")])  # no rounding
    scopes = {q.mention.text: q.scope for q in quantities("Tuition rose 4%, and it now enrols students from 30 lands.")}
    assert scopes["30"] != "earlier"  # a count after a share's change is not what the share changed from
    assert written_days("It will close at the end of March.") == {"march", "~april"}  # April only maybe


@pytest.mark.models
def test_review_cases_of_changes_from_two_years_and_a_day_it_was_said(models) -> None:  # type: ignore[no-untyped-def]
    years = _conflicts(
        models,
        ("Harbour Ledger", "Net income rose to $48.7 million from $31.2 million in 2024, the company said."),
        ("Valley Courier", "Net income rose to $36.5 million from $22.5 million in 2023, the company said."),
    )
    assert not years  # two changes from two years: two years' results
    said = _conflicts(
        models,
        (
            "Harbour Ledger",
            "Veltrix will close its office in Halden Park, which employs 260 people, the company announced, on "
            "March 4.",
        ),
        (
            "Valley Courier",
            "Veltrix will close its office in Halden Park, which employs 260 people, by the end of June.",
        ),
    )
    assert not said  # the day it was announced, not the day the office closes
    edge = _conflicts(
        models,
        ("Harbour Ledger", "The new fare schedule takes effect on April 1, the transit agency said."),
        ("Valley Courier", "The new fare schedule takes effect at the end of March, the transit agency said."),
    )
    assert not edge


@pytest.mark.models
def test_a_part_of_a_total_written_without_the_and_its_total_are_no_conflict(models) -> None:  # type: ignore[no-untyped-def]
    assert [(q.mention.text, q.noun, q.event) for q in quantities("He landed 178 of 369 punches thrown.")] == [
        ("178", "punche", "part of"),
        ("369", "punche", ""),
    ]
    found = _conflicts(
        models,
        ("Harbour Ledger", "Vitali Klimenko landed 178 punches to just 30 for Hasim Rahman in the title fight."),
        (
            "Valley Courier",
            "The final numbers showed Vitali Klimenko landing 178 of 369 punches thrown in the title fight.",
        ),
    )
    assert not found


def test_a_round_figure_is_told_from_a_hedged_one_and_a_range() -> None:
    from storyweave.analysis.numbers import parse_numbers

    def rounded(text: str) -> list[tuple[str, bool, bool]]:
        return [(m.text, m.approximate, m.rounded) for m in parse_numbers(text)]

    assert rounded("an offer of $160 million") == [("$160 million", True, True)]
    assert rounded("an offer of about $160 million") == [("about $160 million", True, False)]
    assert rounded("between 5-6 million") == [("5-6 million", True, False)]
    assert rounded("exactly 212 people") == [("212", False, False)]


@pytest.mark.models
def test_two_figures_an_outlet_gives_both_of_are_two_things_not_a_conflict(models) -> None:  # type: ignore[no-untyped-def]
    found = _conflicts(
        models,
        (
            "Harbour Ledger",
            "The Red Sox have made first baseman Mark Teale an eight-year, $200 million offer, a radio host reported. "
            "That would top the eight-year, $160 million offers made by the Angels and the Nationals.",
        ),
        ("Valley Courier", "Last week the Nationals made Mark Teale an eight-year, $160 million offer."),
    )
    assert not [g for g in found if g.kind == "money"]
