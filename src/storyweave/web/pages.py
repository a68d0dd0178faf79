"""The HTML pages: the stories, one story's brief, and a form for a new brief."""

from __future__ import annotations

import re
from datetime import UTC, datetime
from pathlib import Path
from typing import Annotated, Literal
from urllib.parse import urlencode

from fastapi import APIRouter, HTTPException, Query, Request
from fastapi.responses import HTMLResponse
from starlette.concurrency import run_in_threadpool
from starlette.datastructures import UploadFile

from storyweave.errors import InputError
from storyweave.models import Article, Brief
from storyweave.render.html_views import label, outlet_label, title_label
from storyweave.render.page import brief_context
from storyweave.web.data import db_path, find_stories, story_article, story_brief, story_state
from storyweave.web.guard import CSRF_FIELD, set_token, token_matches, token_of
from storyweave.web.making import (
    MAX_FILE_BYTES,
    MAX_FILES,
    MAX_PASTED,
    MAX_TOTAL_BYTES,
    TooLarge,
    Upload,
    brief_of,
    check_uploads,
    pasted_article,
)
from storyweave.web.recent import Recent
from storyweave.web.views import PAGE_SIZE, page, story_row

router = APIRouter(include_in_schema=False)
_MB = 1024 * 1024


def _page_url(query: str, number: int, order: str = "newest") -> str:
    params = {"q": query} if query else {}
    if order != "newest":
        params["order"] = order
    if number > 1:
        params["page"] = str(number)
    return "/?" + urlencode(params) if params else "/"


SEEN_COOKIE = "storyweave_seen"  # when this browser last loaded the front page (UTC, ISO 8601)


def _moment(text: str | None) -> datetime | None:
    """A time given in the address or the cookie (ISO 8601; a bare date is its midnight UTC), or None."""
    if not text or len(text) > 40:
        return None
    text = re.sub(r" (\d\d:?\d\d)$", r"+\1", text.strip())  # "+05:00" arrives as " 05:00" when not %2B-escaped
    try:
        moment = datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        return None
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


