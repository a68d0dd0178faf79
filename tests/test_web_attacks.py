"""The web app as an attacker and a crowd would use it: foreign hosts and cross-site writes refused, headers on
every response, oversized and malformed bodies turned away at once, reads that never wait for a writer."""

from __future__ import annotations

import gzip
import json
import os
import re
import shutil
import signal
import socket
import sqlite3
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from html.parser import HTMLParser
from pathlib import Path

import pytest

pytest.importorskip("fastapi")
pytest.importorskip("multipart")

import httpx
from fastapi.routing import APIRoute
from fastapi.testclient import TestClient
from starlette.routing import Route

from storyweave.store import StoreError
from storyweave.web import api, create_app, data, making, pages, pool
from storyweave.web.guard import CSRF_COOKIE

ARTICLE = "Officials in Tolsby closed the Lindqvist Bridge on Tuesday after inspectors found cracks in a girder."
HEADERS = {
    "content-security-policy": "frame-ancestors 'none'",
    "x-content-type-options": "nosniff",
    "x-frame-options": "DENY",
    "referrer-policy": "same-origin",
}


def assert_headers(response: object) -> None:
    headers = response.headers  # type: ignore[attr-defined]
    for name, part in HEADERS.items():
        assert part in headers.get(name, ""), (response.request.url, response.status_code, name)  # type: ignore[attr-defined]


def token(client: TestClient) -> str:
    found = re.search(r'name="csrf" value="([^"]+)"', client.get("/new").text)
    assert found is not None
    return found.group(1)


@pytest.fixture
def db(tmp_path: Path) -> Path:
    return tmp_path / "store.sqlite"  # not there: anything stored would create it


@pytest.fixture
def client(db: Path) -> Iterator[TestClient]:
    with TestClient(create_app(db), base_url="http://localhost", raise_server_exceptions=False) as test_client:
        yield test_client


def test_a_foreign_host_is_refused(client: TestClient, db: Path) -> None:
    for method, path in (("GET", "/"), ("GET", "/api/stories"), ("POST", "/new"), ("POST", "/api/briefs")):
        response = client.request(method, path, headers={"host": "evil.example"}, content=b"{}")
        assert response.status_code == 400, (method, path)
        assert_headers(response)
    assert client.get("/", headers={"host": "evil.example:8000"}).status_code == 400
    assert client.get("/", headers={"host": "localhost.evil.example"}).status_code == 400
    for trick in ("localhost:80@evil.example", "localhost:evil", "[::1]evil", "localhost evil", ""):
        assert client.get("/", headers={"host": trick}).status_code == 400, trick
    assert client.get("/", headers={"host": "127.0.0.1:8000"}).status_code == 200
    assert client.get("/", headers={"host": "[::1]:8000"}).status_code == 200
    assert not db.exists()


def test_hosts_the_server_was_started_for_are_answered(tmp_path: Path) -> None:
    app = create_app(tmp_path / "none.sqlite", hosts=["news.internal", "0.0.0.0"])
    with TestClient(app, base_url="http://news.internal") as named:
        assert named.get("/").status_code == 200
        assert named.get("/", headers={"host": "0.0.0.0"}).status_code == 400  # a bind-all address is no name


def test_a_cross_site_form_post_stores_nothing(client: TestClient, db: Path) -> None:
    form = {"text": ARTICLE, "store": "on", "csrf": token(client)}
    for foreign in ({"origin": "http://evil.example"}, {"origin": "null"}, {"referer": "http://evil.example/x"}):
        response = client.post("/new", data=form, headers=foreign)
        assert response.status_code == 403, foreign
        assert_headers(response)
    assert not db.exists()


