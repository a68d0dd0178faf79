"""The one exception the readers raise for an input they cannot use."""

from __future__ import annotations

from storyweave.errors import InputError


class UnreadableInput(InputError):
    """A file (or record) cannot be turned into text; ``problem`` is a one-line reason.

    The walkers in :mod:`storyweave.ingest` turn it into a ``Skipped`` record, so it never
    reaches the user as a traceback.
    """


class EmptyFeed(UnreadableInput):
    """A feed that parses but holds no entries: nothing to read now (a followed feed may fill later)."""
