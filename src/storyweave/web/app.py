"""The web app: ``create_app(db_path)`` makes a FastAPI app over one store."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from functools import cache
from importlib import resources
from pathlib import Path

from fastapi import FastAPI, Request, Response
from fastapi.responses import HTMLResponse, JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException

from storyweave.web import api, pages
from storyweave.web.making import MAX_TOTAL_BYTES
from storyweave.web.views import page

CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; object-src 'none'; "
    "base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
)
HEADERS = {
    "Content-Security-Policy": CSP,
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
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
    headings = {404: "Not found", 411: "Length required", 413: "Too large", 400: "Bad request"}
    heading = headings.get(status, "Something went wrong")
    return HTMLResponse(page("error.html.j2", status=status, heading=heading, message=message), status_code=status)


def create_app(db_path: Path) -> FastAPI:
    """The app over the store at ``db_path`` (opened per request; a missing store shows no stories)."""
    app = FastAPI(title="storyweave", version="1", docs_url=None, redoc_url=None)
    app.state.db_path = Path(db_path)

    @app.middleware("http")
    async def limits_and_headers(request: Request, call_next: Callable[[Request], Awaitable[Response]]) -> Response:
        response = _limit(request) or await call_next(request)
        for key, value in HEADERS.items():
            response.headers.setdefault(key, value)
        return response

    def _limit(request: Request) -> Response | None:
        if request.method not in ("POST", "PUT", "PATCH"):
            return None
        length = request.headers.get("content-length")
        if length is None or not length.isdigit():
            return error_response(request, 411, "Send the request with a Content-Length header.")
        if int(length) > BODY_LIMIT:
            return error_response(request, 413, f"The request is larger than {BODY_LIMIT // (1024 * 1024)} MB.")
        return None

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException) -> Response:
        message = exc.detail if isinstance(exc.detail, str) else "The request could not be served."
        if exc.status_code == 404 and not _wants_json(request):
            message = "There is no such page or story here."
        return error_response(request, exc.status_code, message)

    @app.get("/static/{name}", include_in_schema=False)
    def static(name: str) -> Response:
        if name not in STATIC:
            raise StarletteHTTPException(404, "Not found")
        return Response(_static_bytes(name), media_type=STATIC[name][2], headers={"Cache-Control": "max-age=3600"})

    app.include_router(pages.router)
    app.include_router(api.router)
    return app
