"""Evaluation data readers: Multi-News JSON Lines and DUC-style folders."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from storyweave.errors import InputError
from storyweave.eval.datasets import read_dataset, read_duc, read_multinews, unwrap_document


def test_jsonl_with_a_summaries_list(tmp_path: Path) -> None:
    path = tmp_path / "clusters.jsonl"
    rows = [
        {"id": "a", "documents": ["First article.", "  ", "Second article."], "summaries": ["One.", "Two."]},
        {"id": "b", "documents": ["Only article."], "summary": "Single."},
    ]
    path.write_text("\n".join(json.dumps(r) for r in rows) + "\n\n", encoding="utf-8")
    clusters = read_dataset(path)
    assert [c.id for c in clusters] == ["a", "b"]
    assert [a.text for a in clusters[0].articles] == ["First article.", "Second article."]
    assert clusters[0].references == ["One.", "Two."]
    assert clusters[1].references == ["Single."]
    assert read_multinews(path)[0].references == ["One.", "Two."]


def _duc(root: Path) -> None:
    first = root / "d30001t"
    (first / "docs").mkdir(parents=True)
    (first / "refs").mkdir()
    (first / "docs" / "APW19981016.0240").write_text(
        "<DOC>\n<DOCNO> APW19981016.0240 </DOCNO>\n<HEADLINE>Storm</HEADLINE>\n<TEXT>\n<P>\n"
        "A storm hit the\ncoast on Friday.\n</P>\n<P>\nThousands lost power.\n</P>\n</TEXT>\n</DOC>\n",
        encoding="utf-8",
    )
    (first / "docs" / "b.txt").write_text("Power returned\nby Sunday.\n\nSchools reopened.\n", encoding="utf-8")
    (first / "refs" / "A.txt").write_text("A storm hit the coast.\nPower was lost.\n", encoding="utf-8")
    (first / "refs" / "B.txt").write_text("Storm; outages.\n", encoding="utf-8")
    (first / "refs" / ".hidden").write_text("not a reference", encoding="utf-8")
    second = root / "d30002t"
    (second / "documents").mkdir(parents=True)
    (second / "summaries").mkdir()
    (second / "documents" / "x.txt").write_bytes("Café owners protested.\nThey marched.\n".encode("latin-1"))
    (second / "summaries" / "s.txt").write_text("Owners protested.", encoding="utf-8")
    (root / "notes").mkdir()  # a folder without docs/ is not a cluster
    (root / "README.txt").write_text("about the data", encoding="utf-8")


def test_duc_folder_reader(tmp_path: Path) -> None:
    _duc(tmp_path)
    clusters = read_dataset(tmp_path)
    assert [c.id for c in clusters] == ["d30001t", "d30002t"]
    first, second = clusters
    assert [a.outlet for a in first.articles] == ["APW19981016", "b"]
    assert first.articles[0].text == "A storm hit the coast on Friday.\nThousands lost power."
    assert first.articles[1].text == "Power returned by Sunday.\nSchools reopened."
    assert first.articles[0].origin.path and first.articles[0].origin.path.endswith("APW19981016.0240")
    assert first.references == ["A storm hit the coast.\nPower was lost.", "Storm; outages."]
    assert second.articles[0].text == "Café owners protested.\nThey marched."
    assert second.references == ["Owners protested."]


def test_unwrap_keeps_one_paragraph_a_line_without_blank_lines() -> None:
    assert unwrap_document("One line.\n  Two   line.\n\n") == "One line.\nTwo line."
    assert unwrap_document("Wrapped\nprose.\n\nNext  one.") == "Wrapped prose.\nNext one."


def test_folder_without_clusters_and_missing_path(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no cluster folder"):
        read_duc(tmp_path)
    with pytest.raises(InputError, match="no such data set"):
        read_dataset(tmp_path / "absent.jsonl")
