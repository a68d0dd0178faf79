"""Following feeds against a real server on 127.0.0.1: new entries, conditional requests, robots.txt, servers
that fail or hang, redirect loops, huge pages, pages that are not HTML, broken feeds, one article in two
feeds."""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import replace
from datetime import timedelta
from pathlib import Path

import pytest

from feed_server import Site, feed_route, huge_route, page_route, rss, send, serve_site, slow_route
from storyweave.follow import Fetcher, FetchSettings, Round, canonical_url, follow_round, read_opml
from storyweave.follow.check import utc_now
from storyweave.nlp import annotate
from storyweave.store import Store
from storyweave.stories.store_sync import place_new

pytestmark = pytest.mark.models

FAST = FetchSettings(timeout=1.0, max_bytes=1_000_000, max_redirects=3, retries=1, backoff=0.05, host_delay=0.0)
PARAGRAPHS = [
    "The Island Wren ferry ran aground on the Tessel Bank off Port Avery on Tuesday evening.",
    "All 212 passengers and 18 crew were brought ashore by lifeboats from Port Avery and Keswyn.",
    "The operator, Northline Ferries, said an inquiry would begin on Thursday.",
]


@pytest.fixture
def site() -> Iterator[Site]:
    with serve_site() as served:
        yield served


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    with Store.open(tmp_path / "follow.sqlite") as opened:
        yield opened


@pytest.fixture
def fetcher() -> Iterator[Fetcher]:
    with Fetcher(FAST) as made:
        yield made


def _round(store: Store, fetcher: Fetcher, models, *, later: float = 0) -> Round:  # type: ignore[no-untyped-def]
    def annotate_them(articles, rejected):  # type: ignore[no-untyped-def]
        return list(annotate(articles, models, rejected=rejected))

    return follow_round(store, fetcher, annotate_them, place_new, now=utc_now() + timedelta(hours=later))


def _page(site: Site, path: str, title: str, *extra: str) -> str:
    site.routes[path] = page_route(title, [*PARAGRAPHS, *extra])
    return site.url(path)


def test_new_entries_are_fetched_and_a_304_is_honoured(site: Site, store: Store, fetcher: Fetcher, models) -> None:  # type: ignore[no-untyped-def]
    items = [("Ferry aground", _page(site, "/a1", "Ferry aground off Port Avery"), "A ferry ran aground.")]
    version = {"etag": '"v1"'}
    site.routes["/feed.xml"] = feed_route(lambda: rss("Harbour Ledger", items), lambda: version["etag"])
    store.subscribe([site.url("/feed.xml")], 900)

    first = _round(store, fetcher, models)
    assert (first.feeds, first.new, first.failed) == (1, 1, {})
    assert store.counts()["articles"] == 1 and store.stories()
    stored = next(store.iter_articles())
    assert "Northline Ferries" in stored.text  # the page's text, not the feed's one-line summary
    assert stored.url == site.url("/a1") and stored.outlet == "Harbour Ledger"

    second = _round(store, fetcher, models, later=1)  # due again: the server answers 304
    assert site.headers_seen["/feed.xml"].get("If-None-Match") == '"v1"'
    assert second.new == 0 and store.subscriptions()[0].last_result == "not modified"

    items.append(("Inquiry opens", _page(site, "/a2", "Inquiry into the grounding opens", "It opened today."), "x"))
    version["etag"] = '"v2"'
    third = _round(store, fetcher, models, later=2)
    assert third.new == 1 and store.counts()["articles"] == 2
    assert site.hits["/a1"] == 1  # an entry seen before is not fetched again
    assert store.subscriptions()[0].last_result == "1 new article"


def test_failing_and_hanging_feeds_back_off_while_the_others_go_on(  # type: ignore[no-untyped-def]
    site: Site, store: Store, fetcher: Fetcher, models
) -> None:
    site.routes["/good.xml"] = lambda h: send(
        h, 200, rss("Good", [("Ferry", _page(site, "/g", "Ferry"), "s")]), "application/rss+xml"
    )
    site.routes["/broken.xml"] = lambda h: send(h, 500, b"oops", "text/plain")
    site.routes["/slow.xml"] = slow_route(3.0)
    store.subscribe([site.url(p) for p in ("/good.xml", "/broken.xml", "/slow.xml")], 900)
    started = time.monotonic()
    report = _round(store, fetcher, models)
    assert time.monotonic() - started < 15
    assert report.new == 1
    assert report.failed == {site.url("/broken.xml"): "HTTP 500", site.url("/slow.xml"): "timed out after 1 s"}
    assert site.hits["/broken.xml"] == 2  # one retry after the 500
    state = {s.url: s for s in store.subscriptions()}
    for path in ("/broken.xml", "/slow.xml"):
        failed = state[site.url(path)]
        assert failed.failures == 1 and failed.last_success is None and "next try in 30 min" in failed.last_result
        assert failed.next_check - failed.last_checked >= timedelta(seconds=1800)  # type: ignore[operator]
    good = state[site.url("/good.xml")]
    assert good.failures == 0 and good.next_check - good.last_checked <= timedelta(seconds=901)  # type: ignore[operator]


