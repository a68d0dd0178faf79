"""A brief document of any schema version read back into a ``Brief``: one reader, driven by the dataclasses.

Every field of a dataclass is read from the key of its name, by its type hint: ``str``, ``int`` (never a
bool), ``bool``, ``float`` (an int will do), ``datetime`` (ISO 8601), ``X | None``, ``list[X]``,
``dict[str, Any]`` (any object) and dataclasses, recursively. Every field must be there, but for the few that
older versions did not write (``OPTIONAL``: their defaults stand). Keys that are not fields (``summary_words``,
a sentence's ``sources``) are not read: they follow from the rest. What differs between versions is in
``VERSIONS``; a few fields are checked beyond their type (``CHECKS``).
"""

from __future__ import annotations

import types
from collections.abc import Callable, Mapping
from dataclasses import dataclass, fields, replace
from datetime import date, datetime
from functools import cache, partial
from typing import Any, Union, get_args, get_origin, get_type_hints

from storyweave.document.schema import SCHEMA_IDS
from storyweave.errors import InputError
from storyweave.models import Analysis, Brief, Claim, Evidence, SummarySentence, TimelineEvent

__all__ = ["READERS", "SUPPORT", "brief_from_dict", "cited_in_full"]

SUPPORT = ("source", "full", "partial", "contradicts")
VOICES = ("news", "opinion", "analysis")
ROOT = "brief"  # where errors at the top of the document are said to be; its fields are named alone

FieldKey = tuple[type, str]
# Fields older versions did not write (before 3: evidence's support and via, claims' partial and contradicting
# sources), and the brief's free-form extras: read when present, else their defaults stand
OPTIONAL: frozenset[FieldKey] = frozenset(
    {(Evidence, "support"), (Evidence, "via"), (Claim, "partial_sources"), (Claim, "contradicted_by")}
    | {(Brief, "extras")}
)


@dataclass(frozen=True, slots=True)
class Version:
    left_out: frozenset[FieldKey]  # fields the version did not have: not read, even when a document has them
    cited_in_full: bool  # evidence had no support yet: every source a summary sentence listed reported it


_NO_FRAMING = frozenset({(Analysis, "framing"), (SummarySentence, "voice")})  # before version 4
VERSIONS: dict[str, Version] = {
    "storyweave.brief/1": Version(frozenset({(Brief, "analysis")}) | _NO_FRAMING, cited_in_full=True),
    "storyweave.brief/2": Version(_NO_FRAMING, cited_in_full=True),
    "storyweave.brief/3": Version(_NO_FRAMING, cited_in_full=False),
    "storyweave.brief/4": Version(frozenset(), cited_in_full=False),
}
assert tuple(VERSIONS) == SCHEMA_IDS, "every schema version ever written must stay readable"


def bad(where: str, what: str) -> InputError:
    return InputError(
        f"The brief document is malformed: {where} {what}",
        "Write it again with `storyweave` or check it against the brief JSON Schema",
    )


def cited_in_full(evidence: list[Evidence]) -> list[Evidence]:
    """Before version 3: the first item is the statement's own sentence, every other one reported it in full."""
    return [e if n == 0 else replace(e, support="full") for n, e in enumerate(evidence)]


def _support(value: str, where: str) -> None:
    if value not in SUPPORT:
        raise bad(where, f"is not one of {', '.join(SUPPORT)} ({value[:20]!r})")


def _voice(value: str, where: str) -> None:
    if value not in VOICES:
        raise bad(where, f"is not one of {', '.join(VOICES)} ({value[:20]!r})")


def _iso_date(value: str, where: str) -> None:
    try:
        date.fromisoformat(value)
    except ValueError:
        raise bad(where, f"is not an ISO 8601 date ({value[:40]!r})") from None


# Fields checked beyond their type
CHECKS: dict[FieldKey, Callable[[Any, str], None]] = {
    (Evidence, "support"): _support,
    (TimelineEvent, "start"): _iso_date,
    (TimelineEvent, "end"): _iso_date,
    (SummarySentence, "voice"): _voice,
}


def _claim_as_written(data: Mapping[str, Any], claim: Claim) -> Claim:
    """A claim without partial sources was written before version 3: every source it listed reported it."""
    return claim if "partial_sources" in data else replace(claim, evidence=cited_in_full(claim.evidence))


AFTER: dict[type, Callable[[Mapping[str, Any], Any], Any]] = {Claim: _claim_as_written}


