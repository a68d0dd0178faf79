"""The ``analysis`` object of a ``storyweave.brief/2`` or ``/3`` document, written and read back.

Every field of the analysis dataclasses is written, in declaration order; evidence has
the same form as the summary's. ``Analysis.conflicts`` is not written: it is the fact
groups whose ``status`` is ``"conflict"``.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import fields, is_dataclass, replace
from datetime import date
from numbers import Integral, Real
from typing import Any

from storyweave.models import (
    Analysis,
    Claim,
    Coverage,
    EntityProfile,
    Evidence,
    Fact,
    FactGroup,
    Quote,
    QuoteVariant,
    Role,
    TimelineEvent,
)
from storyweave.render._json_common import (
    bad,
    evidence_dict,
    get,
    items,
    number,
    one,
    optional_number,
    read_evidence,
    scalar_list,
    scalars,
)

_OPTIONAL_STR = (str, type(None))


def _plain(value: Any) -> Any:
    """Dataclasses as objects (every field, in declaration order), evidence as in the summary."""
    if isinstance(value, Evidence):
        return evidence_dict(value)
    if is_dataclass(value) and not isinstance(value, type):
        return {f.name: _plain(getattr(value, f.name)) for f in fields(value)}
    if isinstance(value, list | tuple):
        return [_plain(item) for item in value]
    if isinstance(value, bool | str) or value is None:
        return value
    if isinstance(value, Integral):
        return int(value)
    if isinstance(value, Real):
        return number(float(value))
    raise TypeError(f"cannot write {type(value).__name__} in a brief's analysis")


def analysis_dict(analysis: Analysis | None) -> dict[str, Any] | None:
    """The analysis as plain JSON values, or ``None`` when the brief has none."""
    if analysis is None:
        return None
    data: dict[str, Any] = _plain(analysis)
    return data


# --- reading -------------------------------------------------------------------------------


def _read_claim(data: Mapping[str, Any], where: str) -> Claim:
    """A claim; version 2 had neither partial nor contradicting sources, and every listed source reported it."""
    evidence = items(data, "evidence", where, read_evidence)
    if "partial_sources" not in data:
        evidence = cited_in_full(evidence)
    return Claim(
        id=get(data, "id", str, where),
        text=get(data, "text", str, where),
        status=get(data, "status", str, where),
        sources=scalars(data, "sources", int, where),
        independent_sources=get(data, "independent_sources", int, where),
        evidence=evidence,
        partial_sources=scalars(data, "partial_sources", int, where) if "partial_sources" in data else [],
        contradicted_by=scalars(data, "contradicted_by", int, where) if "contradicted_by" in data else [],
    )


def cited_in_full(evidence: list[Evidence]) -> list[Evidence]:
    """Version 2 evidence: the first item is the statement's own sentence, every other one reported it."""
    return [e if n == 0 else replace(e, support="full") for n, e in enumerate(evidence)]


def _read_fact(data: Mapping[str, Any], where: str) -> Fact:
    return Fact(
        source=get(data, "source", int, where),
        text=get(data, "text", str, where),
        start=get(data, "start", int, where),
        end=get(data, "end", int, where),
        value=optional_number(data, "value", where),
        low=optional_number(data, "low", where),
        high=optional_number(data, "high", where),
        approximate=get(data, "approximate", bool, where),
        kind=get(data, "kind", str, where),
        unit=get(data, "unit", str, where),
        counts=get(data, "counts", str, where),
        evidence=one(data, "evidence", where, read_evidence),
    )


def _read_group(data: Mapping[str, Any], where: str) -> FactGroup:
    return FactGroup(
        about=get(data, "about", str, where),
        kind=get(data, "kind", str, where),
        status=get(data, "status", str, where),
        facts=items(data, "facts", where, _read_fact),
    )


def _read_variant(data: Mapping[str, Any], where: str) -> QuoteVariant:
    return QuoteVariant(
        source=get(data, "source", int, where),
        text=get(data, "text", str, where),
        start=get(data, "start", int, where),
        end=get(data, "end", int, where),
        speaker=get(data, "speaker", _OPTIONAL_STR, where),
        speaker_text=get(data, "speaker_text", _OPTIONAL_STR, where),
        cue=get(data, "cue", _OPTIONAL_STR, where),
        evidence=one(data, "evidence", where, read_evidence),
    )


def _read_quote(data: Mapping[str, Any], where: str) -> Quote:
    return Quote(
        id=get(data, "id", str, where),
        text=get(data, "text", str, where),
        speaker=get(data, "speaker", _OPTIONAL_STR, where),
        variants=items(data, "variants", where, _read_variant),
        sources=scalars(data, "sources", int, where),
        wording_differs=get(data, "wording_differs", bool, where),
        attribution_differs=get(data, "attribution_differs", bool, where),
        paraphrased_in=items(data, "paraphrased_in", where, read_evidence),
    )


def _read_role(data: Mapping[str, Any], where: str) -> Role:
    return Role(
        text=get(data, "text", str, where),
        source=get(data, "source", int, where),
        evidence=one(data, "evidence", where, read_evidence),
    )


def _read_entity(data: Mapping[str, Any], where: str) -> EntityProfile:
    return EntityProfile(
        id=get(data, "id", str, where),
        name=get(data, "name", str, where),
        kind=get(data, "kind", str, where),
        aliases=scalars(data, "aliases", str, where),
        roles=items(data, "roles", where, _read_role),
        sources=scalars(data, "sources", int, where),
        mentions=get(data, "mentions", int, where),
    )


def _iso_date(data: Mapping[str, Any], key: str, where: str) -> str:
    value: str = get(data, key, str, where)
    try:
        date.fromisoformat(value)
    except ValueError:
        raise bad(f"{where}.{key}", f"is not an ISO 8601 date ({value[:40]!r})") from None
    return value


def _read_event(data: Mapping[str, Any], where: str) -> TimelineEvent:
    return TimelineEvent(
        start=_iso_date(data, "start", where),
        end=_iso_date(data, "end", where),
        precision=get(data, "precision", str, where),
        when=get(data, "when", str, where),
        text=get(data, "text", str, where),
        sources=scalars(data, "sources", int, where),
        evidence=items(data, "evidence", where, read_evidence),
    )


def _read_coverage(data: Mapping[str, Any], where: str) -> Coverage:
    return Coverage(
        source=get(data, "source", int, where),
        only_here=scalars(data, "only_here", str, where),
        missing=scalars(data, "missing", str, where),
        syndicated_with=scalars(data, "syndicated_with", int, where),
    )


def _read_syndication(data: Mapping[str, Any], where: str) -> list[list[int]]:
    groups = get(data, "syndication", list, where)
    return [scalar_list(group, int, f"{where}.syndication[{i}]") for i, group in enumerate(groups)]


def read_analysis(data: Mapping[str, Any], where: str = "analysis") -> Analysis:
    return Analysis(
        claims=items(data, "claims", where, _read_claim),
        facts=items(data, "facts", where, _read_group),
        quotes=items(data, "quotes", where, _read_quote),
        entities=items(data, "entities", where, _read_entity),
        timeline=items(data, "timeline", where, _read_event),
        coverage=items(data, "coverage", where, _read_coverage),
        syndication=_read_syndication(data, where),
    )
