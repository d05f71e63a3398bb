"""Funnel charts and the simulator in Chromium."""

from __future__ import annotations

import pytest

from macros.data import funnel_math as fm
from tests.browser.test_pages import plotly_requests

pytestmark = pytest.mark.browser
CHART_IDS = ["chart-customer", "chart-simulator", "chart-restaurant", "chart-software-firm", "chart-clothing-store"]


def wait_drawn(page, chart_id: str) -> None:
    page.locator(f"#{chart_id}").scroll_into_view_if_needed()
    page.locator(f"#{chart_id} .mvs-chart__plot[data-drawn] .main-svg").first.wait_for(state="attached")


def expected_totals(reach, rates_percent, sale, currency="$") -> str:
    outcome = fm.simulate(reach, [r / 100 for r in rates_percent], sale)
    return (f"{fm.whole(outcome.customers):,} customers and {currency}{fm.whole(outcome.revenue):,} in revenue "
            f"from {fm.whole(reach):,} people reached.")


def test_every_chart_draws_after_scrolling(open_page):
    watched = open_page("funnel/")
    for chart_id in CHART_IDS:
        wait_drawn(watched.page, chart_id)
        bars = watched.page.locator(f"#{chart_id} .mvs-chart__plot g.trace.bars path").count()
        assert bars >= 5
    assert len(set(plotly_requests(watched.page))) == 1
    assert watched.errors == [] and watched.off_origin == []


def test_a_chart_draws_after_instant_navigation(open_page):
    watched = open_page("processes/")
    page = watched.page
    page.evaluate("window.__sameDocument = true")
    page.locator("nav.md-nav--primary a[href$='funnel/']").first.click()
    page.wait_for_url("**/funnel/")
    wait_drawn(page, "chart-customer")
    assert page.evaluate("window.__sameDocument === true")
    assert watched.errors == []


def test_no_layout_shift_when_a_chart_appears(open_page):
    page = open_page("funnel/", height=700).page
    # buffered: every shift since the page started loading counts, not only those after this call.
    page.evaluate("""window.__shift = 0; new PerformanceObserver(list => {
        for (const e of list.getEntries()) if (!e.hadRecentInput) window.__shift += e.value;
    }).observe({type: 'layout-shift', buffered: true});""")
    for chart_id in ("chart-customer", "chart-restaurant"):
        wait_drawn(page, chart_id)
    page.wait_for_timeout(300)
    assert page.evaluate("window.__shift") == 0


def test_simulator_math_matches_python(open_page, site_data):
    page = open_page("funnel/").page
    for example in site_data.examples:
        counts = list(example.funnel.counts.values())
        rates = fm.rates_from_counts(counts)
        for x, mode in ((10, "relative"), (10, "points"), (60, "points"), (25, "relative")):
            want = fm.compare(counts[0], rates, example.funnel.average_sale, x, mode)
            got = page.evaluate("([r, rates, s, x, m]) => mvsFunnel.compare(r, rates, s, x, m)",
                                [counts[0], rates, example.funnel.average_sale, x, mode])
            assert got["base"]["counts"] == pytest.approx(want.base.counts, rel=1e-12)
            assert got["moreReach"]["revenue"] == pytest.approx(want.more_reach.revenue, rel=1e-12)
            assert got["betterClose"]["revenue"] == pytest.approx(want.better_close.revenue, rel=1e-12)
            assert got["closeRateAfter"] == pytest.approx(want.close_rate_after, rel=1e-12)


def test_presets_show_the_example_numbers(open_page, site_data):
    page = open_page("funnel/").page
    totals = page.locator("[data-totals]")
    for example in site_data.examples:
        page.locator(f"[data-preset='{example.id}']").click()
        counts = list(example.funnel.counts.values())
        rates = [fm.percent_1dp(r) for r in fm.rates_from_counts(counts)]
        text = expected_totals(counts[0], rates, example.funnel.average_sale)
        page.wait_for_function("([el, text]) => el.textContent === text", arg=[totals.element_handle(), text])
        assert page.locator("#sim-reached").input_value() == str(counts[0])


