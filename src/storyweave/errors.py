"""One exception tree. Each message says what went wrong and what to do about it."""

from __future__ import annotations


class StoryweaveError(Exception):
    """Base of every error storyweave raises on purpose.

    ``str(err)`` is one line: what went wrong, then what to do.
    """

    exit_code = 1

    def __init__(self, problem: str, fix: str = "") -> None:
        self.problem = problem
        self.fix = fix
        super().__init__(f"{problem}. {fix}".strip() if fix else problem)


class InputError(StoryweaveError):
    """An input the user gave cannot be read."""

    exit_code = 2


class NoUsableArticles(InputError):
    """Nothing in the inputs could be used."""


class ModelUnavailable(StoryweaveError):
    """A language model that ships with the package cannot be found or loaded."""

    exit_code = 3
