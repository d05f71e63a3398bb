"""Lighthouse (mobile) on a few of the site's pages and on a stock Material for MkDocs page.

The stock page is a separate MkDocs project made in a temporary folder: `theme: material` and
nothing else of ours (no plugins but MkDocs' default search, no hooks, no custom CSS or JS), and one
page whose text is the built Definitions page's article, the same words in the same HTML, less its
script. The only departure from Material's defaults is `font: false`, as on our site, so that neither
page asks another site for fonts. Both sites are served from 127.0.0.1 with gzip, as a static host
would serve them, and Chromium may resolve no other host.

Lighthouse 12 (pinned in package.json) runs the Chromium the tests use, in its default mobile mode:
a phone's screen, simulated slow 4G and a 4x slower CPU.
"""

from __future__ import annotations

import functools
import gzip
import json
import mimetypes
import os
import re
import subprocess
import sys
import threading
import typing
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import urlparse

from bs4 import BeautifulSoup

from tests.browser.conftest import CHROMIUM_ARGS, chromium_path
from tests.conftest import LocalServer, QuietHandler

ROOT = Path(__file__).resolve().parent.parent
LIGHTHOUSE = ROOT / "node_modules" / ".bin" / "lighthouse"
STOCK = "stock Material"
# label -> path in the built site
PAGES = {
    "text (definitions/)": "definitions/",
    "quiz (quizzes/final/)": "quizzes/final/",
    "funnel (funnel/)": "funnel/",
    "example (examples/restaurant/)": "examples/restaurant/",
}
TEXT_SOURCE = "definitions/"
# Chromium as the browser tests launch it, headless, reaching nothing but this machine.
CHROME_FLAGS = [*CHROMIUM_ARGS, "--headless=new", "--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1"]
COMPRESSIBLE = {".html", ".js", ".css", ".json", ".svg", ".xml", ".txt", ".map"}


class GzipHandler(QuietHandler):
    """Serves text files gzipped (level 6) to clients that accept it, as a static host does."""

    cache: typing.ClassVar[dict[Path, bytes]] = {}

    def do_GET(self):  # noqa: N802 (http.server's name)
        path = Path(self.translate_path(self.path))
        if path.is_dir() and urlparse(self.path).path.endswith("/"):
            path = path / "index.html"
        if (path.suffix not in COMPRESSIBLE or not path.is_file()
                or "gzip" not in self.headers.get("Accept-Encoding", "")):
            return super().do_GET()
        self.log_request(200)
        if path not in self.cache:
            self.cache[path] = gzip.compress(path.read_bytes(), compresslevel=6, mtime=0)
        body = self.cache[path]
        self.send_response_only(200)
        self.send_header("Content-Type", mimetypes.guess_type(path.name)[0] or "application/octet-stream")
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Vary", "Accept-Encoding")
        self.end_headers()
        self.wfile.write(body)
        return None


