"""``storyweave serve``: read the stored stories and their briefs, and make new briefs, in a browser.

Needs the ``web`` extra (``pip install 'storyweave[web]'``).
"""

from __future__ import annotations

from storyweave.web.app import create_app

__all__ = ["create_app"]
