"""How ``follow`` places the articles of a round in stories.

Live, in milliseconds an article: each new article joins the story it matches among the recent window's stories
held in memory (``stories.live.LiveStories``), or founds one. And every ``regroup_every`` (at the first round
too, and whenever older articles sit in no story) the whole recent window is regrouped (``place_new``), which
joins the stories arrival order split and keeps the stories those of a batch grouping; the live stories are
seeded afresh from what that regroup read and made, and whenever another process (``storyweave ingest``
regroups too) has changed the stories.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from storyweave.follow.check import utc_now
from storyweave.store import Store
from storyweave.stories.grouping import GroupingSettings
from storyweave.stories.live import LiveStories
from storyweave.stories.store_sync import place_new

REGROUP_EVERY = timedelta(minutes=10)


class Placing:
    """``placing(store)`` places what the store holds in no story yet, as described above."""

    def __init__(
        self,
        *,
        workers: int = 1,
        settings: GroupingSettings | None = None,
        regroup_every: timedelta = REGROUP_EVERY,
    ) -> None:
        self.workers = workers
        self.settings = settings or GroupingSettings()
        self.regroup_every = regroup_every
        self._live: LiveStories | None = None
        self._regrouped: datetime | None = None

    def __call__(self, store: Store) -> None:
        now = utc_now()
        due = self._regrouped is None or now - self._regrouped >= self.regroup_every
        if due or store.count_unplaced(before=now - 2 * self.settings.window):
            report = place_new(store, self.settings, workers=self.workers, keep_features=True)
            self._regrouped = now
            self._live = (
                None
                if report.window is None
                else LiveStories(store, self.settings, window=report.window, mark=report.mark)
            )
            return
        if self._live is None or self._live.store is not store or not self._live.current():
            self._live = LiveStories(store, self.settings, now=now)  # seeding places the unplaced ones too
            return
        self._live.place(store.annotated(store.unplaced(since=now - 2 * self.settings.window)))