@router.get("/", response_class=HTMLResponse)
def stories_page(
    request: Request,
    q: Annotated[str, Query(max_length=200)] = "",
    page_number: Annotated[int, Query(alias="page", ge=1, le=100_000)] = 1,
    order: Annotated[Literal["newest", "biggest"], Query()] = "newest",
    since: Annotated[str, Query(max_length=40)] = "",
) -> HTMLResponse:
    """The stories, those whose articles changed since ``since`` (or since this browser's last look at the
    front page) marked as updated."""
    offset = (page_number - 1) * PAGE_SIZE
    total, shown = find_stories(request, q, offset, PAGE_SIZE, biggest=order == "biggest")
    pages = max(1, -(-total // PAGE_SIZE))
    seen = _moment(since) or _moment(request.cookies.get(SEEN_COOKIE))
    rows = [story_row(r, seen) for r in shown]
    html = page(
        "stories.html.j2",
        query=q,
        order=order,
        newest_url=_page_url(q, 1),
        biggest_url=_page_url(q, 1, "biggest"),
        rows=rows,
        seen=seen.astimezone(UTC).strftime("%Y-%m-%d %H:%M UTC") if seen and any(r.updated for r in rows) else "",
        page=page_number,
        pages=pages,
        total=total,
        previous_url=_page_url(q, page_number - 1, order) if page_number > 1 else None,
        next_url=_page_url(q, page_number + 1, order) if page_number < pages else None,
    )
    response = HTMLResponse(html)
    if not since and page_number == 1 and not q:  # the front page as the reader last saw it
        now = datetime.now(UTC).isoformat(timespec="seconds")
        response.set_cookie(SEEN_COOKIE, now, max_age=400 * 86400, httponly=True, samesite="strict")
    return response


def _brief_page(brief: Brief, kicker: str, notes: list[str] | None = None, *, in_store: bool = False) -> str:
    """The brief page; ``in_store`` links each evidence sentence to its place in the stored article."""
    return page("story.html.j2", kicker=kicker, notes=notes or [], in_store=in_store, **brief_context(brief))


@router.get("/stories/{story_id}", response_class=HTMLResponse)
def story_page(request: Request, story_id: str) -> HTMLResponse:
    """The story's page, rendered once for each set of its articles (a brief depends on nothing else)."""
    state = story_state(request, story_id)
    if state is None:
        raise HTTPException(404, "There is no such story here.")
    key = (str(db_path(request)), story_id, state[1])
    html = _rendered.get(key)
    if html is None:
        found = story_brief(request, story_id)
        if found is None:
            raise HTTPException(404, "There is no such story here.")
        record, brief = found
        kicker = f"storyweave brief · {record.size} article{'s' * (record.size != 1)}"
        html = _brief_page(brief, kicker, in_store=True)
        _rendered.put(key, html)
    return HTMLResponse(html)


_rendered: Recent[str] = Recent(64 * 1024 * 1024, weigh=len)  # story pages, up to 64 M characters in all


@router.get("/stories/{story_id}/articles/{article_id}", response_class=HTMLResponse)
def article_page(
    request: Request,
    story_id: str,
    article_id: str,
    start: Annotated[int, Query(ge=0, le=100_000_000)] = 0,
    end: Annotated[int, Query(ge=0, le=100_000_000)] = 0,
) -> HTMLResponse:
    """One article of a story, the evidence sentence (``start``..``end``) marked where it stands."""
    found = story_article(request, story_id, article_id)
    if found is None:
        raise HTTPException(404, "There is no such article in this story.")
    record, article = found
    text = article.text
    if not 0 <= start < end <= len(text):
        start = end = 0
    published = article.published
    html = page(
        "article.html.j2",
        story_id=story_id,
        story_title=title_label(record.title),
        title=label(article.title, ""),
        outlet=outlet_label(article.outlet),
        published=published.isoformat() if published else "",
        date=published.date().isoformat() if published else "",
        before=text[:start],
        marked=text[start:end],
        after=text[end:],
    )
    return HTMLResponse(html)


def _form_page(request: Request, error: str = "", status: int = 200) -> HTMLResponse:
    """The form, with the session's CSRF token in it and in its cookie (a new one when there is none)."""
    token = token_of(request)
    html = page(
        "new.html.j2",
        error=error,
        csrf=token,
        max_pasted=MAX_PASTED,
        max_files=MAX_FILES,
        max_file_mb=MAX_FILE_BYTES // _MB,
        max_total_mb=MAX_TOTAL_BYTES // _MB,
    )
    response = HTMLResponse(html, status_code=status)
    set_token(response, token)
    return response


@router.get("/new", response_class=HTMLResponse)
def new_form(request: Request) -> HTMLResponse:
    return _form_page(request)


def _words(value: object) -> int:
    try:
        words = int(str(value or 200))
    except ValueError:
        return 200
    return min(max(words, 20), 5000)


@router.post("/new", response_class=HTMLResponse)
async def new_brief(request: Request) -> HTMLResponse:
    form = await request.form(max_part_size=2 * _MB)
    if not token_matches(request, form.get(CSRF_FIELD)):
        await form.close()
        return _form_page(request, "The form had expired or came from another site: send it again from here.", 403)
    texts = [t for t in form.getlist("text") if isinstance(t, str) and t.strip()]
    files = [f for f in form.getlist("files") if isinstance(f, UploadFile) and f.filename]
    if len(texts) > MAX_PASTED:
        return _form_page(request, f"Paste at most {MAX_PASTED} articles.", 400)
    try:
        uploads = []
        for f in files:
            uploads.append(Upload(f.filename or "", await f.read(MAX_FILE_BYTES + 1)))
            check_uploads(uploads)
    except TooLarge as err:
        return _form_page(request, f"Too large: {err}.", 413)
    finally:
        await form.close()
    pasted = [pasted_article(text, n) for n, text in enumerate(texts, start=1)]
    keep_in = db_path(request) if form.get("store") == "on" else None
    try:
        brief, notes = await run_in_threadpool(_make, pasted, uploads, _words(form.get("words")), keep_in)
    except InputError as err:
        return _form_page(request, str(err), 400)
    except TooLarge as err:
        return _form_page(request, f"Too large: {err}.", 413)
    kicker = "storyweave brief · stored" if keep_in else "storyweave brief · not stored"
    return HTMLResponse(_brief_page(brief, kicker, notes))


def _make(pasted: list[Article], uploads: list[Upload], words: int, keep_in: Path | None) -> tuple[Brief, list[str]]:
    brief, skipped = brief_of(pasted, words, keep_in, uploads)
    notes = [f"Skipped {s.where}: {s.reason}" for s in skipped]
    if keep_in is not None:
        notes.append("These articles are now in the store and among its stories.")
    return brief, notes
