"""Extractive multi-document summary with citations to every source that reports each sentence."""

from storyweave.summarize.brief import make_brief, sources_of
from storyweave.summarize.identity import founding_order, story_id, story_title
from storyweave.summarize.salience import Weights

__all__ = ["Weights", "founding_order", "make_brief", "sources_of", "story_id", "story_title"]
