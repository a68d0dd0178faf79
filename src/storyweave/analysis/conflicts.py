"""Disagreements between a sentence and another outlet's sentences: a quantity or a day that cannot both hold.

A quantity disagrees with another outlet's when both count the same thing (kind, unit, noun, event)
as the same kind of figure (neither is a forecast the other is not, nor "confirmed and probable"
against "confirmed"), in the same scope (the same period or year), of the same order, and their
ranges do not meet ("212" and "221"; not "about 200" and "212"). An amount or a share names too
little of what it is about to be set against another unless it is the only one of its kind on
either side. A day disagrees when both sentences name the day something happened (not the day it
was said) and the days differ; a month likewise.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, replace
from itertools import pairwise

from storyweave.analysis.alignment import STOP_WORDS
from storyweave.analysis.atoms import LASTING, MAYBE, OFFSET, PART_OF, Atoms, month_days
from storyweave.analysis.dates import MONTH_NAMES, WEEKDAY_NAMES, Dated
from storyweave.analysis.numbers import NumberMention
from storyweave.analysis.quantity import Quantity
from storyweave.analysis.tallies import AGAINST, VOTING_BODIES, is_tally

SAME_ORDER = 2.5  # two reports of one quantity differ by less than this factor; beyond it they count other things


_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]+")
_SUFFIX = re.compile(r"(?:ing|ed|es|s|ion|ions)$")
CONTEXT_WORDS = 4


def _rough_stem(word: str) -> str:
    """A word cut to a rough stem: "filed", "filing" -> "fil"; the verbs of starting one stem ("begin", "began",
    "commenced" -> "start")."""
    lower = word.lower()
    return "start" if lower in _STARTING else _SUFFIX.sub("", lower)[:6]


_STARTING = frozenset("begin begins began begun beginning commence commences commenced commencing".split())


def _content_word(word: str) -> bool:
    return word.lower() not in STOP_WORDS and len(word) > 2


def context_words(text: str, start: int, end: int) -> set[str]:
    """The content words on either side of an expression, cut to a rough stem ("filed", "filing" -> "fil")."""
    before = _WORD.findall(text[:start])[-CONTEXT_WORDS:]
    after = _WORD.findall(text[end:])[:CONTEXT_WORDS]
    return {_rough_stem(w) for w in before + after if _content_word(w)}


_CLAUSE = re.compile(r"(?<!\d),|,(?!\d)|[;:()\"“”]|\s[-–—]+\s")  # not the comma of "4,300"
SAME_CLAUSE_WORDS = 2  # content words two dates' clauses share for the dates to be of one event
WHOLE_CLAUSE = 3  # ... counted as this many when all of one clause's words are in the other's
# a clause that tells of another time of the same kind of event ("killed 30 people again on Monday")
_ANOTHER_TIME = re.compile(r"\b(?:again|(?<!one )another|second|third|renewed|repeated)\b(?![-‑])", re.I)


def _content(text: str, spans: list[tuple[int, int]]) -> set[str]:
    words = [m.group() for first, last in spans for m in _WORD.finditer(text, first, last)]
    return {_rough_stem(w) for w in words if not w[0].isupper() and _content_word(w)}


_SAID_BEFORE = re.compile(r"\b(?:said|says|announced|told|reported|confirmed|added|stated)\s*[,;:]\s*$", re.I)
_SAID = re.compile(r"\b(?:said|says|told|announced|stated|added)\b", re.I)
_PART_OF_A_MONTH = re.compile(r"(?:the\s+)?(?:end|start|beginning|middle)\s+of\s+$", re.I)


_THE_DAY = re.compile(r"\s*the\s+(?:day|date|night|morning|evening|afternoon)\b", re.I)
_OTHER_EVENT = re.compile(
    r"\b(?:after|before|following|ahead of|since|until|in\s+(?:protest|response|memory|the\s+wake|connection))\b",
    re.I,
)  # "riots on December 13 in protest at the killing": the riots' day, not the killing's


def _clause_spans(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Where the clause an expression stands in lies, the expression left out: between commas, brackets, dashes or
    quotation marks, not who said it ("officials said") nor what came after ("after announcing"); the next clause
    too when its own holds nothing else ("On Tuesday, protesters marched") or it tells the day's event ("February
    19, the day the problem was discovered"), and the opening one when neither does ("..., by June 30.")."""
    part = _PART_OF_A_MONTH.search(text, 0, start)
    start = part.start() if part else start  # "the end of September" is all the date
    first = max((m.end() for m in _CLAUSE.finditer(text, 0, start)), default=0)
    said = [m.end() for m in _SAID.finditer(text, first, start)]
    first = said[-1] if said else first  # "County officials said the recount would start": not who said it
    after = _CLAUSE.search(text, end)
    last = after.start() if after else len(text)
    other_event = _OTHER_EVENT.search(text, end, last)  # "on April 17 after announcing the filing": not its day
    spans = [(first, start), (end, other_event.start() if other_event else last)]
    # the next clause when this one holds nothing else, or tells the day's event ("February 19, the day it was
    # discovered")
    if after and (not _content(text, spans) or _THE_DAY.match(text, after.end())):
        following = _CLAUSE.search(text, after.end())
        spans.append((after.end(), following.start() if following else len(text)))
    if first and not _content(text, spans) and not _SAID_BEFORE.search(text, 0, first):
        # "Veltrix will close its office in Halden Park, ..., by June 30.": the sentence's opening clause tells what
        # happens by then (not "..., the company announced, on March 4": when it was said)
        opening = _CLAUSE.search(text)
        spans.append((0, opening.start() if opening else first))
    return spans


