"""Story-clustering evaluation: B-cubed and ARI, the clustered-data reader, the baseline and the harness."""

from __future__ import annotations

import json
import random
from datetime import UTC, datetime
from pathlib import Path

import numpy as np
import pytest

from storyweave.errors import InputError
from storyweave.eval.clustering import adjusted_rand_index, bcubed, labels_from_groups, score_partition
from storyweave.eval.datasets import read_clustered, shared_data_file
from storyweave.models import AnnotatedArticle, Article

# Eight invented headlines-with-a-line, three obvious stories.
TINY = [
    ("ferry", "Ferry runs aground on sandbank off Port Avery; lifeboats rescue all 212 passengers"),
    ("ferry", "Island Wren ferry aground: lifeboats rescue passengers stranded on Port Avery sandbank"),
    ("ferry", "Passengers describe night on ferry aground off Port Avery sandbank before lifeboats came"),
    ("bridge", "Mill River stone bridge reopens after two years of repairs costing 4 million pounds"),
    ("bridge", "Traffic returns to Mill River bridge as two years of stone repairs end"),
    ("bridge", "Council says Mill River bridge repairs finished on budget; stone bridge reopens"),
    ("vaccine", "Health ministry approves measles vaccine campaign for schoolchildren this winter"),
    ("vaccine", "Schoolchildren to get measles vaccine this winter after health ministry approval"),
]


def tiny_items() -> list[tuple[Article, str]]:
    return [(Article.create(text, f"outlet {i}", title=text), story) for i, (story, text) in enumerate(TINY)]


def write_tiny(path: Path) -> Path:
    rows = [{"id": str(i), "story": s, "title": text, "outlet": f"outlet {i}"} for i, (s, text) in enumerate(TINY)]
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    return path


# --- metrics --------------------------------------------------------------------------------------


def test_identical_partitions_score_one_whatever_the_labels() -> None:
    gold = ["a", "a", "b", "c", "c", "c"]
    scores = score_partition(gold, [7, 7, 1, 2, 2, 2])
    assert (scores.precision, scores.recall, scores.f1, scores.ari) == (1.0, 1.0, 1.0, 1.0)
    assert adjusted_rand_index(["x"] * 4, [0] * 4) == 1.0
    assert adjusted_rand_index([0, 1, 2, 3], ["a", "b", "c", "d"]) == 1.0


def test_all_singletons_against_one_cluster() -> None:
    one, singletons = [0] * 4, [0, 1, 2, 3]
    assert bcubed(one, singletons) == (1.0, 0.25, pytest.approx(0.4))  # every item alone: precise, recall 1/4
    assert bcubed(singletons, one) == (0.25, 1.0, pytest.approx(0.4))
    assert adjusted_rand_index(one, singletons) == 0.0
    assert adjusted_rand_index(singletons, one) == 0.0


def test_worked_example() -> None:
    # Gold {1,2} {3} {4}; predicted {1,2} {3,4}: items 3 and 4 each have precision 1/2, recall 1.
    precision, recall, f1 = bcubed([0, 0, 1, 2], [0, 0, 1, 1])
    assert (precision, recall) == (0.75, 1.0)
    assert f1 == pytest.approx(6 / 7)
    # ARI: index 1, expected 1 * 2 / 6, maximum 3 / 2 -> (1 - 1/3) / (3/2 - 1/3) = 4/7 (scikit-learn's 0.57).
    assert adjusted_rand_index([0, 0, 1, 2], [0, 0, 1, 1]) == pytest.approx(4 / 7)
    assert adjusted_rand_index([0, 0, 1, 1], [0, 1, 0, 1]) == pytest.approx(-0.5)  # worse than chance


def test_ari_matches_scikit_learn_on_random_partitions() -> None:
    metrics = pytest.importorskip("sklearn.metrics")
    rng = random.Random(7)
    for _ in range(20):
        n = rng.randint(2, 60)
        gold = [rng.randint(0, 5) for _ in range(n)]
        predicted = [rng.randint(0, 8) for _ in range(n)]
        assert adjusted_rand_index(gold, predicted) == pytest.approx(metrics.adjusted_rand_score(gold, predicted))


