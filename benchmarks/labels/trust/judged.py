"""The trust labels laid over storyweave's own sentences of each story.

The reviewers judged sentences as ``segment`` split them; storyweave splits a little
differently (it leaves boilerplate lines out, trims datelines). Each of storyweave's sentences
takes the labelled sentence it overlaps most (at least half of it), and an evidence sentence
counts as a labelled supporting sentence when they overlap.
"""

from __future__ import annotations

import os
import pickle
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

from labels.trust.stories import LabelStory, Row, load_stories, rows
from storyweave.analysis.alignment import StoryMatrix
from storyweave.models import AnnotatedArticle


@dataclass(frozen=True, slots=True)
class Gold:
    """The reviewers' verdict on one sentence against one other article."""

    label: str  # full | partial | none | contradicts
    by: frozenset[int]  # the other article's labelled sentence numbers
    via: str | None  # the outlet the other article attributes it to
    kind: str | None  # for contradicts: name | value | event (see README)
    apart: str | None  # for contradicts: the support apart from the conflicting element


@dataclass(slots=True)
class JudgedStory:
    story: LabelStory
    annotated: list[AnnotatedArticle]
    matrix: StoryMatrix
    label_spans: list[list[tuple[int, int]]]  # per article: the labelled sentences' offsets
    verdicts: dict[tuple[int, int], Row]  # (doc, labelled sentence) -> support row
    quotes: list[Row]

    def labelled(self, flat: int) -> tuple[int, int] | None:
        """(doc, labelled sentence) that storyweave's flat sentence stands for, or None."""
        article = int(self.matrix.owner[flat])
        sentence = self.matrix.sentences[flat]
        best, best_overlap = None, 0
        for n, (start, end) in enumerate(self.label_spans[article]):
            overlap = min(end, sentence.end) - max(start, sentence.start)
            if overlap > best_overlap:
                best, best_overlap = n, overlap
        if best is None or best_overlap * 2 < sentence.end - sentence.start:
            return None
        return article, best

    def informative(self, flat: int) -> bool:
        key = self.labelled(flat)
        return bool(key and self.verdicts[key]["info"])

    def gold(self, flat: int, article: int) -> Gold | None:
        """The verdict on storyweave's sentence ``flat`` against ``article``; None when not judged."""
        key = self.labelled(flat)
        if key is None or not self.verdicts[key]["info"]:
            return None
        entry = self.verdicts[key]["support"].get(str(article))
        if entry is None:
            return None
        return Gold(entry["label"], frozenset(entry["by"]), entry.get("via"), entry.get("kind"), entry.get("apart"))

    def rows_of(self, article: int, labelled: frozenset[int]) -> set[int]:
        """storyweave's flat sentences of ``article`` that overlap the labelled sentences."""
        spans = [self.label_spans[article][n] for n in labelled]
        first = self.matrix.offsets[article]
        return {
            first + s.index
            for s in self.matrix.articles[article].sentences
            if any(min(end, s.end) > max(start, s.start) for start, end in spans)
        }

    def is_evidence_right(self, flat_evidence: int, gold: Gold) -> bool:
        article = int(self.matrix.owner[flat_evidence])
        return flat_evidence in self.rows_of(article, gold.by)


def _annotate(stories: list[LabelStory]) -> dict[str, list[AnnotatedArticle]]:
    from storyweave.nlp import annotate, load_models

    cache = os.environ.get("TRUST_CACHE")
    if cache and Path(cache).exists():
        saved: dict[str, list[AnnotatedArticle]] = pickle.loads(Path(cache).read_bytes())
        if all(s.id in saved and [a.id for a in saved[s.id]] == [a.id for a in s.articles] for s in stories):
            return saved
    models = load_models()
    done = {s.id: list(annotate(s.articles, models)) for s in stories}
    if cache:
        Path(cache).write_bytes(pickle.dumps(done))
    return done


def judged_stories(split: str | None = None) -> list[JudgedStory] | None:
    """The labelled stories of a split (all when None), annotated; None when ../shared/data is absent."""
    stories = load_stories(split)
    if stories is None:
        return None
    support: dict[str, dict[tuple[int, int], Row]] = defaultdict(dict)
    spans: dict[str, dict[int, list[tuple[int, int]]]] = defaultdict(lambda: defaultdict(list))
    for row in rows("support.jsonl"):
        support[row["story"]][(row["doc"], row["sent"])] = row
        spans[row["story"]][row["doc"]].append((row["start"], row["end"]))
    quotes: dict[str, list[Row]] = defaultdict(list)
    for row in rows("quotes.jsonl"):
        quotes[row["story"]].append(row)
    stories = [s for s in stories if s.id in support]
    annotated = _annotate(stories)
    judged = []
    for story in stories:
        articles = annotated[story.id]
        label_spans = [spans[story.id][d] for d in range(len(articles))]
        matrix = StoryMatrix.build(articles)
        judged.append(JudgedStory(story, articles, matrix, label_spans, support[story.id], quotes[story.id]))
    return judged
