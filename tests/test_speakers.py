"""Speaker attribution rules, each on an invented passage (names and events are made up)."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

import pytest

from storyweave.analysis import analyse
from storyweave.errors import ModelUnavailable
from storyweave.models import Article
from storyweave.nlp import annotate
from storyweave.nlp.syntax import _lemma, parse_subjects

if TYPE_CHECKING:
    from spacy.tokens import Doc


def speakers(models, *paragraphs: str) -> dict[str, str | None]:  # type: ignore[no-untyped-def]
    """Each quotation's first four words -> its resolved speaker."""
    article = Article.create("\n\n".join(paragraphs), "Test Gazette")
    analysis = analyse(list(annotate([article], models)))
    return {" ".join(q.text.split()[:4]): q.speaker for q in analysis.quotes}


def test_the_parser_finds_inverted_and_participle_speakers(models) -> None:  # type: ignore[no-untyped-def]
    inverted, participle = parse_subjects(
        [(0, "The risks are real, admits Tomas Berg."), (100, 'Mr Berg smiled, saying: "We are ready."')],
        models.parser,
    )
    admits = next(s for s in inverted if s.speech)
    assert (admits.text, admits.verb) == ("Tomas Berg", "admit")
    saying = next(s for s in participle if s.verb == "say")
    assert (saying.text, saying.start, saying.speech) == ("Mr Berg", 100, True)


def test_without_the_parser_there_are_no_subjects() -> None:
    class Missing:
        def pipe(self, texts: Iterable[str], *, batch_size: int) -> Iterable[Doc]:
            raise ModelUnavailable("no parser", "install it")

    assert parse_subjects([(0, "Ann Cole said it was over.")], Missing()) == [[]]


@pytest.mark.parametrize(
    ("word", "lemma"), [("said", "say"), ("admitted", "admit"), ("replies", "reply"), ("noted", "note")]
)
def test_speech_verbs_are_recognised_in_any_form(word: str, lemma: str) -> None:
    assert _lemma(word) == lemma


def test_a_pronoun_goes_to_the_subject_who_spoke_not_the_first_name(models) -> None:  # type: ignore[no-untyped-def]
    found = speakers(
        models,
        "In a letter to Daniel Reyes, Mr Tomas Kowalski said his crew was ready for the storm season.",
        '"We have trained for this moment for years," he said.',
    )
    assert found["We have trained for"] == "Tomas Kowalski"


def test_an_inverted_cue_names_who_the_next_pronoun_is(models) -> None:  # type: ignore[no-untyped-def]
    found = speakers(
        models,
        "Engineers from Norbridge Labs and Daniel Reyes of the university visited the site on Friday.",
        "The risks of the new design are real, admits Tomas Berg.",
        '"Nobody has tried anything like this before," he said.',
    )
    assert found["Nobody has tried anything"] == "Tomas Berg"


def test_a_role_description_is_the_person_given_that_role(models) -> None:  # type: ignore[no-untyped-def]
    found = speakers(
        models,
        "Sheriff Ruth Alvarez said deputies reached the farm within minutes.",
        "Deputy Ken Moss found the missing hiker near the river later that night.",
        '"We did everything we could to bring him home," the sheriff said.',
    )
    assert found["We did everything we"] == "Ruth Alvarez"


def test_a_possessive_description_takes_its_appositive_name(models) -> None:  # type: ignore[no-untyped-def]
    found = speakers(
        models,
        "Lena Ortiz, 14, scored twice in the final on Sunday.",
        '"She never missed a single practice all season," said Lena\'s coach, Victor Hale.',
    )
    assert found["She never missed a"] == "Victor Hale"


def test_a_quote_without_a_cue_after_a_reported_statement(models) -> None:  # type: ignore[no-untyped-def]
    found = speakers(
        models,
        "Victor Hale has coached the Riverside team for a decade.",
        "Hale says the players are still in shock.",
        '"The whole town is still trying to understand how it could happen."',
    )
    assert found["The whole town is"] == "Victor Hale"


def test_a_colon_introduces_the_quote_of_the_subject_before_it(models) -> None:  # type: ignore[no-untyped-def]
    found = speakers(
        models,
        "Critics said the budget would close two libraries.",
        'Mayor Ines Duarte shot back: "That claim has no basis in fact at all."',
    )
    assert found["That claim has no"] == "Ines Duarte"


def test_a_speaker_named_after_an_opening_phrase(models) -> None:  # type: ignore[no-untyped-def]
    found = speakers(
        models,
        'Earlier on Monday, Ruth Alvarez, the county sheriff, told reporters: "We will not stop until we find him."',
    )
    assert found["We will not stop"] == "Ruth Alvarez"


def test_a_cue_with_a_colon_after_a_quote_introduces_the_next_one(models) -> None:  # type: ignore[no-untyped-def]
    found = speakers(
        models,
        'Critic Jonas Pell wrote: "A generous, funny and fearless cook." '
        'Television chef Amara Osei added: "She taught a whole generation to love food."',
    )
    assert found["A generous, funny and"] == "Jonas Pell"
    assert found["She taught a whole"] == "Amara Osei"


