"""Votes as quantities: "voted 7-2", "a 4-3 ruling", "by two votes to one", "unanimously overturned", "Seven of the
nine members backed", "79 members of the National Assembly voted to". A tally is three quantities: the votes for,
out of all cast ("of 9"), the votes against (``AGAINST``) and the votes for whatever the total (``FOR``), so that
"7-2" meets neither "6-3" nor "unanimously", and "by 79 votes to 68" does not meet "by 81 votes to 68"."""

from __future__ import annotations

import re
from dataclasses import replace

from storyweave.analysis.numbers import WORD_NUMBERS, NumberMention, parse_numbers
from storyweave.analysis.quantity import Quantity

# a vote's tally, majority first: "voted 7-2", "a 4-3 ruling", "The vote was 8-3", "passed the measure 6-3"
_TALLY = re.compile(r"(?<![\w.$/-])(\d{1,3})[-–](\d{1,3})(?![\w%/-]|[.,]\d)")
_VOTE_WORD = r"vot\w*|ballot\w*|rul(?:ed|ing)|decision|verdict|passed|approv\w*|reject\w*|adopt\w*"
_VOTE_WORDS = re.compile(rf"\b(?:{_VOTE_WORD}|majority)\b", re.I)


_NUMBERED = re.compile(r"(?:\b(?P<word>[A-Z][\w.]*)|\bNo\.|#)\s*$")
VOTING_BODIES = frozenset(  # who votes: "the Senate 23-15" is a tally, "Ordinance 26-014" a name
    "council committee senate house assembly parliament court justices judges jury panel tribunal board commission "
    "regents trustees members shareholders union".split()
)


AGAINST = "against"  # the unit of the votes against in a tally ("7-2": 2; "unanimously": 0)
FOR = "for"  # the unit of the votes for, whatever the total ("by 79 votes to 68": 79, with four absent elsewhere)
_WORD_TALLY = re.compile(
    r"(?<![\d,.])\b(?P<for>[a-z]+|\d{1,3})\s+votes?\s+to\s+(?P<against>[a-z]+|\d{1,3})\b(?!\d|,\d)", re.I
)  # "by two votes to one", not "2,300 votes to 1,100"
_UNANIMOUS = re.compile(r"\bunanimous(?:ly)?\b", re.I)
# what a body does by a vote, near "unanimously" ("unanimously overturned the ban"; not "unanimously expected")
_VOTED = re.compile(
    rf"\b(?:{_VOTE_WORD}|overturn\w*|uph[eo]ld\w*|elect\w*|endorse\w*|confirm\w*|backed|acquit\w*|convict\w*)\b",
    re.I,
)
_VOTE_NUMBERS = {"one": 1}  # "two votes to one": not a count elsewhere ("one of the victims")


def is_tally(quantity: Quantity) -> bool:
    """A vote's tally or a part of one (the votes for of all cast, against, for), not a count of votes."""
    return quantity.noun == "vote" and (quantity.unit.startswith("of ") or quantity.unit in {AGAINST, FOR})


def _tally(written: str, votes_for: int, against: int, start: int, end: int) -> list[Quantity]:
    """A tally as three quantities: the votes for out of all cast, the votes against, and the votes for alone."""
    unit, value = f"of {votes_for + against}", float(votes_for)
    mention = NumberMention(start, end, written, value, value - 0.5, value + 0.5, False, "count", unit)
    opposed = NumberMention(start, end, written, float(against), against - 0.5, against + 0.5, False, "count", AGAINST)
    backing = replace(mention, unit=FOR)
    return [
        Quantity(mention, "count", unit, "vote", ""),
        Quantity(opposed, "count", AGAINST, "vote", ""),
        Quantity(backing, "count", FOR, "vote", ""),
    ]


# members said to vote, counted: "79 members of the National Assembly voted to", "Sixty-eight lawmakers opposed" (the
# motion); not a partitive's whole ("Ten of the 12 trustees voted"), members of a party ("of the Conservative
# Party"), nor a vote against one's party ("voted against their own party")
_MEMBERS_VOTED = re.compile(
    r"(?<!\bof\s)(?<!\bof\sthe\s)(?<!\bof\sits\s)(?<!\bof\stheir\s)"
    r"\b(?P<count>\d{1,3}|[A-Za-z]+(?:-[a-z]+)?)\s+(?:members|lawmakers|legislators|senators|deputies|MPs|"
    r"councillors|councilors|delegates|representatives|regents|trustees|commissioners)\b"
    r"(?:\s+of\s+the(?P<body>(?:\s+[A-Z]\w+)+))?"
    r"\s+(?:vot(?:ed|ing)\s+(?:to\b|for\b|in\s+favou?r\b|(?P<against>against\b(?!\s+(?:their|his|her|its)\b)|no\b))"
    r"|(?P<opposed>opposed\b))",
)


