"""Who a quotation's attribution names, resolved within its article.

- "he" / "she" / "they": the nearest earlier subject (from the parser) that is a person
  of that gender, going back further while the same pronoun is the subject ("Reed said
  that he ... . He added ... '...,' he said"); else the previous quotation's speaker when
  nobody new was named since; else, when the pronoun has been the subject for long, the
  person of that gender the article names most; else the last person named before it;
- names: see speaker_names ("Okafor", "Robin", "NIMB"); descriptions: see speaker_roles
  ("the sheriff", "the company", "a statement from her agent");
- "hotel spokeswoman Paula Dirks": the descriptor is dropped; "That student, later identified as
  Niya Kenny,": the name beside a description ('"...," a spokeswoman for Cole, Kira Delacourt, said' too);
  "a man who ..., who gave only his first name, Marco": that first name;
- "Ann Cole and Tom Reed said in a joint statement", "The X Association and the Y Alliance said in a joint
  statement": both, together.
"""

from __future__ import annotations

import bisect
import re
from collections import Counter
from collections.abc import Callable, Mapping

from storyweave.analysis.alignment import STOP_WORDS
from storyweave.analysis.entities import PHOTO_CREDIT, ROLE_NOUNS, TITLES, EntityIndex
from storyweave.analysis.first_names import gender_of_first_name
from storyweave.analysis.quote_cues import ACCORDING_TO, CUES, REPORTED_OPENING
from storyweave.analysis.quote_spans import CONTEXT, QuoteSpan
from storyweave.analysis.speaker_names import Names
from storyweave.analysis.speaker_roles import DOCUMENTS, NAMED, PERSON_NOUNS, SPEAKING_FOR, Roles
from storyweave.models import AnnotatedArticle, Entity
from storyweave.nlp.syntax import Subject

PRONOUNS = {"he", "she", "they"}
_POSSESSIVES = {"he": ("his",), "she": ("her",), "they": ("their",)}
MAX_CHAIN = 40  # sentences a chain of "he ... he ... he" is followed back (bounds the work on quote-heavy text)
TOPIC_MENTIONS = 3  # times the article must name someone for a long "she" to go to them


_AFFILIATION = re.compile(r"^((?:[A-Z][\w'’.-]+\s+){1,4}[A-Z][\w'’-]+)\s+(?:of|from|at|with)\s+(?:the\s+)?[A-Z]")
_TWO_NAMES = re.compile(r"((?:[A-Z][\w'’-]+\s+){0,2}[A-Z][\w'’-]+)\s+and\s+((?:[A-Z][\w'’-]+\s+){0,2}[A-Z][\w'’-]+)")
_DETERMINERS = {"The", "A", "An", "This", "That", "These", "Those"}
_APPOSITION = re.compile(r"\s*,([^,;\"“”\n]{1,80}),")
# what may stand before the name in an apposition (words single-spaced, each followed by a space): nothing, an
# age, up to two titles, "later identified as 18-year-old": "That student, later identified as Niya Kenny,"
_NAMING = re.compile(
    r"(?:(?i:(?:later |also |since )?(?:identified as |named )))?(?:(?:an? )?\d+-year-old )?"
    r"(?:[A-Z][a-z]{0,4}\.? ){0,2}"
)
_FIRST_NAME_GIVEN = re.compile(  # "who gave only his first name, Marco", "identified as @proudresister"
    r"\b(?:(?:gave|gives|giving|identified (?:himself|herself) by)\s+(?:only\s+)?(?:his|her)\s+first\s+name,?"
    r"\s+(?:as\s+)?([A-Z][\w'’-]+)|identified\s+(?:only\s+)?as\s+(@\w+))"
)
_INVISIBLE = re.compile("[\u200b\u200c\u200d\u2060\ufeff]")
MALE_TITLES = {"mr", "sir", "lord", "king", "prince", "father", "brother"}
FEMALE_TITLES = {"mrs", "ms", "miss", "lady", "dame", "queen", "princess", "sister"}
_HE = re.compile(r"\b(?:he|him|his|himself)\b", re.I)
_SHE = re.compile(r"\b(?:she|her|hers|herself)\b", re.I)
_GENDERED = re.compile(r"\b(?:he|him|his|himself|she|her|hers|herself)\b", re.I)
# roles only a person holds ("the world's largest asset manager" may be a company)
_PERSON_ROLES = (PERSON_NOUNS - {"manager", "agent", "star", "player"}) | {
    "chair", "chairman", "chairwoman", "president", "secretary",
}  # fmt: skip
# a person's role set beside a name: ", the board's chair,", ", a spokeswoman for the ministry,"
_ROLE_APPOSED = re.compile(
    rf",\s+(?:the|a|an|its|their)\s+(?:[\w'’-]+\s+){{0,3}}?(?:{'|'.join(sorted(_PERSON_ROLES))})\b(?:\s+(?:of|for|at)\b|,)"
)


