"""Screenshots of the key pages and widget states, for people to look at before a change lands.

`make screenshots` builds the site, serves it on 127.0.0.1 and writes PNGs into screenshots/out/:
each page and state at 360 px (a phone) and 1366 px (a desktop), in the light and dark palettes, and
the printed lesson plan and worksheet, page by page. Open index.html there to see them all in one place.
"""

from __future__ import annotations

import argparse
import functools
import html
import struct
import sys
import tempfile
import threading
import zipfile
import zlib
from pathlib import Path

import pypdfium2
from playwright.sync_api import sync_playwright

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.browser.conftest import CHROMIUM_ARGS, READY, chromium_path  # noqa: E402
from tests.conftest import LocalServer, QuietHandler, build_site, free_port  # noqa: E402

WIDTHS = {"phone": (360, 740), "desktop": (1366, 900)}
SCHEMES = ("light", "dark")
PAGES = {  # name: page, shown from its top
    "home": "", "definitions": "definitions/", "differences": "differences/", "funnel": "funnel/",
    "example": "examples/restaurant/", "downloads": "teachers/downloads/", "lesson-45": "teachers/lesson-45/",
    "invest": "tools/invest/", "checkup": "tools/checkup/",
}
# The slides for a projector (present/): on three screens, light and dark; the notes window; a printed deck.
PROJECTORS = {"projector-720p": (1280, 720), "projector-4x3": (1024, 768), "projector-1080p": (1920, 1080)}
PRESENT = "present/funnel/"
PRESENT_PRINTED = {"slides-printed": "present/examples/"}
PRINTED = {"lesson-45-printed": "teachers/lesson-45/", "worksheet-printed": "teachers/lesson-45-worksheet/"}


def png(path: Path, width: int, height: int, rgb: bytes) -> None:
    """Write 8-bit RGB pixels as a PNG (no imaging library needed)."""
    rows = b"".join(b"\0" + rgb[y * width * 3:(y + 1) * width * 3] for y in range(height))

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    path.write_bytes(b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0))
                     + chunk(b"IDAT", zlib.compress(rows, 6)) + chunk(b"IEND", b""))


def pdf_pages_to_png(pdf: bytes, stem: Path) -> list[Path]:
    document = pypdfium2.PdfDocument(pdf)
    out = []
    for number, page in enumerate(document, 1):
        bitmap = page.render(scale=1.2, rev_byteorder=True)  # RGB, in that order
        path = stem.with_name(f"{stem.name}-page{number}.png")
        width, height = bitmap.width, bitmap.height
        stride, raw = bitmap.stride, bytes(bitmap.buffer)
        png(path, width, height, b"".join(raw[y * stride:y * stride + width * 3] for y in range(height)))
        out.append(path)
    return out


class Shooter:
    def __init__(self, browser, base: str, out: Path):
        self.browser, self.base, self.out = browser, base, out
        self.taken: list[tuple[str, Path]] = []

    def open(self, path: str, size: str, scheme: str):
        width, height = WIDTHS[size]
        context = self.browser.new_context(viewport={"width": width, "height": height}, color_scheme=scheme)
        page = context.new_page()
        page.goto(self.base + path, wait_until="load")  # the palette follows the context's colour scheme
        page.wait_for_function(READY)
        page.wait_for_timeout(150)
        return context, page

    def shot(self, page, name: str, target=None, full: bool = False) -> None:
        path = self.out / f"{name}.png"
        if target is not None:
            # An element alone: the sticky header and "Back to top" would otherwise cover its top.
            page.add_style_tag(content=".md-header, .md-top { visibility: hidden !important; }")
            target.scroll_into_view_if_needed()
            target.screenshot(path=path)
            page.evaluate("document.head.lastElementChild.remove()")
        else:
            page.screenshot(path=path, full_page=full)
        self.taken.append((name, path))

    def every_size(self, name: str, path: str, action) -> None:
        for size in WIDTHS:
            for scheme in SCHEMES:
                context, page = self.open(path, size, scheme)
                try:
                    action(page, f"{name}-{size}-{scheme}")
                finally:
                    context.close()