def test_a_lone_surname_goes_to_the_first_named_of_the_latest_sentence(models) -> None:  # type: ignore[no-untyped-def]
    found = speakers(
        models,
        "Nora Lind, the sister of the novelist Peter Lind, opened the festival on Saturday.",
        '"He would have loved to see so many readers here," said Lind.',
    )
    assert found["He would have loved"] == "Nora Lind"


def test_a_misspelt_surname_is_the_person_a_letter_away(models) -> None:  # type: ignore[no-untyped-def]
    found = speakers(
        models,
        "Physicist Tomas Wendtland has led the probe team since its first design review.",
        '"We are going where no spacecraft has ever been," said Wendtlund.',
    )
    assert found["We are going where"] == "Tomas Wendtland"


def test_a_first_name_alone_is_the_person_named_in_full_with_it(models) -> None:  # type: ignore[no-untyped-def]
    found = speakers(
        models,
        "Robin Ashcroft said her son has been in hospital since May.",
        "Doctors at the clinic are still running tests.",
        '"Every small step he takes gives us a little more hope," says Robin.',
    )
    assert found["Every small step he"] == "Robin Ashcroft"


def test_initials_stand_for_the_organisation_they_abbreviate(models) -> None:  # type: ignore[no-untyped-def]
    found = speakers(
        models,
        "The Northern Institute of Marine Biology (NIMB) tagged forty sharks off the coast last year.",
        '"Their routes changed completely after the storm," researchers at NIMB wrote in a report.',
    )
    assert found["Their routes changed completely"] == "Northern Institute of Marine Biology"


def test_transcript_lines_and_credited_posts_name_their_speakers(models) -> None:  # type: ignore[no-untyped-def]
    found = speakers(
        models,
        "Harbour master Ruth Calloway spoke to presenter Tom Reed on Monday night.",
        'Reed: "Is the pier going to be rebuilt this year?"',
        'Calloway: "We will rebuild the pier before the summer starts."',
        'Dana Whitlow "I have never seen a storm break the wall like that."',
        '"The wall held for forty years and then it went" — Jo Marsh (@jomarsh) March 4, 2026',
        'ON THE STORM "Nobody expected waves of that height this early."',
    )
    assert found["Is the pier going"] == "Tom Reed"
    assert found["We will rebuild the"] == "Ruth Calloway"
    assert found["I have never seen"] == "Dana Whitlow"
    assert found["The wall held for"] == "Jo Marsh"
    assert found["Nobody expected waves of"] != "ON THE STORM"  # a heading is not a speaker


def test_a_letter_speaks_for_its_writer_and_a_party_for_itself(models) -> None:  # type: ignore[no-untyped-def]
    found = speakers(
        models,
        "Head teacher Matthew Pryce wrote to parents after the storm closed the school for a week.",
        '"Every pupil will be taught at the town hall until the roof is mended," Pryce\'s letter said.',
        "Council leader Alasdair Brant of the Harbour party welcomed the plan.",
        'The Coastal Residents Association said: "The council must pay for the repairs in full."',
    )
    assert found["Every pupil will be"] == "Matthew Pryce"
    assert found["The council must pay"] == "Coastal Residents Association"


def test_a_cue_by_the_quote_wins_over_a_name_before_it(models) -> None:  # type: ignore[no-untyped-def]
    found = speakers(
        models,
        'Officer Tomas Berg "gave his life for this town and we will not forget it," Mayor Ann Cole said.',
    )
    assert found["gave his life for"] == "Ann Cole"


def test_a_name_after_an_organisation_and_a_role_is_the_speaker(models) -> None:  # type: ignore[no-untyped-def]
    found = speakers(
        models,
        '"Dunes recover slowly once they are trampled," says U.S. Forest Service volunteer Maren Oksby.',
        '"We will fence the worst stretch," Harlan County Department of Parks deputy director Teo Vasko told us.',
    )
    assert found["Dunes recover slowly once"] == "Maren Oksby"
    assert found["We will fence the"] == "Teo Vasko"


def test_two_named_speakers_speak_together(models) -> None:  # type: ignore[no-untyped-def]
    found = speakers(
        models,
        "Dana Quell and Rafe Morrow were named on Monday to produce the awards night.",
        '"We are thrilled to bring the show home," said Quell and Morrow jointly.',
    )
    assert found["We are thrilled to"] == "Dana Quell and Rafe Morrow"


def test_someone_of_a_named_person_is_not_that_person(models) -> None:  # type: ignore[no-untyped-def]
    found = speakers(
        models,
        "The singer Lisa Varn cancelled the rest of her tour on Friday.",
        '"She is resting and thanks her fans," Varn\'s rep told the magazine.',
        '"Someone broke the windows on purpose," the Harbour Chapel\'s head minister said.',
    )
    assert found["She is resting and"] is None  # the rep is never named
    assert found["Someone broke the windows"] is None


