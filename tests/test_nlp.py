"""The annotate stage on real models: sentences, entities, vectors, offsets."""

from __future__ import annotations

import numpy as np

from storyweave.models import Article
from storyweave.nlp import annotate
from storyweave.nlp.sentences import SentenceSplitter


def test_splitter_keeps_news_abbreviations_inside_sentences() -> None:
    text = 'Gov. Ann Lee met Lt. Col. Ray Ford in Washington, D.C. on Tuesday. "It went well," said Dr. Park.'
    sentences = [text[s:e] for s, e in SentenceSplitter().spans(text)]
    assert sentences == [
        "Gov. Ann Lee met Lt. Col. Ray Ford in Washington, D.C. on Tuesday.",
        '"It went well," said Dr. Park.',
    ]


def test_splitter_spans_are_trimmed_offsets() -> None:
    text = "  First one here.   Second one there.  "
    spans = list(SentenceSplitter().spans(text))
    assert [text[s:e] for s, e in spans] == ["First one here.", "Second one there."]


def test_annotate_offsets_entities_and_vectors(models) -> None:  # type: ignore[no-untyped-def]
    text = (
        "LONDON - Professor Alexis Jay published the report on Tuesday.\n\n"
        "It found that 1,400 children in Rotherham were abused between 1997 and 2013.\n\n"
        "Reporting by Sam Holt\n\n"
        "Reporting by Sam Holt\n"
    )
    [annotated] = list(annotate([Article.create(text, "Wire")], models))
    assert [s.text for s in annotated.sentences] == [
        "Professor Alexis Jay published the report on Tuesday.",  # dateline trimmed
        "It found that 1,400 children in Rotherham were abused between 1997 and 2013.",
    ]
    assert annotated.boilerplate_lines == 2
    for sentence in annotated.sentences:
        assert text[sentence.start : sentence.end] == sentence.text
    labels = {(e.text, e.label) for e in annotated.entities}
    assert ("Alexis Jay", "PERSON") in labels
    assert ("Rotherham", "GPE") in labels
    for entity in annotated.entities:
        assert text[entity.start : entity.end] == entity.text
        owner = annotated.sentences[entity.sentence]
        assert owner.start <= entity.start < owner.end
    assert annotated.embeddings.shape == (2, 384)
    assert np.allclose(np.linalg.norm(annotated.embeddings, axis=1), 1.0, atol=1e-4)


def test_embeddings_place_paraphrases_closer_than_unrelated(models) -> None:  # type: ignore[no-untyped-def]
    vectors = models.embedder(
        [
            "The mayor resigned on Tuesday.",
            "On Tuesday the mayor quit his post.",
            "Bananas are rich in potassium.",
        ]
    )
    assert float(vectors[0] @ vectors[1]) > 0.7
    assert float(vectors[0] @ vectors[2]) < 0.3


def test_annotate_handles_an_article_with_no_sentences(models) -> None:  # type: ignore[no-untyped-def]
    [annotated] = list(annotate([Article.create("Advertisement\n", "Nowhere")], models))
    assert annotated.sentences == []
    assert annotated.embeddings.shape == (0, 384)


def test_an_articles_vectors_do_not_depend_on_its_batch(models, example_articles) -> None:  # type: ignore[no-untyped-def]
    # the embedder quantises activations over a whole batch: annotation must embed each article on its own
    from storyweave.nlp.annotate import annotate_batch

    alone = annotate_batch(example_articles[:1], models)[0]
    together = annotate_batch(list(reversed(example_articles)), models)[-1]
    assert alone.article.id == together.article.id
    assert np.array_equal(alone.embeddings, together.embeddings)
