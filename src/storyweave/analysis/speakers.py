"""Who a quotation's attribution names, resolved within its article.

- "he" / "she" / "they": the previous quotation's speaker when nobody new was named
  since, else the last person named before the quote, names inside quotations left out;
- "Okafor", "Ms. Dickson Wright": the person of that surname named most recently
  before the quote (two Sassoons in one story stay apart), else the story's one person
  with that surname;
- "hotel spokeswoman Paula Dirks": the descriptor is dropped;
- "the company", "police", "a BP spokesman": the organisation named last (or named in
  the description); "the sheriff": the person last given that title or role.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Mapping

from storyweave.analysis.entities import TITLES, EntityIndex, core_name
from storyweave.analysis.quote_spans import CONTEXT, REPORTED_OPENING, QuoteSpan
from storyweave.models import AnnotatedArticle, Entity
from storyweave.nlp.syntax import Subject

PRONOUNS = {"he", "she", "they"}
PERSON_NOUNS = set(
    """actor actress singer star player man woman boy girl officer official researcher scientist investigator
    lawyer attorney father mother son daughter wife husband friend witness victim resident doctor expert
    author professor teacher student agent spokesman spokeswoman chief mayor sheriff""".split()
)
ORGANISATION_NOUNS = set(
    """company firm group agency department police ministry government organization organisation hospital
    university school airline club team office court council committee statement spokesman spokeswoman
    spokesperson board authority service army military commission foundation network""".split()
)


DOCUMENTS = set(
    """statement report notice release letter post article email memo filing message tweet description""".split()
)
NAMED = {"PERSON", "ORG", "NORP", "FAC", "PRODUCT", "WORK_OF_ART", "EVENT"}  # labels a description may stand for
_FUNCTION_WORDS = set(
    """the a an and but or if when while as at in on of for to from with by after before since said says told
    mr mrs ms dr""".split()
)
_LINKS = {"of", "for", "from", "at", "with"}
_DEFINITE = {"the", "his", "her", "their", "its", "our"}
_CLAUSE_BREAK = re.compile(r"[,.;:()\"“”]")
_POSSESSIVES = {"he": ("his",), "she": ("her",), "they": ("their",)}
TOPIC_MENTIONS = 3  # times the article must name someone for a long "she" to go to them
ROLE_WINDOW = 60  # characters around a name that its role is looked for in


MALE_TITLES = {"mr", "sir", "lord", "king", "prince", "father", "brother"}
FEMALE_TITLES = {"mrs", "ms", "miss", "lady", "dame", "queen", "princess", "sister"}
_HE = re.compile(r"\b(?:he|him|his|himself)\b", re.I)
_SHE = re.compile(r"\b(?:she|her|hers|herself)\b", re.I)
_GENDERED = re.compile(r"\b(?:he|him|his|himself|she|her|hers|herself)\b", re.I)


def _genders(annotated: AnnotatedArticle, people: list[Entity], index: EntityIndex) -> dict[str, str]:
    """A likely gender for people of this article: from titles, and the pronouns that follow them as subject."""
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
        self.subjects = subjects or {}
        self.annotated = annotated
        quoted = [(q.start, q.end) for q in quotes]
        self.people = [e for e in annotated.entities if e.label == "PERSON" and not _inside(e, quoted)]
        self.organisations = [e for e in annotated.entities if e.label == "ORG" and not _inside(e, quoted)]
        self.named = [e for e in annotated.entities if e.label in NAMED and not _inside(e, quoted)]
        self.genders = _genders(annotated, self.people, index)
        self.quoted = quoted
        self.known_people = {name for name, draft in index.drafts.items() if draft.kind == "person"}
        self.previous: tuple[int, str | None] = (-1, None)
        self.chained = False  # the last pronoun's chain of earlier pronoun subjects ran out of the window

    def resolve(self, span: QuoteSpan) -> str | None:
        speaker = self._resolve(span)
        self.previous = (span.end, speaker)
        return speaker

    def _resolve(self, span: QuoteSpan) -> str | None:
        written = (span.speaker_text or "").strip()
        if not written:
            return None
        if written.lower() in PRONOUNS:
            return self._pronoun(span)
        words = written.split()
        if len(words) > 1 and words[0].endswith(("'s", "’s")):
            return self._description(written, span)  # "Ann's coach"
        if len(words) > 1 and words[1][:1].islower() and words[0][:1].isupper() and self.index.resolve_person(words[0]):
            return self._name(words[0], span)  # "said Bernthal of finally working alongside Spacey"
        trailing = _trailing_name(words)
        if trailing and len(trailing) < len(words) and any(w.islower() for w in words):
            return self._name(" ".join(trailing), span)  # "Rite Aid spokesman Peter Strella"
        if words[0].islower() or words[0] in {"The", "A", "An"}:
            return self._description(written, span)
        return self._name(written, span)

    def _agrees(self, name: str | None, span: QuoteSpan) -> bool:
        """Whether "he"/"she" can refer to this person, as far as the article shows."""
        pronoun = (span.speaker_text or "").lower()
        wanted = {"he": "male", "she": "female"}.get(pronoun)
        return bool(name) and (wanted is None or self.genders.get(name or "", wanted) == wanted)

    def _pronoun(self, span: QuoteSpan) -> str | None:
        subject = self._subject_before(span)
        if subject:
            return subject
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
                named = self._name(opening["name"], span)
                if self._agrees(named, span):
                    return named
        # Else the subject of the nearest sentence before the quote that names someone: the first person there.
        for index in range(here, max(here - 4, -1), -1):
            for entity in [e for e in self.people if e.sentence == index and e.end <= span.start]:
                name = self.index.resolve_person(entity.text)
                # a lone word tagged PERSON is often a place or a ship
                if name and len(name.split()) > 1 and self._agrees(name, span):
                    return name
        return self.previous[1]

    def _full_names(self, surname: str, span: QuoteSpan) -> list[tuple[int, int, str]]:
        """Full names ending in this surname written before the quote, also those the entity model missed
        ("Eden Sassoon, the daughter of Vidal Sassoon")."""
        text = self.annotated.article.text
        pattern = re.compile(rf"\b((?:[A-Z][\w'’-]+\s+){{1,2}}){re.escape(surname)}\b")
        found = []
        for match in pattern.finditer(text, 0, span.start):
            name = core_name(match.group())
            first = name.split()[0]
            if len(name.split()) == 1 or first.lower() in _FUNCTION_WORDS or first.isupper():  # "SSP Okafor"
                continue
            if not _inside_span(match.start(), self.quoted):
                sentence = _sentence_index(self.annotated, match.start())
                found.append((sentence, match.start(), self.index.by_core.get(name.lower(), name)))
        return found

    def _mentions(self, name: str) -> int:
        draft = self.index.drafts.get(name)
        return sum(draft.names.values()) if draft else 0

    def _subject_before(self, span: QuoteSpan) -> str | None:
        """The nearest earlier sentence subject, outside quotations, that "he"/"she"/"they" can refer to.

        "Parker said that he was honoured. '...,' he said": subjects that are pronouns are skipped (they
        continue the same person), names and role descriptions resolve and must agree in gender.
        """
        pronoun = (span.speaker_text or "").lower()
        chained = False  # the same pronoun was the subject of an earlier sentence
        for index in range(span.sentence, max(span.sentence - CONTEXT - 1, -1), -1):
            found = sorted(
                (s for s in self.subjects.get(index, []) if s.main or s.speech), key=lambda s: (not s.main, s.start)
            )
            for subject in found:
                if subject.start >= span.start or _inside_span(subject.start, self.quoted):
                    continue
                if subject.pronoun:
                    chained = chained or subject.text.lower() == pronoun
                    break  # "He said Spacey asked him ...": the others are the pronoun's reported speech
                if subject.text.split()[0].lower() in _POSSESSIVES.get(pronoun, ()):
                    continue  # "her agent" is not "she"
                name = self._written(subject.text, span)
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
        mislabels many names) that the text goes on to call "he" or "she" as the quote does."""
        if name in self.known_people:
            return True
        canonical = self.index.canonical(name)
        kind = self.index.drafts[canonical].kind if canonical else None
        wanted = {"he": "male", "she": "female"}.get(pronoun)
        return subject.proper and (kind is None or self._pronoun_follows(subject) == wanted)

    def _pronoun_follows(self, subject: Subject) -> str | None:
        """The gender of the first "he"/"she" after a subject, up to the end of the next sentence."""
        here = next((s.index for s in self.annotated.sentences if s.start <= subject.start < s.end), None)
        if here is None:
            return None
        until = self.annotated.sentences[min(here + 1, len(self.annotated.sentences) - 1)].end
        found = _GENDERED.search(self.annotated.article.text, subject.end, until)
        return found and ("female" if _SHE.fullmatch(found.group()) else "male")

    def _written(self, written: str, span: QuoteSpan) -> str | None:
        """A name or a role description as written, resolved without looking for pronoun antecedents."""
        words = written.split()
        if words[0].islower() or words[0] in {"The", "A", "An"}:
            return self._description(written, span, follow=False)
        trailing = _trailing_name(words)
        return self._name(" ".join(trailing), span) if trailing else None

    def _name(self, written: str, span: QuoteSpan) -> str | None:
        core = core_name(written)
        if not core:
            return None
        surname = core.split()[-1].lower()
        candidates = []
        for entity in [e for e in self.people if e.start < span.start]:
            name = self.index.resolve_person(entity.text) or core_name(entity.text)
            if name and name.lower().split()[-1] == surname and (len(core.split()) == 1 or name.endswith(core)):
                candidates.append((entity.sentence, entity.start, name))
        if len(core.split()) == 1:
            candidates += self._full_names(core, span)
        if candidates:  # the latest sentence naming one, and in it the first named (its subject)
            latest = max(sentence for sentence, _, _ in candidates)
            return min((start, name) for sentence, start, name in candidates if sentence == latest)[1]
        if len(core.split()) == 1:  # a first name alone: "says Robin"
            known = {self.index.resolve_person(e.text) or "" for e in self.people}
            known |= {name for name, draft in self.index.drafts.items() if draft.kind == "person"}
            firsts = [n for n in known if len(n.split()) > 1 and n.split()[0].lower() == surname]
            if firsts:  # the most mentioned of them ("Clarissa Dickson Wright" over a misspelt variant)
                return max(sorted(firsts), key=self._mentions)
        return self.index.resolve_person(written) or self.index.canonical(written) or core

    def _description(self, written: str, span: QuoteSpan, follow: bool = True) -> str | None:
        """A description as speaker: "the company", "the actor", "a statement from her agent", "a BP spokesman"."""
        words = written.split()
        link = next((i for i, w in enumerate(words) if w.lower() in _LINKS and i > 0), len(words))
        phrase, owner = [w.lower() for w in words[:link]], " ".join(words[link + 1 :])
        head = phrase[-1].rstrip("s") if phrase else ""
        if head in DOCUMENTS:  # who issued the statement or report
            rest = " ".join(words[: len(phrase) - 1]) if len(phrase) > 2 else ""
            return self._description(owner or rest, span, follow) if owner or rest else self._last_organisation(span)
        definite = phrase[0] in _DEFINITE or phrase[0].endswith(("'s", "’s"))  # "the", "Ann's"
        if (head in PERSON_NOUNS or head in TITLES) and definite:
            described = self._described_as(head, self.people, span)  # "the actor" after "the actor Jon Smith"
            if described:
                return described
        named = [w for w in words if w[:1].isupper() and w.lower() not in _DEFINITE | {"a", "an"}]
        if named:
            return self.index.canonical(" ".join(named)) or " ".join(named)
        if owner:
            return self._description(owner, span, follow)
        if head in ORGANISATION_NOUNS or phrase[-1] in ORGANISATION_NOUNS:
            described = self._described_as(head, self.organisations, span)
            if described:
                return described
            before = [e for e in self.organisations if e.end <= span.start]
            if head == "police":
                before = [e for e in before if "police" in e.text.lower()] or before
            if before:
                return self.index.canonical(before[-1].text) or core_name(before[-1].text)
        if head in PERSON_NOUNS or head in TITLES:
            described = self._described_as(head, self.people, span)
            if described:
                return described
        if (head in PERSON_NOUNS or head in TITLES) and phrase[0] not in _DEFINITE - {"the"}:
            # else someone in a sentence that mentions the role (but "her agent" is not her)
            for entity in reversed([e for e in self.people if e.start < span.start]):
                sentence = self.annotated.sentences[entity.sentence].text.lower()
                if head in sentence:
                    return self.index.resolve_person(entity.text) or core_name(entity.text)
        if definite:  # "the fraternity" after "the fraternity Alpha Beta"
            described = self._described_as(head, self.named, span)
            if described:
                return described
        if follow and head in PERSON_NOUNS:
            return self._pronoun(span)  # "the actor told SiriusXM": whoever the passage is about
        return None

    def _last_organisation(self, span: QuoteSpan) -> str | None:
        before = [e for e in self.organisations if e.end <= span.start]
        return (self.index.canonical(before[-1].text) or core_name(before[-1].text)) if before else None

    def _described_as(self, role: str, entities: list[Entity], span: QuoteSpan) -> str | None:
        """The last entity before the quote given this role next to its name ("Sheriff Ann Cole", "Ann Cole,
        the sheriff", "the fraternity Alpha Beta")."""
        text = self.annotated.article.text
        pattern = re.compile(rf"\b{re.escape(role)}", re.I)
        for entity in sorted((e for e in entities if e.end <= span.start), key=lambda e: -e.start):
            sentence = self.annotated.sentences[entity.sentence]
            before = text[max(sentence.start, entity.start - ROLE_WINDOW) : entity.start].rstrip(" ,")
            before = " ".join(_CLAUSE_BREAK.split(before)[-1].split()[-4:])  # "the coach, Ann Cole"
            after = text[entity.end : min(sentence.end, entity.end + ROLE_WINDOW)]
            after = _CLAUSE_BREAK.split(after[1:])[0] if after.startswith(",") else ""  # "Ann Cole, the coach,"
            if pattern.search(before) or pattern.search(after):
                return self.index.canonical(entity.text) or core_name(entity.text)
        return None


def _trailing_name(words: list[str]) -> list[str]:
    """The capitalised words at the end: the name after a descriptor."""
    run: list[str] = []
    for word in reversed(words):
        if not (word[:1].isupper() or word.lower() in {"al", "el", "de", "van", "von", "bin"}):
            break
        run.insert(0, word)
    return run


def _sentence_index(annotated: AnnotatedArticle, offset: int) -> int:
    return next((s.index for s in annotated.sentences if s.start <= offset < s.end), -1)


def _inside(entity: Entity, spans: list[tuple[int, int]]) -> bool:
    return _inside_span(entity.start, spans)


def _inside_span(offset: int, spans: list[tuple[int, int]]) -> bool:
    return any(start <= offset < end for start, end in spans)