def test_robots_txt_redirect_loops_and_broken_feeds_are_reasons_not_crashes(  # type: ignore[no-untyped-def]
    site: Site, store: Store, fetcher: Fetcher, models
) -> None:
    site.routes["/robots.txt"] = lambda h: send(h, 200, b"User-agent: *\nDisallow: /private/\n", "text/plain")
    site.routes["/private/feed.xml"] = lambda h: send(h, 200, rss("Secret", []), "application/rss+xml")
    site.routes["/loop.xml"] = lambda h: send(h, 302, Location="/loop.xml")
    site.routes["/bad.xml"] = lambda h: send(h, 200, b"<html><body>Moved to our app!</body></html>", "text/xml")
    site.routes["/half.xml"] = lambda h: send(h, 200, b"<rss><channel><item><title>half", "application/rss+xml")
    store.subscribe([site.url(p) for p in ("/private/feed.xml", "/loop.xml", "/bad.xml", "/half.xml")], 900)
    report = _round(store, fetcher, models)
    assert report.failed[site.url("/private/feed.xml")] == "robots.txt disallows it"
    assert site.hits["/private/feed.xml"] == 0  # never asked for
    assert report.failed[site.url("/loop.xml")] == "more than 3 redirects"
    assert report.failed[site.url("/bad.xml")].startswith("not a feed we can read")
    assert site.url("/half.xml") not in report.failed  # a cut-off feed: its entry has no text, and says so
    assert [s.reason for s in report.skipped] == ["the feed entry has no text (neither content nor summary)"]
    assert site.hits["/robots.txt"] == 1  # read once per site


def test_huge_pages_are_cut_and_other_types_fall_back_to_the_feeds_text(  # type: ignore[no-untyped-def]
    site: Site, store: Store, fetcher: Fetcher, models
) -> None:
    site.routes["/huge"] = huge_route(50)
    site.routes["/report.pdf"] = lambda h: send(h, 200, b"%PDF-1.4 not html", "application/pdf")
    summary = " ".join(PARAGRAPHS)
    items = [("Huge page", site.url("/huge"), summary), ("A PDF", site.url("/report.pdf"), summary + " Also a PDF.")]
    site.routes["/feed.xml"] = lambda h: send(h, 200, rss("Wire", items), "application/rss+xml")
    store.subscribe([site.url("/feed.xml")], 900)
    started = time.monotonic()
    report = _round(store, fetcher, models)
    assert time.monotonic() - started < 20  # 50 MB were not read: the page was cut at 1 MB
    assert report.new == 2 and report.from_feed_text >= 1
    texts = {a.url: a.text for a in store.iter_articles()}
    assert texts[site.url("/report.pdf")].startswith("The Island Wren ferry ran aground")  # the feed's text


def test_one_article_in_two_feeds_is_fetched_and_stored_once(  # type: ignore[no-untyped-def]
    site: Site, store: Store, fetcher: Fetcher, models
) -> None:
    url = _page(site, "/story?id=7", "Ferry aground")
    site.routes["/one.xml"] = lambda h: send(h, 200, rss("One", [("Ferry", url, "s")]), "application/rss+xml")
    tracked = url + "&utm_source=rss#top"
    site.routes["/two.xml"] = lambda h: send(h, 200, rss("Two", [("Ferry!", tracked, "s")]), "application/rss+xml")
    assert canonical_url(tracked) == canonical_url(url)
    store.subscribe([site.url("/one.xml"), site.url("/two.xml")], 900)
    report = _round(store, fetcher, models)
    assert report.new == 1 and store.counts()["articles"] == 1
    assert site.hits["/story?id=7"] == 1


def test_opml_lists_its_feeds_and_bad_files_are_one_line_errors(tmp_path: Path) -> None:
    opml = tmp_path / "subs.opml"
    opml.write_text(
        '<?xml version="1.0"?><opml version="2.0"><body><outline text="News">'
        '<outline type="rss" xmlUrl="https://a.example/feed.xml"/><outline xmlUrl="https://b.example/rss"/>'
        '</outline><outline xmlUrl="javascript:alert(1)"/><outline xmlUrl="https://a.example/feed.xml"/></body></opml>'
    )
    assert read_opml(opml) == ["https://a.example/feed.xml", "https://b.example/rss"]
    broken = tmp_path / "broken.opml"
    broken.write_text("<opml><body><outline")
    with pytest.raises(Exception, match="is not OPML"):
        read_opml(broken)


