"""The atoms of a sentence: what it states, in pieces another outlet must carry to report it.

A sentence's atoms are its quantities (a number with what it counts: "212 passengers",
"$2.3 million", "three years"), its dates (resolved against the article's publication date
where it gives one: "on Tuesday"), the names it mentions (people, organisations, places),
its quoted words, whether it is negated, and its content words. Whether another outlet
reports a sentence is decided on these (see ``support``): embeddings and shared words only
find the candidate sentences.
"""

from __future__ import annotations

import re
from collections.abc import Collection
from dataclasses import dataclass, replace

from storyweave.analysis.alignment import STOP_WORDS, StoryMatrix
from storyweave.analysis.clock import ClockTime, clock_times
from storyweave.analysis.dates import MONTH_NAMES, WEEKDAY_NAMES, Dated, sentence_dates
from storyweave.analysis.entities import NAME_LABELS
from storyweave.analysis.numbers import NumberMention, parse_numbers
from storyweave.analysis.quantity import Quantity
from storyweave.analysis.tallies import tallies

PERIODS = {"year", "month", "week", "day", "hour", "minute", "decade", "second", "season", "term"}
MEASURES = set(
    "mile kilometre kilometer km knot metre meter feet foot tonne ton kg acre hectare gallon litre barrel mph "
    "degree inch yard pound".split()
)
EVENTS = {
    "killed": "killed", "died": "killed", "dead": "killed", "death": "killed", "fatalitie": "killed",
    "killing": "killed", "wounding": "injured", "injuring": "injured",
    "injured": "injured", "wounded": "injured", "hurt": "injured", "treated": "injured",
    "hospitalised": "injured", "hospitalized": "injured", "hospital": "injured", "shot": "injured",
    "arrested": "arrested", "detained": "arrested", "missing": "missing",
    "rescued": "rescued", "evacuated": "evacuated", "displaced": "displaced", "affected": "affected",
    "held": "held", "hostage": "held", "captive": "held", "trapped": "trapped", "stranded": "stranded",
}  # fmt: skip
LAID_OFF = "laid off"
# who a lay-off counts: people by any name; jobs are another count ("eliminate 1,150 jobs" / "lay off 900 workers,
# the rest from unfilled positions")
WORKFORCE = frozenset("people employee worker staff staffer".split())
_LAID_OFF = re.compile(r"\b(?:eliminat\w*|lay(?:ing|s)?\s+off|laid\s+off|cut(?:s|ting)?|shed\w*|slash\w*)\s+$", re.I)
_HOLDS_SOMETHING = frozenset({"a", "an", "the", "their", "its", "his", "her", "talks", "meetings"})  # "held a vigil"
SAME_NOUN = {"person": "people"}  # counted nouns that count the same thing: "one person", "ten people"
NOT_COUNTED = set("per time times while until th st nd rd percent cent nov oct dec jan feb aug sept".split())
MODIFIERS = set(
    """more other additional new further extra young old full total separate strong major minor powerful big large
    small serious severe fatal deadly violent massive huge initial final""".split()
)
AUXILIARIES = set("were was have had been are is being who reportedly later also".split())
NEGATION = re.compile(
    r"\b(?:not|no|never|none|nobody|nothing|neither|nor|without|cannot|denied|denies|deny|refused|refuses)\b|n[’']t\b",
    re.I,
)
_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]*")
QUOTED = re.compile(r"[“\"]([^“”\"]{12,})[”\"]")
_WEEKDAY = re.compile(r"\b(monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b", re.I)
# a day of a month as written: "March 4", "Oct. 11", "4 March" (whole names or their abbreviations, capitalised:
# not "declined 5" or "mayor 12")
_MONTH_WORD = (
    r"(Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|"
    r"Nov(?:ember)?|Dec(?:ember)?)"
)
_MONTH_DAY = re.compile(
    rf"\b{_MONTH_WORD}\.?\s+(\d{{1,2}})(?:st|nd|rd|th)?\b(?![\d,.]\d)"
    rf"|\b(\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?{_MONTH_WORD}\b"
)
_MONTH_NAMES = "january|february|march|april|may|june|july|august|september|october|november|december"
_MONTH_ORDER = _MONTH_NAMES.split("|")
MAYBE = "~"  # before a month a sentence's words may mean without naming it ("the end of March": maybe April 1)
_MONTH = re.compile(
    rf"\b(?:in|since|until|by|through|early|late|last|mid-?|as of|(?:end|start|beginning|middle)\s+of)\s+"
    rf"({_MONTH_NAMES})\b"
    rf"|\b({_MONTH_NAMES})\s+(?:\d{{1,2}}\b|\d{{4}}\b)",
    re.I,
)
# Days that are not the day the sentence's event happened: "officials said on Monday" (the day it was said),
# "went into its second day Tuesday" (a later day of something that lasts)
_OTHER_DAY = re.compile(
    r"(?:\b(?:said|says|told|announced|confirmed|reported|added|stated)\s+(?:on\s+|late\s+|early\s+)?"
    r"|\b(?:second|third|fourth|fifth|sixth|seventh|next|following)\s+day\s+(?:on\s+)?)$",
    re.I,
)
# ... and "fell to 3.4% from 3.9% in February" (the month of the earlier figure; "rose to 105 from 98 Tuesday"
# is the day of the rise, as wire copy writes it)
_A_MONTH = re.compile(rf"(?:in\s+)?(?:early\s+|late\s+|mid-?\s*)?(?:{_MONTH_NAMES})\b", re.I)
_AFTER_A_FIGURE = re.compile(
    r"\bfrom\s+[$€£]?\d[\d.,]*\s*(?:%|percent|per cent|points?|million|billion|trillion)?\s+(?:in\s+)?$", re.I
)
_SPLIT_NUMBER_END = re.compile(r"\d\.$")  # a decimal number the splitter cut in two ("5. 9" as rebuilt text has it)
# a capitalised word that does not open a sentence
CAPITALISED_INSIDE = re.compile(r"(?<=[a-z,;:] )[A-Z][a-z]+(?:[-’'][A-Za-z]+)?")
_TITLES = set("mr mrs ms dr prof sir gov sen rep gen lt col sgt capt the".split())


