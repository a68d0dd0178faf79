"""The optional ``eval`` extra: packages that ROUGE, the peer summarisers and the clustering baseline need."""

from __future__ import annotations

import importlib.util
from collections.abc import Mapping

from storyweave.errors import StoryweaveError

# module -> the package that provides it
EXTRA_MODULES = {"sumy": "sumy", "rouge_score": "rouge-score", "nltk": "nltk"}
CLUSTER_MODULES = {"sklearn": "scikit-learn"}  # what ``eval clusters`` needs


class MissingExtra(StoryweaveError):
    """A package of the ``eval`` extra is not installed."""

    exit_code = 2


def _absent(module: str) -> bool:
    try:
        return importlib.util.find_spec(module) is None
    except (ImportError, ValueError):
        return True


def require_eval_extra(modules: Mapping[str, str] | None = None) -> None:
    """Raise :class:`MissingExtra` (one line, exit 2) unless every module imports.

    ``modules`` maps module to package; the default is :data:`EXTRA_MODULES` (sumy, rouge-score
    and nltk, what ``eval rouge`` needs).
    """
    wanted = EXTRA_MODULES if modules is None else modules
    missing = [package for module, package in wanted.items() if _absent(module)]
    if missing:
        raise MissingExtra(
            f"the eval extra is not installed (missing: {', '.join(missing)})",
            "Run: pip install 'storyweave[eval]'",
        )