def test_keyboard_moves_a_rate_and_updates_chart_and_announcement(open_page, site_data):
    page = open_page("funnel/").page
    wait_drawn(page, "chart-simulator")
    close = page.locator("#sim-customers")
    before = float(close.input_value())
    close.focus()
    for _ in range(50):
        page.keyboard.press("ArrowRight")
    after = float(close.input_value())
    assert after == pytest.approx(before + 5.0)
    assert page.locator("[data-output-for='customers']").inner_text() == f"{after:g}%"

    default = site_data.example(site_data.funnels.simulator.default)
    counts = list(default.funnel.counts.values())
    rates = [fm.percent_1dp(r) for r in fm.rates_from_counts(counts)]
    rates[-1] = after
    text = expected_totals(counts[0], rates, default.funnel.average_sale)
    page.wait_for_function("text => document.querySelector('[data-totals]').textContent === text", arg=text)
    customers = fm.whole(fm.simulate(counts[0], [r / 100 for r in rates], default.funnel.average_sale).customers)
    drawn = page.evaluate("""() => {
        const plot = document.querySelector('#chart-simulator .mvs-chart__plot');
        return plot.data.find(t => t.meta === 'sales').x.slice(-1)[0];
    }""")
    assert drawn == customers
    assert page.locator("[data-verdict]").inner_text()


def opening(message: str) -> str:
    """A message's words before its first placeholder."""
    return message.split("{", 1)[0].strip()


def test_the_close_rate_comparison_explains_percentage_points(open_page, site_data):
    verdicts = site_data.interface.simulator.verdicts
    page = open_page("funnel/").page
    page.locator("#sim-mode").select_option("points")
    verdict = page.locator("[data-verdict]")
    verdict.filter(has_text=opening(verdicts.close)).wait_for()
    page.locator("#sim-mode").select_option("relative")
    verdict.filter(has_text=opening(verdicts.same)).wait_for()


def test_a_shared_link_restores_the_scenario(open_page, base_url):
    page = open_page("funnel/").page
    page.locator("#sim-reached").fill("54321")
    page.locator("#sim-leads").fill("12.5")
    page.locator("#sim-leads").dispatch_event("input")
    page.locator("#sim-sale").fill("99")
    page.locator("#sim-x").fill("20")
    page.locator("#sim-mode").select_option("points")
    page.wait_for_function("() => ['reached=54321', 'leads=12.5', 'sale=99', 'x=20', 'mode=points']"
                           ".every(p => location.search.includes(p))")
    page.wait_for_function("() => document.querySelector('[data-totals]').textContent.includes('54,321 people')")
    link = page.locator("[data-share-link]").get_attribute("href")
    totals = page.locator("[data-totals]").inner_text()

    other = open_page(link.lstrip("/")).page
    assert other.locator("#sim-reached").input_value() == "54321"
    assert other.locator("#sim-leads").input_value() == "12.5"
    assert other.locator("#sim-sale").input_value() == "99"
    assert other.locator("#sim-x").input_value() == "20"
    assert other.locator("#sim-mode").input_value() == "points"
    assert other.locator("[data-totals]").inner_text() == totals


def test_bad_numbers_are_flagged_and_the_last_good_result_stays(open_page):
    page = open_page("funnel/").page
    totals = page.locator("[data-totals]").inner_text()
    reach = page.locator("#sim-reached")
    for bad in ("-5", "", "12.5", "99999999999"):
        reach.fill(bad)
        assert reach.get_attribute("aria-invalid") == "true"
        assert page.locator("#sim-reached-error").inner_text().startswith("Enter a whole number")
        assert page.locator("[data-totals]").inner_text() == totals
    reach.fill("1000")
    assert reach.get_attribute("aria-invalid") is None
    assert page.locator("#sim-reached-error").inner_text() == ""


def test_reset_returns_to_the_default_example(open_page):
    page = open_page("funnel/").page
    start = page.locator("[data-totals]").inner_text()
    page.locator("[data-preset='restaurant']").click()
    page.wait_for_function("t => document.querySelector('[data-totals]').textContent !== t", arg=start)
    page.locator("[data-reset]").click()
    page.wait_for_function("t => document.querySelector('[data-totals]').textContent === t", arg=start)


def test_an_example_page_opens_the_simulator_with_its_numbers(open_page, site_data):
    example = site_data.examples[0]
    watched = open_page(f"examples/{example.id}/")
    page = watched.page
    page.locator("a.md-button", has_text="funnel simulator").click()
    page.wait_for_url("**/funnel/**")
    counts = list(example.funnel.counts.values())
    rates = [fm.percent_1dp(r) for r in fm.rates_from_counts(counts)]
    text = expected_totals(counts[0], rates, example.funnel.average_sale)
    page.wait_for_function("text => document.querySelector('[data-totals]')?.textContent === text", arg=text)
    assert page.locator("#sim-reached").input_value() == str(counts[0])
    assert watched.errors == []