def stem(word: str) -> str:
    word = word.lower().strip("'’")
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    return word[:-1] if word.endswith("s") and len(word) > 3 and not word.endswith("ss") else word


_CLAUSE_BREAK = re.compile(r"[,;:()]|\.(?:\s|$)")  # what counts a number's noun stops at: "70, officials said"
_COORDINATING = {"and", "or", "but", "while"}
_RELATIVE = {"who", "which", "that", "whom", "whose"}
_PASSIVE = {"was", "were", "is", "are", "been", "being"}


PART_OF = "part of"  # the event of a count of some of a whole: set only against other such counts
_PART_OF = re.compile(  # "16 of the state's 71 counties", "178 of 369 punches thrown"
    r"\s+of\s+(?:(?:the|its|their|his|her|our|these|those)\s+(?:[A-Za-z-]+['’]s\s+)?(?:(?:\d[\d,]*|"
    r"two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|forty|fifty|hundred)\s+)?|"
    r"\d[\d,]*\s+)(?P<noun>[A-Za-z-]+)",
    re.I,
)


def _compound(words: list[str]) -> bool:
    """The number's first word names the kind of its second, which is the counted plural: "production lots"."""
    if len(words) < 2:
        return False
    first, second = words[0], words[1]
    return (
        first.isalpha()
        and first.islower()
        and not first.endswith("s")
        and second.isalpha()
        and second.islower()
        and second.endswith("s")
        and not second.endswith("ss")
        and second not in STOP_WORDS
        and stem(first) not in EVENTS
        and stem(second) not in EVENTS
        and first not in PERIODS
    )


_NUMBER_OF = re.compile(
    r"\b(?:number|count|total|tally) of (?P<noun>[a-z]+)(?: (?P<next>[a-z]+))?\b[^.]*"
    r"\b(?:to|was|is|reached|stood at)\s+$"
)