def test_an_unnamed_statement_speaks_for_the_company_named_before(models) -> None:  # type: ignore[no-untyped-def]
    found = speakers(
        models,
        "A spokesperson for Orvell Foods confirmed that the plant in Dunmore was closed.",
        '"This is a sad day for our whole company," a statement reads.',
    )
    assert found["This is a sad"] == "Orvell Foods"


def test_it_and_sources_are_never_a_speakers_name(models) -> None:  # type: ignore[no-untyped-def]
    found = speakers(
        models,
        "The weather office in Harwick put out a bulletin on Sunday. It was an unusual message. "
        'It predicted: "Most of the coast will be flooded for days and roads will close."',
        "Lena Ortiz, 15, was hurt in the crash on Route 4 near the Dunmore depot.",
        'Court sources said: "The driver will be charged this week and held in Dunmore."',
    )
    assert found["Most of the coast"] is None  # not "It"
    assert found["The driver will be"] is None  # not "Court sources", nor Lena Ortiz


def test_a_described_club_or_letter_is_never_guessed_to_be_someone_named_near_it(models) -> None:  # type: ignore[no-untyped-def]
    found = speakers(
        models,
        "Kelmarsh Rovers sacked their manager on Sunday after a board meeting called by the club's owner, "
        "Oskar Lindqvist, and his business partner, the developer Petra Haines.",
        '"We thank Tomas for his hard work and wish him well," the club said in a statement.',
        "Mayors of six towns wrote to Senate leaders and to the House transport committee on Monday.",
        '"The cut would undo a decade of progress in a single budget," the letter said.',
        '"The findings call for caution, not alarm," an accompanying editorial in the journal says.',
    )
    assert found["We thank Tomas for"] == "the club"  # not its owner, not the last organisation named
    assert found["The cut would undo"] == "the letter"  # its writers are not named as such
    assert found["The findings call for"] == "an accompanying editorial"


def test_a_described_company_or_statement_goes_to_the_body_that_opens_a_sentence_before(models) -> None:  # type: ignore[no-untyped-def]
    found = speakers(
        models,
        "Harlow Mills Corp. closed its plant in Dunmore on Monday, a week after the rhetoric of the Tea Party "
        "reached the town hall.",
        '"This was the hardest decision in our history," the company said.',
        "Orvell Foods issued a statement on Tuesday about the recall.",
        '"No customer has fallen ill," the statement reads.',
    )
    assert found["This was the hardest"] == "Harlow Mills Corp."
    assert found["No customer has fallen"] == "Orvell Foods"
    found = speakers(
        models,
        "Tom Reed has been a spokesman for the city since 2019.",
        '"The water is safe to drink," the spokesman said.',
    )
    assert found["The water is safe"] == "Tom Reed"


def test_he_is_never_a_woman_named_by_her_first_name(models) -> None:  # type: ignore[no-untyped-def]
    found = speakers(
        models,
        "Pam Dixon testified before the committee on Tuesday.",
        '"These lists are a scandal," Dixon said.',
        "The hearing ran late into the evening.",
        '"It is our job to bring this into the light," he said.',
    )
    assert found["These lists are a"] == "Pam Dixon"
    assert found["It is our job"] is None  # the man who said it is not named here


def test_a_quote_opened_with_a_spaced_mark_takes_the_cue_right_before_it(models) -> None:  # type: ignore[no-untyped-def]
    found = speakers(
        models,
        "Prosecutor Ann Reyes told the Herald after a hearing — where the defence lawyer Tom Hale said his client was "
        "“ deeply sorry for the harm he caused ” to the family — that the case would go on.",
    )
    assert found["deeply sorry for the"] == "Tom Hale"


def test_a_pronoun_that_goes_on_is_the_nearest_named_speaker_before_it(models) -> None:  # type: ignore[no-untyped-def]
    found = speakers(
        models,
        "Zeeta Andrews said last week that 3,000 drivers had signed up, and Orrin Conlon says he has now lost count.",
        "He says he is getting a hundred emails a day from drivers.",
        '"We want to go in peacefully and keep it that way," he said.',
    )
    assert found["We want to go"] == "Orrin Conlon"


def test_a_described_subject_is_the_person_named_beside_it(models) -> None:  # type: ignore[no-untyped-def]
    found = speakers(
        models,
        "A third video shows the student swinging at the officer, Sheriff Lorne Lott said.",
        "That student, later identified as 18-year-old Niya Kenny, told reporters on Tuesday that she saw it all.",
        'She said she "felt something bad was going to happen" when the officer came in.',
    )
    assert found["felt something bad was"] == "Niya Kenny"


def test_a_name_before_a_colon_speaks_the_quote_after_it(models) -> None:  # type: ignore[no-untyped-def]
    found = speakers(
        models,
        "The ground shook for a minute in the towers of the city centre on Sunday.",
        "Expect earthquake experts in the papers tomorrow, such as the seismologist Dr Sami Haddad:",
        '"We should stop saying that this country lies outside the earthquake zone."',
        'Media caption Gerry Adams: "I have never dissociated myself from the movement and I never will."',
    )
    assert found["We should stop saying"] == "Sami Haddad"
    assert found["I have never dissociated"] == "Gerry Adams"


