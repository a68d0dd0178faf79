"""Which sentences may stand in a summary on their own."""

from __future__ import annotations

import re

from storyweave.models import Sentence

_ENDS_LIKE_A_SENTENCE = re.compile(r"""[.!]["'”’)]?$""")
# Openings that lean on the sentence before: out of context they mislead.
_DANGLING_OPENING = re.compile(
    r"^(?:and|but|or|so|also|however|meanwhile|still|yet|then(?!-)|he|she|it|they|this|that|these|those|his|her|"
    r"their|its)\b"
)
_CUT_OFF = re.compile(r"(?:\.\.\.|…)[\"'”’)]?$")  # "... and...": an excerpt, not a sentence
_CALL_TO_ACTION = re.compile(
    r"\b(?:click|subscribe|sign up|follow us|read more|share this|breaking news alerts|newsletters?|your tweets)\b"
    r"|^watch(?: the)? (?:full )?(?:report|video|interview|segment|story)\b",
    re.I,
)
# A photo caption ends on the day the picture was taken: "..., speaks to the media in Belfast, Thursday, May 1, 2014."
_CAPTION_DATE = re.compile(
    r",\s+(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,\s+)?(?:Jan|Feb|March|April|May|June|July|Aug|Sept?|Oct|Nov|Dec)"
    r"[a-z]*\.?,?\s+\d{1,2},\s+\d{4}\.$"
)


def word_count(text: str) -> int:
    return len(text.split())


def page_furniture(text: str) -> bool:
    """A line of the page rather than of the story: a call to act, a caption, a heading or shouting in capitals."""
    letters = [c for c in text if c.isalpha()]
    shouting = len(letters) >= 12 and sum(c.isupper() for c in letters) > 0.8 * len(letters)
    return bool(_CALL_TO_ACTION.search(text) or _CAPTION_DATE.search(text)) or shouting


def is_candidate(sentence: Sentence, *, min_words: int, max_words: int) -> bool:
    """A sentence that reads well alone: full length, a statement, no dangling start, whole quotes."""
    text = sentence.text
    if not min_words <= word_count(text) <= max_words:
        return False
    if not _ENDS_LIKE_A_SENTENCE.search(text) or _CUT_OFF.search(text) or page_furniture(text):
        return False
    if text[:1].islower() or _DANGLING_OPENING.match(text.lstrip("\"“'‘").lower()):
        return False
    return text.count('"') % 2 == 0 and text.count("“") == text.count("”")
