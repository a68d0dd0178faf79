"""Which lines of an article body are prose worth analysing, and which are boilerplate.

Boilerplate is what a page wraps around the story: credit lines, photo captions,
"Advertisement", share and newsletter prompts, bylines, copyright notices and lone dates.
The rules are deliberately narrow: a real sentence that mentions a photo, a share price
or Twitter stays in.
"""

from __future__ import annotations

import re
import warnings
from collections import Counter
from dataclasses import dataclass

from dateutil import parser as date_parser

__all__ = ["BodyParagraphs", "body_paragraphs", "is_boilerplate_line", "split_body"]

MAX_REPEATED_WORDS = 30  # a line this short that occurs twice is a credit, not prose


@dataclass(frozen=True, slots=True)
class BodyParagraphs:
    """The (start, end) spans of the lines to analyse, and how many lines were left out."""

    spans: list[tuple[int, int]]
    dropped: int


def body_paragraphs(text: str) -> list[tuple[int, int]]:
    """The (start, end) character spans of the non-boilerplate lines of ``text``."""
    return split_body(text).spans


def split_body(text: str) -> BodyParagraphs:
    """Split ``text`` into trimmed non-empty lines and leave out the boilerplate ones.

    ``text[start:end]`` is each kept line verbatim, without surrounding whitespace.
    """
    lines = list(_trimmed_lines(text))
    keys = [" ".join(text[s:e].casefold().split()) for s, e in lines]
    short = [len(key.split()) <= MAX_REPEATED_WORDS for key in keys]
    counts = Counter(key for key, is_short in zip(keys, short, strict=True) if is_short)
    spans: list[tuple[int, int]] = []
    for (start, end), key, is_short in zip(lines, keys, short, strict=True):
        if (is_short and counts[key] > 1) or is_boilerplate_line(text[start:end]):
            continue
        spans.append((start, end))
    return BodyParagraphs(spans=spans, dropped=len(lines) - len(spans))


def _trimmed_lines(text: str) -> list[tuple[int, int]]:
    spans = []
    for match in re.finditer(r"[^\r\n]+", text):
        line = match.group()
        if not line.strip():
            continue
        start = match.start() + len(line) - len(line.lstrip())
        end = match.end() - (len(line) - len(line.rstrip()))
        spans.append((start, end))
    return spans


# --- single-line rules -------------------------------------------------------------------

_I = re.IGNORECASE
# (pattern, most words a matching line may have)
_SHORT_RULES: list[tuple[re.Pattern[str], int]] = [
    (re.compile(r"^(?:advertisement|advertising|sponsored(?: content)?)\b", _I), 6),
    (re.compile(r"^(?:story continues below|continue reading|scroll to continue)\b", _I), 8),
    (re.compile(r"^read (?:more|next|also|on|the full (?:story|article))\b", _I), 25),
    (
        re.compile(
            r"^(?:related|recommended|see also|also read|most read|more on this(?: story)?)"
            r"\s*(?::|$|articles\b|stories\b|content\b|coverage\b|topics\b|links\b)",
            _I,
        ),
        25,
    ),
    (re.compile(r"^share (?:this|on|via|the (?:story|article))\b", _I), 12),
    (re.compile(r"^(?:share|tweet|email|print|comments?|save|listen)$", _I), 1),
    (re.compile(r"^sign up (?:for|to|now)\b", _I), 30),
    (re.compile(r"^subscribe\b", _I), 20),
    (re.compile(r"^click here\b", _I), 30),
    (re.compile(r"^(?:download|get) (?:the|our) (?:\w+ )?(?:app|newsletter)\b", _I), 20),
    (re.compile(r"^(?:copyright\b|©|\(c\)\s*\d{4})", _I), 30),
    (re.compile(r"\ball rights reserved\b", _I), 30),
    (
        re.compile(
            r"^[Ff]ollow\s+(?:us|me|him|her|them|@\w+|(?:[A-Z][\w'’.-]*\s+){0,3}[A-Z][\w'’.-]*)"
            r"(?:\s+(?:on|at|via)\s+(?i:.*\b(?:twitter|x|facebook|instagram|threads|linkedin|"
            r"tiktok|bluesky|mastodon|youtube|whatsapp|telegram)\b.*|@\w+.*))?$"
        ),
        20,
    ),
]
_CAPTION_PREFIX = re.compile(
    r"^(?:(?i:photo(?:graph)?s?|image|picture|credit|caption|illustration)\s*:|FILE(?: PHOTO)?\s*[-–—:])"
)
# "... (AP Photo/John Doe)", "... (David M Warren / Staff Photographer)"
_CREDIT_TAIL = re.compile(r"\(\s*[A-Z][^()]{0,100}\)\s*\.?$")
_CREDIT_WORD = re.compile(
    r"\b(?:photo(?:s|graph|grapher|graphy)?|images?|pictures?|getty|shutterstock|illustration)\b", _I
)
# "... the bridge on Tuesday. Photograph: Jane Doe/Reuters"
_CREDIT_COLON_TAIL = re.compile(
    r"(?:^|\s)(?:Photograph|Photo|Picture|Image|Illustration|Credit)s?:\s*[A-Z][^.!?]{0,80}$"
)
_CONTRIBUTION = re.compile(
    r"^\(?\s*(?:additional\s+)?(?:reporting|writing|editing|compiled|translated|research)\s+by\b", _I
)
_ROLE = re.compile(
    r"^(?:[\w'’-]+\s+){0,3}(?:writer|reporter|correspondent|editor|columnist|contributor|"
    r"journalist|photographer|producer|critic)s?$",
    _I,
)
_PARTICLES = "de da del della di du la le van von der den bin al el dos das st st. mc"
_NAME_PARTICLES = frozenset(_PARTICLES.split())
_MONTHS = (
    "january february march april may june july august september october november december "
    "jan feb mar apr jun jul aug sep sept oct nov dec"
)
_DAYS = "monday tuesday wednesday thursday friday saturday sunday mon tue tues wed thu thur thurs fri sat sun"
_CALENDAR_WORDS = frozenset(_MONTHS.split()) | frozenset(_DAYS.split())
_CLOCK = (
    "am pm a m p on at of the published updated posted last first modified gmt utc bst est edt "
    "cst cdt mst mdt pst pdt cet cest et pt z t"
)
_DATE_WORDS = _CALENDAR_WORDS | frozenset(_CLOCK.split())


