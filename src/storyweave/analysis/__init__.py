"""Cross-source analysis of one story: claims, facts and conflicts, quotes, entities, timeline, coverage."""

from storyweave.analysis.alignment import StoryMatrix
from storyweave.analysis.analyse import analyse

__all__ = ["StoryMatrix", "analyse"]