def test_a_form_post_needs_the_token_of_the_cookie(client: TestClient, db: Path) -> None:
    sent = token(client)
    missing = client.post("/new", data={"text": ARTICLE, "store": "on"})
    assert missing.status_code == 403 and "another site" in missing.text
    wrong = client.post("/new", data={"text": ARTICLE, "store": "on", "csrf": sent[::-1]})
    assert wrong.status_code == 403
    strange = client.post("/new", data={"text": ARTICLE, "store": "on", "csrf": "é" * 43})
    assert strange.status_code == 403
    client.cookies.set(CSRF_COOKIE, "chosen-by-someone-else")
    assert token(client) != "chosen-by-someone-else"  # a cookie this server did not make is not taken as a token
    client.cookies.delete(CSRF_COOKIE)
    no_cookie = client.post("/new", data={"text": ARTICLE, "store": "on", "csrf": sent})
    assert no_cookie.status_code == 403
    assert not db.exists()


def test_the_token_cookie_is_strict_and_hidden_from_scripts(client: TestClient) -> None:
    cookie = client.get("/new").headers["set-cookie"].lower()
    assert f"{CSRF_COOKIE}=" in cookie and "samesite=strict" in cookie and "httponly" in cookie


def test_a_cross_site_api_post_is_refused(client: TestClient) -> None:
    body = {"articles": [{"text": ARTICLE}]}
    response = client.post("/api/briefs", json=body, headers={"origin": "http://evil.example"})
    assert response.status_code == 403 and response.json()["status"] == 403


def _concrete(path: str) -> str:
    return re.sub(r"\{[^}]+\}", "nothing-here", path)


def test_every_route_answers_with_the_headers(client: TestClient) -> None:
    routes = [*client.app.routes, *pages.router.routes, *api.router.routes]  # type: ignore[attr-defined]
    walked = 0
    for route in routes:
        if not isinstance(route, APIRoute | Route):
            continue
        for method in sorted(route.methods or ()):
            path = _concrete(route.path)
            response = client.request(method, path, headers={"content-type": "application/json"}, content=b"[")
            assert response.status_code < 500, (method, path)
            assert_headers(response)
            walked += 1
    assert walked >= 11
    statuses = {
        client.get("/nowhere").status_code,  # 404
        client.put("/api/stories").status_code,  # 405
        client.post("/api/briefs", content=b"{}", headers={"content-type": "application/json"}).status_code,  # 422
        client.get("/api/stories?limit=0").status_code,  # 422
    }
    assert statuses == {404, 405, 422}
    assert client.put("/api/stories").headers["allow"] == "GET"


