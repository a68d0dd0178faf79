"""The annotate stage: Article -> AnnotatedArticle (sentences, entities, vectors).

Work is batched across articles where that changes nothing: every paragraph of a chunk
goes through spaCy's ``pipe`` together, and the sentences of all its articles are embedded
together, sorted by length (a sentence's vector does not depend on its batch, see
``model_graph.py``), so annotation is a function of the article alone, the same on any
engine, in any batch, on every run.
"""

from __future__ import annotations

import bisect
from collections.abc import Callable, Iterable, Iterator, Sequence

import numpy as np

from storyweave.ingest.boilerplate import split_body
from storyweave.ingest.inputs import describe
from storyweave.limits import current
from storyweave.models import AnnotatedArticle, Article, Entity, Sentence, Skipped
from storyweave.nlp.loader import Models
from storyweave.nlp.sentences import after_dateline, join_wrapped

# Entity labels kept: who, what organisation, where, and the things facts count.
ENTITY_LABELS = frozenset(
    """
    PERSON ORG GPE LOC NORP FAC EVENT PRODUCT LAW WORK_OF_ART DATE TIME MONEY PERCENT QUANTITY CARDINAL
    ORDINAL
    """.split()
)


def _pieces(text: str, start: int, end: int, limit: int) -> Iterator[tuple[int, int]]:
    """A sentence span cut into pieces of at most ``limit`` characters, at the last space before the limit
    (anywhere, in a run without spaces): a run of text no punctuation ends is not read as one sentence."""
    while end - start > limit:
        cut = text.rfind(" ", start + limit // 2, start + limit)
        cut = cut if cut > start else start + limit
        yield start, cut
        start = cut
        while start < end and text[start].isspace():
            start += 1
    if end > start:
        yield start, end


def _sentences(article: Article, models: Models) -> tuple[list[Sentence], list[tuple[int, int]], int]:
    limits = current()
    body = split_body(article.text)
    spans: list[tuple[int, int, int]] = []
    paragraphs = lines = join_wrapped(article.text, body.spans)
    for paragraph, (p_start, p_end) in enumerate(lines):
        p_start = after_dateline(article.text, p_start, p_end)  # first or after a headline
        for s_start, s_end in models.splitter.spans(article.text[p_start:p_end]):
            start = p_start + s_start
            for piece in _pieces(article.text, start, p_start + s_end, limits.sentence_chars):
                spans.append((*piece, paragraph))
        if len(spans) >= limits.article_sentences:
            del spans[limits.article_sentences :]  # the reader skips longer articles; this bounds the rest
            paragraphs = lines[: paragraph + 1]
            break
    last = max(len(spans) - 1, 1)
    sentences = [
        Sentence(
            index=i,
            start=start,
            end=end,
            text=article.text[start:end],
            paragraph=paragraph,
            position=i / last,
        )
        for i, (start, end, paragraph) in enumerate(spans)
    ]
    return sentences, paragraphs, body.dropped


def _entities(
    article: Article, paragraphs: list[tuple[int, int]], docs: Iterable, sentences: list[Sentence]
) -> list[Entity]:
    starts = [s.start for s in sentences]
    found: list[Entity] = []
    for (p_start, _), doc in zip(paragraphs, docs, strict=True):
        for ent in doc.ents:
            if ent.label_ not in ENTITY_LABELS:
                continue
            start, end = p_start + ent.start_char, p_start + ent.end_char
            sentence = bisect.bisect_right(starts, start) - 1
            if sentence < 0 or end > sentences[sentence].end:
                continue  # outside every analysed sentence (a dateline, a boundary): not traceable
            found.append(Entity(text=ent.text, label=ent.label_, start=start, end=end, sentence=sentence))
    return found


MODEL_CHUNK = 100_000  # characters of text the entity model is given at once (spaCy refuses over 1,000,000)


def _model_pieces(paragraphs: list[tuple[int, int]], sentences: list[Sentence]) -> list[tuple[int, int]]:
    """The paragraphs as the entity model reads them: a longer paragraph in pieces of at most ``MODEL_CHUNK``
    characters, cut between sentences (or, inside one overlong sentence, anywhere)."""
    ends = sorted(s.end for s in sentences)
    pieces = []
    for start, end in paragraphs:
        while end - start > MODEL_CHUNK:
            at = bisect.bisect_right(ends, start + MODEL_CHUNK) - 1
            cut = ends[at] if at >= 0 and ends[at] > start else start + MODEL_CHUNK
            pieces.append((start, cut))
            start = cut
        pieces.append((start, end))
    return pieces


def annotate_batch(articles: Sequence[Article], models: Models) -> list[AnnotatedArticle]:
    """Annotate a batch of articles: one spaCy pass and one embedding pass over all of them."""
    split = [_sentences(article, models) for article in articles]
    split = [(sentences, _model_pieces(paragraphs, sentences), dropped) for sentences, paragraphs, dropped in split]
    paragraph_texts = [
        article.text[start:end]
        for article, (_, paragraphs, _) in zip(articles, split, strict=True)
        for start, end in paragraphs
    ]
    docs = iter(models.nlp.pipe(paragraph_texts, batch_size=64))
    every_vector = models.embedder([s.text for sentences, _, _ in split for s in sentences])
    ends = np.cumsum([len(sentences) for sentences, _, _ in split])
    vectors = np.split(every_vector, ends[:-1]) if split else []
    annotated: list[AnnotatedArticle] = []
    for article, (sentences, paragraphs, dropped), article_vectors in zip(articles, split, vectors, strict=True):
        article_docs = [next(docs) for _ in paragraphs]
        annotated.append(
            AnnotatedArticle(
                article=article,
                sentences=sentences,
                entities=_entities(article, paragraphs, article_docs, sentences),
                embeddings=np.ascontiguousarray(article_vectors),
                boilerplate_lines=dropped,
            )
        )
    return annotated


def annotate_each(articles: Sequence[Article], models: Models) -> list[AnnotatedArticle | Skipped]:
    """Annotate a batch; when the batch fails, its articles one by one, and an article that fails alone too
    becomes a Skipped record with the reason: one article that breaks a model costs only itself."""
    try:
        return list(annotate_batch(articles, models))
    except Exception:
        pass
    done: list[AnnotatedArticle | Skipped] = []
    for article in articles:
        try:
            done.extend(annotate_batch([article], models))
        except Exception as err:
            reason = " ".join(str(err).split())[:200] or "no details"
            done.append(Skipped(describe(article), f"could not be analysed ({type(err).__name__}: {reason})"))
    return done


def annotate(
    articles: Iterable[Article],
    models: Models,
    *,
    batch_size: int = 32,
    progress: Callable[[int], None] | None = None,
    rejected: list[Skipped] | None = None,
) -> Iterator[AnnotatedArticle]:
    """Annotate articles in batches, in order; ``progress`` is told how many are done. An article no model can
    read goes to ``rejected`` with its reason (without that list, its error is raised)."""
    batch: list[Article] = []
    for article in articles:
        batch.append(article)
        if len(batch) >= batch_size:
            yield from kept(annotate_each(batch, models), rejected)
            if progress:
                progress(len(batch))
            batch = []
    if batch:
        yield from kept(annotate_each(batch, models), rejected)
        if progress:
            progress(len(batch))


def kept(done: Iterable[AnnotatedArticle | Skipped], rejected: list[Skipped] | None) -> list[AnnotatedArticle]:
    """The annotated articles of ``done``; the Skipped records go to ``rejected`` (or are raised without it)."""
    annotated = []
    for item in done:
        if isinstance(item, Skipped):
            if rejected is None:
                raise AnnotationFailed(f"{item.where}: {item.reason}")
            rejected.append(item)
        else:
            annotated.append(item)
    return annotated


class AnnotationFailed(RuntimeError):
    """An article the models could not read, where the caller keeps no list of rejects."""