def test_an_unnamed_speaker_is_named_by_the_first_name_they_give(models) -> None:  # type: ignore[no-untyped-def]
    found = speakers(
        models,
        '"I heard a noise like thunder, and then the bridge was gone," said a man who had been fishing on the '
        "riverbank, who gave only his first name, Marco.",
        "He said he ran up to the road to help.",
        '"Nobody could get near the cars for an hour," he said.',
    )
    assert found["I heard a noise"] == "Marco"
    assert found["Nobody could get near"] == "Marco"


def test_a_described_group_is_the_name_it_was_given_in_quotation_marks(models) -> None:  # type: ignore[no-untyped-def]
    found = speakers(
        models,
        "The group “Drivers for Fair Roads” is planning to slow traffic on the ring road on Friday.",
        '"Every driver on this road pays more in fuel than ever before," the group said on its website.',
    )
    assert found["Every driver on this"] == "Drivers for Fair Roads"


def test_a_name_alone_after_a_quote_and_according_to_before_it(models) -> None:  # type: ignore[no-untyped-def]
    found = speakers(
        models,
        "The researchers believe that their results warrant further study of heart patients.",
        '"Our findings suggest that we need to be concerned about weight changes in this group." Dr. Sripal Bangalore',
        'According to Laurence Mark, producer of the show, the actor was picked "because we want the evening to '
        'be fun."',
    )
    assert found["Our findings suggest that"] == "Sripal Bangalore"
    assert found["because we want the"] == "Laurence Mark"


def test_an_unnamed_speaker_identified_as_a_handle_and_a_turn_of_a_transcript(models) -> None:  # type: ignore[no-untyped-def]
    found = speakers(
        models,
        "A Twitter user identified as @harbourwatch, replying to the mayor, wrote: “Close the pier until it is "
        "safe for everyone.”",
        "Williams: So you went through it point by point?",
        'Ricks: Yeah, I read each one. And I said, "I cannot find it in myself to take these out."',
    )
    assert found["Close the pier until"] == "@harbourwatch"
    assert found["I cannot find it"] == "Ricks"


def test_an_inverted_cue_ending_the_sentence_names_an_interrupted_quote(models) -> None:  # type: ignore[no-untyped-def]
    found = speakers(
        models,
        "Prime Minister John Key welcomed the visitors to Wellington on Thursday.",
        '"And we, on a purely bilateral basis, have concerns about the fact that Australia" has a trade deal, '
        'began Key. "They are a very important part of our market in New Zealand."',
    )
    assert found["And we, on a"] == "John Key"
    assert found["They are a very"] == "John Key"


def test_the_new_rules_leave_other_people_near_the_quote_alone(models) -> None:  # type: ignore[no-untyped-def]
    witness = '"He was lying in the road when we got there," a witness told the station.'
    assert speakers(models, witness + " The driver was identified as Tom Reed, 45.")["He was lying in"] is None
    voter = '"We are tired of waiting for the council," said a voter who identified himself as Republican.'
    assert speakers(models, voter)["We are tired of"] is None
    found = speakers(
        models,
        "Detective Sam Ortiz led the inquiry for two years.",
        "The detective, who arrested Tom Reed in 2019, told reporters the case was closed.",
        '"We never gave up on this family," he said.',
    )
    assert found["We never gave up"] == "Sam Ortiz"  # an apposition that is not the subject's name
    found = speakers(
        models,
        "Mayor Ann Cole told the council that Judge Maria Ortiz says the budget is illegal.",
        "She said the city would appeal.",
        '"We will take this all the way to the top court," she said.',
    )
    assert found["We will take this"] == "Ann Cole"  # the judge speaks inside the mayor's reported speech
    message = '"Resign now, before the council makes you go."'
    found = speakers(models, "Tom Reed said he had a message for Mayor Ann Cole:", message)
    assert found["Resign now, before the"] == "Tom Reed"
    found = speakers(
        models,
        "Tom Reed farms wheat near the river.",
        '"The river has never been this low in my life," he says. "We are praying for rain every single night."',
        "Ann Cole",
    )
    assert found["We are praying for"] == "Tom Reed"  # a name in the next paragraph is no credit line
    told = 'Tom Reed said the deal was "the worst in many years for us" and he would vote against it, told Fox News.'
    assert speakers(models, told)["the worst in many"] == "Tom Reed"


