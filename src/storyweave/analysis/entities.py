"""People, organisations and places merged across articles, with the roles the articles give them.

"Jay", "Alexis Jay" and "Professor Alexis Jay" are one person: names are reduced
to their core (titles and possessives off); a lone surname joins the one full
name with that surname, and a shorter name joins the one longer name it begins
("Northline" -> "Northline Ferries"). The entity model's label is decided by
majority over the merged mentions, which mends some of its mistakes.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field

from storyweave.analysis.alignment import StoryMatrix
from storyweave.models import EntityProfile, Role

NAME_LABELS = frozenset("PERSON ORG GPE LOC FAC NORP EVENT PRODUCT LAW WORK_OF_ART".split())  # entities that are names
KINDS = {"PERSON": "person", "ORG": "organisation", "GPE": "place", "LOC": "place", "FAC": "place"}
TITLES = set(
    """mr mrs ms miss dr prof professor sir dame lord lady rev reverend father sister president vice prime minister
    sen senator rep representative gov governor mayor judge justice chief inspector detective sergeant sgt officer
    commander cmdr captain capt lt lieutenant col colonel gen general maj major adm admiral private cpl corporal
    secretary chancellor king queen prince princess pope bishop archbishop rabbi imam coach superintendent supt
    ambassador councillor councilor chairman chairwoman director agent deputy assistant trooper constable
    dc di ds pc det con sheriff""".split()
)
ROLE_NOUNS = set(
    """executive spokesman spokeswoman spokesperson director chair chairman chairwoman president minister
    secretary officer head leader founder professor lawyer attorney analyst commander chief manager editor
    adviser advisor member mayor governor senator author researcher economist owner partner captain
    correspondent reporter teacher doctor surgeon scientist coach judge prosecutor inspector clerk sheriff
    commissioner superintendent treasurer""".split()
)
_POSSESSIVE = re.compile(r"['’]s$")
# a photo's credit the entity model takes for a person: "AFP/Getty Images", "Photo: Jane Doe/Reuters"
PHOTO_CREDIT = re.compile(r"\b(?:Images|Getty|AFP|Reuters|Shutterstock|Photos?|Photograph|Pictures)\b|/")
_APPOSITION_AFTER = re.compile(
    r"^,\s+((?:a|an|the)\s+[^,.;:()\"“”]{3,90}?|[a-z][^,.;:()\"“”]{3,80}?)(?=\s+who\b|\s+which\b|[,.;:]|$)"
)
_APPOSITION_BEFORE = re.compile(r"(?:^|[,;]\s+|\bsaid\s+)([A-Za-z][^,.;:\"“”]{2,60}?),\s+$")
_LOWER_WORD = re.compile(r"\b[a-z]{3,}\b")


# Words that open a sentence before a name and that the entity model takes into it: "Having Jackman host ...",
# "Unlike Reed, ..."
SENTENCE_OPENERS = frozenset(
    "having being unlike although though while meanwhile including following but and neither nor yet".split()
)


_SPACED_HYPHEN = re.compile(r"(?<=\w) - (?=\w)")  # "Strauss - Kahn", as tokenised text writes "Strauss-Kahn"


def core_name(text: str) -> str:
    """The name without titles, possessive or leading article: "Professor Alexis Jay's" -> "Alexis Jay"."""
    words = _POSSESSIVE.sub("", _SPACED_HYPHEN.sub("-", text).strip(" -–—")).split()
    # a title comes off only when a name is left: "King" alone is a surname (Peter King), not a title
    while len(words) > 1 and (
        words[0].lower().strip(".") in TITLES or words[0].lower() == "the" or words[0].lower() in SENTENCE_OPENERS
    ):
        words = words[1:]
    return " ".join(words)


@dataclass(slots=True)
class _Draft:
    kind: str
    names: Counter[str] = field(default_factory=Counter)
    sources: set[int] = field(default_factory=set)
    roles: list[Role] = field(default_factory=list)


@dataclass(slots=True)
class EntityIndex:
    """Resolves any written form of a name to the story's canonical entity."""

    drafts: dict[str, _Draft] = field(default_factory=dict)
    by_core: dict[str, str] = field(default_factory=dict)
    surnames: dict[str, str] = field(default_factory=dict)  # "okafor" -> "Helen Okafor", when unambiguous

    def canonical(self, text: str) -> str | None:
        core = core_name(text)
        found = self.by_core.get(core.lower())
        if found is None and core:
            found = self.surnames.get(core.split()[-1].lower())
        return found

    def resolve_person(self, text: str) -> str | None:
        """The canonical person a written name refers to, if the story knows one."""
        name = self.canonical(text)
        return name if name and self.drafts[name].kind == "person" else None


