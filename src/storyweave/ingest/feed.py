"""RSS and Atom feeds (.rss, .atom, .xml): one article per entry, through feedparser."""

from __future__ import annotations

import re
import time
from collections.abc import Iterator
from datetime import UTC, datetime
from typing import Any

import feedparser
import lxml.html
from lxml import etree

from storyweave.ingest._errors import EmptyFeed, UnreadableInput
from storyweave.ingest.dates import parse_published
from storyweave.ingest.outlet import resolve_outlet
from storyweave.ingest.source import InputFile
from storyweave.models import Article, Skipped

__all__ = ["html_to_text", "read_feed", "web_url"]

NO_TEXT = "the feed entry has no text (neither content nor summary)"
_SPACES = re.compile(r"\s+")
_HTML_TYPES = ("text/html", "application/xhtml+xml")
# Elements that end a paragraph of the text: each becomes a line of its own.
_BLOCKS = frozenset(
    "p div li h1 h2 h3 h4 h5 h6 blockquote pre tr table ul ol dl dt dd section article header footer "
    "figure figcaption aside address hr br".split()
)


def read_feed(source: InputFile) -> Iterator[Article | Skipped]:
    """Read every entry of an RSS or Atom feed; an entry without text is skipped, the rest still read."""
    data = _CHARACTER_REFERENCE.sub(_valid_reference, source.read_bytes())
    parsed = feedparser.parse(data, sanitize_html=True, resolve_relative_uris=True)
    entries = parsed.get("entries") or []
    if not parsed.get("version") and not entries:
        problem = parsed.get("bozo_exception")
        detail = f" ({type(problem).__name__}: {problem})" if problem else ""
        raise UnreadableInput(f"not an RSS or Atom feed{detail}")
    if not entries:
        raise EmptyFeed("the feed has no entries")
    feed = parsed.get("feed") or {}
    feed_title = _plain(feed.get("title_detail"), feed.get("title"))
    feed_link = web_url(feed.get("link"))
    for number, entry in enumerate(entries, start=1):
        try:
            yield _read_entry(source, entry, number, feed_title, feed_link)
        except Exception as err:  # one entry's problem costs that entry only
            yield Skipped(f"{source.where} entry {number}", f"could not read the entry ({type(err).__name__})")


# "&#xD800;", "&#0;": references to code points no text may hold (feedparser fails on them)
_CHARACTER_REFERENCE = re.compile(rb"&#(?:[xX]([0-9a-fA-F]+)|([0-9]+));")


def _valid_reference(found: re.Match[bytes]) -> bytes:
    digits = found.group(1) or found.group(2)
    if len(digits.lstrip(b"0")) > 8:
        return b"&#xFFFD;"  # beyond any code point (and beyond what int() may read)
    code = int(found.group(1), 16) if found.group(1) else int(found.group(2))
    usable = code in (0x9, 0xA, 0xD) or (0x20 <= code <= 0x10FFFF and not 0xD800 <= code <= 0xDFFF)
    return found.group(0) if usable else b"&#xFFFD;"


def _read_entry(
    source: InputFile, entry: Any, number: int, feed_title: str, feed_link: str | None
) -> Article | Skipped:
    where = f"{source.where} entry {number}"
    text = _entry_text(entry)
    if not text:
        return Skipped(where, NO_TEXT)
    url = web_url(entry.get("link"))
    return Article.create(
        text,
        resolve_outlet(feed_title, feed_link or url, source.path),
        title=_plain(entry.get("title_detail"), entry.get("title")),
        url=url,
        published=_published(entry),
        language=_language(entry),
        origin=source.origin(),
    )


def _entry_text(entry: Any) -> str:
    """The longest of the entry's contents, else its summary, as plain text."""
    candidates = [_plain(item, item.get("value")) for item in entry.get("content") or []]
    best = max(candidates, key=len, default="")
    return best or _plain(entry.get("summary_detail"), entry.get("summary"))


def _plain(detail: Any, value: Any) -> str:
    """A feed text construct as plain text: HTML ones lose their markup, paragraphs become lines."""
    if not isinstance(value, str) or not value.strip():
        return ""
    kind = (detail or {}).get("type", "text/html")
    if kind in _HTML_TYPES:
        return html_to_text(value)
    return "\n\n".join(" ".join(line.split()) for line in value.splitlines() if line.strip())


def html_to_text(markup: str) -> str:
    """The text of an HTML fragment, one paragraph per block element, blank lines between them."""
    try:
        root = lxml.html.fragment_fromstring(markup, create_parent="div")
    except (etree.ParserError, ValueError):
        return ""
    for unwanted in root.xpath(".//script | .//style | .//noscript"):
        unwanted.drop_tree()
    for element in root.iter():
        element.text, element.tail = _squash(element.text), _squash(element.tail)  # source line breaks are spaces
        if isinstance(element.tag, str) and element.tag.lower() in _BLOCKS:
            element.tail = "\n" + element.tail
            if element.tag.lower() != "br":
                element.text = "\n" + element.text
    lines = (" ".join(line.split()) for line in root.text_content().split("\n"))
    return "\n\n".join(line for line in lines if line)


def _squash(text: str | None) -> str:
    return _SPACES.sub(" ", text) if text else ""


def web_url(link: Any) -> str | None:
    """An entry's link when it is a web address (feedparser also offers ids such as "urn:...")."""
    link = link.strip() if isinstance(link, str) else ""
    return link if link.lower().startswith(("http://", "https://")) else None


def _published(entry: Any) -> datetime | None:
    for key in ("published", "updated", "created"):
        parsed = parse_published(entry.get(key))
        if parsed is not None:
            return parsed
    for key in ("published_parsed", "updated_parsed"):
        value = entry.get(key)
        if isinstance(value, time.struct_time):  # feedparser's own reading, in UTC
            return datetime(*value[:6], tzinfo=UTC)
    return None


def _language(entry: Any) -> str:
    for detail in (entry.get("content") or [None])[0], entry.get("summary_detail"), entry.get("title_detail"):
        language = (detail or {}).get("language")
        if isinstance(language, str) and language.strip():
            return language.strip().split("-")[0].lower()
    return "en"
