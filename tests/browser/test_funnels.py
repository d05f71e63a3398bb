"""Funnel charts and the simulator in Chromium.

Each chart shows as an SVG drawn at build time; plotly.js loads, and draws the same chart over it, only when a
reader points at a chart, taps it, or focuses it or the controls of its widget.
"""

from __future__ import annotations

import pytest

from macros.data import funnel_math as fm
from macros.data.messages import fill
from macros.render import charts
from tests.browser.conftest import (
    Watched,
    mark_document_for_instant_navigation,
    switch_to_dark,
    wait_for_path,
    wait_ready,
)
from tests.browser.test_pages import axe_violations, plotly_requests, scroll_to_bottom

pytestmark = pytest.mark.browser
CHART_IDS = ["chart-customer", "chart-simulator", "chart-restaurant", "chart-software-firm", "chart-clothing-store"]
DRAWN = ".mvs-chart__plot[data-drawn] .main-svg"


def point_at(page, chart_id: str) -> None:
    """Move the pointer onto a chart's top left corner (its legend's title: no bar, so no hover label)."""
    frame = page.locator(f"#{chart_id} .mvs-chart__frame")
    frame.scroll_into_view_if_needed()
    frame.hover(position={"x": 4, "y": 4})


def until_drawn(page, chart_id: str) -> None:
    page.locator(f"#{chart_id} {DRAWN}").first.wait_for(state="attached")


def wait_drawn(page, chart_id: str) -> None:
    point_at(page, chart_id)
    until_drawn(page, chart_id)


def drawn_charts(page) -> list[str]:
    return page.evaluate("[...document.querySelectorAll('.mvs-chart__plot[data-drawn]')]"
                         ".map(p => p.closest('figure').id)")


def navigate(page, path: str) -> None:
    """Follow the primary navigation's link to `path` (instant navigation), and wait for the new page's widgets."""
    page.evaluate("document.querySelector('article').dataset.left = 'true'")
    page.locator(f"nav.md-nav--primary a[href$='/{path}']").first.click()
    wait_for_path(page, f"/{path}")
    page.wait_for_function("document.querySelector('article') && !document.querySelector('article[data-left]')")
    wait_ready(page)


def expected_totals(reach, rates_percent, sale, currency="$") -> str:
    outcome = fm.simulate(reach, [r / 100 for r in rates_percent], sale)
    return (f"{fm.whole(outcome.customers):,} customers and {currency}{fm.whole(outcome.revenue):,} in revenue "
            f"from {fm.whole(reach):,} people reached.")


def test_every_chart_draws_when_a_reader_points_at_it(open_page):
    watched = open_page("funnel/")
    for chart_id in CHART_IDS:
        wait_drawn(watched.page, chart_id)
        bars = watched.page.locator(f"#{chart_id} .mvs-chart__plot g.trace.bars path").count()
        assert bars >= 5
        assert watched.page.locator(f"#{chart_id} svg.mvs-bars").is_hidden()
    assert len(set(plotly_requests(watched.page))) == 1
    assert watched.errors == [] and watched.off_origin == []


def test_plotly_waits_for_intent_even_after_scrolling_the_whole_page(open_page):
    watched = open_page("funnel/", width=360, height=740)
    page = watched.page
    scroll_to_bottom(page)
    page.evaluate("window.scrollTo(0, 0)")
    scroll_to_bottom(page)
    page.wait_for_timeout(300)
    assert plotly_requests(page) == []
    assert drawn_charts(page) == []
    # Every chart shows its numbers all the same, drawn at build time.
    for chart_id in CHART_IDS:
        svg = page.locator(f"#{chart_id} svg.mvs-bars")
        assert svg.is_visible()
        assert svg.locator(".mvs-bars__bar").count() == svg.locator(".mvs-bars__value").count() >= 5
    wait_drawn(page, "chart-restaurant")
    assert len(plotly_requests(page)) == 1
    # Intent on one chart draws that chart, not the others.
    assert drawn_charts(page) == ["chart-restaurant"]
    assert watched.errors == []


