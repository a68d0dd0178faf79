"""Hard places for a sentence splitter in the dev data: a period, "?" or "!" (perhaps closing a quotation)
followed by a space, where the token before it is an abbreviation, initials, a time or a title, or the text
after it starts with a digit, a lower-case word or a time zone.

    python benchmarks/labels/boundaries/sites.py OUT.jsonl   # every site with its context, for a reviewer

Each site is (dataset, document id, offset of the character after the mark); the reviewer's labels keep only
those and whether a sentence ends there (``boundaries.jsonl``), never the text.
"""

from __future__ import annotations

import hashlib
import json
import re
import sys
from collections.abc import Iterator
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[3] / "src"))

from storyweave.eval.datasets import SHARED_DATA

_MARK = re.compile(r"(?P<before>\S+?)(?P<mark>[.?!][\"”’']?)(?=\s+(?P<after>\S+))")
_ABBREVIATION = re.compile(r"^(?:(?:[A-Za-z]\.)+[A-Za-z]?|[A-Z][a-z]{0,3}|[ap]\.m|No|Nos|St|Mt|Ft|Jr|Sr|vs|[A-Z])$")
_ZONES = {"ET", "EST", "EDT", "CT", "CST", "CDT", "MT", "MST", "MDT", "PT", "PST", "PDT", "GMT", "UTC", "BST"}


def documents() -> Iterator[tuple[str, str, str]]:
    """(dataset, id, text) of every dev document."""
    clusters = SHARED_DATA / "multinews-dev" / "clusters.jsonl"
    for line in clusters.read_text("utf-8").splitlines():
        row = json.loads(line)
        for n, text in enumerate(row["documents"]):
            yield "multinews-dev", f"{row['id']}/{n}", text
    for line in (SHARED_DATA / "ecbplus-dev" / "articles.jsonl").read_text("utf-8").splitlines():
        row = json.loads(line)
        yield "ecbplus-dev", row["id"], row["text"]


def hard(before: str, mark: str, after: str) -> bool:
    word = before.lstrip("(\"“'‘")
    return bool(
        (mark.startswith(".") and _ABBREVIATION.match(word))
        or after[:1].isdigit()
        or after[:1].islower()
        or after.strip(",.") in _ZONES
    )


def sites(text: str) -> Iterator[tuple[int, str]]:
    for m in _MARK.finditer(text):
        if hard(m["before"], m["mark"], m["after"]):
            end = m.end("mark")
            context = text[max(0, m.start() - 80) : end] + " ⟦?⟧ " + text[end : end + 80]
            yield end, context.replace("\n", " ")


def main() -> None:
    found = []
    for dataset, doc, text in documents():
        for offset, context in sites(text):
            key = hashlib.sha1(f"{doc}:{offset}".encode()).hexdigest()
            found.append((key, {"dataset": dataset, "doc": doc, "offset": offset, "context": context}))
    found.sort()
    with open(sys.argv[1], "w", encoding="utf-8") as out:
        for _, row in found:
            out.write(json.dumps(row, ensure_ascii=False) + "\n")
    print(f"{len(found)} sites")


if __name__ == "__main__":
    main()
