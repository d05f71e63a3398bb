"""The charts' script is added to chart pages only, without disturbing the page's HTML."""

from macros.charts import charts_script
from macros.links import Links


def test_pages_without_charts_get_no_script():
    assert charts_script("<p>Just text &amp; a table.</p>", Links.for_page("faq.md", True)) == ""


def test_chart_pages_get_the_script_once_with_a_relative_path():
    html = '<p>A &amp; B</p><div class="mvs-chart__plot" data-figure="{}"></div>'
    page = html + charts_script(html, Links.for_page("funnel.md", True))
    assert page.startswith(html)
    assert page.count("<script") == 1
    assert '<script src="../assets/funnels.js"></script>' in page


def test_the_simulator_alone_also_needs_the_script():
    html = '<div class="mvs-sim" data-simulator="{}"></div>'
    assert 'src="assets/funnels.js"' in charts_script(html, Links.for_page("index.md", True))
