"""The web app over a real store built from examples/: pages, API, safety headers and limits."""

from __future__ import annotations

import html
import re
from collections.abc import Iterator
from pathlib import Path

import pytest

pytest.importorskip("fastapi")
pytest.importorskip("multipart")

from fastapi.testclient import TestClient
from typer.testing import CliRunner

from storyweave.cli import app as cli_app
from storyweave.store import Store
from storyweave.web import create_app

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"
pytestmark = pytest.mark.models


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory, models: object) -> Path:
    path = tmp_path_factory.mktemp("web") / "news.sqlite"
    result = CliRunner().invoke(cli_app, ["ingest", str(EXAMPLES), "--db", str(path)])
    assert result.exit_code == 0, result.output
    return path


@pytest.fixture(scope="module")
def client(db: Path) -> Iterator[TestClient]:
    with TestClient(create_app(db), base_url="http://localhost") as test_client:
        yield test_client


@pytest.fixture(scope="module")
def story_id(db: Path) -> str:
    with Store.open(db, readonly=True) as store:
        records = store.stories()
    ferry = [r for r in records if "ferry" in r.title.lower()]
    assert ferry, [r.title for r in records]
    return ferry[0].id


def test_stories_page_lists_the_ferry_story(client: TestClient, story_id: str) -> None:
    response = client.get("/")
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/html")
    assert f'href="/stories/{story_id}"' in response.text
    assert "Ferry" in response.text or "ferry" in response.text


def test_story_page_has_summary_chips_and_evidence(client: TestClient, story_id: str) -> None:
    response = client.get(f"/stories/{story_id}")
    assert response.status_code == 200
    html = response.text
    assert 'id="summary-heading"' in html
    assert 'class="chip chip-' in html and "data-evidence=" in html
    assert "<blockquote" in html
    assert '<script src="/static/brief.js" defer></script>' in html
    detail = client.get(f"/api/stories/{story_id}").json()
    first = detail["summary"][0]
    assert _escape(first["text"]) in html
    assert _escape(first["evidence"][0]["text"]) in html


def _escape(text: str) -> str:
    from markupsafe import escape

    return str(escape(" ".join(text.split())))


def test_unknown_story_is_a_404_page(client: TestClient) -> None:
    response = client.get("/stories/s000000000000")
    assert response.status_code == 404
    assert response.headers["content-type"].startswith("text/html")
    assert "Not found" in response.text
    api = client.get("/api/stories/s000000000000")
    assert api.status_code == 404
    assert api.json()["status"] == 404


def test_search_finds_and_does_not_find(client: TestClient, story_id: str) -> None:
    assert story_id in client.get("/", params={"q": "FERRY"}).text
    missing = client.get("/", params={"q": "zeppelin"})
    assert story_id not in missing.text
    assert "No story title matches" in missing.text
    assert client.get("/api/stories", params={"q": "ferry"}).json()["total"] >= 1
    assert client.get("/api/stories", params={"q": "zeppelin"}).json() == {
        "total": 0,
        "limit": 20,
        "offset": 0,
        "stories": [],
    }


def test_paging(client: TestClient, story_id: str) -> None:
    total = client.get("/api/stories").json()["total"]
    assert total >= 1
    first = client.get("/", params={"page": 1}).text
    assert f"Page 1 of {max(1, -(-total // 20))}" in first
    beyond = client.get("/", params={"page": 5}).text
    assert story_id not in beyond
    assert client.get("/", params={"page": 0}).status_code == 422
    offset = client.get("/api/stories", params={"offset": total, "limit": 5}).json()
    assert offset["stories"] == [] and offset["limit"] == 5


def test_api_list_shape(client: TestClient, story_id: str) -> None:
    body = client.get("/api/stories").json()
    assert set(body) == {"total", "limit", "offset", "stories"}
    item = next(s for s in body["stories"] if s["id"] == story_id)
    assert set(item) == {"id", "title", "first_published", "last_published", "articles", "outlets"}
    assert item["articles"] >= 2 and isinstance(item["outlets"], list)