def counted(text: str, mention: NumberMention, offset: int) -> tuple[str, str]:
    """(noun counted, event) around a number in a sentence that starts at ``offset``."""
    after = _WORD.findall(_CLAUSE_BREAK.split(text[mention.end - offset :], maxsplit=1)[0])[:6]
    words = [w for w in after if w.lower() not in MODIFIERS]
    if len(words) > 1 and words[0].lower() in {"year", "years"} and words[1].lower() == "old":
        return "age", ""
    if words and words[0].lower() in AUXILIARIES and len(words) > 1 and stem(words[1]) in EVENTS:
        return "people", EVENTS[stem(words[1])]  # "50 were injured"
    if words and words[0].lower() not in STOP_WORDS and words[0].lower() != "of":
        noun = SAME_NOUN.get(stem(words[0]), stem(words[0]))
        if _compound(words):  # "four production lots", "three bank employees": lots, employees
            noun = stem(words[1])
        if noun in EVENTS:  # "70 wounded", "14 dead": people, and what happened to them
            return "people", EVENTS[noun]
        # what the noun's own clause says happened to it ("10 people dead", "12 soldiers later died", "26 people who
        # died"), up to another verb's clause ("killing 10 persons and wounding 70", "4 men who had injured 2")
        event = next((EVENTS[w] for w in _own_clause(words[1:5]) if w in EVENTS), "")
        clause = _CLAUSE_BREAK.split(text[: mention.start - offset])[-1]
        if not event:  # else the verb the number follows in its clause: "killing 10 persons", "killed at least 16"
            before = [stem(w) for w in _WORD.findall(clause)[-2:]]
            event = next((EVENTS[w] for w in reversed(before) if w in EVENTS), "")
        if noun in WORKFORCE and _LAID_OFF.search(clause):  # "laying off 1,250 people" / "lay off roughly 1,150
            return "people", LAID_OFF  # employees": the people who lose their jobs
        return noun, event
    part_of = _PART_OF.match(text[mention.end - offset :])
    if part_of and part_of["noun"].lower() not in STOP_WORDS:  # "16 of the state's 71 counties": counties, a part
        return SAME_NOUN.get(stem(part_of["noun"]), stem(part_of["noun"])), PART_OF
    numbered = _NUMBER_OF.search(_CLAUSE_BREAK.split(text[: mention.start - offset])[-1])
    if numbered and numbered["noun"] not in STOP_WORDS:  # "raised the number of patients affected ... to 221,000"
        noun, following = numbered["noun"], numbered["next"]
        if stem(noun) in EVENTS:  # "the number of injured rose to 14": people injured
            return "people", EVENTS[stem(noun)]
        if (noun.endswith("ed") or noun in MODIFIERS) and following and following not in STOP_WORDS:
            noun = following  # "the total of confirmed cases": cases
        noun = SAME_NOUN.get(stem(noun), stem(noun))
        return ("people", EVENTS[noun]) if noun in EVENTS else (noun, "")  # "the number of dead"
    before = _WORD.findall(text[: mention.start - offset])[-3:]
    happened = [EVENTS[stem(w)] for w in before if stem(w) in EVENTS]
    if happened:
        return "people", happened[-1]  # "killing 10", "wounding another 70"
    content = [w for w in before if w.lower() not in STOP_WORDS and w.lower() not in {"of", "to", "at", "by"}]
    return (stem(content[-1]) if content else ""), ""


def _own_clause(words: list[str]) -> list[str]:
    """The stemmed words after a counted noun that still say what happened to it: through "and" before another
    noun ("12 soldiers and 3 civilians were killed") and a relative clause in the passive or with its own event
    ("who died", "who were injured"); not into a verb joined by "and" ("and wounding 70") nor an active relative
    clause ("who had injured 2 guards")."""
    kept: list[str] = []
    for n, word in enumerate(words):
        lower, following = word.lower(), [w.lower() for w in words[n + 1 : n + 3]]
        if lower in _COORDINATING and following and stem(following[0]) in EVENTS:
            break
        if lower in _RELATIVE and not (following and (following[0] in _PASSIVE or stem(following[0]) in EVENTS)):
            break
        if lower == "held" and following and following[0] in _HOLDS_SOMETHING:
            continue  # "200 people held a vigil": they did the holding
        kept.append(stem(word))
    return kept


