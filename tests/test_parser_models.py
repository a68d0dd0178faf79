"""The dependency parser is one of the models: the quote analysis uses the one it is handed."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import replace

import spacy
from spacy.tokens import Doc

from storyweave.analysis import analyse
from storyweave.models import Article, Story
from storyweave.nlp import annotate
from storyweave.nlp.loader import load_parser
from storyweave.nlp.syntax import parse_subjects
from storyweave.summarize import make_brief, story_id

QUOTED = (
    "The harbour board met on Tuesday to discuss the storm damage along the eastern quay.",
    'Ann Cole said the repairs would begin at once. "We will rebuild the harbour wall by spring," she added.',
)


class StandIn:
    """A parser that parses nothing: it records what it was asked and gives every sentence an empty parse."""

    def __init__(self) -> None:
        self.asked: list[str] = []
        self.vocab = spacy.blank("en").vocab

    def pipe(self, texts: Iterable[str], *, batch_size: int) -> Iterator[Doc]:
        for text in texts:
            self.asked.append(text)
            yield Doc(self.vocab, words=[text], sent_starts=[True])


def test_the_models_carry_the_process_parser(models) -> None:  # type: ignore[no-untyped-def]
    assert models.parser is load_parser()


def test_the_quote_analysis_parses_with_the_parser_it_is_handed(models) -> None:  # type: ignore[no-untyped-def]
    annotated = list(annotate([Article.create("\n\n".join(QUOTED), "Test Gazette")], models))
    stand_in = StandIn()
    analysis = analyse(annotated, parser=stand_in)
    assert any("harbour wall" in text for text in stand_in.asked)
    assert [q for q in analysis.quotes if "harbour wall" in q.text]

    briefed = StandIn()
    make_brief(Story(id=story_id(annotated), articles=annotated), parser=briefed)
    assert briefed.asked == stand_in.asked


def test_the_subjects_come_from_the_parser_handed_in() -> None:
    vocab = spacy.blank("en").vocab

    class HandParsed(StandIn):
        def pipe(self, texts: Iterable[str], *, batch_size: int) -> Iterator[Doc]:
            for _ in texts:
                yield Doc(
                    vocab,
                    words=["Zed", "Quill", "said", "it", "was", "over", "."],
                    spaces=[True, True, True, True, True, False, False],
                    tags=["NNP", "NNP", "VBD", "PRP", "VBD", "RB", "."],
                    deps=["compound", "nsubj", "ROOT", "nsubj", "ccomp", "acomp", "punct"],
                    heads=[1, 2, 2, 4, 2, 4, 2],
                )

    [[said, *_]] = parse_subjects([(40, "Ann Cole said it was over.")], HandParsed())
    assert (said.text, said.start, said.verb, said.speech, said.main) == ("Zed Quill", 40, "say", True, True)


def test_a_brief_of_articles_uses_the_models_handed_in(models, example_articles) -> None:  # type: ignore[no-untyped-def]
    from storyweave.api import brief_articles

    stand_in = StandIn()
    brief = brief_articles(example_articles, models=replace(models, parser=stand_in))
    assert stand_in.asked and len(brief.sources) == 4
