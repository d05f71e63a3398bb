"""The cut-down theme stylesheets style every element exactly as the theme's full ones do.

Each test puts a page into a state (a quiz answered, errors showing, a menu or a search open), notes
the computed style of every element and its ::before and ::after, swaps in the theme's original
stylesheets from the installed package, and notes them again: nothing may differ, in either palette.
"""

from __future__ import annotations

from pathlib import Path

import material
import pytest

from tests.browser.conftest import switch_to_dark
from tests.browser.test_quizzes import answer_by_keyboard, fieldset
from tests.browser.test_tools import NUMBERS, TARGETS, fill_by_keyboard

pytestmark = pytest.mark.browser
THEME = Path(material.__file__).parent / "templates" / "assets" / "stylesheets"
ORIGINAL = "__theme-original__"

# Notes each element's computed style (and its ::before and ::after when they show), then compares
# with the notes taken before, in the page: the values never travel to Python. Inside a chart, the
# styles are plotly's own.
STYLES = """compare => {
    const seen = {};
    document.querySelectorAll('body *').forEach((el, i) => {
        if (el.closest('.mvs-chart__plot svg')) return;
        const name = `${i} ${el.tagName.toLowerCase()}.${[...el.classList].join('.')}`;
        for (const pseudo of ['', '::before', '::after']) {
            const style = getComputedStyle(el, pseudo || null);
            if (pseudo && style.content === 'none') continue;
            const values = [];
            for (let k = 0; k < style.length; k++) {
                // Custom properties only matter where a property reads them, which is compared itself.
                if (!style[k].startsWith('--')) values.push(style[k] + ':' + style.getPropertyValue(style[k]));
            }
            seen[name + pseudo] = values;
        }
    });
    if (!compare) {
        window.__styles = seen;
        return [];
    }
    const before = window.__styles, found = [];
    for (const key of new Set([...Object.keys(before), ...Object.keys(seen)])) {
        const a = before[key] || [], b = new Set(seen[key] || []);
        const changed = a.filter(v => !b.has(v)).concat((seen[key] || []).filter(v => !a.includes(v)));
        if (!(key in before) || !(key in seen) || changed.length) found.push(`${key}: ${changed.slice(0, 4)}`);
    }
    return found.slice(0, 10);
}"""

SWAP = """async ([pattern, to]) => {
    const links = [...document.querySelectorAll('link[rel=stylesheet]')].filter(l => new RegExp(pattern).test(l.href));
    if (links.length !== 2) throw new Error('expected the theme\\'s two stylesheets, found ' + links.length);
    await Promise.all(links.map(link => new Promise((done, fail) => {
        link.onload = done;
        link.onerror = () => fail(new Error('could not load ' + link.href));
        link.dataset.cut = link.dataset.cut || link.href;
        link.href = to === 'original' ? `/${ORIGINAL}/${link.dataset.cut.match(/(main|palette)\\./)[1]}.css`
                                      : link.dataset.cut;
    })));
    await new Promise(done => requestAnimationFrame(() => requestAnimationFrame(done)));
}""".replace("${ORIGINAL}", ORIGINAL)

SETTLED = """() => document.getAnimations().every(a =>
    a.playState !== 'running' || a.effect.getComputedTiming().iterations === Infinity)"""


def serve_the_original_theme(page) -> None:
    def serve(css: str):
        return lambda route: route.fulfill(body=css, content_type="text/css")

    for name in ("main", "palette"):
        css = next(THEME.glob(f"{name}.*.min.css")).read_text(encoding="utf-8")
        page.route(f"**/{ORIGINAL}/{name}.css", serve(css))


def differences(page) -> list[str]:
    """Computed styles that change when the theme's original stylesheets replace the cut ones."""
    theme = r"/(assets/stylesheets/(main|palette)\.|" + ORIGINAL + ")"
    page.wait_for_function(SETTLED)
    page.evaluate(STYLES, False)
    page.evaluate(SWAP, [theme, "original"])
    page.wait_for_function(SETTLED)
    found = page.evaluate(STYLES, True)
    page.evaluate(SWAP, [theme, "cut"])
    return found


def same_in_both_palettes(page) -> None:
    assert differences(page) == []
    switch_to_dark(page)
    assert differences(page) == []


@pytest.fixture
def themed_page(open_page):
    def opener(path: str, width: int = 1280):
        watched = open_page(path, width=width, height=800)
        serve_the_original_theme(watched.page)
        return watched

    return opener


def test_a_learn_page_with_its_quiz_open_and_a_term_pointed_at(themed_page, site_data):
    watched = themed_page("definitions/")
    page = watched.page
    quiz = site_data.quiz("definitions")
    answer_by_keyboard(page, quiz, quiz.questions[0])
    page.locator("article a.mvs-term").first.hover()
    page.locator(".md-tooltip2--active").wait_for()
    assert differences(page) == []
    assert watched.errors == []


def test_answered_questions_on_a_phone(themed_page, site_data):
    page = themed_page("quizzes/final/", width=360).page
    quiz = site_data.quiz("final")
    right, wrong, partly = quiz.questions[0], quiz.questions[1], next(
        q for q in quiz.questions[2:] if q.kind in ("multiple", "classify"))
    answer_by_keyboard(page, quiz, right)
    answer_by_keyboard(page, quiz, wrong, correct=False)
    answer_by_keyboard(page, quiz, partly, partly=True)
    fieldset(page, quiz, partly).locator(".mvs-q__details summary").click()
    same_in_both_palettes(page)


def test_the_check_up_with_errors_on_a_phone(themed_page):
    page = themed_page("tools/checkup/", width=360).page
    fill_by_keyboard(page, {**NUMBERS, **TARGETS, "leads": "many"})
    page.locator("[data-error-summary]").wait_for()
    same_in_both_palettes(page)


def test_the_funnel_page_with_its_charts_drawn(themed_page):
    page = themed_page("funnel/").page
    for chart in page.locator(".mvs-chart__frame:visible").all():
        chart.hover(position={"x": 4, "y": 4})
    page.wait_for_function("[...document.querySelectorAll('.mvs-chart__plot')].every(p => p.dataset.drawn)")
    same_in_both_palettes(page)


OPEN_MENU = "toggle => { toggle.checked = true; toggle.dispatchEvent(new Event('change')); }"


@pytest.mark.parametrize("dark", [False, True], ids=["light", "dark"])
def test_the_menu_open_on_a_phone(themed_page, dark):
    page = themed_page("processes/", width=360).page
    if dark:
        switch_to_dark(page)
    page.locator("#__drawer").evaluate(OPEN_MENU)
    page.locator(".md-sidebar--primary").wait_for(state="visible")
    assert differences(page) == []


@pytest.mark.parametrize("dark", [False, True], ids=["light", "dark"])
def test_search_results(themed_page, dark):
    page = themed_page("").page
    if dark:
        switch_to_dark(page)
    page.locator(".md-search__input").click()
    page.keyboard.type("funnel")
    page.locator(".md-search-result__item").first.wait_for()
    assert differences(page) == []
