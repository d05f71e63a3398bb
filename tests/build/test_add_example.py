"""A teacher adds a worked example by adding one YAML file, and nothing else."""

from __future__ import annotations

from bs4 import BeautifulSoup

from tests.conftest import build_site


def page(site, path: str) -> BeautifulSoup:
    return BeautifulSoup((site / path / "index.html").read_text(encoding="utf-8"), "lxml")


def test_one_new_yaml_file_gives_a_page_a_nav_entry_a_funnel_and_an_overview_column(project, tmp_path):
    text = (project / "data" / "examples" / "restaurant.yml").read_text()
    text = text.replace("id: restaurant", "id: corner-gym", 1)
    text = text.replace("business: Neighborhood restaurant", "business: Corner gym", 1)
    text = text.replace("order: 1", "order: 9", 1)
    text = text.replace("reached: 8000", "reached: 9100", 1)
    (project / "data" / "examples" / "corner-gym.yml").write_text(text)

    site = build_site(project, tmp_path / "site", offline_copy=False)

    gym = page(site, "examples/corner-gym")
    assert gym.find("h1").get_text(strip=True).rstrip("¶") == "Corner gym"
    chart = gym.select_one("#chart-corner-gym")
    assert chart is not None and chart.select_one(".mvs-chart__plot[data-figure]")
    assert "9,100" in chart.select_one(".mvs-chart__data").get_text()
    assert gym.select_one("script[src$='assets/funnels.js']") is not None

    home_nav = [a.get_text(strip=True) for a in page(site, "").select("nav.md-nav--primary a.md-nav__link")]
    assert home_nav.index("Corner gym") == home_nav.index("Clothing store") + 1

    overview = page(site, "examples")
    headers = [th.get_text(strip=True) for th in overview.select("table.mvs-matrix thead th")]
    assert headers[-1] == "Corner gym"
    assert overview.select_one("a[href='corner-gym/']") is not None

    funnel = page(site, "funnel")
    assert funnel.select_one("#chart-corner-gym") is not None
    assert funnel.select_one("[data-preset='corner-gym']").get_text(strip=True) == "Corner gym"
