"""A value an outlet gives otherwise in another of its sentences than the ones that report the rest.

"Riders will pay $2.75 from June 1, after the council voted 7-2" is supported by one outlet's "The council voted
late Tuesday to raise the base fare to $2.75", while its next sentences say "The council passed the measure 6-3"
and "The base fare will go to $2.75 on July 1". The candidates the support decision weighs are the sentences most
like the whole sentence, so a value the outlet states apart is never set against it. Two kinds of value name
their event well enough to be compared across any two sentences of the two outlets:

- a vote's tally ("7-2" / "6-3", "unanimously" / "by two votes to one"): a story's vote is one;
- a day of a month or a weekday ("June 30" / "May 31", "Tuesday evening" / "Wednesday evening"), whose two
  clauses share at least two content words ("the contract expired", "the leak began").

Each only when the two outlets give the values exclusively: neither states the other's anywhere (a story of two
votes or two deadlines gives both in one outlet at least); a tally only when neither sentence tells of an earlier
vote and the bodies they name, if both name one, are the same.
"""

from __future__ import annotations

from dataclasses import dataclass

from storyweave.analysis.alignment import StoryMatrix
from storyweave.analysis.atoms import Atoms, written_days
from storyweave.analysis.conflicts import SAME_CLAUSE_WORDS, Disagreement, carried, disagreement
from storyweave.analysis.dates import WEEKDAY_NAMES
from storyweave.analysis.quantity import Quantity
from storyweave.analysis.tallies import is_tally


@dataclass(frozen=True, slots=True)
class _Given:
    """What one article gives anywhere: its sentences, their quantities and their days."""

    rows: range
    quantities: list[Quantity]
    days: frozenset[str]


class Elsewhere:
    """A story's articles read once, for the values each gives in any of its sentences."""

    def __init__(self, matrix: StoryMatrix, atoms: list[Atoms], texts: list[tuple[int, str]]) -> None:
        self.atoms, self.texts, self.owner = atoms, texts, matrix.owner
        self.given = []
        for article in range(len(matrix.articles)):
            rows = range(matrix.offsets[article], matrix.offsets[article] + len(matrix.articles[article].sentences))
            quantities = [q for r in rows for q in atoms[r].quantities]
            self.given.append(_Given(rows, quantities, frozenset().union(*(atoms[r].days for r in rows))))

    def given_otherwise(self, flat: int, article: int) -> Disagreement | None:
        """A tally or a day that sentence ``flat`` gives and ``article`` gives otherwise, if any. Only the other
        outlet's sentences that give a tally or a day the sentence's outlet does not are read, and only when the
        sentence gives one the other outlet does not."""
        atoms, ours, theirs = self.atoms, self.given[int(self.owner[flat])], self.given[article]
        tallies = [q for q in atoms[flat].quantities if is_tally(q) and not carried(q, theirs.quantities)]
        if not tallies and not _day_keys(atoms[flat].days) - theirs.days:
            return None  # nothing the other outlet does not give as well
        for row in theirs.rows:
            if not (_day_keys(atoms[row].days) - ours.days) and not (
                tallies and any(is_tally(q) and not carried(q, ours.quantities) for q in atoms[row].quantities)
            ):
                continue  # gives nothing the sentence's outlet does not give too
            found = disagreement(flat, (row,), atoms, self.texts)  # tallies of other votes are left out there
            if found is None:
                continue
            if found.kind == "date":
                mine, their_days = _days_of_month(found.mine[2]), _days_of_month(found.theirs[2])
                exclusive = not (mine & theirs.days or their_days & ours.days)
                if mine and their_days and found.shared >= SAME_CLAUSE_WORDS and exclusive:
                    return found
                continue
            tally, other = _at(atoms[flat], found.mine[0]), _at(atoms[row], found.theirs[0])
            if tally is None or other is None:
                continue
            if not carried(tally, theirs.quantities) and not carried(other, ours.quantities):
                return found
        return None


def _day_keys(days: frozenset[str]) -> frozenset[str]:
    """The days of a month and weekdays among a sentence's days."""
    return frozenset(d for d in days if " " in d) | (days & WEEKDAY_NAMES)


def _days_of_month(written: str) -> frozenset[str]:
    """The days of a month or, failing those, the weekdays a written day names ("Nov. 12", "Tuesday evening")."""
    days = written_days(written)
    return frozenset(key for key in days if " " in key) or frozenset(days & WEEKDAY_NAMES)


def _at(atoms: Atoms, start: int) -> Quantity | None:
    """The tally that starts at ``start``, if one does (a count may start there too: "79 members ... voted")."""
    return next((q for q in atoms.quantities if q.mention.start == start and is_tally(q)), None)