def _genders(annotated: AnnotatedArticle, people: list[Entity], index: EntityIndex) -> dict[str, str]:
    """A likely gender for people of this article: from titles, the pronouns that follow them as subject, and
    first names of one sex (``first_names``)."""
    votes: dict[str, list[int]] = {}
    text = annotated.article.text
    for entity in people:
        name = index.resolve_person(entity.text)
        if not name:
            continue
        tally = votes.setdefault(name, [0, 0])
        title = text[max(0, entity.start - 6) : entity.start].strip().rstrip(".").split()[-1:]
        if title and title[0].lower() in MALE_TITLES:
            tally[0] += 3
        elif title and title[0].lower() in FEMALE_TITLES:
            tally[1] += 3
        first_named = min((e.start for e in people if e.sentence == entity.sentence), default=entity.start)
        if entity.start != first_named:
            continue  # only a sentence's subject is what its pronouns most likely refer to
        sentence = annotated.sentences[entity.sentence]
        following = text[entity.end : sentence.end]
        if entity.sentence + 1 < len(annotated.sentences):
            following += " " + annotated.sentences[entity.sentence + 1].text
        tally[0] += len(_HE.findall(following))
        tally[1] += len(_SHE.findall(following))
    for name, tally in votes.items():  # a first name of one sex, as much as a title: "Pam Dixon", "Mario Olgin"
        gender = gender_of_first_name(name) if len(name.split()) > 1 else None
        if gender:
            tally[gender == "female"] += 3
    return {
        name: ("male" if male > female else "female")
        for name, (male, female) in votes.items()
        if max(male, female) >= 2 and max(male, female) >= 2 * min(male, female)
    }


