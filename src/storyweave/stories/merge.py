"""The second pass: stories that turn out to be one are merged.

Arrival order splits a story when its first articles differ (a headline about the
verdict, another about the appeal); comparing whole stories afterwards joins them.
Candidate pairs come from the nearest story centroids (no all-pairs); pairs merge
strongest first while their average link (the mean similarity over all pairs of
members, computed from the summed member profiles) passes the merge threshold.
Last, an article still alone joins the story whose centre it is near by that threshold:
the average link undersells one article against a story that has grown wide.
"""

from __future__ import annotations

import heapq
from collections import Counter

import numpy as np
from usearch.index import Index

from storyweave.analysis.syndication import UnionFind
from storyweave.stories.features import sparse_dot
from storyweave.stories.grouping import StoryGrouper, StoryProfile, vector_index, year_agreement


def _similarity(a: StoryProfile, b: StoryProfile, grouper: StoryGrouper, centroid: bool = False) -> float:
    """Average link by default; with ``centroid``, the cosines of the two stories' centres instead."""
    s = grouper.settings
    assert a.vector is not None and b.vector is not None
    if a.last and b.last and abs(a.last - b.last) > s.window:
        return 0.0  # stories far apart in time stay apart
    # Average link: the mean similarity over all pairs of members, which for summed unit vectors is the dot
    # product of the sums over the product of the sizes (a centroid cosine flatters large stories).
    pairs = len(a.members) * len(b.members)
    meaning_scale = a.vector_norm * b.vector_norm if centroid else pairs
    words_scale = (a.words_norm2 * b.words_norm2) ** 0.5 if centroid else pairs
    meaning = float(a.vector @ b.vector) / max(meaning_scale, 1e-9)
    words = sparse_dot(a.words, b.words) / max(words_scale, 1e-9)
    names = _overlap(a.names, b.names)
    long = (a.short + b.short) * 2 <= len(a.members) + len(b.members)
    strangers = long and bool(a.people) and bool(b.people) and not (a.people.keys() & b.people.keys())
    years = year_agreement(a.years, a.dated, b.years, b.dated) if long else 0.0
    return s.meaning * max(meaning, 0.0) + s.words * words + s.names * names - s.strangers * strangers + s.years * years


def _overlap(a: Counter[str], b: Counter[str]) -> float:
    if not a or not b:
        return 0.0
    return len(a.keys() & b.keys()) / min(len(a), len(b))


def _summed(a: Counter[str], b: Counter[str]) -> Counter[str]:
    """``a + b`` for positive counts: the larger copied, the smaller added to it."""
    large, small = (a, b) if len(a) >= len(b) else (b, a)
    total = large.copy()
    total.update(small)
    return total


def _combine(a: StoryProfile, b: StoryProfile) -> StoryProfile:
    assert a.vector is not None and b.vector is not None
    last = max((t for t in (a.last, b.last) if t), default=None)
    words = _summed(a.words, b.words)
    vector = a.vector + b.vector
    return StoryProfile(
        members=a.members + b.members,
        vector=vector,
        words=words,
        names=_summed(a.names, b.names),
        last=last,
        people=_summed(a.people, b.people),
        short=a.short + b.short,
        words_norm2=sum(v * v for v in words.values()),
        years=_summed(a.years, b.years),
        dated=a.dated + b.dated,
        vector_norm=float(np.linalg.norm(vector)),
    )


def _threshold(a: StoryProfile, b: StoryProfile, grouper: StoryGrouper) -> float:
    short = (a.short + b.short) * 2 > len(a.members) + len(b.members)
    return grouper.settings.short_merge_threshold if short else grouper.settings.merge_threshold


def _attach_strays(
    stories: dict[int, StoryProfile], joined: UnionFind, index: Index, grouper: StoryGrouper, neighbours: int
) -> None:
    """An article left alone joins the story whose centre it is close to by the merge threshold.

    The average link undersells one article against a story that has grown wide: it is the mean
    over all members, some of which cover another side of the event.
    """
    for number in [g[0] for g in joined.groups() if g[0] in stories and len(stories[g[0]].members) == 1]:
        stray = stories[number]
        assert stray.vector is not None
        roots = {joined.find(int(key)) for key in index.search(stray.vector, min(neighbours + 1, len(index))).keys}
        scored = [
            (_similarity(stray, stories[root], grouper, centroid=True), root)
            for root in roots
            if root != number and len(stories[root].members) > 1
        ]
        score, best = max(scored, default=(0.0, -1))
        if best >= 0 and score >= _threshold(stray, stories[best], grouper):
            joined.union(number, best)
            stories[joined.find(best)] = _combine(stories[best], stray)


def settle(grouper: StoryGrouper, story: int) -> list[tuple[int, int]]:
    """The second pass for one story an article has just joined, as articles arrive live: while the story and a
    neighbour (a story of the articles nearest its centre) pass the merge threshold by average link, the
    strongest pair merges, the larger story keeping its number. Applied to ``grouper``; returns the (kept,
    absorbed) pairs in order. A lone article is not attached to a story here, as the batch's last step does:
    the next articles of its event may yet join it (attached at once, they followed it into the wrong story).
    """
    merges: list[tuple[int, int]] = []
    while True:
        profile = grouper.stories[story]
        assert profile.vector is not None
        centre = profile.vector / max(profile.vector_norm, 1e-9)
        scored = [
            (_similarity(profile, grouper.stories[other], grouper), other)
            for other in grouper.neighbour_stories(centre) - {story}
        ]
        passing = [
            (score, other) for score, other in scored if score >= _threshold(profile, grouper.stories[other], grouper)
        ]
        if not passing:
            return merges
        other = max(passing)[1]
        kept, gone = (other, story) if len(grouper.stories[other].members) >= len(profile.members) else (story, other)
        grouper.absorb(kept, gone, _combine(grouper.stories[kept], grouper.stories[gone]))
        merges.append((kept, gone))
        story = kept


def merge_stories(grouper: StoryGrouper, neighbours: int = 10) -> list[list[int]]:
    """Member lists of the merged stories."""
    stories = {i: s for i, s in enumerate(grouper.stories) if s.members}
    if len(stories) < 2:
        return [s.members for s in stories.values()]
    index = vector_index(len(next(iter(stories.values())).vector))  # type: ignore[arg-type]
    for number, story in stories.items():
        assert story.vector is not None
        index.add(number, story.vector / max(float(np.linalg.norm(story.vector)), 1e-9))
    queue: list[tuple[float, int, int]] = []
    for number, story in stories.items():
        assert story.vector is not None
        for key in index.search(story.vector, min(neighbours + 1, len(stories))).keys:
            other = int(key)
            if other > number:
                score = _similarity(story, stories[other], grouper)
                if score >= _threshold(story, stories[other], grouper):
                    heapq.heappush(queue, (-score, number, other))
    joined = UnionFind(len(grouper.stories))
    while queue:
        _, a, b = heapq.heappop(queue)
        root_a, root_b = joined.find(a), joined.find(b)
        if root_a == root_b:
            continue
        score = _similarity(stories[root_a], stories[root_b], grouper)  # profiles may have grown since
        if score >= _threshold(stories[root_a], stories[root_b], grouper):
            joined.union(root_a, root_b)
            stories[joined.find(root_a)] = _combine(stories[root_a], stories[root_b])
    _attach_strays(stories, joined, index, grouper, neighbours)
    return [stories[group[0]].members for group in joined.groups() if group[0] in stories]  # not an absorbed one