def test_a_photo_credit_a_spokesman_for_someone_and_swapped_letters(models) -> None:  # type: ignore[no-untyped-def]
    found = speakers(
        models,
        "Mayor Ann Cole spoke at the harbour on Friday about the storm damage.",
        '"We will rebuild every pier that we lost this winter," she said. AFP/Getty Images',
        '"Nobody will be left without a roof over their head," she added.',
    )
    assert found["Nobody will be left"] == "Ann Cole"  # not the photo agency the model took for a person
    found = speakers(
        models,
        "Prime Minister Ann Cole visited the hospital on Monday.",
        'A spokesman for Prime Minister Ann Cole said she "thinks this is a very sad case for everyone."',
    )
    assert found["thinks this is a"] is None  # the spokesman speaks, and he is not named
    colleague = (
        'Tom Reed ran the fund for years. "He never bent the rules for anyone," says a former colleague of Reed.'
    )
    assert speakers(models, colleague)["He never bent the"] is None
    found = speakers(
        models,
        "The hosts Mel Greig and Tom Arden said the prank went further than they had planned.",
        '"Every other station wanted to talk about it," said Grieg.',
    )
    assert found["Every other station wanted"] == "Mel Greig"  # two letters swapped are one misspelling


def test_a_transcript_turn_s_initials_speak_the_words_quoted_in_it(models) -> None:  # type: ignore[no-untyped-def]
    found = speakers(
        models,
        "Film critic Petra Tolland sat down with the director Marek Dunsby at a festival in Ostrava.",
        "PT: What would you tell a young director who is told to stay quiet?",
        'MD: It depends. A producer calls and you say, "We will never work with those people again." '
        'And then I would go, "Fine, but the film comes out in March."',
    )
    assert found["We will never work"] == "Marek Dunsby"
    assert found["Fine, but the film"] == "Marek Dunsby"


def test_he_says_after_a_sentence_credited_to_someone(models) -> None:  # type: ignore[no-untyped-def]
    found = speakers(
        models,
        "Deputy coroner Ansel Marrow has kept the county's list of missing people since 2009.",
        "A boot found the next spring was matched to one of them in 2015.",
        "Such cases often stay on the list for decades, according to Marrow.",
        '"Some of the people we will never be able to take off the list," he says.',
    )
    assert found["Some of the people"] == "Ansel Marrow"


def test_the_statement_speaks_for_the_body_or_family_that_issued_it(models) -> None:  # type: ignore[no-untyped-def]
    found = speakers(
        models,
        "In a statement, the radio station's owner, Pellham Radio Group, said it had ended the show.",
        '"The company will fully co-operate with any investigation," the statement said.',
        "Okonjo's family released a statement asking for privacy.",
        '"We are deeply saddened by the loss of our beloved Ada," said the statement.',
    )
    assert found["The company will fully"] == "Pellham Radio Group"
    assert found["We are deeply saddened"] == "Okonjo's family"


def test_a_constable_named_after_the_abbreviation_speaks(models) -> None:  # type: ignore[no-untyped-def]
    found = speakers(
        models,
        '"A man walked in and fired at the ceiling," Harbourside police Const. Dana Whitlock told reporters.',
        "Work place shootings are rare, police say.",
        '"Nobody here was ready for something like this," Const. Whitlock said.',
    )
    assert found["A man walked in"] == "Dana Whitlock"  # "Const." does not end the sentence
    assert found["Nobody here was ready"] == "Dana Whitlock"


def test_a_word_opening_the_sentence_is_not_part_of_the_name(models) -> None:  # type: ignore[no-untyped-def]
    found = speakers(
        models,
        "The academy named the actor Tomas Brannagh as its host on Thursday.",
        "Having Brannagh host the awards fits the new look the academy has promised for months.",
        "Brannagh was in Lisbon on Friday when the news came.",
        '"I never imagined I would stand on that stage one day," he said in a statement.',
    )
    assert found["I never imagined I"] == "Tomas Brannagh"


def test_the_statement_goes_to_who_issued_it_sentences_before(models) -> None:  # type: ignore[no-untyped-def]
    found = speakers(
        models,
        "The trawler fled when the patrol boat came close, according to a statement from the Coast Guard of Veloria.",
        'Officers boarded it and seized "a large haul of undeclared fish and two rifles," the statement said.',
        "It was not clear where the crew would be taken.",
        'The statement said only that they would be "handed over to the harbour authorities."',
    )
    assert found["a large haul of"] == "Coast Guard of Veloria"
    assert found["handed over to the"] == "Coast Guard of Veloria"


def test_a_role_between_a_word_and_the_name_keeps_the_name(models) -> None:  # type: ignore[no-untyped-def]
    found = speakers(
        models,
        "The statuette was named after Oscar Lindqvist, the academy's first chairman.",
        '"We are going back to the old days of the show," said Oscar producer Mirela Dunst.',
    )
    assert found["We are going back"] == "Mirela Dunst"  # not Oscar Lindqvist


def test_two_people_named_together_speak_together(models) -> None:  # type: ignore[no-untyped-def]
    found = speakers(
        models,
        "The show's new producers were named on Monday.",
        '"She is the right choice for this show," said Ines Varga and Paul Hedlund, the show\'s new producers.',
        '"She will make it fun," the pair said in a statement.',
    )
    assert found["She is the right"] == "Ines Varga and Paul Hedlund"
    assert found["She will make it"] == "Ines Varga and Paul Hedlund"