def clause_words(text: str, start: int, end: int) -> set[str]:
    """What the clause an expression stands in says happened: its content words but names (two clauses about one
    person may tell two events), cut to a rough stem as ``context_words`` cuts them."""
    return _content(text, _clause_spans(text, start, end))


# acts that undo or end one another, as rough stems: two days of them are two events
OPPOSITE_ACTS = (
    ("clos", "reopen"), ("clos", "open"), ("shut", "reopen"), ("start", "end"),
    ("arriv", "left"), ("arriv", "depart"), ("suspend", "resum"), ("halt", "resum"), ("stopp", "resum"),
)  # fmt: skip


def _same_event_words(
    mine: tuple[int, int, str], theirs: tuple[int, int, str], texts: tuple[tuple[int, str], ...]
) -> int:
    """How surely two days are the days of one event: the content words their clauses share ("in April wrote a
    letter to Kirill" / "wrote a letter to Kirill in May": 4), or 1 when only a word next to each is the same,
    0 when neither or when a clause tells of another time ("again", "a second")."""
    (start_a, text_a), (start_b, text_b) = texts
    spans_a = _clause_spans(text_a, mine[0] - start_a, mine[1] - start_a)
    spans_b = _clause_spans(text_b, theirs[0] - start_b, theirs[1] - start_b)
    if any(_ANOTHER_TIME.search(text[i:j]) for text, spans in ((text_a, spans_a), (text_b, spans_b)) for i, j in spans):
        return 0
    words_a, words_b = _content(text_a, spans_a), _content(text_b, spans_b)
    if any((x in words_a and y in words_b) or (y in words_a and x in words_b) for x, y in OPPOSITE_ACTS):
        return 0  # "would keep the branch closed on Friday" / "would reopen on Monday": two acts, two days
    shared = len(words_a & words_b)
    if shared >= SAME_CLAUSE_WORDS:
        # one clause says nothing the other does not ("the recount would start on Wednesday" / "the recount will
        # begin on Monday at the county warehouse"): as sure as three words shared
        return max(shared, WHOLE_CLAUSE) if words_a <= words_b or words_b <= words_a else shared
    context_a = context_words(text_a, mine[0] - start_a, mine[1] - start_a)
    context_b = context_words(text_b, theirs[0] - start_b, theirs[1] - start_b)
    return 1 if context_a & context_b else 0


_CLAUSE_END = re.compile(r"[,;:.()\"“”]")
_PASSIVE = re.compile(r"\b(?:were|was|are|is|have been|had been|has been)\s+(?:\w+ly\s+)?([a-z]{3,})\b")


