"""Quotations matched across articles, with speakers, wording variants and paraphrases.

Speakers: a name resolves to the story's canonical person ("Okafor" -> "Helen
Okafor"); a pronoun to the last person named before the quote in that article;
an organisation ("the BBC") stays as written. The same quotation in two articles
is found by fuzzy matching of the words (trimmed and lightly reworded copies
match); a quotation one article quotes and another only reports is marked as
paraphrased there.
"""

from __future__ import annotations

import re
from dataclasses import replace

from rapidfuzz import fuzz

from storyweave.analysis.alignment import StoryMatrix
from storyweave.analysis.entities import EntityIndex
from storyweave.analysis.quote_spans import find_quotes, quote_sentences
from storyweave.analysis.speakers import SpeakerResolver
from storyweave.analysis.support import Support
from storyweave.analysis.syndication import UnionFind
from storyweave.models import FULL, PARTIAL, AnnotatedArticle, Evidence, Quote, QuoteVariant
from storyweave.nlp.syntax import Parser, Subject, parse_subjects

SAME_QUOTE = 85.0  # rapidfuzz partial ratio on normalised words
_WORDS = re.compile(r"[a-z0-9']+")


def normalise(text: str) -> str:
    return " ".join(_WORDS.findall(text.lower().replace("’", "'")))


def _subjects(articles: list[AnnotatedArticle], parser: Parser) -> list[dict[int, list[Subject]]]:
    """The parsed subjects of the sentences around each article's quotations (one parser pass for the story)."""
    wanted = [(a, i) for a, annotated in enumerate(articles) for i in sorted(quote_sentences(annotated))]
    sentences = [(articles[a].sentences[i].start, articles[a].sentences[i].text) for a, i in wanted]
    parsed = parse_subjects(sentences, parser)
    found: list[dict[int, list[Subject]]] = [{} for _ in articles]
    for (a, i), subjects in zip(wanted, parsed, strict=True):
        found[a][i] = subjects
    return found


def _variants(matrix: StoryMatrix, index: EntityIndex, parser: Parser) -> list[QuoteVariant]:
    variants = []
    parsed = _subjects(matrix.articles, parser)
    for article_index, (flat_start, annotated) in enumerate(zip(matrix.offsets, matrix.articles, strict=True)):
        spans = find_quotes(annotated, parsed[article_index])
        resolver = SpeakerResolver(annotated, spans, index, parsed[article_index])
        for span in spans:
            variants.append(
                QuoteVariant(
                    source=article_index + 1,
                    text=span.text,
                    start=span.start,
                    end=span.end,
                    speaker=resolver.resolve(span),
                    speaker_text=span.speaker_text,
                    cue=span.cue,
                    evidence=matrix.evidence(flat_start + span.sentence),
                )
            )
    return variants


def _same(a: str, b: str) -> bool:
    return fuzz.partial_ratio(a, b) >= SAME_QUOTE if min(len(a), len(b)) >= 20 else a == b


def build_quotes(support: Support, index: EntityIndex, parser: Parser) -> list[Quote]:
    """The story's quotations; ``parser`` (``Models.parser``) finds the speakers that patterns cannot."""
    matrix = support.matrix
    variants = _variants(matrix, index, parser)
    texts = [normalise(v.text) for v in variants]
    groups = UnionFind(len(variants))
    for i in range(len(variants)):
        for j in range(i + 1, len(variants)):
            if variants[i].source != variants[j].source and _same(texts[i], texts[j]):
                groups.union(i, j)
    drafts = []
    for members in groups.groups():
        group = [variants[i] for i in members]
        speakers = [v.speaker for v in group if v.speaker]
        speaker = max(speakers, key=speakers.count) if speakers else None  # ties: the first outlet's, every run
        sources = sorted({v.source for v in group})
        cues = {v.cue for v in group if v.cue}
        drafts.append(
            (
                -len(sources),
                group[0].source,
                group[0].start,
                Quote(
                    id="",
                    text=max((v.text for v in group), key=len),
                    speaker=speaker,
                    variants=group,
                    sources=sources,
                    wording_differs=len({texts[i] for i in members}) > 1,
                    attribution_differs=len(set(speakers)) > 1 or len(cues) > 1,
                    paraphrased_in=_paraphrases(support, group, sources),
                ),
            )
        )
    drafts.sort(key=lambda d: d[:3])
    return [replace(q, id=f"q{n}") for n, (*_, q) in enumerate(drafts, start=1)]


def _paraphrases(support: Support, group: list[QuoteVariant], sources: list[int]) -> list[Evidence]:
    """For each article that does not quote it, its sentence that reports the quotation's sentence (the support
    decision: in full or in part) without quoting it."""
    matrix = support.matrix
    heads = [matrix.flat_index(v.source - 1, v.evidence.sentence) for v in group]
    found = []
    for article in range(len(matrix.articles)):
        if article + 1 in sources:
            continue
        reporting = [support.of(h, article) for h in heads if int(matrix.owner[h]) != article]
        reporting = [d for d in reporting if d.label in {FULL, PARTIAL}]
        if reporting:
            best = max(reporting, key=lambda d: d.support)
            found.append(matrix.evidence(best.rows[0], best.support, best.label))
    return found
