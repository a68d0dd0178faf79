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

from storyweave.analysis.alignment import StoryMatrix
from storyweave.analysis.atoms import Atoms, written_days
from storyweave.analysis.conflicts import SAME_CLAUSE_WORDS, Disagreement, carried, disagreement, one_vote
from storyweave.analysis.dates import WEEKDAY_NAMES
from storyweave.analysis.quantity import Quantity
from storyweave.analysis.tallies import AGAINST


def given_otherwise(
    matrix: StoryMatrix, atoms: list[Atoms], texts: list[tuple[int, str]], flat: int, article: int
) -> Disagreement | None:
    """A tally or a day that sentence ``flat`` gives and ``article`` gives otherwise, if any (``texts``: each
    sentence's start and text). Only the other outlet's sentences that give a tally or a day the sentence's outlet
    does not are read, and only when the sentence gives one the other outlet does not."""
    mine_rows, their_rows = _rows(matrix, int(matrix.owner[flat])), _rows(matrix, article)
    their_quantities = _quantities(atoms, their_rows)
    days_they_give = frozenset().union(*(atoms[r].days for r in their_rows))
    tallies = [q for q in atoms[flat].quantities if _a_tally(q) and not carried(q, their_quantities)]
    if not tallies and not _day_keys(atoms[flat].days) - days_they_give:
        return None  # nothing the other outlet does not give as well
    our_quantities = _quantities(atoms, mine_rows)
    days_we_give = frozenset().union(*(atoms[r].days for r in mine_rows))
    for row in their_rows:
        if not (_day_keys(atoms[row].days) - days_we_give) and not (
            tallies and any(_a_tally(q) and not carried(q, our_quantities) for q in atoms[row].quantities)
        ):
            continue  # gives nothing the sentence's outlet does not give too
        found = disagreement(flat, (row,), atoms, texts)
        if found is None:
            continue
        if found.kind == "date":
            mine, theirs = _days_of_month(found.mine[2]), _days_of_month(found.theirs[2])
            exclusive = not (mine & days_they_give or theirs & days_we_give)
            if mine and theirs and found.shared >= SAME_CLAUSE_WORDS and exclusive:
                return found
            continue
        tally, other = _at(atoms[flat], found.mine[0]), _at(atoms[row], found.theirs[0])
        if tally is None or other is None or not _a_tally(tally) or not one_vote(texts[flat][1], texts[row][1]):
            continue
        if not carried(tally, their_quantities) and not carried(other, our_quantities):
            return found
    return None


def _day_keys(days: frozenset[str]) -> frozenset[str]:
    """The days of a month and weekdays among a sentence's days."""
    return frozenset(d for d in days if " " in d) | (days & WEEKDAY_NAMES)


def _rows(matrix: StoryMatrix, article: int) -> range:
    return range(matrix.offsets[article], matrix.offsets[article] + len(matrix.articles[article].sentences))


def _days_of_month(written: str) -> frozenset[str]:
    """The days of a month or, failing those, the weekdays a written day names ("Nov. 12", "Tuesday evening")."""
    days = written_days(written)
    return frozenset(key for key in days if " " in key) or frozenset(days & WEEKDAY_NAMES)


def _at(atoms: Atoms, start: int) -> Quantity | None:
    return next((q for q in atoms.quantities if q.mention.start == start), None)


def _a_tally(quantity: Quantity) -> bool:
    return quantity.noun == "vote" and (quantity.unit.startswith("of ") or quantity.unit == AGAINST)


def _quantities(atoms: list[Atoms], rows: range) -> list[Quantity]:
    return [q for r in rows for q in atoms[r].quantities]
