"""The web app under load: 1,000 stored stories, 2,000 requests at concurrency 20, on 127.0.0.1 only.

    .venv/bin/python benchmarks/web_load.py [--stories 1000] [--requests 2000] [--concurrency 20]

The four examples/ articles are annotated once; each story is 3 or 4 of them cloned with
new ids, outlets and titles (the clones keep the sentences, entities and embeddings), so
building the store runs the models only once. The app runs under uvicorn in a background
thread; an httpx.AsyncClient sends the mix: 70% GET /api/stories?limit=20&offset=random,
20% GET /stories/{id} (among a few pre-warmed stories: the first view of a story makes and
caches its brief with the models, which is not what this measures) and 10% GET /?q=random.
It stops after the requests are sent or after --max-seconds, and prints throughput,
latency percentiles and errors (non-2xx responses or exceptions).
"""

from __future__ import annotations

import argparse
import asyncio
import random
import socket
import statistics
import sys
import tempfile
import threading
import time
from dataclasses import replace
from pathlib import Path

import httpx
import uvicorn

from storyweave.engines.local import annotate_articles
from storyweave.ingest import read_inputs
from storyweave.models import AnnotatedArticle
from storyweave.store import Store
from storyweave.stories.store_sync import brief_for
from storyweave.web import create_app

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"
HOST = "127.0.0.1"
WORDS = ["ferry", "storm", "island", "story", "harbour", "bank", "wren", "zeppelin", "port", "7"]


def build_store(path: Path, stories: int, seed: int) -> list[str]:
    """Store ``stories`` stories of 3-4 cloned example articles; the story ids, in creation order."""
    result = read_inputs([str(EXAMPLES)])
    base = annotate_articles(result.articles, workers=1)
    rng = random.Random(seed)
    story_ids: list[str] = []
    with Store.open(path) as store:
        for n in range(1, stories + 1):
            picked = rng.sample(base, rng.choice((3, 4)))
            clones: list[AnnotatedArticle] = []
            for k, item in enumerate(picked, start=1):
                article = replace(
                    item.article,
                    id=f"a{n:05d}x{k}",
                    outlet=f"Outlet {k} of story {n}",
                    title=f"Story {n} {item.article.title}",
                    url=None if item.article.url is None else f"{item.article.url}?story={n}",
                )
                clones.append(replace(item, article=article))
            store.add_annotated(clones)
            story_id = f"s{n:012d}"
            store.assign(story_id, [c.id for c in clones], title=clones[0].article.title)
            story_ids.append(story_id)
    return story_ids


def warm(path: Path, story_ids: list[str]) -> None:
    with Store.open(path) as store:
        for story_id in story_ids:
            assert brief_for(store, story_id) is not None


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind((HOST, 0))
        port: int = sock.getsockname()[1]
        return port


def start_server(db: Path, port: int) -> tuple[uvicorn.Server, threading.Thread]:
    config = uvicorn.Config(create_app(db), host=HOST, port=port, log_level="warning", access_log=False)
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not server.started:
        if time.monotonic() > deadline or not thread.is_alive():
            raise RuntimeError("uvicorn did not start")
        time.sleep(0.05)
    return server, thread


def request_paths(count: int, stories: int, warmed: list[str], seed: int) -> list[str]:
    rng = random.Random(seed)
    paths: list[str] = []
    for _ in range(count):
        roll = rng.random()
        if roll < 0.7:
            paths.append(f"/api/stories?limit=20&offset={rng.randrange(stories)}")
        elif roll < 0.9:
            paths.append(f"/stories/{rng.choice(warmed)}")
        else:
            paths.append(f"/?q={rng.choice(WORDS)}")
    return paths


async def load(base: str, paths: list[str], concurrency: int, max_seconds: float) -> tuple[list[float], int, float]:
    """Send the paths from ``concurrency`` workers; (latencies in s, errors, elapsed s)."""
    queue: asyncio.Queue[str] = asyncio.Queue()
    for path in paths:
        queue.put_nowait(path)
    latencies: list[float] = []
    errors: list[str] = []
    start = time.perf_counter()
    limits = httpx.Limits(max_connections=concurrency, max_keepalive_connections=concurrency)

    async with httpx.AsyncClient(base_url=base, limits=limits, timeout=60, trust_env=False) as client:

        async def worker() -> None:
            while not queue.empty() and time.perf_counter() - start < max_seconds:
                path = queue.get_nowait()
                began = time.perf_counter()
                try:
                    response = await client.get(path)
                    if not 200 <= response.status_code < 300:
                        errors.append(f"{response.status_code} {path}")
                except httpx.HTTPError as err:
                    errors.append(f"{type(err).__name__} {path}")
                latencies.append(time.perf_counter() - began)

        await asyncio.gather(*(worker() for _ in range(concurrency)))
    for line in errors[:10]:
        print(f"  error: {line}", file=sys.stderr)
    return latencies, len(errors), time.perf_counter() - start


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--stories", type=int, default=1000)
    parser.add_argument("--requests", type=int, default=2000)
    parser.add_argument("--concurrency", type=int, default=20)
    parser.add_argument("--warm", type=int, default=50, help="stories whose briefs are made before the load")
    parser.add_argument("--max-seconds", type=float, default=300)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()

    with tempfile.TemporaryDirectory(prefix="storyweave-web-load-") as folder:
        db = Path(folder) / "news.sqlite"
        began = time.perf_counter()
        story_ids = build_store(db, args.stories, args.seed)
        built = time.perf_counter() - began
        warmed = random.Random(args.seed).sample(story_ids, min(args.warm, len(story_ids)))
        began = time.perf_counter()
        warm(db, warmed)
        warming = time.perf_counter() - began
        print(f"store: {len(story_ids)} stories built in {built:.1f} s (models run once, on the 4 examples)")
        print(f"warm-up: briefs of the {len(warmed)} stories whose pages are requested made in {warming:.1f} s")

        port = free_port()
        server, thread = start_server(db, port)
        try:
            paths = request_paths(args.requests, len(story_ids), warmed, args.seed)
            latencies, errors, elapsed = asyncio.run(
                load(f"http://{HOST}:{port}", paths, args.concurrency, args.max_seconds)
            )
        finally:
            server.should_exit = True
            thread.join(timeout=10)

    done = len(latencies)
    ms = [1000 * x for x in latencies]
    print(f"requests: {done} of {len(paths)} at concurrency {args.concurrency} in {elapsed:.1f} s")
    print("mix: 70% GET /api/stories?limit=20&offset=N, 20% GET /stories/{warmed id}, 10% GET /?q=word")
    print(f"throughput: {done / elapsed:.1f} requests/s")
    if ms:
        print(
            f"latency ms: p50 {percentile(ms, 0.50):.1f}, p95 {percentile(ms, 0.95):.1f}, "
            f"p99 {percentile(ms, 0.99):.1f}, mean {statistics.fmean(ms):.1f}, max {max(ms):.1f}"
        )
    print(f"errors (non-2xx or exceptions): {errors}")


if __name__ == "__main__":
    main()