def _merge_keys(cores: dict[str, Counter[str]]) -> dict[str, str]:
    """Map each name core to the canonical name it merges into."""
    surnames: dict[str, set[str]] = defaultdict(set)
    for core, kinds in cores.items():
        if kinds.most_common(1)[0][0] == "person" and len(core.split()) > 1:
            surnames[core.split()[-1].lower()].add(core)
    keys = {}
    for core in cores:
        parts = core.split()
        full = surnames.get(parts[-1].lower(), set())
        if len(parts) == 1 and len(full) == 1:
            keys[core] = next(iter(full))
            continue
        longer = [n for n in cores if len(n) > len(core) and n.split()[: len(parts)] == parts]
        if not longer and len(parts) > 1:  # "Dickson Wright" -> "Clarissa Dickson Wright"
            longer = [n for n in cores if len(n) > len(core) and n.split()[-len(parts) :] == parts]
        keys[core] = longer[0] if len(longer) == 1 else core
    return keys


def build_index(matrix: StoryMatrix) -> EntityIndex:
    """Merge the entity mentions of all articles."""
    mentions = []
    for article_index, annotated in enumerate(matrix.articles):
        for entity in annotated.entities:
            kind, core = KINDS.get(entity.label), core_name(entity.text)
            if kind and core and any(c.isupper() for c in core):
                mentions.append((article_index, kind, core))
    cores: dict[str, Counter[str]] = defaultdict(Counter)
    for _, kind, core in mentions:
        cores[core][kind] += 1
    keys = _merge_keys(cores)
    kinds: dict[str, Counter[str]] = defaultdict(Counter)
    for _, kind, core in mentions:
        kinds[keys[core]][kind] += 1
    index = EntityIndex()
    for article_index, _, core in mentions:
        key = keys[core]
        draft = index.drafts.setdefault(key, _Draft(kinds[key].most_common(1)[0][0]))
        draft.names[core] += 1
        draft.sources.add(article_index + 1)
        index.by_core[core.lower()] = key
    for name, draft in index.drafts.items():
        if draft.kind == "person" and len(name.split()) > 1:
            index.surnames.setdefault(name.split()[-1].lower(), name)
    for name, draft in index.drafts.items():  # "Kahn" for Dominique Strauss-Kahn, unless someone is named Kahn
        if draft.kind == "person" and len(name.split()) > 1:
            index.surnames.setdefault(surname_tail(name), name)
    return index


def surname_tail(name: str) -> str:
    """The last part of a name's last word, lower case: "strauss-kahn" -> "kahn", "okafor" -> "okafor"."""
    return name.split()[-1].rsplit("-", 1)[-1].lower()


def _has_role(text: str) -> bool:
    return any(word.rstrip("s") in ROLE_NOUNS for word in _LOWER_WORD.findall(text))


def role_near(text: str, start: int, end: int) -> str | None:
    """An apposition or title around the name at text[start:end]: "Jay, a former chief adviser to ..."."""
    after = _APPOSITION_AFTER.match(text[end:])
    if after:
        phrase = after.group(1).strip()
        if phrase.split()[0] in {"a", "an", "the"} or _has_role(phrase):
            return phrase
    before = _APPOSITION_BEFORE.search(text[:start])
    if before:
        words = before.group(1).split()
        if words and words[0].lower() in {"its", "his", "her", "their", "the"}:
            words = words[1:]
        if 0 < len(words) <= 6 and _has_role(" ".join(words)):
            return " ".join(words)
    title = [w for w in text[max(0, start - 40) : start].split()[-3:] if w.lower().strip(".") in TITLES]
    return " ".join(title) if title else None


def profiles(matrix: StoryMatrix, index: EntityIndex) -> list[EntityProfile]:
    """Entity profiles, most widely reported first, each with its roles per source."""
    for article_index, (flat_start, annotated) in enumerate(zip(matrix.offsets, matrix.articles, strict=True)):
        for entity in annotated.entities:
            name = index.resolve_person(entity.text)
            if name is None:
                continue
            sentence = annotated.sentences[entity.sentence]
            role = role_near(sentence.text, entity.start - sentence.start, entity.end - sentence.start)
            if role:
                evidence = matrix.evidence(flat_start + entity.sentence)
                index.drafts[name].roles.append(Role(role, article_index + 1, evidence))
    return _ranked_profiles(index)


def _ranked_profiles(index: EntityIndex) -> list[EntityProfile]:
    ranked = sorted(index.drafts.items(), key=lambda d: (-len(d[1].sources), -sum(d[1].names.values()), d[0]))
    result = []
    for number, (name, draft) in enumerate(ranked, start=1):
        roles: list[Role] = []
        seen: set[str] = set()
        for found in draft.roles:
            if found.text.lower() not in seen:
                seen.add(found.text.lower())
                roles.append(found)
        result.append(
            EntityProfile(
                id=f"e{number}",
                name=name,
                kind=draft.kind,
                aliases=sorted(n for n in draft.names if n != name),
                roles=roles,
                sources=sorted(draft.sources),
                mentions=sum(draft.names.values()),
            )
        )
    return result