def test_a_name_written_with_spaced_hyphens_is_one_name(models) -> None:  # type: ignore[no-untyped-def]
    found = speakers(
        models,
        "IMF chief Dominika Varga - Holm flew to Athens on Sunday to meet the finance minister.",
        '"We are ready to help Greece with all our means," Varga - Holm said.',
        '"The program will be tough," he said.',
    )
    assert found["We are ready to"] == "Dominika Varga-Holm"
    assert found["The program will be"] == "Dominika Varga-Holm"


def test_a_conjunction_opening_the_sentence_is_not_part_of_the_name() -> None:
    from storyweave.analysis.entities import core_name

    assert core_name("But Professor Varga") == "Varga"  # 'But Professor Varga says there is "..."'
    assert core_name("Neither Perlo") == "Perlo"
    assert core_name("Chela Ortiz -") == "Chela Ortiz"  # a dash the entity model took in
    assert core_name("Dominika Varga - Holm") == "Dominika Varga-Holm"
    assert core_name("King") == "King"  # a word alone is a name


def test_review_cases_the_new_speaker_rules_leave_alone(models) -> None:  # type: ignore[no-untyped-def]
    found = speakers(
        models,
        "Mayor Ann Cole met the union leader Tom Reed on Friday.",
        '"We agreed on a plan for the docks," said Cole after meeting Reed.',
    )
    assert found["We agreed on a"] == "Ann Cole"  # "after meeting" is no role before Reed's name
    found = speakers(
        models,
        "The boat sank, according to a statement from the Coast Guard yesterday.",
        "A lawyer for the owner released a statement on Friday.",
        '"The crew did everything right," the statement said.',
    )
    assert found["The crew did everything"] != "Coast Guard"  # another statement, whose issuer is not named
    found = speakers(
        models,
        '"We are thrilled," said Ines Varga and Paul Hedlund, the show\'s producers.',
        "The network has been looking for a host for a year. Its ratings fell sharply in the spring and the summer.",
        "Assistant coaches Ivan Petrov and Ola Berg will run the practice sessions through the winter months.",
        "They have worked together for a decade at clubs in three countries and two leagues.",
        '"We will start on Monday," the pair said.',
    )
    assert found["We will start on"] != "Ines Varga and Paul Hedlund"  # the pair just named, not an old one


def test_she_after_an_organisations_titled_officer_is_the_officer(models) -> None:  # type: ignore[no-untyped-def]
    found = speakers(
        models,
        "Annual inflation fell to 3.4% in March. Central Bank of Almera Governor Helena Marsh-Ortiz welcomed the "
        'figures but said the bank would not rush. "We are not declaring victory," she said.',
    )
    assert found["We are not declaring"] == "Helena Marsh-Ortiz"


def test_the_subject_of_the_quoted_words_is_not_the_speaker(models) -> None:  # type: ignore[no-untyped-def]
    found = speakers(
        models,
        "Justice Martin Ostrowski wrote in dissent that the majority had erred. Redistricting, he wrote, "
        '"is a legislative task, and the constitution says so plainly."',
    )
    assert found["is a legislative task,"] == "Martin Ostrowski"


def test_the_bank_said_is_the_bank_named_before(models) -> None:  # type: ignore[no-untyped-def]
    found = speakers(
        models,
        "Harlan Valley Savings said in a statement that it was grateful to police. "
        '"Our first concern is the wellbeing of our colleagues," the bank said.',
    )
    assert found["Our first concern is"] == "Harlan Valley Savings"


def test_bodies_speaking_together_are_the_group(models) -> None:  # type: ignore[no-untyped-def]
    found = speakers(
        models,
        "Central Bank of Almera Governor Helena Marsh-Ortiz welcomed the figures. The country's three largest "
        'trade unions said in a joint statement that falling inflation "must not become an excuse to hold down '
        'wages."',
    )
    assert found["must not become an"] == "The country's three largest trade unions"


def test_a_spokesman_for_a_named_person_is_not_that_person(models) -> None:  # type: ignore[no-untyped-def]
    found = speakers(
        models,
        "A spokesman for Senator Jane Doe declined to discuss the vote on Tuesday. "
        '"We will not comment on rumours," he said.',
    )
    assert found["We will not comment"] != "Jane Doe"


def test_two_people_in_a_joint_statement_speak_together(models) -> None:  # type: ignore[no-untyped-def]
    found = speakers(
        models,
        "Legislative leaders were more combative. In a joint statement, Senate President Dale Whitcomb and House "
        'Speaker Renata Fulbright called the ruling "an extraordinary act of judicial overreach."',
    )
    assert found["an extraordinary act of"] == "Dale Whitcomb and Renata Fulbright"
    alone = speakers(models, 'Mayor Ann Cole and her deputy met on Monday. "We will rebuild the pier," Cole said.')
    assert alone["We will rebuild the"] == "Ann Cole"  # no joint statement: one speaker


