"""The features of one candidate support: does this sentence (or pair) of another article carry a sentence's atoms?

Each feature is a plain number about content: how much of the sentence's weighted words, names,
quantities and dates the candidate carries, whether a quantity or a date is given differently,
whether one is negated and the other not, how much of a quotation it repeats, and how close the
two are in meaning. ``FEATURES`` names them in the order of a feature vector.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field, replace

import numpy as np
from rapidfuzz import fuzz

from storyweave.analysis.alignment import StoryMatrix
from storyweave.analysis.atoms import MAYBE, Atoms, stem
from storyweave.analysis.conflicts import Disagreement, carried, disagreement, vaguer
from storyweave.analysis.quantity import Quantity

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
_ENDS_AS_A_SENTENCE = re.compile(r"""[.!?]["'”’)]*$""")
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
    sentence_like: bool = True  # every row ends as a sentence does, not as a headline or a label line
    vaguer: bool = False  # gives one of the sentence's figures only less precisely ("about $1.4 billion")


@dataclass(slots=True)
class StoryFeatures:
    """What candidates of one story are scored on, computed once per story (word incidences as matrices)."""

    matrix: StoryMatrix
    atoms: list[Atoms]
    present: np.ndarray  # present[i, w]: 1 when sentence i has word w
    weights: dict[tuple[int, int], np.ndarray]  # (article, other article): how specific each word is elsewhere
    vocabulary: dict[str, int]
    coverage: np.ndarray  # coverage[i, j]: weighted share of i's words in sentence j
    cosine: np.ndarray  # cosine[i, j] of the sentence vectors
    spread: np.ndarray  # spread[i, k]: (mean, std) of i's cosines to article k's sentences
    best: np.ndarray  # best[i, k]: article k's sentence closest in meaning to sentence i
    article_coverage: np.ndarray  # article_coverage[i, k]: weighted share of i's words anywhere in article k
    tokens: list[frozenset[str]]
    article_tokens: list[frozenset[str]]
    lengths: list[int]
    texts: list[tuple[int, str]]  # each sentence's start offset and text
    key_cache: dict[tuple[int, int], list[str]] = field(default_factory=dict)
    exact_figures: dict[int, list[Quantity]] = field(default_factory=dict)  # per article, its figures not hedged

    @classmethod
    def build(cls, matrix: StoryMatrix, atoms: list[Atoms]) -> StoryFeatures:
        n, n_articles = len(matrix.sentences), len(matrix.articles)
        vocabulary: dict[str, int] = {}
        for words in matrix.words:
            for w in words:
                vocabulary.setdefault(w, len(vocabulary))
        present = np.zeros((n, max(len(vocabulary), 1)), dtype=np.float32)
        for i, words in enumerate(matrix.words):
            present[i, [vocabulary[w] for w in words]] = 1.0
        spans = [(matrix.offsets[k], matrix.offsets[k] + len(matrix.articles[k].sentences)) for k in range(n_articles)]
        in_articles = np.array([present[a:b].sum(axis=0) for a, b in spans]).reshape(n_articles, -1)
        everywhere = in_articles.sum(axis=0)
        weights: dict[tuple[int, int], np.ndarray] = {}
        coverage = np.zeros((n, n), dtype=np.float32)
        article_coverage = np.zeros((n, n_articles), dtype=np.float32)
        for x in range(n_articles):
            for y in range(n_articles):
                if x == y:
                    continue
                # How specific a word is, judged on the rest of the story: the two articles compared are left
                # out, or every word they share would look common (in a two-article story all words weigh one).
                others = everywhere - in_articles[x] - in_articles[y]
                rest = n - (spans[x][1] - spans[x][0]) - (spans[y][1] - spans[y][0])
                weight = np.log((rest + 2.0) / (others + 1.0)).astype(np.float32)
                weights[(x, y)] = weight
                mine = present[spans[x][0] : spans[x][1]] * weight
                totals = np.maximum(mine.sum(axis=1), 1e-6)[:, None]
                coverage[spans[x][0] : spans[x][1], spans[y][0] : spans[y][1]] = (
                    mine @ present[spans[y][0] : spans[y][1]].T / totals
                )
                article_coverage[spans[x][0] : spans[x][1], y] = (mine @ (in_articles[y] > 0)) / totals[:, 0]
        cosine = matrix.cosine
        spread = np.zeros((n, n_articles, 2), dtype=np.float32)
        best = np.zeros((n, n_articles), dtype=np.int64)
        tokens = [_tokens(s.text) for s in matrix.sentences]
        article_tokens = []
        for k, (first, last) in enumerate(spans):
            article_tokens.append(frozenset().union(*(tokens[r] for r in range(first, last))))
            if last > first:
                block = cosine[:, first:last]
                spread[:, k, 0], spread[:, k, 1] = block.mean(axis=1), block.std(axis=1)
                best[:, k] = first + block.argmax(axis=1)
        lengths = [len(s.text.split()) for s in matrix.sentences]
        texts = [(s.start, s.text) for s in matrix.sentences]
        return cls(
            matrix, atoms, present, weights, vocabulary, coverage, cosine, spread, best, article_coverage, tokens,
            article_tokens, lengths, texts,
        )  # fmt: skip

    def _keys(self, flat: int, article: int) -> list[str]:
        """The sentence's three most specific words against an article (the longest on a tie)."""
        found = self.key_cache.get((flat, article))
        if found is None:
            weight = self.weights[(int(self.matrix.owner[flat]), article)]
            words = self.matrix.words[flat]
            found = sorted(words, key=lambda w: (-float(weight[self.vocabulary[w]]), -len(w), w))[:3]
            self.key_cache[(flat, article)] = found
        return found

    def _coverages(self, flat: int, rows: tuple[int, ...]) -> tuple[float, float, float]:
        """(share of the sentence's words the rows carry, share of the rows' words it carries, key words carried),
        words weighted by how specific they are in the rest of the story."""
        article = int(self.matrix.owner[rows[0]])
        keys = self._keys(flat, article)
        words = self.matrix.words
        if len(rows) == 1:
            theirs_words = words[rows[0]]
            key = sum(w in theirs_words for w in keys) / len(keys) if keys else 0.0
            return float(self.coverage[flat, rows[0]]), float(self.coverage[rows[0], flat]), key
        key = sum(any(w in words[r] for r in rows) for w in keys) / len(keys) if keys else 0.0
        weight = self.weights[(int(self.matrix.owner[flat]), article)]
        theirs = self.present[list(rows)].max(axis=0)
        mine = self.present[flat] * weight
        total, their_total = float(mine.sum()), float((theirs * weight).sum())
        coverage = float(mine @ theirs) / total if total else 0.0
        reverse = float((theirs * weight) @ self.present[flat]) / their_total if their_total else 0.0
        return coverage, reverse, key

    def _given_alike(self, flat: int, article: int, at: int, named: bool = False) -> bool:
        """Some sentence of the article states the sentence's figure written at ``at`` (as written, without a hedge:
        "at least 50" would fit "70" too; a round "$160 million" is as written); ``named``: of the same thing, named
        alike ("aftershocks", "an offer"), and what happened to it."""
        given = self.exact_figures.get(article)
        if given is None:
            first = self.matrix.offsets[article]
            rows = range(first, first + len(self.matrix.articles[article].sentences))
            given = [q for r in rows for q in self.atoms[r].quantities if not q.mention.approximate] + [
                replace(q, mention=replace(q.mention, low=q.mention.value, high=q.mention.value))
                for r in rows
                for q in self.atoms[r].quantities
                if q.mention.rounded
            ]  # a round "$160 million" gives that figure, not all it may round
            self.exact_figures[article] = given
        mine = [q for q in self.atoms[flat].quantities if q.mention.start == at]
        if named:  # of the same thing, named: not a bare number ("three" of something else)
            return any(
                carried(
                    q,
                    [g for g in given if (g.noun, g.measure, g.event) == (q.noun, q.measure, q.event)],
                )
                for q in mine
                if q.noun or q.measure
            )
        return any(carried(q, given) for q in mine)

    def candidate(self, flat: int, rows: tuple[int, ...], rank: int) -> Candidate:
        """The features of ``rows`` (one or two sentences of one article) as support for sentence ``flat``."""
        matrix, atoms = self.matrix, self.atoms[flat]
        theirs = [self.atoms[r] for r in rows]
        article = int(matrix.owner[rows[0]])
        owner = int(matrix.owner[flat])
        single = len(rows) == 1
        cosine = float(self.cosine[flat, rows[0]]) if single else max(float(self.cosine[flat, r]) for r in rows)
        mean, std = self.spread[flat, article].tolist()
        coverage, reverse, key = self._coverages(flat, rows)
        tokens = self.tokens[rows[0]] if single else frozenset().union(*(self.tokens[r] for r in rows))
        names_carried = [bool(name & tokens) for name in atoms.names]
        names_anywhere = [bool(name & self.article_tokens[article]) for name in atoms.names]
        given = [q for a in theirs for q in a.quantities]
        quantities_carried = [carried(q, given) for q in atoms.quantities]
        dates_carried: list[bool] = []
        if atoms.dates or atoms.days:
            dates_given = [d for a in theirs for d in a.dates]
            days_given = frozenset().union(*(a.days for a in theirs))
            dates_carried = [any(a <= d[1] and d[0] <= b for d in dates_given) for a, b, *_ in atoms.dates]
            dates_carried += [d in days_given for d in atoms.days if not atoms.dates and not d.startswith(MAYBE)]
        their_times = [t for a in theirs for t in a.times]
        clash = bool(atoms.times and their_times) and not any(t.meets(g) for t in atoms.times for g in their_times)
        complete = all(quantities_carried) and all(dates_carried) and not clash  # a time of day given otherwise
        # only a quantity or a day the rows do not carry can be one they give differently
        conflict = None if complete else disagreement(flat, rows, self.atoms, self.texts)
        if (
            conflict is not None
            and conflict.kind not in {"date", "time"}
            and (
                self._given_alike(flat, article, conflict.mine[0])
                or self._given_alike(conflict.row, owner, conflict.theirs[0], named=True)
            )
        ):
            conflict = None  # one of the two articles gives both figures: they are of two things
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
            (cosine - mean) / max(std, 0.05),
            float(any(self.best[r, owner] == flat for r in rows)),
            float(matrix.match[flat, rows[0]]) if single else max(float(matrix.match[flat, r]) for r in rows),
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
            float(not single),
            float(rank),
        )
        same_words = single and bool(atoms.words) and atoms.words == theirs[0].words
        sentence_like = all(_ENDS_AS_A_SENTENCE.search(self.texts[r][1]) for r in rows)
        less_precise = any(vaguer(q, given) for q in atoms.quantities)
        return Candidate(rows, vector, complete, conflict, same_words, sentence_like, less_precise)


def _share(flags: list[bool]) -> float:
    return sum(flags) / len(flags) if flags else 1.0