def quiz_states(page, name: str, shooter: Shooter) -> None:
    """The final quiz's first question of each kind: answered right, wrong, and partly right."""
    page.locator(".mvs-quiz--ready").first.wait_for()
    for kind in ("single", "true_false", "multiple"):
        box = page.locator(f"fieldset.mvs-q[data-kind='{kind}']").first
        box.scroll_into_view_if_needed()
        answer = box.evaluate("b => JSON.parse(b.dataset.answer)")
        values = box.locator("input").evaluate_all("xs => xs.map(x => x.value)")
        if kind == "multiple":
            right = [str(i) for i in answer["right"]]
            wrong = [v for v in values if v not in right][:1]
            choices = {"right": right, "partly": right + wrong, "wrong": wrong}
        else:
            want = str(answer).lower()
            choices = {"right": [want], "wrong": [next(v for v in values if v != want)]}
        for state, picks in choices.items():
            retry = box.locator(".mvs-q__retry")
            if retry.is_visible():
                retry.click()
            elif box.locator(".mvs-q__feedback").inner_text():
                page.locator(".mvs-quiz__restart").first.click()
            for value in picks:
                box.locator(f"input[value='{value}']").check()
            box.locator(".mvs-q__check").click()
            page.mouse.move(0, 0)
            shooter.shot(page, f"{name}-{kind}-{state}", box)
            page.locator(".mvs-quiz__restart").first.click()


def checkup_errors(page, name: str, shooter: Shooter) -> None:
    page.locator("#checkup-reached").fill("900")
    page.locator("#checkup-leads").fill("many")
    page.locator("#checkup-customers").fill("2000")
    page.locator(".mvs-checkup__form button[type=submit]").click()
    page.wait_for_timeout(200)
    shooter.shot(page, f"{name}-submitted")
    page.locator("[data-error-list] a").first.click()
    page.wait_for_timeout(100)
    shooter.shot(page, f"{name}-summary-link-followed")


def checkup_results(page, name: str, shooter: Shooter) -> None:
    numbers = {"reached": "5000", "leads": "400", "mql": "100", "sql": "60", "offers": "40", "customers": "10",
               "sale": "900", "t-leads": "10", "t-mql": "50", "t-sql": "50", "t-offers": "50", "t-customers": "20"}
    for field, value in numbers.items():
        page.locator(f"#checkup-{field}").fill(value)
    page.locator(".mvs-checkup__form button[type=submit]").click()
    results = page.locator("[data-results]")
    results.wait_for(state="visible")
    shooter.shot(page, f"{name}-results", results)


def chart_states(page, name: str, shooter: Shooter) -> None:
    frame = page.locator(".mvs-chart__frame").first
    shooter.shot(page, f"{name}-static", frame)
    frame.hover(position={"x": 6, "y": 6})
    page.wait_for_function("[...document.querySelectorAll('.mvs-chart__plot')].some(p => p.dataset.drawn)")
    page.wait_for_timeout(300)
    shooter.shot(page, f"{name}-drawn", frame)
    # A pointer on the second stage's row: the line under the chart names it.
    box = frame.bounding_box()
    page.mouse.move(box["x"] + box["width"] * 0.7, box["y"] + box["height"] * 0.3)
    page.wait_for_timeout(300)
    shooter.shot(page, f"{name}-pointed", page.locator("figure.mvs-chart").first)
    slider = page.locator(".mvs-sim input[type=range]").first
    if slider.count():
        slider.focus()
        for _ in range(5):
            page.keyboard.press("ArrowLeft")
        page.wait_for_timeout(400)
        shooter.shot(page, f"{name}-simulator-moved", page.locator(".mvs-sim").first)


def scorm_states(shooter: Shooter, site: Path, folder: Path) -> None:
    """The final quiz's SCORM package opened on its own (no learning platform around it), one answer checked."""
    with zipfile.ZipFile(site / "downloads" / "scorm" / "final.scorm12.zip") as archive:
        archive.extractall(folder)
    for size, (width, height) in WIDTHS.items():
        for scheme in SCHEMES:
            context = shooter.browser.new_context(viewport={"width": width, "height": height}, color_scheme=scheme)
            page = context.new_page()
            page.goto((folder / "index.html").as_uri(), wait_until="load")
            question = page.locator("fieldset.mvs-q:has(input[type=radio])").first
            question.locator("input").first.check()
            question.locator(".mvs-q__check").click()
            shooter.shot(page, f"scorm-{size}-{scheme}-top")
            shooter.shot(page, f"scorm-{size}-{scheme}-checked", question)
            context.close()


