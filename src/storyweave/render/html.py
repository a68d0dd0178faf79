"""A brief as one self-contained HTML page.

Everything the page needs is inline: the style sheet and the small script come from
``templates/brief.css`` (plus ``brief-analysis.css`` when the brief has a cross-source
analysis) and ``templates/brief.js`` and are allowed by their SHA-256 in
the page's Content-Security-Policy, so nothing else (no injected script, no remote
asset) can load or run. Every article-derived string goes through Jinja2 autoescaping.
"""

from __future__ import annotations

import base64
import hashlib
from functools import cache
from importlib import resources

from jinja2 import Environment, PackageLoader, StrictUndefined
from markupsafe import Markup

from storyweave.limits import not_analysed_note
from storyweave.models import Brief
from storyweave.render.page import brief_context

TEMPLATE = "brief.html.j2"


def _csp_hash(text: str) -> str:
    digest = hashlib.sha256(text.encode("utf-8")).digest()
    return "'sha256-" + base64.b64encode(digest).decode("ascii") + "'"


@cache
def _asset(name: str) -> str:
    text = resources.files("storyweave.render").joinpath("templates", name).read_text("utf-8")
    if "</" in text:  # would end the inline element early
        raise RuntimeError(f"templates/{name} must not contain '</'")
    return text


@cache
def _environment() -> Environment:
    return Environment(
        loader=PackageLoader("storyweave.render", "templates"),
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )


def content_security_policy(style: str, script: str) -> str:
    """The page's policy: nothing but its own inline style sheet and script (and data: images)."""
    return (
        "default-src 'none'; "
        f"style-src {_csp_hash(style)}; "
        f"script-src {_csp_hash(script)}; "
        "img-src data:; base-uri 'none'; form-action 'none'"
    )


def brief_to_html(brief: Brief) -> str:
    """The brief as a complete HTML document.

    The analysis sections and their style sheet (``templates/brief-analysis.css``) are
    only in the page when the brief has an analysis.
    """
    style, script = _asset("brief.css"), _asset("brief.js")
    context = brief_context(brief)
    if context["analysis"] is not None:
        style += _asset("brief-analysis.css")
    template = _environment().get_template(TEMPLATE)
    return template.render(
        **context,
        not_analysed=not_analysed_note(brief.not_analysed) if brief.not_analysed else "",
        csp=content_security_policy(style, script),
        style=Markup(style),
        script=Markup(script),
    )
