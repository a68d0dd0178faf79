"""Votes for given whatever the total ("by 79 votes to 68" / "by 81 votes to 68", with four absent), by members
said to vote ("79 members of the National Assembly voted to") and tallies named after their chamber ("the state
Senate 23-15"). Invented coverage; the cross-outlet case failed before the rule."""

from __future__ import annotations

import pytest

from coverage_of import conflicts
from storyweave.analysis.atoms import quantities
from storyweave.analysis.tallies import AGAINST, FOR, is_tally


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


def test_members_who_are_a_part_a_party_or_a_hedged_count_give_no_votes_for() -> None:
    def votes(text: str) -> set[tuple[str, str, float | None]]:
        return {(q.mention.text, q.unit, q.mention.value) for q in quantities(text) if is_tally(q)}

    assert not votes("Ten of the 12 trustees voted to fire the president.")  # 12 is the whole, not the votes for
    assert not votes("In the House vote, 15 members voted against their own party.")
    assert not votes("Nine members of the Conservative Party voted against the bill.")  # a party, not the body
    assert not votes("Up to 40 members voted for the measure.")


@pytest.mark.models
def test_a_committees_tally_and_the_chambers_members_voting_for_are_no_conflict(models) -> None:  # type: ignore[no-untyped-def]
    found = conflicts(
        models,
        ("Harbour Ledger", "The finance committee voted 9-4 to send the fuel tax bill to the full Senate."),
        ("Valley Courier", "In the Senate, 27 members voted for the fuel tax bill on Thursday."),
    )
    assert not found