def _predicate(text: str, end: int) -> set[str]:
    """What is said to have happened to a counted thing: the verb after "were" / "was" in its clause
    ("five boats were seen approaching" -> {"seen"}); empty when the clause says nothing of the kind."""
    clause = _CLAUSE_END.split(text[end:], maxsplit=1)[0]
    found = _PASSIVE.search(clause)
    return {_rough_stem(found.group(1))} if found else set()


def _done_alike(mine: tuple[int, int, str], theirs: tuple[int, int, str], texts: tuple[tuple[int, str], ...]) -> bool:
    """Two counts of one noun are of the same thing unless what is said of them differs ("seen" / "captured"), or
    they stand after different prepositions ("13 points from 15 games" / "winless in nine league games")."""
    (start_a, text_a), (start_b, text_b) = texts
    before_a = _PREPOSITION_BEFORE.search(text_a[max(0, mine[0] - start_a - 20) : mine[0] - start_a])
    before_b = _PREPOSITION_BEFORE.search(text_b[max(0, theirs[0] - start_b - 20) : theirs[0] - start_b])
    if before_a and before_b and before_a.group(1).lower() != before_b.group(1).lower():
        return False
    said_a, said_b = _predicate(text_a, mine[1] - start_a), _predicate(text_b, theirs[1] - start_b)
    return not said_a or not said_b or bool(said_a & said_b)


# prepositions that set a count in a circumstance ("in nine games", "from 15 games"); not "a gain of", "called for"
_PREPOSITION_BEFORE = re.compile(r"\b(in|from|over|after|before|during|since|at|on|within)\s+$", re.I)


@dataclass(frozen=True, slots=True)
class Disagreement:
    """What a sentence and another outlet's sentence give differently, with where each says it."""

    kind: str  # "quantity" | "amount" (money, a share or an age: said of little more) | "date"; "speaker" (of a
    # quotation) and "agent" (of an act) when two people are credited with one thing
    mine: tuple[int, int, str]  # (start, end, as written) in the sentence's article
    row: int  # the other outlet's sentence (flat index) that says otherwise
    theirs: tuple[int, int, str]  # (start, end, as written) in the other outlet's article
    shared: int = 0  # for a date: the content words the two clauses share (1: only a word next to each)


def _same_order(a: Quantity, b: Quantity) -> bool:
    x, y = a.mention.value, b.mention.value
    if x is None or y is None or min(x, y) <= 0:
        return x == y
    return max(x, y) / min(x, y) <= SAME_ORDER


GENERIC = {"people", "person", "other", "men", "women", "adult", "resident", "member"}


def _at_other_times(atoms: Atoms, theirs: list[Atoms]) -> bool:
    """The two sentences are dated and their dates do not meet: figures "through July" and "as of November"
    count at different times, as do "by Monday morning" and "on Monday evening"."""
    their_parts = frozenset().union(*(t.day_parts for t in theirs))
    if atoms.day_parts and their_parts and not atoms.day_parts & their_parts:
        return True
    mine = [(d[0], d[1]) for d in atoms.dates]
    given = [(d[0], d[1]) for t in theirs for d in t.dates]
    if mine and given:
        return not any(a <= y and x <= b for a, b in mine for x, y in given)
    months, their_months = atoms.days & MONTH_NAMES, frozenset().union(*(t.days for t in theirs)) & MONTH_NAMES
    return bool(months and their_months and not months & their_months)


def _periods(atoms: list[Atoms], of_earlier: bool = False) -> set[tuple[str, float | None]]:
    """The periods and years a sentence's quantities are stated for ("over three years", "in 2014"); not those
    after a figure a change started from ("from $31.2 million in the fourth quarter of 2024"), which are the
    earlier figure's, unless ``of_earlier``: then those alone."""
    found = set()
    for a in atoms:
        earlier = min((q.mention.start for q in a.quantities if q.scope == "earlier"), default=None)
        for q in a.quantities:
            if _span(q) and of_earlier == (earlier is not None and q.mention.start > earlier):
                found.add((q.unit, q.mention.value))
    return found