def test_a_pointer_near_a_chart_draws_it(open_page):
    page = open_page("funnel/").page
    frame = page.locator("#chart-restaurant .mvs-chart__frame")
    frame.scroll_into_view_if_needed()
    box = frame.bounding_box()
    page.mouse.move(box["x"] + box["width"] / 2, box["y"] - 400)
    page.wait_for_timeout(300)
    assert "chart-restaurant" not in drawn_charts(page)
    page.mouse.move(box["x"] + box["width"] + 40, box["y"] + box["height"] / 2, steps=4)  # 40 px right of it
    until_drawn(page, "chart-restaurant")


def test_a_chart_draws_on_keyboard_focus(open_page):
    page = open_page("funnel/").page
    for _ in range(300):
        page.keyboard.press("Tab")
        if page.evaluate("!!document.activeElement.closest('#chart-customer')"):
            break
    else:
        pytest.fail("the Tab key never reached the customer funnel's chart")
    until_drawn(page, "chart-customer")
    # Focus on the simulator's controls draws the simulator's chart.
    page.locator("#sim-leads").focus()
    until_drawn(page, "chart-simulator")
    assert sorted(drawn_charts(page)) == ["chart-customer", "chart-simulator"]


@pytest.fixture
def phone(browser, base_url):
    """A touch phone: 360 x 740, touch events."""
    context = browser.new_context(viewport={"width": 360, "height": 740}, has_touch=True, is_mobile=True)
    watched = Watched(context.new_page(), base_url)
    yield watched, base_url
    context.close()


def restaurant_chart(phone):
    """The restaurant example on the phone, its chart scrolled into view: (watched page, the chart's frame)."""
    watched, base_url = phone
    watched.page.goto(base_url + "examples/restaurant/", wait_until="load")
    wait_ready(watched.page)
    frame = watched.page.locator("#chart-restaurant .mvs-chart__frame")
    frame.scroll_into_view_if_needed()
    return watched, frame


def test_a_chart_draws_on_a_tap(phone):
    watched, frame = restaurant_chart(phone)
    page = watched.page
    page.wait_for_timeout(300)
    assert plotly_requests(page) == []
    frame.tap(position={"x": 4, "y": 4})
    until_drawn(page, "chart-restaurant")
    assert watched.errors == [] and watched.off_origin == []


def swipe_up(page, x: float, y: float) -> float:
    """A finger dragged 200 px up from (x, y); returns how far the page scrolled."""
    cdp = page.context.new_cdp_session(page)
    before = page.evaluate("scrollY")
    cdp.send("Input.dispatchTouchEvent", {"type": "touchStart", "touchPoints": [{"x": x, "y": y}]})
    for step in range(1, 11):
        cdp.send("Input.dispatchTouchEvent", {"type": "touchMove", "touchPoints": [{"x": x, "y": y - 20 * step}]})
        page.wait_for_timeout(16)
    cdp.send("Input.dispatchTouchEvent", {"type": "touchEnd", "touchPoints": []})
    page.wait_for_timeout(400)
    cdp.detach()
    return page.evaluate("scrollY") - before


def test_a_swipe_over_a_drawn_chart_scrolls_the_page(phone):
    watched, frame = restaurant_chart(phone)
    page = watched.page
    frame.tap(position={"x": 4, "y": 4})
    until_drawn(page, "chart-restaurant")
    frame.scroll_into_view_if_needed()
    box = frame.bounding_box()
    assert swipe_up(page, box["x"] + box["width"] / 2, box["y"] + box["height"] - 40) > 100


LAYOUT_SHIFT = """window.__shift = 0; new PerformanceObserver(list => {
    for (const e of list.getEntries()) if (!e.hadRecentInput) window.__shift += e.value;
}).observe({type: 'layout-shift', buffered: true});"""


