"""The web app under load, against a server started in its own process on 127.0.0.1 (this process is the client).

    .venv/bin/python benchmarks/web_load.py [--stories 1000] [--warm 100] [--requests 2000] [--concurrency 20]
                                            [--posts 50]

1. A store of ``--stories`` stories, each 3 or 4 of the examples/ articles cloned with new ids, outlets and titles
   (the models run once, on the four examples); the briefs of ``--warm`` of them are made and cached.
2. ``storyweave serve`` is started on a free port in a process of its own; its brief workers load the models
   (``--settle`` seconds are given to that).
3. **reads**: ``--requests`` GET /stories/{id} of the cached stories at concurrency ``--concurrency``:
   throughput, latency percentiles and errors (anything but 200, or no answer).
4. **reads while briefs are made**: ``--posts`` POST /api/briefs of 4 articles each are sent at once, and story
   pages are read at the same concurrency until every post has its answer: the reads' latency, the posts' answers
   (200, or 503 with Retry-After when the queue is full) and the peak memory of the server and its workers.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import platform
import random
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from collections import Counter
from dataclasses import replace
from pathlib import Path

import httpx

from _memory import TreeMemory
from storyweave.engines.local import annotate_articles
from storyweave.ingest import read_inputs
from storyweave.models import AnnotatedArticle
from storyweave.store import Store
from storyweave.stories.store_sync import brief_for

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"
HOST = "127.0.0.1"


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


def start_server(db: Path, port: int, log: Path) -> subprocess.Popen[bytes]:
    """``storyweave serve`` in a process of its own, once it answers (at most 60 s)."""
    command = [sys.executable, "-m", "storyweave", "serve", "--db", str(db), "--host", HOST, "--port", str(port)]
    with log.open("wb") as sink:
        process = subprocess.Popen(command, stdout=sink, stderr=subprocess.STDOUT)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and process.poll() is None:
        try:
            if httpx.get(f"http://{HOST}:{port}/api/stories?limit=1", timeout=2, trust_env=False).status_code == 200:
                return process
        except httpx.TransportError:
            time.sleep(0.1)
    process.kill()
    raise RuntimeError(f"the server did not start; see {log}")


async def read_pages(
    client: httpx.AsyncClient, paths: list[str], concurrency: int, until: asyncio.Event | None
) -> tuple[list[float], list[str], float]:
    """GET the paths from ``concurrency`` workers (round and round until ``until`` is set, when given):
    (latencies in s, errors, elapsed s)."""
    latencies: list[float] = []
    errors: list[str] = []
    start = time.perf_counter()
    next_path = iter(range(len(paths)) if until is None else iter(int, 1))

    async def worker(offset: int) -> None:
        for n in next_path:
            if until is not None and until.is_set():
                return
            path = paths[(n + offset) % len(paths)]
            began = time.perf_counter()
            try:
                response = await client.get(path)
                if response.status_code != 200:
                    errors.append(f"{response.status_code} {path}")
            except httpx.HTTPError as err:
                errors.append(f"{type(err).__name__} {path}")
            latencies.append(time.perf_counter() - began)

    await asyncio.gather(*(worker(k * 7) for k in range(concurrency)))
    return latencies, errors, time.perf_counter() - start


def brief_request(n: int) -> dict[str, object]:
    """Four example articles, each with a sentence of its own so that no two requests are alike."""
    articles = []
    for k, path in enumerate(sorted(EXAMPLES.glob("*.txt"))):
        text = path.read_text(encoding="utf-8")
        articles.append({"text": f"{text}\n\nRequest {n} adds note {k} on the coverage.", "outlet": path.stem})
    return {"articles": articles, "words": 120}


async def post_briefs(client: httpx.AsyncClient, count: int) -> tuple[Counter[str], list[float]]:
    async def post(n: int) -> tuple[str, float]:
        began = time.perf_counter()
        try:
            response = await client.post("/api/briefs", json=brief_request(n), timeout=600)
            answer = str(response.status_code)
            if response.status_code == 503:
                answer += f" (Retry-After {response.headers.get('retry-after')})"
        except httpx.HTTPError as err:
            answer = type(err).__name__
        return answer, time.perf_counter() - began

    done = await asyncio.gather(*(post(n) for n in range(count)))
    return Counter(answer for answer, _ in done), [took for _, took in done]


async def under_posts(
    base: str, paths: list[str], concurrency: int, posts: int
) -> tuple[list[float], list[str], Counter[str], list[float]]:
    # Two clients: httpcore's pool costs the client CPU in proportion to its connections, for every request.
    reading = httpx.Limits(max_connections=concurrency, max_keepalive_connections=concurrency)
    posting_limits = httpx.Limits(max_connections=posts, max_keepalive_connections=posts)
    async with (
        httpx.AsyncClient(base_url=base, limits=reading, timeout=120, trust_env=False) as reader,
        httpx.AsyncClient(base_url=base, limits=posting_limits, timeout=600, trust_env=False) as poster,
    ):
        finished = asyncio.Event()

        async def posting() -> tuple[Counter[str], list[float]]:
            try:
                return await post_briefs(poster, posts)
            finally:
                finished.set()

        (answers, post_times), (latencies, errors, _) = await asyncio.gather(
            posting(), read_pages(reader, paths, concurrency, finished)
        )
    return latencies, errors, answers, post_times


async def reads_only(base: str, paths: list[str], concurrency: int) -> tuple[list[float], list[str], float]:
    limits = httpx.Limits(max_connections=concurrency, max_keepalive_connections=concurrency)
    async with httpx.AsyncClient(base_url=base, limits=limits, timeout=60, trust_env=False) as client:
        return await read_pages(client, paths, concurrency, None)


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


def latency_line(latencies: list[float]) -> str:
    ms = [1000 * x for x in latencies]
    if not ms:
        return "no requests"
    return (
        f"p50 {percentile(ms, 0.50):.0f} ms, p95 {percentile(ms, 0.95):.0f} ms, p99 {percentile(ms, 0.99):.0f} ms, "
        f"mean {statistics.fmean(ms):.0f} ms, max {max(ms):.0f} ms"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--stories", type=int, default=1000)
    parser.add_argument("--warm", type=int, default=100, help="stories whose briefs are cached before the load")
    parser.add_argument("--requests", type=int, default=2000)
    parser.add_argument("--concurrency", type=int, default=20)
    parser.add_argument("--posts", type=int, default=50, help="concurrent POST /api/briefs in the second part")
    parser.add_argument("--settle", type=float, default=15, help="seconds for the workers to load the models")
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    print(f"machine: {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}")

    with tempfile.TemporaryDirectory(prefix="storyweave-web-load-") as folder:
        db = Path(folder) / "news.sqlite"
        began = time.perf_counter()
        story_ids = build_store(db, args.stories, args.seed)
        warmed = random.Random(args.seed).sample(story_ids, min(args.warm, len(story_ids)))
        warm(db, warmed)
        print(f"store: {len(story_ids)} stories, {len(warmed)} briefs cached, in {time.perf_counter() - began:.1f} s")

        port = free_port()
        server = start_server(db, port, Path(folder) / "server.log")
        base = f"http://{HOST}:{port}"
        try:
            time.sleep(args.settle)
            paths = [f"/stories/{random.Random(n).choice(warmed)}" for n in range(args.requests)]
            latencies, errors, elapsed = asyncio.run(reads_only(base, paths, args.concurrency))
            print(f"\nreads: {len(latencies)} GET /stories/{{id}} (cached briefs) at concurrency {args.concurrency}")
            print(f"  throughput {len(latencies) / elapsed:.1f} requests/s in {elapsed:.1f} s; errors {len(errors)}")
            print(f"  latency {latency_line(latencies)}")
            for line in errors[:5]:
                print(f"  error: {line}")

            began = time.perf_counter()
            with TreeMemory(root=server.pid) as memory:
                latencies, errors, answers, post_times = asyncio.run(
                    under_posts(base, paths, args.concurrency, args.posts)
                )
            took = time.perf_counter() - began
            print(f"\nreads while {args.posts} POST /api/briefs of 4 articles run at once ({took:.1f} s):")
            print(f"  {len(latencies)} reads at concurrency {args.concurrency}: {latency_line(latencies)}")
            print(f"  read errors {len(errors)}")
            print(f"  posts answered: {dict(sorted(answers.items()))}; slowest answer {max(post_times):.1f} s")
            print(f"  server memory, with its brief workers: peak {memory.peak_mb:.0f} MB (summed RSS, sampled)")
            for line in errors[:5]:
                print(f"  error: {line}")
        finally:
            server.terminate()
            server.wait(10)


if __name__ == "__main__":
    main()
