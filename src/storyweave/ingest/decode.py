"""Bytes to text: UTF-8 first, then a detected encoding; binary data is refused."""

from __future__ import annotations

import codecs
import unicodedata

from charset_normalizer import from_bytes

from storyweave.ingest._errors import UnreadableInput

__all__ = ["decode_bytes", "looks_binary", "mostly_controls"]

SNIFF_BYTES = 8192  # how much of the data the binary checks look at
MAX_CONTROL_SHARE = 0.05  # more control characters than this and it is not text
_ALLOWED_CONTROLS = frozenset("\n\r\t\f\v")
_ALLOWED_CONTROL_BYTES = frozenset(b"\n\r\t\f\v")
_WESTERN = "cp1252"  # preferred when a detector cannot tell single-byte Latin encodings apart


def looks_binary(data: bytes) -> bool:
    """True when the start of ``data`` holds NUL bytes (and no UTF-16/32 byte-order mark)."""
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return False
    return b"\x00" in data[:SNIFF_BYTES]


def mostly_controls(data: bytes) -> bool:
    """True when control bytes (NUL included) are more than ``MAX_CONTROL_SHARE`` of the start of ``data``:
    binary data, where a stray NUL byte in text is not."""
    head = data[:SNIFF_BYTES]
    if not head or head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return False
    controls = sum(1 for byte in head if byte < 32 and byte not in _ALLOWED_CONTROL_BYTES)
    return controls / len(head) > MAX_CONTROL_SHARE


def decode_bytes(data: bytes) -> str:
    """Decode a whole file's bytes to text with "\\n" newlines.

    Raises :class:`UnreadableInput` for empty or whitespace-only data ("empty file"),
    binary data and data whose encoding cannot be found.
    """
    if not data.strip():
        raise UnreadableInput("empty file")
    text = _decode(data)
    text = text.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    if _control_share(text[:SNIFF_BYTES]) > MAX_CONTROL_SHARE:
        raise UnreadableInput("binary data, not text")
    if not text.strip():
        raise UnreadableInput("empty file")
    return text


def _decode(data: bytes) -> str:
    for bom, encoding in (
        (codecs.BOM_UTF8, "utf-8-sig"),
        (codecs.BOM_UTF32_LE, "utf-32"),  # before UTF-16: its mark starts with UTF-16's
        (codecs.BOM_UTF32_BE, "utf-32"),
        (codecs.BOM_UTF16_LE, "utf-16"),
        (codecs.BOM_UTF16_BE, "utf-16"),
    ):
        if data.startswith(bom):
            try:
                return data.decode(encoding)
            except UnicodeDecodeError:
                break
    if looks_binary(data):
        raise UnreadableInput("binary data, not text")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    return _detect(data)


def _detect(data: bytes) -> str:
    matches = from_bytes(data)
    best = matches.best()
    if best is None:
        raise UnreadableInput("binary data or an unknown text encoding")
    # Single-byte Latin encodings often decode the same bytes without any "chaos"; the
    # detector then picks one arbitrarily (often cp1250, which turns "ï" into "ď").
    # News in English is far more often cp1252/latin-1, so prefer it on a tie.
    for match in matches:
        if match.chaos <= best.chaos and _WESTERN in match.could_be_from_charset:
            try:
                return data.decode(_WESTERN)
            except UnicodeDecodeError:
                break
    return str(best)


def _control_share(text: str) -> float:
    if not text:
        return 0.0
    controls = sum(1 for ch in text if ch not in _ALLOWED_CONTROLS and unicodedata.category(ch) == "Cc")
    return controls / len(text)
