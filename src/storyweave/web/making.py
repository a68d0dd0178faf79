"""Briefs made on request from posted articles: pasted text or uploaded files, never stored."""

from __future__ import annotations

import re
import tempfile
import zlib
from collections.abc import Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from storyweave.api import annotate, brief_annotated
from storyweave.errors import InputError, NoUsableArticles
from storyweave.ingest import read_inputs
from storyweave.ingest.dates import parse_published
from storyweave.ingest.decode import decode_bytes
from storyweave.ingest.registry import READERS, extension_of
from storyweave.ingest.text import parse_text, read_text
from storyweave.models import Article, Brief, Origin, Skipped
from storyweave.nlp import load_models
from storyweave.settings import BriefSettings
from storyweave.web import pool

MAX_FILES = 10
MAX_FILE_BYTES = 2 * 1024 * 1024
MAX_TOTAL_BYTES = 5 * 1024 * 1024
MAX_PASTED = 5
MAX_ARTICLES = 20
MAX_ARTICLE_CHARS = 200_000  # news articles run to tens of thousands; more is not an article
MAX_UNPACKED_BYTES = 20 * 1024 * 1024  # a compressed upload may unpack to this much
_EXTENSION = re.compile(r"^(\.[a-z0-9]{1,8}){1,2}$")


class TooLarge(Exception):
    """The request carries more than the upload limits allow."""


@dataclass(frozen=True, slots=True)
class Upload:
    filename: str  # as the client named it: only its extension is ever used
    data: bytes


def check_uploads(uploads: Sequence[Upload]) -> None:
    """Raise ``TooLarge`` when there are too many files, one is too big, or all are (sizes only: cheap)."""
    if len(uploads) > MAX_FILES:
        raise TooLarge(f"at most {MAX_FILES} files at once ({len(uploads)} were sent)")
    for upload in uploads:
        if len(upload.data) > MAX_FILE_BYTES:
            raise TooLarge(f"each file may have at most {MAX_FILE_BYTES // (1024 * 1024)} MB")
    if sum(len(u.data) for u in uploads) > MAX_TOTAL_BYTES:
        raise TooLarge(f"files may have at most {MAX_TOTAL_BYTES // (1024 * 1024)} MB together")


def check_unpacked(uploads: Sequence[Upload]) -> None:
    """Raise ``TooLarge`` when the compressed files unpack past ``MAX_UNPACKED_BYTES`` together (up to a second
    of CPU, so not on the event loop; the readers also cap what each page decodes to)."""
    budget = MAX_UNPACKED_BYTES
    for upload in uploads:
        if upload.data[:2] != b"\x1f\x8b":
            continue
        size = _unpacked_size(upload.data, budget)
        if size is None:
            raise TooLarge(f"compressed files may unpack to at most {MAX_UNPACKED_BYTES // (1024 * 1024)} MB")
        budget -= size


def _unpacked_size(data: bytes, limit: int) -> int | None:
    """What gzip ``data`` (any number of members, as a .warc.gz has) unpacks to, or ``None`` past ``limit``:
    unpacked in 64 KB steps and never held, so a gzip bomb costs the limit's worth of CPU and no memory."""
    total, rest = 0, data
    try:
        while rest:
            unpacker = zlib.decompressobj(16 + zlib.MAX_WBITS)
            chunk = unpacker.decompress(rest, 64 * 1024)
            while chunk:
                total += len(chunk)
                if total > limit:
                    return None
                chunk = unpacker.decompress(unpacker.unconsumed_tail, 64 * 1024)
            rest = unpacker.unused_data
    except zlib.error:
        pass  # not gzip from here on: the readers say what it is (and cap each page they decode)
    return total


def check_text_uploads(uploads: Sequence[Upload]) -> None:
    """Raise ``TooLarge`` when a plain-text file holds an article longer than a brief takes. Plain text is only
    decoded (milliseconds), so this is found out at once; the other formats are read in a brief worker."""
    for number, upload in enumerate(uploads, start=1):
        if READERS.get(safe_extension(upload.filename) or "") is not read_text:
            continue
        try:
            length = len(parse_text(decode_bytes(upload.data)).body)
        except InputError:
            continue  # the reader says what is wrong with it
        if length > MAX_ARTICLE_CHARS:
            raise TooLarge(_too_long(f"file {number}", length))


def _too_long(what: str, length: int) -> str:
    return (
        f"{what} has {length:,} characters; a brief takes at most {MAX_ARTICLE_CHARS:,} per article "
        "(ingest long documents with storyweave ingest)"
    )


