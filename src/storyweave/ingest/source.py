"""One input as the readers see it: a file on disk or bytes already read (standard input)."""

from __future__ import annotations

import io
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import BinaryIO

from storyweave.ingest._errors import UnreadableInput
from storyweave.limits import current, env_name
from storyweave.models import Article, Origin, Skipped

__all__ = ["STDIN_NAME", "InputFile", "Reader"]

STDIN_NAME = "<stdin>"


@dataclass(frozen=True, slots=True)
class InputFile:
    """A file to read. ``path`` is ``None`` for standard input, whose bytes are in ``data``."""

    path: str | None
    data: bytes | None = None

    @property
    def where(self) -> str:
        """How messages name this input."""
        return self.path if self.path is not None else STDIN_NAME

    def open(self) -> BinaryIO:
        """A binary stream over the input (the caller closes it)."""
        if self.data is not None:
            return io.BytesIO(self.data)
        assert self.path is not None
        return open(self.path, "rb")  # the caller closes it

    def read_bytes(self) -> bytes:
        """The whole input, at most the ``file_bytes`` limit (over it, :class:`UnreadableInput`)."""
        if self.data is not None:
            return bounded(self.data, "file")
        with self.open() as stream:
            return read_bounded(stream, "file")

    def origin(self, *, line: int | None = None, offset: int | None = None) -> Origin:
        return Origin(path=self.path, line=line, offset=offset)


def read_bounded(stream: BinaryIO, what: str) -> bytes:
    """All of ``stream``, at most the ``file_bytes`` limit (over it, :class:`UnreadableInput` naming ``what``)."""
    return bounded(stream.read(current().file_bytes + 1), what)


def bounded(data: bytes, what: str) -> bytes:
    limit = current().file_bytes
    if len(data) > limit:
        raise UnreadableInput(over_limit(what, limit, "file_bytes"))
    return data


def over_limit(what: str, limit: int, name: str) -> str:
    """The reason given for input over a size limit: what it is, the limit, and how to raise it."""
    return f"a {what} over {_size(limit)} ({raise_it(name)})"


def raise_it(name: str) -> str:
    """How to raise a limit: "STORYWEAVE_MAX_ARTICLE_CHARS raises the limit"."""
    return f"{env_name(name)} raises the limit"


def _size(count: int) -> str:
    for unit, scale in (("GB", 1024**3), ("MB", 1024**2), ("KB", 1024)):
        if count >= scale:
            return f"{count / scale:g} {unit}"
    return f"{count} bytes"


# A reader turns one input into articles, and a Skipped record for each part it cannot use.
# It may raise UnreadableInput or OSError for the input as a whole.
Reader = Callable[[InputFile], Iterator[Article | Skipped]]
