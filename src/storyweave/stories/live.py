"""The recent window's stories in memory, so that a new article is placed in milliseconds.

``place_new`` regroups the whole recent window, which keeps the live stories equal to a batch grouping but
costs seconds in a busy window. ``LiveStories`` holds the incremental grouper seeded with the window's stored
stories (each stored article added to the story the store gives it) and places each new article against them
as the batch grouper's first pass would, then merges the story it joined with a neighbour that the second
pass would merge it with (``merge.settle``), writing its story to the store at once. The next regroup of the
window (``follow`` runs one every few minutes, see ``follow.placing``) also attaches articles left alone and
settles the rest; the live stories are then seeded afresh.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from datetime import UTC, datetime, timedelta

from storyweave.models import AnnotatedArticle
from storyweave.store import Assignment, Store
from storyweave.stories.batch import arrival_order
from storyweave.stories.feature_stream import feature_stream
from storyweave.stories.features import ArticleFeatures
from storyweave.stories.grouping import GroupingSettings, StoryGrouper
from storyweave.stories.merge import settle
from storyweave.summarize import story_id, story_title

SOON = timedelta(hours=1)  # an article dated later than this from now counts as dated now


class LiveStories:
    """The incremental grouper over the store's recent window, and the story id of each of its stories."""

    def __init__(
        self,
        store: Store,
        settings: GroupingSettings | None = None,
        *,
        now: datetime | None = None,
        window: tuple[list[AnnotatedArticle], list[ArticleFeatures]] | None = None,
        mark: int | None = None,
    ):
        """Seeded with the stored stories of the last two windows before ``now``; ``window``: those articles
        and their features as a regroup of the window just made them (``RegroupReport.window``), not read
        again, and ``mark`` the stories mark that regroup left (``RegroupReport.mark``)."""
        self.store = store
        self.settings = settings or GroupingSettings()
        # the mark the stories read below had: read before them (or left by the regroup that made them), so a
        # change by another process in between makes ``current`` false
        self.mark: int | None = mark if window is not None else store.stories_mark()
        if window is None:
            since = (now or datetime.now(UTC)) - 2 * self.settings.window
            articles = self.store.annotated([a.id for a in self.store.iter_articles(since=since)])
            order = arrival_order(articles)
            recent = [articles[i] for i in order]
            features = list(feature_stream(recent, self.settings.lead_sentences))
        else:
            order = arrival_order(window[0])
            recent, features = [window[0][i] for i in order], [window[1][i] for i in order]
        self._seed(recent, features)

    def _seed(self, recent: list[AnnotatedArticle], features: list[ArticleFeatures]) -> None:
        owners = self.store.stories_of([a.id for a in recent])
        self.grouper = StoryGrouper(self.settings)
        self.story_ids: list[str] = []  # story number -> its id in the store
        self.article_ids: list[str] = []  # article number -> its id
        number_of: dict[str, int] = {}
        unplaced = []
        for annotated, item in zip(recent, features, strict=True):
            owner = owners.get(annotated.id)
            if owner is None:
                unplaced.append(annotated)
                continue
            number = number_of.setdefault(owner, len(self.story_ids))
            if number == len(self.story_ids):
                self.story_ids.append(owner)
            self.grouper.seed(item, number)
            self.article_ids.append(annotated.id)
        if unplaced:
            self.place(unplaced)

    def current(self) -> bool:
        """No other process changed the stories since this one last wrote them (a regroup by ``storyweave
        ingest`` renames and merges stories: the grouper must then be seeded again)."""
        return self.store.stories_mark() == self.mark

    def place(self, articles: Sequence[AnnotatedArticle]) -> list[str]:
        """Place stored articles in the window's stories (or new ones), in arrival order; one transaction.
        Returns each article's story id, in the order given."""
        ordered = [articles[i] for i in arrival_order(articles)]
        assignments: list[Assignment] = []
        merged: list[tuple[str, str]] = []
        placed: dict[str, int] = {}
        soon = datetime.now(UTC) + SOON
        for annotated, item in zip(ordered, feature_stream(ordered, self.settings.lead_sentences), strict=True):
            number = len(self.article_ids)
            if item.published and item.published > soon:  # a feed's wrong date must not end the window's stories
                item = replace(item, published=soon)
            story = self.grouper.add(item)
            self.article_ids.append(annotated.id)
            if story == len(self.story_ids):  # a new story, named by its founder as every story is
                self.story_ids.append(story_id([annotated]))
                title = story_title([annotated])
            else:
                title = None
            original = self.grouper.copy_of.get(number)
            copies = {annotated.id: self.article_ids[original]} if original is not None else {}
            assignments.append(Assignment(self.story_ids[story], [annotated.id], title, copies))
            placed[annotated.id] = number
            merged += [(self.story_ids[kept], self.story_ids[gone]) for kept, gone in settle(self.grouper, story)]
        before, after = self.store.assign_all(assignments, merged)
        # still current only if nobody else wrote since this grouper last knew the stories
        self.mark = after if before == self.mark else None
        return [self.story_ids[self.grouper.story_of[placed[a.id]]] for a in articles]