def is_boilerplate_line(line: str) -> bool:
    """True when one trimmed line is plainly not article prose."""
    line = line.strip()
    if not line:
        return True
    if not any(ch.isalnum() for ch in line):
        return True  # "* * *", "---", "•"
    words = len(line.split())
    if any(words <= limit and rule.search(line) for rule, limit in _SHORT_RULES):
        return True
    return _is_caption(line) or _is_contribution_line(line, words) or _is_byline(line) or _is_date_line(line, words)


def _is_caption(line: str) -> bool:
    if _CAPTION_PREFIX.match(line) or _CREDIT_COLON_TAIL.search(line):
        return True
    tail = _CREDIT_TAIL.search(line)
    return tail is not None and _CREDIT_WORD.search(tail.group()) is not None


def _is_contribution_line(line: str, words: int) -> bool:
    """ "Reporting by Jane Doe; Editing by John Roe" but not "Reporting by the Post showed ..."."""
    if not _CONTRIBUTION.match(line) or words > 40:
        return False
    return (
        line.startswith("(")
        or ";" in line
        or "editing by" in line.lower()[1:]
        or (words <= 15 and line[-1] not in ".!?")
    )


def _is_byline(line: str) -> bool:
    """ "By Jane Doe", "By Jane Doe and John Roe, Reuters", "Jane Doe, Staff Writer"."""
    if len(line.split()) > 15 or line[-1] in "!?":
        return False
    parts = [p.strip() for p in re.split(r"\s*[,|•–—]\s*|\s+-\s+", line) if p.strip()]
    if not parts:
        return False
    first = parts[0]
    if first[:3].lower() == "by ":
        names = re.split(r"\s+(?:and|&)\s+", first[3:].strip())
        return all(_is_name(n) for n in names) and all(_is_title_case(p) for p in parts[1:])
    return len(parts) == 2 and _is_name(first) and _ROLE.match(parts[1]) is not None


def _is_name(text: str) -> bool:
    words = text.rstrip(".").split()
    if not 1 <= len(words) <= 5 or words[0].lower().strip(".") in _CALENDAR_WORDS:
        return False
    return all(_is_name_word(w) for w in words) and not all(w.lower() in _NAME_PARTICLES for w in words)


def _is_name_word(word: str) -> bool:
    if word.lower() in _NAME_PARTICLES:
        return True
    return word[0].isupper() and all(ch.isalpha() or ch in ".'’-" for ch in word)


def _is_title_case(text: str) -> bool:
    words = text.split()
    return 1 <= len(words) <= 6 and all(
        w[0].isupper() or w[0].isdigit() or w.lower() in {"of", "the", "and", "for", "at", "in", "&"} for w in words
    )


def _is_date_line(line: str, words: int) -> bool:
    if words > 10 or not any(ch.isdigit() for ch in line):
        return False
    tokens = re.findall(r"[^\W\d_]+", line.lower())
    if any(token not in _DATE_WORDS for token in tokens):
        return False
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            date_parser.parse(line, fuzzy=True)
    except (ValueError, OverflowError, TypeError):
        return False
    return True
