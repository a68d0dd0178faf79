"""What story grouping compares: an article's lead in meaning, its distinctive words, its names, its time."""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from datetime import datetime

import numpy as np

from storyweave.analysis.alignment import STOP_WORDS
from storyweave.analysis.entities import NAME_LABELS, core_name
from storyweave.models import AnnotatedArticle
from storyweave.stories.duplicates import signature

LEAD_SENTENCES = 3  # the headline-and-lead part of an article that says what it is about
_TOKEN = re.compile(r"[a-z][a-z0-9'’-]+|\d+")
_YEAR = re.compile(r"\b(?:19|20)\d\d\b")


def _term(token: str) -> str:
    token = token.strip("'’-")
    if len(token) <= 2 or token in STOP_WORDS:
        return ""
    return token[:-1] if token.endswith("s") and len(token) > 4 else token


class _Remembered(dict[str, str]):
    """A function of a string, remembered: the same words and names come back all the time.

    Forgets everything past ``kept`` entries, so a long run's vocabulary cannot fill the memory.
    """

    def __init__(self, function: Callable[[str], str], kept: int = 500_000) -> None:
        super().__init__()
        self.function, self.kept = function, kept

    def __missing__(self, key: str) -> str:
        if len(self) >= self.kept:
            self.clear()
        value = self[key] = self.function(key)
        return value


_TERMS = _Remembered(_term)  # token -> its term ("" for none)
_CORES = _Remembered(lambda text: core_name(text).lower())  # entity text -> its lower-cased core name


def terms(text: str) -> Counter[str]:
    """Lower-cased content words, plural-stemmed."""
    return Counter(filter(None, map(_TERMS.__getitem__, _TOKEN.findall(text.lower()))))


@dataclass(slots=True)
class ArticleFeatures:
    vector: np.ndarray  # mean of the title-and-lead sentence vectors, L2-normalised
    words: Counter[str]  # term counts of title and lead
    names: frozenset[str]  # named entities of the whole article, lower-cased cores
    people: frozenset[str]  # surnames of the people it names
    years: dict[str, float]  # the years it mentions, as a unit vector: reports of one event mention the same ones
    published: datetime | None
    short: bool  # a headline or a one-sentence item: less text, lower similarities
    signature: np.ndarray  # MinHash signature of the title and opening text, to recognise copies by


def features(annotated: AnnotatedArticle, lead_sentences: int = LEAD_SENTENCES) -> ArticleFeatures:
    lead = annotated.embeddings[:lead_sentences]
    vector = lead.mean(axis=0) if len(lead) else np.zeros(annotated.embeddings.shape[1], dtype=np.float32)
    norm = float(np.linalg.norm(vector))
    text = annotated.article.title + " " + " ".join(s.text for s in annotated.sentences[:lead_sentences])
    cores = [(e.label, _CORES[e.text]) for e in annotated.entities if e.label in NAME_LABELS]
    names = frozenset(core for _, core in cores if core)
    people = frozenset(core.split()[-1] for label, core in cores if label == "PERSON" and core)
    return ArticleFeatures(
        vector=(vector / norm if norm else vector).astype(np.float32),
        words=terms(text),
        names=names,
        people=people,
        years=year_weights(frozenset(_YEAR.findall(annotated.article.title + " " + annotated.article.text))),
        published=annotated.article.published,
        short=len(annotated.sentences) <= 1,
        signature=signature(annotated.article.title + "\n" + annotated.article.text[:800]),
    )


def sparse_dot(a: Mapping[str, float], b: Mapping[str, float]) -> float:
    """The dot product of two sparse vectors kept as word -> weight.

    Summed with ``math.fsum``, whose result does not depend on the order of the terms: the shared
    words come out of a set, whose order changes from process to process, and one engine's workers
    must score exactly as another's.
    """
    return math.fsum(a[w] * b[w] for w in a.keys() & b.keys())


def year_weights(years: frozenset[str]) -> dict[str, float]:
    """A set of years as a unit vector."""
    return dict.fromkeys(years, len(years) ** -0.5) if years else {}


class DocumentFrequencies:
    """Running document frequencies for idf weights (updated as articles arrive, or filled in one pass)."""

    def __init__(self) -> None:
        self.documents = 0
        self.counts: Counter[str] = Counter()

    def add(self, words: Iterable[str]) -> None:
        self.documents += 1
        self.counts.update(set(words))

    def idf(self, word: str) -> float:
        return math.log((self.documents + 1) / (self.counts[word] + 1)) + 1.0

    def weigh(self, words: Counter[str]) -> dict[str, float]:
        """Sublinear tf-idf, L2-normalised."""
        top, counts, log = math.log(self.documents + 1) + 1.0, self.counts, math.log
        weighted = {w: (1.0 + log(n)) * (top - log(counts[w] + 1)) for w, n in words.items()}
        norm = math.sqrt(sum(v * v for v in weighted.values())) or 1.0
        return {w: v / norm for w, v in weighted.items()}
