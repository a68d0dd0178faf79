"""Independence: an outlet that attributes what it reports to another outlet of the story does not corroborate it.

"The Harbour Herald reported that ...", "according to the Harbour Herald", "told Harbour Radio":
the sentence repeats that outlet's reporting. Its support still shows, marked as coming via the
outlet it names, and it does not count as a second independent source.
"""

from __future__ import annotations

import re
from urllib.parse import urlparse

from storyweave.models import AnnotatedArticle

_GENERIC = re.compile(r"^(?:document|article|source|unknown|ecb\+)\b", re.I)
_CUE_BEFORE = (
    r"(?:according\s+to|told|tells|reported\s+by|report(?:ed)?\s+in|interview\s+with|said\s+to|speaking\s+to|"
    r"quoted\s+by|cited\s+by|first\s+reported\s+by|as\s+reported\s+by)\s+(?:the\s+)?(?:[\w’'-]+\s+){0,2}?"
)
_CUE_AFTER = (
    r"(?:['’]s)?\s+(?:first\s+|had\s+|has\s+|previously\s+|earlier\s+)?(?:reported|reports|report|broke|revealed)\b"
)


def outlet_names(articles: list[AnnotatedArticle]) -> list[list[str]]:
    """The names each article's outlet goes by: as given, without a leading "The", and its site's name."""
    names = []
    for annotated in articles:
        article = annotated.article
        found = []
        outlet = " ".join(article.outlet.split())
        if outlet and not _GENERIC.match(outlet):
            found.append(outlet)
            bare = re.sub(r"^the\s+", "", outlet, flags=re.I)
            if bare != outlet:
                found.append(bare)
        host = urlparse(article.url or "").hostname or ""
        label = host.removeprefix("www.").split(".")[0].replace("-", " ")
        if len(label) > 3 and label.lower() not in {n.lower() for n in found}:
            found.append(label)
        names.append(found)
    return names


def _pattern(names: list[str]) -> re.Pattern[str] | None:
    if not names:
        return None
    alternatives = "|".join(re.escape(n).replace(r"\ ", r"\s+") for n in sorted(names, key=len, reverse=True))
    return re.compile(rf"(?:{_CUE_BEFORE}(?:{alternatives})\b|\b(?:{alternatives}){_CUE_AFTER})", re.I)


class Attribution:
    """Finds the outlet of the story a sentence attributes its information to."""

    def __init__(self, articles: list[AnnotatedArticle]) -> None:
        self.patterns = [_pattern(names) for names in outlet_names(articles)]

    def via(self, text: str, exclude: int) -> int | None:
        """The article index whose outlet ``text`` credits (never ``exclude``, the article it is in)."""
        for index, pattern in enumerate(self.patterns):
            if index != exclude and pattern is not None and pattern.search(text):
                return index
        return None
