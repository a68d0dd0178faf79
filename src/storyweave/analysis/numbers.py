"""Numbers as news writes them, normalised: "1,400", "some 250,000", "$2.3 million", "45 per cent",
"three", "a 33-year-old", "early 1990s", "more than 40".
"""

from __future__ import annotations

import re
from dataclasses import dataclass

WORD_NUMBERS = {
    "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
    "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
    "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50,
    "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90, "hundred": 100, "dozen": 12,
}  # fmt: skip
SCALES = {
    "thousand": 1e3, "k": 1e3, "million": 1e6, "m": 1e6, "mn": 1e6, "billion": 1e9, "bn": 1e9, "trillion": 1e12,
}  # fmt: skip
CURRENCIES = {
    "$": "USD", "us$": "USD", "£": "GBP", "€": "EUR", "dollars": "USD", "pounds": "GBP", "euros": "EUR",
}  # fmt: skip
DECADE_PARTS = {"early": (0, 3), "mid": (3, 6), "late": (6, 9), "": (0, 9)}
# hedge -> (low factor, high factor) applied to the value
HEDGES = {
    "about": (0.9, 1.1), "around": (0.9, 1.1), "approximately": (0.9, 1.1), "roughly": (0.9, 1.1),
    "some": (0.9, 1.1), "an estimated": (0.9, 1.1), "estimated": (0.9, 1.1), "close to": (0.9, 1.0),
    "nearly": (0.9, 1.0), "almost": (0.9, 1.0), "just under": (0.9, 1.0), "more than": (1.0, 1.5),
    "over": (1.0, 1.5), "at least": (1.0, 1.5), "upwards of": (1.0, 1.5), "less than": (0.5, 1.0),
    "fewer than": (0.5, 1.0), "under": (0.5, 1.0), "up to": (0.0, 1.0), "as many as": (0.5, 1.0),
    "as much as": (0.5, 1.0), "at most": (0.0, 1.0), "dozens of": (2.0, 8.0), "hundreds of": (2.0, 9.0),
}  # fmt: skip

_HEDGE = "|".join(sorted((re.escape(h) for h in HEDGES), key=len, reverse=True))
_WORDNUM = "|".join(sorted(WORD_NUMBERS, key=len, reverse=True))
NUMBER = re.compile(
    rf"""(?ix)
    (?:(?P<hedge>{_HEDGE})\s+)?
    (?P<currency>US\$|[$£€])?\s?
    (?:
        (?P<decade>(?:early|mid|late)[\s-]+)?(?P<decades>(?:1[89]|20)\d0)s\b
      | (?P<digits>\d{{1,3}}(?:,\d{{3}})+(?:\.\d+)?|\d+(?:\.\d+)?)(?![\d:/])
      | \b(?P<word>{_WORDNUM})\b
    )
    (?:\s?(?P<scale>thousand|million|billion|trillion|bn|mn|m|k)\b)?
    (?:\s?(?P<percent>%|per\s?cent\b|percent\b))?
    (?P<age>-year-old)?
    (?:\s(?P<currency_word>dollars|pounds|euros)\b)?
    """
)
_TIME_AFTER = re.compile(r"\s?(?:a\.?m\.?|p\.?m\.?|GMT|BST|EST|ET|UTC)\b|:\d", re.I)
_MONTHS = re.compile(
    r"\b(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?"
    r"|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?\s*$",
    re.I,
)


@dataclass(frozen=True, slots=True)
class NumberMention:
    start: int
    end: int
    text: str
    value: float | None
    low: float | None
    high: float | None
    approximate: bool
    kind: str  # count | money | percent | age | year | period | quantity
    unit: str


def _value(match: re.Match[str]) -> tuple[float, float] | None:
    """The number and its rounding unit (1 for "212", 100000 for "2.3 million")."""
    if match["digits"]:
        raw = match["digits"].replace(",", "")
        value = float(raw)
        decimals = len(raw.split(".")[1]) if "." in raw else 0
        step = 10.0**-decimals
    elif match["word"]:
        value, step = float(WORD_NUMBERS[match["word"].lower()]), 1.0
    else:
        return None
    scale = SCALES.get((match["scale"] or "").lower(), 1.0)
    return value * scale, step * scale if scale > 1 else step


def _rounding(value: float) -> float:
    """The rounding a round number implies: 100 for 200, 10000 for 250000."""
    unit, whole = 1.0, int(value)
    while whole and whole % 10 == 0 and unit < value:
        whole //= 10
        unit *= 10
    return unit


def _looks_like_year(m: re.Match[str], value: float, step: float) -> bool:
    plain = bool(m["digits"]) and not m["scale"] and "," not in m["digits"]
    return plain and step == 1 and 1800 <= value <= 2100


def _trimmed(m: re.Match[str]) -> tuple[int, int, str]:
    text = m[0]
    lead = len(text) - len(text.lstrip())
    return m.start() + lead, m.end() - (len(text) - len(text.rstrip())), text.strip()


def parse_numbers(text: str, offset: int = 0) -> list[NumberMention]:
    """Every number expression in ``text`` (offsets shifted by ``offset``); times and day numbers left out."""
    found: list[NumberMention] = []
    for m in NUMBER.finditer(text):
        if _TIME_AFTER.match(text, m.end()) or _MONTHS.search(text[max(0, m.start() - 10) : m.start()]):
            continue
        if m["decades"]:
            first = float(m["decades"])
            part = (m["decade"] or "").strip(" -").lower()
            low, high = (first + d for d in DECADE_PARTS.get(part, (0, 9)))
            start, end, written = _trimmed(m)
            found.append(NumberMention(offset + start, offset + end, written, None, low, high, True, "year", "year"))
            continue
        parsed = _value(m)
        if parsed is None:
            continue
        value, step = parsed
        hedge = (m["hedge"] or "").lower()
        currency = CURRENCIES.get((m["currency"] or m["currency_word"] or "").lower())
        if m["percent"]:
            kind, unit = "percent", "%"
        elif currency:
            kind, unit = "money", currency
        elif m["age"]:
            kind, unit = "age", "years"
        elif _looks_like_year(m, value, step):
            kind, unit = "year", "year"
        else:
            kind, unit = "count", ""
        if hedge:
            low_factor, high_factor = HEDGES[hedge]
            low, high = value * low_factor, value * high_factor
            if (low_factor, high_factor) == (0.9, 1.1):  # "some 200" is rounded to the hundred
                low, high = min(low, value - _rounding(value) / 2), max(high, value + _rounding(value) / 2)
        else:
            low, high = value - step / 2, value + step / 2  # "2.3 million" stands for 2.25..2.35 million
        approximate = bool(hedge) or (step > 1 and kind != "year")
        start, end, written = _trimmed(m)
        found.append(NumberMention(offset + start, offset + end, written, value, low, high, approximate, kind, unit))
    return found