@pytest.mark.parametrize("width", [360, 1280])
def test_no_layout_shift_when_a_chart_upgrades(open_page, width):
    page = open_page("funnel/", width=width, height=740).page
    # buffered: every shift since the page started loading counts, not only those after this call.
    page.evaluate(LAYOUT_SHIFT)
    for chart_id in ("chart-customer", "chart-restaurant", "chart-simulator"):
        frame = page.locator(f"#{chart_id} .mvs-chart__frame")
        frame.scroll_into_view_if_needed()
        before = frame.bounding_box()
        wait_drawn(page, chart_id)
        page.wait_for_timeout(100)
        assert frame.bounding_box() == before
    page.wait_for_timeout(300)
    assert page.evaluate("window.__shift") == 0


# Each bar, number, stage label and legend entry of a chart, relative to its frame, sorted top to bottom then left
# to right: the static SVG's, and (once drawn) plotly's.
GEOMETRY = """([id, which]) => {
    const chart = document.getElementById(id);
    const frame = chart.querySelector('.mvs-chart__frame').getBoundingClientRect();
    const parts = which === 'svg' ? {
        bars: 'svg.mvs-bars .mvs-bars__bar', values: 'svg.mvs-bars .mvs-bars__value',
        labels: 'svg.mvs-bars .mvs-bars__label', keys: 'svg.mvs-bars .mvs-bars__key rect'
    } : {
        bars: '.mvs-chart__plot g.trace.bars g.point path', values: '.mvs-chart__plot text.bartext',
        labels: '.mvs-chart__plot g.ytick text', keys: '.mvs-chart__plot g.legend path.legendfunnel'
    };
    const out = {};
    for (const [name, selector] of Object.entries(parts)) {
        out[name] = [...chart.querySelectorAll(selector)].map(el => {
            const b = el.getBoundingClientRect();
            return [b.left - frame.left, b.top - frame.top, b.width, b.height];
        }).sort((a, b) => a[1] - b[1] || a[0] - b[0]);
    }
    return out;
}"""


@pytest.mark.parametrize("width", [360, 1280])
def test_the_static_chart_matches_plotlys_drawing(open_page, width):
    """Bars within 1 px of where plotly draws them (and their numbers, the stage labels and the legend's keys),
    in the light and the dark palette, so the upgrade shows no jump."""
    page = open_page("funnel/", width=width, height=900).page
    for chart_id in ("chart-customer", "chart-restaurant"):
        page.locator(f"#{chart_id}").scroll_into_view_if_needed()
        static = page.evaluate(GEOMETRY, [chart_id, "svg"])
        wait_drawn(page, chart_id)
        drawn = page.evaluate(GEOMETRY, [chart_id, "plotly"])
        for part in ("bars", "values", "labels", "keys"):
            assert len(static[part]) == len(drawn[part]) > 0, part
            for mine, theirs in zip(static[part], drawn[part], strict=True):
                assert mine == pytest.approx(theirs, abs=1), (chart_id, part, mine, theirs)
        # The same colours: plotly draws with what the page's CSS gives the static chart.
        colours = page.evaluate("""id => {
            const chart = document.getElementById(id);
            const fill = el => getComputedStyle(el).fill;
            return [[...chart.querySelectorAll('svg.mvs-bars .mvs-bars__bar')].map(fill).sort(),
                    [...chart.querySelectorAll('.mvs-chart__plot g.trace.bars g.point path')].map(fill).sort()];
        }""", chart_id)
        assert colours[0] == colours[1]


def test_a_chart_redraws_in_the_dark_palette_with_the_static_charts_colours(open_page):
    page = open_page("funnel/").page
    wait_drawn(page, "chart-restaurant")
    page.locator("label.md-header__button[for^='__palette']:visible").click()
    page.wait_for_function("document.body.getAttribute('data-md-color-scheme') === 'slate'")
    # plotly.js writes a colour's alpha as fill-opacity: compare red, green, blue and the opacity they make.
    page.wait_for_function("""() => {
        const paint = el => {
            const style = getComputedStyle(el);
            const [r, g, b, a = 1] = style.fill.match(/[0-9.]+/g).map(Number);
            return [r, g, b, +(a * Number(style.fillOpacity)).toFixed(2)].join();
        };
        const chart = document.getElementById('chart-restaurant');
        const bar = chart.querySelector('.mvs-chart__plot g.trace.bars g.point path');
        return document.querySelector('[data-md-color-scheme=slate]') && bar
            && paint(bar) === paint(chart.querySelector('svg.mvs-bars .mvs-owner--marketing'))
            && paint(chart.querySelector('.mvs-chart__plot g.ytick text'))
               === paint(chart.querySelector('svg.mvs-bars text'));
    }""", timeout=5000)