def _span(quantity: Quantity) -> bool:
    """A year or a period figures are stated for ("in 2014", "over three years"), not how long a thing lasts."""
    return quantity.kind == "year" or (
        quantity.kind == "period" and quantity.unit != LASTING and not quantity.unit.endswith(OFFSET)
    )


LISTED = 3  # a sentence giving this many amounts of one kind lists them (rates by stage, costs by item)


def differing(quantity: Quantity, given: list[Quantity], listed: bool = False) -> Quantity | None:
    """The other quantity that counts the same thing with a value that cannot also be true (when none fits).
    ``listed``: a sentence lists several amounts of its kind, so what each is of is not read from its words."""
    if _span(quantity):
        return None  # a span figures are stated over ("over six years"), not how long a named thing lasts
    if not (quantity.noun or quantity.kind in {"money", "percent"}):
        return None
    if quantity.measure and not listed:
        # an amount of a thing named plainly on both sides ("a 38 percent premium" / "a 34% premium")
        alike = [q for q in given if (q.kind, q.measure, q.scope) == (quantity.kind, quantity.measure, quantity.scope)]
        if alike:
            return (
                None
                if any(quantity.meets(q) for q in alike)
                else next((q for q in alike if _same_order(quantity, q)), None)
            )
        # amounts of other things named plainly ("net income" / "operating income") are never set against it
        given = [q for q in given if not q.measure]
    if not quantity.noun and sum(q.kind == quantity.kind for q in given) != 1:
        return None
    same = [q for q in given if q.key == quantity.key and q.event == quantity.event and q.scope == quantity.scope]
    if not same or any(quantity.meets(q) for q in same):
        return None
    if quantity.unit == AGAINST:
        return same[0]  # none against and one against are not of two sizes of one thing: they cannot both hold
    return next((q for q in same if _same_order(quantity, q)), None)


def carried(quantity: Quantity, given: list[Quantity]) -> bool:
    """Another sentence states this quantity: a value that fits, of the same kind, counting the same thing."""
    return any(
        q.kind == quantity.kind and quantity.meets(q) and (not q.noun or not quantity.noun or q.noun == quantity.noun)
        for q in given
    )


def vaguer(quantity: Quantity, given: list[Quantity]) -> bool:
    """Another sentence gives this quantity only less precisely: "about $1.4 billion" for "$1.42 billion", "7
    percent" for "7.2%" (a less specific version reports part of it; the exact figure reports the round one)."""
    fitting = [q for q in given if carried(quantity, [q])]
    return bool(fitting) and all(_less_precise(q.mention, quantity.mention) for q in fitting)


def _less_precise(a: NumberMention, b: NumberMention) -> bool:
    """``a`` rounds ``b``: another value, written to fewer digits (not "about 300" for "300": a hedge)."""
    if a.low is None or a.high is None or b.low is None or b.high is None or a.value is None or b.value is None:
        return False
    if math.isclose(a.value, b.value, rel_tol=1e-3):  # "two years" and "24 months", in days
        return False
    return (a.high - a.low) > 1.5 * (b.high - b.low)


def _written(text: str, start: int, word: str) -> tuple[int, int, str]:
    at = text.lower().find(word.lower())
    if at >= 0:
        return start + at, start + at + len(word), text[at : at + len(word)]
    spans = [(first, last) for key, first, last in month_days(text) if key == word]  # "mar 4": "March 4"
    return (
        (start + spans[0][0], start + spans[0][1], text[spans[0][0] : spans[0][1]]) if spans else (start, start, word)
    )


def _alike(a: Quantity, b: Quantity, part: bool = False) -> bool:
    """Two quantities of one thing: its kind, noun and what happened to it; ``part``: ``a`` may be a part of the
    whole ``b`` counts ("178 of 369 punches")."""
    if part and a.event == PART_OF and (a.kind, a.noun) == (b.kind, b.noun):
        return True
    return (a.kind, a.noun, a.event) == (b.kind, b.noun, b.event)


