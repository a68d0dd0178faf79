"""A speaker described rather than named, resolved within its article.

- "the sheriff", "the actor", "Ann's coach": the person given that role next to their
  name ("Sheriff Ann Cole", "Ann Cole, the actor", "Ann's coach, Tom Reed"), else
  someone named in a sentence that mentions the role;
- "the company", "police": the organisation given that description, else the one named
  last; "the fraternity": any named thing given that description;
- "a BP spokesman", "a spokesman for BP": the organisation named in the description;
- "a statement from her agent", "the police report", "the notice": who issued it.
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
ROLE_WINDOW = 60  # characters around a name that its role is looked for in
_LINKS = {"of", "for", "from", "at", "with"}
_DEFINITE = {"the", "his", "her", "their", "its", "our"}
_CLAUSE_BREAK = re.compile(r"[,.;:()\"“”]")


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
        if head in DOCUMENTS:  # who issued the statement or report
            rest = " ".join(words[: len(phrase) - 1]) if len(phrase) > 2 else ""
            issuer = self.resolve(owner or rest, before, follow) if owner or rest else None
            return issuer or self._last_organisation(before)
        definite = phrase[0] in _DEFINITE or phrase[0].endswith(("'s", "’s"))  # "the", "Ann's"
        personal = head in PERSON_NOUNS or head in TITLES
        if personal and definite:
            described = self._described_as(head, self.people, before)  # "the actor" after "the actor Jon Smith"
            if described:
                return described
        named = [w for w in words if w[:1].isupper() and w.lower() not in _DEFINITE | {"a", "an"}]
        if named:
            return self.index.canonical(" ".join(named)) or " ".join(named)
        if owner:
            return self.resolve(owner, before, follow)
        if head in ORGANISATION_NOUNS or phrase[-1] in ORGANISATION_NOUNS:
            found = self._described_as(head, self.organisations, before) or self._last_organisation(before, head)
            if found:
                return found
        if personal:
            found = self._described_as(head, self.people, before) or self._in_sentence_with(head, phrase, before)
            if found:
                return found
        if definite:  # "the fraternity" after "the fraternity Alpha Beta"
            described = self._described_as(head, self.named, before)
            if described:
                return described
        return follow() if follow and head in PERSON_NOUNS else None

    def _last_organisation(self, before: int, head: str = "") -> str | None:
        found = [e for e in self.organisations if e.end <= before]
        if head == "police":
            found = [e for e in found if "police" in e.text.lower()] or found
        return (self.index.canonical(found[-1].text) or core_name(found[-1].text)) if found else None

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
        the sheriff", "the fraternity Alpha Beta")."""
        text = self.annotated.article.text
        pattern = re.compile(rf"\b{re.escape(role)}", re.I)
        for entity in sorted((e for e in entities if e.end <= before), key=lambda e: -e.start):
            sentence = self.annotated.sentences[entity.sentence]
            ahead = text[max(sentence.start, entity.start - ROLE_WINDOW) : entity.start].rstrip(" ,")
            ahead = " ".join(_CLAUSE_BREAK.split(ahead)[-1].split()[-4:])  # "the coach, Ann Cole"
            after = text[entity.end : min(sentence.end, entity.end + ROLE_WINDOW)]
            after = _CLAUSE_BREAK.split(after[1:])[0] if after.startswith(",") else ""  # "Ann Cole, the coach,"
            if pattern.search(ahead) or pattern.search(after):
                return self.index.canonical(entity.text) or core_name(entity.text)
        return None
