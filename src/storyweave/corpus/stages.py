"""The stages of the corpus job, as plain functions both engines call.

read (file bytes -> articles) -> pick one copy of each article id -> annotate (per partition, in batches)
-> group (per time partition, then across edges; see corpus.partitions) -> brief (per story).

A record that fails a stage becomes a ``Reject`` with its reason; it never fails the job.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, replace
from datetime import datetime
from typing import Any
from urllib.parse import unquote, urlparse

from storyweave.api import brief_annotated
from storyweave.corpus.ordering import article_order, reading_order
from storyweave.corpus.tables import StoryRows, brief_parquet_row
from storyweave.document import brief_to_dict
from storyweave.ingest.inputs import describe, read_file_bytes
from storyweave.models import AnnotatedArticle, Article, Skipped
from storyweave.nlp.annotate import annotate_each
from storyweave.nlp.loader import Models, load_models
from storyweave.settings import BriefSettings
from storyweave.summarize.identity import story_id

__all__ = [
    "ANNOTATE_BATCH",
    "BriefedStory",
    "Reject",
    "annotate_copies",
    "annotate_partition",
    "brief_story",
    "first_of_id",
    "local_path",
    "read_file",
    "text_key",
]

ANNOTATE_BATCH = 16  # articles annotated together (spaCy's pipe over their paragraphs)


@dataclass(frozen=True, slots=True)
class Reject:
    """A record the job left out: the stage it failed in, where it came from, and why."""

    stage: str  # read, annotate or brief
    where: str  # "path", "path:line", or a story id
    reason: str
    article_id: str | None = None

    def as_dict(self) -> dict[str, Any]:
        return {"stage": self.stage, "where": self.where, "reason": self.reason, "article_id": self.article_id}


@dataclass(frozen=True, slots=True)
class BriefedStory:
    """One story of the corpus: its brief (as JSON values) and its memberships."""

    story_id: str
    title: str
    first: datetime | None
    last: datetime | None
    outlets: list[str]
    members: list[dict[str, Any]]  # membership rows: article id, what it copies, outlet, title, url, published
    brief: dict[str, Any]

    def story_row(self) -> dict[str, Any]:
        return {
            "story_id": self.story_id,
            "title": self.title,
            "first_published": self.first.isoformat() if self.first else None,
            "last_published": self.last.isoformat() if self.last else None,
            "articles": len(self.members),
            "outlets": self.outlets,
        }

    def membership_rows(self) -> list[dict[str, Any]]:
        return [{"story_id": self.story_id} | member for member in self.members]

    def rows(self) -> StoryRows:
        """The story's rows of the stories, memberships and briefs tables (the brief as JSON text)."""
        return self.story_row(), self.membership_rows(), brief_parquet_row(self.brief)


def local_path(path: str) -> str:
    """A path as the job records it: "file:" URLs (as Spark names local files) become plain paths."""
    if path.startswith("file:"):
        return unquote(urlparse(path).path)
    return path


def read_file(path: str, data: bytes) -> list[Article | Reject]:
    """The articles in one file's bytes, read by the reader its extension calls for."""
    return [_reject_skipped(item) if isinstance(item, Skipped) else item for item in read_file_bytes(path, data)]


def _reject_skipped(skipped: Skipped) -> Reject:
    return Reject("read", skipped.where, skipped.reason)


def first_of_id(records: Iterable[Article]) -> list[Article | Reject]:
    """Records of one article id: the first in reading order is kept, each later one is a duplicate reject."""
    ordered = sorted(records, key=reading_order)
    dropped = [Reject("read", describe(r), f"duplicate of {describe(ordered[0])}", r.id) for r in ordered[1:]]
    return [ordered[0], *dropped]


def text_key(article: Article) -> str:
    """Articles with one text (wire copies run verbatim) share their annotation: it depends on the text alone."""
    return hashlib.sha1(article.text.encode("utf-8", "surrogatepass")).hexdigest()


def annotate_copies(
    copies: Iterable[Sequence[Article]], models: Models | None = None
) -> Iterator[AnnotatedArticle | Reject]:
    """Annotate each group of same-text articles once; every article of the group gets that annotation."""
    groups = [list(group) for group in copies]
    for group, done in zip(groups, annotate_partition((group[0] for group in groups), models), strict=True):
        for article in group:
            if isinstance(done, Reject):
                yield Reject(done.stage, describe(article), done.reason, article.id)
            else:
                yield done if article is group[0] else replace(done, article=article)


def annotate_partition(
    articles: Iterable[Article], models: Models | None = None, batch: int = ANNOTATE_BATCH
) -> Iterator[AnnotatedArticle | Reject]:
    """Annotate articles in batches; when a batch fails, its articles are tried one by one."""
    models = models or load_models(threads=1)
    pending: list[Article] = []
    for article in articles:
        pending.append(article)
        if len(pending) >= batch:
            yield from _annotate(pending, models)
            pending = []
    if pending:
        yield from _annotate(pending, models)


def _annotate(articles: list[Article], models: Models) -> list[AnnotatedArticle | Reject]:
    return [
        Reject("annotate", done.where, done.reason, article.id) if isinstance(done, Skipped) else done
        for article, done in zip(articles, annotate_each(articles, models), strict=True)
    ]


def brief_story(
    members: Iterable[tuple[AnnotatedArticle, str | None]], settings: BriefSettings, models: Models | None = None
) -> BriefedStory | Reject:
    """A story's record from its members (annotated article, id of the article it copies), in any order,
    briefed with ``models`` (or, without them, this process's parser: the brief needs no other model)."""
    ordered = sorted(members, key=lambda member: article_order(member[0]))
    articles = [a for a, _ in ordered]
    sid = story_id(articles)
    try:
        brief = brief_annotated(articles, settings, models=models)
        document = brief_to_dict(brief)
    except Exception as err:
        return Reject("brief", sid, f"{type(err).__name__}: {err}")
    dates = [a.article.published for a in articles if a.article.published is not None]
    return BriefedStory(
        story_id=sid,
        title=brief.title,
        first=min(dates, default=None),
        last=max(dates, default=None),
        outlets=sorted({a.article.outlet for a in articles}),
        members=[_membership(a.article, copy) for a, copy in ordered],
        brief=document,
    )


def _membership(article: Article, copy_of: str | None) -> dict[str, Any]:
    return {
        "article_id": article.id,
        "copy_of": copy_of,
        "outlet": article.outlet,
        "title": article.title,
        "url": article.url,
        "published": article.published.isoformat() if article.published else None,
        "path": article.origin.path,
    }
