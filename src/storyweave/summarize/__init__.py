"""Extractive multi-document summary with citations to every source that reports each sentence."""

from storyweave.summarize.brief import make_brief, sources_of, story_id
from storyweave.summarize.salience import Weights

__all__ = ["Weights", "make_brief", "sources_of", "story_id"]
