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


def test_the_command_line_starts_without_the_heavy_libraries() -> None:
    # Instant start: --help and argument errors must not wait for numpy, spaCy, onnxruntime or the store.
    import subprocess
    import sys

    heavy = ["numpy", "spacy", "onnxruntime", "datasketch", "trafilatura", "sqlite3", "storyweave.models"]
    code = f"import sys, storyweave.cli; print(' '.join(m for m in {heavy!r} if m in sys.modules))"
    loaded = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.split()
    assert loaded == []
    assert storyweave.Article.__name__ == "Article"  # the types still load on first use