def test_a_failed_plotly_load_leaves_the_static_chart(open_page):
    watched = open_page("funnel/")
    page = watched.page
    page.route("**/plotly-*.js", lambda route: route.abort())
    point_at(page, "chart-restaurant")
    page.wait_for_function("performance.getEntriesByType('resource').some(e => e.name.includes('plotly'))"
                           " || document.querySelector('#chart-restaurant .mvs-chart__plot')._mvsWanted")
    page.wait_for_timeout(500)
    assert page.locator("#chart-restaurant svg.mvs-bars").is_visible()
    assert drawn_charts(page) == []
    # The simulator still shows new numbers, on the static chart.
    page.locator("[data-preset='restaurant']").click()
    page.wait_for_timeout(200)
    assert [e for e in watched.errors if "Failed to load resource" not in e] == []  # no unhandled rejection


STATIC_BARS = """id => [...document.querySelectorAll('#' + id + ' svg.mvs-bars .mvs-bars__row')].map(row => {
    const bar = row.querySelector('.mvs-bars__bar'), value = row.querySelector('.mvs-bars__value');
    return [bar.getAttribute('x'), bar.getAttribute('width'), bar.getAttribute('style'),
            value.getAttribute('x'), value.getAttribute('dx'), value.getAttribute('style'), value.textContent,
            row.querySelector('.mvs-bars__label').textContent];
})"""


def test_the_simulator_redraws_the_static_chart_until_plotly_has_loaded(open_page, site_data):
    """New numbers before plotly.js has loaded (here it never does) show on the SVG, placed and labelled (each
    stage's share of the one before) as the build does: a preset's chart in the simulator is the same as that
    worked example's chart."""
    page = open_page("funnel/").page
    page.route("**/plotly-*.js", lambda route: route.abort())
    start = page.evaluate(STATIC_BARS, "chart-simulator")
    changed = False
    for example in site_data.examples:
        page.locator(f"[data-preset='{example.id}']").click()
        reach = str(next(iter(example.funnel.counts.values())))
        page.wait_for_function("reach => document.querySelector('#sim-reached').value === reach", arg=reach)
        bars = page.evaluate(STATIC_BARS, "chart-simulator")
        assert bars == page.evaluate(STATIC_BARS, f"chart-{example.id}")
        changed = changed or bars != start
    assert changed
    assert drawn_charts(page) == []


# Counts the window's resize listeners (plotly.js adds one for each chart it draws and removes it on purge), and
# keeps every element plotly.js draws into, so a test can see whether those instant navigation left behind
# still hold plotly's state.
COUNT_LISTENERS = """(() => {
    const live = new Set();
    const add = window.addEventListener, remove = window.removeEventListener;
    window.addEventListener = function (type, listener, options) {
        if (type === 'resize') live.add(listener);
        return add.call(this, type, listener, options);
    };
    window.removeEventListener = function (type, listener, options) {
        if (type === 'resize') live.delete(listener);
        return remove.call(this, type, listener, options);
    };
    window.__resizeListeners = () => live.size;
    window.__plots = [];
    const setAttribute = Element.prototype.setAttribute;
    Element.prototype.setAttribute = function (name, value) {
        if (name === 'data-drawn' && !window.__plots.includes(this)) window.__plots.push(this);
        return setAttribute.call(this, name, value);
    };
    window.__livePlots = () => window.__plots.filter(p => p._fullLayout).length;
})();"""


