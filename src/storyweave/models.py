"""The data that flows between storyweave's stages.

Every stage is a plain function from these records to these records, so the same
stages run in one process, on a process pool or on Spark executors. Offsets are
character offsets into ``Article.text``: ``article.text[s.start:s.end] == s.text``
holds for every sentence and every piece of evidence.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

import numpy as np


@dataclass(frozen=True, slots=True)
class Origin:
    """Where an article was read from, so any output can point back to it."""

    path: str | None = None
    line: int | None = None  # 1-based line of a JSON Lines record
    offset: int | None = None  # byte offset of a record inside a container file (WARC, JSONL)


def article_id(outlet: str, url: str | None, text: str) -> str:
    """A stable id: a hash of outlet and URL when there is a URL, else of outlet and text.

    The outlet is part of the key either way: the same wire copy run by two sites is
    two articles (the analysis counts them as one source, but both are kept).
    """
    outlet_key = outlet.strip().lower()
    key = f"url\x00{outlet_key}\x00{url.strip()}" if url else f"text\x00{outlet_key}\x00" + " ".join(text.split())
    return hashlib.sha1(key.encode("utf-8")).hexdigest()[:16]


# C0 controls but tab, newlines and form feeds; DEL and the C1 controls (terminal escapes start with them)
_CONTROLS = re.compile("[\x00-\x08\x0e-\x1f\x7f-\x9f]")
_SURROGATES = re.compile("[\ud800-\udfff]")


def clean_text(text: str) -> str:
    """``text`` without control characters and with lone surrogates as U+FFFD."""
    if text.isprintable():
        return text
    return _SURROGATES.sub("\ufffd", _CONTROLS.sub("", text))


@dataclass(slots=True)
class Article:
    """One news article as read from its source."""

    id: str
    text: str
    outlet: str
    title: str = ""
    url: str | None = None
    published: datetime | None = None  # timezone-aware, or None when unknown
    language: str = "en"
    origin: Origin = field(default_factory=Origin)

    @classmethod
    def create(
        cls,
        text: str,
        outlet: str,
        *,
        title: str = "",
        url: str | None = None,
        published: datetime | None = None,
        language: str = "en",
        origin: Origin | None = None,
    ) -> Article:
        """An article with its stable id; control characters dropped and lone surrogates replaced (they
        cannot be stored, printed or shown safely)."""
        text, outlet, title = clean_text(text), clean_text(outlet), clean_text(title)
        url = clean_text(url) if url else url
        return cls(
            id=article_id(outlet, url, text),
            text=text,
            outlet=outlet,
            title=title,
            url=url,
            published=published,
            language=language,
            origin=origin or Origin(),
        )


@dataclass(frozen=True, slots=True)
class Skipped:
    """An input that could not be used, with a one-line reason."""

    where: str
    reason: str


@dataclass(frozen=True, slots=True)
class Sentence:
    """One sentence of an article's body."""

    index: int  # position among the article's analysed sentences
    start: int
    end: int
    text: str
    paragraph: int  # index of the body paragraph it belongs to
    position: float  # 0.0 for the article's first body sentence, 1.0 for its last


@dataclass(frozen=True, slots=True)
class Entity:
    """A named entity mention."""

    text: str
    label: str  # spaCy label: PERSON, ORG, GPE, DATE, CARDINAL, ...
    start: int
    end: int
    sentence: int


@dataclass(slots=True)
class AnnotatedArticle:
    """An article with its body sentences, entities and sentence embeddings."""

    article: Article
    sentences: list[Sentence]
    entities: list[Entity]
    embeddings: np.ndarray  # shape (len(sentences), dim), float32, L2-normalised
    boilerplate_lines: int = 0  # lines left out of the analysis as boilerplate

    @property
    def id(self) -> str:
        return self.article.id


@dataclass(slots=True)
class Story:
    """The articles of one event."""

    id: str
    articles: list[AnnotatedArticle]
    title: str = ""


@dataclass(frozen=True, slots=True)
class Source:
    """An article as numbered in a brief."""

    number: int  # 1-based, as cited: [1], [2], ...
    article_id: str
    outlet: str
    title: str
    url: str | None
    published: datetime | None
    path: str | None


SOURCE, FULL, PARTIAL, CONTRADICTS = "source", "full", "partial", "contradicts"
REPORTS = frozenset({SOURCE, FULL, PARTIAL})  # support values under which an outlet is cited