@cache
def _hints(cls: type) -> dict[str, Any]:
    return get_type_hints(cls)


def _kinds(hint: Any) -> tuple[type, ...]:
    """The JSON values (as Python types) a field of type ``hint`` may hold."""
    if get_origin(hint) in (Union, types.UnionType):
        return tuple(kind for arg in get_args(hint) for kind in _kinds(arg))
    if hint is float:
        return (int, float)
    if hint is datetime:
        return (str,)
    if get_origin(hint) is list:
        return (list,)
    if get_origin(hint) is dict or (isinstance(hint, type) and hasattr(hint, "__dataclass_fields__")):
        return (Mapping,)
    return (hint,)


def _fits(value: Any, hint: Any) -> bool:
    kinds = _kinds(hint)
    return isinstance(value, kinds) and (bool in kinds or not isinstance(value, bool))


def _read_dataclass(cls: type, data: Mapping[str, Any], where: str, left_out: frozenset[FieldKey]) -> Any:
    values = {}
    for field in fields(cls):
        key = (cls, field.name)
        if not field.init or key in left_out or (key in OPTIONAL and field.name not in data):
            continue
        if field.name not in data:
            raise bad(where, f"has no field {field.name!r}")
        hint, value = _hints(cls)[field.name], data[field.name]
        path = field.name if where == ROOT else f"{where}.{field.name}"
        if not _fits(value, hint):
            if get_origin(hint) is dict:
                raise bad(path, "is not an object")
            raise bad(f"{where}.{field.name}", f"has the wrong type ({type(value).__name__})")
        values[field.name] = _read(hint, value, path, left_out)
        if key in CHECKS:
            CHECKS[key](values[field.name], path)
    made = cls(**values)
    return AFTER[cls](data, made) if cls in AFTER else made


def _item(hint: Any, value: Any, where: str, left_out: frozenset[FieldKey]) -> Any:
    """An item of a list, checked (its errors say what it is not) and read."""
    if not _fits(value, hint):
        if Mapping in _kinds(hint):
            raise bad(where, "is not an object")
        if list in _kinds(hint):
            raise bad(where, f"is not a list ({type(value).__name__})")
        raise bad(where, f"has the wrong type ({type(value).__name__})")
    return _read(hint, value, where, left_out)


def _read(hint: Any, value: Any, where: str, left_out: frozenset[FieldKey]) -> Any:
    """A value already known to fit ``hint``, made into what the hint names."""
    if value is None:
        return None
    if get_origin(hint) in (Union, types.UnionType):
        (hint,) = [arg for arg in get_args(hint) if arg is not type(None)]
    if hint is float:
        return float(value)
    if hint is datetime:
        try:
            return datetime.fromisoformat(value)
        except ValueError:
            raise bad(where, f"is not an ISO 8601 date-time ({value[:40]!r})") from None
    if get_origin(hint) is list:
        (item,) = get_args(hint)
        return [_item(item, v, f"{where}[{i}]", left_out) for i, v in enumerate(value)]
    if get_origin(hint) is dict:
        return dict(value)
    if isinstance(hint, type) and hasattr(hint, "__dataclass_fields__"):
        return _read_dataclass(hint, value, where, left_out)
    return value


def _read_version(version: Version, data: Mapping[str, Any]) -> Brief:
    brief: Brief = _read_dataclass(Brief, data, ROOT, version.left_out)
    if version.cited_in_full:
        for sentence in brief.summary:
            sentence.evidence = cited_in_full(sentence.evidence)
    return brief


Reader = Callable[[Mapping[str, Any]], Brief]

# Every schema version this release can read, by its id
READERS: dict[str, Reader] = {schema: partial(_read_version, version) for schema, version in VERSIONS.items()}


def brief_from_dict(data: Mapping[str, Any]) -> Brief:
    """Read a brief written by ``brief_to_dict`` (this or an older schema version).

    Derived fields (``summary_words``, each sentence's ``sources``) are not read back:
    they follow from the rest.
    """
    if not isinstance(data, Mapping):
        raise bad("the document", "is not an object")
    schema = data.get("schema")
    reader = READERS.get(schema) if isinstance(schema, str) else None
    if reader is None:
        shown = repr(schema)[:60] if schema is not None else "no 'schema' field"
        raise InputError(
            f"Unknown brief schema version: {shown}",
            f"This storyweave reads {', '.join(sorted(READERS))}; upgrade storyweave or write the brief again",
        )
    return reader(data)
