"""Engines run the same stage functions: here on a process pool, or on Spark."""

from storyweave.engines.local import annotate_articles

__all__ = ["annotate_articles"]
