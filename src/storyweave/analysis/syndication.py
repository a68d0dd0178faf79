"""Syndicated copies: the same wire text run by several outlets counts as one source.

Two articles are copies when most of the shorter one's word 5-shingles occur in
the other (containment, so a trimmed copy or one with an added paragraph still
counts). Within a story this is exact and cheap; the corpus-wide search for
near-duplicates uses MinHash instead.
"""

from __future__ import annotations

import re

from storyweave.models import AnnotatedArticle

SHINGLE = 5
COPY_CONTAINMENT = 0.6
_TOKEN = re.compile(r"\w+")


def shingles(text: str, size: int = SHINGLE) -> set[int]:
    words = _TOKEN.findall(text.lower())
    return {hash(" ".join(words[i : i + size])) for i in range(max(len(words) - size + 1, 1))}


def containment(a: set[int], b: set[int]) -> float:
    if not a or not b:
        return 0.0
    return len(a & b) / min(len(a), len(b))


class UnionFind:
    """Disjoint sets over 0..n-1."""

    def __init__(self, n: int) -> None:
        self.parent = list(range(n))

    def find(self, x: int) -> int:
        while self.parent[x] != x:
            self.parent[x] = self.parent[self.parent[x]]
            x = self.parent[x]
        return x

    def union(self, a: int, b: int) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)

    def groups(self) -> list[list[int]]:
        found: dict[int, list[int]] = {}
        for x in range(len(self.parent)):
            found.setdefault(self.find(x), []).append(x)
        return sorted(found.values())


def syndication_groups(articles: list[AnnotatedArticle]) -> list[list[int]]:
    """Groups of article indices that are copies of one text (every article is in one group)."""
    sets = [shingles(" ".join(s.text for s in a.sentences)) for a in articles]
    groups = UnionFind(len(articles))
    for i in range(len(articles)):
        for j in range(i + 1, len(articles)):
            if containment(sets[i], sets[j]) >= COPY_CONTAINMENT:
                groups.union(i, j)
    return groups.groups()