# The CLI, killed with SIGKILL once a round's articles are stored and before the feeds' results are recorded.
KILLED_AFTER_STORING = """
import os, signal, sys
import storyweave.store.feeds as target
def killed(*args, **kwargs):
    os.kill(os.getpid(), signal.SIGKILL)
target.FeedMethods.remember_entries = killed
from storyweave.cli import main
sys.argv = ["storyweave", *sys.argv[1:]]
main()
"""


def _cli(*args: str, patch: str | None = None) -> subprocess.CompletedProcess[str]:
    program = ["-c", patch] if patch else ["-m", "storyweave"]
    return subprocess.run(
        [sys.executable, *program, *args],
        capture_output=True,
        text=True,
        env={**os.environ, "COLUMNS": "200"},
        timeout=180,
    )


def test_follow_killed_mid_round_loses_nothing_and_resumes(site: Site, tmp_path: Path) -> None:
    items = [
        ("Ferry aground", _page(site, "/k1", "Ferry aground off Port Avery"), "s"),
        ("Inquiry opens", _page(site, "/k2", "Inquiry opens", "The inquiry opened on Thursday morning."), "s"),
    ]
    site.routes["/feed.xml"] = lambda h: send(h, 200, rss("Harbour Ledger", items), "application/rss+xml")
    db = tmp_path / "killed.sqlite"
    killed = _cli("follow", site.url("/feed.xml"), "--db", str(db), "--once", patch=KILLED_AFTER_STORING)
    assert killed.returncode == -signal.SIGKILL
    with sqlite3.connect(db) as connection:
        assert connection.execute("SELECT count(*) FROM articles").fetchone()[0] == 2  # committed before the kill
        assert connection.execute("SELECT count(*) FROM feed_entries").fetchone()[0] == 0

    again = _cli("follow", "--db", str(db), "--once")  # the subscription was kept: no address needed
    assert again.returncode == 0, again.stderr
    assert "checked 1 feed: 0 new articles" in again.stderr
    with sqlite3.connect(db) as connection:
        assert connection.execute("SELECT count(*) FROM articles").fetchone()[0] == 2
        assert connection.execute("SELECT count(*) FROM feed_entries").fetchone()[0] == 2
        unplaced = connection.execute(
            "SELECT count(*) FROM articles a WHERE NOT EXISTS (SELECT 1 FROM story_members m WHERE m.article_id = a.id)"
        ).fetchone()[0]
        assert unplaced == 0  # the killed round's articles were placed on the next one
    listed = json.loads(_cli("feeds", "--db", str(db), "--json").stdout)
    assert [(f["url"], f["failures"], f["last_result"]) for f in listed] == [
        (site.url("/feed.xml"), 0, "0 new articles")
    ]
    assert _cli("feeds", "remove", site.url("/feed.xml"), "--db", str(db)).returncode == 0
    gone = _cli("feeds", "remove", site.url("/feed.xml"), "--db", str(db))
    assert gone.returncode == 2 and "not following" in gone.stderr and "Traceback" not in gone.stderr


def test_follow_refuses_what_is_not_a_feed_address_in_one_line(tmp_path: Path) -> None:
    result = _cli("follow", "ftp://example.com/feed", "--db", str(tmp_path / "x.sqlite"), "--once")
    assert result.returncode == 2 and "is not a web address" in result.stderr and "Traceback" not in result.stderr
    result = _cli("follow", "--every", "5s", "--db", str(tmp_path / "x.sqlite"))
    assert result.returncode == 2 and "out of range" in result.stderr


def test_serve_reads_while_follow_writes_and_sigterm_ends_follow_cleanly(site: Site, tmp_path: Path) -> None:
    from fastapi.testclient import TestClient

    from storyweave.web import create_app

    items = [(f"Ferry {n}", _page(site, f"/s{n}", f"Ferry report {n}", f"Report number {n}."), "s") for n in range(4)]
    site.routes["/feed.xml"] = lambda h: send(h, 200, rss("Harbour Ledger", items), "application/rss+xml")
    db = tmp_path / "live.sqlite"
    follower = subprocess.Popen(
        [sys.executable, "-m", "storyweave", "follow", site.url("/feed.xml"), "--db", str(db), "--every", "1m"],
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, "COLUMNS": "200"},
    )
    try:
        answers = []
        with TestClient(create_app(db), base_url="http://localhost") as client:
            deadline = time.monotonic() + 120
            while time.monotonic() < deadline:
                answers += [client.get("/").status_code, client.get("/api/stories").status_code]
                if db.exists() and _placed(db) == 4:
                    break
                time.sleep(0.1)
            stories = client.get("/api/stories").json()["stories"]
        assert set(answers) == {200} and len(answers) > 4
        assert sum(s["articles"] for s in stories) == 4
    finally:
        follower.send_signal(signal.SIGTERM)
        _, errors = follower.communicate(timeout=60)
    assert follower.returncode == 0, errors
    assert "checked 1 feed: 4 new articles" in errors and "Traceback" not in errors


