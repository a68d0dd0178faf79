"""Where annotation's time goes, stage by stage, in one process on one core; and how far the embedder runs from
what this CPU can do.

    .venv/bin/python benchmarks/annotate_profile.py [DATASET ...]   (default: multinews-dev ecbplus-dev)

For each data set of ../shared/data: seconds for sentence splitting, the entity model (and its words a second)
and the embedder (sentences and word pieces a second); then the embedder's arithmetic: multiply-adds per word
piece (every product by a weight matrix, plus attention over the sentence), achieved against the int8 rate that
onnxruntime's own kernel reaches on one large product of the same shape on this machine.
"""

from __future__ import annotations

import argparse
import importlib
import platform
import sys
import time

import numpy as np

from storyweave.eval.datasets import read_clustered, read_multinews, shared_data_file
from storyweave.models import Article
from storyweave.nlp import load_models

LAYERS, HIDDEN, INTERMEDIATE = 6, 384, 1536  # all-MiniLM-L6-v2
MACS_PER_PIECE = LAYERS * (4 * HIDDEN * HIDDEN + 2 * HIDDEN * INTERMEDIATE)


def _articles(dataset: str) -> list[Article] | None:
    if dataset.startswith("multinews"):
        path = shared_data_file(dataset, "clusters.jsonl")
        return None if path is None else [a for c in read_multinews(path) for a in c.articles]
    path = shared_data_file(dataset, "articles.jsonl")
    return None if path is None else [a for a, _ in read_clustered(path)]


def int8_peak(rows: int = 4096) -> float:
    """Multiply-adds a second of one (rows x 384) by (384 x 1536) int8 product, the embedder's biggest shape."""
    import onnx
    import onnxruntime as ort
    from onnx import TensorProto, helper

    weight = np.random.default_rng(0).integers(-127, 128, (HIDDEN, INTERMEDIATE), dtype=np.int8)
    graph = helper.make_graph(
        [helper.make_node("MatMulInteger", ["a", "b"], ["y"])],
        "peak",
        [helper.make_tensor_value_info("a", TensorProto.UINT8, [rows, HIDDEN])],
        [helper.make_tensor_value_info("y", TensorProto.INT32, [rows, INTERMEDIATE])],
        [onnx.numpy_helper.from_array(weight, "b")],
    )
    model = helper.make_model(graph, opset_imports=[helper.make_opsetid("", 17)])
    options = ort.SessionOptions()
    options.intra_op_num_threads = 1
    session = ort.InferenceSession(model.SerializeToString(), options, providers=["CPUExecutionProvider"])
    a = np.random.default_rng(1).integers(0, 256, (rows, HIDDEN), dtype=np.uint8)
    session.run(None, {"a": a})
    runs, began = 20, time.perf_counter()
    for _ in range(runs):
        session.run(None, {"a": a})
    return runs * rows * HIDDEN * INTERMEDIATE / (time.perf_counter() - began)


def profile(dataset: str, peak: float) -> None:
    articles = _articles(dataset)
    if articles is None:
        print(f"{dataset}: skipped (../shared/data/{dataset} is absent)")
        return
    annotate = importlib.import_module("storyweave.nlp.annotate")
    models = load_models(threads=1)
    began = time.perf_counter()
    split = [annotate._sentences(article, models) for article in articles]
    splitting = time.perf_counter() - began
    texts = [
        article.text[start:end]
        for article, (sentences, paragraphs, _) in zip(articles, split, strict=True)
        for start, end in annotate._model_pieces(paragraphs, sentences)
    ]
    words = sum(len(text.split()) for text in texts)
    began = time.perf_counter()
    for _ in models.nlp.pipe(texts, batch_size=64):
        pass
    entities = time.perf_counter() - began
    sentences = [s.text for found, _, _ in split for s in found]
    distinct = list(dict.fromkeys(sentences))
    lengths = [len(e.ids) for e in models.embedder._tokenizer.encode_batch(distinct)]
    began = time.perf_counter()
    models.embedder(sentences)
    embedding = time.perf_counter() - began
    pieces = sum(lengths)
    macs = pieces * MACS_PER_PIECE + sum(2 * LAYERS * HIDDEN * n * n for n in lengths)
    print(f"{dataset}: {len(articles)} articles, {len(sentences)} sentences ({len(distinct)} distinct), {words} words")
    print(f"  split      {splitting:6.2f} s")
    print(f"  entities   {entities:6.2f} s   {words / entities:8.0f} words a second")
    print(f"  embed      {embedding:6.2f} s   {len(distinct) / embedding:8.0f} sentences a second, "
          f"{pieces / embedding:.0f} word pieces a second ({pieces / len(distinct):.1f} a sentence)")  # fmt: skip
    rate = macs / embedding
    print(f"  embedder arithmetic: {macs / len(distinct) / 1e6:.0f} M multiply-adds a sentence, "
          f"{rate / 1e9:.1f} G a second = {100 * rate / peak:.0f}% of the int8 product rate")  # fmt: skip


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    parser.add_argument("datasets", nargs="*", default=["multinews-dev", "ecbplus-dev"])
    args = parser.parse_args()
    peak = int8_peak()
    print(f"machine: {platform.machine()}, Python {platform.python_version()}, one core")
    print(f"int8 product rate (onnxruntime, one core, 4096x384 by 384x1536): {peak / 1e9:.1f} G multiply-adds/s")
    for dataset in args.datasets:
        profile(dataset, peak)
    return 0


if __name__ == "__main__":
    sys.exit(main())
