"""``storyweave ingest PATH...``: read, annotate and store articles, batch by batch.

Articles already in the store (by their stable id) are counted and left alone before any
annotating. New ones are annotated and stored a batch at a time, each batch in one
transaction, so a killed run loses at most the batch in flight and a re-run resumes. Ctrl-C
lets the batch in flight finish and be stored first. The articles are then placed in stories as
``storyweave follow`` places them (``store_sync.place_new``: the recent window regrouped, the whole
store when older articles are in no story).
"""

from __future__ import annotations

import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from storyweave.cli.console import note, note_skipped, progress_bar
from storyweave.cli.stopping import StopRequests
from storyweave.errors import NoUsableArticles

if TYPE_CHECKING:
    from storyweave.models import AnnotatedArticle, Article, Skipped
    from storyweave.store import Store

# The stages are imported where they are used: --help and argument errors do not load them.

DEFAULT_BATCH = 64


@dataclass(slots=True)
class Plan:
    """What the inputs hold, before anything is annotated."""

    new: list[Article] = field(default_factory=list)
    stored: int = 0  # articles read that the store already has
    skipped: list[Skipped] = field(default_factory=list)

    @property
    def read(self) -> int:
        return len(self.new) + self.stored


def ingest(
    paths: Annotated[
        list[str],
        typer.Argument(
            help="Article files (.txt, .html, .jsonl, .rss, .atom, .json, .warc[.gz]), folders, or - for stdin."
        ),
    ],
    db: Annotated[
        Path | None, typer.Option("--db", help="The store to add to (default: $STORYWEAVE_HOME/storyweave.sqlite).")
    ] = None,
    batch: Annotated[
        int, typer.Option("--batch", min=1, max=10_000, help="Articles annotated and stored together.")
    ] = DEFAULT_BATCH,
) -> None:
    """Add articles to the store: new ones are annotated and kept; known ones are left alone."""
    from storyweave.engines.local import AnnotationPool, default_workers
    from storyweave.store import Store, default_path
    from storyweave.stories.store_sync import place_new

    with Store.open(db or default_path()) as store:
        plan = _plan(store, paths)
        note_skipped(plan.skipped)
        if not plan.read and plan.skipped:
            raise NoUsableArticles(
                "no usable article in the input",
                "Give article files (.txt, .html, .jsonl, .rss, .atom, .warc) or folders of them",
            )
        added = stored = 0
        rejected: list[Skipped] = []
        started = time.perf_counter()
        with StopRequests("this batch") as stop:
            try:
                with progress_bar("Annotating articles", len(plan.new)) as advance, AnnotationPool() as pool:
                    pending: list[AnnotatedArticle] = []
                    for article in pool.stream(plan.new, progress=advance, rejected=rejected):
                        pending.append(article)
                        if len(pending) >= batch or stop.requested:
                            added, stored = added + store.add_annotated(pending), stored + len(pending)
                            pending = []
                            if stop.requested:
                                break
                    else:
                        added, stored = added + store.add_annotated(pending), stored + len(pending)
            except KeyboardInterrupt:
                stop.request()
        done = stored + len(rejected)
        note_skipped(rejected)
        if stop.requested and done < len(plan.new):
            left = len(plan.new) - done
            note(f"[yellow]interrupted[/]: stored {added} new, {left} left; run the same command again to go on")
            raise typer.Exit(130)
        # also when nothing is new: a run killed (or out of disk space) while grouping left articles unplaced
        unplaced = added or store.count_unplaced()
        seconds = time.perf_counter() - started
        if done:
            note(f"annotated {done} article{'s' * (done != 1)} in {seconds:.1f} s ({done / seconds:.1f} a second)")
        grouped = place_new(store, workers=default_workers()) if unplaced else None  # as follow places them
    already = plan.stored + done - added - len(rejected)  # ids another process stored meanwhile: already stored
    stories = ""
    if grouped:
        noun = "story" if grouped.stories == 1 else "stories"
        stories = f"; {grouped.stories} {noun} ({grouped.copies} syndicated cop{'y' if grouped.copies == 1 else 'ies'})"
    note(
        f"read {plan.read} article{'s' * (plan.read != 1)}: {added} new, {already} already stored; "
        f"skipped {len(plan.skipped) + len(rejected)}{stories}"
    )


def _plan(store: Store, paths: Sequence[str]) -> Plan:
    """Read every input; keep the articles the store does not have yet, once each."""
    from storyweave.ingest import iter_inputs
    from storyweave.models import Skipped

    plan = Plan()
    first_seen: dict[str, str] = {}  # id -> where it was read
    for item in iter_inputs(paths):
        if isinstance(item, Skipped):
            plan.skipped.append(item)
        elif item.id in first_seen:
            plan.skipped.append(Skipped(_where(item), f"duplicate of {first_seen[item.id]}"))
        else:
            first_seen[item.id] = _where(item)
            if store.has_article(item.id):
                plan.stored += 1
            else:
                plan.new.append(item)
    return plan


def _where(article: Article) -> str:
    """Where an article was read, with the byte offset of a WARC record."""
    from storyweave.ingest import describe

    offset = article.origin.offset
    record = f" (record at byte {offset})" if article.origin.line is None and offset is not None else ""
    return describe(article) + record
