"""Stories: near-duplicate detection and grouping of articles into stories (batch and incremental)."""

from storyweave.stories.batch import Grouping, group, group_articles, group_in_order
from storyweave.stories.grouping import GroupingSettings, StoryGrouper

__all__ = ["Grouping", "GroupingSettings", "StoryGrouper", "group", "group_articles", "group_in_order"]