_FORECAST = re.compile(
    r"\b(?:expect\w*|forecast\w*|predict\w*|project\w*|consensus|estimat\w*|anticipat\w*|poll\w*|"
    r"could|would|may|might|target\w*|plan\w*)\b",
    re.I,
)
_QUALIFIED = re.compile(r"\b(?:probable|possible|suspected|presumed|confirmed and|and probable)\b", re.I)
_FORECASTERS = re.compile(r"\b(?:economist|analyst|forecaster|expert|poll|survey|model)s?\b", re.I)
_REPORTED = re.compile(  # "said it would offer 24 months": what was promised (not "said it would cut 1,200 jobs")
    r"\b(?:said|says|announced|told|confirmed|added)\b[^,;]*\bwould\s+(?:\w+ly\s+)?(?:offer|provide|give|pay|cover|"
    r"contribute|refund|reimburse)\b",
    re.I,
)
_OPENING = re.compile(r"(?:In|On|During|By|As of|At|Last|A year)\b[^,]*,")  # a sentence's opening time adverbial
_PER = re.compile(r"\s+(?:a|an|per|each)\s+(?:year|month|week|day|hour|share|person|head)\b|\s+annually\b", re.I)
_SO_FAR = re.compile(r"\b(?:so far|to date|in total|all told|altogether|cumulative\w*|in all(?!\s+\d))\b", re.I)
_STILL = re.compile(r"\b(?:remain\w*|still|currently|now)\b", re.I)
_EARLIER = re.compile(
    r"\b(?:last year|a year (?:earlier|ago|before)|(?:the )?(?:previous|prior) (?:year|month|quarter)|the year before"
    r"|last (?:january|february|march|april|may|june|july|august|september|october|november|december))\b",
    re.I,
)


_FROM = re.compile(r"\bfrom\s+(?:about\s+|around\s+|roughly\s+|nearly\s+|almost\s+)?[$€£]?$", re.I)
_CHANGED = re.compile(
    r"\b(?:rose|rise[sn]?|rising|fell|fall(?:s|en|ing)?|dropp\w*|drops?|declin\w*|climb\w*|increas\w*|"
    r"decreas\w*|jump\w*|slipp\w*|slid|eas(?:ed|ing)|grew|grow(?:n|s|ing)?|up from|down from|cut|rais\w*|lower\w*|"
    r"narrow\w*|widen\w*|improv\w*|worsen\w*)\b",
    re.I,
)  # "fell to 3.1% from 3.5%": the figure a change started from


_OF_A_KIND = {  # a figure of the kind of the one a change started from, written after the change
    "money": re.compile(r"[$€£]\s?\d|\d\s*(?:dollars|pounds|euros)\b"),
    "percent": re.compile(r"\d\s*(?:%|percent\b|per cent\b)"),
}
_PLAIN_FIGURE = re.compile(r"(?<![$€£\d.,])\d[\d,.]*(?!\s*(?:%|percent\b|per cent\b)|[\d,.])")


def _changed_from(reach: str, mention: NumberMention) -> bool:
    """A change is told in ``reach`` (the clauses before a "from" figure) with a figure of the same kind after it:
    "rose to $48.7 million, or 41 cents a share, from" (not "rose 4%, and it now enrols students from" 30)."""
    changed = _CHANGED.search(reach)
    if changed is None:
        return False
    after = reach[changed.end() :]
    return bool(_OF_A_KIND.get(mention.kind, _PLAIN_FIGURE).search(after))


def _scope(text: str, mention: NumberMention, offset: int) -> str:
    """What kind of figure a number is, from the words around it: expected, qualified, or a current count."""
    start, end = mention.start - offset, mention.end - offset
    before, after = text[max(0, start - 60) : start], text[end : end + 40].split(",")[0]
    forecast = [m[0].lower() for m in _FORECAST.finditer(before)]
    promised = forecast == ["would"] and _REPORTED.search(text[: end + 40]) and not _FORECASTERS.search(before)
    if forecast and not promised:
        return "forecast"  # not "the network said it would offer 24 months": what was said, told in the past
    clauses = _CLAUSE_BREAK.split(text[:start])
    opening = _OPENING.match(text[:start])  # "In April last year, employers added ... and the rate stood at 3.9%"
    if (
        _EARLIER.search(before + " " + after)
        or (opening and _EARLIER.search(opening[0]))
        or (
            _FROM.search(before) and (_CHANGED.search(clauses[-1]) or _changed_from(" ".join(clauses[-3:]), mention))
        )  # "was up from nine"; "rose to $48.7 million, or 41 cents a share, from $31.2 million" two clauses back
    ):
        return "earlier"
    if _QUALIFIED.search(after):
        return "qualified"
    if _PER.match(text, end):
        return "per"  # "$22.5 million a year", "$1.40 an hour": a rate, not a total
    if _SO_FAR.search(text[:end]) or _SO_FAR.search(after):  # with the figure: "in all 71 counties" is no total
        return "so far"  # "in their five operations so far ... 14 rifles": a running total, not one event's count
    if _STILL.search(before + " " + after):
        return "now"
    if _TOTALLING.search(before[-25:]):
        return "total"  # "rewards totalling $300,000": the parts' sum ("a reward of $250,000" is one of them)
    # a share price's move: at the close, or on the way ("fell 3.8 percent in morning trading")
    session = _SESSION.search(before[-30:] + " " + after) if mention.kind == "percent" else None
    if session and _MOVED.search(before[-25:]):
        return "close" if session["close"] else "during trading"
    return ""


