"""Pieces shared by the brief's JSON writer and reader: numbers, evidence, typed field access."""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping
from typing import Any, TypeVar

from storyweave.errors import InputError
from storyweave.models import Evidence

T = TypeVar("T")

ItemReader = Callable[[Mapping[str, Any], str], T]


def similarity(value: float) -> float:
    """Clamped to [0, 1] and rounded to 4 decimals; NaN counts as no similarity."""
    number = float(value)
    if math.isnan(number):
        return 0.0
    return round(min(max(number, 0.0), 1.0), 4)


def number(value: float | None) -> float | None:
    """Rounded to 4 decimals; ``None`` for no value and for values JSON cannot hold (NaN, ±inf)."""
    if value is None or not math.isfinite(float(value)):
        return None
    return round(float(value), 4)


SUPPORT = ("source", "full", "partial", "contradicts")


def evidence_dict(evidence: Evidence) -> dict[str, Any]:
    return {
        "source": evidence.source,
        "article_id": evidence.article_id,
        "sentence": evidence.sentence,
        "start": evidence.start,
        "end": evidence.end,
        "text": evidence.text,
        "similarity": similarity(evidence.similarity),
        "support": evidence.support,
        "via": evidence.via,
    }


# --- reading -------------------------------------------------------------------------------


def bad(where: str, what: str) -> InputError:
    return InputError(
        f"The brief document is malformed: {where} {what}",
        "Write it again with `storyweave` or check it against the brief JSON Schema",
    )


def get(data: Mapping[str, Any], key: str, kind: type | tuple[type, ...], where: str) -> Any:
    """``data[key]``, which must be of type ``kind`` (a bool is not an int unless ``bool`` is named)."""
    if key not in data:
        raise bad(where, f"has no field {key!r}")
    value = data[key]
    kinds = kind if isinstance(kind, tuple) else (kind,)
    if not isinstance(value, kinds) or (isinstance(value, bool) and bool not in kinds):
        raise bad(f"{where}.{key}", f"has the wrong type ({type(value).__name__})")
    return value


def obj(value: Any, where: str) -> Mapping[str, Any]:
    if not isinstance(value, Mapping):
        raise bad(where, "is not an object")
    return value


def items(data: Mapping[str, Any], key: str, where: str, read: ItemReader[T]) -> list[T]:
    """``data[key]``, a list of objects, each read by ``read``."""
    values = get(data, key, list, where)
    return [read(obj(value, f"{where}.{key}[{i}]"), f"{where}.{key}[{i}]") for i, value in enumerate(values)]


def one(data: Mapping[str, Any], key: str, where: str, read: ItemReader[T]) -> T:
    """``data[key]``, an object read by ``read``."""
    return read(obj(get(data, key, Mapping, where), f"{where}.{key}"), f"{where}.{key}")


def scalar_list(values: Any, kind: type, where: str) -> list[Any]:
    """``values``, which must be a list of ``kind`` values (ints are never bools)."""
    if not isinstance(values, list):
        raise bad(where, f"is not a list ({type(values).__name__})")
    for i, value in enumerate(values):
        if not isinstance(value, kind) or (isinstance(value, bool) and kind is not bool):
            raise bad(f"{where}[{i}]", f"has the wrong type ({type(value).__name__})")
    return list(values)


def scalars(data: Mapping[str, Any], key: str, kind: type, where: str) -> list[Any]:
    """``data[key]``, a list of ``kind`` values."""
    return scalar_list(get(data, key, list, where), kind, f"{where}.{key}")


def optional_number(data: Mapping[str, Any], key: str, where: str) -> float | None:
    value = get(data, key, (int, float, type(None)), where)
    return None if value is None else float(value)


def read_evidence(data: Mapping[str, Any], where: str) -> Evidence:
    """Evidence of any version; before version 3 it had no ``support`` (read as "source") and no ``via``."""
    support = get(data, "support", str, where) if "support" in data else "source"
    if support not in SUPPORT:
        raise bad(f"{where}.support", f"is not one of {', '.join(SUPPORT)} ({support[:20]!r})")
    return Evidence(
        source=get(data, "source", int, where),
        article_id=get(data, "article_id", str, where),
        sentence=get(data, "sentence", int, where),
        start=get(data, "start", int, where),
        end=get(data, "end", int, where),
        text=get(data, "text", str, where),
        similarity=float(get(data, "similarity", (int, float), where)),
        support=support,
        via=get(data, "via", (int, type(None)), where) if "via" in data else None,
    )
