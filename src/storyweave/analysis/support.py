"""Who reports what: for every sentence of a story and every other article, one support decision.

The decision is ``full`` (the other article states the sentence's main information, in any
wording, over one or two of its sentences), ``partial`` (some of it, or a less specific version),
``none``, or ``contradicts`` (the same quantity or date with a value that cannot also be true, or the same
quotation or act credited to another person: ``misattributed``).
It is made on content: the sentence's atoms (quantities with what they count, dates, names,
quoted words, negation, content words) must be carried compatibly by the other article's
sentences. Embeddings and shared words only pick the candidate sentences.

A small logistic model over the features of ``support_features`` scores each candidate (weights
in ``support_model.json``, trained on hand-judged labels by ``benchmarks/train_support.py``);
thresholds were chosen by cross-validation on those labels. Rules veto what the weights cannot
be trusted with: a sentence of another article that gives one of the sentence's numbers, days or times
differently is never cited as its support (a conflict when the rest surely agrees, else not cited at all),
and one whose number the other article leaves out is at best partly reported there.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field, replace
from functools import cache
from importlib import resources
from typing import Any

import numpy as np

from storyweave.analysis.alignment import StoryMatrix
from storyweave.analysis.atoms import Atoms, story_atoms
from storyweave.analysis.conflicts import Disagreement
from storyweave.analysis.dates import MONTH_NAMES, WEEKDAY_NAMES
from storyweave.analysis.elsewhere import Elsewhere
from storyweave.analysis.independence import Attribution
from storyweave.analysis.misattributed import (
    Misattributed,
    acts_credited_differently,
    all_misattributed,
    figures_announced_differently,
)
from storyweave.analysis.places import placed_differently
from storyweave.analysis.support_features import FEATURES, Candidate, StoryFeatures
from storyweave.models import CONTRADICTS, FULL, PARTIAL, Evidence

NONE = "none"  # and the labels a brief shows: FULL, PARTIAL, CONTRADICTS (storyweave.models)
CANDIDATES = 3  # best-matching sentences of the other article looked at (by meaning and words, and by words)
MIN_WORDS = 5  # shorter sentences (fragments, credits) are not judged: nobody is cited for them
SAME_STATEMENT = 0.6  # P(full) for an amount, an age or a day given differently to be a conflict
SURE = 0.9  # ... and P(support)
SAME_EVENT = 3  # ... or, for a day or a month, the content words its clause shares with the other's (the same event)
PAIR_GAIN = 0.6  # P(support) a pair must add over its likelier sentence alone to be shown as the evidence (chosen
# on the tuning splits of the trust labels, the 72 stories, tune6 and tune7 pooled: of the pairs shown at 0.15 the
# second sentence was a right one in 6 of 15; evidence precision 0.867 at 0.15, 0.872 at 0.3, 0.879 at 0.6 and
# above, citations unchanged)
EVIDENCE_SLACK = 0.2  # evidence: of the candidates this close to the best P(support), the likeliest to be it (chosen on
# the 72 tuning stories of the trust labels: evidence precision 0.828 at 0.1, 0.866 at 0.2, 0.871 at 0.3)


@dataclass(frozen=True, slots=True)
class SupportModel:
    """Logistic weights over ``FEATURES`` and the thresholds chosen on held-out folds."""

    features: tuple[str, ...]
    support_weights: np.ndarray  # P(reports at least part)
    support_bias: float
    full_weights: np.ndarray  # P(reports the main information | reports at least part)
    full_bias: float
    evidence_weights: np.ndarray  # P(these are the sentences that report it | the article reports it)
    evidence_bias: float
    cite_threshold: float  # P(support) to cite an outlet at all
    full_threshold: float  # P(full) to cite it plainly
    none_threshold: float  # below this P(support) the outlet is sure not to report it
    conflict_threshold: float  # P(support), the conflicting value set aside, for a conflict to be one

    def score(self, x: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """(P(support), P(full), P(evidence)) for rows of features."""

        def logistic(weights: np.ndarray, bias: float) -> np.ndarray:
            return 1.0 / (1.0 + np.exp(-(x @ weights + bias)))

        return (
            logistic(self.support_weights, self.support_bias),
            logistic(self.full_weights, self.full_bias),
            logistic(self.evidence_weights, self.evidence_bias),
        )


@cache
def default_model() -> SupportModel:
    text = resources.files("storyweave.analysis").joinpath("support_model.json").read_text("utf-8")
    return model_from_dict(json.loads(text))


def model_from_dict(data: dict[str, Any]) -> SupportModel:
    names = tuple(data["features"])
    if names != FEATURES:
        raise ValueError("support_model.json was trained on other features: rebuild it (benchmarks/train_support.py)")
    return SupportModel(
        features=names,
        support_weights=np.array(data["support"]["weights"], dtype=np.float64),
        support_bias=float(data["support"]["bias"]),
        full_weights=np.array(data["full"]["weights"], dtype=np.float64),
        full_bias=float(data["full"]["bias"]),
        evidence_weights=np.array(data["evidence"]["weights"], dtype=np.float64),
        evidence_bias=float(data["evidence"]["bias"]),
        cite_threshold=float(data["thresholds"]["cite"]),
        full_threshold=float(data["thresholds"]["full"]),
        none_threshold=float(data["thresholds"]["none"]),
        conflict_threshold=float(data["thresholds"].get("conflict", data["thresholds"]["cite"])),
    )


@dataclass(frozen=True, slots=True)
class Decision:
    """How one article reports one sentence of another."""

    label: str  # full | partial | none | contradicts
    rows: tuple[int, ...]  # flat indices of the other article's sentences that support (or contradict) it; for
    # "none", those that report the rest but give one of its values otherwise without a sure conflict, if any
    support: float  # P(reports at least part)
    full: float  # P(reports the main information | reports part)
    sure_none: bool  # label "none" and confidently so (only then is a claim "single-source")
    conflict: Disagreement | None = None  # for "contradicts": the quantity or day given differently
    via: int | None = None  # the article whose outlet the supporting sentences credit ("according to ...")

    @property
    def sure(self) -> bool:
        """Sure either way: cited (or contradicting), or surely not reporting it."""
        return self.label != NONE or self.sure_none


@dataclass(slots=True)
class Support:
    """Every sentence's decision against every other article of a story."""

    matrix: StoryMatrix
    atoms: list[Atoms]
    decisions: dict[tuple[int, int], Decision] = field(default_factory=dict)  # (flat sentence, article)

    def of(self, flat: int, article: int) -> Decision:
        return self.decisions[(flat, article)]

    def linked(self, a: int, b: int) -> str | None:
        """The label of the decision that links two sentences of different articles, either way round, if one
        does (a sentence supports or contradicts the other)."""
        owner = self.matrix.owner
        for x, y in ((a, b), (b, a)):
            decision = self.decisions.get((x, int(owner[y])))
            if decision is not None and decision.label != NONE and y in decision.rows:
                return decision.label
        return None

    def clarity(self, flat: int) -> float:
        """The share of the other articles whose decision on this sentence is sure either way."""
        owner = int(self.matrix.owner[flat])
        others = [self.decisions[(flat, k)] for k in range(len(self.matrix.articles)) if k != owner]
        return sum(d.sure for d in others) / len(others) if others else 1.0

    def equivalents(self, flat: int) -> list[int]:
        """Sentences of other articles that state the same information: each fully supports the other."""
        owner = int(self.matrix.owner[flat])
        found = []
        for k in range(len(self.matrix.articles)):
            decision = self.decisions.get((flat, k))
            if k == owner or decision is None or decision.label != FULL or len(decision.rows) != 1:
                continue
            back = self.decisions[(decision.rows[0], owner)]
            if back.label == FULL and flat in back.rows:
                found.append(decision.rows[0])
        return found

    def clearest_wording(self, flat: int) -> int:
        """Of the sentences that state this information, the one whose sources are clearest (this one on a tie)."""
        return max([flat, *self.equivalents(flat)], key=lambda i: (self.clarity(i), i == flat))

    def evidence(self, flat: int) -> list[Evidence]:
        """The sentence itself, then every other article's supporting (or contradicting) sentences."""
        matrix = self.matrix
        found = [matrix.evidence(flat)]
        for article in range(len(matrix.articles)):
            if article == int(matrix.owner[flat]):
                continue
            decision = self.decisions[(flat, article)]
            if decision.label == NONE:
                continue
            via = decision.via + 1 if decision.via is not None else None
            for row in decision.rows:
                found.append(matrix.evidence(row, float(matrix.match[flat, row]), decision.label, via))
        return found


