"""The slides for a projector in Chromium: keys a clicker sends, the address, the notes window, quizzes with a
tally, text size and fit on three screens, axe in both palettes, print, and the offline copy from file://."""

from __future__ import annotations

import io
import re

import pytest
from pypdf import PdfReader

from macros import paths
from macros.data import models
from macros.paths import page_url
from macros.render.present import deck_pages
from tests.browser.conftest import Watched, resize_and_settle, switch_to_dark, wait_for_path, wait_ready
from tests.browser.test_pages import COLOUR_RULES, axe_violations

pytestmark = pytest.mark.browser
SIZES = [(1024, 768), (1280, 720), (1920, 1080)]
# Not the main text: the line above a heading, citations, the keys, an owner's tag, the buttons and tallies.
SMALL = ".pr-kicker, .mvs-cite, .pr-keys, .pr-small, .pr-owner, .pr-quiz-actions, .pr-tally, svg"


def deck_url(src: str, directory_urls: bool = True) -> str:
    return page_url(paths.present_page(src), directory_urls)


@pytest.fixture
def open_deck(browser, base_url):
    contexts = []

    def opener(src: str, hash_: str = "", width: int = 1280, height: int = 720, color_scheme: str = "light",
               **options) -> Watched:
        context = browser.new_context(viewport={"width": width, "height": height}, color_scheme=color_scheme,
                                      **options)
        contexts.append(context)
        watched = Watched(context.new_page(), base_url)
        watched.page.goto(base_url + deck_url(src) + hash_, wait_until="load")
        watched.page.wait_for_selector("body[data-ready]")
        return watched

    yield opener
    for context in contexts:
        context.close()


def current(page) -> tuple[int, str]:
    """The slide on screen: its number and heading (and only one slide is on screen)."""
    shown = page.locator(".pr-slide:visible")
    assert shown.count() == 1
    return int(shown.get_attribute("data-slide")), shown.locator(".pr-heading").inner_text()


def heading_of(page, n: int) -> str:
    return page.locator(f"#slide-{n} .pr-heading").text_content().strip()


def number_in_address(page) -> int:
    return int(page.evaluate("location.hash").lstrip("#"))


def test_keys_a_clicker_sends_move_the_slides_and_the_address_follows(open_deck):
    watched = open_deck(paths.DEFINITIONS)
    page = watched.page
    count = page.locator(".pr-slide").count()
    assert current(page) == (1, heading_of(page, 1))
    for key, expected in [("PageDown", 2), ("ArrowRight", 3), ("Space", 4), ("ArrowDown", 5), ("PageUp", 4),
                          ("ArrowLeft", 3), ("Shift+Space", 2), ("ArrowUp", 1), ("ArrowUp", 1), ("End", count),
                          ("PageDown", count), ("Home", 1)]:
        page.keyboard.press(key)
        assert current(page) == (expected, heading_of(page, expected)), key
        assert number_in_address(page) == expected
        assert page.locator("[data-counter]").inner_text().startswith(str(expected))
    page.keyboard.press("End")
    assert page.locator("[data-status]").inner_text().endswith(heading_of(page, count))  # announced politely
    assert page.locator("[data-status]").get_attribute("aria-live") == "polite"
    assert watched.errors == [] and watched.off_origin == []


def test_a_reload_or_a_shared_link_opens_the_same_slide(open_deck):
    page = open_deck(paths.PROCESSES, "#5").page
    assert current(page)[0] == 5
    page.keyboard.press("PageDown")
    page.reload()
    page.wait_for_selector("body[data-ready]")
    assert current(page)[0] == 6
    page.evaluate("location.hash = '#3'")
    page.wait_for_function("document.querySelector('#slide-3').classList.contains('is-current')")
    assert current(page)[0] == 3


def test_click_swipe_and_buttons_move_the_slides_and_escape_returns_to_the_page(open_deck):
    page = open_deck(paths.DEFINITIONS, has_touch=True).page
    page.locator("#slide-1 .pr-heading").click()
    assert current(page)[0] == 2
    swipe = """dx => { const deck = document.querySelector('[data-deck]');
        const at = x => [new Touch({identifier: 1, target: deck, clientX: x, clientY: 300})];
        deck.dispatchEvent(new TouchEvent('touchstart', {touches: at(640), changedTouches: at(640), bubbles: true}));
        deck.dispatchEvent(new TouchEvent('touchend', {touches: [], changedTouches: at(640 + dx), bubbles: true})); }"""
    page.evaluate(swipe, -300)
    assert current(page)[0] == 3
    page.evaluate(swipe, 300)
    assert current(page)[0] == 2
    page.get_by_role("button", name=page.locator("[data-go='1']").inner_text()).click()
    assert current(page)[0] == 3
    page.locator("[data-go='-1']").click()
    assert current(page)[0] == 2
    page.keyboard.press("Escape")
    wait_for_path(page, "/" + page_url(paths.DEFINITIONS, True))