def tallies(text: str, offset: int) -> list[Quantity]:
    """The tallies of votes in a sentence, as quantities: the votes for, out of all cast ("7-2" and "6-3" are two
    tallies of one nine-member vote that cannot both hold; "7-2" and "5-4" may be two bodies)."""
    found = []
    for match in _TALLY.finditer(text):
        votes_for, against = int(match[1]), int(match[2])
        near = text[max(0, match.start() - 40) : match.end() + 20]
        if votes_for < against or votes_for + against < 3 or match[2].startswith("0") or not _VOTE_WORDS.search(near):
            continue
        numbered = _NUMBERED.search(text[max(0, match.start() - 20) : match.start()])
        if numbered and (numbered["word"] or "").lower() not in VOTING_BODIES:
            continue  # "approved as Ordinance 26-014", "Resolution 12-3": a name, not a tally
        found += _tally(match[0], votes_for, against, offset + match.start(), offset + match.end())
    for match in _WORD_TALLY.finditer(text):  # "ruled by two votes to one"
        backing, opposed = _vote_value(match["for"]), _vote_value(match["against"])
        if backing is not None and opposed is not None and backing > opposed:
            found += _tally(match[0], backing, opposed, offset + match.start(), offset + match.end())
    for match in _UNANIMOUS.finditer(text):  # "unanimously overturned": none against, however many voted
        if _VOTED.search(text[max(0, match.start() - 40) : match.end() + 40]):
            where = (offset + match.start(), offset + match.end())
            mention = NumberMention(*where, match[0], 0.0, -0.5, 0.5, False, "count", AGAINST)
            found.append(Quantity(mention, "count", AGAINST, "vote", ""))
    for match in _MEMBERS_VOTED.finditer(text):  # "79 members of the National Assembly voted to withdraw ..."
        count = _word_value(match["count"])
        body = (match["body"] or "").lower().split()
        if _hedged(text, match.start()) or (body and not set(body) & VOTING_BODIES):
            continue
        if count is not None and count > 1:
            unit = AGAINST if match["against"] or match["opposed"] else FOR
            where = (offset + match.start(), offset + match.end())
            mention = NumberMention(*where, match[0], float(count), count - 0.5, count + 0.5, False, "count", unit)
            found.append(Quantity(mention, "count", unit, "vote", ""))
    for match in _MEMBERS_FOR.finditer(text):  # "Seven of the nine members ... backed lowering the rate"
        backing, members = _word_value(match["for"]), _word_value(match["all"])
        if backing is None or members is None or not members / 2 < backing <= members:
            continue
        unit, where = f"of {members}", (offset + match.start("for"), offset + match.end("all"))
        written, value = match[0][: match.end("all") - match.start()], float(backing)
        mention = NumberMention(*where, written, value, value - 0.5, value + 0.5, False, "count", unit)
        found.append(Quantity(mention, "count", unit, "vote", ""))
    return found


_MEMBERS_FOR = re.compile(
    r"\b(?P<for>\w+)\s+of\s+(?:the|its|their)\s+(?P<all>\w+)\s+(?:\w+\s+){0,2}?(?:members|judges|justices|"
    r"commissioners|councillors|councilors|regents|trustees|directors)\b[^.;]{0,80}?\b(?:backed|supported|"
    r"voted\s+(?:for|in\s+favou?r)|favou?red|approved)\b",
    re.I,
)


def _hedged(text: str, at: int) -> bool:
    """The number written at ``at`` follows a hedge ("up to 40 members", "about 70"), as the numbers are read."""
    return any(m.approximate and m.start <= at < m.end for m in parse_numbers(text))


def _vote_value(word: str) -> int | None:
    return _VOTE_NUMBERS.get(word.lower()) or _word_value(word)


def _word_value(word: str) -> int | None:
    """A whole number written in digits or words ("9", "nine")."""
    if word.isdigit():
        return int(word)
    value = WORD_NUMBERS.get(word.lower())
    return int(value) if value is not None else None
