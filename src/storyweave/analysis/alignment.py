"""Alignment: whether two sentences, of any two articles of a story, report the same information.

Meaning alone (cosine of sentence embeddings) confuses sentences on the same
topic; shared words alone miss rewordings. The match score blends both:
``0.5 * cosine + 0.5 * overlap``, where overlap is the share of the shorter
sentence's content words (numbers included) found in the other.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import numpy as np

from storyweave.models import SOURCE, AnnotatedArticle, Evidence, Sentence

_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]+|\d[\d,.:]*\d|\d")
STOP_WORDS = frozenset(
    """
    a an the and or but if of at by for with about against between into through during before after
    above below to from up down in out on off over under again further then once here there when where
    why how all any both each few more most other some such no nor not only own same so than too very
    can will just should now is are was were be been being have has had having do does did doing would
    could might must shall may said says say told tells according also its it it's he she they them his
    her their we our you your i me my this that these those who whom which what as one
    """.split()
)


def word_stem(token: str) -> str:
    """A light English stem: plurals and verb endings off ("taxes", "tax"; "raised", "raises", "raising")."""
    if token.isdigit() or len(token) <= 3:
        return token
    if token.endswith("ies") and len(token) > 4:
        token = token[:-3] + "y"
    elif token.endswith(("sses", "xes", "zes", "ches", "shes")):
        token = token[:-2]
    elif token.endswith("s") and not token.endswith(("ss", "us", "is")):
        token = token[:-1]
    for ending in ("ing", "ed"):
        if token.endswith(ending) and len(token) - len(ending) >= 3:
            token = token[: -len(ending)]
            break
    return token[:-1] if token.endswith("e") and len(token) > 3 else token


def content_words(text: str) -> frozenset[str]:
    """Lower-cased content words and numbers, lightly stemmed."""
    words = set()
    for token in _WORD.findall(text):
        token = token.lower().strip("'’-")
        if (len(token) < 2 and not token.isdigit()) or token in STOP_WORDS:
            continue
        words.add(word_stem(token))
    return frozenset(words)


def headline_and_lead(article: AnnotatedArticle, sentences: int = 3) -> frozenset[str]:
    """The content words of an article's headline and first ``sentences`` sentences: what it says it is about."""
    lead = " ".join(s.text for s in article.sentences[:sentences])
    return content_words(f"{article.article.title} {lead}")


def overlap_matrix(words: list[frozenset[str]]) -> np.ndarray:
    """overlap[i, j] = |w_i & w_j| / min(|w_i|, |w_j|), computed as one matrix product."""
    n = len(words)
    if n == 0:
        return np.zeros((0, 0), dtype=np.float32)
    counts: dict[str, int] = {}
    for ws in words:
        for w in ws:
            counts[w] = counts.get(w, 0) + 1
    vocabulary = {w: k for k, w in enumerate(w for w, c in counts.items() if c > 1)}
    incidence = np.zeros((n, max(len(vocabulary), 1)), dtype=np.float32)
    for i, ws in enumerate(words):
        for w in ws:
            k = vocabulary.get(w)
            if k is not None:
                incidence[i, k] = 1.0
    shared = incidence @ incidence.T
    sizes = np.array([max(len(ws), 1) for ws in words], dtype=np.float32)
    return shared / np.minimum(sizes[:, None], sizes[None, :])


def match_scores(similarity: np.ndarray, overlap: np.ndarray) -> np.ndarray:
    """The blended same-information score, in [0, 1]."""
    return 0.5 * np.clip(similarity, 0.0, 1.0) + 0.5 * overlap


@dataclass(slots=True)
class StoryMatrix:
    """All sentences of a story laid out flat, with their pairwise match scores."""

    articles: list[AnnotatedArticle]
    sentences: list[Sentence]
    owner: np.ndarray  # article index of each flat sentence
    vectors: np.ndarray
    words: list[frozenset[str]]
    cosine: np.ndarray  # cosine similarity of every pair of sentences
    match: np.ndarray  # same-information score of every pair of sentences
    offsets: list[int]  # flat index of each article's first sentence

    @classmethod
    def build(cls, articles: list[AnnotatedArticle]) -> StoryMatrix:
        owner = np.array([i for i, a in enumerate(articles) for _ in a.sentences], dtype=np.int64)
        sentences = [s for a in articles for s in a.sentences]
        dims = articles[0].embeddings.shape[1] if articles else 0
        vectors = (
            np.vstack([a.embeddings for a in articles if a.sentences])
            if sentences
            else np.zeros((0, dims), dtype=np.float32)
        )
        words = [content_words(s.text) for s in sentences]
        cosine = vectors @ vectors.T
        match = match_scores(cosine, overlap_matrix(words))
        offsets = np.cumsum([0] + [len(a.sentences) for a in articles])[:-1].tolist()
        return cls(articles, sentences, owner, vectors, words, cosine, match, offsets)

    def evidence(self, flat_index: int, score: float = 1.0, support: str = SOURCE, via: int | None = None) -> Evidence:
        """The Evidence record of a flat sentence, cited with ``score`` and ``support``."""
        article = int(self.owner[flat_index])
        sentence = self.sentences[flat_index]
        return Evidence(
            source=article + 1,
            article_id=self.articles[article].id,
            sentence=sentence.index,
            start=sentence.start,
            end=sentence.end,
            text=sentence.text,
            similarity=round(min(max(score, 0.0), 1.0), 4),
            support=support,
            via=via,
        )

    def flat_index(self, article: int, sentence: int) -> int:
        """The flat index of an article's sentence."""
        return self.offsets[article] + sentence