def test_every_page_with_slides_links_to_them(browser, base_url, site_data):
    context = browser.new_context()
    page = context.new_page()
    for src in deck_pages(site_data):
        page.goto(base_url + page_url(src, True))
        link = page.locator("article .mvs-present-link a")
        assert link.inner_text() == site_data.interface.present.link
        assert link.get_attribute("href").endswith(deck_url(src).split("/", 1)[1])
    page.goto(base_url + page_url(paths.DEFINITIONS, True))
    page.locator("article .mvs-present-link a").click()
    page.wait_for_selector("body[data-ready]")
    assert current(page)[0] == 1
    page.goto(base_url + page_url("faq.md", True))
    assert page.locator(".mvs-present-link").count() == 0
    context.close()


def test_the_notes_window_follows_the_slides_and_the_slides_show_no_notes(open_deck, site_data):
    lesson = site_data.teaching.lessons[0]
    watched = open_deck(paths.lesson_pages(lesson.id)[0])
    page = watched.page
    step = lesson.steps[1]
    n = next(i for i in range(1, page.locator(".pr-slide").count() + 1) if heading_of(page, i) == step.title)
    page.keyboard.press("End")
    with page.context.expect_page() as opened:
        page.keyboard.press("n")
    notes = opened.value
    notes.wait_for_selector("body[data-ready]")
    assert notes.locator(".pr-slide:visible").count() == 0
    assert notes.locator("[data-notes-status]").inner_text().endswith(heading_of(page, current(page)[0]))
    page.keyboard.press("Home")
    for _ in range(n - 1):
        page.keyboard.press("PageDown")
    notes.wait_for_function(f"document.querySelector('[data-notes-status]').textContent.endsWith({step.title!r})")
    activity = words(notes.locator("[data-notes-body]").inner_text())
    first = words(re.sub(r"\[([^]]*)\]\([^)]*\)", r"\1", step.activity.replace("**", "")))[:60]
    assert first in activity and str(step.minutes) in activity
    assert first not in words(page.locator("body").inner_text())  # never on the projected slide
    assert page.locator(".pr-notes:visible").count() == 0
    notes.keyboard.press("PageDown")  # the notes window moves the slides too
    page.wait_for_function(f"document.querySelector('#slide-{n + 1}').classList.contains('is-current')")
    assert watched.errors == []


def words(text: str) -> str:
    return re.sub(r"[^a-z0-9:]+", " ", text.lower()).strip()


def quiz_slide(page, kind: str) -> int:
    """The first slide with a question of this kind."""
    return int(page.locator(f".pr-slide--quiz:has(.pr-options--{kind})").first.get_attribute("data-slide"))


def test_a_quiz_question_reveals_its_answer_then_why_and_keeps_the_hands_counted(open_deck, site_data):
    quiz = next(q for q in site_data.quizzes if q.page == paths.DEFINITIONS)
    page = open_deck(paths.DEFINITIONS).page
    n = quiz_slide(page, "single")
    page.evaluate(f"location.hash = '#{n}'")
    page.wait_for_function(f"document.querySelector('#slide-{n}').classList.contains('is-current')")
    question = next(q for q in quiz.questions if q.prompt == heading_of(page, n))
    assert isinstance(question, models.SingleChoice)
    slide = page.locator(f"#slide-{n}")
    options = slide.locator(".pr-option")
    assert options.count() == len(question.options)
    for _ in range(3):
        options.nth(1).get_by_role("button", name=re.compile("B")).last.click()
    options.nth(1).get_by_role("button", name=re.compile("B")).first.click()
    options.nth(0).locator("input").fill("6")
    page.keyboard.press("Escape")  # leaves the field; the slides stay
    assert current(page)[0] == n
    assert [options.nth(i).locator("input").input_value() for i in range(2)] == ["6", "2"]
    bars = slide.locator(".pr-tally__bar").evaluate_all("bars => bars.map(b => b.getBoundingClientRect().width)")
    assert bars[0] == pytest.approx(3 * bars[1], rel=0.05) and bars[2] == 0
    right = next(i for i, o in enumerate(question.options) if o.correct)
    assert slide.locator(".pr-option__answer:visible").count() == 0
    explanation = slide.locator("[data-explanation]")
    assert explanation.is_hidden()
    page.keyboard.press("r")
    assert [i for i in range(options.count()) if options.nth(i).locator(".pr-option__answer").is_visible()
            and options.nth(i).locator(".pr-option__answer").inner_text()] == [right]
    assert explanation.is_hidden()
    slide.locator("[data-reveal]").click()  # the button does what R does
    assert explanation.is_visible()
    assert words(question.explanation.split("[")[0])[:40] in words(explanation.inner_text())
    page.keyboard.press("r")
    assert explanation.is_hidden() and slide.locator(".pr-option__answer:visible").count() == 0
    page.reload()
    page.wait_for_selector("body[data-ready]")
    assert [options.nth(i).locator("input").input_value() for i in range(2)] == ["6", "2"]
    slide.locator("[data-clear]").click()
    assert options.nth(0).locator("input").input_value() == "0"


