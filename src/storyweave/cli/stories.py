"""``storyweave stories``: the stories in the store, latest first."""

from __future__ import annotations

import json
from datetime import datetime
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.table import Table

from storyweave.errors import InputError


class ListFormat(StrEnum):
    table = "table"
    json = "json"


def _day(moment: datetime | None) -> str:
    return moment.date().isoformat() if moment else ""


def stories(
    since: Annotated[str | None, typer.Option("--since", help="Only stories active since this date.")] = None,
    limit: Annotated[int | None, typer.Option("--limit", "-n", min=1, help="At most this many stories.")] = None,
    fmt: Annotated[ListFormat, typer.Option("--format", "-f", help="Output format.")] = ListFormat.table,
    db: Annotated[
        Path | None, typer.Option("--db", help="The store (default: $STORYWEAVE_HOME/storyweave.sqlite).")
    ] = None,
) -> None:
    """List the stories in the store, latest first: title, time span, articles and outlets."""
    from storyweave.ingest.dates import parse_published
    from storyweave.store import Store, default_path

    moment = parse_published(since) if since else None
    if since and moment is None:
        raise InputError(f"--since {since!r} is not a date", "Give a date such as 2026-03-04")
    path = db or default_path()
    if not path.exists():
        raise InputError(f"no store at {path}", "Run storyweave ingest first, or point --db at a store")
    with Store.open(path, readonly=True) as store:
        records = store.stories(since=moment, limit=limit)
    if fmt is ListFormat.json:
        typer.echo(json.dumps([r.as_dict() for r in records], ensure_ascii=False, indent=2))
        return
    table = Table("id", "title", "from", "to", "articles", "outlets", box=None)
    for r in records:
        outlets = ", ".join(r.outlets[:3]) + (f" +{len(r.outlets) - 3}" if len(r.outlets) > 3 else "")
        table.add_row(r.id, r.title, _day(r.first_published), _day(r.last_published), str(r.size), outlets)
    Console(highlight=False, soft_wrap=False).print(table)
