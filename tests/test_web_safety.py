"""The web app's briefs of posted articles, escaping, headers and limits."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path

import pytest

pytest.importorskip("fastapi")
pytest.importorskip("multipart")

from fastapi.testclient import TestClient

from storyweave.web import create_app
from storyweave.web.making import MAX_FILE_BYTES, safe_extension

FIRST = (
    "The Lindqvist Bridge over the Marrow River in Tolsby closed on Tuesday after inspectors found cracks in two "
    "of its steel girders. City engineer Hanna Orvik said the bridge would stay closed for at least three weeks. "
    "About 12,000 vehicles cross the bridge every day, according to the city transport office. "
    "Buses will be diverted through the Eastgate tunnel while repairs are carried out."
)
SECOND = (
    "Tolsby has shut the Lindqvist Bridge after inspectors discovered cracks in two steel girders, officials said "
    "on Tuesday. Hanna Orvik, the city engineer, said repairs would keep the bridge closed for at least three "
    "weeks. The bridge carries about 12,000 vehicles a day. Drivers were told to expect delays on the ring road."
)


def post_form(client: TestClient, data: dict | None = None, files: list | None = None):  # type: ignore[no-untyped-def,type-arg]
    """POST /new as the form page does: with the CSRF token it carries (and the cookie it set)."""
    token = re.search(r'name="csrf" value="([^"]+)"', client.get("/new").text)
    assert token is not None
    return client.post("/new", data={**(data or {}), "csrf": token.group(1)}, files=files)


@pytest.fixture(scope="module")
def client(tmp_path_factory: pytest.TempPathFactory) -> Iterator[TestClient]:
    missing_store = tmp_path_factory.mktemp("web-empty") / "none.sqlite"
    with TestClient(create_app(missing_store), base_url="http://localhost") as test_client:
        yield test_client


def _evidence(brief: dict[str, object]) -> list[str]:
    summary = brief["summary"]
    assert isinstance(summary, list)
    return [e["text"] for s in summary for e in s["evidence"]]


@pytest.mark.models
def test_post_brief_cites_the_posted_text(client: TestClient, models: object) -> None:
    body = {
        "articles": [
            {"text": FIRST, "title": "Bridge closed", "outlet": "Tolsby Post", "published": "2026-03-03"},
            {"text": SECOND, "outlet": "Marrow Times"},
        ],
        "words": 80,
    }
    response = client.post("/api/briefs", json=body)
    assert response.status_code == 200, response.text
    brief = response.json()
    jsonschema = pytest.importorskip("jsonschema")
    from storyweave.document import load_schema

    jsonschema.validate(brief, load_schema())
    evidence = _evidence(brief)
    assert evidence
    assert all(text in FIRST or text in SECOND for text in evidence)
    assert {s["outlet"] for s in brief["sources"]} == {"Tolsby Post", "Marrow Times"}


def test_post_brief_validates_the_body(client: TestClient) -> None:
    assert client.post("/api/briefs", json={"articles": []}).status_code == 422
    assert client.post("/api/briefs", json={"articles": [{"title": "no text"}]}).status_code == 422
    schema = client.get("/openapi.json").json()
    assert "BriefRequest" in schema["components"]["schemas"]
    assert "PostedArticle" in schema["components"]["schemas"]


@pytest.mark.models
def test_form_escapes_posted_script(client: TestClient, models: object) -> None:
    hostile = "<script>alert(1)</script> " + FIRST.replace("three weeks.", "three weeks <script>alert(1)</script>.")
    titled = json.dumps({"text": SECOND, "title": "<script>alert(2)</script> bridge", "outlet": "<b>Times</b>"})
    response = post_form(
        client,
        data={"text": [hostile], "words": "200"},
        files=[("files", ("titled.jsonl", titled.encode(), "application/json"))],
    )
    assert response.status_code == 200, response.text
    html = response.text
    assert "<script>alert" not in html and "<b>Times" not in html
    assert "&lt;script&gt;alert(2)&lt;/script&gt; bridge" in html
    assert "&lt;b&gt;Times&lt;/b&gt;" in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert 'class="chip chip-' in html


@pytest.mark.models
def test_form_uploads_files_under_safe_names(client: TestClient, models: object) -> None:
    files = [
        ("files", ("../../etc/first.txt", FIRST.encode(), "text/plain")),
        ("files", ("second.txt", SECOND.encode(), "text/plain")),
        ("files", ("evil.exe", b"MZ", "application/octet-stream")),
    ]
    response = post_form(client, files=files, data={"words": "80"})
    assert response.status_code == 200, response.text
    assert "Skipped file 3" in response.text
    assert "etc/first" not in response.text


def test_form_without_articles_says_so(client: TestClient) -> None:
    response = post_form(client, data={"text": ["", " "]})
    assert response.status_code == 400
    assert 'role="alert"' in response.text


def test_upload_over_the_limit_is_413(client: TestClient) -> None:
    big = [("files", ("big.txt", b"x" * (MAX_FILE_BYTES + 1), "text/plain"))]
    assert post_form(client, files=big).status_code == 413
    many = [("files", (f"f{i}.txt", b"A short text.", "text/plain")) for i in range(11)]
    response = post_form(client, files=many)
    assert response.status_code == 413
    assert "at most 10 files" in response.text
    total = [("files", (f"f{i}.txt", b"y" * (MAX_FILE_BYTES - 10), "text/plain")) for i in range(3)]
    assert post_form(client, files=total).status_code == 413
    huge = client.post(
        "/api/briefs", content=b"{" + b" " * (6 * 1024 * 1024) + b"}", headers={"content-type": "application/json"}
    )
    assert huge.status_code == 413
    assert huge.json()["status"] == 413


@pytest.mark.parametrize(
    "path",
    [
        "/static/../../etc/passwd",
        "/static/..%2F..%2Fetc%2Fpasswd",
        "/static/%2e%2e/%2e%2e/etc/passwd",
        "/static/web.css/../../../etc/passwd",
        "/static/brief.html.j2",
        "/static/__init__.py",
    ],
)
def test_static_paths_never_reach_the_file_system(client: TestClient, path: str) -> None:
    response = client.get(path)
    assert response.status_code == 404
    assert "root:" not in response.text


def test_static_files_are_served(client: TestClient) -> None:
    js = client.get("/static/brief.js")
    assert js.status_code == 200 and js.headers["content-type"].startswith("text/javascript")
    assert client.get("/static/web.css").headers["content-type"].startswith("text/css")


@pytest.mark.parametrize("path", ["/", "/new", "/stories/nope", "/api/stories", "/openapi.json", "/static/web.css"])
def test_security_headers_on_every_response(client: TestClient, path: str) -> None:
    headers = client.get(path).headers
    csp = headers["content-security-policy"]
    assert "default-src 'self'" in csp and "frame-ancestors 'none'" in csp
    assert "unsafe-inline" not in csp
    assert headers["x-content-type-options"] == "nosniff"
    assert headers["referrer-policy"] == "same-origin"


def test_pages_use_no_inline_script_or_other_hosts(client: TestClient) -> None:
    html = client.get("/new").text
    assert "<script>" not in html and "<style>" not in html and "http" not in html
    assert client.get("/docs").status_code == 404


def test_a_missing_store_shows_no_stories(client: TestClient) -> None:
    assert "No stories yet" in client.get("/").text
    assert client.get("/api/stories").json()["total"] == 0


def test_safe_extension_keeps_only_known_extensions() -> None:
    assert safe_extension("../../a/b/c.TXT") == ".txt"
    assert safe_extension("x.warc.gz") == ".warc.gz"
    assert safe_extension("evil.exe") is None
    assert safe_extension("noext") is None
    assert safe_extension("..\\..\\win.html") == ".html"


def test_serve_without_web_extra_explains(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    import builtins
    import sys

    from storyweave.cli import main

    real_import = builtins.__import__

    def no_uvicorn(name: str, *args: object, **kwargs: object) -> object:
        if name == "uvicorn":
            raise ImportError("no uvicorn")
        return real_import(name, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(builtins, "__import__", no_uvicorn)
    monkeypatch.setattr(sys, "argv", ["storyweave", "serve"])
    with pytest.raises(SystemExit) as exited:
        main()
    assert exited.value.code == 2
    err = capsys.readouterr().err
    assert "pip install 'storyweave[web]'" in err
    assert len(err.strip().splitlines()) == 1


@pytest.mark.models
def test_form_stores_articles_only_when_asked(tmp_path: Path, models: object) -> None:
    db = tmp_path / "kept.sqlite"
    with TestClient(create_app(db), base_url="http://localhost") as fresh:
        not_kept = post_form(fresh, data={"text": [FIRST, SECOND], "words": "80"})
        assert not_kept.status_code == 200 and "not stored" in not_kept.text
        assert fresh.get("/api/stories").json()["total"] == 0
        kept = post_form(fresh, data={"text": [FIRST, SECOND], "words": "80", "store": "on"})
        assert kept.status_code == 200 and "now in the store" in kept.text
        listed = fresh.get("/api/stories").json()
        assert listed["total"] >= 1
        assert sum(s["articles"] for s in listed["stories"]) == 2
