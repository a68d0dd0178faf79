"""The brief on the examples: budget, citations, evidence, order."""

from __future__ import annotations

from storyweave.models import Article, Story
from storyweave.nlp import annotate
from storyweave.settings import BriefSettings
from storyweave.summarize import make_brief, story_id


def _brief(annotated, words: int = 200):  # type: ignore[no-untyped-def]
    return make_brief(Story(id=story_id(annotated), articles=annotated), BriefSettings(words=words))


def _outlets(brief, sentence) -> set[str]:  # type: ignore[no-untyped-def]
    return {brief.sources[n - 1].outlet for n in sentence.sources}


def _sentence(brief, fragment: str):  # type: ignore[no-untyped-def]
    found = [s for s in brief.summary if fragment in s.text]
    assert found, f"no summary sentence contains {fragment!r}: {[s.text for s in brief.summary]}"
    return found[0]


def test_every_evidence_sentence_is_verbatim_in_its_article(example_annotated) -> None:  # type: ignore[no-untyped-def]
    brief = _brief(example_annotated)
    by_id = {a.id: a.article for a in example_annotated}
    assert brief.summary
    for sentence in brief.summary:
        assert sentence.evidence[0].text == sentence.text
        for evidence in sentence.evidence:
            article = by_id[evidence.article_id]
            assert article.text[evidence.start : evidence.end] == evidence.text
            assert brief.sources[evidence.source - 1].article_id == evidence.article_id


def test_summary_stays_within_the_word_budget(example_annotated) -> None:  # type: ignore[no-untyped-def]
    for words in (60, 120, 200):
        brief = _brief(example_annotated, words)
        assert 0 < brief.summary_words <= words


def test_shared_facts_cite_every_outlet_and_unique_facts_only_theirs(example_annotated) -> None:  # type: ignore[no-untyped-def]
    brief = _brief(example_annotated)
    everyone = {"Port Avery Chronicle", "Coastline News", "The Northern Ledger", "Harbour Radio"}
    # The Ledger gives 221 passengers, not 212: a sentence with 212 never cites it (it is shown as contradicting).
    for sentence in brief.summary:
        if "212 passengers" in sentence.text:
            assert "The Northern Ledger" not in _outlets(brief, sentence)
            assert [brief.sources[n - 1].outlet for n in sentence.contradicting_sources] == ["The Northern Ledger"]
    # The rescue is in all four articles.
    assert _outlets(brief, _sentence(brief, "lifeboats did the rest")) == everyone
    # The storm warning is only in The Northern Ledger.
    assert _outlets(brief, _sentence(brief, "Meteorological Office")) == {"The Northern Ledger"}


def test_the_time_of_the_grounding_cites_the_outlets_that_give_it(example_annotated) -> None:  # type: ignore[no-untyped-def]
    brief = _brief(example_annotated)
    sentence = _sentence(brief, "7:40 p.m.")
    # Coastline, Harbour Radio and the Chronicle give 7:40 p.m.; the Ledger does not.
    assert _outlets(brief, sentence) == {"Coastline News", "Harbour Radio", "Port Avery Chronicle"}


def test_no_two_summary_sentences_say_the_same_thing(example_annotated) -> None:  # type: ignore[no-untyped-def]
    brief = _brief(example_annotated)
    texts = [s.text for s in brief.summary]
    assert len(texts) == len(set(texts))
    treated = [t for t in texts if "treated in hospital" in t or "taken to hospital" in t]
    assert len(treated) <= 1
    assert sum("7:40" in t for t in texts) == 1  # the moment of the grounding, told once
    on_board = [t for t in texts if "passengers" in t and ("on board" in t or "carrying" in t)]
    assert len(on_board) <= 1  # "212 passengers" and "some 200 passengers were on board": one fact


def test_the_lead_comes_first(example_annotated) -> None:  # type: ignore[no-untyped-def]
    brief = _brief(example_annotated)
    assert "ran aground" in brief.summary[0].text


def test_a_single_article_gives_a_single_source_brief(example_annotated) -> None:  # type: ignore[no-untyped-def]
    brief = _brief(example_annotated[:1], 80)
    assert brief.summary
    assert all(s.sources == [1] for s in brief.summary)
    assert len(brief.sources) == 1


def test_story_id_ignores_article_order(example_annotated) -> None:  # type: ignore[no-untyped-def]
    assert story_id(example_annotated) == story_id(list(reversed(example_annotated)))


def test_the_title_is_the_headline_the_outlets_share_not_one_outlets_framing(models) -> None:  # type: ignore[no-untyped-def]
    from storyweave.summarize import story_title

    made = [
        Article.create(
            "Senator Ann Cole was confronted by protesters outside the courthouse in Dunmore on Monday. "
            "Police moved the crowd back.",
            "Harbour Ledger",
            title="Senator ambushed by mob in Dunmore",
        ),
        Article.create(
            "Protesters confronted Senator Ann Cole outside the Dunmore courthouse on Monday. Nobody was hurt.",
            "Valley Courier",
            title="Protesters confront Senator Cole outside Dunmore courthouse",
        ),
        Article.create(
            "A crowd of protesters confronted Senator Ann Cole in Dunmore on Monday as she left the courthouse.",
            "Coast Wire",
            title="Cole leaves court amid protest",
        ),
    ]
    annotated = list(annotate(made, models))
    assert story_title(annotated) == "Protesters confront Senator Cole outside Dunmore courthouse"
    assert story_title(list(reversed(annotated))) == story_title(annotated)  # whatever the order


