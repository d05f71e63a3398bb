"""The funnel page as built: figures, fallbacks, tables, and plotly only where charts are."""

from __future__ import annotations

import gzip
import json

from bs4 import BeautifulSoup

from macros.build.vendor import PLOTLY_BUNDLE
from macros.data.messages import fill
from tests.build.test_site import GENERATED_PAGES, NAV_PAGES, soup_of


def test_funnel_page_has_every_chart_with_fallback_and_table(built_site, site_data):
    soup = soup_of(built_site, "funnel.md")
    funnels = site_data.funnels
    expected = {"chart-customer": len(funnels.customer_funnel.stages), "chart-simulator": len(funnels.simulator.stages)}
    expected.update({f"chart-{e.id}": len(e.funnel.counts) for e in site_data.examples})
    charts = {fig["id"]: fig for fig in soup.select("figure.mvs-chart")}
    assert set(charts) == set(expected)
    for chart_id, stages in expected.items():
        chart = charts[chart_id]
        raw = chart.select_one(".mvs-chart__plot")["data-figure"]
        assert len(raw.encode()) <= 10 * 1024
        figure = json.loads(raw)
        assert sum(len(trace["y"]) for trace in figure["data"]) == stages
        assert len(chart.select(".mvs-bars__row")) == stages
        assert len(chart.select(".mvs-chart__data tbody tr")) == stages
        assert "Illustrative" in chart.figcaption.get_text()
        assert chart.select_one("[data-summary]").get_text(strip=True)
        frame = chart.select_one(".mvs-chart__frame")
        assert frame["style"].startswith("height:")


def test_customer_funnel_bars_say_who_owns_each_stage(built_site, site_data):
    chart = soup_of(built_site, "funnel.md").select_one("#chart-customer")
    names = {"marketing": "Marketing", "sales": "Sales", "both": "Both"}
    # The static chart (an SVG drawn at build time): each stage's label names its owner, its bar shows its count.
    labels = [v.get_text() for v in chart.select("svg.mvs-bars .mvs-bars__label")]
    values = [v.get_text() for v in chart.select("svg.mvs-bars .mvs-bars__value")]
    # After the top, the label goes on with the share of the stage before that reached this one.
    stages = site_data.funnels.customer_funnel.stages
    for i, (stage, label, value) in enumerate(zip(stages, labels, values, strict=True)):
        own = f"{stage.name} ({names[stage.owner].lower()})"
        share = f"{stage.count / stages[i - 1].count:.1%}" if i else None
        assert label == (fill(site_data.interface.charts.stage_share, label=own, share=share) if share else own)
        assert value == f"{stage.count:,}"
    assert chart.select_one("svg.mvs-bars title").get_text() == site_data.funnels.customer_funnel.title
    assert chart.select_one("svg.mvs-bars desc").get_text() == chart.select_one("[data-summary]").get_text()


def test_simulator_starts_from_the_default_example(built_site, site_data):
    sim = soup_of(built_site, "funnel.md").select_one("[data-simulator]")
    default = site_data.example(site_data.funnels.simulator.default)
    counts = list(default.funnel.counts.values())
    assert sim.select_one("#sim-reached")["value"] == str(counts[0])
    ranges = sim.select("input[type=range]")
    assert len(ranges) == len(counts) - 1
    for inp in ranges:
        assert inp.find_previous("label")["for"] == inp["id"]
    assert sim.select_one("[data-totals]")["aria-live"] == "polite"
    config = json.loads(sim["data-simulator"])
    assert [e["id"] for e in config["examples"]] == [e.id for e in site_data.examples]


def test_plotly_is_our_self_hosted_core_and_funnel_bundle_and_no_page_links_it(built_site):
    bundles = sorted(p.name for p in built_site.rglob("*plotly*.js"))
    assert bundles == [PLOTLY_BUNDLE]
    bundle = built_site / "assets" / "vendor" / PLOTLY_BUNDLE
    assert bundle.read_text()[:200].startswith("/*! plotly.js (core + funnel, minified) v")
    # The finance bundle it replaced was 429 KB gzip; this one is about 350 KB.
    assert len(gzip.compress(bundle.read_bytes(), compresslevel=6, mtime=0)) <= 365 * 1024
    for src in NAV_PAGES:
        html = str(soup_of(built_site, src))
        assert PLOTLY_BUNDLE.removesuffix(".min.js") not in html
        has_chart = bool(BeautifulSoup(html, "lxml").select(".mvs-chart__plot"))
        assert has_chart == (src in ("funnel.md", "tools/checkup.md") or src in GENERATED_PAGES)
        assert ("assets/funnels.js" in html) == has_chart
