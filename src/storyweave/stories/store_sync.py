"""Stories over a store: group the stored articles and record each story, its title, span and copies.

Grouping runs in batch over the store, in time order, or over the recent articles only (``regroup_recent``,
for a store that grows as feeds come in). A story's id comes from its
founding article (``summarize.story_id``, the one rule the corpus tables and a brief of files use too),
so a story keeps its id as it grows; membership changes are what
make a cached brief stale (see ``brief_for``).
"""

from __future__ import annotations

import contextlib
import hashlib
import json
from collections import Counter
from dataclasses import dataclass
from datetime import UTC, datetime

from storyweave.document import SCHEMA_ID, brief_from_dict, brief_to_json
from storyweave.models import AnnotatedArticle, Brief
from storyweave.settings import BriefSettings
from storyweave.store import Assignment, Store, StoreError, members_hash
from storyweave.stories.batch import group
from storyweave.stories.features import ArticleFeatures
from storyweave.stories.grouping import GroupingSettings
from storyweave.summarize import founding_order, story_id, story_title


@dataclass(frozen=True, slots=True)
class RegroupReport:
    articles: int
    stories: int
    copies: int
    # with ``keep_features``: the window's articles and their grouping features, to seed live placement from
    window: tuple[list[AnnotatedArticle], list[ArticleFeatures]] | None = None
    mark: int | None = None  # the stories mark right after the regroup wrote (``Store.stories_mark``)


def regroup_store(
    store: Store,
    settings: GroupingSettings | None = None,
    *,
    workers: int = 1,
    keep_since: datetime | None = None,
) -> RegroupReport:
    """Group every stored article into stories and record them in the store (``workers``: see ``group``); with
    ``keep_since``, the report keeps the articles from then on (and the undated) with their features."""
    ids = [article.id for article in store.iter_articles()]
    annotated = store.annotated(ids)
    grouping = group(annotated, settings, workers=workers, keep_features=keep_since is not None)
    assignments = []
    for members in grouping.groups:
        articles = sorted((annotated[i] for i in members), key=founding_order)
        copies = {annotated[i].id: annotated[grouping.copy_of[i]].id for i in members if i in grouping.copy_of}
        assignments.append(Assignment(story_id(articles), [a.id for a in articles], story_title(articles), copies))
    _, mark = store.assign_all(assignments)  # one transaction: a kill or a full disk leaves the stories as they were
    window = None
    if keep_since is not None:
        kept = [i for i, a in enumerate(annotated) if a.article.published is None or a.article.published >= keep_since]
        window = ([annotated[i] for i in kept], [grouping.features[i] for i in kept])
    return RegroupReport(len(annotated), len(grouping.groups), len(grouping.copy_of), window, mark)


def regroup_recent(
    store: Store,
    since: datetime,
    settings: GroupingSettings | None = None,
    *,
    workers: int = 1,
    keep_features: bool = False,
) -> RegroupReport:
    """Group only the articles from ``since`` on (the grouping window, for a store that grows as feeds come
    in), leaving older stories as they are: the work follows the window, not the store.

    A group that holds members of a stored story carries that story on: the group with most of them takes the
    story's older members (outside the window). Every story is named by its founding article, as
    ``regroup_store`` names it, so a story keeps its id while its founder stays in it; the part of a split
    story without the founder gets an id of its own.
    """
    recent = store.annotated([article.id for article in store.iter_articles(since=since)])
    grouping = group(recent, settings, workers=workers, keep_features=keep_features)
    owners = store.stories_of([a.id for a in recent])
    in_window = {a.id for a in recent}
    carried_on: set[str] = set()  # stored stories whose older members a group took
    taken: set[str] = set()  # story ids given out
    assignments = []
    for members in sorted(grouping.groups, key=len, reverse=True):  # the largest group carries a story on
        ids = [recent[i].id for i in members]
        stored = Counter(owners[i] for i in ids if i in owners)
        carried = next((sid for sid, _ in stored.most_common() if sid not in carried_on), None)
        articles = [recent[i] for i in members]
        copies = {recent[i].id: recent[grouping.copy_of[i]].id for i in members if i in grouping.copy_of}
        if carried is not None:
            carried_on.add(carried)
            older = [m for m in store.members(carried) if m.article_id not in in_window]
            articles += store.annotated([m.article_id for m in older])
            copies |= {m.article_id: m.syndicated_of for m in older if m.syndicated_of}
        articles.sort(key=founding_order)
        name = story_id(articles)  # the founder's, as regroup_store names it
        if name in taken:  # a story split in two: the part without its founder gets an id of its own
            name = "s" + hashlib.sha1("\n".join(sorted(a.id for a in articles)).encode()).hexdigest()[:12]
        taken.add(name)
        assignments.append(Assignment(name, [a.id for a in articles], story_title(articles), copies))
    _, mark = store.assign_all(assignments)
    window = (recent, grouping.features) if keep_features else None
    return RegroupReport(len(recent), len(grouping.groups), len(grouping.copy_of), window, mark)


def place_new(
    store: Store, settings: GroupingSettings | None = None, *, workers: int = 1, keep_features: bool = False
) -> RegroupReport:
    """Place what came in lately: the articles of the last two grouping windows are regrouped
    (``regroup_recent``); a store that holds older articles in no story (an archive read in, a run killed long
    ago) is regrouped whole instead. With ``keep_features`` the report keeps the window's articles and their
    features either way."""
    settings = settings or GroupingSettings()
    since = datetime.now(UTC) - 2 * settings.window
    if store.count_unplaced(before=since):  # one transaction either way: a kill leaves no story half-placed
        return regroup_store(store, settings, workers=workers, keep_since=since if keep_features else None)
    return regroup_recent(store, since, settings, workers=workers, keep_features=keep_features)


def cached_brief(store: Store, story_id: str, fingerprint: str | None = None) -> Brief | None:
    """The story's cached brief while its articles are unchanged (``fingerprint``, when the caller has it) and
    it was written in the current schema (a brief cached by an older release is made anew); else ``None``."""
    cached = store.brief(story_id)
    if cached is None or cached.schema != SCHEMA_ID:
        return None
    if cached.members_hash != (fingerprint or store_fingerprint(store, story_id)):
        return None
    return brief_from_dict(json.loads(cached.json))


def store_fingerprint(store: Store, story_id: str) -> str:
    """The fingerprint of the story's articles that its cached brief is kept under."""
    return members_hash([m.article_id for m in store.members(story_id)])


def made_brief(store: Store, story_id: str, settings: BriefSettings | None = None) -> tuple[Brief, str] | None:
    """The story's brief made anew from its stored articles, with the fingerprint of its members to cache it
    under; ``None`` for an unknown story. Reads only."""
    record = store.story(story_id)
    if record is None:
        return None
    from storyweave.api import brief_annotated  # the one brief pipeline (its id and title are the store's rules)

    ids = [m.article_id for m in store.members(story_id)]
    return brief_annotated(store.annotated(ids), settings), members_hash(ids)


def brief_for(store: Store, story_id: str, settings: BriefSettings | None = None) -> Brief | None:
    """The story's brief: the cached one while it is fresh (see ``cached_brief``), else made anew and cached
    (only briefs of the default settings are cached)."""
    default = settings is None or settings == BriefSettings()
    found = cached_brief(store, story_id) if default else None
    if found is not None:
        return found
    made = made_brief(store, story_id, settings)
    if made is None:
        return None
    if default:
        with contextlib.suppress(StoreError):  # a store that cannot be written (read-only, full disk): not cached
            store.set_brief(story_id, brief_to_json(made[0]), made[1])
    return made[0]
