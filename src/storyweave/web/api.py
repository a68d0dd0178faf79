"""The JSON API: stories, a story's brief (storyweave.brief/4), and a brief of posted articles."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, HTTPException, Query, Request
from pydantic import BaseModel, Field

from storyweave.document import brief_to_dict
from storyweave.errors import InputError
from storyweave.web.data import find_stories, story_brief
from storyweave.web.making import MAX_ARTICLE_CHARS, MAX_ARTICLES, TooLarge, brief_of, pasted_article

router = APIRouter(prefix="/api", tags=["api"])


class StoryItem(BaseModel):
    id: str
    title: str
    first_published: str | None = Field(description="ISO 8601, UTC")
    last_published: str | None = Field(description="ISO 8601, UTC")
    articles: int
    outlets: list[str]


class StoryList(BaseModel):
    total: int = Field(description="Stories matching the query, before limit and offset")
    limit: int
    offset: int
    stories: list[StoryItem]


class PostedArticle(BaseModel):
    text: str = Field(min_length=1, max_length=MAX_ARTICLE_CHARS, description="The article's text")
    title: str = Field("", max_length=1000)
    outlet: str = Field("", max_length=200, description='Defaults to "Article N"')
    url: str | None = Field(None, max_length=2000)
    published: str | None = Field(None, max_length=100, description="A date, e.g. 2026-03-04T09:00:00Z")


class BriefRequest(BaseModel):
    articles: list[PostedArticle] = Field(min_length=1, max_length=MAX_ARTICLES)
    words: int = Field(200, ge=20, le=5000, description="Summary word budget")


@router.get("/stories", response_model=StoryList)
def list_stories(
    request: Request,
    q: Annotated[str, Query(max_length=200, description="Words that must be in the title")] = "",
    limit: Annotated[int, Query(ge=1, le=200)] = 20,
    offset: Annotated[int, Query(ge=0, le=1_000_000_000)] = 0,
) -> dict[str, Any]:
    total, shown = find_stories(request, q, offset, limit)
    return {"total": total, "limit": limit, "offset": offset, "stories": [r.as_dict() for r in shown]}


@router.get("/stories/{story_id}", description="The story's brief as a storyweave.brief/4 document.")
def story_detail(request: Request, story_id: str) -> dict[str, Any]:
    found = story_brief(request, story_id)
    if found is None:
        raise HTTPException(404, f"no story {story_id!r}")
    return brief_to_dict(found[1])


@router.post("/briefs", description="A brief (storyweave.brief/4) of the posted articles; nothing is stored.")
def post_brief(body: BriefRequest) -> dict[str, Any]:
    articles = [
        pasted_article(a.text, n, title=a.title, outlet=a.outlet, url=a.url, published=a.published)
        for n, a in enumerate(body.articles, start=1)
    ]
    try:
        brief, _ = brief_of(articles, body.words)
    except InputError as err:
        raise HTTPException(400, str(err)) from err
    except TooLarge as err:
        raise HTTPException(413, f"Too large: {err}.") from err
    return brief_to_dict(brief)
