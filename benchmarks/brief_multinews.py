"""Brief all clusters of ../shared/data/multinews-dev and print speed and memory.

    .venv/bin/python benchmarks/brief_multinews.py [--workers N] [--limit N]

Prints model load time in a fresh process (first run, when the faster embedding
model is built into an empty cache, and warm), articles per second, seconds per
brief and the peak memory of all processes together. Annotation runs on the
local engine's worker processes; the briefs on forked workers, biggest story
first, as ``storyweave run`` briefs a corpus. Where the brief's time goes is
measured apart, in one process, after the timed run.
"""

from __future__ import annotations

import argparse
import multiprocessing
import os
import platform
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ProcessPoolExecutor

from _memory import TreeMemory
from storyweave.analysis import analyse
from storyweave.analysis.alignment import StoryMatrix
from storyweave.analysis.support import decide
from storyweave.engines.local import annotate_articles, default_workers
from storyweave.eval.datasets import read_multinews, shared_data_file
from storyweave.models import Story
from storyweave.nlp.loader import preload_parser
from storyweave.settings import BriefSettings
from storyweave.summarize import make_brief, story_id
from storyweave.threads import one_thread_each

LOAD_PROBE = (
    "import time; t = time.perf_counter(); from storyweave.nlp import load_models; "
    "load_models(); print(time.perf_counter() - t)"
)


def load_seconds(home: str) -> float:
    env = {**os.environ, "STORYWEAVE_HOME": home}
    probe = subprocess.run([sys.executable, "-c", LOAD_PROBE], check=True, capture_output=True, text=True, env=env)
    return float(probe.stdout)


_STORIES: list[Story] = []  # set before the brief workers fork: they inherit the annotated stories


def _brief_words(index: int) -> int:
    return make_brief(_STORIES[index], BriefSettings()).summary_words


def _brief_all(workers: int) -> list[int]:
    biggest_first = sorted(range(len(_STORIES)), key=lambda i: -len(_STORIES[i].articles))
    if workers < 2:
        return [_brief_words(i) for i in biggest_first]
    preload_parser()  # as the corpus job does before it forks its brief workers
    context = multiprocessing.get_context("fork")
    with ProcessPoolExecutor(workers, mp_context=context, initializer=one_thread_each) as pool:
        return list(pool.map(_brief_words, biggest_first))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    parser.add_argument("--workers", type=int, default=default_workers())
    parser.add_argument("--limit", type=int, default=0, help="only the first N clusters")
    args = parser.parse_args()
    path = shared_data_file("multinews-dev", "clusters.jsonl")
    if path is None:
        print("skipped: ../shared/data/multinews-dev/clusters.jsonl is absent (clone beside shared/)")
        return 0
    clusters = read_multinews(path)[: args.limit or None]
    n_articles = sum(len(c.articles) for c in clusters)

    with tempfile.TemporaryDirectory() as empty_home:
        cold = load_seconds(empty_home)
        warm = load_seconds(empty_home)

    with TreeMemory() as memory, TreeMemory(proportional=True) as shared:
        start = time.perf_counter()
        annotated = annotate_articles([a for c in clusters for a in c.articles], workers=args.workers)
        annotated_at = time.perf_counter()
        offset = 0
        for cluster in clusters:
            members = annotated[offset : offset + len(cluster.articles)]
            offset += len(cluster.articles)
            _STORIES.append(Story(id=story_id(members), articles=members))
        words = sum(_brief_all(args.workers))
        end = time.perf_counter()
    # Where the brief's time goes, measured in a second pass over the same stories (not part of the total).
    deciding = analysing = summarising = 0.0
    for story in _STORIES:
        began = time.perf_counter()
        make_brief(story, BriefSettings())
        summarising += time.perf_counter() - began
        matrix = StoryMatrix.build(story.articles)
        began = time.perf_counter()
        support = decide(matrix)
        decided = time.perf_counter()
        analyse(story.articles, matrix, support)
        deciding, analysing = deciding + decided - began, analysing + time.perf_counter() - decided
    total = end - start
    summarising -= deciding + analysing
    machine = f"{platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}"
    print(f"machine          {machine}, {args.workers} worker(s)")
    print(f"clusters         {len(clusters)} ({n_articles} articles)")
    print(f"model load       {warm:.2f} s warm; {cold:.2f} s on first run (builds the model cache)")
    print(f"total            {total:.1f} s")
    print(f"  annotate       {annotated_at - start:.1f} s")
    print(f"  brief          {end - annotated_at:.1f} s on {args.workers} worker(s); in one process:")
    print(f"    support      {deciding:.1f} s (who reports what: every sentence against every other article)")
    print(f"    summarise    {summarising:.1f} s")
    share = 100 * analysing / (deciding + summarising + analysing)
    print(f"    analyse      {analysing:.1f} s ({share:.0f}% of the brief's time in one process)")
    print(f"articles/s       {n_articles / total:.1f}")
    print(f"s per brief      {total / len(clusters):.3f}")
    print(f"summary words    {words / len(clusters):.0f} per brief")
    print(f"peak memory      {shared.peak_mb:.0f} MB (all processes together, shared pages once)")
    print(f"                 {memory.peak_mb:.0f} MB (their resident sizes added up)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