class SpeakerResolver:
    """Resolves the speakers of one article's quotations, in order."""

    def __init__(
        self,
        annotated: AnnotatedArticle,
        quotes: list[QuoteSpan],
        index: EntityIndex,
        subjects: Mapping[int, list[Subject]] | None = None,
    ) -> None:
        self.index = index
        self.annotated = annotated
        self.subjects = {n: found or _opening_person(annotated, n, index) for n, found in (subjects or {}).items()}
        quoted = sorted((q.start, q.end) for q in quotes)
        self.people = [
            e
            for e in annotated.entities
            if e.label == "PERSON" and not _inside(e, quoted) and not PHOTO_CREDIT.search(e.text)
        ]
        organisations = [e for e in annotated.entities if e.label == "ORG" and not _inside(e, quoted)]
        named = [e for e in annotated.entities if e.label in NAMED and not _inside(e, quoted)]
        self.genders = _genders(annotated, self.people, index)
        self.quoted = quoted
        self.known_people = {name for name, draft in index.drafts.items() if draft.kind == "person"}
        self.names = Names(annotated, index, self.people, quoted)
        self.roles = Roles(annotated, index, self.people, organisations, named)
        self.previous: tuple[int, str | None] = (-1, None)
        self.chained = False  # the last pronoun's chain of earlier pronoun subjects ran out of the window
        self.chain_start = 0  # and the first sentence of that chain

    def resolve(self, span: QuoteSpan) -> str | None:
        speaker = self._jointly(span, self.names.spelled_out(self._resolve(span)))
        self.previous = (span.end, speaker)
        return speaker

    def _resolve(self, span: QuoteSpan) -> str | None:
        written = (span.speaker_text or "").strip()
        if not written:
            return None
        if written.lower() in PRONOUNS:
            return self._pronoun(span)
        if written.lower() == "it":
            return None  # "It predicted:": a body or a document this passage does not name; not guessed
        if written.lower() in _THE_TWO:  # "the pair said" right after "said Ann Cole and Tom Reed": the two again
            end, previous = self.previous
            return previous if previous and " and " in previous and span.start - end <= PAIR_GAP else None
        written = _INVISIBLE.sub("", written).split("(")[0].strip()  # "Sen. Ann Cole\u200b (D-SI"
        words = written.split()
        if words and words[-1].lower() in DOCUMENTS and unnamed(written):
            return self.roles.resolve(written, span.start)  # "a statement said": whoever issued it, if named
        named_beside = self._named_beside(written, span)
        if named_beside:
            return named_beside  # "a spokeswoman for Cole, Kira Delacourt, said": the spokeswoman's name
        spoken_for = _SPEAKING_FOR_SOMEONE.search(written)
        if spoken_for and self.index.resolve_person(written[spoken_for.end() :]):
            return None  # "a spokesman for Prime Minister Ann Cole", "a former colleague of Ross": not named
        if unnamed(written) or not written:  # unless they give a name: "a man who ..., who gave only his first name"
            return self._first_name_given(span.start, span.end)
        affiliated = _AFFILIATION.match(written)
        if affiliated and not _described_name(written):
            written = affiliated.group(1)  # "Juan Rivera of the Catholic University": the person, not the university
        together = _TWO_NAMES.fullmatch(written)
        if together:  # "Zadan and Meron": both speak, neither alone
            return " and ".join(self.names.person(n, span.start) or n for n in together.groups())
        words = written.split()
        if len(words) > 1 and words[0].endswith(("'s", "’s")):
            return self.roles.resolve(written, span.start, lambda: self._pronoun(span))  # "Ann's coach"
        if (
            len(words) > 1
            and words[1][:1].islower()
            and words[0][:1].isupper()
            and not _role_before_name(words)  # "Oscar producer Laurence Mark": the producer
            and self.index.resolve_person(words[0])
        ):
            return self.names.person(words[0], span.start)  # "said Bernthal of finally working alongside Spacey"
        trailing = _trailing_name(words)
        if trailing and len(trailing) < len(words) and any(w.islower() for w in words):
            joined = " ".join(trailing)
            fuller = None if self.index.resolve_person(joined) else self.roles.fuller_organisation(joined, span.start)
            return fuller or self.names.person(joined, span.start)  # "Rite Aid spokesman Peter Strella"; "a
            # spokeswoman for the state Department" (the parse cut "of Health") is the Department of Health
        if words[0].islower() or words[0] in _DETERMINERS:
            return self.roles.resolve(written, span.start, lambda: self._pronoun(span))
        return self.names.person(written, span.start)

    def _named_beside(self, written: str, span: QuoteSpan) -> str | None:
        """The name set beside an unnamed person's description in the attribution: '"...," a spokeswoman for
        Cole, Kira Delacourt, said' is Kira Delacourt."""
        words = written.lower().split()
        if not words or words[0] not in _INDEFINITE or not {w.rstrip("s") for w in words} & _PERSON_WORDS:
            return None
        sentence = self.annotated.sentences[span.sentence]
        found = re.search(re.escape(written) + _NAME_BESIDE, sentence.text)
        if found is None or _COMPANY_END.search(found["name"]):
            return None  # "a spokeswoman for the developer, Harlow Mills Corp, said": the body, not her name
        at = sentence.start + found.start("name")
        if any(e.label != "PERSON" and e.start <= at < e.end for e in self.annotated.entities):
            return None
        return self.names.person(found["name"], span.start)

    def _jointly(self, span: QuoteSpan, speaker: str | None) -> str | None:
        """Two people or bodies named as the subject of a joint statement speak together: "In a joint statement,
        Senate President Dale Whitcomb and House Speaker Renata Fulbright called the ruling '...'" is both of them,
        and so is "The Keswan Realtors Association and the Keswan Hosts Alliance said in a joint statement"."""
        written = (span.speaker_text or "").strip()
        if not speaker or " and " in speaker or not written or written.lower() in PRONOUNS:
            return speaker
        near = self.annotated.sentences[max(0, span.sentence - 2) : span.sentence + 1]
        # the attribution's sentence, or the one before for a quotation that goes on ('"...," X and Y said in a
        # joint statement. "..."')
        sentence = next((s for s in reversed(near) if written in s.text), self.annotated.sentences[span.sentence])
        at = sentence.text.find(written)
        if at < 0 or not _JOINT.search(sentence.text):
            return speaker
        if " and " in written:  # "Mayor Lena Holt and her deputy Tom Reed said in a joint statement": both named here
            first = self.names.person(" ".join(_trailing_name(written.split(" and ", 1)[0].split())), span.start)
            return f"{first} and {speaker}" if first and first != speaker else speaker
        other = _AND_NAME.match(sentence.text, at + len(written))
        if other is None:
            return speaker
        partner = self.names.person(" ".join(_trailing_name(other.group(1).split())), sentence.start + at)
        return f"{speaker} and {partner}" if partner and partner != speaker else speaker

    def _agrees(self, name: str | None, span: QuoteSpan) -> bool:
        """Whether "he"/"she" can refer to this person, as far as the article shows."""
        pronoun = (span.speaker_text or "").lower()
        wanted = {"he": "male", "she": "female"}.get(pronoun)
        return bool(name) and (wanted is None or self.genders.get(name or "", wanted) == wanted)

    def _pronoun(self, span: QuoteSpan) -> str | None:
        reported = self._according_to(span)
        if reported:
            return reported
        subject = self._subject_before(span)
        if subject is not None:
            return subject or None  # "": the pronoun's person is described but never named
        named_since = [e for e in self.people if self.previous[0] <= e.start < span.start]
        if self.previous[1] and not named_since and self._agrees(self.previous[1], span):
            return self.previous[1]
        topic = self._topic(span) if self.chained else None
        if topic:
            return topic
        here = next((s.index for s in self.annotated.sentences if s.start <= span.start < s.end), 0)
        # Someone reported as speaking just before ("Unruh said the woman told ...") goes on speaking.
        for earlier in self.annotated.sentences[max(here - 3, 0) : here][::-1]:
            opening = REPORTED_OPENING.match(earlier.text)
            if opening and opening["name"].split()[0].lower() not in PRONOUNS | {"the"}:
                named = self.names.person(opening["name"], span.start)
                if self._agrees(named, span):
                    return named
        # Else the subject of the nearest sentence before the quote that names someone: the first person there
        # (before the sentences where the same pronoun is the subject: names in those are not its referent).
        here = self.chain_start - 1 if self.chained else here
        for index in range(here, max(here - 4, -1), -1):
            for entity in [e for e in self.people if e.sentence == index and e.end <= span.start]:
                name = self.index.resolve_person(entity.text)
                # a lone word tagged PERSON is often a place or a ship
                if name and len(name.split()) > 1 and self._agrees(name, span):
                    return name
        return self.previous[1] if self._agrees(self.previous[1], span) else None

    def _according_to(self, span: QuoteSpan) -> str | None:
        """The person the sentence just before credits ("It's not uncommon, according to Young."), when the quote's
        own sentence names nobody and the pronoun agrees: '"...," he says.'"""
        here = next((s.index for s in self.annotated.sentences if s.start <= span.start < s.end), 0)
        if here == 0 or any(here == e.sentence for e in self.people):
            return None
        credited = ACCORDING_TO.search(self.annotated.sentences[here - 1].text)
        named = credited and self.names.person(credited["name"], span.start)
        return named if named and named in self.known_people and self._agrees(named, span) else None

    def _subject_before(self, span: QuoteSpan) -> str | None:
        """The nearest earlier sentence subject, outside quotations, that "he"/"she"/"they" can refer to.

        "Reed said that he was honoured. '...,' he said": subjects that are pronouns are skipped (they
        continue the same person), names and role descriptions resolve and must agree in gender.
        """
        pronoun = (span.speaker_text or "").lower()
        chained = False  # the same pronoun was the subject of an earlier sentence
        index, stop = span.sentence + 1, span.sentence - CONTEXT
        floor = max(span.sentence - MAX_CHAIN, 0)  # a chain of pronouns is followed this far back at most
        while index > max(stop, floor):
            index -= 1
            found = sorted(
                (s for s in self.subjects.get(index, []) if s.main or s.speech),
                key=_subject_order(chained, self.annotated.article.text),
            )
            for subject in found:
                if subject.start >= span.start or _inside_span(subject.start, self.quoted):
                    continue
                if _inside_span(subject.verb_start, self.quoted):
                    continue  # 'Redistricting, he wrote, "is a legislative task"': the quotation's own subject
                if subject.pronoun:
                    if subject.text.lower() == pronoun:
                        chained, self.chain_start = True, index
                        stop = min(stop, index - 2)  # the chain goes on, and so does the search
                    break  # "He said Reed asked him ...": the others are the pronoun's reported speech
                if subject.text.split()[0].lower() in _POSSESSIVES.get(pronoun, ()):
                    continue  # "her agent" is not "she"
                if unnamed(subject.text):
                    self.chained = chained
                    # "A school nurse, who asked not to be named, said ... '...,' she said"
                    return self._first_name_given(subject.end) or UNNAMED
                name = (
                    self._person_within(subject, pronoun) or self._apposed(subject) or self._written(subject.text, span)
                )
                if (
                    name
                    and (pronoun == "they" or self._may_be_person(name, subject, pronoun))
                    and self._agrees(name, span)
                ):
                    return name
        self.chained = chained
        return None

    def _topic(self, span: QuoteSpan) -> str | None:
        """The person the article is about, for a "she" that has gone on for longer than the window: the most
        named before the quote among those the article calls that."""
        wanted = {"he": "male", "she": "female"}.get((span.speaker_text or "").lower())
        named = Counter(self.index.resolve_person(e.text) for e in self.people if e.start < span.start)
        ranked = [(n, name) for name, n in named.items() if name and self.genders.get(name) == wanted]
        best = max(ranked, default=None)
        return best[1] if best and best[0] >= TOPIC_MENTIONS else None

    def _may_be_person(self, name: str, subject: Subject, pronoun: str) -> bool:
        """A known person; or a proper noun the entity model did not know, or one it labelled otherwise (it
        mislabels many names), that has a person's role set beside it or that the text goes on to call "he" or
        "she" as the quote does."""
        if name in self.known_people:
            return True
        canonical = self.index.canonical(name)
        kind = self.index.drafts[canonical].kind if canonical else None
        wanted = {"he": "male", "she": "female"}.get(pronoun)
        if subject.proper and _ROLE_APPOSED.match(self.annotated.article.text, subject.end):
            # "Adaeze Thornbury, the board's chair, said": a person's role beside the name (and no pronoun of the
            # other sex follows it)
            return self._pronoun_follows(subject) in {None, wanted}
        return subject.proper and (kind is None or self._pronoun_follows(subject) == wanted)

    def _pronoun_follows(self, subject: Subject) -> str | None:
        """The gender of the first "he"/"she" after a subject, up to the end of the next sentence."""
        here = next((s.index for s in self.annotated.sentences if s.start <= subject.start < s.end), None)
        if here is None:
            return None
        until = self.annotated.sentences[min(here + 1, len(self.annotated.sentences) - 1)].end
        found = _GENDERED.search(self.annotated.article.text, subject.end, until)
        return found and ("female" if _SHE.fullmatch(found.group()) else "male")

    def _first_name_given(self, start: int, end: int | None = None) -> str | None:
        """The name an unnamed speaker gives around the words from ``start`` to ``end`` (a quotation, or a
        subject), from their sentence's start to the end of the next, outside them: "A Twitter user identified
        as @proudresister tweeted: ...", "a man who lives nearby ... He gave only his first name, Joaquin"."""
        sentences, text = self.annotated.sentences, self.annotated.article.text
        end = start if end is None else end
        first = next((s for s in sentences if s.start <= start < s.end), None)
        last = next((s.index for s in sentences if s.start <= end < s.end), None)
        if first is None or last is None:
            return None
        until = sentences[min(last + 1, len(sentences) - 1)].end
        given = _FIRST_NAME_GIVEN.search(text, first.start, start) or _FIRST_NAME_GIVEN.search(text, end, until)
        return (given.group(1) or given.group(2)) if given else None

    def _person_within(self, subject: Subject, pronoun: str) -> str | None:
        """For "he" or "she", the person a subject names among other names: "Central Bank of Almera Governor Helena
        Marsh-Ortiz welcomed the figures ... '...,' she said" is the governor, not the bank."""
        if pronoun not in {"he", "she"}:
            return None
        before_verb = self.annotated.article.text[subject.start : max(subject.verb_start, subject.end)].rstrip()
        if "," in before_verb or before_verb.split()[0] in _DETERMINERS or before_verb[:1].islower():
            return None  # "The detective, who arrested Tom Reed", "A spokesman for Senator Jane Doe": not them
        ending = [e for e in self.people if subject.start <= e.start and e.end == subject.start + len(before_verb)]
        if ending:
            return self.index.resolve_person(ending[-1].text)
        titled = _TITLED_NAME.search(before_verb)  # a name the entity model missed, after its title
        if titled and titled["title"].lower().rstrip(".") in TITLES:
            return self.names.person(titled["name"], subject.verb_start) or titled["name"]
        return None

    def _apposed(self, subject: Subject) -> str | None:
        """The person a described subject is named as beside it: "That student, later identified as Niya Kenny,
        told NBC News ...", "The chairman, Ann Cole, said"."""
        words = subject.text.split()
        if not (words[0].islower() or words[0] in _DETERMINERS):
            return None
        text = self.annotated.article.text
        apposition = _APPOSITION.match(text, subject.end)
        if apposition is None:
            return None
        start, end = apposition.span(1)
        named = next((e for e in self.people if start <= e.start and e.end <= end), None)
        if named is None or not _NAMING.fullmatch("".join(f"{word} " for word in text[start : named.start].split())):
            return None  # "The detective, who arrested Tom Reed," is not Tom Reed
        return self.index.resolve_person(named.text)

    def _written(self, written: str, span: QuoteSpan) -> str | None:
        """A name or a role description as written, resolved without looking for pronoun antecedents."""
        words = written.split()
        if words[0].islower() or words[0] in _DETERMINERS:
            return self.roles.resolve(written, span.start)
        trailing = _trailing_name(words)
        return self.names.person(" ".join(trailing), span.start) if trailing else None


