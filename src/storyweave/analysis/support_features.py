"""The features of one candidate support: does this sentence (or pair) of another article carry a sentence's atoms?

Each feature is a plain number about content: how much of the sentence's weighted words, names,
quantities and dates the candidate carries, whether a quantity or a date is given differently,
whether one is negated and the other not, how much of a quotation it repeats, and how close the
two are in meaning. ``FEATURES`` names them in the order of a feature vector.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

import numpy as np
from rapidfuzz import fuzz

from storyweave.analysis.alignment import StoryMatrix
from storyweave.analysis.atoms import Atoms, stem
from storyweave.analysis.conflicts import Disagreement, carried, disagreement

FEATURES = (
    "cosine",
    "cosine_z",
    "mutual",
    "match",
    "coverage",
    "reverse_coverage",
    "article_coverage",
    "coverage_x_cosine",
    "key_coverage",
    "names",
    "names_missing",
    "has_names",
    "article_names",
    "quantities",
    "quantities_missing",
    "has_quantities",
    "quantities_gap",
    "dates",
    "has_dates",
    "dates_gap",
    "negation_differs",
    "quote",
    "has_quote",
    "length",
    "candidate_length",
    "pair",
    "rank",
)
_TOKEN = re.compile(r"[A-Za-z][A-Za-z'’-]*|\d+")


def _tokens(text: str) -> frozenset[str]:
    return frozenset(stem(t) for t in _TOKEN.findall(text))


@dataclass(frozen=True, slots=True)
class Candidate:
    rows: tuple[int, ...]  # flat indices of the candidate's sentences
    vector: tuple[float, ...]  # in the order of FEATURES
    complete: bool  # carries every quantity and date of the sentence
    conflict: Disagreement | None  # a quantity or a day it gives differently
    same_words: bool = False  # one sentence with the same content words as the sentence (a copy)


@dataclass(slots=True)
class StoryFeatures:
    """What candidates of one story are scored on, computed once per story (word incidences as matrices)."""

    matrix: StoryMatrix
    atoms: list[Atoms]
    weighted: np.ndarray  # weighted[i, w]: idf of word w when sentence i has it
    present: np.ndarray  # present[i, w]: 1 when sentence i has word w
    keys: np.ndarray  # keys[i, w]: 1/3 for each of sentence i's three rarest words
    coverage: np.ndarray  # coverage[i, j]: idf-weighted share of i's words in sentence j
    cosine: np.ndarray  # cosine[i, j] of the sentence vectors
    spread: np.ndarray  # spread[i, k]: (mean, std) of i's cosines to article k's sentences
    best: np.ndarray  # best[i, k]: article k's sentence closest in meaning to sentence i
    article_coverage: np.ndarray  # article_coverage[i, k]: idf-weighted share of i's words anywhere in article k
    tokens: list[frozenset[str]]
    article_tokens: list[frozenset[str]]
    lengths: list[int]
    texts: list[tuple[int, str]]  # each sentence's start offset and text

    @classmethod
    def build(cls, matrix: StoryMatrix, atoms: list[Atoms]) -> StoryFeatures:
        n, n_articles = len(matrix.sentences), len(matrix.articles)
        df: dict[str, int] = {}
        for words in matrix.words:
            for w in words:
                df[w] = df.get(w, 0) + 1
        idf = {w: math.log((n + 1) / (c + 0.5)) for w, c in df.items()}
        vocabulary = {w: k for k, w in enumerate(df)}
        weighted = np.zeros((n, max(len(vocabulary), 1)), dtype=np.float32)
        keys = np.zeros_like(weighted)
        for i, words in enumerate(matrix.words):
            for w in words:
                weighted[i, vocabulary[w]] = idf[w]
            rarest = sorted(words, key=lambda w: (-idf[w], w))[:3]
            for w in rarest:
                keys[i, vocabulary[w]] = 1.0 / len(rarest)
        present = (weighted > 0).astype(np.float32)
        totals = np.maximum(weighted.sum(axis=1), 1e-6)
        coverage = (weighted @ present.T) / totals[:, None]
        cosine = matrix.vectors @ matrix.vectors.T
        spread = np.zeros((n, n_articles, 2), dtype=np.float32)
        best = np.zeros((n, n_articles), dtype=np.int64)
        in_article = np.zeros((n_articles, weighted.shape[1]), dtype=np.float32)
        tokens = [_tokens(s.text) for s in matrix.sentences]
        article_tokens = []
        for k in range(n_articles):
            rows = range(matrix.offsets[k], matrix.offsets[k] + len(matrix.articles[k].sentences))
            article_tokens.append(frozenset().union(*(tokens[r] for r in rows)))
            if len(rows):
                block = cosine[:, rows.start : rows.stop]
                spread[:, k, 0], spread[:, k, 1] = block.mean(axis=1), block.std(axis=1)
                best[:, k] = rows.start + block.argmax(axis=1)
                in_article[k] = present[rows.start : rows.stop].max(axis=0)
        article_coverage = (weighted @ in_article.T) / totals[:, None]
        lengths = [len(s.text.split()) for s in matrix.sentences]
        texts = [(s.start, s.text) for s in matrix.sentences]
        return cls(
            matrix, atoms, weighted, present, keys, coverage, cosine, spread, best, article_coverage, tokens,
            article_tokens, lengths, texts,
        )  # fmt: skip

    def _coverages(self, flat: int, rows: tuple[int, ...]) -> tuple[float, float, float]:
        """(share of the sentence's words the rows carry, share of the rows' words it carries, key words carried)."""
        if len(rows) == 1:
            j = rows[0]
            keys = float(self.keys[flat] @ self.present[j])
            return float(self.coverage[flat, j]), float(self.coverage[j, flat]), keys
        theirs = self.present[list(rows)].max(axis=0)
        their_weights = self.weighted[list(rows)].max(axis=0)
        total = float(self.weighted[flat].sum())
        coverage = float(self.weighted[flat] @ theirs) / total if total else 0.0
        their_total = float(their_weights.sum())
        reverse = float(their_weights @ self.present[flat]) / their_total if their_total else 0.0
        return coverage, reverse, float(self.keys[flat] @ theirs)

    def candidate(self, flat: int, rows: tuple[int, ...], rank: int) -> Candidate:
        """The features of ``rows`` (one or two sentences of one article) as support for sentence ``flat``."""
        matrix, atoms = self.matrix, self.atoms[flat]
        theirs = [self.atoms[r] for r in rows]
        article = int(matrix.owner[rows[0]])
        owner = int(matrix.owner[flat])
        cosine = max(float(self.cosine[flat, r]) for r in rows)
        mean, std = self.spread[flat, article]
        coverage, reverse, key = self._coverages(flat, rows)
        tokens = self.tokens[rows[0]] if len(rows) == 1 else frozenset().union(*(self.tokens[r] for r in rows))
        names_carried = [bool(name & tokens) for name in atoms.names]
        names_anywhere = [bool(name & self.article_tokens[article]) for name in atoms.names]
        given = [q for a in theirs for q in a.quantities]
        quantities_carried = [carried(q, given) for q in atoms.quantities]
        conflict = disagreement(flat, rows, self.atoms, self.texts) if given or atoms.dates or atoms.days else None
        dates_carried: list[bool] = []
        if atoms.dates or atoms.days:
            dates_given = [d for a in theirs for d in a.dates]
            days_given = frozenset().union(*(a.days for a in theirs))
            dates_carried = [any(a <= d[1] and d[0] <= b for d in dates_given) for a, b, _, _ in atoms.dates]
            dates_carried += [d in days_given for d in atoms.days if not atoms.dates]
        complete = all(quantities_carried) and all(dates_carried)
        if conflict is not None:  # the features describe the support apart from what is given differently
            quantities_carried = [
                ok or q.mention.start == conflict.mine[0]
                for ok, q in zip(quantities_carried, atoms.quantities, strict=True)
            ]
            dates_carried = [True] * len(dates_carried) if conflict.kind == "date" else dates_carried
        quote = 0.0
        if atoms.quoted:
            quote = fuzz.partial_ratio(atoms.quoted, " ".join(matrix.sentences[r].text.lower() for r in rows)) / 100
        quantity_share, date_share = _share(quantities_carried), _share(dates_carried)
        vector = (
            cosine,
            (cosine - float(mean)) / max(float(std), 0.05),
            float(any(self.best[r, owner] == flat for r in rows)),
            max(float(matrix.match[flat, r]) for r in rows),
            coverage,
            reverse,
            float(self.article_coverage[flat, article]),
            coverage * max(cosine, 0.0),
            key,
            _share(names_carried),
            float(min(names_carried.count(False), 3)),
            float(bool(atoms.names)),
            _share(names_anywhere),
            quantity_share,
            float(min(quantities_carried.count(False), 3)),
            float(bool(atoms.quantities)),
            float(bool(atoms.quantities)) * (1.0 - quantity_share),
            date_share,
            float(bool(dates_carried)),
            float(bool(dates_carried)) * (1.0 - date_share),
            float(atoms.negated != any(a.negated for a in theirs)),
            quote,
            float(bool(atoms.quoted)),
            math.log1p(self.lengths[flat]),
            math.log1p(sum(self.lengths[r] for r in rows)),
            float(len(rows) > 1),
            float(rank),
        )
        same_words = len(rows) == 1 and bool(atoms.words) and atoms.words == theirs[0].words
        return Candidate(rows, vector, complete, conflict, same_words)


def _share(flags: list[bool]) -> float:
    return sum(flags) / len(flags) if flags else 1.0
