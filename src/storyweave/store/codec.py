"""Records to rows and back: compact JSON for sentences and entities, a numpy blob for vectors.

Sentence and entity texts are not stored: they are slices of the article text. Whatever cannot be
derived (a sentence whose text, index or position is not the usual one) is stored in full, so a
row always rebuilds the exact record.
"""

from __future__ import annotations

import json
from datetime import UTC, datetime
from typing import Any

import numpy as np

from storyweave.models import AnnotatedArticle, Article, Entity, Origin, Sentence

__all__ = [
    "ANNOTATION_COLUMNS",
    "ARTICLE_COLUMNS",
    "EMBEDDING_DTYPE",
    "annotation_row",
    "article_from_row",
    "article_row",
    "entities_from_json",
    "now_utc",
    "parse_utc",
    "sentences_from_json",
    "utc_text",
    "vectors_from_blob",
]

# float16 halves the store; cosines move by less than 1e-3. Rows keep their dtype, so a
# later version may store float32 and read both.
EMBEDDING_DTYPE = "<f2"

ARTICLE_COLUMNS = (
    "id, outlet, title, url, published, published_utc, language, text, "
    "origin_path, origin_line, origin_offset, ingested_at"
)
ANNOTATION_COLUMNS = (
    "article_id, sentences, entities, embeddings, embeddings_dtype, embeddings_shape, boilerplate_lines"
)
_COMPACT = (",", ":")


def utc_text(moment: datetime) -> str:
    """A fixed-width UTC timestamp that sorts as text: "2026-03-04T10:00:00.000000Z"."""
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def now_utc() -> str:
    return utc_text(datetime.now(UTC))


def parse_utc(text: str | None) -> datetime | None:
    return None if text is None else datetime.strptime(text, "%Y-%m-%dT%H:%M:%S.%fZ").replace(tzinfo=UTC)


def article_row(article: Article, ingested_at: str) -> tuple[Any, ...]:
    published = article.published
    return (
        article.id,
        article.outlet,
        article.title,
        article.url,
        published.isoformat() if published else None,
        utc_text(published) if published else None,
        article.language,
        article.text,
        article.origin.path,
        article.origin.line,
        article.origin.offset,
        ingested_at,
    )


def article_from_row(row: tuple[Any, ...]) -> Article:
    (id_, outlet, title, url, published, _utc, language, text, path, line, offset, _ingested) = row
    return Article(
        id=id_,
        text=text,
        outlet=outlet,
        title=title,
        url=url,
        published=datetime.fromisoformat(published) if published else None,
        language=language,
        origin=Origin(path=path, line=line, offset=offset),
    )


def _position(index: int, count: int) -> float:
    return index / max(count - 1, 1)  # as storyweave.nlp.annotate numbers them


def annotation_row(annotated: AnnotatedArticle) -> tuple[Any, ...]:
    text = annotated.article.text
    count = len(annotated.sentences)
    sentences: list[list[Any]] = []
    for i, s in enumerate(annotated.sentences):
        row: list[Any] = [s.start, s.end, s.paragraph]
        if s.index != i or s.position != _position(i, count) or s.text != text[s.start : s.end]:
            row += [s.index, s.position, s.text]
        sentences.append(row)
    entities: list[list[Any]] = []
    for e in annotated.entities:
        entity: list[Any] = [e.start, e.end, e.label, e.sentence]
        if e.text != text[e.start : e.end]:
            entity.append(e.text)
        entities.append(entity)
    vectors = np.ascontiguousarray(annotated.embeddings, dtype=EMBEDDING_DTYPE)
    return (
        annotated.article.id,
        json.dumps(sentences, separators=_COMPACT),
        json.dumps(entities, separators=_COMPACT, ensure_ascii=False),
        vectors.tobytes(),
        EMBEDDING_DTYPE,
        json.dumps(list(vectors.shape), separators=_COMPACT),
        annotated.boilerplate_lines,
    )


def sentences_from_json(data: str, text: str) -> list[Sentence]:
    rows = json.loads(data)
    sentences = []
    for i, row in enumerate(rows):
        start, end, paragraph = row[:3]
        index, position, sentence_text = row[3:] if len(row) > 3 else (i, _position(i, len(rows)), text[start:end])
        sentences.append(
            Sentence(index=index, start=start, end=end, text=sentence_text, paragraph=paragraph, position=position)
        )
    return sentences


def entities_from_json(data: str, text: str) -> list[Entity]:
    entities = []
    for row in json.loads(data):
        start, end, label, sentence = row[:4]
        entity_text = row[4] if len(row) > 4 else text[start:end]
        entities.append(Entity(text=entity_text, label=label, start=start, end=end, sentence=sentence))
    return entities


def vectors_from_blob(blob: bytes, dtype: str, shape: str) -> np.ndarray:
    """The stored vectors as float32 (the dtype the stages expect)."""
    dims = tuple(int(n) for n in json.loads(shape))
    return np.frombuffer(blob, dtype=np.dtype(dtype)).reshape(dims).astype(np.float32)
