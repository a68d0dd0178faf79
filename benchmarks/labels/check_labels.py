"""Check the hand-judged labels in this folder against the articles they point into.

    .venv/bin/python benchmarks/labels/check_labels.py

Verifies that every offset lies inside its document and spans some text, that quote
spans do not start or end with a quotation mark or whitespace, that each fact mention
holds a digit or a number word, and that the enumerated fields have known values.
Prints counts per file. Exits 0 with a skip message when ../shared/data is absent.
"""

from __future__ import annotations

import json
import re
import sys
from collections import Counter
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
from ecb_quotes import ECB_HELDOUT, ECB_TUNING, ECB_TUNING2, as_cluster_rows, ecb_stories

HERE = Path(__file__).resolve().parent
DATA = Path(__file__).resolve().parents[3] / "shared" / "data" / "multinews-dev" / "clusters.jsonl"
ECB_DATA = DATA.parents[1] / "ecbplus-dev" / "articles.jsonl"
QUOTE_MARKS = "\"'`“”‘’«»„"
NUMBER = re.compile(
    r"\d|\b(one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|dozen|twenty|thirty|"
    r"hundred|thousand|million|billion|trillion|half|decades?)\b",
    re.IGNORECASE,
)
KINDS = {"person", "organisation", "group", "unknown"}
CUES = {"said", "told", "wrote", "according to", "other"}
VERDICTS = {"conflict", "consistent", "approximately consistent"}
HELDOUT = "quotes_heldout.jsonl"
TUNING = "quotes_tuning.jsonl"
HELDOUT2 = "quotes_heldout2.jsonl"

Row = dict[str, Any]


def load(name: str) -> list[Row]:
    lines = (HERE / name).read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines if line.strip()]


def span(docs: dict[str, list[str]], cluster: str, doc: int, start: int, end: int) -> str:
    """The labelled text, or raise ValueError when the reference is out of range."""
    if cluster not in docs:
        raise ValueError(f"unknown cluster {cluster}")
    if not 0 <= doc < len(docs[cluster]):
        raise ValueError(f"doc {doc} out of range")
    text = docs[cluster][doc]
    if not 0 <= start < end <= len(text):
        raise ValueError(f"span {start}:{end} out of range (doc length {len(text)})")
    return text[start:end]


def check_quotes(docs: dict[str, list[str]], rows: list[Row], name: str = "quotes.jsonl") -> list[str]:
    errors = []
    for n, row in enumerate(rows, 1):
        try:
            text = span(docs, row["cluster"], row["doc"], row["start"], row["end"])
        except ValueError as err:
            errors.append(f"{name}:{n}: {err}")
            continue
        if text[0] in QUOTE_MARKS or text[-1] in QUOTE_MARKS or text != text.strip():
            errors.append(f"{name}:{n}: span starts or ends with a quotation mark or whitespace")
        if row["speaker_kind"] not in KINDS or row["cue"] not in CUES:
            errors.append(f"{name}:{n}: unknown speaker_kind or cue")
    return errors


def check_facts(docs: dict[str, list[str]], rows: list[Row]) -> list[str]:
    errors = []
    for n, row in enumerate(rows, 1):
        if row["verdict"] not in VERDICTS or len({m["doc"] for m in row["mentions"]}) < 2:
            errors.append(f"facts.jsonl:{n}: unknown verdict or fewer than two documents")
        for mention in row["mentions"]:
            try:
                text = span(docs, row["cluster"], mention["doc"], mention["start"], mention["end"])
            except ValueError as err:
                errors.append(f"facts.jsonl:{n}: {err}")
                continue
            if not NUMBER.search(text):
                errors.append(f"facts.jsonl:{n}: no digit or number word in {text!r}")
    return errors


def check_claims(docs: dict[str, list[str]], rows: list[Row]) -> list[str]:
    errors = []
    for n, row in enumerate(rows, 1):
        try:
            span(docs, row["cluster"], row["doc"], row["start"], row["end"])
        except ValueError as err:
            errors.append(f"claims.jsonl:{n}: {err}")
            continue
        others = set(row["reported_by"]) | set(row["syndicated_with"])
        if row["doc"] in others or not others <= set(range(len(docs[row["cluster"]]))):
            errors.append(f"claims.jsonl:{n}: bad document index in reported_by or syndicated_with")
    return errors


def main() -> int:
    if not DATA.is_file():
        print(f"skipped: {DATA} is absent (clone beside shared/ to check the labels)")
        return 0
    docs: dict[str, list[str]] = {}
    for line in DATA.read_text(encoding="utf-8").splitlines():
        cluster = json.loads(line)
        docs[cluster["id"]] = cluster["documents"]
    quotes, facts, claims = load("quotes.jsonl"), load("facts.jsonl"), load("claims.jsonl")
    heldout = load(HELDOUT) if (HERE / HELDOUT).is_file() else []
    errors = check_quotes(docs, quotes) + check_facts(docs, facts) + check_claims(docs, claims)
    tuning = load(TUNING) if (HERE / TUNING).is_file() else []
    heldout2 = load(HELDOUT2) if (HERE / HELDOUT2).is_file() else []
    errors += check_quotes(docs, heldout, HELDOUT) + check_quotes(docs, tuning, TUNING)
    errors += check_quotes(docs, heldout2, HELDOUT2)
    ecb = {name: load(name) for name in (ECB_TUNING, ECB_TUNING2, ECB_HELDOUT) if (HERE / name).is_file()}
    if ecb and ECB_DATA.is_file():
        stories = ecb_stories(ECB_DATA)
        ecb_docs = {story: [text for _, text in articles] for story, articles in stories.items()}
        for name, rows in ecb.items():
            try:
                errors += check_quotes(ecb_docs, as_cluster_rows(rows, stories), name)
            except KeyError as err:
                errors.append(f"{name}: unknown story or article {err}")
    for error in errors:
        print(error)
    verdicts = Counter(row["verdict"] for row in facts)
    corroborated = sum(bool(row["reported_by"]) for row in claims)
    print(f"quotes  {len(quotes):4d} in {len({r['cluster'] for r in quotes})} clusters")
    print(f"held-out quotes {len(heldout):4d} in {len({r['cluster'] for r in heldout})} clusters")
    print(f"stop-25 tuning quotes {len(tuning):4d} in {len({r['cluster'] for r in tuning})} clusters")
    print(f"stop-26 held-out quotes {len(heldout2):4d} in {len({r['cluster'] for r in heldout2})} clusters")
    for name, rows in ecb.items():
        print(f"{name} {len(rows):4d} in {len({r['story'] for r in rows})} ECB+ stories")
    print(f"facts   {len(facts):4d} in {len({r['cluster'] for r in facts})} clusters  {dict(verdicts)}")
    print(
        f"claims  {len(claims):4d} in {len({r['cluster'] for r in claims})} clusters  "
        f"({corroborated} corroborated, {len(claims) - corroborated} single-source)"
    )
    print("ok" if not errors else f"{len(errors)} problem(s)")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
