"""``storyweave eval rouge DATASET`` scores summaries with ROUGE; ``eval clusters DATASET`` scores story grouping."""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer
from rich.console import Console
from rich.markup import escape
from rich.table import Table

from storyweave.cli.console import fail, note, progress_bar
from storyweave.errors import InputError
from storyweave.eval import extra
from storyweave.eval.extra import MissingExtra, require_eval_extra

if TYPE_CHECKING:
    from storyweave.eval.clusters import ClusterEvaluation
    from storyweave.eval.run import Evaluation

PEER_NAMES = ("lexrank", "textrank", "lsa", "lead")

ROUGE_HELP = (
    "Score storyweave and peer summarisers with ROUGE-1, ROUGE-2 and ROUGE-Lsum (Porter stemming).\n\n"
    'DATASET is a JSON Lines file, one cluster a line with "id", "documents" (a list of article '
    'texts) and "summary" (a string) or "summaries" (a list); or a DUC-style folder with one '
    "folder per cluster: DATASET/<cluster>/docs/ holds one file per article (plain text, or DUC SGML "
    "whose <TEXT> is used) and DATASET/<cluster>/refs/ one file per reference summary.\n\n"
    "Every summary is cut at exactly --words words before scoring; scores against several references "
    "are averaged. F1 by default, recall with --recall. storyweave's s/cluster counts briefing only: "
    "annotation (model loading included) is reported under the table."
)

app = typer.Typer(
    help=escape("Measure storyweave on evaluation data (needs: pip install 'storyweave[eval]')."),
    no_args_is_help=True,
)


def _peers(value: str) -> list[str]:
    names = [n.strip().lower() for n in value.split(",") if n.strip()]
    for name in names:
        if name not in PEER_NAMES:
            raise InputError(f"unknown peer {name!r}", f"Choose from {', '.join(PEER_NAMES)}")
    return list(dict.fromkeys(names))


def _table(evaluation: Evaluation) -> Table:
    measure = "recall" if evaluation.recall else "F1"
    clusters = len(evaluation.cluster_ids)
    table = Table(title=f"ROUGE {measure} ×100 · {clusters} clusters · cut at {evaluation.words} words")
    table.add_column("system")
    for column in ("R-1", "R-2", "R-Lsum", "s/cluster"):
        table.add_column(column, justify="right")
    best = [max(getattr(s.scores, f) for s in evaluation.systems) for f in ("rouge1", "rouge2", "rouge_lsum")]
    for system in evaluation.systems:
        values = (system.scores.rouge1, system.scores.rouge2, system.scores.rouge_lsum)
        cells = [f"[bold]{v * 100:.2f}[/]" if v == b else f"{v * 100:.2f}" for v, b in zip(values, best, strict=True)]
        table.add_row(system.name, *cells, f"{system.seconds_per_cluster:.3f}")
    return table


def _write_predictions(path: Path, evaluation: Evaluation) -> None:
    lines = [json.dumps(row, ensure_ascii=False) + "\n" for row in evaluation.predictions()]
    try:
        path.write_text("".join(lines), encoding="utf-8")
    except OSError as err:
        raise InputError(f"cannot write {path}: {err.strerror}", "Choose a writable --predictions path") from err


@app.command("rouge", help=ROUGE_HELP)
def rouge(
    dataset: Annotated[Path, typer.Argument(help="A JSON Lines file or a DUC-style folder (see above).")],
    words: Annotated[
        int | None,
        typer.Option(
            "--words",
            "-w",
            min=1,
            help="Word budget; every summary is cut at it (default 260, 100 with --recall).",
        ),
    ] = None,
    predictions: Annotated[
        Path | None, typer.Option("--predictions", help="Write storyweave's summaries here as JSON Lines.")
    ] = None,
    peers: Annotated[
        str,
        typer.Option("--peers", help="Comma-separated peers: lexrank, textrank, lsa, lead (empty: none)."),
    ] = ",".join(PEER_NAMES),
    recall: Annotated[bool, typer.Option("--recall", help="Score recall (DUC style) instead of F1.")] = False,
    limit: Annotated[int | None, typer.Option("--limit", min=1, help="Use only the first N clusters.")] = None,
) -> None:
    """Score storyweave and peer summarisers with ROUGE (help text: ROUGE_HELP)."""
    try:
        require_eval_extra()
    except MissingExtra as err:  # printed here: the message's [eval] must not be read as markup
        fail(str(err), err.exit_code)
    from storyweave.eval.datasets import read_dataset
    from storyweave.eval.run import evaluate

    names = _peers(peers)
    budget = words or (100 if recall else 260)
    clusters = read_dataset(dataset)[:limit]
    usable = [c for c in clusters if c.articles and c.references]
    if len(usable) < len(clusters):
        note(f"[yellow]skipped[/] {len(clusters) - len(usable)} clusters without documents or references")
    if not usable:
        raise InputError(f"no cluster in {dataset} has both documents and references", "Check the data set")
    total = sum(len(c.articles) for c in usable)
    with progress_bar("Reading articles", total) as advance:
        evaluation = evaluate(usable, words=budget, peers=names, recall=recall, progress=advance, on_system=_running)
    console = Console(highlight=False)
    console.print(_table(evaluation))
    console.print(
        f"storyweave annotation: {evaluation.annotate_seconds:.1f} s for {evaluation.articles} articles "
        "(model loading included; not in s/cluster)",
        soft_wrap=True,
    )
    if predictions is not None:
        _write_predictions(predictions, evaluation)
        note(f"wrote {len(usable)} predictions to {predictions}")