_TOTALLING = re.compile(r"\b(?:totall?ing|a\s+(?:combined\s+)?total\s+of|combined)\s+$", re.I)
_MOVED = re.compile(
    r"\b(?:fell|fall(?:en|ing)?|rose|ris(?:en|ing)|dropped|gained|jumped|slid|climbed|declined|lost|sank|up|down)"
    r"(?:\s+(?:by|as\s+much\s+as|nearly|almost|about|more\s+than))?\s+$",
    re.I,
)
_SESSION = re.compile(
    r"\b(?:(?P<close>closed|closing|at\s+the\s+close)|in\s+(?:early|morning|afternoon|midday)\s+trading|intraday|"
    r"earlier\s+in\s+the\s+(?:session|day)|as\s+much\s+as)\b",
    re.I,
)


_NAME_COMMA = re.compile(
    r"(?P<first>[A-Z][\w'’.-]*)\s+(?P<surname>[A-Z][\w'’-]+),\s*$"
)  # a first name and a surname, a comma
_COMMA_AFTER = re.compile(r"\s*[,)]")
_AGE_OWNER = re.compile(r"([A-Z][\w'’-]+),\s*(?:aged\s+)?$")  # "Petrakis, 52", "Petrakis, aged 52"


def _age_owner(text: str, mention: NumberMention, offset: int) -> str:
    start = mention.start - offset
    named = _AGE_OWNER.search(text[max(0, start - 40) : start])
    return named.group(1).lower() if named else ""


def _apposed_age(text: str, mention: NumberMention, offset: int, people_ends: Collection[int] | None) -> bool:
    """A whole number set off by commas right after a full name is that person's age: "Lorna Petrakis, 52, a
    nurse" (not "Texas, 40, and Ohio, 12")."""
    start, end = mention.start - offset, mention.end - offset
    value = mention.value
    return (
        mention.kind == "count"
        and value is not None
        and value.is_integer()
        and 1 <= value <= 120
        and (named := _NAME_COMMA.search(text[max(0, start - 40) : start])) is not None
        and named["first"].lower() not in STOP_WORDS
        and (people_ends is None or offset + max(0, start - 40) + named.end("surname") in people_ends)
        and bool(_COMMA_AFTER.match(text, end))
    )


_DEFINITE = re.compile(r"\bthe\s+$", re.I)
_SAYS = re.compile(r"\b(?:said|says|told|tells|added|announced|according)\b", re.I)


def _owned_age(quantity: Quantity, text: str, offset: int, person: dict[str, int]) -> Quantity:
    """An age written "the 27-year-old" after the one person a sentence names is that person's ("Lio Maresca's ban
    was overturned ..., clearing the 27-year-old to return"), not an age given without its person ("an
    unvaccinated 9-year-old, Dr. Solberg said")."""
    ((surname, name_end),) = person.items()
    start = quantity.mention.start - offset
    if quantity.kind != "age" or quantity.owner or name_end > quantity.mention.start:
        return quantity
    if _SAYS.search(text, name_end - offset, start):
        return quantity  # "Prosecutor Jane Ellis said the 16-year-old would be tried": not her age
    return replace(quantity, owner=surname, event="") if _DEFINITE.search(text, 0, start) else quantity


