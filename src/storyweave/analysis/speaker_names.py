"""A speaker's name as written ("Okafor", "Robin", "DCI Okafor", "NIMB") -> the story's person or organisation.

- a surname: the person of that surname named most recently before the quote, the first
  named in that sentence (two Lunds in one story stay apart), also names the entity
  model missed; a surname one letter off a person's ("Okafer" for Okafor) is theirs;
- a first name alone: the person this article names in full with it;
- initials ("NIMB"): the story's organisation they abbreviate.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from rapidfuzz.distance import OSA

from storyweave.analysis.entities import ROLE_NOUNS, EntityIndex, core_name, surname_tail
from storyweave.analysis.speaker_roles import BODIES
from storyweave.models import AnnotatedArticle, Entity

MIN_MISSPELT = 5  # letters a surname needs before a one-letter difference counts as a misspelling
_FUNCTION_WORDS = set(
    """the a an and but or if when while as at in on of for to from with by after before since said says told
    mr mrs ms dr""".split()
)


@dataclass(slots=True)
class Names:
    """Resolves written names within one article."""

    annotated: AnnotatedArticle
    index: EntityIndex
    people: list[Entity]  # PERSON mentions outside quotations
    quoted: list[tuple[int, int]]

    def person(self, written: str, before: int) -> str | None:
        """The person a name written before offset ``before`` stands for (or the name itself)."""
        core = core_name(written)
        if len(core.split()) > 1 and core.split()[0].isupper() and len(core.split()[0]) > 1:
            core = " ".join(core.split()[1:])  # a rank in capitals: "DCI Okafor"
        core = _after_role(core)
        if not core:
            return None
        if len(core.split()) > 1:
            return self._by_surname(core, before) or self.index.resolve_person(written) or self._canonical(core)
        return (
            self._by_surname(core, before)
            or self._misspelt(core, before)
            or self._by_first_name(core, before)
            or self._canonical(core)
        )

    def mentions(self, name: str) -> int:
        draft = self.index.drafts.get(name)
        return sum(draft.names.values()) if draft else 0

    def spelled_out(self, name: str | None) -> str | None:
        """Initials as the story's organisation they abbreviate: "NIMB" -> "Northern Institute of Marine
        Biology", or as its person (two or three letters, a transcript's "MD" for Matt Damon); any other name
        unchanged."""
        if not name or not (name.isalpha() and name.isupper() and 2 <= len(name) <= 6):
            return name
        found = [
            full
            for full, draft in self.index.drafts.items()
            if draft.kind == "organisation" and _initials(full).endswith(name) and name not in full.split()
        ]
        if not found and len(name) <= 3:  # a transcript's "MD:" for Matt Damon
            people = [full for full, draft in self.index.drafts.items() if draft.kind == "person"]
            found = [full for full in people if _initials(full) == name]
        return max(sorted(found), key=self.mentions) if found else name

    def _canonical(self, core: str) -> str:
        return self.index.resolve_person(core) or self.index.canonical(core) or core

    def _by_surname(self, core: str, before: int) -> str | None:
        surname = core.split()[-1].lower()
        candidates = []
        first_parts = []  # "Okafor" for Imani Okafor-Reyes, when no one is named Okafor
        for entity in [e for e in self.people if e.start < before]:
            name = self.index.resolve_person(entity.text) or core_name(entity.text)
            last = name.lower().split()[-1] if name else ""
            if not name or not (len(core.split()) == 1 or name.endswith(core)):
                continue
            if surname in {last, surname_tail(name)}:
                candidates.append((entity.sentence, entity.start, name))
            elif surname == last.split("-")[0]:
                first_parts.append((entity.sentence, entity.start, name))
        candidates = candidates or first_parts
        if len(core.split()) == 1:
            candidates += self._written_in_full(core, before)
        if not candidates:
            return None
        latest = max(sentence for sentence, _, _ in candidates)  # the latest sentence, and its first named
        return min((start, name) for sentence, start, name in candidates if sentence == latest)[1]

    def _written_in_full(self, surname: str, before: int) -> list[tuple[int, int, str]]:
        """(sentence, offset, name) of full names ending in this surname, also those the entity model missed
        ("Mia Lund, the daughter of Erik Lund")."""
        text = self.annotated.article.text
        found = []
        for match in re.finditer(rf"\b((?:[A-Z][\w'’-]+\s+){{1,2}}){re.escape(surname)}(?!\w|-\w)", text[:before]):
            name = core_name(match.group())
            first = name.split()[0]
            if len(name.split()) == 1 or first.lower() in _FUNCTION_WORDS or first.isupper():  # "DCI Okafor"
                continue
            if not any(start <= match.start() < end for start, end in self.quoted):
                sentence = next((s.index for s in self.annotated.sentences if s.start <= match.start() < s.end), -1)
                found.append((sentence, match.start(), self.index.by_core.get(name.lower(), name)))
        return found

    def _misspelt(self, core: str, before: int) -> str | None:
        """The one person named before whose surname is a letter off, or two letters swapped: "said Okafer" after
        "Helen Okafor", "said Grieg" after "Mel Greig"."""
        if len(core) < MIN_MISSPELT or core.lower() in self.index.surnames:
            return None
        names = {self.index.resolve_person(e.text) or core_name(e.text) for e in self.people if e.start < before}
        names = {n for n in names if len(n.split()) > 1}
        near = {n for n in names if OSA.distance(n.split()[-1].lower(), core.lower()) == 1}
        return near.pop() if len(near) == 1 else None

    def _by_first_name(self, first: str, before: int) -> str | None:
        """ "says Robin": of the people this article names in full with that first name, the most mentioned."""
        pattern = rf"\b{re.escape(first)}(?: [A-Z][\w'’-]+)?(?: [A-Z][\w'’-]+)"
        in_full = [self.index.resolve_person(m) or m for m in re.findall(pattern, self.annotated.article.text[:before])]
        if in_full:
            return max(reversed(in_full), key=self.mentions)
        known = {self.index.resolve_person(e.text) or "" for e in self.people}
        known |= {name for name, draft in self.index.drafts.items() if draft.kind == "person"}
        firsts = [n for n in known if len(n.split()) > 1 and n.split()[0].lower() == first.lower()]
        return max(sorted(firsts), key=self.mentions) if firsts else None


def _after_role(core: str) -> str:
    """The name after a capitalised role: "Brennick Mayor Odile Farrant" -> "Odile Farrant", "Calder County
    Executive Tomas Brevik" -> "Tomas Brevik" (not "Mark Judge": a name must be left, and a body's name, "IOC
    Executive Board", stays whole)."""
    words = core.split()
    roles = [n for n, word in enumerate(words[:-1]) if word.lower().strip(".") in ROLE_NOUNS]
    if not roles:
        return core
    rest = words[roles[-1] + 1 :]
    if len(rest) > 3 or any(not w[:1].isupper() or w.lower().strip(".") in BODIES | ROLE_NOUNS for w in rest):
        return core  # "Sierra Club Executive Committee", "Secretary of State": no person is left
    return " ".join(rest)


def _initials(name: str) -> str:
    return "".join(word[0] for word in name.split() if word[:1].isupper())