def test_the_statement_said_goes_to_the_name_that_issued_it_and_its_next_quote_too(models) -> None:  # type: ignore[no-untyped-def]
    found = speakers(
        models,
        "Cardell Valley said in a statement that its hospitals would remain open and that it had contracted with an "
        'outside agency for about 1,100 replacement nurses. "Patient care continues uninterrupted," the statement '
        'said. "Our offer is fair, and it is among the most generous in the region."',
    )
    assert found["Patient care continues uninterrupted"] == found["Our offer is fair,"] == "Cardell Valley"


def test_the_groups_said_is_the_two_bodies_named_together_before(models) -> None:  # type: ignore[no-untyped-def]
    found = speakers(
        models,
        "In a joint statement, the Harbour Riders Alliance and the Harbour Seniors Coalition welcomed the cheaper "
        'senior fare. "Raising fares now sends riders the wrong message," the groups said.',
    )
    assert found["Raising fares now sends"] == "Harbour Riders Alliance and Harbour Seniors Coalition"
    alone = speakers(
        models,
        'The Harbour Riders Alliance met on Monday. "Riders deserve better than this," the groups said.',
    )
    assert alone["Riders deserve better than"] == "the groups"  # nobody named together: the words as written


def test_the_groups_said_is_not_one_body_with_and_in_its_name_nor_a_pair_named_long_before(models) -> None:  # type: ignore[no-untyped-def]
    found = speakers(
        models,
        "The U.S. Fish and Wildlife Service issued the rule on Monday. Environmental groups sued on Tuesday. "
        '"This rule guts protections for the river," the groups said.',
    )
    assert found["This rule guts protections"] != "U.S. Fish and Wildlife Service"
    far = speakers(
        models,
        "The Harbour Riders Alliance and the Harbour Seniors Coalition met in March. The council voted in May. "
        "Fares rose in June. Ridership fell in July. "
        '"Raising fares now sends riders the wrong message," the groups said.',
    )
    assert far["Raising fares now sends"] == "the groups"


def test_two_named_with_their_roles_in_a_joint_statement_speak_together_and_go_on(models) -> None:  # type: ignore[no-untyped-def]
    found = speakers(
        models,
        '"We are disappointed by this decision, and we are thinking first of the families," Harbour Mayor Odile '
        'Farrant and Calder County Executive Tomas Brevik said in a joint statement. "Our job centres will be open to '
        'every affected worker this week."',
    )
    assert found["We are disappointed by"] == found["Our job centres will"] == "Odile Farrant and Tomas Brevik"


def test_the_statement_said_goes_to_the_two_bodies_of_a_joint_statement(models) -> None:  # type: ignore[no-untyped-def]
    before = speakers(
        models,
        "The museum's board of trustees and the Brassford City Council said in a joint statement that they had "
        'ordered a review. "We owe the public a full and honest account," the statement said.',
    )
    assert before["We owe the public"] == "museum's board of trustees and the Brassford City Council"
    opening = speakers(
        models,
        "In a joint statement, the Harlow school board and the Harlow Teachers Association, which represents the "
        'drivers, thanked first responders. "We ask families to lean on one another," the statement said.',
    )
    assert opening["We ask families to"] == "Harlow school board and the Harlow Teachers Association"


def test_a_double_barrelled_surname_is_kept_whole(models) -> None:  # type: ignore[no-untyped-def]
    found = speakers(
        models,
        "A recount confirmed Imani Okafor-Reyes's victory by 44 votes. Okafor-Reyes, 38, campaigned on school aid "
        'and said she would seek a seat on the education committee. "I will start by listening," she told '
        "supporters on Wednesday night.",
    )
    assert found["I will start by"] == "Imani Okafor-Reyes"


def test_a_body_the_parse_cut_short_keeps_its_whole_name(models) -> None:  # type: ignore[no-untyped-def]
    found = speakers(
        models,
        '"What we are seeing is what happens when immunity wears thin," a spokeswoman for the state Department of '
        'Health said. "The virus finds the gaps."',
    )
    assert found["What we are seeing"] == "state Department of Health"  # not "Department"
    assert found["The virus finds the"] == found["What we are seeing"]


def test_a_person_opening_a_sentence_the_parser_found_no_subject_in_is_its_subject(models) -> None:  # type: ignore[no-untyped-def]
    found = speakers(
        models,
        "Gareth Toliver, the incumbent, lost the recount by 41 votes. The State Board of Canvassers is expected to "
        "meet Wednesday to certify the result. Toliver did not concede on Tuesday. In a brief statement, he said he "
        "would "
        '"review the results with counsel" before deciding.',
    )
    assert found["review the results with"] == "Gareth Toliver"


