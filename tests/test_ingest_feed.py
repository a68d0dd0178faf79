"""RSS and Atom feeds: one article per entry, HTML stripped, dates with their zone, empty entries skipped."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

from storyweave.ingest import read_inputs, reader_for
from storyweave.ingest.feed import html_to_text, read_feed
from storyweave.models import Article, Origin

RSS = """<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">
<channel>
  <title>Harbour Radio News</title>
  <link>https://www.harbourradio.example/</link>
  <description>News from the harbour</description>
  <item>
    <title>Ferry runs aground</title>
    <link>https://harbourradio.example/news/ferry</link>
    <pubDate>Tue, 03 Mar 2026 21:15:00 +0100</pubDate>
    <description>A short teaser.</description>
    <content:encoded><![CDATA[<p>The ferry <b>Island Wren</b> ran aground on Tuesday.</p>
      <p>All 212 passengers were rescued.<br/>Three were hurt.</p><script>track()</script>]]></content:encoded>
  </item>
  <item>
    <title>Inquiry opened</title>
    <link>https://harbourradio.example/news/inquiry</link>
    <pubDate>Wed, 04 Mar 2026 08:00:00 GMT</pubDate>
    <description>&lt;p&gt;The coastguard opened an inquiry &amp;amp; sent two inspectors.&lt;/p&gt;</description>
  </item>
  <item>
    <title>Photo gallery</title>
    <link>https://harbourradio.example/news/gallery</link>
  </item>
</channel>
</rss>
"""

ATOM = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <title>The Northern Ledger</title>
  <link href="https://northernledger.example/"/>
  <id>urn:ledger</id>
  <updated>2026-03-05T10:00:00Z</updated>
  <entry>
    <title>Storm warning preceded grounding</title>
    <link href="https://northernledger.example/coast/storm"/>
    <id>urn:ledger:1</id>
    <published>2026-03-04T09:30:00+02:00</published>
    <updated>2026-03-04T12:00:00Z</updated>
    <content type="html">&lt;p&gt;The Met Office had warned of winds of 40 knots.&lt;/p&gt;
      &lt;p&gt;Ferries sailed anyway.&lt;/p&gt;</content>
  </entry>
  <entry>
    <title type="text">Crossings suspended</title>
    <link href="https://northernledger.example/coast/suspended"/>
    <id>urn:ledger:2</id>
    <updated>2026-03-05T10:00:00Z</updated>
    <summary type="text">Northline suspended its crossings until Friday.</summary>
  </entry>
</feed>
"""

UNTITLED_ATOM = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <link href="https://www.wire.example/feed"/>
  <id>urn:wire</id>
  <updated>2026-03-05T10:00:00Z</updated>
  <entry><title>One</title><id>urn:wire:1</id><updated>2026-03-05T10:00:00Z</updated>
    <summary>Wire copy about the ferry.</summary></entry>
