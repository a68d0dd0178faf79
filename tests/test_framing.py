"""How each outlet put it: headlines side by side, the words outlets chose differently, opinion pieces kept
out of the summary's neutral voice. Invented coverage where the differing words are known."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import UTC, datetime

import pytest
from jsonschema import Draft202012Validator

from storyweave.analysis.voice import first_person_sentences, piece_kinds
from storyweave.analysis.wording import wording
from storyweave.document import brief_from_dict, brief_to_dict, load_schema
from storyweave.errors import InputError
from storyweave.models import FULL, SOURCE, Article, Brief, Claim, Evidence, Story
from storyweave.nlp import annotate
from storyweave.render import render
from storyweave.settings import BriefSettings
from storyweave.summarize import make_brief, story_id

PUBLISHED = datetime(2026, 6, 13, 20, 0, tzinfo=UTC)
LEAD = "Senator Ray Colton at a town hall meeting in Dunmore on Saturday evening."

TOWN_HALL = [
    (
        "Dunmore Gazette",
        "https://gazette.example/news/colton-town-hall",
        "Senator Colton ambushed by protesters at Dunmore town hall",
        f"Protesters ambushed {LEAD}\n"
        "About forty people filled the school gym, where the meeting ran for two hours.\n"
        "The senator's office said another meeting would be held in June.",
    ),
    (
        "Valley Courier",
        "https://courier.example/politics/colton-meeting",
        "Protesters confront Senator Colton at Dunmore town hall",
        f"Protesters confronted {LEAD}\n"
        "About forty people filled the school gym, where the meeting ran for two hours.\n"
        '"I will be back in June," Colton told reporters afterwards.',
    ),
    (
        "Coast Wire",
        "https://coastwire.example/opinion/colton-town-hall",
        "Colton faced his voters, and that is how it should be",
        f"Protesters confronted {LEAD}\n"
        "I have seen this film before, and it always ends the same way.\n"
        "I think every senator should face the voters in a school gym.\n"
        "My own town hall ran for three hours last spring.",
    ),
]


@pytest.fixture(scope="module")
def brief(models) -> Brief:  # type: ignore[no-untyped-def]
    made = [
        Article.create(text, outlet, title=title, url=url, published=PUBLISHED)
        for outlet, url, title, text in TOWN_HALL
    ]
    annotated = list(annotate(made, models))
    return make_brief(Story(id=story_id(annotated), articles=annotated), BriefSettings(words=120))


@pytest.mark.models
def test_the_word_one_outlet_chose_is_shown_against_the_others(brief: Brief) -> None:
    assert brief.analysis is not None
    found = {frozenset((w.text, tuple(w.sources)) for w in d.wordings) for d in brief.analysis.framing.wording}
    assert frozenset({("ambushed", (1,)), ("confronted", (2, 3))}) in found
    for difference in brief.analysis.framing.wording:  # every wording's evidence is its outlets' own sentence
        for w in difference.wordings:
            assert sorted({e.source for e in w.evidence}) == w.sources
            assert all(w.text.lower() in e.text.lower() for e in w.evidence[:1])


@pytest.mark.models
def test_headlines_side_by_side_with_each_outlets_own_words(brief: Brief) -> None:
    assert brief.analysis is not None
    headlines = {h.source: h for h in brief.analysis.framing.headlines}
    assert sorted(headlines) == [1, 2, 3]
    assert "ambushed" in headlines[1].own_words
    assert "Senator" not in headlines[1].own_words and "Colton" not in headlines[1].own_words  # everyone names him
    assert not {"ambushed", "Protesters"} & set(headlines[2].own_words)
    assert headlines[2].text == TOWN_HALL[1][2]


@pytest.mark.models
def test_the_opinion_piece_is_marked_and_its_words_never_read_as_the_briefs(brief: Brief) -> None:
    assert brief.analysis is not None
    pieces = brief.analysis.framing.pieces
    assert [(p.source, p.kind) for p in pieces] == [(3, "opinion")]
    assert "/opinion/" in pieces[0].reasons[0]
    assert brief.summary
    for sentence in brief.summary:  # a sentence of the opinion piece is its writer's words, labelled so
        assert sentence.voice == ("opinion" if sentence.evidence[0].source == 3 else "news")


def test_an_opinion_sentence_is_quoted_and_labelled_in_every_format(brief: Brief) -> None:
    first = brief.summary[0]
    voiced = replace(brief, summary=[replace(first, voice="opinion"), *brief.summary[1:]])
    assert f"_(opinion)_ “{first.text}”" in render(voiced, "md")
    html = render(voiced, "html")
    assert 'class="badge badge-opinion"' in html.split('id="summary-heading"')[1].split("</section>")[0]
    document = brief_to_dict(voiced)
    assert [s["voice"] for s in document["summary"]][:1] == ["opinion"]
    Draft202012Validator(load_schema()).validate(document)
    assert brief_from_dict(document).summary[0].voice == "opinion"
    document["summary"][0]["voice"] = "satire"
    with pytest.raises(InputError, match="voice is not one of news, opinion, analysis"):
        brief_from_dict(document)


@pytest.mark.models
def test_the_section_in_markdown_html_and_json(brief: Brief) -> None:
    markdown = render(brief, "md")
    section = markdown.split("## How each outlet put it", 1)[1].split("\n## ", 1)[0]
    assert '"confronted" [2][3] / "ambushed" [1]' in section
    assert "- [1] Dunmore Gazette: Senator Colton **ambushed** by protesters at Dunmore town hall" in section
    assert "- [3] Opinion: its address is under /opinion/" in section
    html = render(brief, "html")
    assert "<mark>ambushed</mark>" in html and 'class="badge badge-opinion"' in html
    assert "<q><bdi>ambushed</bdi></q>" in html
    document = brief_to_dict(brief)
    Draft202012Validator(load_schema()).validate(document)
    assert json.loads(render(brief, "json"))["analysis"]["framing"] == document["analysis"]["framing"]


@pytest.mark.models
def test_voice_not_address_makes_an_opinion_piece_and_quotes_do_not(models) -> None:  # type: ignore[no-untyped-def]
    column = Article.create(
        "I have covered this council for a decade. I think the vote was a mistake. My neighbours agree with me. "
        "The council voted 5-4 on Tuesday to close the library.",
        "Valley Courier",
    )
    quoted = Article.create(
        '"I was terrified," said Ann Cole, who lives beside the library. "My children were asleep." '
        '"I ran to the door," she said. The council voted 5-4 on Tuesday to close the library.',
        "Coast Wire",
    )
    transcript = Article.create(
        "The mayor spoke to the station on Wednesday.\n"
        "REPORTER: I want to ask about the library.\n"
        "MAYOR: I think the vote was right. My council agreed. I would vote the same way again.",
        "Harbour Radio",
    )
    annotated = list(annotate([column, quoted, transcript], models))
    pieces = piece_kinds(annotated)
    assert [(p.source, p.kind) for p in pieces] == [(1, "opinion")]
    assert "first person (3 of its 4 sentences)" in pieces[0].reasons[0]
    assert first_person_sentences(annotated[1]) == set()  # the first person is Ann Cole's, inside quotes


@pytest.mark.models
def test_numerals_roads_and_words_with_a_hyphen_do_not_make_an_opinion_piece(models) -> None:  # type: ignore[no-untyped-def]
    crash = Article.create(
        "A lorry overturned on I-95 near Exit 12 on Monday. The World War I memorial nearby was closed. "
        "Traffic on I-95 was diverted for six hours. Police said the Phase I repairs would start in May.",
        "Coast Wire",
        title="Letter-writing campaign follows I-95 crash",
        url="https://coastwire.example/news/i95-crash",
    )
    assert piece_kinds(list(annotate([crash], models))) == []


def _evidence(source: int, text: str, support: str = FULL) -> Evidence:
    return Evidence(source, f"a{source}", 0, 0, len(text), text, 1.0 if support == SOURCE else 0.9, support)


def _differences(*texts: str) -> list[list[tuple[str, list[int]]]]:
    evidence = [_evidence(1, texts[0], SOURCE), *(_evidence(n, t) for n, t in enumerate(texts[1:], start=2))]
    claim = Claim("c1", texts[0], "corroborated", list(range(1, len(texts) + 1)), len(texts), evidence)
    return [[(w.text, w.sources) for w in d.wordings] for d in wording([claim])]


def test_numbers_names_quotes_and_reporting_verbs_are_not_wording() -> None:
    assert (
        _differences(
            "The ferry carried 212 passengers when it struck the bank, the coastguard said.",
            "The ferry carried 221 passengers when it struck the bank, the coastguard told reporters.",
        )
        == []
    )  # a different number is a fact to check; "said" / "told" is not framing
    assert (
        _differences(
            "Commander Helen Okafor led the rescue from the harbour on Tuesday night.",
            "Commander Helen Okafur led the rescue from the harbour on Tuesday night.",
        )
        == []
    )  # a name spelt two ways is a spelling, not a choice of words
    assert (
        _differences(
            '"The crew kept everybody calm," said the harbour master after the rescue.',
            '"The crew kept everyone calm," said the harbour master after the rescue.',
        )
        == []
    )  # the quotes section shows a quotation's wording variants
    assert _differences(
        "The storm damaged homes in the valley and cut power to the town overnight.",
        "The storm damaged homes in the valley and cut power to the city overnight.",
        "The storm damaged homes in the valley and cut power to the town overnight.",
    ) == [[("town", [1, 3]), ("city", [2])]]
    assert _differences(
        "The storm damaged homes in the valley and cut power to the town overnight.",
        "The storm damaged homes in the valley and cut power to the city overnight.",
        "The storm damaged homes in the valley and cut power to the city overnight.",
    ) == [[("city", [2, 3]), ("town", [1])]]  # the wording most outlets use first


def test_a_list_item_or_a_word_written_as_two_is_not_wording() -> None:
    assert (
        _differences(
            "The park is home to leopards, buffaloes, giraffes and other animals grazing on the plain.",
            "The park is home to leopards, cheetahs, giraffes and other animals grazing on the plain.",
        )
        == []
    )
    assert (
        _differences(
            "Two women were charged after five toddlers were hurt at a day care on the west side.",
            "Two women were charged after five toddlers were hurt at a daycare on the west side.",
        )
        == []
    )


def test_sentences_with_little_in_common_are_not_compared_word_by_word() -> None:
    assert (
        _differences(
            "She was watching sixteen children at the time of the hot glue gun incident, the station reported.",
            "Cosme was captured on video applying the glue gun directly to the hands of five children.",
        )
        == []
    )
