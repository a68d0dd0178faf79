"""Every citation on 100 real Multi-News clusters points at a sentence found verbatim in its article.

Reads ../shared/data/multinews-dev (never copied into the repository); skips when it is absent.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from storyweave.engines.local import annotate_articles
from storyweave.eval.datasets import read_multinews
from storyweave.models import Story
from storyweave.summarize import make_brief, story_id

pytestmark = pytest.mark.shared_data


def test_every_cited_evidence_sentence_is_verbatim_in_the_cited_article(multinews_path: Path) -> None:
    clusters = read_multinews(multinews_path)
    assert len(clusters) == 100
    annotated = annotate_articles([a for c in clusters for a in c.articles])
    offset, checked, multi_source = 0, 0, 0
    for cluster in clusters:
        members = annotated[offset : offset + len(cluster.articles)]
        offset += len(cluster.articles)
        brief = make_brief(Story(id=story_id(members), articles=members))
        texts = {a.id: a.article.text for a in members}
        assert 0 < brief.summary_words <= brief.word_budget, cluster.id
        for sentence in brief.summary:
            assert sentence.evidence[0].text == sentence.text
            for evidence in sentence.evidence:
                article_text = texts[evidence.article_id]
                assert article_text[evidence.start : evidence.end] == evidence.text, cluster.id
                checked += 1
            multi_source += len(sentence.sources) > 1
    assert checked > 1000
    assert multi_source > 100  # cross-source citations are found, not only self-citations
