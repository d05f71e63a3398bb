"""The site's own plotly.js (core + funnel, built by `make setup`) draws every figure the site has.

The bundle leaves out plotly components no funnel figure of the site uses (bundle/plotly-funnel.js),
so each figure is also checked with Plotly.validate, which names any attribute the bundle cannot draw.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from macros.build.vendor import PLOTLY_BUILT, PLOTLY_BUNDLE
from tests.browser.conftest import Watched
from tests.conftest import ROOT

pytestmark = pytest.mark.browser

VENDORED = f"assets/vendor/{PLOTLY_BUNDLE}"
TEST_PAGE = "__plotly-bundle-test__.html"
# The page loads the bundle the site serves, as content/assets/funnels.js does, and nothing else.
HTML = f"""<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>plotly bundle</title>
<script src="{VENDORED}"></script></head>
<body style="margin:0"><div id="plot" style="width:720px;height:420px"></div></body></html>"""

# Draw the figure as funnels.js does (its theming and config), and report what plotly drew.
DRAW = """async (figure) => {
    const plot = document.getElementById('plot');
    Plotly.purge(plot);
    const data = figure.data.map(t => Object.assign({}, t, {outsidetextfont: {color: '#000000'}}));
    const layout = Object.assign({}, figure.layout,
        {font: Object.assign({}, figure.layout.font, {color: '#000000'})});
    const invalid = Plotly.validate(data, layout) || [];
    await Plotly.react(plot, data, layout, {displayModeBar: false, responsive: true});
    const count = s => plot.querySelectorAll(s).length;
    return {
        invalid: invalid.map(e => e.msg),
        bars: count('g.trace.bars g.point path'),
        texts: [...plot.querySelectorAll('g.trace.bars text.bartext')].map(t => t.textContent),
        legend: count('g.legend g.traces'),
        ticks: count('g.ytick text'),
        widths: [...plot.querySelectorAll('g.trace.bars g.point path')].map(p => p.getBBox().width),
    };
}"""


def site_figures(site: Path) -> dict[str, dict]:
    """Every distinct figure in the built site, by the first page and chart id that has it."""
    figures: dict[str, dict] = {}
    seen: set[str] = set()
    for html in sorted(site.rglob("*.html")):
        soup = BeautifulSoup(html.read_text(encoding="utf-8"), "lxml")
        for plot in soup.select(".mvs-chart__plot[data-figure]"):
            if plot["data-figure"] not in seen:
                seen.add(plot["data-figure"])
                chart = plot.find_parent("figure")
                name = f"{html.parent.relative_to(site).as_posix()}#{chart['id'] if chart else '?'}"
                figures[name] = json.loads(plot["data-figure"])
    return figures


@pytest.fixture
def bundle_page(browser, base_url):
    context = browser.new_context(viewport={"width": 800, "height": 600})
    watched = Watched(context.new_page(), base_url)
    watched.page.route(base_url + TEST_PAGE, lambda route: route.fulfill(body=HTML, content_type="text/html"))
    watched.page.goto(base_url + TEST_PAGE, wait_until="load")
    yield watched
    context.close()


def test_the_site_serves_the_bundle_setup_built(built_site):
    served = (built_site / VENDORED).read_bytes()
    assert served == (ROOT / PLOTLY_BUILT).read_bytes()
    assert served.startswith(b"/*! plotly.js (core + funnel, minified) v")
    assert sorted(p.name for p in built_site.rglob("*plotly*.js")) == [PLOTLY_BUNDLE]


def test_bundle_draws_every_figure_of_the_site(built_site, bundle_page):
    page = bundle_page.page
    version = json.loads((ROOT / "node_modules" / "plotly.js" / "package.json").read_text())["version"]
    assert page.evaluate("Plotly.version") == version
    # Only scatter (which plotly's core always has) and the funnel trace.
    assert page.evaluate("Object.keys(Plotly.PlotSchema.get().traces).sort()") == ["funnel", "scatter"]

    figures = site_figures(built_site)
    assert "funnel#chart-customer" in figures and len(figures) >= 4  # and each worked example's
    for name, figure in figures.items():
        stages = sum(len(trace["y"]) for trace in figure["data"])
        drawn = page.evaluate(DRAW, figure)
        assert drawn["invalid"] == [], name
        assert drawn["bars"] == stages, name
        assert all(width > 0 for width in drawn["widths"]), name
        assert drawn["texts"] == [f"{x:,}" for trace in figure["data"] for x in trace["x"]], name
        assert drawn["legend"] == len(figure["data"]), name
        assert drawn["ticks"] == stages, name

        # Hovering a bar tells which stage it is (funnels.js writes it under the chart), and draws no label over it.
        page.evaluate("""() => { window.hovered = null; document.getElementById('plot')
            .on('plotly_hover', e => { window.hovered = e.points[0].customdata[2]; }); }""")
        box = page.locator("g.trace.bars g.point path").first.bounding_box()
        page.mouse.move(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
        page.wait_for_function("window.hovered !== null")
        assert page.evaluate("window.hovered") == figure["data"][0]["y"][0], name
        assert page.locator("g.hoverlayer g.hovertext").count() == 0, name
        page.mouse.move(0, 0)

    # New numbers redraw the same chart, as the simulator and the check-up do.
    figure = next(iter(figures.values()))
    for trace in figure["data"]:
        trace["x"] = [max(1, x // 2) for x in trace["x"]]
    drawn = page.evaluate(DRAW, figure)
    assert drawn["texts"] == [f"{x:,}" for trace in figure["data"] for x in trace["x"]]

    # What a reader can do to a drawn chart: drag to zoom, double-click back, resize the window, and
    # click a legend entry, which hides that owner's bars, then click it again to show them.
    bars = "g.trace.bars g.point path"
    area = page.locator("rect.nsewdrag").first.bounding_box()
    page.mouse.move(area["x"] + 20, area["y"] + 20)
    page.mouse.down()
    page.mouse.move(area["x"] + area["width"] / 2, area["y"] + area["height"] / 2, steps=5)
    page.mouse.up()
    page.mouse.dblclick(area["x"] + area["width"] / 2, area["y"] + area["height"] / 2)
    page.wait_for_timeout(400)  # plotly waits for a second click before it resets the axes
    page.set_viewport_size({"width": 500, "height": 600})
    page.evaluate("document.getElementById('plot').style.width = '480px'; window.dispatchEvent(new Event('resize'))")
    page.wait_for_function("document.querySelector('#plot .main-svg').getAttribute('width') === '480'")
    everything = page.locator(bars).count()
    page.locator("g.legend g.traces").first.click()
    page.wait_for_function(f"document.querySelectorAll('{bars}').length < {everything}")
    page.wait_for_timeout(400)
    page.locator("g.legend g.traces").first.click()
    page.wait_for_function(f"document.querySelectorAll('{bars}').length === {everything}")

    assert bundle_page.errors == [] and bundle_page.off_origin == []
