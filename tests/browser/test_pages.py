"""Every page in Chromium: no errors, nothing off-origin, axe-clean, fits a phone."""

from __future__ import annotations

import pytest

from macros.paths import page_url
from tests.browser.conftest import (
    mark_document_for_instant_navigation,
    resize_and_settle,
    settle,
    switch_to_dark,
    wait_for_path,
)
from tests.build.test_site import ALL_PAGES, CONTENT_PAGES

pytestmark = pytest.mark.browser
PATHS = [page_url(src, True) for src in ALL_PAGES]
# Hand-written pages other than the funnel page never load plotly, even scrolled to the bottom.
NO_PLOTLY = {page_url(src, True) for src in CONTENT_PAGES if src != "funnel.md"}
COLOUR_RULES = ["color-contrast", "link-in-text-block"]
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa"]


def axe_violations(page, axe_source: str, rules: list[str] | None = None) -> list[str]:
    """axe-core's WCAG 2.2 A and AA violations, or those of the given rules only."""
    if page.evaluate("() => typeof window.axe === 'undefined'"):  # once per document: it is 550 KB of script
        page.evaluate(axe_source)
    # A button losing focus fades from filled to outlined, and halfway its text and fill are one colour:
    # axe is asked about the page the reader is left looking at, after such fades have ended.
    settle(page)
    only = {"type": "rule", "values": rules} if rules else {"type": "tag", "values": WCAG_TAGS}
    result = page.evaluate("only => axe.run(document, {runOnly: only, resultTypes: ['violations']})", only)
    return [f"{v['id']}: {v['help']} ({len(v['nodes'])}x, e.g. {v['nodes'][0]['target']})"
            for v in result["violations"]]


# What starts only as a reader nears it or points at it: quizzes and the progress table (their script loads as
# the first comes near) and charts (plotly loads on intent, never on scrolling past).
STARTS_LATER = ".mvs-quiz, [data-quiz-progress], .mvs-chart"


def scroll_to_bottom(page) -> None:
    """Scroll down the whole page two screens at a time, two frames for each, so anything that loads on
    approach (quizzes start 600 px before they come into view) sees itself come near the screen."""
    page.evaluate("""async () => {
        for (let y = 0; y <= document.documentElement.scrollHeight; y += 2 * window.innerHeight) {
            window.scrollTo(0, y);
            await new Promise(done => requestAnimationFrame(() => requestAnimationFrame(done)));
        }
    }""")


def plotly_requests(page) -> list[str]:
    return page.evaluate("performance.getEntriesByType('resource').map(e => e.name).filter(n => n.includes('plotly'))")


def overflow_on_a_phone(page) -> tuple[int, list[str]]:
    """How far the page scrolls sideways, and the first elements that stick out."""
    overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
    wide = page.evaluate("""() => Array.from(document.querySelectorAll('article *'))
        .filter(el => el.getBoundingClientRect().right > document.documentElement.clientWidth + 1)
        .filter(el => !el.closest('.md-typeset__scrollwrap'))
        .map(el => el.tagName + '.' + el.getAttribute('class')).slice(0, 5)""")
    return max(overflow, 0), wide


@pytest.mark.parametrize("path", PATHS)
def test_every_page_loads_cleanly_fits_a_phone_and_passes_axe_in_both_palettes(open_page, axe_source, path):
    """One visit per page: on a 360 px phone, no sideways scroll before or after scrolling to the bottom
    (where something on the page starts only as it comes near), no plotly before a reader points at a chart,
    even scrolled to the bottom, and then only where there is a chart, which pointing at draws; then at
    desktop width, axe-clean in light and dark; no errors or off-origin requests throughout. The theme's
    fades are off: axe reads the colours they end on."""
    watched = open_page(path, width=360, height=740, fades=False)
    page = watched.page
    assert page.locator("article h1").inner_text().strip()
    assert overflow_on_a_phone(page) == (0, [])
    if page.locator(STARTS_LATER).count():
        scroll_to_bottom(page)
        page.wait_for_timeout(200)
    assert plotly_requests(page) == []
    if path not in NO_PLOTLY:
        for chart in page.locator(".mvs-chart__frame:visible").all():
            chart.hover(position={"x": 4, "y": 4})
        page.wait_for_function("[...document.querySelectorAll('.mvs-chart__plot')].every(p => p.dataset.drawn)")
    assert overflow_on_a_phone(page) == (0, [])
    resize_and_settle(page, 1280, 900)
    assert axe_violations(page, axe_source) == []
    switch_to_dark(page)
    # The dark palette changes colours only, so the rules that look at colour are the ones to run again.
    assert axe_violations(page, axe_source, COLOUR_RULES) == []
    assert watched.errors == []
    assert watched.off_origin == []