def _running(name: str) -> None:
    note(f"[dim]running {name}[/]")


CLUSTERS_HELP = (
    "Score story grouping with B-cubed precision, recall and F1 and the adjusted Rand index.\n\n"
    'DATASET is a JSON Lines file, one article a line with "story" (its gold story id) and "text" or '
    '"title" (a headline alone is read as the text); "outlet", "url" and "published_ms" (epoch '
    "milliseconds) are optional.\n\n"
    "storyweave groups the annotated articles on this machine's cores (a second process makes the features); "
    "its articles/s count grouping only (the median of three runs), and annotation (model loading included) "
    "is reported under the table. "
    "The baseline, TF-IDF (sublinear tf, English stop words) with average-link agglomerative clustering on "
    "cosine distance, runs at every --baseline-thresholds value and is shown at the one with the best B-cubed "
    "F1 (chosen on the gold stories); its articles/s are those of one run at that threshold."
)
DEFAULT_THRESHOLDS = "0.5,0.55,0.6,0.65,0.7,0.75,0.8,0.85,0.9,0.95"


def _thresholds(value: str) -> list[float]:
    thresholds = []
    for part in (p.strip() for p in value.split(",")):
        if not part:
            continue
        try:
            threshold = float(part)
        except ValueError:
            threshold = float("nan")
        if not 0 < threshold <= 1:
            problem = f"bad --baseline-thresholds value {part!r}"
            raise InputError(problem, "Give cosine distances above 0 and at most 1, e.g. 0.8,0.85,0.9")
        thresholds.append(threshold)
    return sorted(set(thresholds))


def _speed(value: float) -> str:
    return f"{value:,.0f}" if value >= 100 else f"{value:.1f}"


def _clusters_table(evaluation: ClusterEvaluation) -> Table:
    title = f"Story grouping · {evaluation.articles} articles · {evaluation.stories} gold stories"
    table = Table(title=title)
    table.add_column("system")
    for column in ("B³ P", "B³ R", "B³ F1", "ARI", "clusters", "articles/s"):
        table.add_column(column, justify="right", no_wrap=True)
    best_f1 = max(s.scores.f1 for s in evaluation.systems)
    best_ari = max(s.scores.ari for s in evaluation.systems)
    for system in evaluation.systems:
        scores = system.scores
        f1 = f"[bold]{scores.f1:.3f}[/]" if scores.f1 == best_f1 else f"{scores.f1:.3f}"
        ari = f"[bold]{scores.ari:.3f}[/]" if scores.ari == best_ari else f"{scores.ari:.3f}"
        table.add_row(
            escape(system.name),
            f"{scores.precision:.3f}",
            f"{scores.recall:.3f}",
            f1,
            ari,
            str(system.clusters),
            _speed(system.articles_per_second),
        )
    return table


@app.command("clusters", help=CLUSTERS_HELP)
def clusters(
    dataset: Annotated[Path, typer.Argument(help="A JSON Lines file, one article a line (see above).")],
    limit: Annotated[int | None, typer.Option("--limit", min=1, help="Use only the first N articles.")] = None,
    baseline_thresholds: Annotated[
        str,
        typer.Option("--baseline-thresholds", help="Comma-separated cosine distances for the baseline (empty: none)."),
    ] = DEFAULT_THRESHOLDS,
) -> None:
    """Score story grouping (help text: CLUSTERS_HELP)."""
    try:
        require_eval_extra(extra.CLUSTER_MODULES)
    except MissingExtra as err:  # printed here: the message's [eval] must not be read as markup
        fail(str(err), err.exit_code)
    from storyweave.eval import clusters as run
    from storyweave.eval.datasets import read_clustered

    thresholds = _thresholds(baseline_thresholds)
    items = read_clustered(dataset)[:limit]
    if not items:
        raise InputError(f"no article in {dataset}", "Give one article a line")
    systems = run.default_systems()
    if not systems:
        note("[yellow]storyweave.stories is not in this build:[/] only the baseline runs")
    if not systems and not thresholds:
        raise InputError("nothing to run", "Give --baseline-thresholds")
    with progress_bar("Reading articles", len(items)) as advance:
        evaluation = run.evaluate_clusters(items, systems, thresholds=thresholds, progress=advance, on_system=_running)
    console = Console(highlight=False)
    console.print(_clusters_table(evaluation))
    if evaluation.annotate_seconds is not None:
        console.print(
            f"storyweave annotation: {evaluation.annotate_seconds:.1f} s for {evaluation.articles} articles "
            "(model loading included; not in articles/s)",
            soft_wrap=True,
        )
    if evaluation.sweep is not None:
        points = " · ".join(f"{p.threshold:g} {p.scores.f1:.3f}" for p in evaluation.sweep.points)
        console.print(f"baseline B³ F1 by threshold: {points}", soft_wrap=True)
