"""The web app in a real browser: headless Chromium (Debian's) driven by Playwright against a live uvicorn server.

Needs `playwright` (in the dev extra) and /usr/bin/chromium (`apt-get install chromium`); never `playwright install`.
"""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

pytest.importorskip("fastapi")
pytest.importorskip("multipart")
pytest.importorskip("uvicorn")

import uvicorn
from typer.testing import CliRunner

from storyweave.cli import app as cli_app
from storyweave.web import create_app

CHROMIUM = Path("/usr/bin/chromium")
try:
    from playwright.sync_api import Browser, Page, expect, sync_playwright
except ImportError:
    pytest.skip("playwright is not installed (pip install -e '.[dev]')", allow_module_level=True)
if not CHROMIUM.exists():
    pytest.skip(f"{CHROMIUM} is missing (apt-get install chromium)", allow_module_level=True)

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
pytestmark = pytest.mark.models

ARTICLE_ONE = """Title: Bridge closed after barge strike
Outlet: Valley Post

The Marrow Bridge in Eldham was closed on Monday after a grain barge struck one of its piers.
No one was hurt when the barge hit the bridge at about 6 a.m., the river authority said.
Engineers from the county will inspect the pier on Tuesday before deciding when the bridge can reopen.
Traffic is being sent over the Kell Road crossing, adding about twenty minutes to journeys.
"""

ARTICLE_TWO = """Title: Eldham bridge shut as barge hits pier
Outlet: Eldham Courier

A grain barge struck a pier of the Marrow Bridge in Eldham early on Monday, and the bridge was closed.
The river authority said no one was injured when the barge hit the bridge shortly after 6 a.m.
County engineers are due to inspect the damaged pier on Tuesday.
Drivers are being diverted over the Kell Road crossing.
"""


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@pytest.fixture(scope="module")
def base_url(tmp_path_factory: pytest.TempPathFactory, models: object) -> Iterator[str]:
    db = tmp_path_factory.mktemp("browser") / "news.sqlite"
    result = CliRunner().invoke(cli_app, ["ingest", str(EXAMPLES), "--db", str(db)])
    assert result.exit_code == 0, result.output
    port = _free_port()
    config = uvicorn.Config(create_app(db), host="127.0.0.1", port=port, log_level="warning", lifespan="on")
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, name="uvicorn", daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not server.started:
        assert thread.is_alive() and time.monotonic() < deadline, "uvicorn did not start"
        time.sleep(0.05)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(timeout=10)


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    with sync_playwright() as pw:
        chromium = pw.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS)
        try:
            yield chromium
        finally:
            chromium.close()


@pytest.fixture
def page(browser: Browser) -> Iterator[Page]:
    context = browser.new_context(viewport={"width": 1200, "height": 900})
    context.set_default_timeout(30_000)
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda err: errors.append(str(err)))
    try:
        yield page
        assert not errors, errors
    finally:
        context.close()


def test_read_a_story_check_evidence_and_make_a_brief(base_url: str, page: Page, tmp_path: Path) -> None:
    # The stories page lists the ferry story; open it.
    page.goto(f"{base_url}/")
    story_link = page.locator("a[href^='/stories/']", has_text="erry").first
    expect(story_link).to_be_visible()
    story_link.click()
    page.wait_for_url(f"{base_url}/stories/*")
    expect(page.locator("#summary-heading")).to_be_visible()

    # Clicking a citation chip reveals its evidence in the popover (brief.js copies the cited figures into it).
    chip = page.locator("a.chip").first
    evidence_id = (chip.get_attribute("data-evidence") or "").split()[0]
    evidence = " ".join((page.locator(f"[id='{evidence_id}'] blockquote").text_content() or "").split())
    assert evidence
    assert page.locator(f"[id='{evidence_id}']").is_hidden()  # inside the closed <details>
    popover = page.locator("#evidence-popover")
    expect(popover).to_be_hidden()
    chip.click()
    expect(popover).to_be_visible()
    expect(popover.locator("blockquote").first).to_be_visible()
    expect(popover).to_contain_text(evidence)
    expect(chip).to_have_attribute("aria-expanded", "true")
    page.keyboard.press("Escape")
    expect(popover).to_be_hidden()

    # How each outlet put it: every headline side by side, each outlet's own words marked, differing wording.
    framing = page.locator("section.framing")
    framing.scroll_into_view_if_needed()
    expect(framing.locator("h2")).to_have_text("How each outlet put it")
    expect(framing.locator(".headlines li")).to_have_count(4)
    expect(framing.locator(".headlines mark").first).to_be_visible()
    expect(framing.locator(".wording q").first).to_be_visible()
    framing_shot = framing.screenshot(path=str(tmp_path / "framing.png"))
    assert framing_shot.startswith(b"\x89PNG\r\n\x1a\n") and len(framing_shot) > 5_000
    box = framing.bounding_box()
    assert box is not None and box["height"] > 150 and box["width"] > 300

    # A new brief from two pasted articles.
    page.goto(f"{base_url}/new")
    page.fill("#text-1", ARTICLE_ONE)
    page.fill("#text-2", ARTICLE_TWO)
    page.fill("#words", "60")
    with page.expect_navigation():
        page.click("form.new button[type=submit]")
    expect(page.locator("#summary-heading")).to_be_visible()
    first_sentence = page.locator("section.summary .sentence p").first
    expect(first_sentence).to_be_visible()
    expect(first_sentence).to_contain_text("bridge")
    expect(page.locator("section.summary a.chip").first).to_be_visible()

    shot = tmp_path / "brief.png"
    page.screenshot(path=str(shot), full_page=True)
    data = shot.read_bytes()
    assert data.startswith(b"\x89PNG\r\n\x1a\n")
    assert len(data) > 10_000
