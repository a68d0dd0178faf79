"""``storyweave serve``: the stories and briefs of a store as web pages and a JSON API."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from storyweave.errors import InputError


def serve(
    db: Annotated[
        Path | None, typer.Option("--db", help="The store (default: $STORYWEAVE_HOME/storyweave.sqlite).")
    ] = None,
    host: Annotated[str, typer.Option("--host", help="Address to listen on (only this machine by default).")] = (
        "127.0.0.1"
    ),
    port: Annotated[int, typer.Option("--port", min=1, max=65535, help="Port to listen on.")] = 8000,
    allow_host: Annotated[
        list[str] | None,
        typer.Option(
            "--allow-host",
            help="Another host name to answer to (repeatable); --host and this machine's local names always are.",
        ),
    ] = None,
) -> None:
    """Serve the store's stories and briefs, and a form for new briefs, at http://HOST:PORT/."""
    try:
        import uvicorn

        from storyweave.web import create_app
    except ImportError as err:
        raise InputError("storyweave serve needs the web extra", "pip install 'storyweave[web]'") from err
    from storyweave.store import default_path

    path = db or default_path()
    if not path.exists():
        typer.echo(f"no store at {path} yet: the stories page stays empty until storyweave ingest", err=True)
    app = create_app(path, hosts=[host, *(allow_host or [])], start_workers=True)
    uvicorn.run(app, host=host, port=port, log_level="info")
