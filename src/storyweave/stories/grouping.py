"""Story grouping: each article joins the story it best matches, or starts a new one.

Articles arrive in time order. Candidates come from an approximate nearest-neighbour
index over article vectors (usearch) and from the stories that share a rare name with
the article, never from all stories, so the work per article stays flat as the corpus
grows. A candidate story scores by the article's closeness in meaning to the story's
centroid, the tf-idf cosine of their headline-and-lead words and the share of the
article's names the story already carries; between full articles, naming other people
and mentioning other years count against it and the same years for it (two events of
one kind, such as two earthquakes on one island, differ in who and when more than in
what). Stories older than the time window drop out. Near-duplicate and syndicated
copies (MinHash LSH, stories.duplicates) are found first and join the story of the
text they copy without scoring; ``copy_of`` remembers them so the analysis can count
them as one source. A headline-only item has less text and lower similarities, so it
joins and merges at lower thresholds than a full article. A second pass
(stories.merge) joins stories that arrival order split.
"""

from __future__ import annotations

from collections import Counter, deque
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime, timedelta

import numpy as np
from usearch.index import Index

from storyweave.stories.duplicates import NearDuplicates
from storyweave.stories.features import ArticleFeatures, DocumentFrequencies, sparse_dot


def vector_index(ndim: int) -> Index:
    """An approximate nearest-neighbour index of unit vectors by cosine.

    A narrower search than usearch's defaults (32 candidates kept while adding and searching, not 128
    and 64) halves the cost per article; at ten neighbours it finds the same stories (checked with
    ``storyweave eval clusters`` on both grouping sets).
    """
    return Index(ndim=ndim, metric="cos", expansion_add=32, expansion_search=32)


@dataclass(frozen=True, slots=True)
class GroupingSettings:
    """Tuned on ../shared/data/ecbplus-dev and uci-headlines-dev (benchmarks: storyweave eval clusters)."""

    threshold: float = 0.6  # a story must score this much for an article to join it
    short_threshold: float = 0.3  # the same for a headline-only item, whose similarities run lower
    merge_threshold: float = 0.4  # stories whose average link scores this much merge in the second pass
    short_merge_threshold: float = 0.18  # the same between stories of headline-only items
    meaning: float = 0.5
    words: float = 0.4
    names: float = 0.1
    neighbours: int = 10  # nearest articles whose stories become candidates
    # stories quiet for longer stop taking articles: a week, as news follows a trial, a strike or a storm (chosen on
    # benchmarks/labels/dated_news2, B-cubed 0.854 at three days, 0.890 at seven; ECB+ and UCI span less)
    window: timedelta = timedelta(days=7)
    rare_name: int = 50  # a name in at most this many stories is a candidate key
    name_stories: int = 1  # the latest stories of each rare name that become candidates
    lead_sentences: int = 20  # how much of each article stands for it
    strangers: float = 0.1  # taken off when two full articles (or stories) name people and share none
    # added when two full articles (or stories) mention the same years, taken off when they mention others:
    # times (mean cosine of their year sets - 0.5); reports of one event name its year, two events of one
    # kind mostly happened in different ones
    years: float = 0.3


@dataclass(slots=True)
class StoryProfile:
    """What a story is so far: its members and the sums of their features."""

    members: list[int] = field(default_factory=list)
    vector: np.ndarray | None = None  # running sum of member vectors
    words: Counter[str] = field(default_factory=Counter)  # running sum of member tf-idf weights
    names: Counter[str] = field(default_factory=Counter)
    last: datetime | None = None
    people: Counter[str] = field(default_factory=Counter)
    short: int = 0  # members that are headline-only
    words_norm2: float = 0.0  # squared length of ``words``, kept as members are added
    years: Counter[str] = field(default_factory=Counter)  # running sum of member year sets as unit vectors
    dated: int = 0  # members that mention a year
    vector_norm: float = 0.0  # length of ``vector``, kept as members are added

    def add(self, number: int, item: ArticleFeatures, weights: dict[str, float]) -> None:
        self.members.append(number)
        self.vector = item.vector.copy() if self.vector is None else self.vector + item.vector
        self.vector_norm = float(np.linalg.norm(self.vector))
        overlap = sparse_dot(weights, self.words)
        self.words_norm2 += 2 * overlap + sum(v * v for v in weights.values())
        self.words.update(weights)
        self.names.update(item.names)
        self.people.update(item.people)
        if item.years:
            self.dated += 1
            self.years.update(item.years)
        self.short += item.short
        if item.published and (self.last is None or item.published > self.last):
            self.last = item.published


def year_agreement(a: Mapping[str, float], a_dated: int, b: Mapping[str, float], b_dated: int) -> float:
    """How far the years of two stories agree, from -0.5 to 0.5: the mean cosine of the year sets over pairs of
    members that mention years, less one half; 0 when either has no such member."""
    if not a_dated or not b_dated:
        return 0.0
    return sparse_dot(a, b) / (a_dated * b_dated) - 0.5


