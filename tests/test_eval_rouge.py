"""ROUGE scoring and the word cut on tiny hand-made strings."""

from __future__ import annotations

import pytest

pytest.importorskip("rouge_score")

from storyweave.eval.rouge import Scores, cut_words, score


def test_identical_summary_scores_one() -> None:
    text = ["The ferry ran aground on Tuesday.", "All passengers were rescued."]
    result = score(text, ["The ferry ran aground on Tuesday.\nAll passengers were rescued."])
    assert result == Scores(1.0, 1.0, 1.0)


def test_disjoint_summary_scores_zero() -> None:
    result = score(["Apples grow slowly."], ["Ferries sink quickly tonight."])
    assert result == Scores(0.0, 0.0, 0.0)


def test_several_references_are_averaged() -> None:
    summary = ["the cat sat on the mat"]
    both = score(summary, ["the cat sat on the mat", "dogs bark at night"])
    assert both.rouge1 == pytest.approx(0.5)
    assert both.rouge2 == pytest.approx(0.5)
    assert both.rouge_lsum == pytest.approx(0.5)


def test_stemming_and_recall() -> None:
    # Porter stemming: "rescued" and "rescues" match.
    assert score(["rescued"], ["rescues"]).rouge1 == pytest.approx(1.0)
    # Recall of a summary holding half the reference's words.
    recall = score(["ferry aground"], ["ferry aground passengers rescued"], recall=True)
    assert recall.rouge1 == pytest.approx(0.5)
    f1 = score(["ferry aground"], ["ferry aground passengers rescued"])
    assert f1.rouge1 == pytest.approx(2 * 1.0 * 0.5 / 1.5)


def test_no_reference_scores_zero() -> None:
    assert score(["anything"], []) == Scores()
    assert Scores.mean([]) == Scores()


def test_cut_words_truncates_the_last_sentence() -> None:
    sentences = ["one two three.", "four  five\nsix seven.", "eight nine."]
    assert cut_words(sentences, 5) == ["one two three.", "four five"]
    assert cut_words(sentences, 3) == ["one two three."]
    assert cut_words(sentences, 100) == ["one two three.", "four five six seven.", "eight nine."]
    assert cut_words(["", "a b"], 1) == ["a"]
    assert cut_words(sentences, 0) == []
    assert sum(len(s.split()) for s in cut_words(sentences, 6)) == 6
