"""The teacher's kit in Chromium: printing worksheets to PDF, and the offline copy from file://."""

from __future__ import annotations

import io
import re
from pathlib import Path

import pytest
from pypdf import PdfReader

from macros.data import models
from macros.paths import OFFLINE_ZIP as ZIP_PATH
from macros.paths import lesson_pages, page_url
from tests.browser.conftest import wait_for_path

pytestmark = pytest.mark.browser
CHROME = (".md-header", ".md-footer", ".md-sidebar", ".md-tabs", ".md-top", ".md-content__button", ".md-button",
          ".mvs-q__actions", ".mvs-q__answer", ".mvs-sim form")


def pdf_text(page, paper: str) -> str:
    reader = PdfReader(io.BytesIO(page.pdf(format=paper, print_background=True)))
    return " ".join(" ".join((p.extract_text() or "").split()) for p in reader.pages)


def words(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", " ", text.lower()).strip()


def visible_chrome(page) -> list[str]:
    return [s for s in CHROME if page.locator(f"{s}:visible").count()]


def cut_off_tables(page) -> list[str]:
    return page.evaluate("""() => Array.from(document.querySelectorAll('article table')).filter(t => {
        const box = t.getBoundingClientRect(), article = t.closest('article').getBoundingClientRect();
        return box.width > 0 && (box.right > article.right + 1 || t.scrollWidth > t.clientWidth + 1);
    }).map(t => t.className || t.caption?.textContent || 'table')""")


@pytest.mark.parametrize("paper", ["A4", "Letter"])
def test_a_worksheet_and_its_key_print_with_answers_only_in_the_key(open_page, site_data, paper):
    lesson = site_data.teaching.lessons[0]
    _, sheet, key = lesson_pages(lesson.id)
    feedback = []
    for item in lesson.worksheet.questions:
        if isinstance(item, models.QuizRef):
            q = next(q for q in site_data.quiz(item.quiz).questions if q.id == item.question)
            feedback += [p.feedback for p in (getattr(q, "options", None) or getattr(q, "items", None) or [])]
    page = open_page(page_url(sheet, True)).page
    page.emulate_media(media="print")
    assert visible_chrome(page) == []
    assert cut_off_tables(page) == []
    sheet_text = words(pdf_text(page, paper))
    assert words(lesson.worksheet.intro)[:60] in sheet_text
    assert "marketing vs sales" not in sheet_text.split(words(lesson.title))[0]  # no site header above the title
    assert not [f for f in feedback if words(f)[:50] in sheet_text]
    page = open_page(page_url(key, True)).page
    page.emulate_media(media="print")
    key_text = words(pdf_text(page, paper))
    assert [f for f in feedback if words(f)[:50] in key_text] == feedback


@pytest.mark.parametrize("src", ["funnel.md", "differences.md", "examples/restaurant.md", "processes.md"])
def test_pages_print_without_chrome_with_static_charts_and_whole_tables(open_page, src):
    page = open_page(page_url(src, True), width=794).page
    page.emulate_media(media="print")
    assert visible_chrome(page) == []
    assert cut_off_tables(page) == []
    assert page.locator(".mvs-chart__plot:visible").count() == 0
    if src in ("funnel.md", "examples/restaurant.md"):
        assert page.locator(".mvs-bars:visible").count() >= 1
    assert page.locator(".mvs-q__answer:visible, .mvs-q__feedback:visible").count() == 0
    reader = PdfReader(io.BytesIO(page.pdf(format="A4")))
    assert len(reader.pages) >= 1


def test_a_teacher_reaches_everything_from_the_teachers_page(open_page, site_data):
    watched = open_page("teachers/")
    page = watched.page
    lesson = site_data.teaching.lessons[0]
    page.locator("article .mvs-lessons a", has_text=lesson.title).click()
    wait_for_path(page, f"/{lesson.id}/")
    page.locator("article a", has_text="the worksheet").first.click()
    wait_for_path(page, f"/{lesson.id}-worksheet/")
    page.go_back()
    wait_for_path(page, f"/{lesson.id}/")
    page.goto(page.url.split("teachers/")[0] + "teachers/")
    with page.expect_download() as zipped:
        page.locator(f"a[href$='{ZIP_PATH.rsplit('/', 1)[1]}']").click()
    assert zipped.value.suggested_filename.endswith(".zip")
    page.locator("article a", has_text="quiz downloads for your LMS").click()
    wait_for_path(page, "/teachers/downloads/")
    with page.expect_download() as gift:
        page.locator("a[download][href*='/gift/']").first.click()
    assert "$CATEGORY" in Path(gift.value.path()).read_text(encoding="utf-8")
    assert watched.errors == []


def test_the_offline_copy_works_from_file_with_no_network(offline_page, site_data):
    page, base, errors, blocked = offline_page
    page.goto(base + "funnel.html")
    page.locator("#chart-customer .mvs-chart__frame").hover(position={"x": 4, "y": 4})  # plotly.js loads on intent
    page.locator("#chart-customer .mvs-chart__plot[data-drawn] .main-svg").first.wait_for(state="attached")
    quiz = site_data.quiz("funnel")
    question = next(q for q in quiz.questions if q.kind == "single")
    right = next(i for i, o in enumerate(question.options) if o.correct)
    page.locator(f"#quiz-{quiz.id}").scroll_into_view_if_needed()
    page.locator(f"#quiz-{quiz.id}.mvs-quiz--ready").wait_for()
    box = page.locator(f"#{quiz.id}-{question.id}")
    box.locator(f"input[value='{right}']").check()
    box.locator(".mvs-q__check").click()
    assert box.locator(".mvs-q__feedback").inner_text().startswith("Right.")
    page.locator("nav.md-nav--primary a[href$='definitions.html']").first.click()
    wait_for_path(page, "/definitions.html")
    page.locator(".md-search__input").click()
    page.keyboard.type("objection", delay=20)
    page.locator(".md-search-result__item").first.wait_for()
    page.goto(base + "tools/checkup.html")
    for name, value in {"reached": "5000", "leads": "400", "mql": "100", "sql": "60", "offers": "40",
                        "customers": "10", "sale": "900", "t-leads": "10", "t-mql": "50", "t-sql": "50",
                        "t-offers": "50", "t-customers": "20"}.items():
        page.locator(f"#checkup-{name}").fill(value)
    page.wait_for_function("document.querySelector('[data-status]').textContent.startsWith('Your weakest')")
    page.goto(base + "tools/invest.html")
    page.locator(".mvs-invest input[type=radio]").first.check()
    page.locator("[data-result]").wait_for(state="visible")
    assert errors == [] and blocked == []
