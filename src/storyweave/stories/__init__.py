"""Stories: near-duplicate detection and grouping of articles into stories (batch and incremental)."""

from storyweave.stories.grouping import GroupingSettings, StoryGrouper, group_articles

__all__ = ["GroupingSettings", "StoryGrouper", "group_articles"]