def present_states(shooter: Shooter) -> None:
    """The funnel page's slides: its title, a text slide, the chart full screen, a question with hands counted,
    revealed and explained; at each projector size, light and dark; then the speaker notes' window."""
    for size, (width, height) in PROJECTORS.items():
        for scheme in SCHEMES:
            context = shooter.browser.new_context(viewport={"width": width, "height": height}, color_scheme=scheme)
            page = context.new_page()
            page.goto(shooter.base + PRESENT, wait_until="load")
            page.wait_for_selector("body[data-ready]")

            def show(n: int, page=page) -> None:
                page.evaluate(f"location.hash = '#{n}'")
                page.wait_for_function(f"document.querySelector('#slide-{n}').classList.contains('is-current')")
                page.wait_for_timeout(100)

            name = f"slides-{size}-{scheme}"
            slides = page.locator("[data-slide]").evaluate_all("ss => ss.map(s => [+s.dataset.slide, s.className])")
            first = {}
            for n, classes in slides:
                first.setdefault(classes.split("pr-slide--")[1].split()[0], n)
            shooter.shot(page, f"{name}-title")
            show(first["text"])
            shooter.shot(page, f"{name}-text")
            show(first["chart"])
            shooter.shot(page, f"{name}-chart")
            question = int(page.locator(".pr-slide--quiz[data-tally-slide]").first.get_attribute("data-slide"))
            show(question)
            for i, count in enumerate(page.locator(f"#slide-{question} .pr-tally__count").all()):
                count.fill(str(3 + 5 * (i % 2)))
            page.keyboard.press("Escape")  # leaves the field
            page.keyboard.press("r")
            shooter.shot(page, f"{name}-quiz-revealed")
            page.keyboard.press("r")
            shooter.shot(page, f"{name}-quiz-explained")
            if size == "projector-720p":
                with context.expect_page() as opened:
                    page.keyboard.press("n")
                notes = opened.value
                notes.set_viewport_size({"width": 1000, "height": 700})
                notes.wait_for_selector("body[data-ready]")
                notes.wait_for_timeout(150)
                shooter.shot(notes, f"{name}-notes")
            context.close()
    for name, path in PRESENT_PRINTED.items():
        context = shooter.browser.new_context(viewport={"width": 1280, "height": 720})
        page = context.new_page()
        page.goto(shooter.base + path, wait_until="load")
        page.wait_for_selector("body[data-ready]")
        page.emulate_media(media="print")
        for stem in pdf_pages_to_png(page.pdf(prefer_css_page_size=True, print_background=True), shooter.out / name):
            shooter.taken.append((stem.stem, stem))
        context.close()


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "screenshots" / "out")
    parser.add_argument("--site", type=Path, help="an already built site (default: build one)")
    args = parser.parse_args(argv)
    args.out.mkdir(parents=True, exist_ok=True)
    for old in args.out.glob("*.png"):
        old.unlink()
    port = free_port()
    with tempfile.TemporaryDirectory() as tmp:
        site = args.site or build_site(ROOT, Path(tmp) / "site", f"http://127.0.0.1:{port}/", offline_copy=False)
        server = LocalServer(("127.0.0.1", port), functools.partial(QuietHandler, directory=str(site)))
        threading.Thread(target=server.serve_forever, daemon=True).start()
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_ARGS)
            shooter = Shooter(browser, f"http://127.0.0.1:{port}/", args.out)
            for name, path in PAGES.items():
                shooter.every_size(name, path, lambda page, n: shooter.shot(page, n))
            shooter.every_size("quiz", "quizzes/final/", lambda page, n: quiz_states(page, n, shooter))
            shooter.every_size("checkup-errors", "tools/checkup/", lambda page, n: checkup_errors(page, n, shooter))
            shooter.every_size("checkup", "tools/checkup/", lambda page, n: checkup_results(page, n, shooter))
            shooter.every_size("chart", "funnel/", lambda page, n: chart_states(page, n, shooter))
            present_states(shooter)
            scorm_states(shooter, site, Path(tmp) / "scorm")
            for name, path in PRINTED.items():
                context, page = shooter.open(path, "desktop", "light")
                page.emulate_media(media="print")
                for stem in pdf_pages_to_png(page.pdf(format="A4", print_background=True), args.out / name):
                    shooter.taken.append((stem.stem, stem))
                context.close()
            browser.close()
        server.shutdown()
    gallery = "".join(f'<figure><figcaption>{html.escape(n)}</figcaption><img src="{p.name}" loading="lazy"></figure>'
                      for n, p in shooter.taken)
    (args.out / "index.html").write_text(
        "<!doctype html><meta charset=utf-8><title>Screenshots</title><style>figure{display:inline-block;"
        "vertical-align:top;margin:8px;max-width:700px}img{max-width:100%;border:1px solid #999}</style>"
        + gallery, encoding="utf-8")
    print(f"{len(shooter.taken)} screenshots in {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