@dataclass(frozen=True, slots=True)
class Evidence:
    """The exact sentence of a cited article that supports (or contradicts) a statement."""

    source: int
    article_id: str
    sentence: int
    start: int
    end: int
    text: str
    similarity: float = 1.0  # 1.0 for the sentence a statement was taken from
    # How this article reports the statement: "source" (it is the statement's own sentence), "full" (it states
    # its main information), "partial" (some of it, or less precisely), "contradicts" (gives a value that cannot
    # also be true).
    support: str = SOURCE
    via: int | None = None  # the source this article attributes it to ("according to [1]"): not independent


NEWS, OPINION, ANALYSIS = "news", "opinion", "analysis"  # the voice of a summary sentence's own article


@dataclass(slots=True)
class SummarySentence:
    """A sentence of the summary and every source that reports it."""

    text: str
    evidence: list[Evidence]  # the first is the sentence the text was taken from
    # "news", or the kind of piece it was taken from ("opinion", "analysis"): shown quoted as that piece's
    # words, never in the brief's own voice
    voice: str = NEWS

    def _with(self, *support: str) -> list[int]:
        return sorted({e.source for e in self.evidence if e.support in support})

    @property
    def sources(self) -> list[int]:
        """Every source cited: the sentence's own, those that report it in full and those that report part."""
        return self._with(*REPORTS)

    @property
    def full_sources(self) -> list[int]:
        """Its own source and those that state its main information."""
        return self._with(SOURCE, FULL)

    @property
    def partial_sources(self) -> list[int]:
        """Sources that report only part of it (or a less specific version)."""
        return sorted(set(self._with(PARTIAL)) - set(self.full_sources))

    @property
    def contradicting_sources(self) -> list[int]:
        """Sources that give one of its values differently (a number, a date)."""
        return sorted(set(self._with(CONTRADICTS)) - set(self.sources))


@dataclass(slots=True)
class Brief:
    """What storyweave writes for one story."""

    story_id: str
    title: str
    sources: list[Source]
    summary: list[SummarySentence]
    word_budget: int
    analysis: Analysis | None = None  # None when the brief was made without cross-source analysis
    extras: dict[str, Any] = field(default_factory=dict)

    @property
    def summary_words(self) -> int:
        return sum(len(s.text.split()) for s in self.summary)

    @property
    def not_analysed(self) -> int:
        """Articles of the story left out of a brief that analyses only the most central (see ``limits``)."""
        value = self.extras.get(NOT_ANALYSED, 0)
        return value if isinstance(value, int) else 0


NOT_ANALYSED = "articles_not_analysed"  # the key of Brief.extras that counts articles left out


# --- Cross-source analysis (what each outlet reports, agrees on, disputes) -------------------------


CORROBORATED, PARTLY, DISPUTED, SINGLE, UNCONFIRMED = (
    "corroborated",
    "partly corroborated",
    "disputed",
    "single-source",
    "unconfirmed",
)


@dataclass(frozen=True, slots=True)
class Claim:
    """An information unit: a sentence, and how every other outlet of the story reports it.

    ``status`` is ``corroborated`` when two or more independent outlets state it (syndicated copies
    of one text count once, and an outlet that credits another outlet of the story for it does not
    count), ``partly corroborated`` when another outlet states only part of it, ``disputed`` when
    another outlet gives one of its values differently, ``single-source`` when no other outlet
    reports any of it, and ``unconfirmed`` when no other outlet was found to report it but one
    might (the decision was not sure enough to call it single-source).
    """

    id: str  # "c1", "c2", ... in order of importance
    text: str  # the representative sentence
    status: str
    sources: list[int]  # the outlets that state it: its own and those that state its main information
    independent_sources: int  # outlets counted once per syndication group, credited copies left out
    evidence: list[Evidence]  # the representative sentence first, then every other outlet's, with its support
    partial_sources: list[int] = field(default_factory=list)  # outlets that report part of it
    contradicted_by: list[int] = field(default_factory=list)  # outlets that give one of its values differently


@dataclass(frozen=True, slots=True)
class Fact:
    """A number, amount, percentage, age, date or period as one article states it."""

    source: int
    text: str  # the expression as written: "some 250,000", "$2.3 million"
    start: int  # offsets of the expression in the article
    end: int
    value: float | None  # normalised: "1,400" -> 1400.0; None for ranges
    low: float | None  # ranges ("early 1990s" -> 1990..1993) and bounds ("more than 40")
    high: float | None
    approximate: bool  # "some", "about", "nearly", "more than", "early 1990s"...
    kind: str  # count | money | percent | age | year | period | quantity
    unit: str  # "people", "USD", "%", "years", ...
    counts: str  # what it counts: the noun (and entity) it attaches to
    evidence: Evidence  # the sentence it is in


