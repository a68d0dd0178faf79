"""Story grouping at corpus scale: group each time partition alone, then join stories across partition edges.

Articles fall into partitions by publication time (``days`` wide, counted from the Unix epoch; undated
articles form one partition of their own). Each partition is grouped by the same batch grouping as
``storyweave.stories.group``, with its articles in a fixed order (time, then id), so any engine that
groups the same partition gets the same stories. A story that comes within the grouping window of a
partition edge is an *edge story*; the edge stories on both sides of an edge are compared with the same
average-link merge the batch grouping ends with, and the pairs it joins are returned. Joining those pairs
(``join_stories``) gives the corpus's stories.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import TypeVar

from storyweave.analysis.syndication import UnionFind
from storyweave.corpus.ordering import EPOCH, article_order
from storyweave.models import AnnotatedArticle
from storyweave.stories.batch import group
from storyweave.stories.features import ArticleFeatures
from storyweave.stories.grouping import GroupingSettings, StoryGrouper, StoryProfile
from storyweave.stories.merge import merge_stories

__all__ = [
    "UNDATED",
    "PartitionStory",
    "edge_entries",
    "group_partition",
    "join_edges",
    "join_stories",
    "joins",
    "members_by_story",
    "merge_edge",
    "partition_of",
]

T = TypeVar("T")
UNDATED = -1  # the partition of articles with no publication date


@dataclass(slots=True)
class PartitionStory:
    """A story as one partition's grouping found it."""

    key: str  # "<partition>/<number>", unique in the corpus
    partition: int
    members: list[str]  # article ids, in placing order
    copy_of: dict[str, str] = field(default_factory=dict)  # copy's id -> the id of the article it copies
    first: datetime | None = None
    last: datetime | None = None
    edges: list[int] = field(default_factory=list)  # the partition edges it comes near (numbered by the later side)
    edge_features: list[ArticleFeatures] = field(default_factory=list)  # its members' features, for edge stories


def partition_of(published: datetime | None, days: int) -> int:
    """The time partition of a publication date (UNDATED for none)."""
    if published is None:
        return UNDATED
    return int((published - EPOCH) // timedelta(days=days))


def group_partition(
    partition: int,
    annotated: Iterable[AnnotatedArticle],
    *,
    days: int,
    settings: GroupingSettings | None = None,
) -> list[PartitionStory]:
    """Group one partition's articles; edge stories carry their members' features for the edge merge."""
    settings = settings or GroupingSettings()
    articles = sorted(annotated, key=article_order)
    grouping = group(articles, settings, keep_features=True)
    story_of = {i: number for number, members in enumerate(grouping.groups) for i in members}
    copies: dict[int, dict[str, str]] = {}  # story number -> its copies' ids -> the ids they copy
    for copy, original in grouping.copy_of.items():
        copies.setdefault(story_of[copy], {})[articles[copy].id] = articles[original].id
    stories: list[PartitionStory] = []
    for number, members in enumerate(grouping.groups):
        dates = [d for d in (articles[i].article.published for i in members) if d is not None]
        story = PartitionStory(
            key=f"{partition}/{number}",
            partition=partition,
            members=[articles[i].id for i in members],
            copy_of=copies.get(number, {}),
            first=min(dates, default=None),
            last=max(dates, default=None),
        )
        story.edges = _edges(partition, story.first, story.last, days, settings.window)
        if story.edges:
            story.edge_features = [grouping.features[i] for i in members]
        stories.append(story)
    return stories


def _edges(partition: int, first: datetime | None, last: datetime | None, days: int, window: timedelta) -> list[int]:
    """The edges (numbered by the partition after them) a story comes within the window of."""
    if partition == UNDATED or first is None or last is None:
        return []
    start = EPOCH + timedelta(days=days * partition)
    found = []
    if first - start < window:
        found.append(partition)
    if start + timedelta(days=days) - last <= window:
        found.append(partition + 1)
    return found


def merge_edge(stories: Sequence[PartitionStory], settings: GroupingSettings | None = None) -> list[tuple[str, str]]:
    """Pairs of edge stories (by key) that the average-link merge joins."""
    stories = sorted(stories, key=lambda s: s.key)
    if len({s.partition for s in stories}) < 2:
        return []
    grouper = StoryGrouper(settings or GroupingSettings())
    for story in stories:
        for item in story.edge_features:
            grouper.frequencies.add(item.words)
    owner: list[int] = []
    for n, story in enumerate(stories):
        profile = StoryProfile()
        for item in story.edge_features:
            profile.add(len(owner), item, grouper.frequencies.weigh(item.words))
            owner.append(n)
        grouper.stories.append(profile)
    pairs: list[tuple[str, str]] = []
    for members in merge_stories(grouper):
        joined = sorted({owner[m] for m in members})
        pairs.extend((stories[joined[0]].key, stories[other].key) for other in joined[1:])
    return pairs


def edge_entries(story: PartitionStory) -> list[tuple[int, PartitionStory]]:
    """The story under each partition edge it comes near: the stories merged at an edge are those under it."""
    return [(edge, story) for edge in story.edges]


def join_edges(stories: Iterable[PartitionStory], settings: GroupingSettings | None = None) -> dict[str, str]:
    """The stories near each edge merged (``merge_edge``) and joined (``join_stories``), in this process (Spark
    merges each edge on its executors, with the same two functions)."""
    by_edge: dict[int, list[PartitionStory]] = {}
    for edge, story in (entry for s in stories for entry in edge_entries(s)):
        by_edge.setdefault(edge, []).append(story)
    return join_stories(pair for edge in sorted(by_edge) for pair in merge_edge(by_edge[edge], settings))


def joins(joined: dict[str, str]) -> int:
    """How many stories were joined to another across an edge."""
    return sum(1 for key, into in joined.items() if key != into)


def join_stories(pairs: Iterable[tuple[str, str]]) -> dict[str, str]:
    """Each story key named in ``pairs`` -> the smallest key it is joined with; keys not named stay themselves."""
    pairs = list(pairs)
    keys = sorted({key for pair in pairs for key in pair})
    number = {key: n for n, key in enumerate(keys)}
    joined = UnionFind(len(keys))
    for a, b in pairs:
        joined.union(number[a], number[b])
    smallest: dict[int, str] = {}
    for n, key in enumerate(keys):
        smallest.setdefault(joined.find(n), key)
    return {key: smallest[joined.find(n)] for n, key in enumerate(keys)}


def members_by_story(
    stories: Iterable[PartitionStory], articles: Mapping[str, T], joined: dict[str, str]
) -> Iterator[tuple[str, bool, list[tuple[T, str | None]]]]:
    """For each partition story: its corpus story key, whether it was joined across an edge, and its members
    (``articles[id]``: the annotated article or where to find it; the id of the article it copies)."""
    for story in stories:
        members = [(articles[a], story.copy_of.get(a)) for a in story.members]
        yield joined.get(story.key, story.key), story.key in joined, members
