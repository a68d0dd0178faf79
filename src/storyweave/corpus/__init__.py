"""The corpus job (``storyweave run``): the stages both engines run, and the tables they write."""

from storyweave.corpus.job import JobSettings, JobSummary
from storyweave.corpus.tables import read_table

__all__ = ["JobSettings", "JobSummary", "read_table"]