# a title and the one- or two-word name after it, ending a subject: "... Governor Helena Marsh-Ortiz"
_TITLED_NAME = re.compile(r"(?:^|\s)(?P<title>[A-Z][a-z]+\.?)\s+(?P<name>[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)?)\s*$")


def _subject_order(chained: bool, text: str) -> Callable[[Subject], tuple[bool, int, bool, int]]:
    """Which of a sentence's subjects a pronoun refers to first: the main one, leftmost; but for a pronoun that
    went on from an earlier sentence, the nearest named speaker before it that opens a clause of its own
    ("Andrews said ..., and Conlon says he's lost count. He says ..."; not "Cole said that Judge Ortiz says")."""

    def order(subject: Subject) -> tuple[bool, int, bool, int]:
        coordinated = _COORDINATED.search(text, max(0, subject.start - 8), subject.start) is not None
        nearest = chained and subject.speech and subject.proper and coordinated
        return (not nearest, -subject.start if nearest else 0, not subject.main, subject.start)

    return order


_COORDINATED = re.compile(r"(?:[,;]\s*(?:and|but|while)?|\b(?:and|but))\s+$")


UNNAMED = ""  # a speaker the article describes but never names
_JOINT = re.compile(r"\bjoint(?:ly)?\b", re.I)
_AND_NAME = re.compile(r"\s+and\s+(?:the\s+)?((?:[A-Z][\w.'’-]*\s+){0,5}[A-Z][\w'’-]+)\b(?!\s+(?:of|for)\b)")
PAIR_GAP = 300  # characters from two people's quotation within which "the pair" is still them
_THE_TWO = frozenset({"the pair", "the two", "the duo", "both", "the two men", "the two women"})
_INDEFINITE = {"a", "an", "one", "another"}
_PERSON_WORDS = PERSON_NOUNS | SPEAKING_FOR
# a full name in apposition right before the cue: ", Kira Delacourt, said"
_NAME_BESIDE = rf",\s+(?P<name>(?:[A-Z][\w'’-]+\s+){{1,2}}[A-Z][\w'’-]+),\s+(?:{CUES})\b"
_COMPANY_END = re.compile(r"\b(?:Corp|Inc|Ltd|Co|LLC|Group|Holdings|Plc|PLC)\.?$")


