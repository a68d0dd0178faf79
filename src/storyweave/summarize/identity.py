"""A story's identity, one rule each, used by the store, the corpus tables, the web page and a brief of files.

The id is made from the founding article, so a story keeps it as it grows. The title is the headline whose
words the other outlets share most: each headline's content words are looked up in the other outlets'
headlines and leads (their first three sentences), and the headline with the largest share found wins. A
word only one outlet uses ("ambushed", "slammed") counts against its headline, so the title is the outlets'
common account rather than one outlet's framing; a tie goes to the headline with more such words, then to
the earliest article.
"""

from __future__ import annotations

import hashlib
from collections import Counter
from collections.abc import Sequence
from datetime import UTC, datetime

from storyweave.analysis.alignment import content_words, headline_and_lead
from storyweave.models import AnnotatedArticle

LEAD_SENTENCES = 3  # what of another article a headline's words are looked for in, with its headline
TITLE_WORDS = 12  # an untitled story is named by the first words of its founding article


def story_id(articles: Sequence[AnnotatedArticle]) -> str:
    """A story's one id: made from its founding article (the earliest published; undated ones after dated
    ones; then the smallest article id), so a story keeps its id as it grows, whatever order its articles come
    in."""
    founder = min(articles, key=founding_order)
    return "s" + hashlib.sha1(founder.id.encode()).hexdigest()[:12]


def founding_order(annotated: AnnotatedArticle) -> tuple[bool, datetime, str]:
    """Articles by publication time, undated ones last, then by id: the first one founded the story."""
    published = annotated.article.published
    if published is not None and published.tzinfo is None:
        published = published.replace(tzinfo=UTC)  # an Article made by hand may carry a naive time
    return (published is None, published or _EPOCH, annotated.id)


_EPOCH = datetime(1970, 1, 1, tzinfo=UTC)


def story_title(articles: Sequence[AnnotatedArticle]) -> str:
    """A story's one title: the headline the outlets share most (see the module), or the first words of the
    founding article when no article has a headline."""
    ordered = sorted(articles, key=founding_order)
    if not ordered:
        return "Untitled story"
    said = [headline_and_lead(a, LEAD_SENTENCES) for a in ordered]
    outlets_using = Counter(w for words in said for w in words)  # how many articles use each word
    best: tuple[float, int, int] | None = None
    title = ""
    for n, article in enumerate(ordered):
        headline = article.article.title.strip()
        words = content_words(headline)
        if not headline or not words:
            continue
        shared = sum(outlets_using[w] > (w in said[n]) for w in words)  # another article uses it too
        score = (shared / len(words), shared, -n)
        if best is None or score > best:
            best, title = score, headline
    return title or _opening(ordered[0])


def _opening(article: AnnotatedArticle) -> str:
    text = article.sentences[0].text if article.sentences else article.article.text
    words = text.split()
    return " ".join(words[:TITLE_WORDS]) + ("…" if len(words) > TITLE_WORDS else "") or "Untitled story"
