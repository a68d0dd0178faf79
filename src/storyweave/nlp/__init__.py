"""Language models and the annotate stage: the only place models are loaded."""

from storyweave.nlp.annotate import annotate, annotate_batch
from storyweave.nlp.loader import Models, load_models

__all__ = ["Models", "annotate", "annotate_batch", "load_models"]
