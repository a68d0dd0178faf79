"""Readers for evaluation data sets (they never go into the repository)."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from storyweave.errors import InputError
from storyweave.models import Article, Origin

SHARED_DATA = Path(__file__).resolve().parents[3].parent / "shared" / "data"


@dataclass(slots=True)
class Cluster:
    """Articles about one event with the reference summaries people wrote for them."""

    id: str
    articles: list[Article]
    references: list[str]


def read_multinews(path: Path) -> list[Cluster]:
    """Multi-News style JSON Lines: ``id``, ``documents`` and ``summary`` or ``summaries``."""
    clusters: list[Cluster] = []
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as err:
        raise InputError(f"cannot read {path}: {err.strerror}", "Check the data set path") from err
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
        except json.JSONDecodeError as err:
            problem = f"{path}:{number}: not valid JSON ({err.msg})"
            raise InputError(problem, "Fix or remove that line") from err
        documents = [d for d in row.get("documents", []) if isinstance(d, str) and d.strip()]
        references = row.get("summaries") or [row.get("summary", "")]
        cluster_id = str(row.get("id", number))
        articles = [
            Article.create(text, f"document {i + 1}", origin=Origin(path=str(path), line=number))
            for i, text in enumerate(documents)
        ]
        clusters.append(Cluster(cluster_id, articles, [r for r in references if r]))
    return clusters


def shared_data_file(*parts: str) -> Path | None:
    """A file of ../shared/data beside the checkout, or None when it is absent."""
    path = SHARED_DATA.joinpath(*parts)
    return path if path.is_file() else None