def quantities(text: str, offset: int = 0, people_ends: Collection[int] | None = None) -> list[Quantity]:
    """The quantities of a sentence (``offset``: where it starts in its article; ``people_ends``: where the
    people the entity model found end, so that only a person's name makes the number after it an age)."""
    found = []
    for mention in parse_numbers(text, offset):
        noun, event = counted(text, mention, offset)
        kind, unit = mention.kind, mention.unit
        if noun == "age" or kind == "age" or _apposed_age(text, mention, offset, people_ends):
            kind, unit, noun = "age", "years", "age"
        elif kind == "count" and noun in PERIODS:
            kind, unit = "period", noun + "s"
            lasting = _period_of(text, mention, offset, noun)
            if lasting:  # "a four-year contract", "24 months of credit monitoring": how long a thing lasts, in days
                kind, unit, noun, mention = "period", LASTING, lasting, _in_days(mention, noun)
                event = ""  # how long it lasts, whatever the words about it ("offering affected patients two years")
            elif _OFFSET.match(text, mention.end - offset):
                unit = unit + OFFSET  # "nine months after he was suspended": how long between two events
        elif kind == "count" and noun in MEASURES:
            kind, unit = "quantity", noun
        if noun in NOT_COUNTED or (noun and not noun.isalpha()) or kind in {"money", "percent"}:
            noun = ""  # an amount or a share: what it is of is too loosely worded to tell two apart
        owner = _age_owner(text, mention, offset) if kind == "age" else ""
        event = "" if owner else event  # "arrested Wade Tarrant, 34": his age, whatever happened to him
        measure = _measure(text, mention, offset) if kind in {"money", "percent"} else ""
        found.append(Quantity(mention, kind, unit, noun, event, _scope(text, mention, offset), owner, measure))
    return found + tallies(text, offset)


OFFSET = " between"  # after a period's unit: the time between two events, not a span figures are stated over
_OFFSET = re.compile(r"\s+(?:\w+\s+)?(?:after|before|ago|later|earlier|since)\b", re.I)
DAYS = {"day": 1.0, "week": 7.0, "month": 30.44, "year": 365.25}
LASTING = "days lasting"  # the unit of how long a named thing lasts, in days whatever the words' unit
# a period that says how long a thing lasts: "a four-year contract", "a 12-day strike", "24 months of free credit
# monitoring" (the thing: the noun joined to it, or the last word after "of" before a stop word); not "three years
# in prison" nor "over six years"
_LASTING = re.compile(
    r"(?:-(?:day|week|month|year)(?!-old)[- ](?P<adjoined>(?:[a-z]+ ){0,2}[a-z]+))"
    r"|(?:\s+(?:days?|weeks?|months?|years?)\s+of\s+(?P<of>(?:[a-z]+ ){0,2}[a-z]+))"
)


# what lasts (a "five-year survival rate", a "30-year mortgage" or a "10-year plan" is a kind of thing, not how
# long one lasts)
LASTS = frozenset(
    """contract agreement deal strike walkout lockout sentence term lease ban suspension freeze moratorium closure
    shutdown monitoring protection coverage warranty extension delay investigation inquiry search standoff siege
    stay outage blackout drought trial stoppage probe""".split()
)
# one lasting thing named two ways ("a 12-day strike" / "an 11-day walkout")
LASTS_ALIKE = {
    "walkout": "strike", "stoppage": "strike", "agreement": "contract", "deal": "contract", "inquiry": "investigation",
    "probe": "investigation", "shutdown": "closure", "blackout": "outage",
}  # fmt: skip


def _period_of(text: str, mention: NumberMention, offset: int, unit: str) -> str:
    if unit not in DAYS:
        return ""
    found = _LASTING.match(text, mention.end - offset)
    if not found:
        return ""
    words = []
    for word in (found["adjoined"] or found["of"]).split():
        if word in STOP_WORDS or word in PERIODS:
            break
        words.append(word)
        if found["adjoined"] and (word in LASTS or (word not in MODIFIERS and word != "long" and len(words) > 1)):
            break  # "a four-year contract includes", "a four-year doping ban": the noun it is joined to
    thing = words[-1] if words else ""
    return LASTS_ALIKE.get(thing, stem(thing)) if thing in LASTS else ""


def _in_days(mention: NumberMention, unit: str) -> NumberMention:
    factor = DAYS[unit]

    def scaled(x: float | None) -> float | None:
        return None if x is None else x * factor

    return replace(mention, value=scaled(mention.value), low=scaled(mention.low), high=scaled(mention.high))


# what an amount or a share is of, when the words say it plainly: the noun right after it ("a 38 percent premium",
# "a $4.2 million ransom") or the subject of "of", a form of "be" or a change to it ("revenue of $612.4 million",
# "Net income was $46.8 million", "net income rose to $48.7 million")
_MEASURE_BEFORE = re.compile(
    r"(?:\b(?P<modifier>[A-Za-z][a-z]+)\s+)?\b(?P<head>[A-Za-z][a-z]+)\s+"
    r"(?:of|was|were|is|are|(?:rose|fell|climbed|dropped|increased|decreased|grew|jumped|declined)"
    r"\s+to|reached|totall?ed|stood\s+at)\s+(?:about|nearly|roughly|around|almost|some|more\s+than|less\s+than)?\s*$"
)


