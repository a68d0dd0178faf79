"""Walk the paths the user gave and read every article in them."""

from __future__ import annotations

import os
import re
import stat
import sys
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import BinaryIO

from storyweave.ingest._errors import UnreadableInput
from storyweave.ingest.registry import extension_of, reader_for, sniff_reader, supported_extensions
from storyweave.ingest.source import STDIN_NAME, InputFile, Reader, raise_it, read_bounded
from storyweave.limits import Limits, current
from storyweave.models import Article, Skipped

__all__ = ["STDIN_PATH", "ReadResult", "describe", "files_under", "iter_inputs", "read_file_bytes", "read_inputs"]

STDIN_PATH = "-"


@dataclass(slots=True)
class ReadResult:
    """The articles read, in input order, and everything that was left out."""

    articles: list[Article] = field(default_factory=list)
    skipped: list[Skipped] = field(default_factory=list)


def read_inputs(paths: Sequence[str], *, stdin: BinaryIO | None = None) -> ReadResult:
    """Read every input; a later article with the same id as an earlier one is skipped."""
    result = ReadResult()
    first_seen: dict[str, Article] = {}
    for item in iter_inputs(paths, stdin=stdin):
        if isinstance(item, Skipped):
            result.skipped.append(item)
        elif item.id in first_seen:
            result.skipped.append(Skipped(describe(item), f"duplicate of {describe(first_seen[item.id])}"))
        else:
            first_seen[item.id] = item
            result.articles.append(item)
    return result


def describe(article: Article) -> str:
    """Where an article came from: "path", "path:line" or "<stdin>"."""
    where = article.origin.path if article.origin.path is not None else STDIN_NAME
    return f"{where}:{article.origin.line}" if article.origin.line is not None else where


def iter_inputs(paths: Sequence[str], *, stdin: BinaryIO | None = None) -> Iterator[Article | Skipped]:
    """Articles from files, folders (recursively, hidden entries ignored) and "-" (stdin).

    Anything that cannot be read becomes a ``Skipped`` record; no exception escapes.
    """
    stdin_read = False
    for path in paths:
        if path == STDIN_PATH:
            if stdin_read:
                yield Skipped(STDIN_NAME, "standard input was already read")
                continue
            stdin_read = True
            yield from _read_stdin(stdin)
        elif os.path.isdir(path):
            yield from _walk(Path(path))
        elif os.path.exists(path):
            yield from _read_file(path)
        else:
            yield Skipped(path, "no such file or folder")


def _read_stdin(stdin: BinaryIO | None) -> Iterator[Article | Skipped]:
    try:
        data = read_bounded(stdin if stdin is not None else sys.stdin.buffer, "standard input")
    except UnreadableInput as err:
        yield Skipped(STDIN_NAME, err.problem)
        return
    except (OSError, AttributeError, ValueError) as err:
        yield Skipped(STDIN_NAME, f"cannot read standard input ({_os_reason(err)})")
        return
    yield from _run(sniff_reader(data), InputFile(path=None, data=data))


def _walk(folder: Path) -> Iterator[Article | Skipped]:
    for item in files_under(folder):
        if isinstance(item, Skipped):
            yield item
        else:
            yield from _read_file(item)


def files_under(folder: Path) -> Iterator[str | Skipped]:
    """The paths of the files under ``folder`` in name order, hidden entries and links to folders left out;
    a folder that cannot be opened is a Skipped record."""
    try:
        entries = sorted(os.scandir(folder), key=lambda entry: entry.name)
    except OSError as err:
        yield Skipped(str(folder), f"cannot open the folder ({_os_reason(err)})")
        return
    for entry in entries:
        if entry.name.startswith("."):
            continue
        try:
            is_dir = entry.is_dir()
        except OSError:
            is_dir = False
        if is_dir:
            if not entry.is_symlink():  # following folder links could loop forever
                yield from files_under(Path(entry.path))
        else:
            yield entry.path


def read_file_bytes(path: str, data: bytes) -> Iterator[Article | Skipped]:
    """Articles from a file's bytes already read (as Spark hands them over), by the file's extension."""
    return _read_file(path, data)


def _read_file(path: str, data: bytes | None = None) -> Iterator[Article | Skipped]:
    """Articles from the file at ``path`` (or from its bytes, ``data``, already read), by its extension."""
    extension = extension_of(path)
    reader = reader_for(extension)
    if reader is None:
        kind = f"'{extension.lower()}'" if extension else "(no extension)"
        yield Skipped(path, f"unknown file type {kind} (storyweave reads {supported_extensions()})")
        return
    if data is None:
        special = _special_file(path)
        if special:
            yield Skipped(path, f"{special}, not a regular file (storyweave reads files and standard input)")
            return
    yield from _run(reader, InputFile(path=path, data=data))


def _special_file(path: str) -> str | None:
    """What ``path`` is when it is not a regular file (reading a FIFO or a device could block or never end)."""
    try:
        mode = os.stat(path).st_mode
    except OSError:
        return None  # the reader says why it cannot be read
    for test, name in (
        (stat.S_ISFIFO, "a named pipe"),
        (stat.S_ISCHR, "a device"),
        (stat.S_ISBLK, "a device"),
        (stat.S_ISSOCK, "a socket"),
        (stat.S_ISDIR, "a folder"),
    ):
        if test(mode):
            return name
    return None if stat.S_ISREG(mode) else "not a file"


def _run(reader: Reader, source: InputFile) -> Iterator[Article | Skipped]:
    """Run a reader, turning whatever it raises into a Skipped record for the input, and an article over
    the limits into a Skipped record for that article."""
    limits = current()
    try:
        for item in reader(source):
            yield item if isinstance(item, Skipped) else _within_limits(item, limits)
    except UnreadableInput as err:
        yield Skipped(source.where, err.problem)
    except OSError as err:
        yield Skipped(source.where, f"cannot read the file ({_os_reason(err)})")
    except Exception as err:  # a reader bug must not stop the other inputs
        yield Skipped(source.where, f"could not read the file ({type(err).__name__}: {err})")


_SENTENCE_END = re.compile(r"[.!?][\"'”’)\]]*\s")


def _within_limits(article: Article, limits: Limits) -> Article | Skipped:
    """The article, or a Skipped record when it is longer than one article may be."""
    if len(article.text) > limits.article_chars:
        return Skipped(
            describe(article),
            f"an article of {len(article.text):,} characters, over the limit of {limits.article_chars:,} "
            f"({raise_it('article_chars')})",
        )
    sentences = sum(1 for _ in _SENTENCE_END.finditer(article.text))
    if sentences > limits.article_sentences:
        return Skipped(
            describe(article),
            f"an article of about {sentences:,} sentences, over the limit of {limits.article_sentences:,} "
            f"({raise_it('article_sentences')})",
        )
    return article


def _os_reason(err: Exception) -> str:
    if isinstance(err, OSError) and err.strerror:
        return err.strerror.lower()
    return str(err) or type(err).__name__
