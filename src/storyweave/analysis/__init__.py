"""Cross-source analysis of one story: claims, facts and conflicts, quotes, entities, timeline, coverage."""
