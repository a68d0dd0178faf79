"""The optional ``eval`` extra: ROUGE scoring and peer summarisers need packages the core does not."""

from __future__ import annotations

import importlib.util

from storyweave.errors import StoryweaveError

EXTRA_MODULES = ("sumy", "rouge_score", "nltk")


class MissingExtra(StoryweaveError):
    """A package of the ``eval`` extra is not installed."""

    exit_code = 2


def require_eval_extra() -> None:
    """Raise :class:`MissingExtra` (one line, exit 2) unless sumy, rouge-score and nltk import."""
    missing = [name for name in EXTRA_MODULES if importlib.util.find_spec(name) is None]
    if missing:
        raise MissingExtra(
            f"evaluation needs {', '.join(missing)}, which is not installed",
            "Run: pip install 'storyweave[eval]'",
        )
