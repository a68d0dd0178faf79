"""Counts given two ways that the words around them do not name alike: votes against given by naming who cast them
("Regents Frank Delacroix and Ruth Omondi cast the dissenting votes") are a tally's votes against, so that a list
of two names and "8-3" disagree, as do "79 members ... voted to" and "by 81 votes to 68"; one count of one thing
named two ways ("16 of its turboprops" / "14 of its aircraft"). Invented coverage; each cross-outlet case failed
before its rule."""

from __future__ import annotations

import re

import pytest

from coverage_of import conflicts
from storyweave.analysis.atoms import Atoms, quantities
from storyweave.analysis.conflicts import RENAMED, disagreement
from storyweave.analysis.tallies import AGAINST, FOR, is_tally, named_against


def _against(text: str, *names: str) -> list[tuple[str, float | None]]:
    spans = [(m.start(), m.end()) for name in names for m in re.finditer(re.escape(name), text)]
    return [(q.mention.text, q.mention.value) for q in named_against(text, 0, spans) if q.unit == AGAINST]


def test_a_list_of_names_that_voted_no_counts_the_votes_against() -> None:
    assert _against(
        "Regents Frank Delacroix and Ruth Omondi cast the dissenting votes.", "Frank Delacroix", "Ruth Omondi"
    ) == [("Frank Delacroix and Ruth Omondi", 2.0)]
    keld = (
        "The committee voted 7-2 for the cut, with Deputy Governor Tomas Keld and external member Ruth Annaby "
        "preferring to leave the rate at 4.50%."
    )
    assert _against(keld, "Tomas Keld", "Ruth Annaby") == [("Tomas Keld and external member Ruth Annaby", 2.0)]
    three = "The vote was 8-3, with regents Ana Ruiz, Tom Lee and Ida Berg opposed."
    assert _against(three, "Ana Ruiz", "Tom Lee", "Ida Berg") == [("Ana Ruiz, Tom Lee and Ida Berg", 3.0)]
    assert _against("Councillor Ida Berg voted against the motion.", "Ida Berg") == [("Ida Berg", 1.0)]


def test_some_of_those_who_voted_no_or_an_opinion_are_no_count() -> None:
    assert not _against("Several regents, including Ana Ruiz and Tom Lee voted against.", "Ana Ruiz", "Tom Lee")
    assert not _against("Mayor Ida Berg opposed the plan from the start.", "Ida Berg")
    assert not _against("Ana Ruiz and Tom Lee opposed to the end.", "Ana Ruiz", "Tom Lee")  # no "with ...": no vote


@pytest.mark.models
def test_two_named_dissenters_and_a_tally_of_three_against_are_a_conflict(models) -> None:  # type: ignore[no-untyped-def]
    ledger = (
        "The Westbrook Board of Regents voted 8-3 on Wednesday to freeze tuition for next year, with regents Frank "
        "Delacroix, Ruth Omondi and Samuel Tenbrook opposed."
    )
    courier = (
        "Tuition at Westbrook State will stay flat next year after the Board of Regents voted on Wednesday to freeze "
        "it. Regents Frank Delacroix{} cast the dissenting votes."
    )
    two = conflicts(models, ("Harbour Ledger", ledger), ("Valley Courier", courier.format(" and Ruth Omondi")))
    assert [sorted(f.text for f in g.facts) for g in two] == [["8-3", "Frank Delacroix and Ruth Omondi"]]
    three = courier.format(", Ruth Omondi and Samuel Tenbrook")
    assert not conflicts(models, ("Harbour Ledger", ledger), ("Valley Courier", three))


def _renamed(mine: str, theirs: str) -> tuple[str, str] | None:
    atoms = [Atoms(frozenset(), tuple(quantities(text)), (), frozenset(), (), "", False) for text in (mine, theirs)]
    found = disagreement(0, (1,), atoms, [(0, mine), (0, theirs)])
    return (found.mine[2], found.theirs[2]) if found is not None and found.kind == RENAMED else None


def test_one_count_of_one_thing_named_two_ways_disagrees_and_counts_of_two_things_do_not() -> None:
    grounded = "Pellmar Air grounded all 16 of its Kestrel turboprops on Tuesday."
    assert _renamed(grounded, "Pellmar Air grounded all 14 of its aircraft on Tuesday.") == ("16", "14")
    mayors = "The mayors of 12 cities on Tuesday signed a letter asking the state to restore housing grants."
    eleven = "Eleven mayors on Tuesday signed a letter asking the state to restore housing grants."
    assert _renamed(mayors, eleven) is None  # the mayors of 12 cities: the first counts cities, not mayors
    paintings = "Thieves escaped with 12 paintings from the Orrin Museum early on Monday."
    assert _renamed(paintings, "Thieves took Harbour at Dusk and 11 other works from the museum on Monday.") is None
    assert _renamed("Police arrested two suspects.", "Police said three victims were hurt.") is None  # small counts
    assert _renamed("Crews rescued 40 hikers.", "Crews rescued 70 climbers.") is None  # too far apart to be one


@pytest.mark.models
def test_jobs_cut_and_people_laid_off_are_one_count(models) -> None:  # type: ignore[no-untyped-def]
    found = conflicts(
        models,
        (
            "Harbour Ledger",
            "Dunmore Systems will eliminate about 1,150 jobs and fold its six divisions into three units, the company "
            "told staff on Tuesday.",
        ),
        (
            "Valley Courier",
            "Dunmore Systems is laying off 1,250 people and folding its six divisions into three units, the company "
            "told staff on Tuesday.",
        ),
    )
    assert [sorted(f.text for f in g.facts) for g in found] == [["1,250", "about 1,150"]]


def test_votes_for_and_tallies_named_by_their_chamber_are_read() -> None:
    def votes(text: str) -> set[tuple[str, str, float | None]]:
        return {(q.mention.text, q.unit, q.mention.value) for q in quantities(text) if is_tally(q)}

    assert ("81 votes to 68", FOR, 81.0) in votes("The assembly approved it by 81 votes to 68, after a long debate.")
    assert ("23-15", FOR, 23.0) in votes("The bill had passed the state Senate 23-15 before the veto.")
    assert not votes("It was approved as Ordinance 26-014 on Tuesday.")
    assert votes("Then 79 members of the National Assembly voted to withdraw their confidence.") == {
        ("79 members of the National Assembly voted to", FOR, 79.0)
    }
    assert votes("Sixty-eight lawmakers opposed the motion.") == {("Sixty-eight lawmakers opposed", AGAINST, 68.0)}
    assert not votes("More than 70 members voted for it.")  # a hedged count is no tally


@pytest.mark.models
def test_members_voting_for_and_a_tally_of_other_votes_for_are_a_conflict(models) -> None:  # type: ignore[no-untyped-def]
    found = conflicts(
        models,
        (
            "Harbour Ledger",
            "Prime Minister Aurel Dessen lost power late on Thursday, when 79 members of the National Assembly voted "
            "to withdraw their confidence in his government after a debate lasting nearly seven hours.",
        ),
        (
            "Valley Courier",
            "Prime Minister Aurel Dessen was voted out of office on Thursday after a debate in the National Assembly. "
            "Lawmakers approved the opposition's motion by 81 votes to 68, after the farmers' party left the "
            "coalition.",
        ),
    )
    assert [sorted(f.text for f in g.facts) for g in found] == [["79", "81 votes to 68"]]
