"""The optional ``eval`` extra: ROUGE scoring and peer summarisers need packages the core does not."""

from __future__ import annotations

import importlib.util

from storyweave.errors import StoryweaveError

# module -> the package that provides it
EXTRA_MODULES = {"sumy": "sumy", "rouge_score": "rouge-score", "nltk": "nltk"}


class MissingExtra(StoryweaveError):
    """A package of the ``eval`` extra is not installed."""

    exit_code = 2


def _absent(module: str) -> bool:
    try:
        return importlib.util.find_spec(module) is None
    except (ImportError, ValueError):
        return True


def require_eval_extra() -> None:
    """Raise :class:`MissingExtra` (one line, exit 2) unless sumy, rouge-score and nltk import."""
    missing = [package for module, package in EXTRA_MODULES.items() if _absent(module)]
    if missing:
        raise MissingExtra(
            f"the eval extra is not installed (missing: {', '.join(missing)})",
            "Run: pip install 'storyweave[eval]'",
        )
