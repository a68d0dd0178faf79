"""First names that, in English-language news, nearly always belong to men or to women.

A list written for storyweave (common given names, none given to both sexes such as "Jordan", "Taylor",
"Kelly", "Dana", "Lee", "Chris", "Sam" or "Andrea"). It counts as much as a title towards "he" or "she": "Pam
Dixon" is not the "he" of the next quotation. A name not listed settles nothing.
"""

from __future__ import annotations

MALE = frozenset(
    """aaron adam adrian ahmed alan albert alejandro alexander alfred andrew andy anthony antonio arthur
    barack barry ben benjamin bernard bill billy bob bobby brad bradley brandon brett brian bruce bryan carl
    carlos charles charlie christopher chuck clarence colin craig curtis dan daniel danny darren dave
    david dean dennis derek dick don donald doug douglas duncan dustin earl ed eddie edward eric ernest eugene
    frank fred frederick gary gavin george gerald gerry glen glenn gordon graham greg gregory harold harry
    henry howard hugh ian isaac jack jacob jake james jason jay jeff jeffrey jeremy jerry jim jimmy joe
    joel john johnny jon jonathan jorge jose joseph josh joshua juan justin keith ken kenneth kevin kyle larry
    lawrence leon leonard lewis louis luis luke marc marco marcus mario mark martin matt matthew michael
    mike miguel mitch mitchell mohammed muhammad nathan neil nicholas nick norman oliver omar oscar patrick paul
    pedro peter phil philip ralph randy ray raymond richard rick rob robert roberto rodney roger ron ronald ross
    roy russell ryan samuel scott sean sergei seth shane shawn simon stanley stephen steve steven stuart
    ted thomas tim timothy todd tom tommy tony travis trevor troy victor vincent vladimir walter wayne
    william willie""".split()
)
FEMALE = frozenset(
    """abby abigail alice alicia allison amanda amber amy angela ann anna anne annie barbara
    betty beverly bonnie brenda brianna brittany carla carol caroline carolyn catherine cathy cheryl christina
    christine cindy claire claudia colleen cynthia danielle deborah debra denise diana diane donna doris
    dorothy eileen elaine elena elizabeth ellen emily emma erica erin evelyn fiona frances gail gloria grace
    hannah heather heidi helen hillary holly irene jacqueline jane janet janice jennifer jenny jessica jill joan
    joanne joyce judith judy julia julie karen kate katherine kathleen kathryn kathy katie kimberly kristen
    laura lauren linda lindsay lindsey lisa lois lori louise lucy lydia margaret maria marie marilyn martha
    mary megan melanie melissa michelle monica nancy natalie nicole nina pam pamela patricia paula peggy rachel
    rebecca rita rose ruth sally samantha sandra sara sarah sharon sheila shirley sophia stephanie susan suzanne
    tamara tara teresa theresa tiffany tina valerie vanessa veronica victoria virginia wendy yvonne""".split()
)


def gender_of_first_name(name: str) -> str | None:
    """ "male" or "female" for a full name whose first word is listed; else None."""
    first = name.split()[0].lower().strip(".,'’") if name.split() else ""
    return "male" if first in MALE else "female" if first in FEMALE else None
