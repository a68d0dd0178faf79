"""The stories of the trust labels: which articles each holds, and the sentences the reviewers judged.

A story is a few articles about one event, read from ``../shared/data`` (Multi-News dev clusters,
ECB+ dev articles of one gold event) or from ``invented/`` (articles written for this project). Its
sentences are fixed once, as offsets, in ``support.jsonl``; :func:`segment` is how they were made.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from storyweave.eval.datasets import SHARED_DATA
from storyweave.models import Article, Origin

HERE = Path(__file__).resolve().parent
Row = dict[str, Any]


@dataclass(slots=True)
class LabelStory:
    id: str
    dataset: str  # multinews-dev | ecbplus-dev | invented
    split: str  # dev | test
    articles: list[Article]


def rows(name: str) -> list[Row]:
    path = HERE / name
    if not path.exists():
        return []
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def _json_lines(path: Path) -> list[Row]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def _multinews(spec: Row) -> list[Article] | None:
    path = SHARED_DATA / "multinews-dev" / "clusters.jsonl"
    if not path.is_file():
        return None
    cluster = next(r for r in _json_lines(path) if r["id"] == spec["cluster"])
    return [
        Article.create(cluster["documents"][d], f"document {d + 1}", origin=Origin(path=str(path)))
        for d in spec["docs"]
    ]


def _ecbplus(spec: Row) -> list[Article] | None:
    path = SHARED_DATA / "ecbplus-dev" / "articles.jsonl"
    if not path.is_file():
        return None
    by_id = {r["id"]: r for r in _json_lines(path)}
    return [Article.create(by_id[a]["text"], f"ECB+ {a}", origin=Origin(path=str(path))) for a in spec["articles"]]


def _invented(spec: Row) -> list[Article]:
    path = HERE / "invented" / spec["file"]
    return [
        Article.create(
            r["text"],
            r["outlet"],
            title=r.get("title", ""),
            url=r.get("url"),
            published=datetime.fromisoformat(r["published"]) if r.get("published") else None,
            origin=Origin(path=str(path), line=n),
        )
        for n, r in enumerate(_json_lines(path), start=1)
    ]


def load_stories(split: str | None = None) -> list[LabelStory] | None:
    """Every labelled story (or those of the splits named, comma-separated); None when ../shared/data is absent."""
    wanted = set(split.split(",")) if split else None
    stories = []
    for spec in rows("stories.jsonl"):
        if wanted and spec["split"] not in wanted:
            continue
        reader = {"multinews-dev": _multinews, "ecbplus-dev": _ecbplus, "invented": _invented}[spec["dataset"]]
        articles = reader(spec)
        if articles is None:
            return None
        stories.append(LabelStory(spec["story"], spec["dataset"], spec["split"], articles))
    return stories


_LINE = re.compile(r"[^\r\n]+")


def segment(text: str) -> list[tuple[int, int]]:
    """Sentences as the reviewers saw them: each non-blank line split by Punkt (news abbreviations added)."""
    from storyweave.nlp.sentences import SentenceSplitter

    splitter = SentenceSplitter(news_rules=False)  # as the labels were made; fixed since
    spans = []
    for line in _LINE.finditer(text):
        if line.group().strip():
            spans.extend((line.start() + s, line.start() + e) for s, e in splitter.spans(line.group()))
    return spans
