"""The cut-down theme stylesheets style every element exactly as the theme's full ones do.

Here: a Learn page with its quiz unfolded and a glossary term pointed at, the menu open on a phone,
and search results, in both palettes. The answered quiz (test_quizzes) and the check-up with its
errors showing (test_tools) make the same comparison in their own states.
"""

from __future__ import annotations

import pytest

from tests.browser.conftest import switch_to_dark
from tests.browser.theme_styles import differences

pytestmark = pytest.mark.browser
OPEN_MENU = "toggle => { toggle.checked = true; toggle.dispatchEvent(new Event('change')); }"


def test_a_learn_page_with_its_quiz_unfolded_and_a_term_pointed_at(open_page, site_data):
    watched = open_page("definitions/")
    page = watched.page
    page.locator(f"#quiz-{site_data.quiz('definitions').id}").scroll_into_view_if_needed()
    page.locator(".mvs-quiz--ready").wait_for()
    page.locator("article a.mvs-term").first.hover()
    page.locator(".md-tooltip2--active").wait_for()
    assert differences(page) == []
    switch_to_dark(page)
    assert differences(page) == []
    assert watched.errors == []


# The menu and the search cover the palette toggle, so the palette is chosen first.
@pytest.mark.parametrize("dark", [False, True], ids=["light", "dark"])
def test_the_menu_open_on_a_phone(open_page, dark):
    page = open_page("processes/", width=360, height=740).page
    if dark:
        switch_to_dark(page)
    page.locator("#__drawer").evaluate(OPEN_MENU)
    page.locator(".md-sidebar--primary").wait_for(state="visible")
    assert differences(page) == []


@pytest.mark.parametrize("dark", [False, True], ids=["light", "dark"])
def test_search_results(open_page, dark):
    page = open_page("").page
    if dark:
        switch_to_dark(page)
    page.locator(".md-search__input").click()
    page.keyboard.type("funnel")
    page.locator(".md-search-result__item").first.wait_for()
    assert differences(page) == []
