"""The data that flows between storyweave's stages.

Every stage is a plain function from these records to these records, so the same
stages run in one process, on a process pool or on Spark executors. Offsets are
character offsets into ``Article.text``: ``article.text[s.start:s.end] == s.text``
holds for every sentence and every piece of evidence.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

import numpy as np


@dataclass(frozen=True, slots=True)
class Origin:
    """Where an article was read from, so any output can point back to it."""

    path: str | None = None
    line: int | None = None  # 1-based line of a JSON Lines record
    offset: int | None = None  # byte offset of a record inside a container file (WARC, JSONL)


def article_id(outlet: str, url: str | None, text: str) -> str:
    """A stable id: a hash of outlet and URL when there is a URL, else of outlet and text.

    The outlet is part of the key either way: the same wire copy run by two sites is
    two articles (the analysis counts them as one source, but both are kept).
    """
    outlet_key = outlet.strip().lower()
    if url:
        key = f"url\x00{outlet_key}\x00{url.strip()}"
    else:
        key = f"text\x00{outlet_key}\x00" + " ".join(text.split())
    return hashlib.sha1(key.encode("utf-8")).hexdigest()[:16]


@dataclass(slots=True)
class Article:
    """One news article as read from its source."""

    id: str
    text: str
    outlet: str
    title: str = ""
    url: str | None = None
    published: datetime | None = None  # timezone-aware, or None when unknown
    language: str = "en"
    origin: Origin = field(default_factory=Origin)

    @classmethod
    def create(
        cls,
        text: str,
        outlet: str,
        *,
        title: str = "",
        url: str | None = None,
        published: datetime | None = None,
        language: str = "en",
        origin: Origin | None = None,
    ) -> Article:
        return cls(
            id=article_id(outlet, url, text),
            text=text,
            outlet=outlet,
            title=title,
            url=url,
            published=published,
            language=language,
            origin=origin or Origin(),
        )


@dataclass(frozen=True, slots=True)
class Skipped:
    """An input that could not be used, with a one-line reason."""

    where: str
    reason: str


@dataclass(frozen=True, slots=True)
class Sentence:
    """One sentence of an article's body."""

    index: int  # position among the article's analysed sentences
    start: int
    end: int
    text: str
    paragraph: int  # index of the body paragraph it belongs to
    position: float  # 0.0 for the article's first body sentence, 1.0 for its last


@dataclass(frozen=True, slots=True)
class Entity:
    """A named entity mention."""

    text: str
    label: str  # spaCy label: PERSON, ORG, GPE, DATE, CARDINAL, ...
    start: int
    end: int
    sentence: int


@dataclass(slots=True)
class AnnotatedArticle:
    """An article with its body sentences, entities and sentence embeddings."""

    article: Article
    sentences: list[Sentence]
    entities: list[Entity]
    embeddings: np.ndarray  # shape (len(sentences), dim), float32, L2-normalised
    boilerplate_lines: int = 0  # lines left out of the analysis as boilerplate

    @property
    def id(self) -> str:
        return self.article.id


@dataclass(slots=True)
class Story:
    """The articles of one event."""

    id: str
    articles: list[AnnotatedArticle]
    title: str = ""


@dataclass(frozen=True, slots=True)
class Source:
    """An article as numbered in a brief."""

    number: int  # 1-based, as cited: [1], [2], ...
    article_id: str
    outlet: str
    title: str
    url: str | None
    published: datetime | None
    path: str | None


@dataclass(frozen=True, slots=True)
class Evidence:
    """The exact sentence of a cited article that supports a statement."""

    source: int
    article_id: str
    sentence: int
    start: int
    end: int
    text: str
    similarity: float = 1.0  # 1.0 for the sentence a statement was taken from


@dataclass(slots=True)
class SummarySentence:
    """A sentence of the summary and every source that reports it."""

    text: str
    evidence: list[Evidence]  # the first is the sentence the text was taken from

    @property
    def sources(self) -> list[int]:
        return sorted({e.source for e in self.evidence})


@dataclass(slots=True)
class Brief:
    """What storyweave writes for one story."""

    story_id: str
    title: str
    sources: list[Source]
    summary: list[SummarySentence]
    word_budget: int
    extras: dict[str, Any] = field(default_factory=dict)

    @property
    def summary_words(self) -> int:
        return sum(len(s.text.split()) for s in self.summary)
