"""``storyweave follow URL...`` and ``storyweave feeds``: subscribe to feeds and keep the store current.

``follow`` adds the feeds given (addresses, or an OPML export with ``--opml``) to the store and checks
every followed feed at its pace until stopped (Ctrl-C or SIGTERM end it after the round in flight);
``--once`` checks each due feed once and exits, for cron. ``feeds`` lists the subscriptions with their
last result; ``feeds remove URL`` stops following one.
"""

from __future__ import annotations

import json
import re
import signal
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer
from rich.markup import escape

from storyweave.cli.console import note, note_skipped
from storyweave.cli.stopping import StopRequests
from storyweave.errors import InputError

if TYPE_CHECKING:
    from storyweave.follow import Round

# The stages are imported where they are used: --help and argument errors do not load them.

_EVERY = re.compile(r"^\s*(\d+)\s*([smhd]?)\s*$", re.I)
_UNITS = {"": 1, "s": 1, "m": 60, "h": 3600, "d": 86400}
DB_HELP = "The store (default: $STORYWEAVE_HOME/storyweave.sqlite)."


def every_seconds(text: str) -> int:
    """ "15m" -> 900, "2h" -> 7200, "90" / "90s" -> 90; at least a minute, at most a day."""
    found = _EVERY.match(text)
    if not found:
        raise InputError(f"--every {text!r} is not a period", "Give one such as 15m, 2h or 90s")
    seconds = int(found[1]) * _UNITS[found[2].lower()]
    if not 60 <= seconds <= 86400:
        raise InputError(f"--every {text!r} is out of range", "Check feeds between once a minute and once a day")
    return seconds


def follow(
    urls: Annotated[list[str] | None, typer.Argument(help="Feed addresses (RSS, Atom, JSON Feed) to add.")] = None,
    opml: Annotated[Path | None, typer.Option("--opml", help="Add every feed of an OPML export.")] = None,
    db: Annotated[Path | None, typer.Option("--db", help=DB_HELP)] = None,
    every: Annotated[
        str | None, typer.Option("--every", help="How often to check the feeds given: 15m (the default), 1h, ...")
    ] = None,
    once: Annotated[bool, typer.Option("--once", help="Check each due feed once, then exit (for cron).")] = False,
) -> None:
    """Follow feeds: new articles are fetched, annotated, stored and placed in stories as they appear."""
    from storyweave.follow import Fetcher, follow_round, read_opml, web_address
    from storyweave.follow import follow as run
    from storyweave.store import Store, default_path

    seconds = every_seconds(every) if every is not None else None
    feeds = list(urls or [])
    for url in feeds:
        if not web_address(url):
            raise InputError(f"{url[:200]!r} is not a web address", "Give feed addresses such as https://host/feed")
    if opml is not None:
        feeds += read_opml(opml)
    with Store.open(db or default_path()) as store:
        added = store.subscribe(feeds, seconds) if feeds else []
        if added:
            note(f"following {len(added)} new feed{'s' * (len(added) != 1)}")
        if not store.subscriptions():
            raise InputError("no feeds to follow", "Give feed addresses or --opml FILE")
        annotate, place, pool = _stages()
        with Fetcher() as fetcher, pool:
            if once:
                _say(follow_round(store, fetcher, annotate, place))
                return

            def said(report: Round) -> None:
                _say(report)
                if not report.new:
                    pool.close()  # a quiet round: the workers and their models go until articles come again

            with StopRequests("this round", (signal.SIGINT, signal.SIGTERM)) as stopping:
                note("following; Ctrl-C stops after the round in flight")
                run(store, fetcher, annotate, place, stop=stopping.event, on_round=said)


def _stages():  # type: ignore[no-untyped-def]
    from storyweave.engines.local import AnnotationPool, default_workers
    from storyweave.follow.placing import Placing

    pool = AnnotationPool()  # its workers keep their models from round to round

    def annotate(articles, rejected):  # type: ignore[no-untyped-def]
        return pool.annotate(articles, rejected=rejected)

    return annotate, Placing(workers=default_workers()), pool


def _say(report: Round) -> None:
    note_skipped(report.skipped)
    failed = f", {len(report.failed)} failed" if report.failed else ""
    from_feed = f" ({report.from_feed_text} from the feed's text)" if report.from_feed_text else ""
    note(f"checked {report.feeds} feed{'s' * (report.feeds != 1)}{failed}: {report.new} new article"
         f"{'s' * (report.new != 1)}{from_feed}")  # fmt: skip
    for feed, reason in report.failed.items():
        note(f"  [yellow]{escape(feed)}[/]: {escape(reason)}")


feeds_app = typer.Typer(help="The feeds followed: list them, or stop following one.", invoke_without_command=True)


@feeds_app.callback()
def feeds(
    ctx: typer.Context,
    db: Annotated[Path | None, typer.Option("--db", help=DB_HELP)] = None,
    as_json: Annotated[bool, typer.Option("--json", help="As JSON.")] = False,
) -> None:
    """List the feeds followed, the soonest due first, with their last result."""
    if ctx.invoked_subcommand is not None:
        return
    from rich.console import Console
    from rich.table import Table

    from storyweave.store import Store, default_path

    path = db or default_path()
    if not path.exists():
        raise InputError(f"no store at {path}", "Follow a feed first: storyweave follow URL")
    with Store.open(path, readonly=True) as store:
        followed = store.subscriptions()
    if as_json:
        typer.echo(json.dumps([s.as_dict() for s in followed], ensure_ascii=False, indent=2))
        return
    table = Table("feed", "title", "last checked", "next check", "last result", box=None)
    for s in followed:
        checked = s.last_checked.strftime("%Y-%m-%d %H:%M") if s.last_checked else "never"
        row = (s.url, s.title, checked, s.next_check.strftime("%Y-%m-%d %H:%M"), s.last_result)
        table.add_row(*(escape(cell) for cell in row))  # a feed's title is its author's text, not markup
    Console(highlight=False, soft_wrap=False).print(table)


@feeds_app.command("remove")
def remove(
    url: Annotated[str, typer.Argument(help="The feed address to stop following.")],
    db: Annotated[Path | None, typer.Option("--db", help=DB_HELP)] = None,
) -> None:
    """Stop following a feed (its articles and stories stay)."""
    from storyweave.store import Store, default_path

    path = db or default_path()
    if not path.exists():
        raise InputError(f"no store at {path}", "Point --db at the store the feed was followed in")
    with Store.open(path) as store:
        if not store.unsubscribe(url):
            raise InputError(f"not following {url}", "See the feeds followed with: storyweave feeds")
    note(f"no longer following {escape(url)}")