def unnamed(written: str) -> bool:
    """ "a witness", "A Surrey Police spokeswoman", "one official, who was not authorised to speak", "court sources":
    people the article does not name (a name after the description, "a spokesman, Tom Reed", is a name)."""
    words = written.split()
    return (
        bool(words)
        and (words[0].lower() in _INDEFINITE or words[-1].lower() == "sources")
        and not _trailing_name(words)
    )


# "a spokesman for", "a former colleague of": someone the article does not name, speaking for or about the
# person named after it
_SPEAKING_FOR_SOMEONE = re.compile(r"\b(?:a|an|one|another)\s+(?:[a-z-]+\s+){0,3}?(?:for|of)\s", re.I)


_LINK_WORDS = frozenset("of the and for at from with in on".split())


def _described_name(written: str) -> bool:
    """A name after a description in lower case: "California Department of Health deputy director Ann Cole"."""
    words = written.split()
    trailing = _trailing_name(words)
    return bool(trailing) and any(w.islower() and w not in _LINK_WORDS for w in words[: len(words) - len(trailing)])


def _role_before_name(words: list[str]) -> bool:
    """Lower-case words only (no "of", "with") between a capitalised first word and a name: a role, as in "Oscar
    producer Laurence Mark", not what someone said something of ("Bernthal of working alongside Spacey")."""
    trailing = _trailing_name(words)
    between = words[1 : len(words) - len(trailing)]
    return (
        bool(trailing and between)
        and all(w.islower() and w not in STOP_WORDS and not w.endswith("ing") for w in between)
        and (between[-1] in ROLE_NOUNS | PERSON_NOUNS or between[-1].endswith(_ROLE_ENDINGS))
    )


