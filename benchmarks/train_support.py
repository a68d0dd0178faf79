"""Train the support model on the dev split of the trust labels and write its weights into the package.

    .venv/bin/python benchmarks/train_support.py [--splits dev,test,fresh] [--folds 5] [--dry-run]

Only stories of the splits named are read (``benchmarks/labels/trust/stories.jsonl``; ``dev`` by
default); the others are for ``benchmarks/trust.py`` alone (the shipped model's ``trained_on`` says
which it saw). Two logistic regressions are fitted on the
candidates of every judged (sentence, other article) pair: P(the candidate reports at least part
of the sentence) and P(it reports all of its main information | it reports part). The three
thresholds are chosen on story-wise cross-validation folds of the dev split, never on the data a
fold was trained on, and the model is then refitted on the whole dev split. Writes
``src/storyweave/analysis/support_model.json``; needs scikit-learn (the ``eval`` extra).
"""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import dataclass
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))

from labels.trust.judged import Gold, JudgedStory, judged_stories
from storyweave.analysis.atoms import story_atoms
from storyweave.analysis.support import candidates, model_from_dict, shown_evidence
from storyweave.analysis.support_features import FEATURES, StoryFeatures
from storyweave.models import Story
from storyweave.settings import BriefSettings
from storyweave.summarize import make_brief
from storyweave.summarize.candidates import is_candidate
from trust_scores import covers

MODEL = Path(__file__).resolve().parents[1] / "src" / "storyweave" / "analysis" / "support_model.json"
# What the thresholds must reach on the held-out folds (the targets, with a margin).
CITE_PRECISION = 0.985  # a cited outlet reports at least part
FULL_PRECISION = 0.93  # a plain citation reports the main point
SINGLE_PRECISION = 0.92  # a sentence every other outlet is sure not to report is reported by none of them
# P(support), the conflicting value set aside, from which a quantity or day given differently is a conflict:
# chosen on the dev split's labelled conflicts (benchmarks/trust.py --split dev), not fitted.
CONFLICT = 0.7


def support_target(gold: Gold) -> str:
    """The support to learn: for a contradiction, what the other article reports apart from the conflict.

    Whether a conflict is there is decided by rules on the atoms (see ``support``), not by the weights.
    """
    if gold.label == "contradicts":
        return gold.apart or "none"
    return gold.label


@dataclass(slots=True)
class Pair:
    story: str
    flat: int
    article: int
    gold: Gold
    target: str
    x: np.ndarray  # candidates' features
    y_support: np.ndarray
    y_full: np.ndarray
    rows: list[tuple[int, ...]]
    right: list[bool]  # the candidate's sentences are among the labelled supporting ones
    sentence_like: list[bool]  # the candidate's rows all end as sentences do (evidence prefers them)
    candidate: bool  # the sentence may stand in a summary


def pairs_of(judged: JudgedStory) -> list[Pair]:
    matrix = judged.matrix
    features = StoryFeatures.build(matrix, story_atoms(matrix))
    found = []
    settings = BriefSettings()
    for flat in range(len(matrix.sentences)):
        eligible = is_candidate(
            matrix.sentences[flat], min_words=settings.min_sentence_words, max_words=settings.max_sentence_words
        )
        for article in range(len(matrix.articles)):
            if article == int(matrix.owner[flat]):
                continue
            gold = judged.gold(flat, article)
            if gold is None:
                continue
            target = support_target(gold)
            labelled = judged.rows_of(article, gold.by) if target != "none" else set()
            found_candidates = candidates(matrix, flat, article, features)
            if not found_candidates:
                continue
            ys, yf, right = [], [], []
            for c in found_candidates:
                hits = set(c.rows) & labelled
                ys.append(1.0 if hits else 0.0)
                yf.append(1.0 if hits and target == "full" and labelled <= set(c.rows) | hits else 0.0)
                right.append(bool(hits) and set(c.rows) <= labelled)
            x = np.array([c.vector for c in found_candidates])
            found.append(
                Pair(
                    judged.story.id,
                    flat,
                    article,
                    gold,
                    target,
                    x,
                    np.array(ys),
                    np.array(yf),
                    [c.rows for c in found_candidates],
                    right,
                    [c.sentence_like for c in found_candidates],
                    eligible,
                )
            )
    return found


def fit(pairs: list[Pair]) -> dict[str, object]:
    from sklearn.linear_model import LogisticRegression

    x = np.vstack([p.x for p in pairs])
    ys = np.concatenate([p.y_support for p in pairs])
    yf = np.concatenate([p.y_full for p in pairs])
    yr = np.concatenate([np.array(p.right, dtype=float) for p in pairs])
    support = LogisticRegression(C=1.0, max_iter=2000).fit(x, ys)
    mask = ys > 0
    full = LogisticRegression(C=1.0, max_iter=2000).fit(x[mask], yf[mask])
    reporting = np.concatenate([np.full(len(p.right), p.target in {"full", "partial"}) for p in pairs])
    evidence = LogisticRegression(C=1.0, max_iter=2000).fit(x[reporting], yr[reporting])

    def weights(model: LogisticRegression) -> dict[str, object]:
        return {"weights": model.coef_[0].round(6).tolist(), "bias": round(float(model.intercept_[0]), 6)}

    return {
        "features": list(FEATURES),
        "support": weights(support),
        "full": weights(full),
        "evidence": weights(evidence),
    }


