"""Numbers as news writes them, normalised: "1,400", "some 250,000", "$2.3 million", "45 per cent",
"three", "a 33-year-old", "early 1990s", "more than 40", "20-30", "half a million".

Numbers that are part of a name, a code or an address are not quantities and are left out:
"COVID-19", "G7", "9/11-style", "H.B. 12", "Route 9", "No. 10", "Boeing 737", "6600 Richmond
Highway", a phone number, a score ("won 3-2"), an ordinal ("21st"), a day of a month ("15 March").
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
_UNITS = ("one", "two", "three", "four", "five", "six", "seven", "eight", "nine")
WORD_NUMBERS |= {  # "Thirty-one students": 31, not 30
    f"{tens}-{unit}": WORD_NUMBERS[tens] + n
    for tens in ("twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety")
    for n, unit in enumerate(_UNITS, start=1)
}
SCALES = {
    "thousand": 1e3, "k": 1e3, "million": 1e6, "m": 1e6, "mn": 1e6, "billion": 1e9, "bn": 1e9, "trillion": 1e12,
}  # fmt: skip
CURRENCIES = {
    "$": "USD", "us$": "USD", "£": "GBP", "€": "EUR", "dollars": "USD", "pounds": "GBP", "euros": "EUR",
}  # fmt: skip
DECADE_PARTS = {"early": (0, 3), "mid": (3, 6), "late": (6, 9), "": (0, 9)}
# hedge -> (low factor, high factor) applied to the value
ROUNDED = (0.95, 1.05)  # "about", "some": the figure is rounded, and stands for what rounds to it as well
# "about 212,000": a hedge on a figure written to three or more significant digits stays close to it (not 221,000)
ROUNDED_PRECISE = (0.98, 1.02)
HEDGES = {
    "about": ROUNDED, "around": ROUNDED, "approximately": ROUNDED, "roughly": ROUNDED,
    "some": ROUNDED, "an estimated": ROUNDED, "estimated": ROUNDED, "close to": (0.9, 1.0),
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
        (?:[-–](?P<to>\d{{1,3}}(?:,\d{{3}})+|\d+)(?![\d:/-]))?
      | \b(?P<word>{_WORDNUM})\b
      | \b(?P<half>half\s+a)(?=\s+(?:million|billion|trillion|dozen)\b)
    )
    (?:\s?(?P<scale>thousand|million|billion|trillion|bn|mn|m|k)\b)?
    (?:\s?(?P<percent>%|per\s?cent\b|percent\b))?
    (?P<age>-year-old)?
    (?:\s(?P<currency_word>dollars|pounds|euros)\b)?
    """
)
# Capitalised only because they open a sentence: "All 212 passengers", "Only 3 remain".
COMMON_OPENINGS = set(
    """all only just another some about around nearly almost roughly the a an and but of in on at by for with from
    to after before since until when while as with than another every each those these their its his her our
    over under among including""".split()
)
_PERIOD_AFTER = re.compile(r"\s+(?:years?|months?|weeks?|days?|hours?|decades?|seasons?|terms?)\b", re.I)
# What a number stands next to when it is part of a name or a code rather than a quantity.
_GLUED_BEFORE = re.compile(r"(?:[A-Za-z]-?|[/#]|\d[-–])$")  # COVID-19, G7, F-35, 9/11, #5, 703-691
_GLUED_AFTER = re.compile(r"(?:[A-Za-z]|/\d|-\d|st\b|nd\b|rd\b|th\b)", re.I)  # 4G, 24/7, 703-691-, 21st
_NAME_BEFORE = re.compile(r"(?:\b[A-Z][\w'’]*|(?:\b[A-Z]\.){1,3}|\bNos?\.)\s$")  # Route 9, H.B. 12, No. 10
_ADDRESS_AFTER = re.compile(
    r"\s(?:(?:[A-Z][\w'’]+\s){1,3}(?:Street|St|Avenue|Ave|Road|Rd|Highway|Hwy|Boulevard|Blvd|Drive|Lane|Way|Place"
    r"|Court|Square|Parkway|Pike)\b|block\s+of\b)"  # "6600 Richmond Highway", "the 8800 block of Crystal Avenue"
)
_MONTH_AFTER = re.compile(
    r"\s(?:jan(?:uary)?|feb(?:ruary)?|march|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?"
    r"|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\b",
    re.I,
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
    rounded: bool = False  # approximate only as a round figure is ("$160 million"): no hedge word, no range


def _value(match: re.Match[str]) -> tuple[float, float] | None:
    """The number and its rounding unit (1 for "212", 100000 for "2.3 million")."""
    if match["half"]:
        value, step = 0.5, 0.5
    elif match["digits"]:
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


def rounding_unit(value: float) -> float:
    """The rounding a round number implies: 100 for 200, 10000 for 250000."""
    if not value.is_integer():
        return 0.0  # "1.5": its own written digits say how it is rounded
    unit, whole = 1.0, int(value)
    while whole and whole % 10 == 0 and unit < value:
        whole //= 10
        unit *= 10
    return unit


def _looks_like_year(m: re.Match[str], value: float, step: float) -> bool:
    plain = bool(m["digits"]) and not m["scale"] and "," not in m["digits"]
    return plain and step == 1 and 1800 <= value <= 2100


def _trimmed(m: re.Match[str], begin: int | None = None) -> tuple[int, int, str]:
    """The expression's offsets and text without surrounding spaces (from ``begin`` when given)."""
    begin = m.start() if begin is None else begin
    text = m.string[begin : m.end()]
    lead = len(text) - len(text.lstrip())
    return begin + lead, m.end() - (len(text) - len(text.rstrip())), text.strip()


def _part_of_a_name(text: str, m: re.Match[str]) -> bool:
    """A number that names or codes something ("Route 9", "COVID-19", "9/11", "21st"), or a date or score."""
    if not m["digits"]:
        return False
    start, end = m.start("digits"), len(m[0].rstrip()) + m.start()
    before, after = text[max(0, start - 12) : start], text[end : end + 60]
    if _GLUED_BEFORE.search(before) or _GLUED_AFTER.match(after):
        return True
    if m["to"] and float(m["to"].replace(",", "")) <= float(m["digits"].replace(",", "")):
        return True  # a score ("3-2"), not a range
    bare = not (m["currency"] or m["scale"] or m["percent"] or m["hedge"] or m["age"])
    named = _NAME_BEFORE.search(before)
    if bare and named:
        opening = not text[:start].strip(" \"“'‘(").split()[:-1]  # the word before it opens the sentence
        if not (opening and named.group().strip().lower() in COMMON_OPENINGS):
            return True  # "Route 9", "H.B. 12"; but "All 212 passengers"
    return bare and bool(_ADDRESS_AFTER.match(after) or _MONTH_AFTER.match(after))


def parse_numbers(text: str, offset: int = 0) -> list[NumberMention]:
    """Every quantity in ``text`` (offsets shifted by ``offset``); times, dates and numbers in names left out."""
    found: list[NumberMention] = []
    for m in NUMBER.finditer(text):
        if _TIME_AFTER.match(text, m.end()) or _MONTHS.search(text[max(0, m.start() - 10) : m.start()]):
            continue
        if _part_of_a_name(text, m):
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
        begin = m.start()
        if hedge == "over" and _PERIOD_AFTER.match(text, m.end()):
            hedge, begin = "", m.start("digits") if m["digits"] else m.start("word")  # "over three years": a period
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
        if m["to"]:
            low, high = value, float(m["to"].replace(",", "")) * SCALES.get((m["scale"] or "").lower(), 1.0)
            value = None  # type: ignore[assignment]
        elif hedge:
            low_factor, high_factor = HEDGES[hedge]
            if HEDGES[hedge] == ROUNDED and value / max(step, rounding_unit(value)) >= 100:
                low_factor, high_factor = ROUNDED_PRECISE
            low, high = value * low_factor, value * high_factor
            if HEDGES[hedge] == ROUNDED:  # "some 200" is rounded to the hundred
                low, high = min(low, value - rounding_unit(value) / 2), max(high, value + rounding_unit(value) / 2)
        else:
            low, high = value - step / 2, value + step / 2  # "2.3 million" stands for 2.25..2.35 million
        approximate = bool(hedge) or bool(m["to"]) or (step > 1 and kind != "year")
        start, end, written = _trimmed(m, begin)
        rounded = approximate and not hedge and not m["to"]
        found.append(
            NumberMention(offset + start, offset + end, written, value, low, high, approximate, kind, unit, rounded)
        )
    return found