_NOT_MEASURES = (
    frozenset(
        """last next this earlier ago higher lower more less above below over under yesterday today tonight tomorrow
    overnight annually monthly weekly daily""".split()
    )
    | WEEKDAY_NAMES
    | MONTH_NAMES
)
# heads that name nothing alone: "the rate was 3.1%" (inflation? unemployment?), "income" (net? operating?)
_GENERIC_MEASURES = frozenset("rate income increase total figure gain rise drop decline share level amount".split())


def _measure(text: str, mention: NumberMention, offset: int) -> str:
    start, end = mention.start - offset, mention.end - offset
    after = _WORD.findall(_CLAUSE_BREAK.split(text[end:], maxsplit=1)[0])[:1]
    if after and after[0][0].islower() and after[0] not in STOP_WORDS | NOT_COUNTED | _NOT_MEASURES:
        head, modifier = after[0], ""
    else:
        found = _MEASURE_BEFORE.search(_CLAUSE_BREAK.split(text[:start])[-1])
        if not found or found["head"].lower() in STOP_WORDS:
            return ""
        head, modifier = found["head"].lower(), (found["modifier"] or "").lower()
        if modifier in STOP_WORDS:
            modifier = ""
    if head in _GENERIC_MEASURES and not modifier:
        return ""
    return f"{modifier} {stem(head)}".strip()


@dataclass(frozen=True, slots=True)
class Atoms:
    """What one sentence states, in pieces."""

    words: frozenset[str]  # content words, crudely stemmed (as alignment makes them)
    quantities: tuple[Quantity, ...]
    dates: tuple[Dated, ...]  # (first day, last day, precision, as written, where)
    days: frozenset[str]  # the days as written, unresolved: "tuesday", "mar 15"
    names: tuple[frozenset[str], ...]  # each name as its set of lower-cased word stems, titles off
    quoted: str  # the quoted words, lower-cased ("" when none)
    negated: bool
    times: tuple[ClockTime, ...] = ()  # times of day the sentence dates its events by ("about 6:40 a.m.")
    day_parts: frozenset[str] = frozenset()  # parts of a day it names with the day ("by Monday morning": morning)


def _name_key(text: str) -> frozenset[str]:
    words = [w.lower().strip(".'’") for w in text.replace("’s", "").replace("'s", "").split()]
    return frozenset(stem(w) for w in words if w and w not in _TITLES and w not in STOP_WORDS)


def other_day(text: str, at: int) -> bool:
    """The date written at ``at`` is not when the sentence's event happened: when it was said, the day of an
    earlier figure, or a later day of something that lasts (see ``_OTHER_DAY``)."""
    before = text[max(0, at - 40) : at]
    if _OTHER_DAY.search(before):
        return True
    return bool(_A_MONTH.match(text, at)) and bool(_AFTER_A_FIGURE.search(before))


def month_days(text: str) -> list[tuple[str, int, int]]:
    """Days of a month as written ("March 4", "4 March", "Oct. 11"), each as its key ("mar 4"), start and end."""
    found = []
    for m in _MONTH_DAY.finditer(text):
        month, day = (m[1], m[2]) if m[1] else (m[4], m[3])
        found.append((f"{month.lower()[:3]} {int(day)}", m.start(), m.end()))
    return found


def written_days(text: str) -> frozenset[str]:
    """Weekdays, months and days of a month as written ("tuesday", "april", "mar 15"), for comparing articles
    without a publication date to resolve them; days that are not the event's (``other_day``) are left out, and
    the month next to "the end of" one is marked ``MAYBE`` ("~april")."""
    days = {m.group().lower() for m in _WEEKDAY.finditer(text) if not other_day(text, m.start())}
    for m in _MONTH.finditer(text):
        if not other_day(text, m.start()):
            days.add(month := (m[1] or m[2]).lower())
            edge = m.group().split()[0].lower()
            if edge in {"end", "start", "beginning"}:  # "the end of March" may be April 1 as written elsewhere:
                # the next month, marked as only maybe ("~april"), so it is never a day the sentence states
                days.add(MAYBE + _MONTH_ORDER[(_MONTH_ORDER.index(month) + (1 if edge == "end" else -1)) % 12])
    days |= {key for key, start, _ in month_days(text) if not other_day(text, start)}
    return frozenset(days)


