"""Chromium (Debian's, or any on PATH) driving the built site served on 127.0.0.1."""

from __future__ import annotations

import os
import re
import shutil
import zipfile
from pathlib import Path

import pytest
from playwright.sync_api import sync_playwright

from macros.build.offline import FOLDER
from macros.paths import OFFLINE_ZIP
from tests.conftest import ROOT

CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                 "--disable-sync", "--no-first-run", "--disable-quic"]
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"


def chromium_path() -> str | None:
    """A Chromium from $CHROMIUM or PATH; None lets Playwright use its own build if it has one."""
    if os.environ.get("CHROMIUM"):
        return os.environ["CHROMIUM"]
    for name in ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable"):
        if found := shutil.which(name):
            return found
    return None


@pytest.fixture(scope="session")
def base_url(built_site: Path, site_port: int) -> str:
    """The address the run's one server serves the built site at (see tests/conftest.py)."""
    return f"http://127.0.0.1:{site_port}/"


@pytest.fixture(scope="session")
def browser():
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_ARGS)
        yield browser
        browser.close()


class Watched:
    """A page that records console errors, page errors and requests off its origin."""

    def __init__(self, page, origin: str):
        self.page = page
        self.errors: list[str] = []
        self.off_origin: list[str] = []
        page.on("console", lambda msg: self.errors.append(msg.text) if msg.type == "error" else None)
        page.on("pageerror", lambda exc: self.errors.append(str(exc)))

        def refuse(route):
            self.off_origin.append(route.request.url)
            route.abort()

        # Only requests off the origin are stopped (the browser matches the pattern), so the site's own
        # requests never wait on this process.
        page.route(re.compile(rf"^(?!{re.escape(origin)}|data:|blob:)"), refuse)


# The page has loaded, the theme has started, and every widget on it has started (quizzes start
# when they come near the screen: see tests/browser/test_quizzes.py's `ready`).
READY = """() => document.readyState === 'complete' && window.document$ !== undefined
    && [...document.querySelectorAll('[data-simulator]')].every(e => e._mvsSimulator)
    && [...document.querySelectorAll('[data-checkup]')].every(e => e._mvsCheckup)
    && [...document.querySelectorAll('[data-invest]')].every(e => e._mvsInvest)"""


# Transitions off, from the start of each document: a change of palette or width lands in one frame.
WITHOUT_FADES = """document.addEventListener('DOMContentLoaded', () => {
    const style = document.createElement('style');
    style.textContent = '*, *::before, *::after { transition: none !important; }';
    document.head.append(style);
})"""


def switch_to_dark(page) -> None:
    """Switch to the dark palette with the header's toggle, as a reader does, then move the pointer off the
    toggle and wait for the tooltip and the colours to finish fading, so neither is caught half way."""
    page.locator("label.md-header__button[for^='__palette']:visible").click()
    page.wait_for_function("document.body.getAttribute('data-md-color-scheme') === 'slate'")
    page.mouse.move(5, 450)
    page.wait_for_function("!document.querySelector('.md-tooltip--active, .md-tooltip2--active')")
    settle(page)


def settle(page) -> None:
    """Wait two frames for the theme's transitions to start, then for every finite one to end: axe and
    computed styles read colours mid-fade as they are (CI once caught the sidebar's links half faded in)."""
    page.evaluate("() => new Promise(done => requestAnimationFrame(() => requestAnimationFrame(done)))")
    page.wait_for_function("""() => document.getAnimations().every(a =>
        a.playState !== 'running' || a.effect.getComputedTiming().iterations === Infinity)""")


def resize_and_settle(page, width: int, height: int) -> None:
    page.set_viewport_size({"width": width, "height": height})
    settle(page)


def wait_for_path(page, path: str) -> None:
    """Wait until the address ends with `path`, whatever section the theme has since written after '#'
    (navigation.tracking does as soon as a page is in, and on a busy machine before the wait begins)."""
    page.wait_for_url(lambda url: url.split("#")[0].endswith(path))


def wait_ready(page) -> None:
    page.wait_for_function(READY)


def mark_document_for_instant_navigation(page) -> None:
    """Wait until the theme takes over the site's links, then mark the document, so that a test can tell
    afterwards whether a navigation replaced it. The theme treats a link as the site's own only once it
    has read the site's page list (sitemap.xml); a click before that loads the next page afresh."""
    page.wait_for_function("performance.getEntriesByType('resource').some(e => e.name.endsWith('/sitemap.xml'))")
    page.wait_for_timeout(100)  # the list is read and parsed a few tasks after its last byte arrives
    page.evaluate("window.__sameDocument = true")


@pytest.fixture
def open_page(browser, base_url):
    contexts = []

    def opener(path: str = "", width: int = 1280, height: int = 900, color_scheme: str = "light",
               fades: bool = True) -> Watched:
        """A new page at `path`, started; `fades=False` turns the theme's transitions off, for a test that
        looks only at where a change ends (each fade otherwise costs frames and a wait for its end)."""
        context = browser.new_context(viewport={"width": width, "height": height}, color_scheme=color_scheme)
        contexts.append(context)
        if not fades:
            context.add_init_script(WITHOUT_FADES)
        watched = Watched(context.new_page(), base_url)
        watched.page.goto(base_url + path, wait_until="load")
        wait_ready(watched.page)
        return watched

    yield opener
    for context in contexts:
        context.close()


@pytest.fixture(scope="session")
def axe_source() -> str:
    return AXE.read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def offline_copy(built_site, tmp_path_factory) -> Path:
    """The site's offline copy, unzipped once."""
    folder = tmp_path_factory.mktemp("offline")
    with zipfile.ZipFile(built_site / OFFLINE_ZIP) as archive:
        archive.extractall(folder)
    return folder / FOLDER


@pytest.fixture
def offline_page(browser, offline_copy):
    """(page, the copy's address, errors, requests blocked): a page that may open nothing but files."""
    context = browser.new_context(viewport={"width": 1280, "height": 720})
    blocked: list[str] = []
    context.route("**/*", lambda r: r.continue_() if r.request.url.startswith("file://")
                  else (blocked.append(r.request.url), r.abort()))
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    page.on("console", lambda msg: errors.append(msg.text) if msg.type == "error" else None)
    yield page, offline_copy.as_uri() + "/", errors, blocked
    context.close()
