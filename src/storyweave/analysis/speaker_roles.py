"""A speaker described rather than named, resolved within its article.

- "the sheriff", "the actor", "Ann's coach": the person given that role next to their
  name ("Sheriff Ann Cole", "Ann Cole, the actor", "Ann's coach, Tom Reed"), else
  someone named in a sentence that mentions the role;
- "the company", "police": the organisation given that description ("Tyson, the largest
  company"), or the body a sentence just before opens with ("The finance ministry sought to calm
  markets."), else the description itself ("police": a police force named before);
  "the fraternity": any named thing given that description; 'the group "Drivers for Fair Roads"': the
  name in quotation marks;
- "a BP spokesman", "a witness", "one official": nobody: an unnamed speaker is left unnamed, not guessed;
- "the six governors", "the family": the group itself, never one of its members;
- "a statement from her agent", "the police report": who issued it; "the report says": the report.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from storyweave.analysis.entities import TITLES, EntityIndex, core_name
from storyweave.models import AnnotatedArticle, Entity

PERSON_NOUNS = set(
    """actor actress singer star player man woman boy girl officer official researcher scientist investigator
    lawyer attorney father mother son daughter wife husband friend witness victim resident doctor expert
    author professor teacher student agent spokesman spokeswoman chief mayor sheriff rep publicist minister pastor
    manager coach""".split()
)
ORGANISATION_NOUNS = set(
    """company firm group agency department police ministry government organization organisation hospital
    university school airline club team office court council committee statement spokesman spokeswoman
    spokesperson board authority service army military commission foundation network bank lender insurer retailer
    carrier maker manufacturer union league association institute party utility""".split()
)
DOCUMENTS = set(
    """statement report notice release letter post article email memo filing message tweet description summary
    study audit complaint indictment lawsuit ruling order document transcript flyer leaflet editorial petition
    bulletin""".split()
)
WRITINGS = set(  # documents that speak for themselves; statements, letters and posts for who issued them, if named
    "report notice article memo filing description summary study audit complaint indictment lawsuit ruling order "
    "document transcript flyer leaflet editorial petition bulletin".split()
)
SPEAKING_FOR = {"spokesman", "spokeswoman", "spokesperson", "source", "aide", "representative"}
# What an organisation's own name may end in: "The Traditional Unionist Voice party"
BODIES = ORGANISATION_NOUNS | set(
    "party association union movement campaign coalition alliance society institute".split()
)
# Several people speaking as one; never one of their members.
GROUPS = set(
    """family families couple parents relatives governors mayors commissioners ministers senators leaders
    officials organizers organisers protesters residents neighbours neighbors researchers authors scientists
    councillors councilors lawmakers members""".split()
)
# A role as a title before a name: "Gov. Ann Cole" is the governor.
ABBREVIATIONS = {
    "governor": "gov", "senator": "sen", "representative": "rep", "general": "gen", "lieutenant": "lt",
    "sergeant": "sgt", "detective": "det", "inspector": "insp", "superintendent": "supt",
    "commander": "cmdr", "captain": "capt", "professor": "prof", "doctor": "dr", "president": "pres",
}  # fmt: skip
_INDEFINITE = {"a", "an", "one", "another", "some", "two", "three", "several"}
NAMED = {"PERSON", "ORG", "NORP", "FAC", "PRODUCT", "WORK_OF_ART", "EVENT"}  # labels a description may stand for
ROLE_WINDOW = 60  # characters around a name that its role is looked for in
_LINKS = {"of", "for", "from", "at", "with"}
NEAR = 2  # sentences back that "the groups said" looks for the bodies named together
_JOINED = re.compile(r",?\s+and\s+(?:the\s+)?(?:[a-z]+\s+)?")  # "X and the systemwide Y"


def _two_names_in_one(text: str) -> bool:
    """ "the Greyfield Nurses Association and Service Workers Local": two names of two words or more each, not one
    name with "and" in it ("U.S. Fish and Wildlife Service", "Johnson and Johnson"), whether the entity model made
    one entity of it or two."""
    parts = re.split(r"\s+and\s+(?:the\s+)?", text)
    return len(parts) == 2 and all(
        sum(w[:1].isupper() and "." not in w and w.lower() != "the" for w in part.split()) >= 2 for part in parts
    )


def _plural_body(word: str) -> bool:
    """A plural of bodies speaking together: "groups", "unions", "companies", "organisations"."""
    singular = word[:-3] + "y" if word.endswith("ies") else word.removesuffix("s")
    return word != singular and singular in ORGANISATION_NOUNS


_DEFINITE = {"the", "this", "that", "these", "those", "his", "her", "their", "its", "our"}
_TITLE_DOT = re.compile(r"\b(Dr|Mr|Mrs|Ms|Prof|Gov|Sen|Rep|Gen|Lt|Col|Sgt|Capt|Det|Insp|Supt|Cmdr|St)\.")
_CLAUSE_BREAK = re.compile(r"[,.;:()\"“”]")
_ROLE_WORDS = PERSON_NOUNS | set(ABBREVIATIONS)
ISSUER_LOOKBACK = 3  # earlier sentences that mention a document, searched for who issued it
_AFTER_ISSUER = r"(?:on|in|at|said|says|that|which|to|yesterday|today|tonight|last|this|earlier)\b"  # after the issuer
_ANOTHER = r"(?:a|an|another|its|his|her|their)"  # before a document that is not the one the quote's "the" means
_ISSUED_BY = re.compile(
    rf"\b(?P<noun>[a-z]+)\s+(?:from|by|issued by|released by)\s+(?:the\s+)?"
    rf"(?P<who>[A-Z][\w'’-]*(?:\s+(?:of\s+|for\s+)?[A-Z][\w'’-]*){{0,4}}(?:\s+(?!{_AFTER_ISSUER})[a-z]+)?)"
    rf"(?=\s*[,.;:]|\s+{_AFTER_ISSUER}|\s*$)"
)
# a capitalised name opening its sentence as the issuer of a document: "Cardell Valley said in a statement"
_NAMED_ISSUER = re.compile(
    r"(?P<who>(?:[A-Z][\w&'’.-]*\s+){0,4}[A-Z][\w&'’.-]*)\s+(?:said|says|announced|added|confirmed)\s+in\s+an?\s+"
    r"(?:written\s+|brief\s+|short\s+)?(?:statement|release|letter|post|email)\b"
)
# two bodies or people issuing one statement: "The museum board and the Brassford City Council said in a joint
# statement that ...", "In a joint statement, the school board and the teachers' union, which ..., said"
_BOTH = r"[^,;:\"“”]{2,100}?\s+and\s+(?:the\s+)?[^,;:\"“”]{2,80}?"
_JOINT_ISSUERS = re.compile(
    rf"(?:^|,\s+)(?:[Tt]he\s+)?(?P<who>{_BOTH})\s+(?:said|says|announced|added)\s+in\s+a\s+joint\s+"
    rf"(?:statement|release|letter)\b|\bIn\s+a\s+joint\s+(?:statement|release|letter)[^,]{{0,30}},\s+(?:the\s+)?"
    rf"(?P<who_after>{_BOTH})(?=,|\s+(?:said|says|called|urged|welcomed|thanked|announced)\b)"
)
_GROUP_ISSUED = re.compile(
    r"^(?P<group>(?:[A-Z][\w'’-]+\s+){0,3}[A-Z][\w-]*['’]s?\s+(?P<noun>[a-z]+))\s+(?:released|issued|put out)\b"
)
_TITLED = re.compile(
    rf"\b(?:[Tt]he|[Aa]n?)\s+(?:[\w-]+\s+){{0,2}}(?P<noun>{'|'.join(sorted(BODIES))})\s+[\"“]"
    r"(?P<name>[A-Z][^\"“”\n]{2,60}?)[,.]?[\"”]"
)


# the bodies a sentence may open with described in lower case ("The finance ministry sought ..."; a company is
# named), and words that do not say which body ("the same ministry", "the former department")
_DESCRIBED_BODIES = frozenset({"ministry", "department", "agency"})
_NOT_WHICH = frozenset("old same rival other former new another parent sister".split())


@dataclass(slots=True)
class Roles:
    """Resolves descriptions within one article; each list holds mentions outside quotations."""

    annotated: AnnotatedArticle
    index: EntityIndex
    people: list[Entity]
    organisations: list[Entity]
    named: list[Entity]  # people, organisations and other named things

    def resolve(self, written: str, before: int, follow: Callable[[], str | None] | None = None) -> str | None:
        """Who a description written before offset ``before`` stands for; ``follow`` is asked for whoever the
        passage is about when a person's description ("the actor told SiriusXM") matches nobody."""
        words = written.split()
        link = next((i for i, w in enumerate(words) if w.lower() in _LINKS and i > 0), len(words))
        phrase, owner = [w.lower() for w in words[:link]], " ".join(words[link + 1 :])
        head = phrase[-1].rstrip("s") if phrase else ""
        definite = phrase[0] in _DEFINITE or phrase[0].endswith(("'s", "’s"))  # "the", "Ann's"
        if (head in PERSON_NOUNS or head in SPEAKING_FOR) and any(w.endswith(("'s", "’s")) for w in phrase[:-1]):
            # "Reid's rep", "the church's head minister": someone of theirs, not them; named only when the
            # article gives someone that role
            return self._described_as(head, self.people, before)
        if head in DOCUMENTS:  # the document itself ("the report says"), or who issued it
            if words[0].endswith(("'s", "’s")) and words[0][:1].isupper():  # "Willoughby's letter": Willoughby
                issuer = self.index.resolve_person(words[0][:-2]) or self.index.canonical(words[0][:-2])
                if issuer:  # a name the article gives ("Friday's statement" is nobody's)
                    return issuer
            rest = " ".join(words[: len(phrase) - 1]) if len(phrase) > 2 else ""
            issuer = self.resolve(owner or rest, before, follow) if owner or rest else None
            if issuer:
                return issuer
            if definite and phrase[0] == "the":  # "the statement reads" after "Orvell Foods issued a statement"
                return self._issuer(head, before) or written  # else the document itself: "the letter said"
            if head in WRITINGS:
                return written  # "an editorial says"
            return self._last_organisation(before)  # "a statement said": whoever issued it, if named
        personal = head in PERSON_NOUNS or head in TITLES or head in SPEAKING_FOR
        name = words[1:link]
        proper = (
            bool(name)
            and name[0][:1].isupper()
            and all(w[:1].isupper() for w in name[:-1])
            and (name[-1][:1].isupper() or head in BODIES)
        )
        if phrase[0] == "the" and proper and not personal:  # "The Traditional Unionist Voice party"
            return self.index.canonical(" ".join(name)) or " ".join(name)
        if definite and not personal and head not in ORGANISATION_NOUNS:  # "the medical examiner", "the governor"
            described = self._described_as(head, self.people, before)
            if described:
                return described
        if phrase[0] in _INDEFINITE and (personal or phrase[-1] in GROUPS):
            return None  # "a police spokeswoman", "one official", "a witness": left unnamed, not guessed
        if definite and (phrase[-1] in GROUPS or (phrase[-1].endswith("s") and head in PERSON_NOUNS | TITLES)):
            return written  # "the six governors", "the family": the group speaks, not one of its members
        if definite and _plural_body(phrase[-1]):  # "the groups said" after "X and Y said in a joint statement"
            together = self._last_pair(before)
            if together:
                return together
        if definite and phrase[-1] != head and head in ORGANISATION_NOUNS:
            return written  # "the country's three largest trade unions": the bodies together, not one named before
        if personal and definite:
            described = self._described_as(head, self.people, before)  # "the actor" after "the actor Jon Smith"
            if described:
                return described
        named = [w for w in words if w[:1].isupper() and w.lower() not in _DEFINITE | {"a", "an"}]
        if named:
            fuller = self.fuller_organisation(" ".join(named), before)
            return fuller or self.index.canonical(" ".join(named)) or " ".join(named)
        if owner:
            return self.resolve(owner, before, follow)
        if head in ORGANISATION_NOUNS or phrase[-1] in ORGANISATION_NOUNS:
            found = self._described_as(head, self.organisations, before) or self._titled(head, before)
            if found:
                return found
            if definite and head != "police" and not personal:
                found = self._described_opener(head, before)  # "The finance ministry sought to calm markets."
                if found:
                    return found
            found = self._last_organisation(before, head, subject=definite and head != "police" and not personal)
            if found:
                return found
            if definite and head != "police" and not personal:
                return written  # "the club said", no club named as such nor as a subject: the club, not a guess
        if personal:
            found = self._described_as(head, self.people, before) or self._in_sentence_with(head, phrase, before)
            if found:
                return found
        if definite:  # "the fraternity" after "the fraternity Alpha Beta"
            described = self._described_as(head, self.named, before)
            if described:
                return described
        return follow() if follow and head in PERSON_NOUNS else None

    def fuller_organisation(self, named: str, before: int) -> str | None:
        """The organisation the entity model found whose name these words begin, nearest ``before``: "the state
        Department" cut short by the parse is "Department of Health"."""
        pattern = re.compile(rf"\b{re.escape(named)}\b")
        found = [e for e in self.organisations if pattern.search(e.text) and len(core_name(e.text)) > len(named)]
        if not found:
            return None
        nearest = min(found, key=lambda e: abs(e.start - before))
        return self.index.canonical(nearest.text) or core_name(nearest.text)

    def _titled(self, noun: str, before: int) -> str | None:
        """The name in quotation marks the article gives a body it describes so: 'The group "Truckers for the
        Constitution" is hoping ...' for "the group said" (a name in quotation marks is no entity)."""
        found = [m for m in _TITLED.finditer(self.annotated.article.text, 0, before) if m["noun"].lower() == noun]
        return found[-1]["name"].strip() if found else None

    def _issuer(self, noun: str, before: int) -> str | None:
        """Who issued the document a definite description points back to: the organisation that opens the last
        sentence before the quote to mention it ("Orvell Foods issued a statement"); a person's letter or statement
        stays the document ("Fields' lawyer released a statement": not Fields, and maybe not the lawyer)."""
        mentioned = [s for s in self.annotated.sentences if s.end <= before and noun in s.text.lower()]
        while len(mentioned) > 1 and re.search(
            rf"\bthe\s+{noun}\s+(?:said|says|added|read|reads)\b", mentioned[-1].text
        ):
            mentioned.pop()  # '"...," the statement said.' before a quote that goes on: the statement named earlier
        if not mentioned:
            return None
        sentence = mentioned[-1]
        joint = _JOINT_ISSUERS.search(sentence.text)
        if joint and noun in joint.group(0).lower():
            parts = [p for p in re.split(r"(?:^|\s+)and\s+", joint["who"] or joint["who_after"]) if p.strip()]
            return " and ".join(parts[-2:]).removeprefix("the ")  # the last two named: not "Talks resumed and X"
        for entity in self.organisations:
            if entity.sentence == sentence.index and (self._opens(entity) or self._apposed(entity)):
                return self.index.canonical(entity.text) or core_name(entity.text)
        opener = _NAMED_ISSUER.match(sentence.text)  # "Cardell Valley said in a statement": a name the entity model
        if opener and noun in opener.group(0).lower() and not self.index.resolve_person(opener["who"]):  # missed
            return self.index.canonical(opener["who"]) or opener["who"]
        group = _GROUP_ISSUED.match(sentence.text)  # "Saldanha's family released a statement"
        if group and group["noun"].lower() in GROUPS:
            return group["group"]
        for earlier in reversed(mentioned[-ISSUER_LOOKBACK:]):  # "according to a statement from the Indian
            issued = _ISSUED_BY.search(earlier.text)  # government": the quote's "the statement said" is theirs
            if issued and issued["noun"].lower().rstrip("s") == noun:
                return self.index.canonical(issued["who"]) or issued["who"]
            if re.search(rf"\b{_ANOTHER}\s+(?:[a-z]+\s+)?{noun}s?\b", earlier.text.lower()):
                return None  # "A lawyer for Reed released a statement": another one, whose issuer is not named
        return None

    def _apposed(self, entity: Entity) -> bool:
        """The organisation names a description beside it: "In a statement, the radio station's owner, Southern
        Cross Austero Media, said ..."."""
        text = self.annotated.article.text
        return text[max(0, entity.start - 2) : entity.start] == ", " and text[entity.end : entity.end + 1] == ","

    def _opens(self, entity: Entity) -> bool:
        """The entity opens its sentence (its subject, most likely): "Orvell Foods issued ...", "The BBC said"."""
        start = self.annotated.sentences[entity.sentence].start
        ahead = self.annotated.article.text[start : entity.start].strip(" \"“'‘").lower()
        return not ahead.removeprefix("the").strip()

    def _described_opener(self, noun: str, before: int) -> str | None:
        """The body a sentence just before opens with, described in lower case: "the finance ministry" for "the
        ministry said" after "The finance ministry sought to calm markets." (no name the entity model sees)."""
        if noun not in _DESCRIBED_BODIES:
            return None
        opening = re.compile(rf"[Tt]he\s+((?:[a-z]+\s+){{1,2}}{noun})\s+[a-z]")
        near = [s for s in self.annotated.sentences if s.end <= before][-NEAR:]
        found = [m[1] for m in map(opening.match, (s.text for s in near)) if m and not set(m[1].split()) & _NOT_WHICH]
        return found[-1] if found else None

    def _last_organisation(self, before: int, head: str = "", *, subject: bool = False) -> str | None:
        """The last organisation named before ``before`` (one that opens its sentence, with ``subject``: "Harlow
        Mills Corp. closed its plant", not "the rhetoric of the Tea Party"); for "police", a police force."""
        found = [e for e in self.organisations if e.end <= before and not self.index.resolve_person(e.text)]
        if subject:
            found = [e for e in found if self._opens(e)]
        if head == "police":  # "police said": the police, or a police force named before; not any organisation
            found = [e for e in found if "police" in e.text.lower()]
            if not found:
                return "police"
        return (self.index.canonical(found[-1].text) or core_name(found[-1].text)) if found else None

    def _last_pair(self, before: int) -> str | None:
        """The last two bodies or people named together in the sentence of ``before`` or the ``NEAR`` before it ("the
        Westmark Student Association and the systemwide Faculty Senate"), as one speaker."""
        text = self.annotated.article.text
        here = next((s.index for s in self.annotated.sentences if s.start <= before < s.start + len(s.text) + 1), 0)
        named = sorted(
            (e for e in self.organisations + self.people if e.end <= before and here - NEAR <= e.sentence <= here),
            key=lambda e: e.start,
        )
        for first, second in reversed(list(zip([None, *named], named, strict=False))):
            if _two_names_in_one(second.text):  # the entity model took both for one: "the X Association and Y Local"
                return core_name(second.text)
            if (
                first
                and first.sentence == second.sentence
                and _JOINED.fullmatch(text[first.end : second.start])
                and _two_names_in_one(text[first.start : second.end])
            ):
                names = [self.index.canonical(e.text) or core_name(e.text) for e in (first, second)]
                return f"{names[0]} and {names[1]}"
        return None

    def _in_sentence_with(self, role: str, phrase: list[str], before: int) -> str | None:
        """The last person named in a sentence that mentions the role (but "her agent" is not her)."""
        if phrase[0] in _DEFINITE - {"the"}:
            return None
        for entity in reversed([e for e in self.people if e.start < before]):
            if role in self.annotated.sentences[entity.sentence].text.lower():
                return self.index.resolve_person(entity.text) or core_name(entity.text)
        return None

    def _described_as(self, role: str, entities: list[Entity], before: int) -> str | None:
        """The last entity before the quote given this role next to its name ("Sheriff Ann Cole", "Ann Cole,
        the sheriff", "the fraternity Alpha Beta") or in it ("the Ministry of Transport" for "the ministry")."""
        text = self.annotated.article.text
        short = ABBREVIATIONS.get(role)
        words = rf"(?:{re.escape(role)}|{short}\b\.?)" if short else re.escape(role)
        pattern = re.compile(rf"\b{words}(?!\w*['’]s\b)", re.I)  # "the club's owner Lech Sieradz" is not the club
        for entity in sorted((e for e in entities if e.end <= before), key=lambda e: -e.start):
            if entities is self.organisations and self.index.resolve_person(entity.text):
                continue  # a person the entity model once took for an organisation
            sentence = self.annotated.sentences[entity.sentence]
            ahead = text[max(sentence.start, entity.start - ROLE_WINDOW) : entity.start].rstrip(" ,")
            ahead = _TITLE_DOT.sub(r"\1", ahead)  # "Chief Medical Examiner Dr." is not cut at its last period
            ahead = " ".join(_CLAUSE_BREAK.split(ahead)[-1].split()[-4:])  # "the coach, Ann Cole"
            after = text[entity.end : min(sentence.end, entity.end + ROLE_WINDOW)]
            after = _CLAUSE_BREAK.split(after[1:])[0] if after.startswith(",") else ""  # "Ann Cole, the coach,"
            last = entity.text.lower().rstrip(".").split()[-1].replace("’", "'").removesuffix("'s")
            if role in _ROLE_WORDS and last == role:
                continue  # "County Sheriff" (or "County Sheriff's") tagged as a person is the role, not a name
            if pattern.search(ahead) or pattern.search(after) or pattern.search(entity.text):
                return self.index.canonical(entity.text) or core_name(entity.text)
        return None
