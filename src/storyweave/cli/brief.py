"""``storyweave brief PATH...`` or ``storyweave brief --story ID``: one cited brief."""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer
from rich.markup import escape

from storyweave.cli.console import note, note_skipped, progress_bar
from storyweave.errors import InputError, NoUsableArticles

if TYPE_CHECKING:
    from storyweave.models import Brief

# The stages are imported where they are used: --help and argument errors do not load them.


class Format(StrEnum):
    md = "md"
    json = "json"
    html = "html"


def brief(
    paths: Annotated[
        list[str] | None,
        typer.Argument(help="Article files (.txt, .html, .jsonl, feeds, WARC), folders, or - for standard input."),
    ] = None,
    story: Annotated[
        str | None, typer.Option("--story", help="Brief a story of the store instead (see: stories).")
    ] = None,
    db: Annotated[Path | None, typer.Option("--db", help="The store for --story (default: $STORYWEAVE_HOME).")] = None,
    words: Annotated[int, typer.Option("--words", "-w", min=20, max=5000, help="Summary word budget.")] = 200,
    fmt: Annotated[Format, typer.Option("--format", "-f", help="Output format.")] = Format.md,
    out: Annotated[
        Path | None, typer.Option("--out", "-o", help="Write to this file instead of standard output.")
    ] = None,
) -> None:
    """Write one brief for the story told by the given articles, or for a story of the store."""
    if bool(paths) == bool(story):
        raise InputError("give article files or --story ID, not both or neither", "See: storyweave brief --help")
    made = _from_store(story, db, words) if story else _from_files(paths or [], words)
    from storyweave.render import render

    text = render(made, fmt.value)
    if out is None:
        typer.echo(text)
    else:
        try:
            out.write_text(text if text.endswith("\n") else text + "\n", encoding="utf-8")
        except OSError as err:
            raise InputError(f"cannot write {out}: {err.strerror}", "Choose a writable --out path") from err
        note(f"wrote {escape(str(out))}")


def _from_files(paths: list[str], words: int) -> Brief:
    from storyweave.api import brief_articles
    from storyweave.ingest import read_inputs
    from storyweave.models import Skipped
    from storyweave.settings import BriefSettings

    result = read_inputs(paths)
    note_skipped(result.skipped)
    if not result.articles:
        raise NoUsableArticles(
            "no usable article in the input",
            "Give .txt, .html or .jsonl files (or a folder of them) that contain article text",
        )
    rejected: list[Skipped] = []
    try:
        with progress_bar("Reading articles", len(result.articles)) as advance:
            made = brief_articles(result.articles, BriefSettings(words=words), rejected=rejected, progress=advance)
    finally:
        note_skipped(rejected)
    used = len(result.articles) - len(rejected)
    note(f"used {used} article{'s' * (used != 1)}, skipped {len(result.skipped) + len(rejected)}")
    return made


def _from_store(story: str, db: Path | None, words: int) -> Brief:
    from storyweave.settings import BriefSettings
    from storyweave.store import Store, StoreError, default_path
    from storyweave.stories.store_sync import brief_for

    path = db or default_path()
    if not path.exists():
        raise InputError(f"no store at {path}", "Run storyweave ingest first, or point --db at a store")
    try:
        opened = Store.open(path)
    except StoreError:
        opened = Store.open(path, readonly=True)  # a store we may not write is still read; the brief is not cached
    with opened as store:
        found = brief_for(store, story, BriefSettings(words=words))
    if found is None:
        raise InputError(f"no story {story!r} in {path}", "List the stories with: storyweave stories")
    return found