def test_sorting_and_ordering_questions_reveal_each_items_answer(open_deck, site_data):
    page = open_deck(paths.FUNNEL).page
    owners = site_data.interface.owners.model_dump()
    for kind in ("classify", "order"):
        n = quiz_slide(page, kind)
        page.evaluate(f"location.hash = '#{n}'")
        page.wait_for_function(f"document.querySelector('#slide-{n}').classList.contains('is-current')")
        quiz = next(q for q in site_data.quizzes if q.page == paths.FUNNEL)
        question = next(q for q in quiz.questions if q.prompt == heading_of(page, n))
        page.keyboard.press("r")
        answers = page.locator(f"#slide-{n} .pr-option__answer").all_inner_texts()
        texts = page.locator(f"#slide-{n} .pr-option__text").all_inner_texts()
        for text, answer in zip(texts, answers, strict=True):
            item = next(i for i in question.items if i.text == text)
            if kind == "order":
                assert int(answer) == question.items.index(item) + 1
            else:
                assert answer == owners[item.answer]


# Text on a slide that is smaller than 28 px (the SMALL parts, such as citations, may be).
SMALL_TEXT = """small => {
    const found = [];
    for (const slide of document.querySelectorAll('[data-slide]')) {
        location.hash = '#' + slide.dataset.slide;
        window.dispatchEvent(new HashChangeEvent('hashchange'));
        for (const el of slide.querySelectorAll('.pr-slide__body *')) {
            if (el.closest(small) || !el.getClientRects().length) continue;
            const text = [...el.childNodes].some(n => n.nodeType === 3 && n.textContent.trim());
            const size = parseFloat(getComputedStyle(el).fontSize);
            if (text && size < 28) found.push(`${slide.dataset.slide}: ${el.tagName} ${size}px`);
        }
    }
    return found;
}"""


OVERFLOW = """() => {
    const found = [];
    for (const slide of document.querySelectorAll('[data-slide]')) {
        location.hash = '#' + slide.dataset.slide;
        window.dispatchEvent(new HashChangeEvent('hashchange'));
        const button = slide.querySelector('[data-reveal]');
        for (let state = 0; state < (button ? 3 : 1); state++) {
            const body = slide.querySelector('.pr-slide__body');
            for (const box of [slide, body]) {
                if (box.scrollHeight > box.clientHeight + 1 || box.scrollWidth > box.clientWidth + 1) {
                    const by = box.scrollHeight - box.clientHeight;
                    found.push(`slide ${slide.dataset.slide} (state ${state}): ${by}px too tall`);
                }
            }
            const edge = body.getBoundingClientRect();
            for (const el of body.querySelectorAll('*')) {
                const r = el.getBoundingClientRect();
                if (r.width && (r.right > edge.right + 1 || r.bottom > edge.bottom + 1)) {
                    found.push(`slide ${slide.dataset.slide} (state ${state}): ${el.tagName} cut off`);
                    break;
                }
            }
            if (button) button.click();
        }
    }
    return found;
}"""


def test_no_slide_overflows_at_any_size_and_main_text_is_28px_at_1280x720(open_deck, site_data):
    """Every deck, opened once and resized to each projector size, as a laptop moved to a projector is: no slide,
    in any of its states, is too tall or cuts anything off."""
    for src in deck_pages(site_data):
        page = open_deck(src, width=SIZES[0][0], height=SIZES[0][1]).page
        for width, height in SIZES:
            resize_and_settle(page, width, height)
            assert page.evaluate(OVERFLOW) == [], f"{src} at {width}x{height}"
            if (width, height) == (1280, 720):
                assert page.evaluate(SMALL_TEXT, SMALL) == [], src
        page.context.close()