def test_instant_navigation_purges_the_charts_it_leaves_behind(browser, base_url):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    context.add_init_script(COUNT_LISTENERS)
    watched = Watched(context.new_page(), base_url)
    page = watched.page
    page.goto(base_url + "funnel/", wait_until="load")
    wait_ready(page)
    mark_document_for_instant_navigation(page)
    route = ["examples/restaurant/", "tools/checkup/", "funnel/", "examples/restaurant/", "funnel/",
             "tools/checkup/", "examples/restaurant/", "funnel/", "tools/checkup/", "funnel/"]
    seen = []
    wait_drawn(page, "chart-customer")
    for path in route:
        navigate(page, path)
        chart = page.locator("article figure.mvs-chart:visible").first
        if chart.count():
            wait_drawn(page, chart.get_attribute("id"))
        in_document = page.locator(".js-plotly-plot").count()
        assert page.evaluate("window.__livePlots()") == in_document == len(drawn_charts(page)), path
        seen.append((path, page.evaluate("window.__resizeListeners()")))
    assert page.evaluate("window.__sameDocument === true"), "a navigation reloaded the page"
    # Each page's listeners are the same on every visit: none piles up.
    for path in set(route):
        assert len({n for p, n in seen if p == path}) == 1, str(seen)
    assert watched.errors == [] and watched.off_origin == []
    context.close()


def test_the_check_ups_typing_delay_never_writes_into_the_next_pages_address(open_page):
    # The page's clock is held still from the last keystroke until the reader is on the page before, so the
    # check-up's 300 ms wait for more typing is surely pending as they leave, however busy the machine: left
    # to run, it could save before the history step began, and a save then cancels the step (CI, twice).
    page = open_page("funnel/").page
    mark_document_for_instant_navigation(page)
    navigate(page, "tools/checkup/")
    page.locator("#checkup-reached").focus()
    page.keyboard.type("500")
    page.clock.install()  # here: the fake clock's `performance` lists no resources, which the above reads
    page.clock.pause_at(page.evaluate("Date.now()") + 1000)
    page.keyboard.type("0")  # the field keeps focus, so no change event checks and saves at once
    page.evaluate("history.back()")
    wait_for_path(page, "/funnel/")
    page.clock.run_for(1000)
    page.clock.resume()
    wait_ready(page)
    page.locator("article h1").filter(has_text="funnel").first.wait_for()
    assert page.url.endswith("/funnel/"), page.url
    assert page.evaluate("window.__sameDocument === true")


def test_a_chart_draws_after_instant_navigation(open_page):
    watched = open_page("processes/")
    page = watched.page
    mark_document_for_instant_navigation(page)
    navigate(page, "funnel/")
    wait_drawn(page, "chart-customer")
    assert page.evaluate("window.__sameDocument === true")
    assert watched.errors == []


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


def test_keyboard_moves_a_rate_and_updates_chart_and_announcement(open_page, site_data, axe_source):
    """...and the page, with the simulator moved and its chart drawn, passes axe in the light and dark palettes."""
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
    assert axe_violations(page, axe_source) == []
    switch_to_dark(page)
    assert axe_violations(page, axe_source) == []


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
    link = page.locator("[data-share-link]").get_attribute("href")

    other = open_page(link.lstrip("/")).page
    assert other.locator("#sim-reached").input_value() == "54321"
    assert other.locator("#sim-leads").input_value() == "12.5"
    assert other.locator("#sim-sale").input_value() == "99"
    assert other.locator("#sim-x").input_value() == "20"
    assert other.locator("#sim-mode").input_value() == "points"
    # The same totals as the first page announces once the reader stops typing (it waits 250 ms for that).
    totals = other.locator("[data-totals]").inner_text()
    assert "54,321 people" in totals
    page.wait_for_function("t => document.querySelector('[data-totals]').textContent === t", arg=totals)


