"""Build the site and print its figures: build time and each page's weight.

A page's weight is what a first visit transfers with gzip: the HTML, every
stylesheet, script and image it references, and what the theme's scripts fetch
(search worker and index, sitemap), each compressed at level 6. Run with `make bench`; it measures, it does not judge.
"""

from __future__ import annotations

import gzip
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import urlparse

from bs4 import BeautifulSoup

ROOT = Path(__file__).resolve().parent.parent
BUDGET_TEXT_PAGE = 100 * 1024


def gzip_size(path: Path) -> int:
    return len(gzip.compress(path.read_bytes(), compresslevel=6, mtime=0))


def fetched_at_run_time(site: Path) -> set[Path]:
    """What Material's scripts fetch on every page: the search worker and index, the sitemap."""
    return {*site.glob("assets/javascripts/workers/search.*.min.js"), site / "search" / "search_index.json",
            site / "sitemap.xml"}


def assets_of(page: Path, site: Path) -> set[Path]:
    soup = BeautifulSoup(page.read_text(encoding="utf-8"), "lxml")
    found = fetched_at_run_time(site)
    for tag, attr in (("link", "href"), ("script", "src"), ("img", "src")):
        for el in soup.find_all(tag):
            url = el.get(attr)
            if not url or urlparse(url).netloc or (tag == "link" and "stylesheet" not in el.get("rel", [])
                                                   and "icon" not in el.get("rel", [])):
                continue
            target = (page.parent / urlparse(url).path).resolve()
            if target.is_file() and site in target.parents:
                found.add(target)
    return found


def build(site: Path) -> float:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SOURCE_DATE_EPOCH": "1700000000"}
    start = time.perf_counter()
    subprocess.run([sys.executable, "-m", "macros", "build", "--site-dir", str(site)], cwd=ROOT, env=env,
                   check=True, capture_output=True)
    return time.perf_counter() - start


def main() -> int:
    with tempfile.TemporaryDirectory() as tmp:
        site = Path(tmp) / "site"
        seconds = build(site)
        rows = []
        for page in sorted(site.rglob("index.html")):
            assets = assets_of(page, site)
            html = gzip_size(page)
            total = html + sum(gzip_size(a) for a in assets)
            plotly = sum(gzip_size(a) for a in assets if "plotly" in a.name)
            rows.append((str(page.parent.relative_to(site)) + "/", html, total, plotly))
        print(f"build time (check + mkdocs build --strict): {seconds:.2f} s")
        print(f"pages: {len(rows)}; site files: {sum(1 for p in site.rglob('*') if p.is_file())}")
        print()
        print(f"{'page':<18} {'html gz':>9} {'first visit gz':>15} {'plotly gz':>10} {'of budget':>10}")
        for name, html, total, plotly in rows:
            print(f"{name:<18} {html:>9,} {total:>15,} {plotly:>10,} {total / BUDGET_TEXT_PAGE:>9.0%}")
        largest = max(rows, key=lambda r: r[2])
        print()
        print(f"largest first visit: {largest[0]} {largest[2]:,} bytes gzip "
              f"({largest[2] / BUDGET_TEXT_PAGE:.0%} of the 100 KB text-page budget)")
        smallest = min(rows, key=lambda r: r[2])
        print(f"largest / smallest page: {largest[2] / smallest[2]:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
