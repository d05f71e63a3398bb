"""Renderers: golden HTML files rendered from the frozen data in tests/fixtures/ (rewrite them with
`pytest tests/unit --update-golden` after changing a renderer or a template), and escaping."""

from __future__ import annotations

import difflib
import re
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from macros.data.loading import SiteData
from macros.paths import Links
from macros.render import pages as render
from macros.render import templating

GOLDEN = Path(__file__).resolve().parent.parent / "golden"
CASES = {
    "one_minute": ("index.md", ()),
    "reader_paths": ("index.md", ()),
    "reader_paths_jumps": ("index.md", ()),
    "definitions_marketing": ("definitions.md", ("marketing",)),
    "synthesis": ("definitions.md", ()),
    "comparison_table": ("differences.md", ()),
    "process_steps_sales": ("processes.md", ("sales",)),
    "handoff": ("processes.md", ()),
    "channels_offline": ("tactics.md", ("offline",)),
    "sales_tactics": ("tactics.md", ()),
    "metrics": ("tactics.md", ()),
    "topics": ("together.md", ()),
    "disagreements": ("disagreements.md", ()),
    "faq": ("faq.md", ()),
    "glossary": ("glossary.md", ()),
    "sources_list": ("sources.md", ()),
    "funnel_chart": ("funnel.md", ("customer",)),
    "funnel_chart_restaurant": ("funnel.md", ("restaurant",)),
    "funnel_summary": ("funnel.md", ()),
    "funnel_stages": ("funnel.md", ()),
    "concept_funnels": ("funnel.md", ()),
    "simulator": ("funnel.md", ()),
    "example_page_restaurant": ("examples/restaurant.md", ("restaurant",)),
    "example_list": ("examples/index.md", ()),
    "examples_overview": ("examples/index.md", ()),
    "example_funnels": ("funnel.md", ()),
    "cases": ("examples/index.md", ()),
    "example_fields": ("examples/add-your-own.md", ()),
}


# Only funnel_chart keeps a chart's Plotly figure; the other cases keep a chart's id (and the
# example chart its HTML), so a change to the charts rewrites one golden file, not five.
FULL_CHART = "funnel_chart"
CHART_HTML = "funnel_chart_restaurant"
FIGURE = re.compile(r'<figure class="mvs-chart" id="([^"]+)">.*?</figure>', re.S)
FIGURE_JSON = re.compile(r'data-figure="[^"]*"')


def _charts_folded(case: str, html: str) -> str:
    if case == FULL_CHART:
        return html
    if case == CHART_HTML:
        return FIGURE_JSON.sub('data-figure="(see funnel_chart.html)"', html)
    return FIGURE.sub(r'<figure class="mvs-chart" id="\1">(see funnel_chart.html)</figure>', html)


def _macro(case: str):
    name = case
    while name not in render.PAGE_MACROS:
        name = name.rsplit("_", 1)[0]
    return render.PAGE_MACROS[name]


@pytest.mark.parametrize("case", CASES)
def test_golden(case, frozen_data: SiteData, request):
    page, args = CASES[case]
    html = _charts_folded(case, _macro(case)(frozen_data, Links.for_page(page, True), *args))
    path = GOLDEN / f"{case}.html"
    if request.config.getoption("--update-golden"):
        path.parent.mkdir(exist_ok=True)
        path.write_text(html, encoding="utf-8")
    expected = path.read_text(encoding="utf-8")
    if html != expected:
        lines = difflib.unified_diff(expected.splitlines(True), html.splitlines(True), "golden", "rendered", n=2)
        diff = "".join(lines)
        pytest.fail(f"{case} differs from {path.name} (rerun with --update-golden if intended):\n{diff[:4000]}")


def test_every_macro_has_a_golden_case():
    assert {_macro(case).__name__ for case in CASES} == set(render.PAGE_MACROS)


def test_markdown_fields_are_sanitised():
    html = templating.markdown_html(
        'Hi <script>alert(1)</script> <img src=x onerror="alert(2)"> [x](javascript:alert(3)) **bold**', Links())
    soup = BeautifulSoup(html, "html.parser")
    assert soup.find("script") is None and soup.find("img") is None
    assert soup.find("strong").text == "bold"
    assert all(not a.get("href", "").startswith("javascript") for a in soup.find_all("a"))


def test_markdown_links_to_pages_point_at_built_pages():
    links = Links.for_page("a/b.md", True)
    html = templating.markdown_html("See [the FAQ](faq.md#invest-first) and [home](index.md).", links)
    hrefs = [a["href"] for a in BeautifulSoup(html, "html.parser").find_all("a")]
    assert hrefs == ["../../faq/#invest-first", "../../"]


def test_plain_text_fields_are_escaped(site_data: SiteData):
    row = site_data.comparison.rows[0].model_copy(update={"marketing": "<b onclick=x()>bold</b>"})
    data = SiteData(**{**site_data.__dict__, "comparison": site_data.comparison.model_copy(
        update={"rows": [row, *site_data.comparison.rows[1:]]})})
    html = render.comparison_table(data, Links())
    cell = BeautifulSoup(html, "html.parser").find(id=row.id).find("td")
    assert cell.find("b") is None
    assert cell.text == "<b onclick=x()>bold</b>"