def _lists(atoms: Atoms, kind: str) -> bool:
    return sum(q.kind == kind for q in atoms.quantities) >= LISTED


_EARLIER_VOTE = re.compile(
    r"\bhad\s+(?:\w+\s+)?(?:voted|approved|passed|ruled|rejected|backed)\b|\blast\s+(?:year|month|week)\b|"
    r"\bearlier\b|\bpreviously\b|\bin\s+(?:19|20)\d\d\b",
    re.I,
)


def _one_vote(mine: str, theirs: str) -> bool:
    """Two sentences' tallies may be of one vote: neither tells of an earlier one ("the committee had unanimously
    approved the bill in March", "Last year the justices ruled 5-4"), and the bodies they name, if both name one,
    are the same ("The Senate voted 21-17" / "the committee voted 9-0")."""
    if _EARLIER_VOTE.search(mine) or _EARLIER_VOTE.search(theirs):
        return False
    bodies = [{w for w in re.findall(r"[a-z]+", text.lower()) if w in VOTING_BODIES} for text in (mine, theirs)]
    return not (bodies[0] and bodies[1]) or bool(bodies[0] & bodies[1])


def _quantities(
    flat: int, atoms: Atoms, rows: tuple[int, ...], all_atoms: list[Atoms], texts: list[tuple[int, str]]
) -> Disagreement | None:
    theirs = [all_atoms[r] for r in rows]
    earlier, their_earlier = _periods([atoms], of_earlier=True), _periods(theirs, of_earlier=True)
    # figures for other periods, or changes from other periods ("from $31.2 million in 2024" / "in 2023")
    over_other_periods = bool(_periods([atoms]) ^ _periods(theirs)) or bool(
        earlier and their_earlier and earlier != their_earlier
    )
    # "through July" and "as of November": counts at two times (not one named person's age: "Wade Tarrant, 36, was
    # taken into custody on Saturday" / "deputies arrested Wade Tarrant, 34, on Friday evening")
    other_times = _at_other_times(atoms, theirs)
    for quantity in atoms.quantities:
        if other_times and not (quantity.kind == "age" and quantity.owner):
            continue
        if over_other_periods and quantity.kind != "age" and not is_tally(quantity):
            continue  # figures for three years and for six; a person's age is not one, nor a vote's tally
        if quantity.noun in GENERIC and not quantity.event:
            continue  # "two people" and "four people" are different people unless both say what happened to them
        listed = _lists(atoms, quantity.kind)
        if differing(quantity, [q for a in theirs for q in a.quantities], listed) is None:
            continue
        for row in rows:
            if quantity.noun == "vote" and not _one_vote(texts[flat][1], texts[row][1]):
                continue  # another body's vote, or an earlier one
            row_listed = listed or _lists(all_atoms[row], quantity.kind)
            other = differing(quantity, list(all_atoms[row].quantities), row_listed)
            if other is None or any(
                q is not quantity and _alike(q, other, part=True) and q.meets(other) for q in atoms.quantities
            ):
                continue  # none given, or one the sentence gives too, for another of its figures ("sought 24 percent,
                # the offer was 14 percent" / "the 14 percent they offered"; "landing 178 of 369 punches" / "landed
                # 178 punches")
            mine, their = quantity.mention, other.mention
            # a vote's tally names little of which vote it is (a night may hold two): a sure citation, as amounts
            named = quantity.noun and quantity.kind in {"count", "period"} and quantity.noun != "vote"
            kind = "quantity" if named or (quantity.measure and quantity.measure == other.measure) else "amount"
            found = Disagreement(kind, (mine.start, mine.end, mine.text), row, (their.start, their.end, their.text))
            if quantity.kind == "age" and quantity.owner and quantity.owner == other.owner:
                # "Lorna Petrakis, 52" / "Lorna Petrakis, 57": one woman's age, named as fully as a counted noun
                found = replace(found, kind="quantity")
            if quantity.event or _done_alike(found.mine, found.theirs, (texts[flat], texts[row])):
                return found
    return None


