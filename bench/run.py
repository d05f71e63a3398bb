"""Build the site, open every page in Chromium, and print what each one costs.

For each page: the gzip bytes of everything it requested on load (before any
scrolling) and after scrolling to the bottom and pointing at each chart (which
draws it), the plotly.js bytes among them, and the layout shift meanwhile. Then
the size of each figure's JSON, the build time, and the funnel page against the
same figures exported the naive way (plotly's write_html with plotly.js
inlined), all measured in this one run.

Then Lighthouse in its mobile mode on a text page, a quiz page, the funnel page and a worked
example, beside a stock Material for MkDocs page with the same text (bench/lighthouse.py), with the
ratios of each page's blocking time and bytes to the stock page's.

Run with `make bench` (or `.venv/bin/python bench/run.py [--lighthouse-runs N | --no-lighthouse]`).
It measures; it does not judge, and it is not a test.
"""

from __future__ import annotations

import argparse
import contextlib
import functools
import gzip
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import urlparse

import plotly.graph_objects as go
from bs4 import BeautifulSoup
from playwright.sync_api import TimeoutError as PlaywrightTimeout
from playwright.sync_api import sync_playwright

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench import lighthouse  # noqa: E402
from macros.build.vendor import PLOTLY_BUNDLE  # noqa: E402
from tests.browser.conftest import CHROMIUM_ARGS, chromium_path  # noqa: E402
from tests.conftest import free_port  # noqa: E402

KB = 1024
# What the site served before its own core + funnel bundle, from the plotly.js package it is built from.
FINANCE_BUNDLE = ROOT / "node_modules" / "plotly.js" / "dist" / "plotly-finance.min.js"
# Targets: a text page requests at most 80 KB as it loads (Lighthouse's total byte weight); a chart page at most
# 100 KB until a reader shows intent.
TEXT_BUDGET, CHART_BEFORE_BUDGET, CHART_AFTER_BUDGET = 80 * KB, 100 * KB, 550 * KB


@functools.cache
def gzip_size(path: Path) -> int:
    return len(gzip.compress(path.read_bytes(), compresslevel=6, mtime=0))


def build(site: Path, site_url: str) -> float:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SOURCE_DATE_EPOCH": "1700000000", "SITE_URL": site_url}
    start = time.perf_counter()
    subprocess.run([sys.executable, "-m", "macros", "build", "--site-dir", str(site)], cwd=ROOT, env=env,
                   check=True, capture_output=True)
    return time.perf_counter() - start


def file_for(url: str, site: Path) -> Path | None:
    path = urlparse(url).path.lstrip("/")
    target = site / path
    if target.is_dir() or path == "":
        target = target / "index.html"
    return target if target.is_file() else None


def requested(page) -> list[str]:
    return [page.url, *page.evaluate("performance.getEntriesByType('resource').map(e => e.name)")]


def weigh(urls: list[str], site: Path) -> tuple[int, int]:
    files = {f for f in (file_for(u, site) for u in urls) if f}
    total = sum(gzip_size(f) for f in files)
    return total, sum(gzip_size(f) for f in files if "plotly" in f.name)


def point_at_charts(page) -> None:
    """Point at each chart a reader can see, as a reader showing interest would, so plotly.js draws it."""
    plots = page.locator(".mvs-chart__plot")
    for i in range(plots.count()):
        frame = plots.nth(i).locator("xpath=..")
        if not frame.is_visible():
            continue  # e.g. the check-up's results, shown only once numbers are entered
        frame.scroll_into_view_if_needed()
        frame.hover()
        with contextlib.suppress(PlaywrightTimeout):  # one that does not draw is counted as not drawn
            plots.nth(i).and_(page.locator("[data-drawn]")).wait_for(timeout=10_000)
    page.wait_for_load_state("networkidle")
    page.wait_for_timeout(300)


def measure_pages(site: Path, base: str) -> list[dict]:
    pages = sorted(p.parent.relative_to(site).as_posix() + "/" for p in site.rglob("index.html"))
    rows = []
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_ARGS)
        for path in pages:
            path = "" if path == "./" else path
            page = browser.new_page(viewport={"width": 1280, "height": 800})
            page.goto(base + path)
            page.wait_for_load_state("networkidle")
            page.wait_for_timeout(300)
            before = weigh(requested(page), site)
            page.evaluate("""window.__shift = 0; new PerformanceObserver(list => {
                for (const e of list.getEntries()) if (!e.hadRecentInput) window.__shift += e.value;
            }).observe({type: 'layout-shift'});""")
            for _ in range(page.evaluate("Math.ceil(document.body.scrollHeight / 500)") + 1):
                page.mouse.wheel(0, 500)
                page.wait_for_timeout(60)
            page.wait_for_load_state("networkidle")
            page.wait_for_timeout(800)
            point_at_charts(page)
            after = weigh(requested(page), site)
            charts = page.locator(".mvs-chart__plot").count()
            drawn = page.locator(".mvs-chart__plot[data-drawn]").count()
            rows.append({"page": path or "(home)", "before": before[0], "after": after[0], "plotly": after[1],
                         "without_plotly": before[0] - before[1],
                         "charts": charts, "drawn": drawn, "shift": page.evaluate("window.__shift")})
            page.close()
        browser.close()
    return rows


