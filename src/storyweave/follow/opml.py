"""OPML, the export format of feed readers: the feed addresses in it."""

from __future__ import annotations

from pathlib import Path

from lxml import etree

from storyweave.errors import InputError

__all__ = ["read_opml"]

MAX_BYTES = 10 * 1024 * 1024


def read_opml(path: Path) -> list[str]:
    """Every ``xmlUrl`` of the file's outlines (nested folders too), in order, each once."""
    try:
        with path.open("rb") as stream:
            data = stream.read(MAX_BYTES + 1)
    except OSError as err:
        raise InputError(f"cannot read {path} ({err.strerror or err})", "check the path of the OPML file") from err
    if len(data) > MAX_BYTES:
        raise InputError(f"{path} is over 10 MB", "an OPML export of feeds is far smaller; check the file")
    parser = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False, recover=False)
    try:
        root = etree.fromstring(data, parser)
    except etree.XMLSyntaxError as err:
        raise InputError(f"{path} is not OPML ({err})", "export the subscriptions from the feed reader again") from err
    urls = [
        url.strip()
        for outline in root.iter("outline")
        if (url := outline.get("xmlUrl") or outline.get("xmlurl"))
        and url.strip().lower().startswith(("http://", "https://"))
    ]
    if not urls and root.tag != "opml":
        raise InputError(f"{path} is not OPML (its root is <{root.tag}>)", "export the subscriptions again")
    return list(dict.fromkeys(urls))
