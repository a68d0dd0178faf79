"""The ``storyweave`` command: one module per subcommand."""

from __future__ import annotations

import sys

import typer

from storyweave.cli import brief as brief_command
from storyweave.cli import eval as eval_command
from storyweave.cli import follow as follow_command
from storyweave.cli import ingest as ingest_command
from storyweave.cli import models as models_command
from storyweave.cli import run as run_command
from storyweave.cli import serve as serve_command
from storyweave.cli import stories as stories_command
from storyweave.cli.console import fail
from storyweave.errors import StoryweaveError

app = typer.Typer(
    name="storyweave",
    help="Read one news story across many outlets: cited, multi-source briefs, offline.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
app.command("brief")(brief_command.brief)
app.command("follow")(follow_command.follow)
app.add_typer(follow_command.feeds_app, name="feeds")
app.command("ingest")(ingest_command.ingest)
app.command("models")(models_command.models)
app.command("run")(run_command.run)
app.command("serve")(serve_command.serve)
app.command("stories")(stories_command.stories)
app.add_typer(eval_command.app, name="eval")


@app.callback()
def _root() -> None:
    """storyweave: read one news story across many outlets."""


def main() -> None:
    """Entry point: user mistakes end in one line and an exit status, never a traceback."""
    try:
        app()
    except StoryweaveError as err:
        fail(str(err), err.exit_code)
    except KeyboardInterrupt:
        fail("interrupted", 130)
    except BrokenPipeError:
        sys.stderr.close()
        sys.exit(0)