def test_api_detail_is_a_valid_brief(client: TestClient, story_id: str) -> None:
    jsonschema = pytest.importorskip("jsonschema")
    from storyweave.document import load_schema

    body = client.get(f"/api/stories/{story_id}").json()
    jsonschema.validate(body, load_schema())
    assert body["story_id"] == story_id


def test_evidence_links_to_its_sentence_marked_inside_the_article(client: TestClient, story_id: str) -> None:
    story = client.get(f"/stories/{story_id}")
    links = re.findall(r'class="in-article" href="([^"]+)"', story.text)
    assert links, "every evidence figure of a stored story links into its article"
    target = html.unescape(links[0])
    article = client.get(target.split("#")[0])
    assert article.status_code == 200
    marked = re.search(r'<mark id="evidence" dir="auto">(.*?)</mark>', article.text, re.S)
    assert marked is not None
    evidence = re.search(r"<blockquote dir=\"auto\">(.*?)</blockquote>", story.text, re.S)
    assert evidence is not None and html.unescape(marked.group(1)) == html.unescape(evidence.group(1))
    assert "Content-Security-Policy" in article.headers


def test_article_page_refuses_articles_of_other_stories_and_bad_offsets(client: TestClient, story_id: str) -> None:
    story = client.get(f"/stories/{story_id}")
    target = html.unescape(re.findall(r'class="in-article" href="([^"#]+)', story.text)[0])
    path = target.split("?")[0]
    assert client.get(path.replace(story_id, "nope")).status_code == 404
    assert client.get(f"/stories/{story_id}/articles/not-an-article").status_code == 404
    unmarked = client.get(path + "?start=50&end=10")  # an empty or reversed span marks nothing
    assert unmarked.status_code == 200 and "<mark" not in unmarked.text
    assert client.get(path + "?start=-1&end=5").status_code == 422


def test_stories_page_orders_by_newest_or_biggest(client: TestClient, story_id: str) -> None:
    newest = client.get("/")
    assert "<strong>newest</strong>" in newest.text and 'href="/?order=biggest"' in newest.text
    biggest = client.get("/?order=biggest")
    assert biggest.status_code == 200 and "<strong>biggest</strong>" in biggest.text
    assert story_id in biggest.text
    assert client.get("/?order=sideways").status_code == 422


def test_stories_changed_since_the_last_look_are_marked(client: TestClient, db: Path) -> None:
    first = client.get("/")
    assert first.status_code == 200 and 'class="badge updated"' not in first.text  # nothing to compare with yet
    assert "storyweave_seen=" in first.headers["set-cookie"] and "httponly" in first.headers["set-cookie"].lower()
    assert 'class="badge updated"' in client.get("/?since=2000-01-01").text  # every story changed since 2000
    assert 'class="badge updated"' not in client.get("/?since=2999-01-01T00:00:00Z").text
    assert client.get("/?since=not-a-time").status_code == 200  # an unreadable time marks nothing
    assert "since 2000-01-01 07:00 UTC" in client.get("/?since=2000-01-01T12:00+05:00").text  # told in UTC
    client.cookies.clear()
    client.cookies.set("storyweave_seen", "2000-01-01T00:00:00+00:00")
    assert "stories with new articles since 2000-01-01 00:00 UTC" in client.get("/").text


def test_a_store_another_process_is_still_creating_reads_as_no_store_yet(tmp_path: Path) -> None:
    """``follow`` creating its store while ``serve`` reads it: the new file has no tables for a moment, and the
    page shows no stories rather than a 503."""
    db = tmp_path / "new.sqlite"
    with TestClient(create_app(db), base_url="http://localhost") as fresh:
        db.touch()  # as the writer's connect leaves it, before its schema is in
        assert fresh.get("/").status_code == 200
        listed = fresh.get("/api/stories")
        assert listed.status_code == 200 and listed.json()["stories"] == []
    assert not Store.ready(db) and not Store.ready(tmp_path / "missing.sqlite")
    Store.open(db).close()  # once set up, it is a store
    assert Store.ready(db)
