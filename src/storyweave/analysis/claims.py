"""Claims: the story's information units, each with how every outlet reports it.

Every sentence that states something (five words or more, not a question) is a claim's
candidate. Two sentences of different articles are one claim when each fully supports the
other (the support decision, see ``support``); a sentence that another states only in part
stays its own claim, partly corroborated by it. A claim's outlets, partial outlets and
contradicting outlets come from the decisions about its representative sentence.
"""

from __future__ import annotations

from storyweave.analysis.support import MIN_WORDS, Support
from storyweave.analysis.syndication import UnionFind
from storyweave.models import (
    CONTRADICTS,
    CORROBORATED,
    DISPUTED,
    FULL,
    PARTIAL,
    PARTLY,
    SINGLE,
    UNCONFIRMED,
    Claim,
    Coverage,
)


def _states_something(text: str) -> bool:
    return len(text.split()) >= MIN_WORDS and not text.rstrip("\"”’' )").endswith("?")


def align_units(support: Support) -> list[list[int]]:
    """Groups of flat sentence indices that state the same information (singletons included)."""
    units = UnionFind(len(support.matrix.sentences))
    for flat in range(len(support.matrix.sentences)):
        for other in support.equivalents(flat):
            units.union(flat, other)
    return units.groups()


def _head(support: Support, unit: list[int]) -> int:
    """The unit's most central member: the one the others match best, the earliest on a tie."""
    matrix = support.matrix
    return max(unit, key=lambda i: (float(matrix.match[i, unit].sum()), -matrix.sentences[i].position, -i))


def _status(full: int, partial: list[int], contradicted: list[int], sure_none: bool) -> str:
    if contradicted:
        return DISPUTED
    if full >= 2:
        return CORROBORATED
    if partial:
        return PARTLY
    return SINGLE if sure_none else UNCONFIRMED


def build_claims(support: Support, syndication: list[list[int]]) -> list[Claim]:
    matrix = support.matrix
    group_of = {article: g for g, members in enumerate(syndication) for article in members}
    drafts = []
    for unit in align_units(support):
        head = _head(support, unit)
        if not _states_something(matrix.sentences[head].text):
            continue
        owner = int(matrix.owner[head])
        decisions = {k: support.of(head, k) for k in range(len(matrix.articles)) if k != owner}
        full = sorted([owner] + [k for k, d in decisions.items() if d.label == FULL])
        credited = {k for k in full if decisions.get(k) and decisions[k].via in full}
        independent = len({group_of[k] for k in full if k not in credited})
        partial = sorted(k for k, d in decisions.items() if d.label == PARTIAL)
        contradicted = sorted(k for k, d in decisions.items() if d.label == CONTRADICTS)
        sure_none = all(d.sure_none for k, d in decisions.items() if k not in full)
        status = _status(independent, partial, contradicted, sure_none)
        position = min(matrix.sentences[i].position for i in unit)
        drafts.append((-independent, -len(partial), position, head, full, partial, contradicted, independent, status))
    claims = []
    for number, draft in enumerate(sorted(drafts), start=1):
        _, _, _, head, full, partial, contradicted, independent, status = draft
        claims.append(
            Claim(
                id=f"c{number}",
                text=matrix.sentences[head].text,
                status=status,
                sources=[k + 1 for k in full],
                independent_sources=independent,
                evidence=support.evidence(head),
                partial_sources=[k + 1 for k in partial],
                contradicted_by=[k + 1 for k in contradicted],
            )
        )
    return claims


def coverage(claims: list[Claim], n_sources: int, syndication: list[list[int]]) -> list[Coverage]:
    """Per source: the claims only it reports, and the corroborated claims it reports none of."""
    copies = {a + 1: [b + 1 for b in group if b != a] for group in syndication for a in group}
    result = []
    for source in range(1, n_sources + 1):
        only = [c.id for c in claims if c.status == SINGLE and source in c.sources]
        missing = [
            c.id
            for c in claims
            if c.independent_sources >= 2 and source not in c.sources + c.partial_sources + c.contradicted_by
        ]
        result.append(Coverage(source, only, missing, copies.get(source, [])))
    return result
