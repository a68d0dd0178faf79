"""``storyweave brief PATH...``: one cited brief from the articles given."""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer
from rich.markup import escape

from storyweave.cli.console import note, progress_bar
from storyweave.engines.local import annotate_articles
from storyweave.errors import InputError, NoUsableArticles
from storyweave.ingest import read_inputs
from storyweave.models import Story
from storyweave.render import render
from storyweave.settings import BriefSettings
from storyweave.summarize import make_brief, story_id


class Format(StrEnum):
    md = "md"
    json = "json"
    html = "html"


def brief(
    paths: Annotated[
        list[str],
        typer.Argument(help="Article files (.txt, .html, .jsonl), folders, or - for standard input."),
    ],
    words: Annotated[int, typer.Option("--words", "-w", min=20, max=5000, help="Summary word budget.")] = 200,
    fmt: Annotated[Format, typer.Option("--format", "-f", help="Output format.")] = Format.md,
    out: Annotated[
        Path | None, typer.Option("--out", "-o", help="Write to this file instead of standard output.")
    ] = None,
) -> None:
    """Write one brief for the story told by the given articles."""
    result = read_inputs(paths)
    for skipped in result.skipped:
        note(f"[yellow]skipped[/] {escape(skipped.where)}: {escape(skipped.reason)}")
    if not result.articles:
        raise NoUsableArticles(
            "no usable article in the input",
            "Give .txt, .html or .jsonl files (or a folder of them) that contain article text",
        )
    with progress_bar("Reading articles", len(result.articles)) as advance:
        annotated = annotate_articles(result.articles, progress=advance)
    story = Story(id=story_id(annotated), articles=annotated)
    text = render(make_brief(story, BriefSettings(words=words)), fmt.value)
    if out is None:
        typer.echo(text)
    else:
        try:
            out.write_text(text if text.endswith("\n") else text + "\n", encoding="utf-8")
        except OSError as err:
            raise InputError(f"cannot write {out}: {err.strerror}", "Choose a writable --out path") from err
    used = len(result.articles)
    wrote = f"; wrote {escape(str(out))}" if out else ""
    note(f"used {used} article{'s' * (used != 1)}, skipped {len(result.skipped)}{wrote}")
