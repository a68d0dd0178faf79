"""The brief's data contract: the document a ``Brief`` is written as, every schema version of it and its JSON
Schema, and the one reader that turns a document of any version back into a ``Brief``.

    document = brief_to_dict(brief)        # the current version (SCHEMA_ID)
    brief = brief_from_dict(document)      # any version ever written (READERS)
"""

from storyweave.document.jsonable import jsonable
from storyweave.document.read import READERS, brief_from_dict
from storyweave.document.schema import SCHEMA_ID, SCHEMA_IDS, SCHEMA_VERSION, load_schema
from storyweave.document.write import brief_to_dict, brief_to_json

__all__ = [
    "READERS",
    "SCHEMA_ID",
    "SCHEMA_IDS",
    "SCHEMA_VERSION",
    "brief_from_dict",
    "brief_to_dict",
    "brief_to_json",
    "jsonable",
    "load_schema",
]
