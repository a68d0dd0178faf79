"""storyweave from Python: read articles, brief them, group them into stories, render a brief.

    import storyweave

    brief = storyweave.brief(["examples/"])  # read, annotate and brief every article given
    print(storyweave.render_brief(brief, "md"))  # or "json", "html"
    stories = storyweave.group(storyweave.read(["feeds/"]).articles)  # many events: one Story each

The command line, the web page and the corpus job go through the same functions: ``brief_articles`` (read
articles -> annotate -> brief), or ``annotate`` then ``brief_annotated`` where articles are stored or grouped
between the two. Each takes the ``models`` a caller has loaded (one worker's, one Spark executor's).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from storyweave.errors import InputError, NoUsableArticles

if TYPE_CHECKING:
    from storyweave.ingest.inputs import ReadResult
    from storyweave.models import AnnotatedArticle, Article, Brief, Skipped, Story
    from storyweave.nlp.loader import Models
    from storyweave.settings import BriefSettings

__all__ = ["annotate", "brief", "brief_annotated", "brief_articles", "group", "load_models", "read", "render_brief"]


def read(paths: Sequence[str]) -> ReadResult:
    """Every article in files, folders (recursively) and "-" (standard input), with what was skipped and why."""
    from storyweave.ingest import read_inputs

    return read_inputs(paths)


def load_models() -> Models:
    """The language models (loaded once per process; every function here loads them itself when needed)."""
    from storyweave.nlp import load_models as load

    return load()


def annotate(
    articles: Sequence[Article],
    *,
    models: Models | None = None,
    rejected: list[Skipped] | None = None,
    progress: Callable[[int], None] | None = None,
) -> list[AnnotatedArticle]:
    """Sentences, entities and sentence vectors of each article: with the ``models`` given, in this process;
    else on worker processes when there are many. An article the models cannot read goes to ``rejected`` with
    its reason (without that list, its error is raised)."""
    if models is not None:
        from storyweave.nlp import annotate as annotate_with

        return list(annotate_with(articles, models, progress=progress, rejected=rejected))
    from storyweave.engines.local import annotate_articles

    return annotate_articles(articles, progress=progress, rejected=rejected)


def brief_annotated(
    annotated: Sequence[AnnotatedArticle], settings: BriefSettings | None = None, *, models: Models | None = None
) -> Brief:
    """One brief of the story these annotated articles tell, in their order; the quote analysis parses with
    ``models.parser`` (this process's parser when no models are given)."""
    from storyweave.models import Story
    from storyweave.nlp.loader import load_parser
    from storyweave.summarize import make_brief, story_id

    parser = models.parser if models is not None else load_parser()
    return make_brief(Story(id=story_id(annotated), articles=list(annotated)), settings, parser=parser)


def brief_articles(
    articles: Sequence[Article],
    settings: BriefSettings | None = None,
    *,
    models: Models | None = None,
    rejected: list[Skipped] | None = None,
    progress: Callable[[int], None] | None = None,
) -> Brief:
    """One brief of the story these articles tell (annotated with ``models`` when given, see ``annotate``).
    Raises :class:`NoUsableArticles` when none can be used, and :class:`InputError` for more articles than one
    brief reads (a collection goes through ingest and stories)."""
    from storyweave.limits import current, env_name

    limit = current().brief_articles
    if len(articles) > limit:
        raise InputError(
            f"{len(articles):,} articles are more than one brief reads (at most {limit:,})",
            "For a collection, run storyweave ingest PATH... then storyweave stories, and brief a story with "
            f"--story ID (or raise {env_name('brief_articles')})",
        )
    annotated = annotate(articles, models=models, rejected=rejected, progress=progress) if articles else []
    if not annotated:
        raise NoUsableArticles("no article of the input could be analysed", "Give articles with text in them")
    return brief_annotated(annotated, settings, models=models)


def brief(paths: Sequence[str], settings: BriefSettings | None = None) -> Brief:
    """One brief of the articles in ``paths`` (files, folders, "-"); what cannot be read is left out."""
    found = read(paths)
    if not found.articles:
        raise NoUsableArticles("no usable article in the input", "Give .txt, .html, .jsonl, feed or WARC files")
    return brief_articles(found.articles, settings, rejected=[])


def group(articles: Sequence[Article]) -> list[Story]:
    """Articles about many events sorted into stories, as ``storyweave ingest`` groups a store (each story's
    articles in the order given)."""
    from storyweave.models import Story
    from storyweave.stories.batch import group as group_annotated
    from storyweave.summarize import story_id

    annotated = annotate(articles, rejected=[])
    grouping = group_annotated(annotated)
    stories = []
    for members in grouping.groups:
        ordered = [annotated[i] for i in sorted(members)]
        stories.append(Story(id=story_id(ordered), articles=ordered))
    return stories


def render_brief(brief: Brief, fmt: str = "md") -> str:
    """The brief as Markdown ("md"), JSON ("json", the ``storyweave.brief`` schema) or a standalone page ("html")."""
    from storyweave.render import render as render_brief

    return render_brief(brief, fmt)
