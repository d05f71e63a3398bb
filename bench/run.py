"""Build the site, open every page in Chromium, and print what each one costs.

For each page: the gzip bytes of everything it requested on load (before any
scrolling) and after scrolling to the bottom, the plotly.js bytes among them,
and the layout shift while scrolling. Then the size of each figure's JSON, the
build time, and the funnel page against the same figures exported the naive way
(plotly's write_html with plotly.js inlined), all measured in this one run.

Run with `make bench`. It measures; it does not judge, and it is not a test.
"""

from __future__ import annotations

import functools
import gzip
import json
import os
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from urllib.parse import urlparse

import plotly.graph_objects as go
from bs4 import BeautifulSoup
from playwright.sync_api import sync_playwright

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.browser.conftest import CHROMIUM_ARGS, LocalServer, QuietHandler, chromium_path  # noqa: E402
from tests.conftest import free_port  # noqa: E402

KB = 1024
TEXT_BUDGET, CHART_BEFORE_BUDGET, CHART_AFTER_BUDGET = 100 * KB, 100 * KB, 550 * KB


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
    port = free_port()
    base = f"http://127.0.0.1:{port}/"
    with tempfile.TemporaryDirectory() as tmp:
        site = Path(tmp) / "site"
        seconds = build(site, base)
        server = LocalServer(("127.0.0.1", port), functools.partial(QuietHandler, directory=str(site)))
        threading.Thread(target=server.serve_forever, daemon=True).start()
        try:
            rows = measure_pages(site, base)
        finally:
            server.shutdown()
            server.server_close()

        funnel = BeautifulSoup((site / "funnel" / "index.html").read_text(encoding="utf-8"), "lxml")
        figures = {fig["id"]: fig.select_one(".mvs-chart__plot")["data-figure"] for fig in funnel.select("figure")}
        naive_all = naive_export([json.loads(f) for f in figures.values()], Path(tmp))
        naive_one = naive_export([json.loads(figures["chart-customer"])], Path(tmp))
        search_index = gzip_size(site / "search" / "search_index.json")

    print(f"build time (data check + mkdocs build --strict): {seconds:.2f} s")
    print()
    print(f"{'page':<26}{'before scroll':>15}{'after scroll':>14}{'plotly':>10}{'charts':>8}{'shift':>7}  budget")
    for r in rows:
        if r["charts"]:
            ok = r["without_plotly"] <= CHART_BEFORE_BUDGET and r["after"] <= CHART_AFTER_BUDGET
            budget = (f"chart page: {r['without_plotly'] / CHART_BEFORE_BUDGET:.0%} before charts,"
                      f" {r['after'] / CHART_AFTER_BUDGET:.0%} with them")
        else:
            ok = r["after"] <= TEXT_BUDGET and r["plotly"] == 0
            budget = f"text page: {r['after'] / TEXT_BUDGET:.0%}"
        print(f"{r['page']:<26}{r['before']:>15,}{r['after']:>14,}{r['plotly']:>10,}"
              f"{r['drawn']:>4}/{r['charts']:<3}{r['shift']:>7.3f}  {budget}{'' if ok else '  OVER'}")
    print("(gzip bytes of every file the page requested, level 6; charts drawn/present; CLS while scrolling)")
    print("(a chart page's 'before charts' figure is what it requested on load, less plotly.js)")
    print(f"search index, fetched only once a reader starts to search: {search_index:,} bytes gzip")
    print()
    print("figure JSON, bytes (budget 10,240 each): "
          + ", ".join(f"{name.removeprefix('chart-')} {len(raw.encode()):,}" for name, raw in figures.items()))
    funnel_row = next(r for r in rows if r["page"] == "funnel/")
    print(f"funnel page after scrolling: {funnel_row['after']:,} bytes gzip for {len(figures)} charts")
    print(f"naive write_html(include_plotlyjs=True), customer funnel alone: {naive_one:,} bytes gzip "
          f"(funnel page / naive = {funnel_row['after'] / naive_one:.2f})")
    print(f"naive write_html for all {len(figures)} figures: {naive_all:,} bytes gzip "
          f"(funnel page / naive = {funnel_row['after'] / naive_all:.3f})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
