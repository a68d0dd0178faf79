"""Choices about how the cross-source analysis is shown, shared by the Markdown and HTML pages.

What is listed first, what is cut, how dates and attributions read: decided once here
so both formats say the same thing.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from storyweave.models import (
    Analysis,
    Claim,
    EntityProfile,
    Evidence,
    FactGroup,
    Headline,
    Quote,
    QuoteVariant,
    TimelineEvent,
)

CLAIMS_SHOWN = 12  # per status
QUOTES_SHOWN = 10
ENTITIES_SHOWN = 15
ROLES_SHOWN = 4
EVENTS_SHOWN = 25
FACT_LINES = 5  # single-source fact groups fill the list up to this many lines
ONLY_HERE_SHOWN = 3
MISSING_SHOWN = 2
WORDING_SHOWN = 8

FACT_ORDER = {"conflict": 0, "approximately consistent": 1, "consistent": 2}
FACT_LABELS = {
    "conflict": "Conflict",
    "approximately consistent": "Approximately consistent",
    "consistent": "Consistent",
    "single-source": "One source",
}


# Claim statuses in the order they are listed, with how a reader is told each.
CLAIM_STATUSES = {
    "disputed": "Disputed: another outlet gives one of its values differently",
    "corroborated": "Corroborated by two or more independent outlets",
    "partly corroborated": "Partly corroborated: other outlets report part of it",
    "single-source": "Reported by one outlet only",
    "unconfirmed": "Not found in the other outlets (they may report it in other words)",
}


def claim_groups(analysis: Analysis) -> list[tuple[str, list[Claim]]]:
    """The claims by status (disputed, corroborated, partly corroborated, single-source, unconfirmed), each in
    the analysis's order."""
    return [
        (status, group) for status in CLAIM_STATUSES if (group := [c for c in analysis.claims if c.status == status])
    ]


def credited(claim: Claim) -> list[tuple[int, int]]:
    """(source, the source it credits) for each outlet that reports the claim citing another of the story."""
    return sorted({(e.source, e.via) for e in claim.evidence[1:] if e.via is not None})


def syndication_notes(analysis: Analysis) -> list[str]:
    """ "[2] and [5] ran the same copy; counted as one source." for each syndication group."""
    groups = [sorted(set(group)) for group in analysis.syndication]
    return [
        and_list([f"[{n}]" for n in group]) + " ran the same copy; counted as one source."
        for group in groups
        if len(group) > 1
    ]


def shown_fact_groups(analysis: Analysis) -> tuple[list[FactGroup], int]:
    """The fact groups to show and how many are left out.

    Conflicts first, then approximately consistent and consistent groups. Single-source
    groups are only shown to fill the list up to ``FACT_LINES`` lines.
    """
    several = [g for g in analysis.facts if g.status != "single-source"]
    several.sort(key=lambda g: FACT_ORDER.get(g.status, len(FACT_ORDER)))
    single = [g for g in analysis.facts if g.status == "single-source"]
    room = max(FACT_LINES - len(several), 0)
    return several + single[:room], max(len(single) - room, 0)


def fact_label(group: FactGroup) -> str:
    what = " ".join(group.about.split()) or group.kind
    return f"{FACT_LABELS.get(group.status, group.status.capitalize())} — {what}"


def differing_variants(quote: Quote) -> list[QuoteVariant]:
    """The variants whose wording is not the quote's own (empty unless the wording differs)."""
    if not quote.wording_differs:
        return []
    main = " ".join(quote.text.split()).casefold()
    return [v for v in quote.variants if " ".join(v.text.split()).casefold() != main]


def attributions(quote: Quote) -> list[tuple[str, list[int]]]:
    """How each source attributes the quote ("Jay said", "told"), sources sharing one wording merged.

    The speaker is named only when the variants disagree on who spoke.
    """
    name_speaker = len({v.speaker for v in quote.variants}) > 1
    merged: dict[str, list[int]] = {}
    for v in quote.variants:
        who = (v.speaker_text or v.speaker or "") if name_speaker else ""
        words = " ".join(" ".join(part.split()) for part in (who, v.cue or "") if part.strip())
        merged.setdefault(words or "unattributed", []).append(v.source)
    return [(words, sorted(set(numbers))) for words, numbers in merged.items()]


@dataclass(frozen=True, slots=True)
class MergedRole:
    text: str
    sources: list[int]
    evidence: list[Evidence]


