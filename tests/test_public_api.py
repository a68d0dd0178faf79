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
            "annotate",
            "brief",
            "brief_articles",
            "group",
            "load_models",
            "read",
            "render_brief",
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


def test_the_readme_example_runs(models, monkeypatch, capsys) -> None:  # type: ignore[no-untyped-def]
    import re
    from pathlib import Path

    root = Path(__file__).resolve().parents[1]
    readme = (root / "README.md").read_text(encoding="utf-8")
    code = re.search(r"## From Python\n\n```python\n(.*?)```", readme, re.S)
    assert code is not None, "the README's Python example is missing"
    monkeypatch.chdir(root)
    scope: dict[str, object] = {}
    exec(compile(code.group(1), "README.md", "exec"), scope)
    brief, stories = scope["brief"], scope["stories"]
    assert isinstance(brief, storyweave.Brief) and len(brief.sources) == 4
    assert "## Summary" in capsys.readouterr().out
    assert [len(story.articles) for story in stories] == [4]  # the four examples tell one story


def test_a_brief_of_more_articles_than_one_brief_reads_is_refused_before_any_work(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    import pytest

    monkeypatch.setenv("STORYWEAVE_MAX_BRIEF_ARTICLES", "1")
    articles = [storyweave.Article.create(f"The pier reopened on day {n}.", f"Outlet {n}") for n in range(2)]
    with pytest.raises(storyweave.InputError, match="more than one brief reads"):
        storyweave.brief_articles(articles)
