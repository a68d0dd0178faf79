"""Readers for evaluation data sets (they never go into the repository)."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from storyweave.errors import InputError
from storyweave.models import Article, Origin

SHARED_DATA = Path(__file__).resolve().parents[3].parent / "shared" / "data"


@dataclass(slots=True)
class Cluster:
    """Articles about one event with the reference summaries people wrote for them."""

    id: str
    articles: list[Article]
    references: list[str]


def read_multinews(path: Path) -> list[Cluster]:
    """Multi-News style JSON Lines: ``id``, ``documents`` and ``summary`` or ``summaries``."""
    clusters: list[Cluster] = []
    for number, row in json_lines(path, 'Give one cluster a line: "id", "documents" and "summary"'):
        documents = [d for d in row.get("documents", []) if isinstance(d, str) and d.strip()]
        references = row.get("summaries") or [row.get("summary", "")]
        cluster_id = str(row.get("id", number))
        articles = [
            Article.create(text, f"document {i + 1}", origin=Origin(path=str(path), line=number))
            for i, text in enumerate(documents)
        ]
        clusters.append(Cluster(cluster_id, articles, [r for r in references if r]))
    return clusters


def json_lines(path: Path, fix: str) -> Iterator[tuple[int, dict[str, Any]]]:
    """(line number, object) for each non-blank line; one-line errors name the line, ``fix`` says what to give."""
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as err:
        raise InputError(f"cannot read {path}: {err.strerror}", "Check the data set path") from err
    except UnicodeDecodeError as err:
        raise InputError(f"{path} is not UTF-8", "Give a UTF-8 JSON Lines file") from err
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
        except json.JSONDecodeError as err:
            raise InputError(f"{path}:{number}: not valid JSON ({err.msg})", "Fix or remove that line") from err
        if not isinstance(row, dict):
            raise InputError(f"{path}:{number}: not a JSON object", fix)
        yield number, row


def shared_data_file(*parts: str) -> Path | None:
    """A file of ../shared/data beside the checkout, or None when it is absent."""
    path = SHARED_DATA.joinpath(*parts)
    return path if path.is_file() else None


# --- DUC-style folders -------------------------------------------------------------------------

DOC_FOLDERS = ("docs", "documents")
REF_FOLDERS = ("refs", "references", "summaries", "models")
DUC_LAYOUT = (
    "Give a JSON Lines file (id, documents, summary or summaries) or a folder with one folder per "
    "cluster, each holding docs/ (one file per article) and refs/ (one file per reference summary)"
)
_TEXT = re.compile(r"<TEXT>(.*?)</TEXT>", re.DOTALL | re.IGNORECASE)
_PARAGRAPH_TAG = re.compile(r"<P>|</P>", re.IGNORECASE)
_TAG = re.compile(r"<[^>]+>")
_BLANK_LINE = re.compile(r"\n[^\S\n]*\n")


def _decode(path: Path) -> str:
    try:
        data = path.read_bytes()
    except OSError as err:
        raise InputError(f"cannot read {path}: {err.strerror}", "Check the data set path") from err
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = data.decode("latin-1")
    return text.replace("\r\n", "\n").replace("\r", "\n")


def unwrap_document(text: str) -> str:
    """Plain article text, one paragraph a line.

    DUC's SGML (``<DOC> ... <TEXT> ... </TEXT>``) is reduced to the text of its ``<TEXT>``
    elements, ``<P>`` marking paragraphs. When the text has blank lines they separate
    paragraphs and the lines between them (hard-wrapped prose) are joined; otherwise each line
    stays a paragraph.
    """
    bodies = _TEXT.findall(text)
    if bodies:
        text = "\n\n".join(_TAG.sub(" ", _PARAGRAPH_TAG.sub("\n\n", body)) for body in bodies)
    text = text.strip()
    if not _BLANK_LINE.search(text):
        return "\n".join(" ".join(line.split()) for line in text.split("\n") if line.strip())
    paragraphs = (" ".join(p.split()) for p in _BLANK_LINE.split(text))
    return "\n".join(p for p in paragraphs if p)


def _files(folder: Path) -> list[Path]:
    return sorted(p for p in folder.iterdir() if p.is_file() and not p.name.startswith("."))


def _subfolder(cluster: Path, names: tuple[str, ...]) -> Path | None:
    return next((cluster / n for n in names if (cluster / n).is_dir()), None)


def read_duc(folder: Path) -> list[Cluster]:
    """DUC-style folders: ``FOLDER/<cluster>/docs/*`` articles, ``FOLDER/<cluster>/refs/*`` references.

    The cluster id is its folder's name; every file not starting with a dot is read, in name
    order (``documents/`` is accepted for ``docs/``; ``references/``, ``summaries/`` or
    ``models/`` for ``refs/``). Articles are unwrapped by :func:`unwrap_document` and named
    after their files; a reference is scored as written (its line breaks mark its sentences).
    """
    clusters: list[Cluster] = []
    for cluster in sorted(p for p in folder.iterdir() if p.is_dir() and not p.name.startswith(".")):
        docs, refs = _subfolder(cluster, DOC_FOLDERS), _subfolder(cluster, REF_FOLDERS)
        if docs is None:
            continue
        articles = []
        for path in _files(docs):
            text = unwrap_document(_decode(path))
            if text:
                articles.append(Article.create(text, path.stem, origin=Origin(path=str(path))))
        references = [r.strip() for r in (_decode(p) for p in (_files(refs) if refs else [])) if r.strip()]
        clusters.append(Cluster(cluster.name, articles, references))
    if not clusters:
        raise InputError(f"{folder} holds no cluster folder with a docs/ folder", DUC_LAYOUT)
    return clusters


def read_dataset(path: Path) -> list[Cluster]:
    """A JSON Lines file (:func:`read_multinews`) or a DUC-style folder (:func:`read_duc`)."""
    if path.is_dir():
        return read_duc(path)
    if path.is_file():
        return read_multinews(path)
    raise InputError(f"no such data set: {path}", DUC_LAYOUT)


# --- Story clustering data (ECB+, UCI News Aggregator) -------------------------------------------

CLUSTERED_LAYOUT = (
    'Give a JSON Lines file, one article a line with "story" (its gold story id) and "text" or '
    '"title"; "outlet", "url" and "published_ms" (epoch milliseconds) are optional'
)


def _clustered_article(row: dict[str, object], path: Path, number: int) -> tuple[Article, str]:
    where = f"{path}:{number}"
    story = row.get("story")
    if story is None or story == "":
        raise InputError(f'{where}: no "story" (the gold story id)', CLUSTERED_LAYOUT)
    title = str(row.get("title") or "").strip()
    text = str(row.get("text") or "").strip() or title  # headlines only: the headline is the text
    if not text:
        raise InputError(f'{where}: neither "text" nor "title"', CLUSTERED_LAYOUT)
    published = None
    milliseconds = row.get("published_ms")
    if milliseconds is not None:
        if not isinstance(milliseconds, int | float) or isinstance(milliseconds, bool):
            raise InputError(f'{where}: "published_ms" is not a number', "Give epoch milliseconds")
        published = datetime.fromtimestamp(milliseconds / 1000, tz=UTC)
    article = Article.create(
        text,
        str(row.get("outlet") or "unknown"),
        title=title,
        url=str(row["url"]) if row.get("url") else None,
        published=published,
        origin=Origin(path=str(path), line=number),
    )
    return article, str(story)


def read_clustered(path: Path) -> list[tuple[Article, str]]:
    """Articles with their gold story ids, in file order, from JSON Lines (one article a line).

    ``text`` is the article's text; a line without it (UCI News Aggregator: headlines only) uses
    its ``title`` as text. ``title`` stays the title as given (in ECB+ it is the article's first
    sentence, not a headline). ``published_ms`` becomes a UTC ``published``.
    """
    if not path.exists() or path.is_dir():
        raise InputError(f"no such data set: {path}", CLUSTERED_LAYOUT)
    items: list[tuple[Article, str]] = []
    for number, row in json_lines(path, CLUSTERED_LAYOUT):
        items.append(_clustered_article(row, path, number))
    return items