def test_labels_from_groups() -> None:
    assert labels_from_groups([[2, 0], [3]], 5) == [0, 2, 0, 1, 3]  # 1 and 4 become clusters of their own
    with pytest.raises(ValueError, match="outside"):
        labels_from_groups([[5]], 5)
    with pytest.raises(ValueError, match="groups 0 and 1"):
        labels_from_groups([[1], [1]], 2)
    with pytest.raises(ValueError, match="gold labels"):
        bcubed([0, 1], [0])


# --- reader ---------------------------------------------------------------------------------------


def test_reader_ecb_and_uci_shapes(tmp_path: Path) -> None:
    path = tmp_path / "mixed.jsonl"
    rows = [
        {"id": "1_1ecb", "story": "1_ecb", "title": "Tara Reid entered rehab.", "text": "Her rep confirmed it.\nMore."},
        {
            "id": "7",
            "story": "ddUy",
            "title": "Fed official says weak data caused by weather",
            "outlet": "Los Angeles Times",
            "url": "http://www.latimes.com/fed",
            "published_ms": 1394470370698,
            "category": "b",
        },
    ]
    path.write_text(json.dumps(rows[0]) + "\n\n" + json.dumps(rows[1]) + "\n", encoding="utf-8")
    (ecb, ecb_story), (uci, uci_story) = read_clustered(path)
    assert (ecb_story, uci_story) == ("1_ecb", "ddUy")
    assert ecb.text == "Her rep confirmed it.\nMore." and ecb.title == "Tara Reid entered rehab."
    assert ecb.outlet == "unknown" and ecb.url is None and ecb.published is None
    assert ecb.origin.line == 1 and uci.origin.line == 3
    assert uci.text == uci.title == "Fed official says weak data caused by weather"
    assert uci.outlet == "Los Angeles Times" and uci.url == "http://www.latimes.com/fed"
    assert uci.published == datetime(2014, 3, 10, 16, 52, 50, 698000, tzinfo=UTC)


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ('{"story": "a", "text": "x"}\n{"story": "b", "text": \n', "bad.jsonl:2: not valid JSON"),
        ('{"story": "a", "text": "x"}\n{"text": "no story"}\n', 'bad.jsonl:2: no "story"'),
        ('{"story": "a"}\n', 'bad.jsonl:1: neither "text" nor "title"'),
        ('["story"]\n', "bad.jsonl:1: not a JSON object"),
        ('{"story": "a", "text": "x", "published_ms": "soon"}\n', '"published_ms" is not a number'),
    ],
)
def test_reader_errors_name_the_line(tmp_path: Path, content: str, message: str) -> None:
    path = tmp_path / "bad.jsonl"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(InputError, match=message):
        read_clustered(path)