class StoryGrouper:
    """Incremental grouping: ``add`` one article at a time, in arrival order."""

    def __init__(self, settings: GroupingSettings | None = None, frequencies: DocumentFrequencies | None = None):
        self.settings = settings or GroupingSettings()
        self.frequencies = frequencies or DocumentFrequencies()
        self._learn_frequencies = frequencies is None
        self._index: Index | None = None
        self.story_of: list[int] = []
        self.copy_of: dict[int, int] = {}  # article number -> the earlier article it copies
        self._copies = NearDuplicates()
        self._recent: deque[tuple[datetime, int]] = deque()  # dated articles still inside the window
        self.stories: list[StoryProfile] = []
        self._by_name: dict[str, list[int]] = {}

    def _candidates(self, item: ArticleFeatures) -> set[int]:
        found = self.neighbour_stories(item.vector)
        for name in item.names:
            stories = self._by_name.get(name, [])
            if len(stories) <= self.settings.rare_name:
                found.update(stories[max(len(stories) - self.settings.name_stories, 0) :])
        return found

    def _score(self, story: StoryProfile, item: ArticleFeatures, weights: dict[str, float]) -> float:
        s = self.settings
        if item.published and story.last and abs(item.published - story.last) > s.window:
            return 0.0
        assert story.vector is not None
        meaning = max(float(story.vector @ item.vector) / max(story.vector_norm, 1e-9), 0.0)
        norm = story.words_norm2**0.5 or 1.0
        words = sparse_dot(weights, story.words) / norm
        names = len(item.names & story.names.keys()) / len(item.names) if item.names else 0.0
        # two full articles naming different people are more likely two events of one kind (names in headlines
        # are too unreliable for that)
        strangers = not item.short and bool(item.people) and bool(story.people)
        strangers = strangers and item.people.isdisjoint(story.people)
        years = 0.0 if item.short else year_agreement(item.years, int(bool(item.years)), story.years, story.dated)
        return s.meaning * meaning + s.words * words + s.names * names - s.strangers * strangers + s.years * years

    def neighbour_stories(self, vector: np.ndarray) -> set[int]:
        """The stories of the window's articles nearest to ``vector`` (a unit vector)."""
        if self._index is None or not len(self._index):
            return set()
        matches = self._index.search(vector, min(self.settings.neighbours, len(self._index)))
        return {self.story_of[int(key)] for key in matches.keys}

    def absorb(self, kept: int, gone: int, profile: StoryProfile) -> None:
        """Story ``gone`` becomes part of story ``kept``, whose profile is now ``profile`` (both combined); ``gone``
        is left empty and is never a candidate again."""
        for member in self.stories[gone].members:
            self.story_of[member] = kept
        for name in self.stories[gone].names:
            stories = self._by_name.get(name, [])
            self._by_name[name] = [s for s in stories if s not in (kept, gone)] + [kept]
        self.stories[kept], self.stories[gone] = profile, StoryProfile()

    def _forget_before(self, moment: datetime) -> None:
        """Articles older than the window can no longer join a story: drop them from the indexes."""
        gone = []
        while self._recent and self._recent[0][0] < moment - self.settings.window:
            gone.append(self._recent.popleft()[1])
        if not gone:
            return
        if self._index is not None:
            self._index.remove(gone)
        self._copies.remove_many(gone)

    def add(self, item: ArticleFeatures) -> int:
        """Place one article; returns the number of its story."""
        number, weights, original = self._arrive(item)
        if original is not None:
            best = self.story_of[original]
            self.copy_of[number] = original
        else:
            scored = [(self._score(self.stories[c], item, weights), c) for c in self._candidates(item)]
            best_score, best = max(scored, default=(0.0, -1))
            threshold = self.settings.short_threshold if item.short else self.settings.threshold
            if best < 0 or best_score < threshold:
                best = len(self.stories)
                self.stories.append(StoryProfile())
        self._record(number, best, item, weights)
        return best

    def seed(self, item: ArticleFeatures, story: int) -> None:
        """Add an article already placed in story ``story`` (at most the number of stories so far: a new one),
        as the stored stories of a window are given back to the grouper to place new articles against them."""
        number, weights, _ = self._arrive(item)
        if story == len(self.stories):
            self.stories.append(StoryProfile())
        self._record(number, story, item, weights)

    def _arrive(self, item: ArticleFeatures) -> tuple[int, dict[str, float], int | None]:
        """Drop what fell out of the window and learn the article's words: its number, its words' weights, and
        the earlier article it copies, if any."""
        if item.published:
            self._forget_before(item.published)
        if self._learn_frequencies:
            self.frequencies.add(item.words)
        number = len(self.story_of)
        return number, self.frequencies.weigh(item.words), self._copies.add(number, item.signature)

    def _record(self, number: int, story: int, item: ArticleFeatures, weights: dict[str, float]) -> None:
        self.stories[story].add(number, item, weights)
        self.story_of.append(story)
        for name in item.names:
            stories = self._by_name.setdefault(name, [])
            if not stories or stories[-1] != story:
                stories.append(story)
        if self._index is None:
            self._index = vector_index(len(item.vector))
        self._index.add(number, item.vector)
        if item.published:
            self._recent.append((item.published, number))
