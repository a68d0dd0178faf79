"""Rewrites of the embedding model's ONNX graph that make it faster on a CPU without tying a vector to its batch.

Two rewrites, applied to the shipped model once its constants are folded (see ``optimize.py``):

- ``fuse_encoder_layers``: each layer's attention (the reshapes, transposes, masking and softmax the exporter
  wrote out op by op) becomes one ``MultiHeadAttention`` kernel, and its feed-forward GELU one ``BiasGelu``.
  Same arithmetic in float, a few dozen fewer kernels a layer.
- ``quantize_rows``: every matrix product with constant weights runs in int8 with a scale per token (per row of
  the activations) and per output channel of the weights. onnxruntime's own dynamic quantisation scales the
  activations of the whole batch at once, so a sentence's vector depended on the sentences embedded beside it;
  here a token's integers depend on that token alone, so the vector of a sentence is the same in any batch, and
  a batch pads only up to its longest sentence.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

import numpy as np
import onnx
from onnx import TensorProto, helper, numpy_helper

MS_DOMAIN = "com.microsoft"
_LAYER_QUERY_BIAS = re.compile(r"^(?P<prefix>.*encoder\.layer\.(?P<n>\d+)\.)attention\.self\.query\.bias$")


class GraphMismatch(ValueError):
    """The graph is not laid out as the rewrite expects (another exporter or model)."""


def _initializers(graph: onnx.GraphProto) -> dict[str, onnx.TensorProto]:
    return {init.name: init for init in graph.initializer}


def _producers(graph: onnx.GraphProto) -> dict[str, onnx.NodeProto]:
    return {out: node for node in graph.node for out in node.output}


def _add_of(graph: onnx.GraphProto, bias: str) -> onnx.NodeProto:
    for node in graph.node:
        if node.op_type == "Add" and bias in node.input:
            return node
    raise GraphMismatch(f"no Add of {bias}")


def _matmul_into(add: onnx.NodeProto, producers: dict[str, onnx.NodeProto]) -> onnx.NodeProto:
    for name in add.input:
        node = producers.get(name)
        if node is not None and node.op_type == "MatMul":
            return node
    raise GraphMismatch(f"no MatMul before {add.name or add.output[0]}")


def _head_size(
    graph: onnx.GraphProto, query: str, inits: dict[str, onnx.TensorProto], producers: dict[str, onnx.NodeProto]
) -> int:
    """The last dimension of the reshape that splits the query into heads: (batch, length, heads, head size)."""
    for node in graph.node:
        if node.op_type == "Reshape" and node.input[0] == query:
            shape = producers.get(node.input[1])
            if shape is not None and shape.op_type == "Concat" and shape.input[-1] in inits:
                return int(numpy_helper.to_array(inits[shape.input[-1]]).reshape(-1)[-1])
    raise GraphMismatch(f"no head split of {query}")


def fuse_encoder_layers(model: onnx.ModelProto, mask_input: str = "attention_mask") -> int:
    """Replace each BERT layer's attention core and GELU with fused kernels; returns the layers rewritten."""
    graph = model.graph
    inits = _initializers(graph)
    producers = _producers(graph)
    fused: list[onnx.NodeProto] = [helper.make_node("Cast", [mask_input], ["fused_mask"], to=TensorProto.INT32)]
    matches = (_LAYER_QUERY_BIAS.match(name) for name in inits)
    layers = sorted((int(found["n"]), found["prefix"], found.string) for found in matches if found)
    for _, prefix, name in layers:
        query, key, value = (
            _add_of(graph, f"{prefix}attention.self.{part}.bias").output[0] for part in ("query", "key", "value")
        )
        hidden = int(np.prod(inits[name].dims))
        head_size = _head_size(graph, query, inits, producers)
        if head_size <= 0 or hidden % head_size:
            raise GraphMismatch(f"head size {head_size} does not divide {hidden}")
        context = _matmul_into(_add_of(graph, f"{prefix}attention.output.dense.bias"), producers).input[0]
        fused.append(
            helper.make_node(
                "MultiHeadAttention",
                [query, key, value, "", "fused_mask"],
                [context],
                domain=MS_DOMAIN,
                num_heads=hidden // head_size,
                scale=float(head_size**-0.5),
            )
        )
        intermediate = _add_of(graph, f"{prefix}intermediate.dense.bias")
        gelu_out = _matmul_into(_add_of(graph, f"{prefix}output.dense.bias"), producers).input[0]
        fused.append(
            helper.make_node(
                "BiasGelu",
                [_matmul_into(intermediate, producers).output[0], f"{prefix}intermediate.dense.bias"],
                [gelu_out],
                domain=MS_DOMAIN,
            )
        )
    if len(fused) == 1:
        raise GraphMismatch("no encoder layer found")
    replaced = {out for node in fused[1:] for out in node.output}
    kept = [node for node in graph.node if not replaced & set(node.output)]
    _set_nodes(model, kept + fused)
    return (len(fused) - 1) // 2