def _dates(
    flat: int, atoms: Atoms, rows: tuple[int, ...], all_atoms: list[Atoms], texts: list[tuple[int, str]]
) -> Disagreement | None:
    for precision in ("day", "month"):
        mine = [d for d in atoms.dates if d[2] == precision]
        given = [(r, d) for r in rows for d in all_atoms[r].dates if d[2] == precision]
        started = _started_otherwise(flat, mine, given, texts)
        if started is not None:
            return started
        if mine and given:
            if any(m[0] <= d[1] and d[0] <= m[1] for m in mine for _, d in given):
                return None
            return _first_alike(flat, [(m[3], r, d[3]) for m in mine for r, d in given], texts)
    mine_days = {key for key in atoms.days if " " in key}  # days of a month the calendar could not place
    given_days_of_month = sorted((r, key) for r in rows for key in all_atoms[r].days if " " in key)
    if mine_days and given_days_of_month:
        if mine_days & {key for _, key in given_days_of_month}:
            return None
        return _first_alike(flat, [(k, r, g) for k in sorted(mine_days) for r, g in given_days_of_month], texts)
    for kind in (WEEKDAY_NAMES, MONTH_NAMES):
        written = atoms.days & kind
        given_days = sorted((r, d) for r in rows for d in all_atoms[r].days & kind)
        meant = written | _maybe(atoms.days)  # "the end of March" meets "April 1"
        given_meant = {d for _, d in given_days} | {d for r in rows for d in _maybe(all_atoms[r].days)}
        if written and given_days and not meant & given_meant:
            return _first_alike(flat, [(w, r, d) for w in sorted(written) for r, d in given_days], texts)
    return None


_OPENS = re.compile(r"\b(?:from|between|since)\s+$", re.I)
_CLOSES = re.compile(r"^\s+(?:and|to|until|till|through|thru|-|–)\s+$", re.I)


def _span_of_dates(flat: int, dates: list[Dated], texts: list[tuple[int, str]]) -> tuple[Dated, Dated] | None:
    """The dates a sentence's span of dates starts from and ends at ("from March 2021 until June 2024"), if it
    gives one."""
    text = texts[flat][1]
    for first, then in pairwise(sorted(dates, key=lambda d: d[4])):
        end = first[4] + len(first[3])
        if _OPENS.search(text, 0, first[4]) and _CLOSES.match(text[end : then[4]]):
            return first, then
    return None


def _started_otherwise(
    flat: int, mine: list[Dated], given: list[tuple[int, Dated]], texts: list[tuple[int, str]]
) -> Disagreement | None:
    """Two spans of dates that start differently ("from March 2021 until June 2024" / "between January 2021 and June
    2024"); as sure as a whole clause's words shared when they end alike (one span)."""
    span = _span_of_dates(flat, mine, texts)
    if span is None:
        return None
    for row in sorted({r for r, _ in given}):
        other = _span_of_dates(row, [d for r, d in given if r == row], texts)
        if other is None or _meet(span[0], other[0]):
            continue
        found = _first_alike(flat, [(span[0][3], row, other[0][3])], texts)
        if found is not None:
            return replace(found, shared=max(found.shared, WHOLE_CLAUSE)) if _meet(span[1], other[1]) else found
    return None


def _meet(a: Dated, b: Dated) -> bool:
    return a[0] <= b[1] and b[0] <= a[1]


def _maybe(days: frozenset[str]) -> set[str]:
    return {d.removeprefix(MAYBE) for d in days if d.startswith(MAYBE)}


_RUNNING = re.compile(r"\b(?:through|as of)\s+$", re.I)
_STATE = re.compile(r"\b(?:remain(?:s|ed)?|stay(?:s|ed)?|still)\b", re.I)
_POSSESSIVE = re.compile(r"['’]s\b")
_OWNED_AFTER = re.compile(r"\b(?:after|before|since|following|from|at|in|of|during)\s+$", re.I)