_ROLE_ENDINGS = ("er", "or", "ist", "ian", "man", "woman", "person", "ent", "ant")  # producer, director, dentist


def _trailing_name(words: list[str]) -> list[str]:
    """The capitalised words at the end: the name after a descriptor."""
    run: list[str] = []
    for word in reversed(words):
        if not (word[:1].isupper() or word.lower() in {"al", "el", "de", "van", "von", "bin"}):
            break
        run.insert(0, word)
    return run


_OPENING_NAME = re.compile(r"(?:[A-Z][\w'’-]+\s+){0,2}[A-Z][\w'’-]+(?=\s+[a-z])")


def _opening_person(annotated: AnnotatedArticle, n: int, index: EntityIndex) -> list[Subject]:
    """For a sentence the parser found no subject in, a person of the story named at its start: the tagger read
    "Toliver did not concede" with "Toliver" as an adverb."""
    sentence = annotated.sentences[n]
    found = _OPENING_NAME.match(sentence.text)
    if found is None or not index.resolve_person(found.group()):
        return []
    start, end = sentence.start, sentence.start + found.end()
    return [
        Subject(
            text=found.group(),
            start=start,
            end=end,
            verb="",
            cue="",
            verb_start=end + 1,
            speech=False,
            main=True,
            pronoun=False,
            proper=True,
        )
    ]


def _inside(entity: Entity, spans: list[tuple[int, int]]) -> bool:
    return _inside_span(entity.start, spans)


def _inside_span(offset: int, spans: list[tuple[int, int]]) -> bool:
    """Whether ``offset`` falls in one of ``spans`` (sorted by start, not overlapping, as quotations are)."""
    at = bisect.bisect_right(spans, (offset, float("inf"))) - 1
    return at >= 0 and spans[at][0] <= offset < spans[at][1]
