"""Readers that turn user input into ``Article`` records.

``iter_inputs`` walks files, folders and standard input and yields an ``Article`` for each
article read and a ``Skipped`` record (with a one-line reason) for anything left out;
``read_inputs`` collects both and drops duplicate articles. Formats are chosen by file
extension through ``READERS`` in :mod:`storyweave.ingest.registry`.
"""

from __future__ import annotations

from storyweave.ingest._errors import UnreadableInput
from storyweave.ingest.boilerplate import BodyParagraphs, body_paragraphs, is_boilerplate_line, split_body
from storyweave.ingest.dates import parse_published
from storyweave.ingest.decode import decode_bytes
from storyweave.ingest.inputs import ReadResult, describe, iter_inputs, read_inputs
from storyweave.ingest.outlet import resolve_outlet
from storyweave.ingest.registry import READERS, reader_for, sniff_reader
from storyweave.ingest.source import InputFile, Reader

__all__ = [
    "READERS",
    "BodyParagraphs",
    "InputFile",
    "ReadResult",
    "Reader",
    "UnreadableInput",
    "body_paragraphs",
    "decode_bytes",
    "describe",
    "is_boilerplate_line",
    "iter_inputs",
    "parse_published",
    "read_inputs",
    "reader_for",
    "resolve_outlet",
    "sniff_reader",
    "split_body",
]
