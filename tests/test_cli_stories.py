"""Stories over a real SQLite store: ingest groups, stories lists, brief --story caches and refreshes."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from storyweave.cli import app
from storyweave.errors import InputError
from storyweave.store import Store

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"
MUSEUM = """Title: Storm floods Harlow museum basement
Outlet: Harlow Gazette
Published: 2026-03-04T08:00:00+00:00

Storm water flooded the basement archive of the Harlow Museum of Rail on Sunday night, damaging some 300 \
photographs, the museum's director Anna Whitcombe said.

Volunteers carried boxes of prints to the upper galleries until dawn.
"""
runner = CliRunner()


@pytest.fixture()
def store_path(tmp_path: Path, models) -> Path:  # type: ignore[no-untyped-def]
    db = tmp_path / "stories.sqlite"
    (tmp_path / "museum.txt").write_text(MUSEUM, encoding="utf-8")
    result = runner.invoke(app, ["ingest", str(EXAMPLES), str(tmp_path / "museum.txt"), "--db", str(db)])
    assert result.exit_code == 0, result.output
    assert "2 stories" in result.stderr
    return db


def _stories(db: Path) -> list[dict]:  # type: ignore[type-arg]
    result = runner.invoke(app, ["stories", "--db", str(db), "--format", "json"])
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def test_ingest_groups_articles_into_stories(store_path: Path) -> None:
    stories = _stories(store_path)
    assert sorted(s["articles"] for s in stories) == [1, 4]
    ferry = next(s for s in stories if s["articles"] == 4)
    assert set(ferry["outlets"]) == {"Coastline News", "Harbour Radio", "The Northern Ledger", "Port Avery Chronicle"}
    assert ferry["first_published"].startswith("2026-03-04")
    table = runner.invoke(app, ["stories", "--db", str(store_path), "--limit", "1"])
    assert table.exit_code == 0 and table.stdout.count("\n") >= 2


def test_brief_for_a_story_is_cached_until_its_articles_change(store_path: Path) -> None:
    ferry = next(s for s in _stories(store_path) if s["articles"] == 4)
    first = runner.invoke(app, ["brief", "--story", ferry["id"], "--db", str(store_path), "--format", "json"])
    assert first.exit_code == 0, first.output
    document = json.loads(first.stdout)
    assert len(document["sources"]) == 4
    with Store.open(store_path) as store:
        cached = store.brief(ferry["id"])
        assert cached is not None
        stamp = cached.computed_at
    again = runner.invoke(app, ["brief", "--story", ferry["id"], "--db", str(store_path), "--format", "json"])
    assert json.loads(again.stdout) == document
    with Store.open(store_path) as store:
        still = store.brief(ferry["id"])
        assert still is not None and still.computed_at == stamp  # reused, not recomputed
        members = [m.article_id for m in store.members(ferry["id"])]
        store.assign(ferry["id"], members[:3])
        museum = next(s for s in _stories(store_path) if s["id"] != ferry["id"])
        store.assign(museum["id"], members[3:])  # the story's articles changed
    changed = runner.invoke(app, ["brief", "--story", ferry["id"], "--db", str(store_path), "--format", "json"])
    assert len(json.loads(changed.stdout)["sources"]) == 3


def test_unknown_story_and_missing_store_are_one_line_errors(store_path: Path, tmp_path: Path) -> None:
    # In-process the error surfaces as the exception that main() turns into one line and its exit status.
    unknown = runner.invoke(app, ["brief", "--story", "nope", "--db", str(store_path)])
    assert isinstance(unknown.exception, InputError) and unknown.exception.exit_code == 2
    assert "no story 'nope'" in str(unknown.exception)
    missing = runner.invoke(app, ["stories", "--db", str(tmp_path / "absent.sqlite")])
    assert isinstance(missing.exception, InputError) and "no store at" in str(missing.exception)
    both = runner.invoke(app, ["brief", str(EXAMPLES), "--story", "x"])
    assert isinstance(both.exception, InputError)


def test_a_store_that_cannot_be_written_is_still_briefed(store_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # As root every file is writable, so the read-only store is played by an open that refuses to write.
    from storyweave.store import StoreError

    ferry = next(s for s in _stories(store_path) if s["articles"] == 4)
    real_open = Store.open.__func__  # type: ignore[attr-defined]

    def read_only(cls, path, *, timeout=None, readonly=False):  # type: ignore[no-untyped-def]
        if not readonly:
            raise StoreError(f"{path} cannot be written (attempt to write a readonly database)")
        return real_open(cls, path, timeout=timeout, readonly=True)

    monkeypatch.setattr(Store, "open", classmethod(read_only))
    result = runner.invoke(app, ["brief", "--story", ferry["id"], "--db", str(store_path), "--format", "json"])
    assert result.exit_code == 0, result.output
    assert len(json.loads(result.stdout)["sources"]) == 4
    monkeypatch.undo()
    with Store.open(store_path) as store:
        assert store.brief(ferry["id"]) is None  # shown, not cached