@dataclass(frozen=True, slots=True)
class FactGroup:
    """Facts about the same thing across articles, and whether they agree."""

    about: str
    kind: str
    status: str  # "consistent" | "approximately consistent" | "conflict" | "single-source"
    facts: list[Fact]


@dataclass(frozen=True, slots=True)
class QuoteVariant:
    """One article's rendering of a quotation."""

    source: int
    text: str  # the quoted words, without quotation marks
    start: int  # offsets of the quoted words in the article
    end: int
    speaker: str | None  # as resolved in this article (canonical name)
    speaker_text: str | None  # as written: "she", "Jay", "Professor Alexis Jay"
    cue: str | None  # said | told | wrote | according to | added | ...
    evidence: Evidence  # the sentence that holds the attribution


@dataclass(frozen=True, slots=True)
class Quote:
    """A direct quotation, matched across the articles that carry it."""

    id: str  # "q1", ...
    text: str  # the longest variant
    speaker: str | None
    variants: list[QuoteVariant]
    sources: list[int]
    wording_differs: bool
    attribution_differs: bool  # different speakers or cues ("said" / "wrote") across variants
    paraphrased_in: list[Evidence]  # sentences of other articles that report it without quoting


@dataclass(frozen=True, slots=True)
class Role:
    """A description an article gives of someone: "a former chief adviser to ..."."""

    text: str
    source: int
    evidence: Evidence


@dataclass(frozen=True, slots=True)
class EntityProfile:
    """A person, organisation or place merged across articles."""

    id: str  # "e1", ...
    name: str  # the fullest form: "Alexis Jay"
    kind: str  # person | organisation | place
    aliases: list[str]  # other forms seen: "Jay", "Professor Alexis Jay"
    roles: list[Role]
    sources: list[int]
    mentions: int


@dataclass(frozen=True, slots=True)
class TimelineEvent:
    """Something that happened (or will) at a date the articles give."""

    start: str  # ISO date: "2026-03-03", "1998-01-01"
    end: str  # same as start for a day; the last day for months, years and ranges
    precision: str  # day | month | year | range
    when: str  # the date as written: "on Tuesday", "in 1998", "between 1997 and 2013"
    text: str  # the sentence
    sources: list[int]
    evidence: list[Evidence]


@dataclass(frozen=True, slots=True)
class Coverage:
    """What one source alone reports, and what the others report that it leaves out."""

    source: int
    only_here: list[str]  # claim ids
    missing: list[str]  # ids of corroborated claims this source does not carry
    syndicated_with: list[int]  # sources that ran the same copy


@dataclass(frozen=True, slots=True)
class Headline:
    """One outlet's headline, and the words of it no other outlet uses in its headline or lead."""

    source: int
    text: str
    own_words: list[str]  # as written in the headline: "ambushed"


@dataclass(frozen=True, slots=True)
class Wording:
    """How some outlets word one part of a claim: "confronted" [1][3]."""

    text: str  # as written in the first of its sources' sentences
    sources: list[int]
    evidence: list[Evidence]  # each source's sentence


@dataclass(frozen=True, slots=True)
class WordingDifference:
    """One part of a claim that outlets name in different words: "ambushed" [2] / "confronted" [1][3]."""

    claim: str  # the claim's id
    wordings: list[Wording]  # the wording most outlets use first


@dataclass(frozen=True, slots=True)
class PieceKind:
    """An article that is not straight news: an opinion piece or an analysis, and what shows it."""

    source: int
    kind: str  # "opinion" | "analysis"
    reasons: list[str]  # "its address is under /opinion/", "written in the first person (6 sentences)"


@dataclass(frozen=True, slots=True)
class Framing:
    """How each outlet put the story: headlines side by side, differing words, opinion and analysis pieces."""

    headlines: list[Headline] = field(default_factory=list)
    wording: list[WordingDifference] = field(default_factory=list)
    pieces: list[PieceKind] = field(default_factory=list)


@dataclass(slots=True)
class Analysis:
    """Everything the cross-source analysis finds in one story."""

    claims: list[Claim] = field(default_factory=list)
    facts: list[FactGroup] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    entities: list[EntityProfile] = field(default_factory=list)
    timeline: list[TimelineEvent] = field(default_factory=list)
    coverage: list[Coverage] = field(default_factory=list)
    syndication: list[list[int]] = field(default_factory=list)  # groups of sources carrying one copy
    framing: Framing = field(default_factory=Framing)  # how each outlet put it (schema version 4 on)

    @property
    def conflicts(self) -> list[FactGroup]:
        return [group for group in self.facts if group.status == "conflict"]
