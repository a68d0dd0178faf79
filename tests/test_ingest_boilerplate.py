"""Boilerplate lines left out of the analysed body."""

from __future__ import annotations

import pytest

from storyweave.ingest import body_paragraphs, is_boilerplate_line, split_body

ARTICLE = """\
By Jane Doe

The Harbour Street bridge reopened on Tuesday after six weeks of repairs.
Photo: Coastal Ledger archive
  City engineers said the work cost 2.4 million dollars.  \t

Advertisement

A man crosses the bridge on its first morning. (AP Photo/John Doe)
The Coastal Ledger / Harbour Desk
Mayor Lena Ortiz thanked commuters for their patience.
The Coastal Ledger / Harbour Desk
Copyright © 2024 Coastal Ledger Media
"""


def texts(text: str) -> list[str]:
    return [text[start:end] for start, end in body_paragraphs(text)]


def test_article_keeps_prose_and_counts_dropped_lines() -> None:
    result = split_body(ARTICLE)
    assert [ARTICLE[s:e] for s, e in result.spans] == [
        "The Harbour Street bridge reopened on Tuesday after six weeks of repairs.",
        "City engineers said the work cost 2.4 million dollars.",
        "Mayor Lena Ortiz thanked commuters for their patience.",
    ]
    assert result.dropped == 7
    assert body_paragraphs(ARTICLE) == result.spans


def test_spans_are_verbatim_and_trimmed() -> None:
    text = "  \n\t First paragraph here.  \r\n\n   Second one.\t"
    spans = body_paragraphs(text)
    assert [text[s:e] for s, e in spans] == ["First paragraph here.", "Second one."]
    assert spans[0][0] == text.index("First")


def test_repeated_credit_line_is_removed_everywhere() -> None:
    text = (
        "Reporting from the harbour, staff team\n"
        "The ferry will stop running on Friday, the port said.\n"
        "reporting  from the harbour, Staff team\n"
        "Shops on the waterfront expect trade to recover."
    )
    assert texts(text) == [
        "The ferry will stop running on Friday, the port said.",
        "Shops on the waterfront expect trade to recover.",
    ]
    assert split_body(text).dropped == 2


def test_repeated_long_paragraph_is_kept() -> None:
    long_line = " ".join(["The council said the bridge would be inspected again"] * 4) + "."
    text = f"{long_line}\n{long_line}"
    assert len(body_paragraphs(text)) == 2


def test_empty_text() -> None:
    assert split_body("").spans == []
    assert split_body(" \n\n ").dropped == 0


@pytest.mark.parametrize(
    "line",
    [
        "A man walks past the flooded bridge on Tuesday. (AP Photo/John Doe)",
        "Mayor Lena Ortiz speaks to reporters. (David M Warren / Staff Photographer)",
        "The harbour at dawn. Photograph: Jane Doe/Reuters",
        "Photo: Jane Doe",
        "Image: Coastal Ledger",
        "Credit: Harbour Authority",
        "Caption: The bridge before the storm",
        "FILE - The bridge is seen in 2019.",
        "Advertisement",
        "ADVERTISEMENT",
        "Read more: Storm closes harbour bridge",
        "Related: Ferry timetable changes",
        "Related stories",
        "Share this article",
        "Share",
        "Sign up for our morning newsletter",
        "Subscribe now for full access",
        "Click here to get breaking news alerts",
        "Follow us on Twitter",
        "Follow Jane Doe on X @janedoe",
        "Follow @coastalledger",
        "Copyright © 2024 Coastal Ledger Media",
        "© 2024 Coastal Ledger. All rights reserved.",
        "All rights reserved.",
        "Reporting by Jane Doe; Editing by John Roe",
        "(Reporting by Jane Doe in London; additional reporting by Ann Lee)",
        "* * *",
        "———",
        "By Jane Doe",
        "BY JANE DOE",
        "By Jane Doe and John Roe, Associated Press",
        "By Jane M. Doe | Reuters",
        "Jane Doe, Staff Writer",
        "March 5, 2024",
        "5 March 2024",
        "2024-03-05",
        "Tuesday, 5 March 2024 10:32 GMT",
        "Updated 10:32 a.m. EST, March 5, 2024",
        "Published: 5 March 2024",
    ],
)
def test_boilerplate_lines(line: str) -> None:
    assert is_boilerplate_line(line)
    assert texts(f"The bridge reopened on Tuesday.\n{line}\nThe mayor was pleased.") == [
        "The bridge reopened on Tuesday.",
        "The mayor was pleased.",
    ]


@pytest.mark.parametrize(
    "line",
    [
        "The photo, taken by a tourist, shows the railing collapsing into the water.",
        "Photographs of the damage spread quickly online, the council said.",
        "She posted a picture of the flood on Facebook and Twitter.",
        "Image rights are a growing field, the lawyer said.",
        "By Tuesday, the water had receded.",
        "By Tuesday the water had receded",
        "By noon, Jane Doe had left the building.",
        "By the numbers: the storm in figures",
        "Reporting by the Guardian showed that the firm paid no tax.",
        "Follow the money, investigators said on Twitter.",
        "Share prices fell 5% on Monday.",
        "Subscribers lost access for two days.",
        "Support fell to 40% (Reuters/Ipsos).",
        "The council (which met on Monday) agreed.",
        "The bridge reopened on March 5, 2024.",
        "May 2024 be better than last year, she said.",
        "Police said 12 people were hurt.",
        "John Smith, the editor, resigned on Friday.",
        "Read the full statement below, the council said.",
        "Copyrighted songs were removed from the broadcast.",
        "Related charges were dropped.",
        "The advertisement campaign cost the city 300,000 dollars last spring.",
    ],
)
def test_prose_is_kept(line: str) -> None:
    assert not is_boilerplate_line(line)
    assert texts(f"The bridge reopened on Tuesday.\n{line}") == ["The bridge reopened on Tuesday.", line]