def test_a_summary_never_shows_the_middle_of_a_quotation_as_its_own_words(models) -> None:  # type: ignore[no-untyped-def]
    from storyweave.analysis.quote_spans import inside_quotations

    quote = (
        '"We will rebuild the harbour wall before the winter storms arrive. The wall failed in three places '
        'on Monday night. Nobody should have to live with that fear again," said Mayor Ruth Calloway.'
    )
    made = [
        Article.create(f"The harbour wall at Dunmore gave way on Monday night.\n\n{quote}", outlet, title=title)
        for outlet, title in (("Harbour Ledger", "Dunmore wall fails"), ("Coast Wire", "Harbour wall gives way"))
    ]
    annotated = list(annotate(made, models))
    middle = next(s for s in annotated[0].sentences if s.text.startswith("The wall failed"))
    assert inside_quotations(annotated[0]) == {middle.index}
    brief = make_brief(Story(id=story_id(annotated), articles=annotated), BriefSettings(words=200))
    assert brief.summary and all(not s.text.startswith("The wall failed") for s in brief.summary)


def test_excerpts_cut_off_and_connective_openings_are_not_summary_candidates() -> None:
    from storyweave.models import Sentence
    from storyweave.summarize.candidates import is_candidate

    def candidate(text: str) -> bool:
        return is_candidate(Sentence(0, 0, len(text), text, 0, 0.0), min_words=5, max_words=60)

    assert not candidate("The report offers the first details about the attack on the accounts and...")
    assert not candidate("Still, the network was hoping for a stronger start to the new season.")
    assert candidate("Then-President Ann Cole signed the harbour bill into law in 2019.")
    assert candidate("The report offers the first details about the attack on the accounts.")


def test_captions_calls_to_act_and_capitals_are_page_furniture_not_summary() -> None:
    from storyweave.summarize.candidates import page_furniture

    assert page_furniture("Mayor Ruth Calloway speaks to reporters at the harbour in Dunmore, Thursday, May 1, 2025.")
    assert page_furniture("Rescuers carry a man from the water in Dunmore, Kenya Wednesday, March 30, 2016.")
    assert page_furniture("Breaking News Emails Get breaking news alerts and special reports.")
    assert page_furniture("You can add location information to your Tweets, such as your city.")
    assert page_furniture("THE HOSPITAL WAS READY TO TREAT THE CHILD.")
    assert not page_furniture("The mayor spoke to reporters at the harbour in Dunmore on Thursday, May 1.")
    assert not page_furniture("The U.S. and the EU signed the NATO accord in 2019.")


def test_a_quotation_said_by_a_pronoun_names_its_speaker_when_shown(models) -> None:  # type: ignore[no-untyped-def]
    from storyweave.render import brief_to_html, brief_to_markdown

    text = (
        "Rail operator Eastmoor Trains cancelled every service on the coast line on Monday after a landslip.\n\n"
        "Eastmoor's operations director, Colm Reddy, visited the site near Harwick in the afternoon.\n\n"
        '"We will not run a single train until engineers tell us the embankment is safe," he said.'
    )
    [annotated] = list(annotate([Article.create(text, "Coast Gazette", title="Coast line closed")], models))
    brief = _brief([annotated], words=200)
    [said] = [s for s in brief.summary if s.text.startswith('"We will not run')]
    assert said.text.endswith("he said.") and said.evidence[0].text == said.text  # the brief keeps it verbatim
    markdown, html = brief_to_markdown(brief), brief_to_html(brief)
    assert markdown.count('," \\[Colm Reddy\\] said.') == 2  # shown standing alone: in the summary and claims
    assert html.count("[Colm Reddy] said.") == 2


def test_a_pronoun_is_named_only_for_its_own_quotation_and_never_inside_another(models) -> None:  # type: ignore[no-untyped-def]
    from storyweave.render._analysis_view import speaker_named

    text = (
        "Prosecutor Tom Reed spoke to reporters outside the Harwick courthouse on Monday afternoon.\n\n"
        '"No," he said, before Reed added: "We will fight this appeal to the very end of the road."\n\n'
        '"My daughter called me crying, \u2018They shot him in the street today,\u2019 she said," '
        "Reed told reporters.\n\n"
        '"We will keep on fighting this plan to the very end of the year," they said.'
    )
    [annotated] = list(annotate([Article.create(text, "Coast Gazette", title="Appeal")], models))
    brief = _brief([annotated], words=300)
    quoted = [s for s in brief.summary if s.text.startswith('"')]
    assert len(quoted) == 3
    for sentence in quoted:  # "No" is not Reed's; the inner quote is Reed's words; "they" may be a group
        assert speaker_named(sentence.text, sentence.evidence, brief.analysis) == sentence.text