def _not_an_events_day(where: tuple[int, int, str], sentence: tuple[int, str]) -> bool:
    """A day that dates no event to set against another's: when a running count or a state stood ("Through July, 32
    cases", "as of August", "By Tuesday evening, two remained"; the counts' own times still keep them apart), or a
    day owning a noun after a preposition
    ("after Saturday's defeat": the defeat's day, not the sacking's; "Saturday's earthquake killed" keeps it)."""
    start, text = sentence
    first, last = where[0] - start, where[1] - start
    written = where[2].lower()
    clause = _CLAUSE_END.split(text[:first])[-1] + " " + _CLAUSE_END.split(text[last:])[0]
    return bool(
        _RUNNING.search(text[max(0, first - 12) : first])
        or written.startswith(("through ", "as of "))
        or _STATE.search(clause)  # "By Tuesday evening, two remained under observation": how things stood then
        or (
            _POSSESSIVE.match(text, last) is not None
            and _OWNED_AFTER.search(text[max(0, first - 12) : first]) is not None
        )
    )


def _day_words(written: str) -> set[str]:
    return {w for w in written.lower().split() if w in WEEKDAY_NAMES or w in MONTH_NAMES}


_YEAR = re.compile(r"\b(?:19|20)\d\d\b")


def _named_alike(mine: str, theirs: str) -> bool:
    """The outlets name one day or month, and only the calendar read them apart: "early Wednesday" /
    "Wednesday", "January 2021" / "in January" (a year written on one side only)."""
    return (
        bool(_day_words(mine) & _day_words(theirs))
        and not any(c.isdigit() for c in _YEAR.sub("", mine) + _YEAR.sub("", theirs))
        and not (_YEAR.search(mine) and _YEAR.search(theirs))
    )


def _first_alike(flat: int, pairs: list[tuple[str, int, str]], texts: list[tuple[int, str]]) -> Disagreement | None:
    """The first two differing days, as written, that stand by the same words (the same event)."""
    start, text = texts[flat]
    # a day either names alike with one of the other's ("January 2021" / "in January") is accounted for: it is not
    # set against the other's other days ("in January" against "June 2024")
    alike = [(mine, theirs) for mine, _, theirs in pairs if _named_alike(mine, theirs)]
    for mine, row, theirs in pairs:
        if any(mine == m or theirs == t for m, t in alike):
            continue
        found = Disagreement("date", _written(text, start, mine), row, _written(texts[row][1], texts[row][0], theirs))
        if _not_an_events_day(found.mine, texts[flat]) or _not_an_events_day(found.theirs, texts[row]):
            continue
        shared = _same_event_words(found.mine, found.theirs, (texts[flat], texts[row]))
        if shared:
            return replace(found, shared=shared)
    return None


def disagreement(
    flat: int, rows: tuple[int, ...], all_atoms: list[Atoms], texts: list[tuple[int, str]]
) -> Disagreement | None:
    """What sentence ``flat`` and the other outlet's sentences ``rows`` give differently, if anything.

    ``texts`` holds each flat sentence's start offset and text.
    """
    atoms = all_atoms[flat]
    found = _quantities(flat, atoms, rows, all_atoms, texts) if atoms.quantities else None
    if found is None and (atoms.dates or atoms.days):
        found = _dates(flat, atoms, rows, all_atoms, texts)
    if found is None and atoms.times:
        found = _times(flat, atoms, rows, all_atoms, texts)
    return found


def _times(
    flat: int, atoms: Atoms, rows: tuple[int, ...], all_atoms: list[Atoms], texts: list[tuple[int, str]]
) -> Disagreement | None:
    """Two times of day that cannot both hold ("about 6:40 a.m." / "shortly before 7:40 a.m."), said of one event
    (their clauses share its words), when the two sentences do not give any time alike."""
    given = [(row, t) for row in rows for t in all_atoms[row].times]
    if not given or any(mine.meets(t) for mine in atoms.times for _, t in given):
        return None
    for mine in atoms.times:
        for row, theirs in given:
            found = Disagreement(
                "time", (mine.start, mine.end, mine.written), row, (theirs.start, theirs.end, theirs.written)
            )
            shared = _same_event_words(found.mine, found.theirs, (texts[flat], texts[row]))
            if shared >= SAME_CLAUSE_WORDS:
                return replace(found, shared=shared)
    return None
