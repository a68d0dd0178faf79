"""The web app: ``create_app(db_path)`` makes a FastAPI app over one store."""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator, Awaitable, Callable, Iterable
from contextlib import asynccontextmanager
from functools import cache
from importlib import resources
from pathlib import Path

from fastapi import FastAPI, Request, Response
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse
from starlette.concurrency import run_in_threadpool
from starlette.exceptions import HTTPException as StarletteHTTPException

from storyweave.store import StoreError
from storyweave.web import api, pages, pool
from storyweave.web.data import prepare_store
from storyweave.web.guard import Guard
from storyweave.web.making import MAX_TOTAL_BYTES
from storyweave.web.pool import BRIEF_TIMEOUT, RETRY_AFTER, Busy, TookTooLong, WorkerLost
from storyweave.web.views import page

CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; object-src 'none'; "
    "base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
)
HEADERS = {
    "Content-Security-Policy": CSP,
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "same-origin",  # other sites learn nothing; our own forms keep their Origin (not "null")
    "X-Frame-Options": "DENY",
}
BODY_LIMIT = MAX_TOTAL_BYTES + 256 * 1024  # the files plus the form's text fields and multipart framing

# The only files served: a fixed name -> (package, file, media type); a request path never reaches the file system.
STATIC: dict[str, tuple[str, str, str]] = {
    "brief.css": ("storyweave.render", "templates/brief.css", "text/css; charset=utf-8"),
    "brief-analysis.css": ("storyweave.render", "templates/brief-analysis.css", "text/css; charset=utf-8"),
    "brief.js": ("storyweave.render", "templates/brief.js", "text/javascript; charset=utf-8"),
    "web.css": ("storyweave.web", "static/web.css", "text/css; charset=utf-8"),
}


@cache
def _static_bytes(name: str) -> bytes:
    package, path = STATIC[name][:2]
    return resources.files(package).joinpath(path).read_bytes()


def _wants_json(request: Request) -> bool:
    return request.url.path.startswith("/api/") or request.url.path == "/openapi.json"


def error_response(request: Request, status: int, message: str) -> Response:
    """An error as JSON for the API, else as a page."""
    if _wants_json(request):
        return JSONResponse({"error": message, "status": status}, status_code=status)
    headings = {
        400: "Bad request", 403: "Refused", 404: "Not found", 411: "Length required", 413: "Too large",
        422: "Cannot use this", 503: "Busy",
    }  # fmt: skip
    heading = headings.get(status, "Something went wrong")
    return HTMLResponse(page("error.html.j2", status=status, heading=heading, message=message), status_code=status)


def _with_headers(response: Response) -> Response:
    for key, value in HEADERS.items():
        response.headers.setdefault(key, value)
    return response


def _printable(text: str) -> str:
    """Text that can be encoded as UTF-8: lone surrogates and control characters replaced."""
    cleaned = text.encode("utf-8", "replace").decode("utf-8")
    return "".join(c if c.isprintable() else "\ufffd" for c in cleaned)


@asynccontextmanager
async def _brief_workers(app: FastAPI) -> AsyncIterator[None]:
    pool.start()
    try:
        yield
    finally:
        await run_in_threadpool(pool.stop)


def create_app(db_path: Path, hosts: Iterable[str] = (), *, start_workers: bool = False) -> FastAPI:
    """The app over the store at ``db_path`` (opened per request; a missing store shows no stories).

    It answers only requests addressed to ``hosts`` or to this machine's local names (see ``guard``). With
    ``start_workers`` the brief workers start (and load the models) with the app and stop with it; otherwise
    they start with the first brief asked for.
    """
    lifespan = _brief_workers if start_workers else None
    app = FastAPI(title="storyweave", version="1", docs_url=None, redoc_url=None, lifespan=lifespan)
    app.state.db_path = Path(db_path)
    app.state.guard = guard = Guard(hosts)
    prepare_store(app.state.db_path)

    @app.middleware("http")
    async def limits_and_headers(request: Request, call_next: Callable[[Request], Awaitable[Response]]) -> Response:
        response = _refused(request) or _limit(request) or await call_next(request)
        return _with_headers(response)

    def _refused(request: Request) -> Response | None:
        if not guard.host_allowed(request):
            return error_response(request, 400, "This server does not answer to that host name.")
        if request.method not in ("GET", "HEAD", "OPTIONS") and not guard.same_origin(request):
            return error_response(request, 403, "Requests that change something must come from this site's pages.")
        return None

    def _limit(request: Request) -> Response | None:
        if request.method not in ("POST", "PUT", "PATCH"):
            return None
        length = request.headers.get("content-length")
        if length is None or not length.isdigit():
            return error_response(request, 411, "Send the request with a Content-Length header.")
        if int(length) > BODY_LIMIT:
            return error_response(request, 413, f"The request is larger than {BODY_LIMIT // (1024 * 1024)} MB.")
        return None

    @app.exception_handler(Exception)
    async def server_error(request: Request, exc: Exception) -> Response:  # outside the middleware: add headers here
        logging.getLogger("storyweave.web").exception("error serving %s", request.url.path)
        return _with_headers(error_response(request, 500, "Something went wrong on the server."))

    @app.exception_handler(RequestValidationError)
    async def invalid(request: Request, exc: RequestValidationError) -> Response:
        """422 with where and what, never the input echoed back (it may hold text that cannot be encoded)."""
        problems = []
        for error in exc.errors()[:10]:
            where = ".".join(str(part) for part in error.get("loc", ()))
            problems.append(_printable(f"{where}: {error.get('msg', 'invalid')}"))
        if _wants_json(request):
            return JSONResponse({"error": "The request is not valid.", "status": 422, "problems": problems}, 422)
        return error_response(request, 422, "The request is not valid: " + "; ".join(problems))

    @app.exception_handler(Busy)
    async def busy(request: Request, exc: Busy) -> Response:
        message = "Too many briefs are being made; try again in a few seconds."
        if isinstance(exc, WorkerLost):
            message = "The worker making the brief stopped before it was done (out of memory?); try fewer articles."
        response = error_response(request, 503, message)
        response.headers["Retry-After"] = str(RETRY_AFTER)
        return response

    @app.exception_handler(TookTooLong)
    async def too_long(request: Request, exc: TookTooLong) -> Response:
        message = f"The brief took longer than {BRIEF_TIMEOUT} s and was stopped: send fewer or shorter articles."
        return error_response(request, 503, message)

    @app.exception_handler(StoreError)
    async def store_error(request: Request, exc: StoreError) -> Response:
        logging.getLogger("storyweave.web").warning("store: %s", exc)
        return error_response(request, 503, f"The store cannot be used now: {exc}.")

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException) -> Response:
        message = exc.detail if isinstance(exc.detail, str) else "The request could not be served."
        if exc.status_code == 404 and not _wants_json(request):
            message = "There is no such page or story here."
        response = error_response(request, exc.status_code, message)
        response.headers.update(exc.headers or {})  # e.g. Allow on a 405
        return response

    @app.get("/static/{name}", include_in_schema=False)
    def static(name: str) -> Response:
        if name not in STATIC:
            raise StarletteHTTPException(404, "Not found")
        return Response(_static_bytes(name), media_type=STATIC[name][2], headers={"Cache-Control": "max-age=3600"})

    app.include_router(pages.router)
    app.include_router(api.router)
    return app