def test_reader_missing_file(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no such data set"):
        read_clustered(tmp_path / "absent.jsonl")


# --- baseline -------------------------------------------------------------------------------------


def test_baseline_text_joins_title_and_text_once() -> None:
    from storyweave.eval.baseline import baseline_text

    assert baseline_text(Article.create("Body.", "o", title="First.")) == "First.\n\nBody."
    assert baseline_text(Article.create("Headline only", "o", title="Headline only")) == "Headline only"
    assert baseline_text(Article.create("Body.", "o")) == "Body."


def test_baseline_recovers_the_tiny_stories() -> None:
    pytest.importorskip("sklearn")
    from storyweave.eval.baseline import sweep

    items = tiny_items()
    result = sweep([a for a, _ in items], [s for _, s in items], (0.3, 0.6, 0.8, 0.9, 0.99))
    assert [p.threshold for p in result.points] == [0.3, 0.6, 0.8, 0.9, 0.99]
    best = result.best
    assert best.scores.f1 == 1.0 and best.scores.ari == 1.0 and best.clusters == 3
    assert best.seconds > 0 and len(best.labels) == len(TINY)
    assert result.points[0].scores.precision == 1.0 and result.points[0].clusters > 3  # too strict: split up


# --- harness --------------------------------------------------------------------------------------


def fake_annotate(articles: list[Article]) -> list[AnnotatedArticle]:
    return [AnnotatedArticle(a, [], [], np.zeros((0, 4), dtype=np.float32)) for a in articles]


def group_by_keyword(annotated: list[AnnotatedArticle]) -> list[list[int]]:
    """A test system: stories by keyword, except that it puts the vaccine headlines with the ferry."""
    keys = ["bridge" if "bridge" in a.article.text.lower() else "other" for a in annotated]
    return [[i for i, k in enumerate(keys) if k == key] for key in dict.fromkeys(keys)]


def test_evaluate_clusters_with_an_injected_system() -> None:
    pytest.importorskip("sklearn")
    from storyweave.eval.clusters import evaluate_clusters

    started: list[str] = []
    evaluation = evaluate_clusters(
        tiny_items(), {"keywords": group_by_keyword}, annotate=fake_annotate, on_system=started.append
    )
    assert (evaluation.articles, evaluation.stories) == (8, 3)
    assert started == ["keywords", "TF-IDF + average link"]
    keywords, baseline = evaluation.systems
    assert keywords.name == "keywords" and keywords.clusters == 2 and keywords.scores.recall == 1.0
    assert keywords.scores.precision == pytest.approx((3 * 3 / 5 + 2 * 2 / 5 + 3) / 8)
    assert keywords.articles_per_second > 0 and evaluation.annotate_seconds is not None
    assert baseline.threshold is not None and baseline.name == f"TF-IDF + average link ({baseline.threshold:g})"
    assert baseline.scores.f1 == 1.0
    assert evaluation.system("keywords") is keywords


def test_a_system_is_timed_over_several_runs_that_must_agree() -> None:
    from storyweave.eval.clusters import TIMED_RUNS, run_system

    annotated = fake_annotate([article for article, _ in tiny_items()])
    gold = [story for _, story in tiny_items()]
    calls: list[int] = []

    def counted(articles: list[AnnotatedArticle]) -> list[list[int]]:
        calls.append(len(articles))
        return group_by_keyword(articles)

    result = run_system("keywords", counted, annotated, gold)
    assert calls == [8] * TIMED_RUNS and result.clusters == 2 and result.articles_per_second > 0

    def reordered(articles: list[AnnotatedArticle]) -> list[list[int]]:  # the same stories, listed differently
        calls.append(0)
        groups = group_by_keyword(articles)
        return groups if len(calls) % 2 else [sorted(g, reverse=True) for g in reversed(groups)]

    assert run_system("reordered", reordered, annotated, gold).scores == result.scores

    def unstable(articles: list[AnnotatedArticle]) -> list[list[int]]:
        calls.append(0)
        return [list(range(len(articles)))] if len(calls) % 2 else [[i] for i in range(len(articles))]

    with pytest.raises(RuntimeError, match="differently from one run to the next"):
        run_system("unstable", unstable, annotated, gold)


def test_evaluate_clusters_without_systems_does_not_annotate() -> None:
    pytest.importorskip("sklearn")
    from storyweave.eval.clusters import evaluate_clusters

    def refuse(articles: list[Article]) -> list[AnnotatedArticle]:
        raise AssertionError("annotated without a system")

    evaluation = evaluate_clusters(tiny_items(), {}, thresholds=(0.9,), annotate=refuse)
    assert evaluation.annotate_seconds is None and [s.threshold for s in evaluation.systems] == [0.9]


@pytest.mark.shared_data
def test_baseline_on_ecbplus_matches_the_published_figure() -> None:
    pytest.importorskip("sklearn")
    from storyweave.eval.baseline import DEFAULT_THRESHOLDS, sweep

    path = shared_data_file("ecbplus-dev", "articles.jsonl")
    if path is None:
        pytest.skip("../shared/data/ecbplus-dev/articles.jsonl is absent: clone the project beside shared/")
    items = read_clustered(path)
    best = sweep([a for a, _ in items], [s for _, s in items], DEFAULT_THRESHOLDS).best
    assert len(items) == 462
    assert best.scores.f1 == pytest.approx(0.889, abs=0.02)
