"""Peer summarisers: the offline tokenizer, the lead baseline's order, sumy without NLTK data."""

from __future__ import annotations

from pathlib import Path

import pytest

pytest.importorskip("sumy")

from storyweave.eval.peers import PEERS, OfflineTokenizer, lead, punkt_sentences

DOCUMENTS = [
    "Alpha one opens the story. Alpha two adds a detail.\n\nAlpha three closes it.",
    "Beta one reports the same event. Beta two quotes an official.",
    "Gamma one is short.",
]


@pytest.fixture
def no_nltk_data(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """NLTK finds no data and must never try to download any."""
    import nltk

    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("nltk.download was called")

    monkeypatch.setattr(nltk, "download", refuse)
    monkeypatch.setattr(nltk.data, "path", [str(tmp_path)])


def test_offline_tokenizer_splits_sentences_and_words(no_nltk_data: None) -> None:
    tokenizer = OfflineTokenizer()
    assert tokenizer.to_sentences("Dr. Smith arrived. He left.") == ("Dr. Smith arrived.", "He left.")
    assert tokenizer.to_sentences("See e.g. the report. It is long.") == (
        "See e.g. the report.",
        "It is long.",
    )
    # Like sumy's Tokenizer: punctuation and numbers are not words; contractions are split.
    assert tokenizer.to_words("It didn't cost $5, Smith-Jones said.") == (
        "It",
        "did",
        "n't",
        "cost",
        "Smith-Jones",
        "said",
    )
    assert tokenizer.language == "english"


def test_punkt_sentences_keep_paragraphs_apart() -> None:
    assert punkt_sentences("Dr. Smith arrived. He left.\nA headline without a stop\nNext.") == [
        "Dr. Smith arrived.",
        "He left.",
        "A headline without a stop",
        "Next.",
    ]


def test_lead_takes_sentences_round_robin() -> None:
    assert lead(DOCUMENTS, 1000) == [
        "Alpha one opens the story.",
        "Beta one reports the same event.",
        "Gamma one is short.",
        "Alpha two adds a detail.",
        "Beta two quotes an official.",
        "Alpha three closes it.",
    ]
    # It stops at the sentence that reaches the budget (the caller cuts the rest).
    assert lead(DOCUMENTS, 6) == ["Alpha one opens the story.", "Beta one reports the same event."]
    assert lead([], 10) == []


@pytest.mark.parametrize("name", ["lexrank", "textrank", "lsa"])
def test_sumy_peers_run_offline(name: str, no_nltk_data: None) -> None:
    label, summarise = PEERS[name]
    sentences = summarise(DOCUMENTS, 260)
    assert label
    assert sentences
    assert set(sentences) <= {s for d in DOCUMENTS for s in punkt_sentences(d)}
    assert summarise([], 260) == []
