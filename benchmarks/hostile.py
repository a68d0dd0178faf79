"""Hostile input at full size: every input of ``tests/hostile_inputs.py`` through ``brief`` alone, ``brief``
beside two good articles and ``ingest`` beside two good articles, with the default limits.

    .venv/bin/python benchmarks/hostile.py [--only NAME ...] [--scale 1.0]

Prints, per run: exit status, seconds, peak memory of the process tree, whether the good
articles were used, and the last line the command wrote on standard error. A run is stopped
(and reported as such) after 300 s or above 4 GB, so the machine stays usable.
"""

from __future__ import annotations

import argparse
import os
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent / "tests"))

from _memory import TreeMemory  # noqa: E402
from hostile_inputs import GOOD_OUTLETS, MAKERS, write_good  # noqa: E402

STORYWEAVE = str(Path(sys.executable).with_name("storyweave"))
TIME_LIMIT = 300.0
MEMORY_LIMIT_MB = 4096.0


def run(command: list[str], home: Path) -> tuple[int | str, float, float, str, str]:
    """(exit status or what stopped it, seconds, peak MB, stdout, last stderr line)."""
    env = dict(os.environ, STORYWEAVE_HOME=str(home), COLUMNS="200")
    started = time.perf_counter()
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        process = subprocess.Popen(command, stdout=out, stderr=err, stdin=subprocess.DEVNULL, env=env)
        status: int | str
        with TreeMemory(interval=0.05, root=process.pid) as memory:
            while True:
                try:
                    status = process.wait(timeout=0.2)
                    break
                except subprocess.TimeoutExpired:
                    pass
                if time.perf_counter() - started > TIME_LIMIT:
                    status = f"stopped after {TIME_LIMIT:.0f} s"
                elif memory.peak_mb > MEMORY_LIMIT_MB:
                    status = f"stopped above {MEMORY_LIMIT_MB:.0f} MB"
                else:
                    continue
                process.kill()
                process.wait()
                break
        seconds = time.perf_counter() - started
        out.seek(0)
        err.seek(0)
        stdout = out.read().decode("utf-8", "replace")
        lines = [line for line in err.read().decode("utf-8", "replace").splitlines() if line.strip()]
    last = "traceback" if any(line.startswith("Traceback") for line in lines) else (lines[-1] if lines else "")
    return status, seconds, memory.peak_mb, stdout, last.strip()[:150]


def stored_outlets(db: Path) -> set[str]:
    if not db.exists():
        return set()
    with sqlite3.connect(db) as connection:
        return {row[0] for row in connection.execute("SELECT outlet FROM articles")}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--only", nargs="*", choices=sorted(MAKERS), help="run only these inputs")
    parser.add_argument("--scale", type=float, default=1.0, help="size of the inputs (1.0: the full size)")
    args = parser.parse_args()
    print(f"{'input':<20} {'run':<12} {'exit':>6} {'s':>7} {'MB':>7} good  last line")
    for name in args.only or list(MAKERS):
        make, _ = MAKERS[name]
        with tempfile.TemporaryDirectory() as tmp:
            root = Path(tmp)
            (root / "in").mkdir()
            bad = make(root / "in", args.scale)
            good = write_good(root / "good")
            runs = {
                "brief": [STORYWEAVE, "brief", bad],
                "brief+good": [STORYWEAVE, "brief", bad, *good],
                "ingest+good": [STORYWEAVE, "ingest", bad, *good, "--db", str(root / "store.sqlite")],
            }
            for label, command in runs.items():
                status, seconds, peak, stdout, last = run(command, root / "home")
                if label == "brief":
                    used = "-"
                elif label == "brief+good":
                    used = "yes" if all(o in stdout for o in GOOD_OUTLETS) else "NO"
                else:
                    used = "yes" if set(GOOD_OUTLETS) <= stored_outlets(root / "store.sqlite") else "NO"
                print(f"{name:<20} {label:<12} {status!s:>6} {seconds:7.1f} {peak:7.0f} {used:<5} {last}", flush=True)


if __name__ == "__main__":
    main()
