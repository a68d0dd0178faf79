"""How each outlet put the story: its headline, the words it chose where the others chose other words, and
whether the piece is opinion or analysis rather than news.

- **Headlines** side by side, each with the words no other outlet uses in its headline or lead ("ambushed"
  where the others write "confronted"): the words that carry one outlet's framing.
- **Wording** (``wording``): the parts of shared claims that outlets name in different words.
- **Pieces** (``voice``): the articles that are opinion or analysis, and what shows it.
"""

from __future__ import annotations

from collections.abc import Sequence

from storyweave.analysis.alignment import STOP_WORDS, headline_and_lead, word_stem
from storyweave.analysis.voice import piece_kinds
from storyweave.analysis.wording import TOKEN, wording
from storyweave.models import AnnotatedArticle, Claim, Framing, Headline, PieceKind

__all__ = ["framing", "headlines"]

LEAD_SENTENCES = 3  # a headline's words are looked for in the other outlets' headlines and these first sentences


def framing(
    articles: Sequence[AnnotatedArticle], claims: Sequence[Claim], pieces: list[PieceKind] | None = None
) -> Framing:
    """The story's framing section: headlines, differing wording of shared claims, opinion and analysis pieces
    (``piece_kinds``, when not given)."""
    return Framing(headlines(articles), wording(claims), piece_kinds(articles) if pieces is None else pieces)


def headlines(articles: Sequence[AnnotatedArticle]) -> list[Headline]:
    """Every titled article's headline, with the words of it that no other article uses near its top."""
    tops = [headline_and_lead(a, LEAD_SENTENCES) for a in articles]
    shown = []
    for n, annotated in enumerate(articles):
        title = " ".join(annotated.article.title.split())
        if not title:
            continue
        elsewhere = frozenset().union(*(words for k, words in enumerate(tops) if k != n))
        own = [] if not elsewhere else _own_words(title, elsewhere)
        shown.append(Headline(source=n + 1, text=title, own_words=own))
    return shown


def _own_words(title: str, elsewhere: frozenset[str]) -> list[str]:
    own: list[str] = []
    for token in TOKEN.findall(title):
        key = token.lower().strip("'’-")
        if key in STOP_WORDS or len(key) < 3 or (not key.isalpha() and not key.replace("-", "").isalpha()):
            continue
        if word_stem(key) not in elsewhere and token not in own:
            own.append(token)
    return own