def candidates(matrix: StoryMatrix, flat: int, article: int, features: StoryFeatures) -> list[Candidate]:
    """The other article's best-matching sentences, alone and joined with the next or previous one."""
    start = matrix.offsets[article]
    stop = start + len(matrix.articles[article].sentences)
    if stop == start:
        return []
    score = matrix.match[flat, start:stop] + features.coverage[flat, start:stop]
    by_words = features.coverage[flat, start:stop]
    best = [start + int(j) for j in np.argsort(-score, kind="stable")[:CANDIDATES]]
    best.append(start + int(np.argmax(by_words)))
    found: list[tuple[int, ...]] = []
    for rank, j in enumerate(dict.fromkeys(best)):
        found.append((j,))
        if rank == 0:
            found += [(j - 1, j)] if j > start else []
            found += [(j, j + 1)] if j + 1 < stop else []
    return [features.candidate(flat, rows, rank) for rank, rows in enumerate(dict.fromkeys(found))]


def decide(matrix: StoryMatrix, model: SupportModel | None = None) -> Support:
    """The support decision of every sentence against every other article."""
    model = model or default_model()
    atoms = story_atoms(matrix)
    features = StoryFeatures.build(matrix, atoms)
    elsewhere = Elsewhere(matrix, atoms, features.texts)
    support = Support(matrix, atoms)
    attribution = Attribution(matrix.articles)
    n_articles = len(matrix.articles)
    for flat in range(len(matrix.sentences)):
        owner = int(matrix.owner[flat])
        text = matrix.sentences[flat].text
        judged = len(text.split()) >= MIN_WORDS and not time_stamp(text)
        for article in range(n_articles):
            if article == owner:
                continue
            if not judged:
                support.decisions[(flat, article)] = Decision(NONE, (), 0.0, 0.0, False)
                continue
            decision = _decision(candidates(matrix, flat, article, features), model)
            if decision.label != CONTRADICTS and decision.support >= model.conflict_threshold:
                # the rest is reported, and a tally or a day is given otherwise in another of the outlet's sentences
                otherwise = elsewhere.given_otherwise(flat, article)
                if otherwise is not None:
                    decision = replace(decision, label=CONTRADICTS, rows=(otherwise.row,), conflict=otherwise)
            if decision.rows:
                text = " ".join(matrix.sentences[r].text for r in decision.rows)
                via = attribution.via(text, exclude=article)
                if via is not None:
                    decision = replace(decision, via=via)
            support.decisions[(flat, article)] = decision
    _mutual_conflicts(support)
    _conflicts_of_the_same_statement(support)
    for found in all_misattributed(matrix, atoms):  # one quotation given to two people
        _contradict(support, found, "speaker")
    linked = [(flat, row) for (flat, _), d in support.decisions.items() if d.label != CONTRADICTS for row in d.rows]
    for found in acts_credited_differently(matrix, linked):  # one act credited to two people
        _contradict(support, found, "agent")
    for found in figures_announced_differently(matrix):  # the figures made public by two people
        _contradict(support, found, "agent")
    for found in placed_differently(matrix, linked):  # one thing set in two places of a kind
        _contradict(support, found, "place")
    return support