def average(models: list[dict]) -> dict:  # type: ignore[type-arg]
    """The fold models' mean: the model whose thresholds the folds chose (a refit on all of dev would be
    calibrated differently, and the thresholds would not carry over)."""
    merged = dict(models[0])
    for part in ("support", "full", "evidence"):
        weights = np.mean([m[part]["weights"] for m in models], axis=0).round(6).tolist()
        merged[part] = {"weights": weights, "bias": round(float(np.mean([m[part]["bias"] for m in models])), 6)}
    return merged


def predict(model: dict, pairs: list[Pair]) -> list[tuple[float, float, int]]:  # type: ignore[type-arg]
    """(P(support), P(full), the candidate shown as evidence) for each pair, as ``support.decide`` makes them."""
    scorer = model_from_dict({**model, "thresholds": {"cite": 0.5, "full": 0.5, "none": 0.1}})
    out = []
    for p in pairs:
        s, f, e = scorer.score(p.x)
        best = int(np.argmax(s + 1e-3 * f))
        shown = shown_evidence(s, e, p.sentence_like)
        out.append((float(s[best]), float(f[best]), shown))
    return out


def _single_source_precision(pairs: list[Pair], support: np.ndarray, threshold: float) -> float:
    """Of the sentences whose every other-outlet P(support) is under ``threshold``, the share no outlet reports."""
    sentences: dict[tuple[str, int], list[bool]] = {}
    for pair, p in zip(pairs, support, strict=True):
        sentences.setdefault((pair.story, pair.flat), []).append(bool(p < threshold) and not covers(pair.gold))
        sentences[(pair.story, pair.flat)].append(bool(p < threshold))
    called = [flags for flags in sentences.values() if all(flags[1::2])]
    return float(np.mean([all(flags[0::2]) for flags in called])) if called else 1.0


def choose_thresholds(pairs: list[Pair], scored: list[tuple[float, float, int]]) -> dict[str, float]:
    """Thresholds from held-out predictions: the loosest that keep each precision target, on summary candidates
    for citations (the sentences a brief can cite) and on whole sentences for "single-source"."""
    s = np.array([x[0] for x in scored])
    f = np.array([x[1] for x in scored])
    reports = np.array([p.target in {"full", "partial"} for p in pairs])
    is_full = np.array([p.target == "full" for p in pairs])
    eligible = np.array([p.candidate for p in pairs])
    grid = np.round(np.arange(0.05, 0.96, 0.01), 2)
    cite = next((t for t in grid if reports[eligible & (s >= t)].mean() >= CITE_PRECISION), 0.95)
    cited = eligible & (s >= cite)
    full = next((t for t in grid if is_full[cited & (f >= t)].mean() >= FULL_PRECISION), 0.95)
    none = max(
        (t for t in grid if t <= cite and _single_source_precision(pairs, s, t) >= SINGLE_PRECISION), default=0.05
    )
    return {"cite": float(cite), "full": float(full), "none": float(none), "conflict": CONFLICT}


BRIEF_CITE = (0.5, 0.6, 0.7, 0.75, 0.8, 0.85, 0.9, 0.95)
BRIEF_FULL = (0.35, 0.5, 0.65, 0.8)
BRIEF_CITE_SLACK = 0.005  # the citation threshold: the loosest whose precision is this close to the best reached
BRIEF_EVIDENCE_SLACK = 0.02  # ... and whose evidence precision is this close to the best
BRIEF_FULL_PRECISION = 0.92  # of the outlets cited plainly, the share that state all of the sentence


