"""Values of the brief document as written: numbers, evidence, and every dataclass (a source, the analysis's)
as an object.

Every field of the analysis dataclasses is written, in declaration order; evidence has the same form
everywhere. ``Analysis.conflicts`` is not written: it is the fact groups whose ``status`` is ``"conflict"``.
"""

from __future__ import annotations

import math
from dataclasses import fields, is_dataclass
from datetime import datetime
from numbers import Integral, Real
from typing import Any

from storyweave.models import Analysis, Evidence


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


def evidence_dict(evidence: Evidence) -> dict[str, Any]:
    """Every field as it is, but the similarity clamped (evidence is written the same everywhere)."""
    return {f.name: getattr(evidence, f.name) for f in fields(evidence)} | {
        "similarity": similarity(evidence.similarity)
    }


def plain(value: Any) -> Any:
    """Dataclasses as objects (every field, in declaration order), evidence as ``evidence_dict`` writes it,
    date-times in ISO 8601, numbers rounded (``number``)."""
    if isinstance(value, Evidence):
        return evidence_dict(value)
    if isinstance(value, datetime):
        return value.isoformat()
    if is_dataclass(value) and not isinstance(value, type):
        return {f.name: plain(getattr(value, f.name)) for f in fields(value)}
    if isinstance(value, list | tuple):
        return [plain(item) for item in value]
    if isinstance(value, bool | str) or value is None:
        return value
    if isinstance(value, Integral):
        return int(value)
    if isinstance(value, Real):
        return number(float(value))
    raise TypeError(f"cannot write {type(value).__name__} in a brief document")


def analysis_dict(analysis: Analysis | None) -> dict[str, Any] | None:
    """The analysis as plain JSON values, or ``None`` when the brief has none."""
    if analysis is None:
        return None
    data: dict[str, Any] = plain(analysis)
    return data