</feed>
"""


def _expected(text: str, outlet: str, title: str, url: str, published: datetime, path: Path) -> Article:
    return Article.create(text, outlet, title=title, url=url, published=published, origin=Origin(path=str(path)))


def test_rss_entries_become_articles(tmp_path: Path) -> None:
    path = tmp_path / "harbour.rss"
    path.write_text(RSS, encoding="utf-8")
    result = read_inputs([str(path)])
    assert result.articles == [
        _expected(
            "The ferry Island Wren ran aground on Tuesday.\n\nAll 212 passengers were rescued.\n\nThree were hurt.",
            "Harbour Radio News",
            "Ferry runs aground",
            "https://harbourradio.example/news/ferry",
            datetime(2026, 3, 3, 21, 15, tzinfo=timezone(timedelta(hours=1))),
            path,
        ),
        _expected(
            "The coastguard opened an inquiry & sent two inspectors.",
            "Harbour Radio News",
            "Inquiry opened",
            "https://harbourradio.example/news/inquiry",
            datetime(2026, 3, 4, 8, 0, tzinfo=UTC),
            path,
        ),
    ]
    assert result.articles[0].published is not None and result.articles[0].published.utcoffset() == timedelta(hours=1)
    assert [(s.where, s.reason) for s in result.skipped] == [
        (f"{path} entry 3", "the feed entry has no text (neither content nor summary)")
    ]


def test_atom_entries_become_articles(tmp_path: Path) -> None:
    path = tmp_path / "ledger.atom"
    path.write_text(ATOM, encoding="utf-8")
    result = read_inputs([str(path)])
    assert not result.skipped
    assert result.articles == [
        _expected(
            "The Met Office had warned of winds of 40 knots.\n\nFerries sailed anyway.",
            "The Northern Ledger",
            "Storm warning preceded grounding",
            "https://northernledger.example/coast/storm",
            datetime(2026, 3, 4, 9, 30, tzinfo=timezone(timedelta(hours=2))),
            path,
        ),
        _expected(
            "Northline suspended its crossings until Friday.",
            "The Northern Ledger",
            "Crossings suspended",
            "https://northernledger.example/coast/suspended",
            datetime(2026, 3, 5, 10, 0, tzinfo=UTC),
            path,
        ),
    ]


def test_outlet_falls_back_to_the_feed_host(tmp_path: Path) -> None:
    path = tmp_path / "wire.xml"
    path.write_text(UNTITLED_ATOM, encoding="utf-8")
    (article,) = read_inputs([str(path)]).articles
    assert article.outlet == "wire.example" and article.url is None


def test_xml_that_is_not_a_feed_is_skipped_with_the_reason(tmp_path: Path) -> None:
    (tmp_path / "config.xml").write_text('<?xml version="1.0"?><config><a>1</a></config>', encoding="utf-8")
    (tmp_path / "broken.rss").write_bytes(b"\x00\x01 not xml")
    result = read_inputs([str(tmp_path)])
    assert not result.articles
    assert {(Path(s.where).name, s.reason.split(" (")[0]) for s in result.skipped} == {
        ("broken.rss", "not an RSS or Atom feed"),
        ("config.xml", "not an RSS or Atom feed"),
    }


def test_feed_extensions_are_registered() -> None:
    assert reader_for(".rss") is reader_for(".ATOM") is reader_for(".xml") is read_feed


def test_html_to_text_keeps_paragraphs_and_drops_scripts() -> None:
    markup = "<div><h2>Head</h2><p>One  <i>two</i>\n three.</p><ul><li>a</li><li>b</li></ul><style>x{}</style></div>"
    assert html_to_text(markup) == "Head\n\nOne two three.\n\na\n\nb"
    assert html_to_text("") == ""


def test_character_references_beyond_any_code_point_cost_nothing(tmp_path) -> None:  # type: ignore[no-untyped-def]
    from storyweave.ingest import read_inputs

    path = tmp_path / "refs.rss"
    path.write_text(
        '<?xml version="1.0"?><rss version="2.0"><channel><title>Refs</title>'
        "<item><title>Odd &#99999999999; and &#x1000000000; entry</title><description>The ferry resumed its "
        "crossings to Port Lenning on Tuesday after the storm.</description></item></channel></rss>",
        encoding="utf-8",
    )
    result = read_inputs([str(path)])
    assert not result.skipped and "\ufffd" in result.articles[0].title


def test_json_feed_items_become_articles(tmp_path: Path) -> None:
    feed = tmp_path / "wire.json"
    feed.write_text(
        '{"version": "https://jsonfeed.org/version/1.1", "title": "Coast Wire", "home_page_url": "https://wire.example/",'
        ' "items": [{"id": "1", "url": "https://wire.example/ferry", "title": "Ferry aground",'
        ' "content_html": "<p>The ferry ran aground.</p><p>All were rescued.</p>",'
        ' "date_published": "2026-03-03T21:15:00+01:00"},'
        ' {"id": "2", "title": "Empty"}, "not an item"]}'
    )
    result = read_inputs([str(feed)])
    [article] = result.articles
    assert (article.outlet, article.title, article.url) == ("Coast Wire", "Ferry aground", "https://wire.example/ferry")
    assert article.text == "The ferry ran aground.\n\nAll were rescued."
    assert article.published == datetime(2026, 3, 3, 21, 15, tzinfo=timezone(timedelta(hours=1)))
    assert sorted(s.reason for s in result.skipped) == [
        "the feed entry has no text (neither content nor summary)",
        "the item is not an object",
    ]
    other = tmp_path / "data.json"
    other.write_text('{"rows": [1, 2]}')
    [skipped] = read_inputs([str(other)]).skipped
    assert skipped.reason == "not a JSON Feed (no jsonfeed.org version)"