def test_a_funnel_chart_fills_its_slide(open_deck):
    page = open_deck(paths.FUNNEL).page
    n = int(page.locator(".pr-slide--chart").first.get_attribute("data-slide"))
    page.evaluate(f"location.hash = '#{n}'")
    page.wait_for_function(f"document.querySelector('#slide-{n}').classList.contains('is-current')")
    svg = page.locator(f"#slide-{n} svg.mvs-bars").bounding_box()
    slide = page.locator(f"#slide-{n}").bounding_box()
    assert svg["height"] > 0.7 * slide["height"] and svg["width"] > 0.8 * slide["width"]
    assert page.locator(f"#slide-{n} .mvs-chart__plot").count() == 0
    assert page.evaluate("performance.getEntriesByType('resource').filter(e => e.name.includes('plotly')).length") == 0


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_slides_and_notes_pass_axe_in_both_palettes(open_deck, axe_source, site_data, scheme):
    rules = None if scheme == "light" else COLOUR_RULES  # the dark palette changes colours only
    lesson = paths.lesson_pages(site_data.teaching.lessons[0].id)[0]
    for src in (paths.DEFINITIONS, paths.DIFFERENCES, paths.FUNNEL, lesson):
        watched = open_deck(src, color_scheme=scheme)
        page = watched.page
        assert page.evaluate("document.documentElement.dataset.mdColorScheme") == (
            "slate" if scheme == "dark" else "default")
        kinds = page.locator("[data-slide]").evaluate_all(
            "slides => slides.map(s => [s.dataset.slide, s.className])")
        seen = set()
        for n, classes in kinds:
            kind = classes.split("pr-slide--")[1].split()[0]
            if kind in seen:
                continue
            seen.add(kind)
            page.evaluate(f"location.hash = '#{n}'")
            page.wait_for_function(f"document.querySelector('#slide-{n}').classList.contains('is-current')")
            assert axe_violations(page, axe_source, rules) == [], f"{src} #{n}"
            if kind == "quiz":
                page.keyboard.press("r")
                assert axe_violations(page, axe_source, rules) == [], f"{src} #{n} revealed"
                page.keyboard.press("r")
                assert axe_violations(page, axe_source, rules) == [], f"{src} #{n} explained"
        with page.context.expect_page() as opened:
            page.keyboard.press("n")
        notes = opened.value
        notes.wait_for_selector("body[data-ready]")
        assert axe_violations(notes, axe_source, rules) == [], f"{src} notes"
        notes.close()
        assert watched.errors == [] and watched.off_origin == []
        page.context.close()


def test_the_slides_follow_the_palette_chosen_on_the_site(browser, base_url):
    context = browser.new_context(color_scheme="light")
    page = context.new_page()
    page.goto(base_url + page_url(paths.FUNNEL, True))
    wait_ready(page)
    switch_to_dark(page)
    page.locator("article .mvs-present-link a").click()
    page.wait_for_selector("body[data-ready]")
    assert page.evaluate("document.documentElement.dataset.mdColorScheme") == "slate"
    colours = page.evaluate("[getComputedStyle(document.body).backgroundColor, getComputedStyle(document.body).color]")
    assert colours[0] != "rgb(255, 255, 255)" and colours[0] != colours[1]
    context.close()


def test_print_gives_one_landscape_page_per_slide_without_controls_notes_or_answers(open_deck):
    page = open_deck(paths.EXAMPLES_OVERVIEW).page
    count = page.locator(".pr-slide").count()
    page.emulate_media(media="print")
    assert page.locator(".pr-controls:visible, .pr-notes:visible, [data-answer]:visible").count() == 0
    assert page.locator(".pr-slide:visible").count() == count
    reader = PdfReader(io.BytesIO(page.pdf(prefer_css_page_size=True, print_background=True)))
    assert len(reader.pages) == count
    box = reader.pages[0].mediabox
    assert box.width > box.height
    first = " ".join((reader.pages[0].extract_text() or "").split())
    assert heading_of(page, 1) in first


def test_the_offline_copy_presents_from_file_with_no_network(offline_page, site_data):
    page, base, errors, blocked = offline_page
    page.goto(base + page_url(paths.DEFINITIONS, False))
    page.locator("article .mvs-present-link a").click()
    page.wait_for_selector("body[data-ready]")
    assert page.url.split("#")[0].endswith(deck_url(paths.DEFINITIONS, False))
    page.keyboard.press("PageDown")
    assert current(page)[0] == 2 and number_in_address(page) == 2
    with page.context.expect_page() as opened:
        page.keyboard.press("n")
    notes = opened.value
    notes.wait_for_selector("body[data-ready]")
    page.keyboard.press("PageDown")
    notes.wait_for_function("document.querySelector('[data-notes-status]').textContent.includes('3')")
    page.keyboard.press("Escape")
    wait_for_path(page, "/" + page_url(paths.DEFINITIONS, False))
    assert errors == [] and blocked == []