def _placed(db: Path) -> int:
    try:
        with sqlite3.connect(f"file:{db}?mode=ro", uri=True) as connection:
            return int(connection.execute("SELECT count(*) FROM story_members").fetchone()[0])
    except sqlite3.Error:
        return 0  # not created yet


def test_a_json_feed_is_read_and_an_rss_ttl_slows_the_checks(
    site: Site, store: Store, fetcher: Fetcher, models
) -> None:  # type: ignore[no-untyped-def]
    url = _page(site, "/j1", "Ferry aground off Port Avery")
    feed = {
        "version": "https://jsonfeed.org/version/1.1",
        "title": "Coast Wire",
        "items": [{"id": "1", "url": url, "title": "Ferry aground", "content_text": " ".join(PARAGRAPHS)}],
    }
    site.routes["/feed.json"] = lambda h: send(h, 200, json.dumps(feed).encode(), "application/feed+json")
    slow = rss("Slow", []).replace(b"<channel>", b"<channel><ttl>180</ttl>")
    site.routes["/slow.rss"] = lambda h: send(h, 200, slow, "application/rss+xml")
    store.subscribe([site.url("/feed.json"), site.url("/slow.rss")], 900)
    report = _round(store, fetcher, models)
    assert report.new == 1 and next(store.iter_articles()).url == url
    state = {s.url: s for s in store.subscriptions()}
    waited = state[site.url("/slow.rss")].next_check - state[site.url("/slow.rss")].last_checked  # type: ignore[operator]
    assert timedelta(minutes=179) < waited < timedelta(minutes=181)


def test_answers_that_break_parsers_are_reasons_and_the_round_goes_on(  # type: ignore[no-untyped-def]
    site: Site, store: Store, fetcher: Fetcher, models
) -> None:
    site.routes["/gzip.xml"] = lambda h: send(
        h, 200, b"not gzip at all", "application/rss+xml", Content_Encoding="gzip"
    )
    deep = b'{"version": "https://jsonfeed.org/version/1.1", "items": ' + b"[" * 100_000 + b"]" * 100_000 + b"}"
    site.routes["/deep.json"] = lambda h: send(h, 200, deep, "application/feed+json")
    items = [("Bad link", "http://[x/story", " ".join(PARAGRAPHS)), ("Good", _page(site, "/ok", "Ferry aground"), "s")]
    site.routes["/feed.xml"] = lambda h: send(h, 200, rss("Wire", items), "application/rss+xml")
    store.subscribe([site.url(p) for p in ("/gzip.xml", "/deep.json", "/feed.xml")], 900)
    report = _round(store, fetcher, models)
    assert report.failed[site.url("/gzip.xml")].startswith("unusable answer (DecodingError")
    assert report.failed[site.url("/deep.json")].startswith("not a feed we can read: not a JSON Feed")
    assert site.url("/feed.xml") not in report.failed
    assert report.new == 2 and report.from_feed_text == 1  # the entry with a broken link: its feed text


def test_a_robots_txt_that_fails_keeps_the_site_unfetched_with_the_reason(site: Site, store: Store, models) -> None:  # type: ignore[no-untyped-def]
    site.routes["/robots.txt"] = lambda h: send(h, 503, b"busy", "text/plain")
    site.routes["/feed.xml"] = lambda h: send(h, 200, rss("Wire", []), "application/rss+xml")
    store.subscribe([site.url("/feed.xml")], 900)
    with Fetcher(replace(FAST, retries=0)) as fetcher:
        report = _round(store, fetcher, models)
    assert report.failed[site.url("/feed.xml")].startswith("robots.txt could not be read (HTTP 503)")
    assert site.hits["/feed.xml"] == 0


def test_a_malformed_address_is_refused_in_one_line(tmp_path: Path) -> None:
    result = _cli("follow", "http://[x/feed", "--db", str(tmp_path / "x.sqlite"), "--once")
    assert result.returncode == 2 and "is not a web address" in result.stderr and "Traceback" not in result.stderr
    assert not (tmp_path / "x.sqlite").exists()  # refused before anything is stored
    gone = _cli("feeds", "remove", "https://a.example/feed", "--db", str(tmp_path / "none.sqlite"))
    assert gone.returncode == 2 and "no store at" in gone.stderr and not (tmp_path / "none.sqlite").exists()