def brief_thresholds(stories: dict[str, JudgedStory], fold_models: dict[str, dict], none: float) -> dict[str, float]:  # type: ignore[type-arg]
    """The citation thresholds chosen on briefs: every dev story briefed by the model of the folds it is not in,
    at each threshold, and its summary's citations scored as ``trust.py`` scores them (the curve is printed).

    Citations: the loosest threshold whose precision, and the precision of the evidence it shows, are within
    ``BRIEF_CITE_SLACK`` and ``BRIEF_EVIDENCE_SLACK`` of the best any threshold reaches (as right as the model
    can be, then as complete), or, when none is near both bests, the most precise; plain citations: the loosest
    that keeps ``BRIEF_FULL_PRECISION``.
    """
    from trust import score_summary
    from trust_scores import Tally

    curve: dict[tuple[float, float], tuple[float, float, float]] = {}
    print("brief-level cross-validation (cite, full): citation precision, plain precision, recall, evidence precision")
    for cite in BRIEF_CITE:
        for full in BRIEF_FULL:
            tally = Tally()
            for story_id, judged in stories.items():
                limits = {"cite": cite, "full": full, "none": none, "conflict": CONFLICT}
                model = model_from_dict({**fold_models[story_id], "thresholds": limits})
                brief = make_brief(
                    Story(story_id, judged.annotated), BriefSettings(analysis=False), support_model=model
                )
                score_summary(judged, brief, tally)
            figures = dict(tally.items())
            precision = _ratio(figures.get("citation precision"))
            plain = _ratio(figures.get("plain citations that report the main point"))
            recall = _ratio(figures.get("citation recall"))
            evidence = _ratio(figures.get("evidence precision"))
            print(f"  {cite:.2f} {full:.2f}: {precision:.3f} {plain:.3f} {recall:.3f} {evidence:.3f}")
            curve[(cite, full)] = (precision, plain, evidence)
    best = max(precision for precision, _, _ in curve.values())
    best_evidence = max(evidence for _, _, evidence in curve.values())
    good = [
        c
        for (c, _), (precision, _, evidence) in curve.items()
        if precision >= best - BRIEF_CITE_SLACK and evidence >= best_evidence - BRIEF_EVIDENCE_SLACK
    ]
    # no threshold is near the best on both: the one whose citations are most often right
    cite = min(good) if good else max(curve, key=lambda key: (curve[key][0], -key[0]))[0]
    plain_enough = [f for (c, f), (_, plain, _) in curve.items() if c == cite and plain >= BRIEF_FULL_PRECISION]
    return {"cite": cite, "full": min(plain_enough, default=1.0)}


def _ratio(counts: tuple[int, int] | None) -> float:
    return counts[0] / counts[1] if counts and counts[1] else 1.0


def report(name: str, pairs: list[Pair], scored: list[tuple[float, float, int]], t: dict[str, float]) -> None:
    """The held-out figures at the chosen thresholds: pairs of summary candidates, and single-source sentences."""
    eligible = [p.candidate for p in pairs]
    cite = [e and sc[0] >= t["cite"] for e, sc in zip(eligible, scored, strict=True)]
    plain = [c and sc[1] >= t["full"] for c, sc in zip(cite, scored, strict=True)]
    reports = [p.target in {"full", "partial"} for p in pairs]
    full = [e and p.target == "full" for e, p in zip(eligible, pairs, strict=True)]
    evidence = [p.right[sc[2]] for p, sc, c in zip(pairs, scored, cite, strict=True) if c]

    def ratio(hits: list[bool], of: list[bool]) -> str:
        chosen = [h for h, o in zip(hits, of, strict=True) if o]
        return f"{sum(chosen) / max(len(chosen), 1):.3f} ({len(chosen)})"

    single = _single_source_precision(pairs, np.array([sc[0] for sc in scored]), t["none"])
    print(f"{name}: pairs {len(pairs)} ({sum(eligible)} of summary candidates), thresholds {t}")
    print(f"  cited: reports part {ratio(reports, cite)}; plain: reports main point {ratio(full, plain)}")
    print(f"  full supporters cited {ratio(cite, full)}, cited plainly {ratio(plain, full)}")
    print(f"  evidence right {sum(evidence) / max(len(evidence), 1):.3f}; single-source right {single:.3f}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument("--dry-run", action="store_true", help="print the cross-validated figures, write nothing")
    parser.add_argument("--splits", default="dev", help="the label splits to train on, comma-separated")
    args = parser.parse_args()
    splits = args.splits.split(",")
    found = [judged_stories(split) for split in splits]
    stories = None if any(f is None for f in found) else [s for f in found for s in f or []]
    if stories is None:
        sys.exit("../shared/data is absent: the trust labels point into it (clone the project beside shared/)")
    by_story = {s.story.id: pairs_of(s) for s in stories}
    ids = sorted(by_story)
    folds = [ids[i :: args.folds] for i in range(args.folds)]
    held_pairs: list[Pair] = []
    held_scores: list[tuple[float, float, int]] = []
    for fold in folds:
        train = [p for s in ids if s not in fold for p in by_story[s]]
        test = [p for s in fold for p in by_story[s]]
        held_pairs += test
        held_scores += predict(fit(train), test)
    thresholds = choose_thresholds(held_pairs, held_scores)
    fold_models = {s: fit([p for t in ids if t not in fold for p in by_story[t]]) for fold in folds for s in fold}
    thresholds |= brief_thresholds({s.story.id: s for s in stories}, fold_models, thresholds["none"])
    report(f"{args.splits}, {args.folds}-fold cross-validation by story", held_pairs, held_scores, thresholds)
    model = average([fold_models[fold[0]] for fold in folds])
    model["thresholds"] = thresholds
    model["trained_on"] = {"split": args.splits, "stories": len(ids), "pairs": len(held_pairs)}
    if not args.dry_run:
        MODEL.write_text(json.dumps(model, indent=1) + "\n", encoding="utf-8")
        print(f"wrote {MODEL}")


if __name__ == "__main__":
    main()
