"""The founders' tools in Chromium: numbers in, verdict out, bad numbers caught, links that restore."""

from __future__ import annotations

from urllib.parse import urlencode

import pytest

from tests.browser.conftest import QuietHandler
from tests.browser.test_pages import axe_violations

pytestmark = pytest.mark.browser
NUMBERS = {"reached": "5000", "leads": "400", "qualified": "60", "offers": "40", "customers": "10", "sale": "900"}


def fill_by_keyboard(page, numbers: dict[str, str]) -> None:
    for name, value in numbers.items():
        field = page.locator(f"#checkup-{name}")
        field.focus()
        page.keyboard.press("Control+A")
        page.keyboard.type(value)
    page.keyboard.press("Enter")


def test_numbers_in_verdict_out(open_page, site_data, axe_source):
    watched = open_page("tools/checkup/")
    page = watched.page
    page.locator("#checkup-example").select_option("software-firm")
    fill_by_keyboard(page, NUMBERS)
    status = page.locator("[data-status]")
    assert status.get_attribute("role") == "status"
    # 15% of leads qualify against the software firm's 30%: the worst ratio of the four stages
    page.wait_for_function("document.querySelector('[data-status]').textContent.startsWith('Your weakest')")
    assert status.inner_text() == ("Your weakest stage: leads that qualify (15%). 10 customers and $9,000 in revenue.")
    weakest = page.locator("[data-weakest]")
    assert "Marketing and sales share this stage" in weakest.inner_text()
    actions = weakest.locator("[data-actions] li")
    assert actions.count() == 3
    want = [a.label for a in site_data.tools.checkup.actions["qualified"]]
    assert [actions.nth(i).locator("a").inner_text() for i in range(3)] == want
    assert "about 11 customers instead of 10 (+1)" in page.locator("[data-what-if]").inner_text()
    assert "$9,900 in revenue (+$900)" in page.locator("[data-what-if]").inner_text()
    assert page.locator("#chart-checkup .mvs-bars__value").first.text_content().startswith("5,000")
    assert page.locator("#chart-checkup .mvs-illustrative").count() == 0  # these are the founder's own numbers
    assert axe_violations(page, axe_source) == []
    assert watched.errors == [] and watched.off_origin == []


@pytest.mark.parametrize(("field", "value", "message"), [
    ("leads", "", "Enter a number."),
    ("leads", "-3", "Enter zero or more, not a negative number."),
    ("leads", "many", "Enter a number, using digits only (such as 1200)."),
    ("customers", "55", "This can't be more than the 40 proposals or quotes above it"),
    ("reached", "900000000", "That is more than 10,000,000; check for extra zeros."),
])
def test_bad_numbers_get_a_message_and_aria_invalid(open_page, field, value, message):
    page = open_page("tools/checkup/").page
    fill_by_keyboard(page, {**NUMBERS, field: value})
    error = page.locator(f"#checkup-{field}-error")
    error.wait_for(state="visible")
    assert error.inner_text().startswith(message)
    assert error.get_attribute("aria-live") == "polite"
    assert page.locator(f"#checkup-{field}").get_attribute("aria-invalid") == "true"
    assert page.locator(f"#checkup-{field}").get_attribute("aria-describedby") == f"checkup-{field}-error"
    assert page.locator("[data-results]").is_hidden()
    assert "needs fixing" in page.locator("[data-status]").inner_text()
    # Nothing typed is lost: the other fields keep their numbers, and fixing the field brings the results back.
    assert page.locator("#checkup-reached").input_value() == (NUMBERS["reached"] if field != "reached" else value)
    fill_by_keyboard(page, {field: NUMBERS[field]})
    page.locator("[data-results]").wait_for(state="visible")
    assert page.locator(f"#checkup-{field}").get_attribute("aria-invalid") is None


