"""``ingest`` killed with SIGKILL at the worst moments: while grouping, half-way through writing the stories, and
while its workers annotate. The next ``ingest`` gives the stories of a run never interrupted; no worker lives on."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from hostile_inputs import many_articles, write_good

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"

# Run the CLI with one function replaced by a SIGKILL of the process itself, at a chosen moment.
KILLED_AT = """
import os, signal, sys
from pathlib import Path
{patch}
from storyweave.cli import main
sys.argv = ["storyweave", *sys.argv[1:]]
main()
"""

DURING_GROUPING = """
import storyweave.stories.store_sync as target
def killed(*args, **kwargs):
    os.kill(os.getpid(), signal.SIGKILL)
target.group = killed
"""

DURING_STORY_WRITES = """
import storyweave.store.stories as target
real, written = target._assign, []
def killed(*args, **kwargs):
    written.append(real(*args, **kwargs))
    if len(written) == 2:  # two stories written in the transaction, more to come
        os.kill(os.getpid(), signal.SIGKILL)
    return written[-1]
target._assign = killed
"""

DISK_FULL_DURING_STORY_WRITES = """
import sqlite3
import storyweave.store.stories as target
real, written = target._assign, []
def full(*args, **kwargs):
    written.append(real(*args, **kwargs))
    if len(written) == 2:
        raise sqlite3.OperationalError("database or disk is full")
    return written[-1]
target._assign = full
"""

DURING_ANNOTATION = """
import storyweave.engines.local as target
real = target.kept
def killed(done, rejected):
    children = []
    for task in Path("/proc/self/task").iterdir():
        children += (task / "children").read_text().split()
    Path(os.environ["WORKERS_FILE"]).write_text(" ".join(children))
    os.kill(os.getpid(), signal.SIGKILL)
target.kept = killed
"""


def _ingest(db: Path, inputs: list[str], patch: str = "", **env: str) -> subprocess.CompletedProcess[str]:
    # An orphaned worker would hold the output pipes open: the timeout then ends the test instead of a hang.
    return subprocess.run(
        [sys.executable, "-c", KILLED_AT.format(patch=patch), "ingest", *inputs, "--db", str(db)],
        capture_output=True,
        text=True,
        env={**os.environ, "COLUMNS": "200", **env},
        timeout=180,
    )


def _stories(db: Path) -> set[tuple[str, frozenset[str]]]:
    with sqlite3.connect(db) as connection:
        rows = connection.execute("SELECT story_id, article_id FROM story_members").fetchall()
        unplaced = connection.execute(
            "SELECT count(*) FROM articles a WHERE NOT EXISTS (SELECT 1 FROM story_members m WHERE m.article_id = a.id)"
        ).fetchone()[0]
    members: dict[str, set[str]] = {}
    for story, article in rows:
        members.setdefault(story, set()).add(article)
    assert unplaced == 0
    return {(story, frozenset(ids)) for story, ids in members.items()}


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> tuple[list[str], set[tuple[str, frozenset[str]]]]:
    """Two stories' articles, and the stories an uninterrupted ingest makes of them."""
    folder = tmp_path_factory.mktemp("corpus")
    inputs = [str(EXAMPLES), *write_good(folder)]
    db = folder / "uninterrupted.sqlite"
    assert _ingest(db, inputs).returncode == 0
    stories = _stories(db)
    assert len(stories) == 2
    return inputs, stories


@pytest.mark.parametrize(
    ("patch", "status"),
    [(DURING_GROUPING, -signal.SIGKILL), (DURING_STORY_WRITES, -signal.SIGKILL), (DISK_FULL_DURING_STORY_WRITES, 2)],
    ids=["killed-grouping", "killed-writing-stories", "disk-full-writing-stories"],
)
def test_an_ingest_stopped_while_stories_are_made_is_finished_by_the_next(
    patch: str, status: int, corpus: tuple[list[str], set[tuple[str, frozenset[str]]]], tmp_path: Path
) -> None:
    inputs, expected = corpus
    db = tmp_path / "store.sqlite"
    killed = _ingest(db, inputs, patch)
    assert killed.returncode == status and "Traceback" not in killed.stderr, killed.stderr
    if status == 2:
        assert killed.stderr.strip().splitlines()[-1].startswith("error:") and "full" in killed.stderr
    with sqlite3.connect(db) as connection:
        assert connection.execute("SELECT count(*) FROM articles").fetchone()[0] == 6  # every article was stored
        assert connection.execute("SELECT count(*) FROM story_members").fetchone()[0] == 0  # no story half-made
    again = _ingest(db, inputs)
    assert again.returncode == 0, again.stderr
    assert "0 new, 6 already stored" in again.stderr and "2 stories" in again.stderr
    assert _stories(db) == expected


def test_no_worker_outlives_a_killed_ingest(tmp_path: Path) -> None:
    folder = many_articles(tmp_path, 0.012)  # 60 articles: enough for the worker processes
    workers_file = tmp_path / "workers"
    killed = _ingest(tmp_path / "store.sqlite", [folder], DURING_ANNOTATION, WORKERS_FILE=str(workers_file))
    assert killed.returncode == -signal.SIGKILL
    workers = [int(pid) for pid in workers_file.read_text().split()]
    assert workers, "the ingest should have been annotating on worker processes"
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline and any(_alive(pid) for pid in workers):
        time.sleep(0.1)
    assert not [pid for pid in workers if _alive(pid)]


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


@pytest.mark.parametrize("method", ["fork", "spawn", "forkserver"])
def test_workers_that_die_with_their_parent_start_under_any_start_method(method: str) -> None:
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    from storyweave.engines.local import die_with_parent

    context = multiprocessing.get_context(method)
    with ProcessPoolExecutor(1, mp_context=context, initializer=die_with_parent, initargs=(os.getpid(),)) as pool:
        assert pool.submit(os.getpid).result(timeout=60) != os.getpid()
