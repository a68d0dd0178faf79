"""How the summaries of the 100 Multi-News dev briefs read on their own: faults per 100 summary sentences.

    .venv/bin/python benchmarks/readability.py [--limit N] [--show]

Counted on every summary sentence, each a fault a reader meets without the article beside it:

- cut off: the sentence stops in an ellipsis ("The council had the...");
- leans on the sentence before: it opens with a pronoun or a connective ("He said", "But the", "This was"), or
  its quotation's speaker is a pronoun ('"We are sorry," he said.');
- quoted words without their marks: the sentence lies inside a quotation of its article (an odd number of
  quotation marks before it in its paragraph), so an official's words read as the brief's own voice;
- page furniture: a call to act ("Get breaking news alerts"), a photo caption (ending on the day the picture was
  taken), a heading or a line in capitals;
- broken boundary: it starts in lower case or with a digit glued to the sentence before, or ends where the
  splitter's news rules say the sentence goes on ("H.B." then "12 went into effect");
- the writer speaking as I: the article's writer in the first person outside quotations ("Herman is mulling my
  question"), which reads as the brief's own voice (a sentence of an opinion piece is quoted and labelled as its
  writer's words, and not counted).

``--show`` prints each faulty sentence with what is wrong with it.
"""

from __future__ import annotations

import argparse
import re
from collections import Counter

from storyweave.analysis.voice import first_person_sentences
from storyweave.engines.local import annotate_articles
from storyweave.eval.datasets import read_multinews, shared_data_file
from storyweave.models import NEWS, AnnotatedArticle, Story
from storyweave.nlp.sentences import goes_on
from storyweave.render._analysis_view import speaker_named
from storyweave.settings import BriefSettings
from storyweave.summarize import make_brief, story_id
from storyweave.summarize.candidates import page_furniture

_LEANING = re.compile(
    r"^(?:and|but|or|so|also|however|meanwhile|still|yet|then|he|she|it|they|this|that|these|those|his|her|"
    r"their|its|him|them)\b",
    re.I,
)
_QUOTES = re.compile(r"[\"“”]")
# '"We are deeply sorry," he said.': the quotation's speaker is a pronoun that points back out of the summary
_SAID_BY_PRONOUN = re.compile(r"[\"”],?\s+(?:he|she|they)\s+(?:\w+\s+)?(?:said|says|added|told|wrote|asked)\b", re.I)
FAULTS = (
    "cut off",
    "leans on the sentence before",
    "quoted words without their marks",
    "page furniture",
    "broken boundary",
    "the writer speaking as I",
)


def faults(text: str, article: AnnotatedArticle, start: int, end: int, index: int) -> list[str]:
    found = []
    body = article.article.text
    if text.rstrip("\"”’' ").endswith(("...", "…")):
        found.append("cut off")
    if _LEANING.match(text.lstrip("\"“'‘")) or _SAID_BY_PRONOUN.search(text):
        found.append("leans on the sentence before")
    paragraph = body.rfind("\n", 0, start) + 1
    if len(_QUOTES.findall(body[paragraph:start])) % 2 == 1 and not _QUOTES.search(text[:1]):
        found.append("quoted words without their marks")
    following = body[end : body.find("\n", end) if "\n" in body[end:] else len(body)].strip()
    if page_furniture(text):
        found.append("page furniture")
    if text[:1].islower() or (following and goes_on(text, following)):
        found.append("broken boundary")
    if index in first_person_sentences(article):
        found.append("the writer speaking as I")
    return found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, default=0, help="only the first N clusters")
    parser.add_argument("--show", action="store_true", help="print every faulty sentence")
    args = parser.parse_args()
    path = shared_data_file("multinews-dev", "clusters.jsonl")
    if path is None:
        print("skipped: ../shared/data/multinews-dev/clusters.jsonl is absent (clone beside shared/)")
        return
    clusters = read_multinews(path)[: args.limit or None]
    annotated = annotate_articles([a for c in clusters for a in c.articles])
    by_id = {a.id: a for a in annotated}
    counts: Counter[str] = Counter()
    sentences = 0
    for cluster in clusters:
        members = [by_id[a.id] for a in cluster.articles if a.id in by_id]
        if not members:
            continue
        brief = make_brief(Story(story_id(members), members), BriefSettings())
        for sentence in brief.summary:
            own = sentence.evidence[0]
            sentences += 1
            own_index = own.sentence if sentence.voice == NEWS else -1  # a labelled opinion quote is its writer's
            shown = speaker_named(
                sentence.text, sentence.evidence, brief.analysis
            )  # as the Markdown and HTML pages show it
            for fault in faults(shown, by_id[own.article_id], own.start, own.end, own_index):
                counts[fault] += 1
                if args.show:
                    print(f"[{fault}] {shown[:200]}")
    print(f"{len(clusters)} briefs, {sentences} summary sentences; faults per 100 summary sentences:")
    for fault in FAULTS:
        print(f"  {fault:35s} {100 * counts[fault] / max(sentences, 1):5.2f}  ({counts[fault]})")


if __name__ == "__main__":
    main()