def test_the_shared_link_restores_the_numbers_in_a_new_page(open_page):
    page = open_page("tools/checkup/").page
    page.locator("#checkup-example").select_option("clothing-store")
    fill_by_keyboard(page, NUMBERS)
    page.locator("[data-results]").wait_for(state="visible")
    shared = page.url
    assert urlencode(NUMBERS).split("&")[0] in shared.split("#", 1)[1]
    other = open_page(shared.split("/", 3)[3]).page
    for name, value in NUMBERS.items():
        assert other.locator(f"#checkup-{name}").input_value() == value
    assert other.locator("#checkup-example").input_value() == "clothing-store"
    assert other.locator("[data-status]").inner_text().startswith("Your weakest stage")


def test_numbers_come_back_from_this_browser_and_clear(open_page):
    page = open_page("tools/checkup/").page
    fill_by_keyboard(page, NUMBERS)
    page.locator("[data-results]").wait_for(state="visible")
    page.goto(page.url.split("#")[0])
    assert page.locator("#checkup-leads").input_value() == "400"
    page.locator("[data-clear]").click()
    assert page.locator("#checkup-leads").input_value() == ""
    page.reload()
    assert page.locator("#checkup-leads").input_value() == ""


def test_changing_numbers_sends_nothing_to_the_server(open_page):
    page = open_page("tools/checkup/").page
    page.wait_for_timeout(500)  # let the browser fetch the favicon it asks for after loading
    before = len(QuietHandler.served)
    fill_by_keyboard(page, NUMBERS)
    page.locator("[data-results]").wait_for(state="visible")
    fill_by_keyboard(page, {"customers": "12", "sale": "1000"})
    page.wait_for_timeout(800)
    # Drawing the chart may fetch plotly.js once; nothing else reaches the server, and the numbers live in the
    # address's fragment, which browsers never send.
    assert [p for p in QuietHandler.served[before:] if "plotly" not in p] == []
    assert "reached=5000" not in page.url.split("#")[0] and "reached=5000" in page.url.split("#", 1)[1]


def test_the_questionnaire_answers_by_keyboard(open_page, site_data):
    invest = site_data.tools.invest
    watched = open_page("tools/invest/")
    page = watched.page
    assert page.locator("[data-result]").is_hidden()
    # For each question, pick the option leaning most toward sales, with the keyboard only.
    for q in invest.questions:
        best = max(range(len(q.options)), key=lambda i: q.options[i].sales - q.options[i].marketing)
        page.locator(f"input[name='{q.id}']").first.focus()
        page.keyboard.press("Space")
        for _ in range(best):
            page.keyboard.press("ArrowDown")
    m = sum(max(q.options, key=lambda o: o.sales - o.marketing).marketing for q in invest.questions)
    s = sum(max(q.options, key=lambda o: o.sales - o.marketing).sales for q in invest.questions)
    verdict = "sales" if s - m >= invest.margin else "marketing" if m - s >= invest.margin else "balanced"
    title = getattr(invest.verdicts, verdict).title
    box = page.locator(f"[data-verdict-for='{verdict}']")
    assert box.is_visible() and box.locator("h3").inner_text() == title
    assert page.locator("[data-verdict-for]:visible").count() == 1
    assert page.locator("[data-reasons] li").count() == len(invest.questions)
    assert page.locator("[data-status]").text_content().startswith(title)
    assert f"marketing {m}, sales {s}" in page.locator("[data-points]").inner_text()
    assert watched.errors == []


def test_a_funnel_better_than_the_example_everywhere_says_so(open_page):
    page = open_page("tools/checkup/").page
    page.locator("#checkup-example").select_option("software-firm")
    # software firm: 3%, 30%, 50%, 30%; these: 6%, 40%, 60%, 35% (the last has the least to spare)
    fill_by_keyboard(page, {"reached": "10000", "leads": "600", "qualified": "240", "offers": "144",
                            "customers": "50", "sale": "100"})
    page.locator("[data-results]").wait_for(state="visible")
    assert "at least as well as the example" in page.locator("[data-weakest-numbers]").inner_text()
    assert page.locator("[data-weakest-stage]").inner_text() == "Proposals that close (close rate)"
