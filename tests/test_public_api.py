"""The public surface is deliberate: changing it must change this test."""

from __future__ import annotations

import storyweave


def test_public_names_are_pinned() -> None:
    assert sorted(storyweave.__all__) == sorted(
        [
            "AnnotatedArticle",
            "Article",
            "Brief",
            "Entity",
            "Evidence",
            "InputError",
            "ModelUnavailable",
            "NoUsableArticles",
            "Origin",
            "Sentence",
            "Skipped",
            "Source",
            "Story",
            "StoryweaveError",
            "SummarySentence",
            "__version__",
        ]
    )
    for name in storyweave.__all__:
        assert hasattr(storyweave, name), name


def test_errors_say_what_to_do() -> None:
    err = storyweave.NoUsableArticles("no usable article in the input", "Give .txt files")
    assert str(err) == "no usable article in the input. Give .txt files"
    assert err.exit_code == 2