def quantize_rows(model: onnx.ModelProto) -> int:
    """Run every MatMul by a constant 2-D weight in int8, scaled per token and per output channel; returns how
    many. Products that share an input share its quantisation."""
    graph = model.graph
    inits = _initializers(graph)
    extra = [
        numpy_helper.from_array(np.array(1 / 127, np.float32), "rowq_inv127"),
        numpy_helper.from_array(np.array(1e-12, np.float32), "rowq_eps"),
        numpy_helper.from_array(np.array(1.0, np.float32), "rowq_one"),
        numpy_helper.from_array(np.array(128, np.uint8), "rowq_zero"),
        numpy_helper.from_array(np.array([1], np.int64), "rowq_axis1"),
        numpy_helper.from_array(np.array([-1], np.int64), "rowq_all"),
    ]
    nodes: list[onnx.NodeProto] = []
    quantized: dict[str, str] = {}
    count = 0
    for node in graph.node:
        weight = inits.get(node.input[1]) if node.op_type == "MatMul" else None
        if weight is None or len(weight.dims) != 2:
            nodes.append(node)
            continue
        x = node.input[0]
        if x not in quantized:
            quantized[x] = f"rowq{len(quantized)}_"
            nodes.extend(_row_quantizer(x, quantized[x]))
        q, p = quantized[x], f"rowmm{count}_"
        count += 1
        w = numpy_helper.to_array(weight).astype(np.float32)
        scales = np.abs(w).max(axis=0) / 127.0
        scales[scales == 0] = 1e-12
        integers = np.clip(np.round(w / scales), -127, 127).astype(np.int8)
        extra += [
            numpy_helper.from_array(integers, p + "w"),
            numpy_helper.from_array(scales.astype(np.float32), p + "scale"),
            numpy_helper.from_array(np.array([w.shape[1]], np.int64), p + "width"),
        ]
        nodes += [
            helper.make_node(
                "MatMulIntegerToFloat",
                [q + "x", p + "w", "rowq_one", p + "scale", "rowq_zero"],
                [p + "y"],
                domain=MS_DOMAIN,
            ),
            helper.make_node("Mul", [p + "y", q + "scale2"], [p + "scaled"]),
            helper.make_node("Concat", [q + "lead", p + "width"], [p + "shape"], axis=0),
            helper.make_node("Reshape", [p + "scaled", p + "shape"], [node.output[0]]),
        ]
    graph.initializer.extend(extra)
    _set_nodes(model, nodes)
    return count


def _row_quantizer(x: str, q: str) -> list[onnx.NodeProto]:
    """x (..., K) as uint8 rows (K values each, zero point 128), each with its own scale: max |value| / 127."""
    zero = numpy_helper.from_array(np.array([128], np.uint8))
    return [
        helper.make_node("Shape", [x], [q + "lead"], end=-1),
        helper.make_node("Shape", [x], [q + "depth"], start=-1),
        helper.make_node("Concat", ["rowq_all", q + "depth"], [q + "flat"], axis=0),
        helper.make_node("Reshape", [x, q + "flat"], [q + "rows"]),
        helper.make_node("Abs", [q + "rows"], [q + "abs"]),
        helper.make_node("ReduceMax", [q + "abs"], [q + "max"], axes=[1], keepdims=0),
        helper.make_node("Mul", [q + "max", "rowq_inv127"], [q + "raw"]),
        helper.make_node("Add", [q + "raw", "rowq_eps"], [q + "scale"]),
        helper.make_node("Shape", [q + "scale"], [q + "count"]),
        helper.make_node("ConstantOfShape", [q + "count"], [q + "zeros"], value=zero),
        helper.make_node("QuantizeLinear", [q + "rows", q + "scale", q + "zeros"], [q + "x"], axis=0),
        helper.make_node("Unsqueeze", [q + "scale", "rowq_axis1"], [q + "scale2"]),
    ]


def _set_nodes(model: onnx.ModelProto, nodes: Iterable[onnx.NodeProto]) -> None:
    """Keep the nodes the outputs need, in an order where each follows its inputs; drop unused constants."""
    graph = model.graph
    nodes = list(nodes)
    producer = {out: node for node in nodes for out in node.output}
    needed, stack = set(), [out.name for out in graph.output]
    while stack:
        name = stack.pop()
        node = producer.get(name)
        if node is None or id(node) in needed:
            continue
        needed.add(id(node))
        stack.extend(i for i in node.input if i)
    live = [node for node in nodes if id(node) in needed]
    ready = {i.name for i in graph.input} | {i.name for i in graph.initializer} | {""}
    ordered: list[onnx.NodeProto] = []
    while live:
        runnable = [node for node in live if all(i in ready for i in node.input)]
        if not runnable:
            raise GraphMismatch("the rewritten graph has an input no node produces")
        for node in runnable:
            ordered.append(node)
            ready.update(node.output)
        placed = {id(node) for node in runnable}
        live = [node for node in live if id(node) not in placed]
    used = {i for node in ordered for i in node.input}
    initializers = [init for init in graph.initializer if init.name in used]
    del graph.node[:]
    graph.node.extend(ordered)
    del graph.initializer[:]
    graph.initializer.extend(initializers)
    if not any(op.domain == MS_DOMAIN for op in model.opset_import):
        model.opset_import.append(helper.make_opsetid(MS_DOMAIN, 1))