# A frame after a focus (once the browser has scrolled the element into view): the focused element, if the sticky
# header covers all of it (the skip link is drawn over the header on purpose).
FOCUS_UNDER_HEADER = """() => new Promise(done => requestAnimationFrame(() => {
    const el = document.activeElement;
    const box = el.getBoundingClientRect();
    const covered = !el.closest('.md-header, .md-sidebar, .md-search, .md-skip')
        && box.bottom <= document.querySelector('.md-header').getBoundingClientRect().bottom;
    done(covered ? `${el.tagName}#${el.id}.${el.className}: ${box.top}-${box.bottom}` : null);
}))"""


@pytest.mark.parametrize("path, start", [("tools/checkup/", "[data-clear]"),
                                         ("definitions/", "article a:last-of-type")])
def test_keyboard_focus_is_never_hidden_under_the_sticky_header(open_page, path, start):
    """WCAG 2.2's "focus not obscured": tabbing back up a phone's screen, the browser scrolls each field or link
    above into view at the top of the screen, and none ends up behind the header."""
    page = open_page(path, width=360, height=740).page
    page.locator(start).last.focus()
    hidden = []
    for _ in range(30):
        page.keyboard.press("Shift+Tab")
        if found := page.evaluate(FOCUS_UNDER_HEADER):
            hidden.append(found)
    assert hidden == []


def test_a_glossary_term_shows_its_definition_on_keyboard_focus(open_page):
    page = open_page("differences/").page
    term = page.locator("article a.mvs-term").first
    definition = term.get_attribute("title")
    for _ in range(80):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.classList.contains('mvs-term')"):
            break
    else:
        pytest.fail("no glossary term is reachable with the Tab key")
    assert page.evaluate("document.activeElement.href") == term.evaluate("a => a.href")
    # The term's own tooltip, the one it names as its description: a heading link's tooltip, passed on the way,
    # may still be fading out.
    described_by = page.evaluate("document.activeElement.getAttribute('aria-describedby')")
    tooltip = page.locator(f"[id='{described_by}'].md-tooltip2--active")
    tooltip.wait_for(state="visible")
    assert tooltip.inner_text().strip() == definition


def test_a_glossary_term_shows_its_definition_on_hover(open_page):
    page = open_page("together/").page
    term = page.locator("article a.mvs-term").nth(2)
    definition = term.get_attribute("title")
    term.hover()
    tooltip = page.locator(".md-tooltip2--active")
    tooltip.wait_for(state="visible")
    assert tooltip.inner_text().strip() == definition


def test_instant_navigation_keeps_the_page_working(open_page):
    watched = open_page("")
    page = watched.page
    mark_document_for_instant_navigation(page)
    page.locator("article a[href$='glossary/']").first.click()
    wait_for_path(page, "/glossary/")
    page.locator("article h1", has_text="Glossary").wait_for()
    assert page.evaluate("window.__sameDocument === true"), "instant navigation did a full page load"
    assert page.locator("article .mvs-glossary dt").count() >= 30
    assert watched.errors == []


def test_search_finds_a_term(open_page):
    page = open_page("").page
    page.locator(".md-search__input").click()
    page.keyboard.type("objection", delay=20)
    # Results follow the query as it is typed: wait for those of the whole word.
    page.wait_for_function("""() => {
        const first = document.querySelector('.md-search-result__item');
        return first && first.innerText.toLowerCase().includes('objection');
    }""")
    assert page.locator(".md-search__input").input_value() == "objection"


def search_requested(page) -> list[str]:
    """What of the theme's search the page has fetched: its worker script and the index."""
    return page.evaluate("""performance.getEntriesByType('resource').map(e => e.name)
        .filter(n => n.includes('search_index') || n.includes('workers/search'))
        .map(n => n.includes('search_index') ? 'index' : 'worker').sort()""")


@pytest.mark.parametrize("width", [1280, 360])
def test_search_loads_only_when_a_reader_searches(open_page, width):
    watched = open_page("faq/", width=width)
    page = watched.page
    page.wait_for_timeout(500)
    assert search_requested(page) == []
    page.locator("label.md-header__button[for='__search']:visible, .md-search__input:visible").first.click()
    page.keyboard.type("handoff", delay=20)
    page.locator(".md-search-result__item").first.wait_for()
    assert search_requested(page) == ["index", "worker"]
    assert watched.errors == []


def test_the_watch_catches_a_request_off_the_origin(open_page):
    """The off-origin check every page test relies on does see such a request, and stops it."""
    watched = open_page("faq/")
    status = watched.page.evaluate("fetch('https://cdn.example.org/lib.js').then(() => 'loaded', () => 'stopped')")
    assert status == "stopped"
    assert watched.off_origin == ["https://cdn.example.org/lib.js"]