def test_review_cases_of_bodies_with_roles_in_their_names_and_joint_statements(models) -> None:  # type: ignore[no-untyped-def]
    from storyweave.analysis.speaker_names import _after_role

    assert _after_role("Sierra Club Executive Committee") == "Sierra Club Executive Committee"
    assert _after_role("Secretary of State Maria Lindqvist") == "Secretary of State Maria Lindqvist"
    assert _after_role("Harlow Chief Medical Examiner Office") == "Harlow Chief Medical Examiner Office"
    assert _after_role("Calder County Executive Tomas Brevik") == "Tomas Brevik"
    found = speakers(
        models,
        "Talks resumed on Monday and the Harlow Teachers Union and the Harlow School District said in a joint "
        'statement that classes would resume. "We owe every family a full account," the statement said.',
    )
    assert found["We owe every family"] == "Harlow Teachers Union and the Harlow School District"
    garcia = speakers(
        models,
        "Mayor Juan Garcia presented the budget on Monday. Council member Maria Garcia-Lopez said she would vote "
        'against it. "This budget balances itself on the backs of renters," Garcia said.',
    )
    assert garcia["This budget balances itself"] == "Juan Garcia"  # the exact surname before a first part


@pytest.mark.models
def test_a_name_with_a_persons_role_beside_it_is_a_person_whatever_the_entity_model_says(models) -> None:  # type: ignore[no-untyped-def]
    found = speakers(
        models,
        'The board fined three bakeries on Tuesday. "Nothing changes at the checkout immediately," the board said in '
        "response to questions from Consumer Beat.",
        "Adaeze Thornbury, the board's chair, said the fines should nonetheless change behaviour across the "
        'industry. "The message to every boardroom is simple. If you talk to your rivals about prices, we will find '
        'out," she said.',
    )
    assert found["The message to every"] == "Adaeze Thornbury"  # the model calls her an organisation
    assert found["Nothing changes at the"] == "the board"


def test_a_spokesperson_named_beside_their_description_is_that_person(models) -> None:  # type: ignore[no-untyped-def]
    found = speakers(
        models,
        "Prosecutors charged Governor Elena Marchetti's former aide on Friday. "
        '"The governor has cooperated fully and will go on doing so," a spokeswoman for Marchetti, Kira Delacourt, '
        "said Saturday.",
    )
    assert found["The governor has cooperated"] == "Kira Delacourt"


def test_two_bodies_in_a_joint_statement_speak_together(models) -> None:  # type: ignore[no-untyped-def]
    found = speakers(
        models,
        "The governor vetoed the rental ban on Friday. The Keswan Realtors Association and the Keswan Hosts Alliance "
        'said in a joint statement that the veto "protects thousands of families who rely on rental income."',
    )
    assert found["protects thousands of families"] == "Keswan Realtors Association and Keswan Hosts Alliance"


def test_the_ministry_said_is_the_ministry_a_sentence_before_opens_with(models) -> None:  # type: ignore[no-untyped-def]
    found = speakers(
        models,
        "Orvell Foods said on Monday it would cut 200 jobs. The finance ministry sought to calm markets. "
        '"The 2026 budget framework remains in force and no payments will be delayed," the ministry said in a '
        "statement.",
    )
    assert found["The 2026 budget framework"] == "finance ministry"


def test_the_subject_of_the_verb_right_before_a_quotation_said_it(models) -> None:  # type: ignore[no-untyped-def]
    found = speakers(
        models,
        "Farmers drove tractors into the capital in February to protest against the fuel levy, which Agrarian "
        'leader Tomas Wintersberg called "a tax on everyone who lives far from the capital."',
    )
    assert found["a tax on everyone"] == "Tomas Wintersberg"


def test_a_title_or_a_scare_quote_after_a_verb_that_is_no_calling_is_nobodys_quotation(models) -> None:  # type: ignore[no-untyped-def]
    found = speakers(
        models,
        'The crowd of 40,000 sang along as headliner Marisa Quell performed "Harbour Lights in the Evening Rain," '
        "her biggest hit.",
        'Residents criticised the budget, which Mayor Ann Cole unveiled "with great fanfare and few details" last '
        "week, as a giveaway to developers.",
        'The judges praised the novel, which author Tomas Wintersberg titled "The Long Road Home to Kelton," for its '
        "portrait of rural life.",
    )
    assert found["Harbour Lights in the"] is None
    assert found["with great fanfare and"] is None
    assert found["The Long Road Home"] is None


@pytest.mark.models
def test_a_joint_statement_of_two_named_before_said_is_both_of_theirs(models) -> None:  # type: ignore[no-untyped-def]
    found = speakers(
        models,
        'Mayor Lena Holt and her deputy Tom Reed said in a joint statement that "the city will rebuild."',
        "The bridge stays closed. Mayor Lena Holt and the Kelton Fire Department said in a joint statement that "
        '"nobody should be on the bridge until engineers have inspected it."',
    )
    assert found["the city will rebuild."] == "Lena Holt and Tom Reed"
    assert found["nobody should be on"] == "Lena Holt and Kelton Fire Department"
    alone = speakers(
        models,
        'Mayor Lena Holt and her deputy Tom Reed spoke on Monday. "We will rebuild the bridge and the school," '
        "Reed said.",
    )
    assert alone["We will rebuild the"] == "Tom Reed"  # no joint statement: the one who said it