def _contradict(support: Support, found: Misattributed, kind: str) -> None:
    key = (found.flat, int(support.matrix.owner[found.row]))
    if support.decisions[key].label != CONTRADICTS:
        conflict = Disagreement(kind, found.mine, found.row, found.theirs)
        support.decisions[key] = replace(
            support.decisions[key], label=CONTRADICTS, rows=(found.row,), conflict=conflict, via=None
        )


def _mutual_conflicts(support: Support) -> None:
    """A disagreement is mutual: when sentence x contradicts sentence y of another article, y's decision against
    x's article cites x as contradicting it too, not as reporting part of it (the two directions weigh the rest of
    the sentences apart and can come out differently)."""
    owner = support.matrix.owner
    for (x, _), decision in list(support.decisions.items()):
        if decision.label != CONTRADICTS or decision.conflict is None:
            continue
        found = decision.conflict
        y = found.row  # the sentence that gives the value otherwise
        back = support.decisions.get((y, int(owner[x])))
        if back is None or back.label == CONTRADICTS or x not in back.rows:
            continue  # already contradicting (the first disagreement found stays), or not read against x at all
        mirrored = replace(found, mine=found.theirs, row=x, theirs=found.mine)
        support.decisions[(y, int(owner[x]))] = replace(back, label=CONTRADICTS, rows=(x,), conflict=mirrored, via=None)


