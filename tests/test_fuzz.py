"""Property tests: arbitrary bytes, text, JSON and feed XML through the readers and the brief never raise, and
whatever is read is clean text (no control characters, no lone surrogates) that the brief can use."""

from __future__ import annotations

import json
from xml.sax.saxutils import escape

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from storyweave.ingest.inputs import read_file_bytes
from storyweave.models import Article, Skipped, Story
from storyweave.nlp import annotate
from storyweave.summarize import make_brief

EXTENSIONS = [".txt", ".html", ".jsonl", ".rss", ".atom", ".xml", ".warc", ".warc.gz"]
ANY_TEXT = st.characters(exclude_categories=())  # control characters and lone surrogates included
FUZZ = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _clean(text: str) -> bool:
    return not any(
        (ord(ch) < 32 and ch not in "\t\n\r\f\v") or 0x7F <= ord(ch) <= 0x9F or 0xD800 <= ord(ch) <= 0xDFFF
        for ch in text
    )


def _read(name: str, data: bytes) -> list[Article | Skipped]:
    found = list(read_file_bytes(name, data))
    for item in found:
        assert isinstance(item, Article | Skipped)
        if isinstance(item, Article):
            assert _clean(item.text) and _clean(item.title) and _clean(item.outlet)
            item.text.encode("utf-8")  # storable and printable
        else:
            assert item.reason and "\n" not in item.reason
    return found


@FUZZ
@given(st.sampled_from(EXTENSIONS), st.binary(max_size=4096))
def test_any_bytes_are_read_or_skipped(extension: str, data: bytes) -> None:
    _read("input" + extension, data)


@FUZZ
@given(st.sampled_from([".txt", ".html", ".jsonl"]), st.text(ANY_TEXT, max_size=2000))
def test_any_text_is_read_or_skipped(extension: str, text: str) -> None:
    _read("input" + extension, text.encode("utf-8", "surrogatepass"))


JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(ANY_TEXT, max_size=50),
    lambda children: st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=8), children, max_size=4),
    max_leaves=20,
)
FIELDS = st.sampled_from(["text", "title", "outlet", "url", "published", "date", "language", "source"])


@FUZZ
@given(
    st.lists(st.dictionaries(FIELDS, JSON_VALUES | st.text(ANY_TEXT, max_size=300), max_size=6), min_size=1, max_size=5)
)
def test_any_json_records_cost_only_themselves(records: list[dict[str, object]]) -> None:
    good = {"text": "The harbour wall at Port Lenning reopened on Monday.", "outlet": "Coast Courier"}
    lines = [json.dumps(record, ensure_ascii=True) for record in records] + [json.dumps(good)]
    found = _read("input.jsonl", ("\n".join(lines) + "\n").encode("utf-8"))
    assert any(isinstance(item, Article) and item.outlet == "Coast Courier" for item in found)
    assert len(found) <= len(lines)


ENTRY_TEXT = st.text(max_size=200).map(lambda text: escape(text.encode("utf-8", "replace").decode("utf-8")))
ENTITY = st.sampled_from(["&#xD800;", "&#0;", "&#x1b;", "&#x110000;", "&amp;", "&bogus;", "<![CDATA[x]]>", ""])


@FUZZ
@given(st.lists(st.tuples(ENTRY_TEXT, ENTRY_TEXT, ENTITY), min_size=1, max_size=5))
def test_any_feed_entries_are_read_or_skipped(entries: list[tuple[str, str, str]]) -> None:
    items = "".join(
        f"<item><title>{title}{entity}</title><description>{text}{entity}</description></item>"
        for title, text, entity in entries
    )
    feed = f'<?xml version="1.0"?><rss version="2.0"><channel><title>Fuzz</title>{items}</channel></rss>'
    _read("input.rss", feed.encode("utf-8"))


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.text(ANY_TEXT, min_size=1, max_size=600), min_size=1, max_size=3))
def test_any_text_gets_a_brief(models, texts: list[str]) -> None:  # type: ignore[no-untyped-def]
    articles = [Article.create(text, f"Outlet {n}") for n, text in enumerate(texts) if text.strip()]
    if not articles:
        return
    annotated = list(annotate(articles, models, rejected=[]))
    brief = make_brief(Story(id="fuzz", articles=annotated))
    for sentence in brief.summary:
        assert _clean(sentence.text)