def merged_roles(entity: EntityProfile) -> list[MergedRole]:
    """The entity's roles, each wording once (compared without case), with every source that gives it."""
    merged: dict[str, MergedRole] = {}
    for role in entity.roles:
        text = " ".join(role.text.split())
        key = text.casefold()
        if not key:
            continue
        if key not in merged:
            merged[key] = MergedRole(text, [], [])
        if role.source not in merged[key].sources:
            merged[key].sources.append(role.source)
        merged[key].evidence.append(role.evidence)
    return list(merged.values())[:ROLES_SHOWN]


def aliases(entity: EntityProfile) -> list[str]:
    """The other names, each once, leaving out the name itself."""
    seen = {entity.name.casefold()}
    out = []
    for alias in entity.aliases:
        flat = " ".join(alias.split())
        if flat and flat.casefold() not in seen:
            seen.add(flat.casefold())
            out.append(flat)
    return out


def timeline_events(analysis: Analysis) -> tuple[list[TimelineEvent], int]:
    """The events in date order (earliest start first, ties kept in order), and how many are cut."""
    events = sorted(analysis.timeline, key=lambda e: (e.start, e.end))
    return events[:EVENTS_SHOWN], max(len(events) - EVENTS_SHOWN, 0)


def _day(text: str) -> date | None:
    try:
        return date.fromisoformat(text)
    except ValueError:
        return None


def _month_end(day: date) -> bool:
    return day.day == calendar.monthrange(day.year, day.month)[1]


def date_span(start: str, end: str) -> str:
    """``2026-03-03``, ``2026-03``, ``1998``, ``1997–2013`` or ``2026-03-03–2026-03-05``."""
    first, last = _day(start), _day(end)
    if first is None or last is None or first >= last:
        return start
    if (first.month, first.day, last.month, last.day) == (1, 1, 12, 31):
        years = [str(first.year), str(last.year)]
        return years[0] if years[0] == years[1] else "–".join(years)
    if first.day == 1 and _month_end(last):
        months = [start[:7], end[:7]]
        return months[0] if months[0] == months[1] else "–".join(months)
    return f"{start}–{end}"


def and_list(items: list[str]) -> str:
    """``a``, ``a and b``, ``a, b and c``."""
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + " and " + items[-1]


def headline_runs(headline: Headline) -> list[tuple[str, bool]]:
    """The headline in runs of text, each marked when it is one of the words no other outlet uses."""
    if not headline.own_words:
        return [(headline.text, False)]
    words = "|".join(re.escape(w) for w in sorted(set(headline.own_words), key=len, reverse=True))
    runs: list[tuple[str, bool]] = []
    last = 0
    for m in re.finditer(rf"(?<![\w'’-])(?:{words})(?![\w'’-])", headline.text):
        if m.start() > last:
            runs.append((headline.text[last : m.start()], False))
        runs.append((m.group(), True))
        last = m.end()
    if last < len(headline.text):
        runs.append((headline.text[last:], False))
    return runs


PIECE_KINDS = {"opinion": "Opinion", "analysis": "Analysis"}


# '"We are deeply sorry," he said.': a quotation whose speaker the sentence gives only as "he" or "she" ("they" may
# be a group: it is left as written)
_SAID_BY_PRONOUN = re.compile(
    r"[\"”’'],?\s+(?P<pronoun>he|she)\s+(?:\w+\s+)?(?:said|says|added|adds|told|tells|explained|continued"
    r"|wrote|writes|asked|replied|noted|insisted|argued|warned|recalled|declared)\b",
    re.I,
)


def speaker_named(text: str, evidence: Sequence[Evidence], analysis: Analysis | None) -> str:
    """A sentence of the brief (``evidence[0]`` its place in its article) as shown: when its quotation's speaker
    is only "he" or "she", the speaker the quote analysis found for that very quotation takes its place in brackets
    ('"We are deeply sorry," [Mark Dunmore] said.'), so the sentence stands alone; the brief itself keeps it
    verbatim. Only the quotation that ends right before the pronoun and was attributed to it counts, and never a
    pronoun inside a quotation (someone else's words)."""
    found = _SAID_BY_PRONOUN.search(text)
    if found is None or not evidence or analysis is None:
        return text
    own = evidence[0]
    before = text[: found.start("pronoun")]
    if before.count('"') % 2 or before.count("“") > before.count("”"):
        return text
    at = own.start + len(before)  # the sentence is its article's text from ``own.start``
    said = [
        v
        for quote in analysis.quotes
        for v in quote.variants
        if v.evidence.article_id == own.article_id
        and own.start <= v.start
        and v.end <= at
        and (v.speaker_text or "").lower() == found["pronoun"].lower()
    ]
    last = max(said, key=lambda v: v.end, default=None)
    if last is None or not last.speaker or text[last.end - own.start : len(before)].strip(" ,.!?\"”’'"):
        return text
    return f"{before}[{last.speaker}]{text[found.end('pronoun') :]}"