def test_a_link_to_a_place_on_the_page_keeps_the_simulators_numbers(open_page):
    """The table of contents' links take the reader down the page and leave the address, and so the simulator's
    numbers, as they are (the theme's instant navigation would write the link over them and fetch the page
    again, starting the simulator afresh)."""
    page = open_page("funnel/").page
    page.locator("#sim-reached").fill("54321")
    page.wait_for_function("() => location.search.includes('reached=54321')")
    address = page.url
    page.locator("[data-simulator]").evaluate("s => { s.dataset.before = 'clicked'; }")
    page.locator(".md-sidebar--secondary a.md-nav__link[href$='#two-funnels']").click()
    # The theme may then write the section's name after the '#' (navigation.tracking); the numbers stay.
    assert page.url.split("#")[0] == address.split("#")[0]
    assert page.evaluate("() => document.activeElement.id") == "two-funnels"
    header = page.locator(".md-header").evaluate("h => h.getBoundingClientRect().bottom")
    assert header <= page.locator("#two-funnels").evaluate("h => h.getBoundingClientRect().top") < header + 100
    assert page.locator("[data-simulator]").get_attribute("data-before") == "clicked"
    assert page.locator("#sim-reached").input_value() == "54321"


def test_after_instant_navigation_to_a_text_page_its_links_are_the_themes_again(open_page):
    """The funnel page's handling of links within the page stays behind: on a page without such numbers, a
    contents link writes its section into the address, as the theme does everywhere else."""
    page = open_page("funnel/").page
    mark_document_for_instant_navigation(page)
    page.locator(".md-sidebar--primary a.md-nav__link[href$='/definitions/']").click()
    wait_for_path(page, "/definitions/")
    page.locator("article h1").filter(has_text="Definitions").wait_for()
    assert page.evaluate("window.__sameDocument === true")
    link = page.locator(".md-sidebar--secondary a.md-nav__link").nth(1)
    section = link.get_attribute("href").split("#")[1]
    link.click()
    page.wait_for_url(f"**/definitions/#{section}", timeout=5000)


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


def test_pointing_anywhere_on_a_stages_row_shows_its_numbers(open_page, site_data):
    """The last stage's bar is a few pixels wide; pointing well to its right, on its row, still names it and its
    numbers in the line under the chart; no label covers the chart, and leaving it brings the hint back."""
    page = open_page("funnel/", width=360, height=740).page
    wait_drawn(page, "chart-customer")
    stages = site_data.funnels.customer_funnel.stages
    words = site_data.interface.charts
    readout = page.locator("#chart-customer .mvs-chart__readout")
    assert readout.text_content() == words.readout_hint
    plot = page.locator("#chart-customer .mvs-chart__plot")
    box = plot.bounding_box()
    row_middle = charts.MARGIN["t"] + (len(stages) - 0.5) * charts.ROW
    page.mouse.move(box["x"] + box["width"] * 0.85, box["y"] + row_middle)
    numbers = fill(words.hover_count, stage=stages[-1].name, people=f"{stages[-1].count:,}")
    page.wait_for_function("([el, text]) => el.textContent.startsWith(text)", arg=[readout.element_handle(), numbers])
    line = readout.text_content()
    assert fill(words.hover_previous, share=f"{stages[-1].count / stages[-2].count:.1%}") in line
    assert fill(words.hover_top, share=f"{stages[-1].count / stages[0].count:.1%}") in line
    assert page.locator("#chart-customer .hoverlayer .hovertext").count() == 0
    # The top stage has no stage before it.
    page.mouse.move(box["x"] + box["width"] * 0.5, box["y"] + charts.MARGIN["t"] + 0.5 * charts.ROW)
    top = fill(words.hover_count, stage=stages[0].name, people=f"{stages[0].count:,}")
    page.wait_for_function("([el, text]) => el.textContent.startsWith(text)", arg=[readout.element_handle(), top])
    assert fill(words.hover_previous, share="").strip() not in readout.text_content()
    page.mouse.move(box["x"] + box["width"] * 0.5, box["y"] + box["height"] + 200)
    hint = [readout.element_handle(), words.readout_hint]
    page.wait_for_function("([el, text]) => el.textContent === text", arg=hint)