def test_a_server_error_carries_the_headers_and_no_details(client: TestClient, monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(*args: object, **kwargs: object) -> object:
        raise RuntimeError("secret internals")

    monkeypatch.setattr("storyweave.web.pages.find_stories", broken)
    monkeypatch.setattr("storyweave.web.api.find_stories", broken)
    for path in ("/", "/api/stories"):
        response = client.get(path)
        assert response.status_code == 500
        assert "secret internals" not in response.text and "Traceback" not in response.text
        assert_headers(response)


def test_a_store_that_cannot_be_written_answers_503(client: TestClient, monkeypatch: pytest.MonkeyPatch) -> None:
    def locked(*args: object, **kwargs: object) -> object:
        raise StoreError("news.sqlite is locked by another storyweave process", "wait for it or use another --db")

    monkeypatch.setattr("storyweave.web.pages.brief_of", locked)
    response = client.post("/new", data={"text": ARTICLE, "store": "on", "csrf": token(client)})
    assert response.status_code == 503 and "locked by another storyweave process" in response.text
    assert_headers(response)


def test_a_full_queue_answers_503_with_retry_after(client: TestClient, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(pool, "_admitted", pool.BRIEF_WORKERS + pool.BRIEF_QUEUE)
    response = client.post("/api/briefs", json={"articles": [{"text": ARTICLE}]})
    assert response.status_code == 503
    assert response.headers["retry-after"] == str(pool.RETRY_AFTER)
    assert_headers(response)


def test_briefs_made_or_waiting_are_bounded(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(pool, "BRIEF_WORKERS", 1)
    monkeypatch.setattr(pool, "BRIEF_QUEUE", 2)
    release = threading.Event()

    def hold() -> None:
        with pool.admitted():
            release.wait(10)

    threads = [threading.Thread(target=hold) for _ in range(3)]
    for thread in threads:
        thread.start()
    while pool._admitted < 3:
        time.sleep(0.01)
    with pytest.raises(pool.Busy), pool.admitted():
        pass
    release.set()
    for thread in threads:
        thread.join(10)
    assert pool._admitted == 0
    with pool.admitted():  # room again
        assert pool._admitted == 1


def _slow_pid(seconds: float) -> int:
    time.sleep(seconds)
    return os.getpid()


def test_work_asked_for_at_once_is_done_once(monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[int] = []

    def work() -> int:
        calls.append(1)
        time.sleep(0.3)
        return len(calls)

    answers: list[int] = []
    threads = [threading.Thread(target=lambda: answers.append(pool.once("k", work))) for _ in range(5)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(10)
    assert calls == [1] and answers == [1] * 5
    assert pool.once("k", work) == 2  # done work is not remembered: done again


def test_a_crowd_waiting_for_one_brief_is_turned_away(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(pool, "BRIEF_WORKERS", 1)
    monkeypatch.setattr(pool, "BRIEF_QUEUE", 2)
    release = threading.Event()
    outcomes: list[str] = []

    def work() -> str:
        with pool.admitted():  # as pool.run admits the brief itself
            release.wait(10)
        return "made"

    def view() -> None:
        try:
            outcomes.append(pool.once("story", work))
        except pool.Busy:
            outcomes.append("busy")

    threads = [threading.Thread(target=view) for _ in range(6)]
    for thread in threads:
        thread.start()
    deadline = time.monotonic() + 10
    while outcomes.count("busy") < 3 and time.monotonic() < deadline:
        time.sleep(0.01)
    release.set()
    for thread in threads:
        thread.join(10)
    assert sorted(outcomes) == ["busy"] * 3 + ["made"] * 3  # one makes it, two wait, three are told to come back


@pytest.mark.models
def test_briefs_are_made_in_worker_processes_and_a_dead_worker_is_replaced() -> None:
    worker = pool.run(_slow_pid, 0)
    assert worker != os.getpid()
    with pytest.raises(pool.WorkerLost):
        pool.run(os._exit, 1)
    assert pool.run(_slow_pid, 0) not in (os.getpid(), worker)


@pytest.mark.models
def test_a_brief_past_its_time_is_stopped(monkeypatch: pytest.MonkeyPatch) -> None:
    worker = pool.run(_slow_pid, 0)  # started, models loaded
    monkeypatch.setattr(pool, "BRIEF_TIMEOUT", 1)
    with pytest.raises(pool.TookTooLong):
        pool.run(_slow_pid, 30)
    deadline = time.monotonic() + 10  # SIGKILL is delivered asynchronously
    while _state(worker) not in "ZX" and time.monotonic() < deadline:
        time.sleep(0.05)
    assert _state(worker) in "ZX"  # killed (a zombie until reaped) or gone
    monkeypatch.setattr(pool, "BRIEF_TIMEOUT", 120)  # a new worker loads the models first
    assert pool.run(_slow_pid, 0) != worker  # a new worker took its place


def test_an_upload_that_unpacks_too_far_is_413(client: TestClient) -> None:
    bomb = gzip.compress(b"\0" * (making.MAX_UNPACKED_BYTES + 1024 * 1024), 9)
    assert len(bomb) < making.MAX_FILE_BYTES
    response = client.post("/new", data={"csrf": token(client)}, files=[("files", ("a.warc.gz", bomb, "x"))])
    assert response.status_code == 413 and "unpack" in response.text
    assert making._unpacked_size(gzip.compress(b"small" * 1000), making.MAX_UNPACKED_BYTES) == 5000
    assert making._unpacked_size(b"\x1f\x8bnot gzip at all", 10) == 0  # the readers say what it is
    half = gzip.compress(b"\0" * (making.MAX_UNPACKED_BYTES // 2 + 1), 9)  # two of them are too much together
    two = [("files", (f"{n}.warc.gz", half, "x")) for n in range(2)]
    assert client.post("/new", data={"csrf": token(client)}, files=two).status_code == 413


def test_an_article_over_the_cap_is_413_before_any_work(client: TestClient) -> None:
    paragraph = ("word " * (making.MAX_ARTICLE_CHARS // 5 + 10)).encode()
    response = client.post("/new", data={"csrf": token(client)}, files=[("files", ("long.txt", paragraph, "x"))])
    assert response.status_code == 413 and "characters" in response.text
    api = client.post("/api/briefs", json={"articles": [{"text": "x" * (making.MAX_ARTICLE_CHARS + 1)}]})
    assert api.status_code == 422


@pytest.mark.parametrize("text", [b'"abc \\ud800 def"', b'"abc \xed\xa0\x80"', b'"\\udfff"'])
def test_an_invalid_code_point_is_422(client: TestClient, text: bytes) -> None:
    body = b'{"articles": [{"text": ' + text + b"}]}"
    response = client.post("/api/briefs", content=body, headers={"content-type": "application/json"})
    assert response.status_code == 422
    assert response.json()["problems"] and "\\ud800" not in response.text
    assert_headers(response)


@pytest.fixture
def server(tmp_path: Path) -> Iterator[tuple[str, int]]:
    """``storyweave serve`` in its own process on a free local port: (base URL, its process id)."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    command = [sys.executable, "-m", "storyweave", "serve", "--db", str(tmp_path / "s.sqlite"), "--port", str(port)]
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(300):
            try:
                if httpx.get(base + "/api/stories", timeout=1).status_code == 200:
                    break
            except httpx.TransportError:
                time.sleep(0.1)
        else:
            pytest.fail("the server did not start within 30 s")
        yield base, process.pid
    finally:
        process.terminate()
        try:
            process.wait(30)
        except subprocess.TimeoutExpired:
            process.kill()
            raise


def _peak_memory(pid: int) -> int:
    """The peak resident memory in bytes (VmHWM) of the process and its children (the brief workers), summed."""
    total = 0
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            total += int(line.split()[1]) * 1024
    for task in Path(f"/proc/{pid}/task").iterdir():
        for child in (task / "children").read_text().split():
            total += _peak_memory(int(child))
    return total


@pytest.mark.skipif(not Path("/proc/self/status").exists(), reason="reads the server's memory from /proc")
def test_hostile_uploads_are_turned_away_within_a_second_in_little_memory(server: tuple[str, int]) -> None:
    base, pid = server
    with httpx.Client(base_url=base, timeout=30) as http:
        form = http.get("/new")
        sent = re.search(r'name="csrf" value="([^"]+)"', form.text)
        assert sent is not None
        form_data = {"csrf": sent.group(1)}
        paragraph = ("word " * 220_000).encode()  # one paragraph of 1,100,000 characters
        bomb = gzip.compress(b"\0" * 120 * 1024 * 1024, 9)  # about 120 KB that unpacks to 120 MB
        attacks = [
            ("paragraph", lambda: http.post("/new", data=form_data, files=[("files", ("a.txt", paragraph, "x"))])),
            ("bomb", lambda: http.post("/new", data=form_data, files=[("files", ("a.warc.gz", bomb, "x"))])),
            (
                "surrogate",
                lambda: http.post(
                    "/api/briefs",
                    content=b'{"articles": [{"text": "a \\ud800 b"}]}',
                    headers={"content-type": "application/json"},
                ),
            ),
        ]
        for name, attack in attacks:
            started = time.perf_counter()
            response = attack()
            took = time.perf_counter() - started
            assert response.status_code in (413, 422), (name, response.status_code)
            assert took < 1.0, (name, took)
            assert_headers(response)
    assert _peak_memory(pid) < 1024**3


RLO = "\u202e"  # right-to-left override: without isolation it reverses what follows it on screen
BIDI_ARTICLES = [
    {
        "outlet": f"{RLO}Tolsby Post",
        "title": f"Lindqvist Bridge closed {RLO}after cracks found",
        "published": "2026-03-03T09:00:00Z",
        "text": "The Lindqvist Bridge in Tolsby closed on Tuesday after inspectors found cracks in two steel girders. "
        f'"We will not take any risks {RLO}with this bridge," city engineer Hanna Orvik said. '
        "About 12,000 vehicles cross the bridge every day.",
    },
    {
        "outlet": f"Marrow Times{RLO}",
        "title": "Tolsby shuts Lindqvist Bridge",
        "published": "2026-03-03T11:00:00Z",
        "text": "Tolsby shut the Lindqvist Bridge on Tuesday after inspectors discovered cracks in two steel girders. "
        f'"We will not take any risks {RLO}with this bridge," said Hanna Orvik, the city engineer. '
        "The bridge carries about 12,000 vehicles a day.",
    },
]


@pytest.fixture(scope="module")
def stored(tmp_path_factory: pytest.TempPathFactory, models: object) -> tuple[Path, str, str]:
    """A store of the example articles and a two-outlet story with bidi overrides: (path, story, article)."""
    from typer.testing import CliRunner

    from storyweave.cli import app as cli_app
    from storyweave.store import Store

    folder = tmp_path_factory.mktemp("attacks-store")
    source = folder / "bidi.jsonl"
    source.write_text("\n".join(json.dumps(a) for a in BIDI_ARTICLES) + "\n", encoding="utf-8")
    path = folder / "news.sqlite"
    examples = Path(__file__).resolve().parents[1] / "examples"
    for inputs in (examples, source):
        result = CliRunner().invoke(cli_app, ["ingest", str(inputs), "--db", str(path)])
        assert result.exit_code == 0, result.output
    with Store.open(path, readonly=True) as store:
        story = next(r for r in store.stories() if "Lindqvist" in r.title)
        article = store.members(story.id)[0].article_id
    return path, story.id, article


def _pages(story: str, article: str) -> list[str]:
    return ["/", "/?q=bridge", f"/stories/{story}", f"/stories/{story}/articles/{article}", "/new",
            "/api/stories", f"/api/stories/{story}"]  # fmt: skip


class _Isolation(HTMLParser):
    """Collects each text that holds an override and whether a ``<bdi>`` or ``dir="auto"`` element isolates it."""

    def __init__(self) -> None:
        super().__init__()
        self.open: list[bool] = []
        self.found: list[tuple[str, bool]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag not in {"br", "meta", "link", "input", "img", "hr", "wbr"}:
            self.open.append(tag == "bdi" or ("dir", "auto") in attrs)

    def handle_endtag(self, tag: str) -> None:
        if self.open and tag not in {"br", "meta", "link", "input", "img", "hr", "wbr"}:
            self.open.pop()

    def handle_data(self, data: str) -> None:
        if RLO in data:
            self.found.append((data.strip()[:60], any(self.open)))


@pytest.mark.models
def test_bidirectional_text_is_isolated(stored: tuple[Path, str, str]) -> None:
    """Names and titles are shown without overrides; the articles' own words keep theirs, isolated."""
    path, story, article = stored
    with TestClient(create_app(path), base_url="http://localhost") as client:
        found = []
        for url in _pages(story, article)[:4]:
            html = client.get(url).text
            assert "Tolsby Post" in html or "Marrow Times" in html, url
            assert f"{RLO}Tolsby" not in html and f"Times{RLO}" not in html and f"closed {RLO}" not in html
            parser = _Isolation()
            parser.feed(html)
            found.extend(parser.found)
    assert len(found) >= 4  # the quotation, in the summary's evidence, the analysis and the article
    assert [text for text, isolated in found if not isolated] == [], "\n".join(t for t, i in found if not i)


def _make_read_only(folder: Path) -> Iterator[None]:
    """Make ``folder`` and its files unwritable even for root (permissions, then the immutable attribute)."""
    files = [p for p in folder.iterdir() if p.is_file()]
    for item in (*files, folder):
        item.chmod(0o555 if item.is_dir() else 0o444)
    immutable = False
    try:
        (folder / "probe").write_text("x")
    except OSError:
        pass
    else:  # root: permissions do not hold it back
        (folder / "probe").unlink()
        done = subprocess.run(["chattr", "+i", *map(str, files), str(folder)], capture_output=True, check=False)
        immutable = done.returncode == 0
        if not immutable:
            for item in (*files, folder):
                item.chmod(0o755 if item.is_dir() else 0o644)
            pytest.skip("cannot make a folder read-only here (running as root without chattr)")
    try:
        yield
    finally:
        if immutable:
            subprocess.run(["chattr", "-i", *map(str, files), str(folder)], check=False)
        for item in (*files, folder):
            item.chmod(0o755 if item.is_dir() else 0o644)


@pytest.mark.models
def test_a_read_only_store_serves_every_page(stored: tuple[Path, str, str], tmp_path: Path) -> None:
    _, story, article = stored
    folder = tmp_path / "read-only"
    folder.mkdir()
    shutil.copy(stored[0], folder / "news.sqlite")
    for _ in _make_read_only(folder):
        with TestClient(create_app(folder / "news.sqlite"), base_url="http://localhost") as client:
            for url in _pages(story, article):
                response = client.get(url)
                assert response.status_code == 200, (url, response.text[:200])
            assert client.get("/api/stories").json()["total"] >= 2
            data.wait_for_cache_writes()
        assert sorted(p.name for p in folder.iterdir()) == ["news.sqlite"]


@pytest.mark.models
def test_reads_go_on_while_another_process_writes(
    stored: tuple[Path, str, str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from storyweave.store import Store

    _, story, article = stored
    path = tmp_path / "busy.sqlite"
    shutil.copy(stored[0], path)
    with TestClient(create_app(path), base_url="http://localhost") as client:
        monkeypatch.setenv("STORYWEAVE_DB_TIMEOUT", "0.2")  # a read that waited for the lock would fail
        writer = sqlite3.connect(path, isolation_level=None)
        writer.execute("BEGIN IMMEDIATE")
        writer.execute("UPDATE stories SET title = title")
        try:
            for url in _pages(story, article):
                assert client.get(url).status_code == 200, url
        finally:
            writer.execute("COMMIT")
            writer.close()
        data.wait_for_cache_writes()
    with Store.open(path, readonly=True) as store:
        assert store.brief(story) is not None  # the brief made on view was cached once the writer was done


def test_the_form_from_this_site_is_accepted(client: TestClient) -> None:
    form = {"text": " ", "csrf": token(client)}
    for own in ({"origin": "http://localhost"}, {"referer": "http://localhost/new"}, {}):
        response = client.post("/new", data=form, headers=own)
        assert response.status_code == 400 and "Paste article text" in response.text, own  # past the guard


def _children(pid: int) -> list[int]:
    return [int(c) for task in Path(f"/proc/{pid}/task").iterdir() for c in (task / "children").read_text().split()]


@pytest.mark.models
@pytest.mark.skipif(not Path("/proc/self/status").exists(), reason="finds the workers in /proc")
def test_the_brief_workers_end_with_the_server(server: tuple[str, int]) -> None:
    pid = server[1]
    deadline = time.monotonic() + 60
    workers: list[int] = []
    while time.monotonic() < deadline and not workers:  # started with the server, loading the models
        workers = [c for c in _children(pid) if "spawn_main" in Path(f"/proc/{c}/cmdline").read_text()]
        time.sleep(0.2)
    assert workers, "serve starts its brief workers"
    os.kill(pid, signal.SIGTERM)
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline and any(_state(w) not in "ZX" for w in workers):
        time.sleep(0.2)
    alive = [w for w in workers if _state(w) not in "ZX"]
    assert alive == [], "a worker outlived the server"


def _state(pid: int) -> str:
    """The process's state letter ("R", "S", "Z" for a zombie); "X" when it is gone."""
    try:
        status = Path(f"/proc/{pid}/status").read_text()
    except OSError:
        return "X"
    return next((line.split()[1] for line in status.splitlines() if line.startswith("State:")), "X")
