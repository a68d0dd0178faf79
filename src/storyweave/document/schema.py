"""The versions of the brief document and their JSON Schemas (``schemas/brief-N.schema.json``).

Version 1: the summary and its sources. Version 2: plus the cross-source ``analysis``. Version 3: plus how
each source reports what it is cited for (every evidence item's ``support`` and ``via``; summary sentences' and
claims' partial and contradicting sources). Version 4: plus the analysis's ``framing`` (headlines side by side,
differing wording of shared claims, opinion and analysis pieces). A new shape gets a new version and schema
file; the old ones stay, and ``storyweave.document.read`` still reads them.
"""

from __future__ import annotations

import json
from importlib import resources
from typing import Any

SCHEMA_VERSION = 4
SCHEMA_ID = f"storyweave.brief/{SCHEMA_VERSION}"
SCHEMA_IDS = tuple(f"storyweave.brief/{n}" for n in range(1, SCHEMA_VERSION + 1))  # every version ever written


def load_schema(version: int = SCHEMA_VERSION) -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of version ``version`` of the brief document.

    The default is the version ``brief_to_dict`` writes; older versions describe the
    documents older releases wrote (still readable by ``brief_from_dict``).
    """
    if f"storyweave.brief/{version}" not in SCHEMA_IDS:
        raise ValueError(f"no brief schema version {version!r}; this storyweave has 1 to {SCHEMA_VERSION}")
    name = f"brief-{version}.schema.json"
    text = resources.files("storyweave.document").joinpath("schemas", name).read_text("utf-8")
    schema: dict[str, Any] = json.loads(text)
    return schema
