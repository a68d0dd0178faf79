"""The analyse stage: one story's articles -> Analysis (claims, facts, quotes, entities, timeline, coverage,
framing)."""

from __future__ import annotations

from storyweave.analysis.alignment import StoryMatrix
from storyweave.analysis.claims import build_claims, coverage
from storyweave.analysis.entities import build_index, profiles
from storyweave.analysis.facts import group_facts
from storyweave.analysis.framing import framing
from storyweave.analysis.quotes import build_quotes
from storyweave.analysis.spellings import spelling_conflicts
from storyweave.analysis.support import Support, decide
from storyweave.analysis.syndication import syndication_groups
from storyweave.analysis.timeline import build_timeline
from storyweave.models import Analysis, AnnotatedArticle, PieceKind
from storyweave.nlp.syntax import Parser


def analyse(
    articles: list[AnnotatedArticle],
    matrix: StoryMatrix | None = None,
    support: Support | None = None,
    parser: Parser | None = None,
    pieces: list[PieceKind] | None = None,
) -> Analysis:
    """Cross-source analysis of one story; pass the story's matrix, support decisions and opinion pieces when
    already made. ``parser`` is the models' dependency parser (``Models.parser``; this process's when not
    given)."""
    if parser is None:
        from storyweave.nlp.loader import load_parser

        parser = load_parser()
    matrix = matrix or StoryMatrix.build(articles)
    support = support or decide(matrix)
    syndication = syndication_groups(articles)
    claims = build_claims(support, syndication)
    index = build_index(matrix)
    return Analysis(
        claims=claims,
        facts=spelling_conflicts(support) + group_facts(support, syndication),
        quotes=build_quotes(support, index, parser),
        entities=profiles(matrix, index),
        timeline=build_timeline(support),
        coverage=coverage(claims, len(articles), syndication),
        syndication=[[a + 1 for a in group] for group in syndication if len(group) > 1],
        framing=framing(articles, claims, pieces),
    )
