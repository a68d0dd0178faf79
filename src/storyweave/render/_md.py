"""Markdown text helpers shared by the brief's sections."""

from __future__ import annotations

import re
from collections.abc import Iterable

_INLINE_SPECIAL = re.compile(r"([\\`*_\[\]<>])")
_ENTITY = re.compile(r"&(?=#?\w+;)")
_BLOCK_START = re.compile(r"^([#=+~-])")
_LIST_NUMBER = re.compile(r"^(\d+)([.)])")


def escape(text: str) -> str:
    """``text`` on one line, with the characters Markdown would act on backslash-escaped.

    Raw HTML, emphasis, code spans and bracketed text that could pass for a citation are
    neutralised; ordinary punctuation is left alone so the text stays readable as is.
    """
    flat = " ".join(text.split())
    flat = _INLINE_SPECIAL.sub(r"\\\1", flat)
    flat = _ENTITY.sub(r"\\&", flat)
    flat = _LIST_NUMBER.sub(r"\1\\\2", flat)
    return _BLOCK_START.sub(r"\\\1", flat)


def plural(count: int, word: str) -> str:
    return f"{count} {word}" if count == 1 else f"{count} {word}s"


def cite(numbers: Iterable[int]) -> str:
    """``[1][3]``: each source once, ascending."""
    return "".join(f"[{number}]" for number in sorted(set(numbers)))


def shorten(text: str, limit: int = 80) -> str:
    """``text`` on one line, cut at a word boundary to at most ``limit`` characters (with "…")."""
    flat = " ".join(text.split())
    if len(flat) <= limit:
        return flat
    cut = flat[: limit - 1].rsplit(" ", 1)[0] if " " in flat[: limit - 1] else flat[: limit - 1]
    return cut.rstrip(" ,;:.-–—") + "…"
