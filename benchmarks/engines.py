"""The corpus job (`storyweave run`) on both engines, with 1 and 2 worker cores, as the corpus grows.

    .venv/bin/python benchmarks/engines.py [--sizes real,10000,100000] [--engines local,spark] [--cores 1,2]

"real" is ../shared/data/ecbplus-dev as it is (462 full articles, no dates); B-cubed F1 of the job's
stories against the gold stories is printed for it. A number is synthetic growth built from the real sets,
as benchmarks/grouping_growth.py builds it: a round is every uci-headlines-dev headline (6,366, at their own
times over three days) and every ecbplus-dev article (spread over the same three days); rounds follow each
other four days apart (one day more than the grouping window), under new URLs (so new article ids) with the
same texts. The job annotates each distinct text once, so past the first round the synthetic runs measure
reading, grouping, briefs and writing; the first round and the real run measure annotation too. Each run
is pinned to its cores with taskset, so "1 core" is one CPU for everything (numpy's BLAS threads and the JVM
included). Each run is a separate
`storyweave run` process, timed from start to finish (Spark's JVM start included).
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

from _memory import TreeMemory
from storyweave.corpus import read_table
from storyweave.eval.clustering import bcubed
from storyweave.eval.datasets import shared_data_file
from storyweave.ingest import read_inputs

ROUND = timedelta(days=4)
START = datetime(2014, 3, 10, tzinfo=UTC)
STORYWEAVE = str(Path(sys.executable).with_name("storyweave"))


def _base_records(ecb: Path, uci: Path) -> list[dict[str, object]]:
    """One round: every UCI headline at its own time, every ECB+ article spread over the same three days."""
    records: list[dict[str, object]] = []
    for line in uci.read_text(encoding="utf-8").splitlines():
        row = json.loads(line)
        published = datetime.fromtimestamp(row["published_ms"] / 1000, tz=UTC)
        records.append(
            {
                "title": row["title"],
                "text": row["title"],
                "outlet": row.get("outlet") or "unknown",
                "published": published,
                "key": f"uci/{row['id']}",
            }
        )
    for n, line in enumerate(ecb.read_text(encoding="utf-8").splitlines()):
        row = json.loads(line)
        records.append(
            {
                "title": row["title"],
                "text": row["text"],
                "outlet": f"outlet {n % 25}",
                "published": START + timedelta(hours=n % 72),
                "key": f"ecb/{row['id']}",
            }
        )
    return records


def synthetic(ecb: Path, uci: Path, size: int, target: Path) -> Path:
    """``size`` records: the base round again and again, four days later each time, under new URLs."""
    base = _base_records(ecb, uci)
    with open(target, "w", encoding="utf-8") as out:
        for n in range(size):
            rnd, k = divmod(n, len(base))
            row = base[k]
            published = row["published"] + rnd * ROUND  # type: ignore[operator]
            record = {
                "title": row["title"],
                "text": row["text"],
                "outlet": row["outlet"],
                "url": f"https://news.example/{rnd}/{row['key']}",
                "published": published.isoformat(),
            }
            out.write(json.dumps(record) + "\n")
    return target


def run(engine: str, cores: int, source: Path, out: Path) -> tuple[float, float, dict]:  # type: ignore[type-arg]
    shutil.rmtree(out, ignore_errors=True)
    # the whole run is confined to ``cores`` CPUs: numpy's BLAS and the JVM would otherwise use every core
    pinned = ["taskset", "-c", f"0-{cores - 1}"] if shutil.which("taskset") else []
    command = [*pinned, STORYWEAVE, "run", str(source), "--out", str(out), "--engine", engine, "--workers", str(cores)]
    if engine == "spark":
        command += ["--spark-master", f"local[{cores}]"]
    with TreeMemory(interval=0.5) as memory:
        started = time.perf_counter()
        subprocess.run(command, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        seconds = time.perf_counter() - started
    return seconds, memory.peak_mb, json.loads((out / "run.json").read_text())


def gold_f1(source: Path, out: Path) -> float:
    """B-cubed F1 of the job's stories against the gold ones (articles matched by their id and source line)."""
    rows = source.read_text(encoding="utf-8").splitlines()
    gold = {a.id: json.loads(rows[a.origin.line - 1])["story"] for a in read_inputs([str(source)]).articles}
    found = {row["article_id"]: row["story_id"] for row in read_table(out, "memberships")}
    ids = sorted(found)
    return bcubed([gold[i] for i in ids], [found[i] for i in ids])[2]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="real,10000,100000")
    parser.add_argument("--engines", default="local,spark")
    parser.add_argument("--cores", default="1,2")
    args = parser.parse_args()
    source = shared_data_file("ecbplus-dev", "articles.jsonl")
    uci = shared_data_file("uci-headlines-dev", "headlines.jsonl")
    if source is None or uci is None:
        print("skipped: ../shared/data (ecbplus-dev, uci-headlines-dev) is absent; the benchmark reads it")
        return
    engines, cores = args.engines.split(","), [int(c) for c in args.cores.split(",")]
    print(
        f"{'corpus':>8} {'engine':>6} {'cores':>5} {'articles':>8} {'stories':>7} {'seconds':>8} {'art/s':>7}"
        f" {'x 1 core':>8} {'peak MB':>8}  stages (s)"
    )
    with tempfile.TemporaryDirectory(prefix="storyweave-engines-") as folder:
        for size in args.sizes.split(","):
            data = (
                source if size == "real" else synthetic(source, uci, int(size), Path(folder) / f"growth-{size}.jsonl")
            )
            for engine in engines:
                first = None
                for n in cores:
                    out = Path(folder) / f"out-{size}-{engine}-{n}"
                    seconds, peak, summary = run(engine, n, data, out)
                    rate = summary["articles"] / seconds
                    first = first or rate
                    stages = " ".join(f"{k} {v:.0f}" for k, v in summary["seconds"].items())
                    print(
                        f"{size:>8} {engine:>6} {n:>5} {summary['articles']:>8} {summary['stories']:>7} {seconds:>8.1f}"
                        f" {rate:>7.1f} {rate / first:>8.2f} {peak:>8.0f}  {stages}",
                        flush=True,
                    )
                    if size == "real":
                        print(f"{'':>8} B-cubed F1 against the gold stories: {gold_f1(source, out):.3f}", flush=True)
    print(f"machine: {os.cpu_count()} cores; {datetime.now(UTC):%Y-%m-%d}")


if __name__ == "__main__":
    main()