def _conflicts_of_the_same_statement(support: Support) -> None:
    """A sentence that states what a third outlet's sentence states, the disputed value as written included, is
    given that value otherwise by the same sentence of the outlet that disputes it: "The three were discovered
    missing during a 5:30 a.m. head count on Sunday" cites as partial support the "6:15 a.m. count" that contradicts
    "The three men were found missing during a 5:30 a.m. head count on Sunday, Oct. 12." The two state the same in
    full (each cites the other plainly); the decision against the disputing outlet then cites that sentence."""
    owner = support.matrix.owner
    texts = [s.text for s in support.matrix.sentences]
    for (y, article), found in list(support.decisions.items()):
        conflict = found.conflict
        if found.label != CONTRADICTS or conflict is None:
            continue
        for x in support.equivalents(y):
            key = (x, article)
            decision = support.decisions.get(key)
            if int(owner[x]) == article or decision is None or decision.label not in {FULL, PARTIAL}:
                continue
            written = re.search(rf"(?<![\w.,]){re.escape(conflict.mine[2])}(?![\w]|[.,]\d)", texts[x])
            if conflict.row not in decision.rows or written is None:
                continue  # another sentence of it cited, or the value not written alike ("12", not in "2012")
            at = written.start() + support.matrix.sentences[x].start
            mine = (at, at + len(conflict.mine[2]), conflict.mine[2])
            support.decisions[key] = replace(
                decision, label=CONTRADICTS, rows=(conflict.row,), conflict=replace(conflict, mine=mine), via=None
            )


_WORD = re.compile(r"[^\W\d_]{3,}")
_STAMP_WORDS = frozenset({"gmt", "utc", "est", "edt", "pst", "pdt", "bst", "cet", "updated", "published", "posted"})


def time_stamp(text: str) -> bool:
    """A line that is only a date and a time ("26 September 2013, 10:00 (GMT+05:00)"): when an article was put
    out, not anything it reports, so never set against another article's."""
    words = [w.lower() for w in _WORD.findall(text)]
    return any(ch.isdigit() for ch in text) and all(
        w in MONTH_NAMES or w in WEEKDAY_NAMES or w in _STAMP_WORDS or w in _MONTH_SHORT for w in words
    )


_MONTH_SHORT = frozenset(m[:3] for m in MONTH_NAMES) | {"sept"}  # "Sep", "Sept"


def shown_evidence(p_support: np.ndarray, p_evidence: np.ndarray, sentence_like: list[bool]) -> int:
    """The candidate shown as evidence: of those near the likeliest support, the likeliest to be what the reviewers
    would name, a sentence before a headline or a label line ("Indian ship thwarts piracy attempt")."""
    near = p_support >= p_support.max() - EVIDENCE_SLACK
    stated = near & np.array(sentence_like, dtype=bool)
    return int(np.argmax(np.where(stated if stated.any() else near, p_evidence, -1.0)))


def shown_rows(rows: list[tuple[int, ...]], p_support: np.ndarray, chosen: int) -> tuple[int, ...]:
    """The sentences shown for the chosen candidate: a pair only when it reports more than its likelier sentence
    alone (by ``PAIR_GAIN``), else that sentence."""
    if len(rows[chosen]) != 2:
        return rows[chosen]
    alone = [n for n, found in enumerate(rows) if len(found) == 1 and found[0] in rows[chosen]]
    if alone and max(p_support[n] for n in alone) >= p_support[chosen] - PAIR_GAIN:
        return rows[max(alone, key=lambda n: p_support[n])]
    return rows[chosen]


