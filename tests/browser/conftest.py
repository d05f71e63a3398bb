"""Chromium (Debian's, or any on PATH) driving the built site served on 127.0.0.1."""

from __future__ import annotations

import contextlib
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

        self.origin = origin
        self.watch_requests()

    def watch_requests(self) -> None:
        """Stop and count requests off the origin (the browser matches the pattern, so the site's own
        requests never wait on this process)."""

        def refuse(route):
            self.off_origin.append(route.request.url)
            route.abort()

        self.page.route(re.compile(rf"^(?!{re.escape(self.origin)}|data:|blob:)"), refuse)


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


# True when nothing a test did to a tab outlives the next page loaded in it: the clock is the browser's own
# (Playwright's fake clock stays installed for every later page).
TAB_IS_REUSABLE = """() => [Date.now, setTimeout].every(f => /\\[native code\\]/.test(f.toString()))"""


@pytest.fixture(scope="session")
def spare_tabs() -> dict[bool, Watched]:
    """Tabs kept from test to test, one per fades setting: loading a page afresh in a tab that has shown
    others costs the browser about a third of the work of a new tab (a new tab starts a new renderer)."""
    tabs: dict[bool, Watched] = {}
    yield tabs
    for watched in tabs.values():
        watched.page.context.close()


def reset_tab(watched: Watched, width: int, height: int, color_scheme: str) -> None:
    """Make a kept tab look like a new one to the next page: nothing stored, no routes or media emulation
    left from the last test, the given size and colour scheme, no errors or requests counted."""
    page = watched.page
    for other in page.context.pages:
        if other != page:
            other.close()
    if page.url.startswith(watched.origin):
        page.evaluate("() => { localStorage.clear(); sessionStorage.clear(); }")
    page.context.clear_cookies()
    page.unroute_all(behavior="ignoreErrors")
    watched.watch_requests()
    page.emulate_media(media="null", color_scheme=color_scheme)
    page.set_viewport_size({"width": width, "height": height})
    watched.errors.clear()
    watched.off_origin.clear()


@pytest.fixture
def open_page(browser, base_url, spare_tabs):
    contexts = []
    taken: list[tuple[bool, Watched]] = []

    def opener(path: str = "", width: int = 1280, height: int = 900, color_scheme: str = "light",
               fades: bool = True) -> Watched:
        """A page at `path`, started, as on a first visit; `fades=False` turns the theme's transitions off,
        for a test that looks only at where a change ends (each fade otherwise costs frames and a wait for
        its end). A test's first page is loaded in a kept tab, reset; any other in a new one."""
        if not taken and fades in spare_tabs:
            watched = spare_tabs.pop(fades)
            reset_tab(watched, width, height, color_scheme)
            if watched.page.url.split("#")[0] == (base_url + path).split("#")[0]:
                watched.page.goto("about:blank")  # else going to a fragment of the same page would not reload it
        else:
            context = browser.new_context(viewport={"width": width, "height": height}, color_scheme=color_scheme)
            if not fades:
                context.add_init_script(WITHOUT_FADES)
            watched = Watched(context.new_page(), base_url)
        if taken:
            contexts.append(watched.page.context)
        else:
            taken.append((fades, watched))
        watched.page.goto(base_url + path, wait_until="load")
        wait_ready(watched.page)
        return watched

    yield opener
    for context in contexts:
        context.close()
    for fades, watched in taken:
        try:  # kept only on the site's origin, where the next test's reset can clear what this one stored
            keep = (not watched.page.is_closed() and watched.page.url.startswith(base_url)
                    and watched.page.evaluate(TAB_IS_REUSABLE))
        except Exception:  # the test closed the tab's context, or left the page unable to answer
            keep = False
        if keep:
            spare_tabs[fades] = watched
        else:
            with contextlib.suppress(Exception):  # the test may have closed it already
                watched.page.context.close()


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