def naive_export(figures: list[dict], out: Path) -> int:
    """gzip bytes of each figure written the naive way, plotly.js inlined in every file."""
    total = 0
    for i, figure in enumerate(figures):
        path = out / f"naive-{i}.html"
        go.Figure(figure).write_html(path, include_plotlyjs=True, full_html=True)
        total += gzip_size(path)
    return total


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--lighthouse-runs", type=int, default=3, metavar="N",
                        help="Lighthouse runs per page; the median run is shown (default 3)")
    parser.add_argument("--no-lighthouse", action="store_true", help="skip Lighthouse")
    args = parser.parse_args()

    port = free_port()
    base = f"http://127.0.0.1:{port}/"
    with tempfile.TemporaryDirectory() as tmp:
        site = Path(tmp) / "site"
        seconds = build(site, base)
        # The site is built for this address; served with gzip, which the byte counts below ignore.
        with lighthouse.serving(site, port):
            rows = measure_pages(site, base)
            if not args.no_lighthouse:
                scores, same_text, machine = lighthouse.measure(site, base, Path(tmp), args.lighthouse_runs)

        funnel = BeautifulSoup((site / "funnel" / "index.html").read_text(encoding="utf-8"), "lxml")
        figures = {fig["id"]: fig.select_one(".mvs-chart__plot")["data-figure"] for fig in funnel.select("figure")}
        naive_all = naive_export([json.loads(f) for f in figures.values()], Path(tmp))
        naive_one = naive_export([json.loads(figures["chart-customer"])], Path(tmp))
        search_index = gzip_size(site / "search" / "search_index.json")
        plotly_served = gzip_size(site / "assets" / "vendor" / PLOTLY_BUNDLE)

    print(f"build time (data check + mkdocs build --strict): {seconds:.2f} s")
    print()
    width = max(len(r["page"]) for r in rows) + 2
    print(f"{'page':<{width}}{'before scroll':>15}{'after scroll':>14}{'plotly':>10}{'charts':>8}{'shift':>7}  budget")
    for r in rows:
        if r["charts"]:
            ok = r["without_plotly"] <= CHART_BEFORE_BUDGET and r["after"] <= CHART_AFTER_BUDGET
            budget = (f"chart page: {r['without_plotly'] / CHART_BEFORE_BUDGET:.0%} before charts,"
                      f" {r['after'] / CHART_AFTER_BUDGET:.0%} with them")
        else:
            ok = r["before"] <= TEXT_BUDGET and r["plotly"] == 0
            budget = (f"text page: {r['before'] / TEXT_BUDGET:.0%} on load,"
                      f" {r['after'] / TEXT_BUDGET:.0%} read to the end")
        print(f"{r['page']:<{width}}{r['before']:>15,}{r['after']:>14,}{r['plotly']:>10,}"
              f"{r['drawn']:>4}/{r['charts']:<3}{r['shift']:>7.3f}  {budget}{'' if ok else '  OVER'}")
    print("(gzip bytes of every file the page requested, level 6, on load and after scrolling to the bottom and"
          " pointing at each chart; charts drawn/present; CLS meanwhile)")
    text_pages = [r for r in rows if not r["charts"]]
    for when, key in (("on load", "before"), ("read to the end (quiz scripts included)", "after")):
        over = [r["page"] for r in text_pages if r[key] > TEXT_BUDGET]
        print(f"text pages over {TEXT_BUDGET // KB} KB {when}: {len(over)} of {len(text_pages)}"
              f"{': ' + ', '.join(over) if over else ''}")
    print("(a chart page's 'before charts' figure is what it requested on load, less plotly.js)")
    print(f"search index, fetched only once a reader starts to search: {search_index:,} bytes gzip")
    print(f"plotly.js served ({PLOTLY_BUNDLE}, core + funnel): {plotly_served:,} bytes gzip; "
          f"plotly's finance bundle of the same version: {gzip_size(FINANCE_BUNDLE):,}")
    print()
    print("figure JSON, bytes (budget 10,240 each): "
          + ", ".join(f"{name.removeprefix('chart-')} {len(raw.encode()):,}" for name, raw in figures.items()))
    funnel_row = next(r for r in rows if r["page"] == "funnel/")
    print(f"funnel page with its charts drawn: {funnel_row['after']:,} bytes gzip for {len(figures)} charts")
    print(f"naive write_html(include_plotlyjs=True), customer funnel alone: {naive_one:,} bytes gzip "
          f"(funnel page / naive = {funnel_row['after'] / naive_one:.2f})")
    print(f"naive write_html for all {len(figures)} figures: {naive_all:,} bytes gzip "
          f"(funnel page / naive = {funnel_row['after'] / naive_all:.3f})")
    if not args.no_lighthouse:
        print()
        lighthouse.report(scores, same_text, machine, args.lighthouse_runs)
    return 0


if __name__ == "__main__":
    sys.exit(main())