_DAY_PART = re.compile(
    r"\b(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day|yesterday|today|this|last)\s+"
    r"(morning|afternoon|evening|night)\b|\b(tonight|overnight)\b",
    re.I,
)


def day_parts(text: str) -> frozenset[str]:
    """The parts of a day a sentence names with its day ("by Monday morning", "on Monday evening", "tonight")."""
    return frozenset(
        (m[1] or ("night" if m[2].lower() == "tonight" else "overnight")).lower() for m in _DAY_PART.finditer(text)
    )


def proper_words(text: str, known: list[frozenset[str]]) -> list[frozenset[str]]:
    """Capitalised words inside the sentence that the entity model did not mark: names it missed."""
    seen = frozenset().union(*known)
    found = []
    for word in CAPITALISED_INSIDE.findall(text):
        key = _name_key(word)
        if key and not key & seen and word.lower() not in WEEKDAYS_AND_MONTHS:
            found.append(key)
            seen |= key
    return found


WEEKDAYS_AND_MONTHS = WEEKDAY_NAMES | MONTH_NAMES


def _surname_ends(text: str, surnames: set[str]) -> set[int]:
    """Where the surnames of the people a story names end in an article, wherever they stand: the entity model
    misses a name it found elsewhere ("Wade Tarrant, 36, was taken into custody" opening a sentence)."""
    if not surnames:
        return set()
    pattern = re.compile(r"\b(?:" + "|".join(sorted(map(re.escape, surnames))) + r")\b")
    return {m.end() for m in pattern.finditer(text)}


def story_atoms(matrix: StoryMatrix) -> list[Atoms]:
    """The atoms of every sentence of a story, in the matrix's flat order."""
    found = []
    surnames = {
        e.text.split()[-1]
        for a in matrix.articles
        for e in a.entities
        if e.label == "PERSON" and len(e.text.split()) > 1
    }
    for article_index, annotated in enumerate(matrix.articles):
        published = annotated.article.published
        day = published.date() if published else None
        names: list[list[frozenset[str]]] = [[] for _ in annotated.sentences]
        # where a name the entity model found ends ("Nurse Lorna Petrakis" it may call an organisation; never a place)
        people_ends = {e.end for e in annotated.entities if e.label in {"PERSON", "ORG"}}
        people_ends |= _surname_ends(annotated.article.text, surnames)
        for entity in annotated.entities:
            if entity.label in NAME_LABELS and 0 <= entity.sentence < len(names):
                key = _name_key(entity.text)
                if key and key not in names[entity.sentence]:
                    names[entity.sentence].append(key)
        people: list[dict[str, int]] = [{} for _ in annotated.sentences]  # surname -> where the name ends
        for entity in annotated.entities:
            if entity.label == "PERSON" and 0 <= entity.sentence < len(people) and entity.text.split():
                surname = entity.text.split()[-1].lower().removesuffix("'s").removesuffix("’s")
                people[entity.sentence].setdefault(surname, entity.end)
        for sentence in annotated.sentences:
            text = sentence.text
            numbers = quantities(text, sentence.start, people_ends)
            if len(people[sentence.index]) == 1:
                numbers = [_owned_age(q, text, sentence.start, people[sentence.index]) for q in numbers]
            following = (
                annotated.sentences[sentence.index + 1].text if sentence.index + 1 < len(annotated.sentences) else ""
            )
            previous = annotated.sentences[sentence.index - 1].text if sentence.index else ""
            if _SPLIT_NUMBER_END.search(text) and following[:1].isdigit():  # "magnitude 5." | "9 quake": one number
                numbers = [q for q in numbers if q.mention.end < sentence.end - 1]
            if text[:1].isdigit() and _SPLIT_NUMBER_END.search(previous):
                numbers = [q for q in numbers if q.mention.start > sentence.start]
            found.append(
                Atoms(
                    words=matrix.words[matrix.offsets[article_index] + sentence.index],
                    quantities=tuple(numbers),
                    dates=tuple(d for d in sentence_dates(text, day) if not other_day(text, d[4])),
                    days=written_days(text),
                    names=tuple(names[sentence.index] + proper_words(text, names[sentence.index])),
                    quoted=" ".join(m.lower() for m in QUOTED.findall(text)),
                    negated=bool(NEGATION.search(text)),
                    times=tuple(clock_times(text, sentence.start)),
                    day_parts=day_parts(text),
                )
            )
    return found