def _decision(found: list[Candidate], model: SupportModel) -> Decision:
    if not found:
        return Decision(NONE, (), 0.0, 0.0, True)
    x = np.array([c.vector for c in found], dtype=np.float64)
    p_support, p_full, p_evidence = model.score(x)
    best = int(np.argmax(p_support + 1e-3 * p_full))
    support, full = float(p_support[best]), float(p_full[best])
    same = [n for n, c in enumerate(found) if c.same_words and c.conflict is None]
    if same:  # the same words (a copy, a wire text run twice): it states it in full, whatever the weights say
        return Decision(FULL, found[same[0]].rows, 1.0, 1.0, False)

    # A counted thing given differently is a conflict when the rest agrees well enough. An amount, a share, an
    # age or a day names less of what it is about (two events of one story happen on different days, a man is
    # 91 at one and 94 at another): it takes a sure citation of the rest of the sentence in full.
    def conflicts(n: int) -> bool:
        conflict = found[n].conflict
        if conflict is None:
            return False
        if conflict.kind == "quantity":
            return bool(p_support[n] >= model.conflict_threshold)
        same_event = (conflict.kind == "date" and conflict.shared >= SAME_EVENT) or conflict.kind == "time"
        return bool(p_support[n] >= SURE and (p_full[n] >= SAME_STATEMENT or same_event))

    conflicting = [n for n in range(len(found)) if conflicts(n)]
    if conflicting:
        worst = found[max(conflicting, key=lambda n: p_support[n])]
        return Decision(CONTRADICTS, (worst.conflict.row,), support, full, False, worst.conflict)  # type: ignore[union-attr]
    clean = np.array([c.conflict is None for c in found])
    if not clean.all():
        return _cited_apart(found, model, clean, p_support, p_full, p_evidence)
    if support < model.cite_threshold:
        return Decision(NONE, (), support, full, support < model.none_threshold)
    return _cited(found, model, p_support, p_evidence, support, full)


def _cited_apart(
    found: list[Candidate],
    model: SupportModel,
    clean: np.ndarray,
    p_support: np.ndarray,
    p_full: np.ndarray,
    p_evidence: np.ndarray,
) -> Decision:
    """The decision when some candidates give one of the sentence's values otherwise, not surely enough to be a
    conflict: they are not cited as support (the outlet may not report it at all, another event's day, or dispute
    it); the others are, if likely enough. Left uncited, the sentence stays linked to the likeliest (``rows`` of a
    "none", for who did it and where) and keeps its P(support): the rest is reported, and a value given otherwise
    elsewhere in the outlet is looked for as for a citation."""
    best = int(np.argmax(p_support + 1e-3 * p_full))
    support, full = float(p_support[best]), float(p_full[best])
    disputing = found[best].rows if support >= model.cite_threshold else ()
    p_clean = np.where(clean, p_support, 0.0)
    chosen = int(np.argmax(p_clean + 1e-3 * p_full))
    if not clean.any() or p_clean[chosen] < model.cite_threshold:
        return Decision(NONE, disputing, support, full, False)
    return _cited(
        found, model, p_clean, np.where(clean, p_evidence, 0.0), float(p_clean[chosen]), float(p_full[chosen])
    )


def _cited(
    found: list[Candidate],
    model: SupportModel,
    p_support: np.ndarray,
    p_evidence: np.ndarray,
    support: float,
    full: float,
) -> Decision:
    """A citation: in full or in part, with the sentences shown as evidence."""
    shown = shown_evidence(p_support, p_evidence, [c.sentence_like for c in found])
    chosen = replace(found[shown], rows=shown_rows([c.rows for c in found], p_support, shown))
    if full >= model.full_threshold and chosen.complete and not chosen.vaguer:
        return Decision(FULL, chosen.rows, support, full, False)
    return Decision(PARTIAL, chosen.rows, support, full, False)
