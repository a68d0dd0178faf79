"""Quotation labels on ECB+ articles, read in the shape of the Multi-News ones.

An ECB+ row names its gold story and its article (``{"dataset": "ecbplus-dev", "story", "article", "start", "end",
...}``, offsets into the article's ``text``); read here, its story becomes its ``cluster`` and the article's place
among that story's articles, in file order, its ``doc``, so one scorer reads both kinds. Standard library only.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

ECB_TUNING = "quotes_ecb_tuning.jsonl"  # labelled at stop 27, tuned on
ECB_HELDOUT = "quotes_ecb_heldout.jsonl"  # labelled at stop 27 with it: held out
ECB_TUNING2 = "quotes_ecb_tuning2.jsonl"  # labelled later in stop 27, scored once, then tuned on

Row = dict[str, Any]


def ecb_stories(path: Path) -> dict[str, list[tuple[str, str]]]:
    """Each gold story's articles as (id, text), in file order."""
    stories: dict[str, list[tuple[str, str]]] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip():
            row = json.loads(line)
            stories.setdefault(row["story"], []).append((row["id"], row["text"]))
    return stories


def as_cluster_rows(rows: list[Row], stories: dict[str, list[tuple[str, str]]]) -> list[Row]:
    """The rows with ``cluster`` (the story) and ``doc`` (the article's place in it); KeyError for an unknown one."""
    places = {
        (story, article_id): n for story, articles in stories.items() for n, (article_id, _) in enumerate(articles)
    }
    return [{**row, "cluster": row["story"], "doc": places[(row["story"], row["article"])]} for row in rows]