@contextmanager
def serving(directory: Path, port: int = 0):
    """Serve a folder on 127.0.0.1 with gzip; yields its base URL."""
    server = LocalServer(("127.0.0.1", port), functools.partial(GzipHandler, directory=str(directory)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


def article_text(html: str) -> str:
    article = BeautifulSoup(html, "lxml").select_one("article")
    return re.sub(r"\s+", " ", article.get_text(" ", strip=True))


def build_stock_site(site: Path, work: Path) -> tuple[Path, bool]:
    """A stock Material for MkDocs site whose one page is our built text page's article.

    Returns the built folder and whether its article reads exactly as ours.
    """
    ours = (site / TEXT_SOURCE / "index.html").read_text(encoding="utf-8")
    article = BeautifulSoup(ours, "lxml").select_one("article")
    for script in article.select("script"):
        script.decompose()
    docs = work / "docs"
    docs.mkdir(parents=True, exist_ok=True)
    # md_in_html keeps the block as it is; a blank line either side makes it one raw HTML block.
    (docs / "index.md").write_text(f'<div markdown="0">\n{article.decode_contents()}\n</div>\n', encoding="utf-8")
    (work / "mkdocs.yml").write_text(
        "site_name: Marketing vs. Sales\n"
        "theme:\n"
        "  name: material\n"
        "  font: false  # as our site: Material's default fetches Roboto from Google Fonts\n"
        "markdown_extensions:\n"
        "  - md_in_html\n",
        encoding="utf-8")
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    subprocess.run([sys.executable, "-m", "mkdocs", "build", "--quiet", "--config-file", str(work / "mkdocs.yml"),
                    "--site-dir", str(work / "site")], check=True, env=env, capture_output=True)
    stock = (work / "site" / "index.html").read_text(encoding="utf-8")
    return work / "site", article_text(stock) == article_text(ours)


def run_lighthouse(url: str, out: Path) -> dict:
    """One Lighthouse run in its default mobile mode; the figures this bench prints."""
    chrome = chromium_path()
    if not chrome:
        raise SystemExit("Lighthouse needs Chromium: install it (Debian/Ubuntu: apt-get install chromium).")
    env = {**os.environ, "CHROME_PATH": chrome}
    done = subprocess.run([str(LIGHTHOUSE), url, f"--chrome-path={chrome}", f"--chrome-flags={' '.join(CHROME_FLAGS)}",
                           "--only-categories=performance,accessibility", "--output=json", f"--output-path={out}",
                           "--quiet", "--no-enable-error-reporting"], env=env, capture_output=True, text=True)
    if done.returncode:
        raise SystemExit(f"Lighthouse failed on {url} (run `make setup` if it is missing):\n{done.stderr[-3000:]}")
    report = json.loads(out.read_text(encoding="utf-8"))
    audits = report["audits"]
    settings = report["configSettings"]
    assert settings["formFactor"] == "mobile" and settings["throttlingMethod"] == "simulate", settings
    if report.get("runtimeError"):
        raise RuntimeError(f"Lighthouse could not test {url}: {report['runtimeError']}")
    return {
        "performance": round(report["categories"]["performance"]["score"] * 100),
        "accessibility": round(report["categories"]["accessibility"]["score"] * 100),
        "fcp": audits["first-contentful-paint"]["numericValue"],
        "lcp": audits["largest-contentful-paint"]["numericValue"],
        "tbt": audits["total-blocking-time"]["numericValue"],
        "cls": audits["cumulative-layout-shift"]["numericValue"],
        "bytes": audits["total-byte-weight"]["numericValue"],
        "requests": len(audits["network-requests"]["details"]["items"]),
        "benchmark_index": report["environment"]["benchmarkIndex"],
    }


def median_run(runs: list[dict]) -> dict:
    """The run with the median performance score (then the median TBT), so a row comes from one run."""
    ordered = sorted(runs, key=lambda r: (r["performance"], -r["tbt"]))
    chosen = dict(ordered[(len(ordered) - 1) // 2])
    chosen["spread"] = (min(r["performance"] for r in runs), max(r["performance"] for r in runs))
    return chosen


def measure(site: Path, site_base: str, tmp: Path, runs: int) -> tuple[dict[str, dict], bool, dict]:
    """Lighthouse on our pages (already served at site_base) and on the stock page, `runs` times each."""
    stock_site, same_text = build_stock_site(site, tmp / "stock")
    results: dict[str, list[dict]] = {label: [] for label in [*PAGES, STOCK]}
    load_before = os.getloadavg()[0]
    with serving(stock_site) as stock_base:
        urls = {**{label: site_base + path for label, path in PAGES.items()}, STOCK: stock_base}
        # Round-robin, so a slow spell of the machine does not fall on one page only.
        for i in range(runs):
            for n, (label, url) in enumerate(urls.items()):
                results[label].append(run_lighthouse(url, tmp / f"lighthouse-{n}-{i}.json"))
    speeds = [run["benchmark_index"] for runs_of_page in results.values() for run in runs_of_page]
    machine = {"load": (load_before, os.getloadavg()[0]), "speed": (min(speeds), max(speeds))}
    return {label: median_run(r) for label, r in results.items()}, same_text, machine


def ratio(ours: float, stock: float) -> str:
    if stock == 0:
        return "  both 0" if ours == 0 else "     n/a"
    return f"{ours / stock:>8.2f}"


def report(rows: dict[str, dict], same_text: bool, machine: dict, runs: int) -> None:
    stock = rows[STOCK]
    print(f"Lighthouse 12, mobile (simulated slow 4G, 4x CPU slowdown), median of {runs} run(s) each; "
          "gzip served from 127.0.0.1")
    print(f"{'page':<32}{'perf':>5}{'(range)':>9}{'a11y':>6}{'FCP s':>7}{'LCP s':>7}{'TBT ms':>8}{'CLS':>7}"
          f"{'KB':>7}{'reqs':>6}{'TBT/stock':>10}{'KB/stock':>9}")
    for label, r in rows.items():
        spread = f"{r['spread'][0]}-{r['spread'][1]}"
        print(f"{label:<32}{r['performance']:>5}{spread:>9}{r['accessibility']:>6}{r['fcp'] / 1000:>7.2f}"
              f"{r['lcp'] / 1000:>7.2f}{r['tbt']:>8.0f}{r['cls']:>7.3f}{r['bytes'] / 1024:>7.1f}{r['requests']:>6}"
              f"{ratio(r['tbt'], stock['tbt']):>10}{r['bytes'] / stock['bytes']:>9.2f}")
    print(f"({STOCK}: `theme: material`, font: false, default search plugin, no plugins/hooks/CSS of ours; "
          f"one page holding the built {TEXT_SOURCE} article, same text: {'yes' if same_text else 'NO'})")
    print("(KB: transfer bytes Lighthouse counted, gzip; perf range: lowest-highest score over the runs)")
    print(f"(Lighthouse's CPU benchmark index over the runs: {machine['speed'][0]:.0f}-{machine['speed'][1]:.0f}; "
          f"1-minute load average {machine['load'][0]:.1f} before, {machine['load'][1]:.1f} after: its simulated "
          "timings scale with how busy the machine is, so compare pages within one run)")
