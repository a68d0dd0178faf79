"""Who speaks in a sentence, from spaCy's dependency parser.

The quotation analysis asks only about a quote's sentences and the few before
it, so only those are parsed (one ``pipe`` call per story). For each sentence it
gets the grammatical subject of every verb, marked when the verb is the main one
("Reed said that ...": the sentence's topic) and when it reports speech, inverted
("..., said the mayor") or as a participle ("..., saying: ..." takes the subject of
the verb it hangs on); "who" stands for the noun it follows, and "quoted Ann Cole
as saying" makes Ann Cole the speaker. The parser is handed in (``Models.parser``,
loaded by ``storyweave.nlp.loader``); without the model the lists are empty and
callers fall back to patterns.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Protocol

from storyweave.errors import ModelUnavailable

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

SPEECH_VERBS = frozenset(
    """say tell add write explain note state insist warn argue ask continue recall acknowledge admit reply declare
    announce tweet post claim quip observe remark testify conclude caution yell shout scream confirm emphasize
    emphasise stress agree deny respond comment suggest reveal joke concede complain read recount""".split()
)
KNOWN_VERBS = SPEECH_VERBS | {"quote"}
_SUBJECTS = {"nsubj", "nsubjpass"}
_CLIMB = {"xcomp", "advcl", "conj", "ccomp", "relcl"}  # "..., saying": the subject of the verb it hangs on
_IRREGULAR = {"said": "say", "told": "tell", "wrote": "write", "written": "write", "read": "read"}
_PROPER_TAGS = {"NNP", "NNPS"}
_NOUN_TAGS = {"NN", "NNS"}
_PRONOUN_TAGS = {"PRP", "WP"}
_RELATIVE = {"who", "which", "that"}
_NOUN_LINKS = {"of", "for", "at", "from", "with"}  # "a spokesman for BP"


class Parser(Protocol):
    """What the quote analysis asks of a dependency parser: spaCy's ``pipe`` (tags, dependencies, sentences).
    Raises ``ModelUnavailable`` when its model is not installed."""

    def pipe(self, texts: Iterable[str], *, batch_size: int) -> Iterable[Doc]: ...


@dataclass(frozen=True, slots=True)
class Subject:
    """A verb's subject, with offsets into the article."""

    text: str  # "Reed", "he", "the mayor", "A spokesman for BP"
    start: int
    end: int
    verb: str  # the verb's lemma
    cue: str  # the verb as written, lower-cased: "said", "admits"
    verb_start: int
    speech: bool  # the verb reports speech (say, tell, write, ...)
    main: bool  # the subject of the sentence's root
    pronoun: bool
    proper: bool  # headed by a proper noun


def _lemma(word: str) -> str:
    """The verb's dictionary form when it is one of the verbs we look for ("added" -> "add"), else the word.

    The tagger's fine-grained tags and these few rules replace spaCy's lemmatizer, which needs the slower
    attribute ruler.
    """
    if word in _IRREGULAR:
        return _IRREGULAR[word]
    stems = (word, word[:-1], word[:-2], word[:-3], word[:-3] + "e", word[:-3] + "y", word[:-4])
    return next((stem for stem in stems if stem in KNOWN_VERBS), word)


def _subject_of(verb: Token) -> Token | None:
    for _ in range(3):
        found = next((c for c in verb.children if c.dep_ in _SUBJECTS), None)
        if found is not None or verb.dep_ not in _CLIMB or verb.head.i == verb.i:
            return found
        verb = verb.head
    return None


def _joined(token: Token) -> bool:
    """Part of a phrase: a word, or a hyphen inside a name ("Holden-Brown")."""
    return not token.is_punct or (token.text == "-" and not token.whitespace_)


def _phrase(head: Token) -> tuple[int, int]:
    """Token range of the subject: its words up to the head, and for a noun an "of/for X" after it."""
    subtree = {t.i for t in head.subtree}
    first = head.i
    while first - 1 in subtree and _joined(head.doc[first - 1]) and head.doc[first - 1].dep_ != "relcl":
        first -= 1
    last = head.i
    while last + 1 in subtree and head.doc[last + 1].dep_ in {"flat", "compound"}:
        last += 1
    if head.tag_ in _NOUN_TAGS:
        for child in head.rights:
            if child.dep_ == "prep" and child.lower_ in _NOUN_LINKS and child.i == last + 1:
                inside = {t.i for t in child.subtree}
                while last + 1 in inside and not head.doc[last + 1].is_punct:
                    last += 1
    return first, last + 1


def _sentence_subjects(sentence: Span, offset: int) -> list[Subject]:
    found = []
    root = sentence.root
    for verb in sentence:
        if not verb.tag_.startswith("VB") and verb.tag_ != "MD":
            continue
        lemma = _lemma(verb.lower_)
        speech = lemma in SPEECH_VERBS
        subject = _subject_of(verb)
        if lemma == "quote":  # "The paper quoted Ann Cole as saying": Ann Cole speaks
            subject, speech = next((c for c in verb.children if c.dep_ == "dobj"), None), True
        if subject is None:
            continue
        if subject.lower_ in _RELATIVE and subject.head.dep_ == "relcl":
            subject = subject.head.head  # "Ann Cole, who said ...": Ann Cole
        named = next((c for c in subject.rights if c.dep_ == "appos" and c.tag_ in _PROPER_TAGS), None)
        if named is not None and subject.tag_ not in _PROPER_TAGS:
            subject = named  # "Ann's coach, Tom Reed, said": the name
        first, last = _phrase(subject)
        doc = sentence.doc
        found.append(
            Subject(
                text=doc[first:last].text,
                start=offset + doc[first].idx,
                end=offset + doc[last - 1].idx + len(doc[last - 1].text),
                verb=lemma,
                cue=verb.lower_,
                verb_start=offset + verb.idx,
                speech=speech,
                main=verb.i == root.i,
                pronoun=subject.tag_ in _PRONOUN_TAGS,
                proper=subject.tag_ in _PROPER_TAGS,
            )
        )
    return found


def parse_subjects(sentences: Sequence[tuple[int, str]], parser: Parser) -> list[list[Subject]]:
    """The subjects in each (offset, text) sentence; empty lists when the parser's model is not installed."""
    try:
        docs = parser.pipe([text for _, text in sentences], batch_size=128)
    except ModelUnavailable:
        return [[] for _ in sentences]
    results = []
    for (offset, _), doc in zip(sentences, docs, strict=True):
        results.append([s for sentence in doc.sents for s in _sentence_subjects(sentence, offset)])
    return results
