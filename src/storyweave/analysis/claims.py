"""Claims: sentences of different articles aligned into information units.

Two sentences join when each is the other's best match in its article and the
match score passes the threshold; units are the connected groups of such pairs.
A unit is corroborated when it spans two or more independent outlets.
"""

from __future__ import annotations

import numpy as np

from storyweave.analysis.alignment import StoryMatrix
from storyweave.analysis.syndication import UnionFind
from storyweave.models import Claim, Coverage

MIN_WORDS = 5


def align_units(matrix: StoryMatrix, threshold: float) -> list[list[int]]:
    """Groups of flat sentence indices that report the same information (singletons included)."""
    n = len(matrix.sentences)
    units = UnionFind(n)
    if len(matrix.articles) > 1 and n:
        best, where = matrix.best_in_each_article()
        for i in range(n):
            own = int(matrix.owner[i])
            for k in np.flatnonzero(best[i] >= threshold):
                j = int(where[i, k])
                if where[j, own] == i:  # mutual best match
                    units.union(i, j)
    return units.groups()


def _one_per_article(matrix: StoryMatrix, unit: list[int]) -> list[int]:
    """Keep each article's most central member, the most central of all first."""
    centrality = {i: float(matrix.match[i, unit].sum()) for i in unit}
    chosen: dict[int, int] = {}
    for i in sorted(unit, key=lambda i: (-centrality[i], i)):
        chosen.setdefault(int(matrix.owner[i]), i)
    return sorted(chosen.values(), key=lambda i: (-centrality[i], i))


def build_claims(matrix: StoryMatrix, syndication: list[list[int]], threshold: float) -> list[Claim]:
    group_of = {article: g for g, members in enumerate(syndication) for article in members}
    drafts = []
    for unit in align_units(matrix, threshold):
        members = _one_per_article(matrix, unit)
        head = members[0]
        if len(matrix.sentences[head].text.split()) < MIN_WORDS:
            continue
        articles = sorted(int(matrix.owner[i]) for i in members)
        independent = len({group_of[a] for a in articles})
        position = min(matrix.sentences[i].position for i in members)
        evidence = [matrix.evidence(head)] + [matrix.evidence(i, float(matrix.match[head, i])) for i in members[1:]]
        drafts.append((-independent, position, head, articles, independent, evidence))
    claims = []
    for number, (_, _, head, articles, independent, evidence) in enumerate(sorted(drafts), start=1):
        claims.append(
            Claim(
                id=f"c{number}",
                text=matrix.sentences[head].text,
                status="corroborated" if independent >= 2 else "single-source",
                sources=[a + 1 for a in articles],
                independent_sources=independent,
                evidence=evidence,
            )
        )
    return claims


def coverage(claims: list[Claim], n_sources: int, syndication: list[list[int]]) -> list[Coverage]:
    """Per source: the claims only it carries, and the corroborated claims it leaves out."""
    copies = {a + 1: [b + 1 for b in group if b != a] for group in syndication for a in group}
    result = []
    for source in range(1, n_sources + 1):
        only = [c.id for c in claims if c.independent_sources == 1 and source in c.sources]
        missing = [c.id for c in claims if c.status == "corroborated" and source not in c.sources]
        result.append(Coverage(source, only, missing, copies.get(source, [])))
    return result