def check_articles(articles: Sequence[Article]) -> None:
    """Raise ``TooLarge`` when an article is longer than a brief takes."""
    for number, article in enumerate(articles, start=1):
        if len(article.text) > MAX_ARTICLE_CHARS:
            raise TooLarge(_too_long(f"article {number}", len(article.text)))


def safe_extension(filename: str) -> str | None:
    """The reader extension of a client's file name (".txt", ".warc.gz", ...), or ``None`` when unsupported."""
    extension = extension_of(filename.replace("\\", "/").rsplit("/", 1)[-1]).lower()
    return extension if _EXTENSION.match(extension) and extension in READERS else None


def read_uploads(uploads: Sequence[Upload]) -> tuple[list[Article], list[Skipped]]:
    """Articles from uploaded files (checked with ``check_uploads`` and ``check_unpacked``), through the usual
    readers, written under generated names only."""
    articles: list[Article] = []
    skipped: list[Skipped] = []
    with tempfile.TemporaryDirectory(prefix="storyweave-upload-") as folder:
        paths: list[str] = []
        for number, upload in enumerate(uploads, start=1):
            extension = safe_extension(upload.filename)
            if extension is None:
                skipped.append(Skipped(f"file {number}", "not a kind of file storyweave reads"))
                continue
            path = Path(folder) / f"upload-{number}{extension}"
            path.write_bytes(upload.data)
            paths.append(str(path))
        if paths:
            result = read_inputs(paths)
            articles.extend(_forget_path(a) for a in result.articles)
            skipped.extend(Skipped(Path(s.where).name, s.reason) for s in result.skipped)
    return articles, skipped


def _forget_path(article: Article) -> Article:
    return replace(article, origin=Origin())


def pasted_article(
    text: str, number: int, *, title: str = "", outlet: str = "", url: str | None = None, published: str | None = None
) -> Article:
    """An article from pasted text; the outlet defaults to "Article N"."""
    moment = parse_published(published) if published else None
    return Article.create(
        text, outlet.strip() or f"Article {number}", title=title.strip(), url=url or None, published=moment
    )


def brief_of(
    articles: Sequence[Article], words: int = 200, keep_in: Path | None = None, uploads: Sequence[Upload] = ()
) -> tuple[Brief, list[Skipped]]:
    """Brief the articles, and those of the uploaded files, in a brief worker (see ``pool``); also what was
    skipped among the files. With ``keep_in`` the articles are also added to that store, which then regroups
    its stories.

    Sizes are checked here, in the request's thread, so a request over the limits is answered at once."""
    check_uploads(uploads)
    check_unpacked(uploads)
    check_text_uploads(uploads)
    if not uploads:
        _usable(articles)
    store = None if keep_in is None else str(keep_in)
    return pool.run(brief_in_worker, list(articles), list(uploads), words, store)


def _usable(articles: Sequence[Article]) -> list[Article]:
    """The articles with text, once each; ``NoUsableArticles`` or ``TooLarge`` when a brief cannot take them."""
    unique = list({a.id: a for a in articles if a.text.strip()}.values())
    if not unique:
        raise NoUsableArticles("no usable article", "Paste article text or upload .txt, .html or .jsonl files")
    check_articles(unique)
    return unique


def brief_in_worker(
    articles: list[Article], uploads: list[Upload], words: int, keep_in: str | None
) -> tuple[Brief, list[Skipped]]:
    """In a worker: read the uploads, annotate and brief everything, storing it first when ``keep_in`` names a
    store."""
    read, skipped = read_uploads(uploads) if uploads else ([], [])
    usable = _usable([*articles, *read])
    models = load_models(threads=1)  # the models the worker loaded as it started
    annotated = annotate(usable, models=models)
    if keep_in is not None:
        from storyweave.store import Store
        from storyweave.stories.store_sync import regroup_store

        with Store.open(keep_in) as store:
            if store.add_annotated(annotated):
                regroup_store(store)
    return brief_annotated(annotated, BriefSettings(words=words), models=models), skipped


def stored_brief(path: str, story: str) -> tuple[Brief, str] | None:
    """In a worker: the brief of a stored story made anew, with the fingerprint of its articles."""
    from storyweave.store import Store
    from storyweave.stories.store_sync import made_brief

    with Store.open(path, readonly=True) as store:
        return made_brief(store, story)
