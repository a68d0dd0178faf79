"""Quality gate: storyweave's ROUGE on the 100 Multi-News dev clusters, against floors and peers.

Runs the same code as ``storyweave eval rouge ../shared/data/multinews-dev/clusters.jsonl --words 260``
once for the module. Floors sit about half a point below storyweave's scores when they were set
(ROUGE-1 46.37, ROUGE-2 16.41 on 2026-11-22); raise them as the summariser improves. storyweave must also
stay ahead of the best peer by the margins its issue asks for.
"""

from __future__ import annotations

from pathlib import Path

import pytest

pytest.importorskip("sumy")
pytest.importorskip("rouge_score")

from storyweave.eval.datasets import read_dataset
from storyweave.eval.run import DEFAULT_PEERS, STORYWEAVE, Evaluation, evaluate

pytestmark = pytest.mark.shared_data

WORDS = 260
ROUGE1_FLOOR = 45.8  # ×100, F1
ROUGE2_FLOOR = 15.9
ROUGE1_MARGIN = 1.0  # points ahead of the best peer
ROUGE2_MARGIN = 1.5
# The peers' figures in ../shared/data/README.md (R-1, R-2, R-Lsum), measured with the same set-up.
PUBLISHED_PEERS = {
    "lead": (43.44, 13.87, 28.32),
    "LexRank": (43.97, 14.66, 29.19),
    "TextRank": (44.00, 14.68, 29.13),
    "LSA": (43.43, 14.10, 28.67),
}
PEER_TOLERANCE = 0.5


@pytest.fixture(scope="module")
def evaluation(multinews_path: Path) -> Evaluation:
    return evaluate(read_dataset(multinews_path), words=WORDS, peers=DEFAULT_PEERS)


def test_storyweave_meets_the_floors(evaluation: Evaluation) -> None:
    scores = evaluation.system(STORYWEAVE).scores
    assert len(evaluation.cluster_ids) == 100
    assert scores.rouge1 * 100 >= ROUGE1_FLOOR, f"ROUGE-1 {scores.rouge1 * 100:.2f} < {ROUGE1_FLOOR}"
    assert scores.rouge2 * 100 >= ROUGE2_FLOOR, f"ROUGE-2 {scores.rouge2 * 100:.2f} < {ROUGE2_FLOOR}"


def test_storyweave_beats_the_best_peer_by_the_margins(evaluation: Evaluation) -> None:
    ours = evaluation.system(STORYWEAVE).scores
    best1 = max(evaluation.peers, key=lambda s: s.scores.rouge1)
    best2 = max(evaluation.peers, key=lambda s: s.scores.rouge2)
    lead1 = (ours.rouge1 - best1.scores.rouge1) * 100
    lead2 = (ours.rouge2 - best2.scores.rouge2) * 100
    assert lead1 >= ROUGE1_MARGIN, f"ROUGE-1 only {lead1:+.2f} over {best1.name}"
    assert lead2 >= ROUGE2_MARGIN, f"ROUGE-2 only {lead2:+.2f} over {best2.name}"


def test_peers_match_the_published_set_up(evaluation: Evaluation) -> None:
    for peer in evaluation.peers:
        measured = (peer.scores.rouge1 * 100, peer.scores.rouge2 * 100, peer.scores.rouge_lsum * 100)
        for got, published in zip(measured, PUBLISHED_PEERS[peer.name], strict=True):
            assert got == pytest.approx(published, abs=PEER_TOLERANCE), (peer.name, measured)


def test_summaries_respect_the_budget(evaluation: Evaluation) -> None:
    for system in evaluation.systems:
        assert all(sum(len(s.split()) for s in summary) <= WORDS for summary in system.summaries)
