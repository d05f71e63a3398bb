"""Quizzes in Chromium: answered by keyboard, scored, remembered, and robust to bad stored data."""

from __future__ import annotations

import json
import time

import pytest

from macros.data import models
from macros.data.messages import fill
from macros.data.quizzes import fingerprint
from macros.paths import page_url
from tests.browser.conftest import mark_document_for_instant_navigation, switch_to_dark, wait_for_path, wait_ready
from tests.browser.test_funnels import LAYOUT_SHIFT
from tests.browser.test_pages import axe_violations
from tests.browser.theme_styles import differences as theme_differences

pytestmark = pytest.mark.browser
KEY = "mvs-quiz-progress"
FIRST_LETTER = {"marketing": "M", "sales": "S", "both": "B"}


def first_of_kind(site_data, kind: str) -> tuple[models.QuizFile, object]:
    for quiz in site_data.quizzes:
        for question in quiz.questions:
            if question.kind == kind:
                return quiz, question
    raise AssertionError(f"no {kind} question in data/quizzes/")


def fieldset(page, quiz, question):
    return page.locator(f"#{quiz.id}-{question.id}")


def ready(page, quiz) -> None:
    """Bring the quiz near the screen, which loads its script, and wait until it has started."""
    page.locator(f"#quiz-{quiz.id}").scroll_into_view_if_needed()
    page.locator(f"#quiz-{quiz.id}.mvs-quiz--ready").wait_for()


def tab_to(page, selector: str, limit: int = 40) -> None:
    """Press Tab until the focused element matches selector."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate("s => document.activeElement.matches(s)", selector):
            return
    raise AssertionError(f"Tab never reached {selector}")


def answer_by_keyboard(page, quiz, question, correct: bool = True, partly: bool = False) -> None:
    """Answer with the keyboard only, starting from the question's first control.

    partly: every right option plus the first wrong one (multiple), every item right but the
    first (classify), one item out of place (order)."""
    ready(page, quiz)
    box = fieldset(page, quiz, question)
    qid = f"#{quiz.id}-{question.id}"
    kind = question.kind
    if kind in ("single", "true_false"):
        want = str(question.answer).lower() if kind == "true_false" else str(
            next(i for i, o in enumerate(question.options) if o.correct))
        box.locator("input").first.focus()
        page.keyboard.press("Space")
        for _ in range(8):
            value = page.evaluate("() => document.activeElement.value")
            if (value == want) == correct:
                break
            page.keyboard.press("ArrowDown")
    elif kind == "multiple":
        right = {str(i) for i, o in enumerate(question.options) if o.correct}
        chosen = right | {str(next(i for i, o in enumerate(question.options) if not o.correct))} if partly else (
            right if correct else {str(i) for i in range(len(question.options))} - right)
        box.locator("input").first.focus()
        for i in range(len(question.options)):
            if i:
                page.keyboard.press("Tab")
            if page.evaluate("() => document.activeElement.value") in chosen:
                page.keyboard.press("Space")
    elif kind == "classify":
        box.locator("select").first.focus()
        for i in range(len(question.items)):
            if i:
                page.keyboard.press("Tab")
            item = int(page.evaluate("() => document.activeElement.closest('li').dataset.item"))
            right_here = item != 0 if partly else correct
            category = question.items[item].answer if right_here else (
                "sales" if question.items[item].answer != "sales" else "marketing")
            page.keyboard.type(FIRST_LETTER[category])
    else:  # order: move each item up to its place, keeping focus on the moved item's button
        for target in range(len(question.items)):
            at = box.locator(".mvs-q__order > li").evaluate_all(
                "(items, t) => items.findIndex(li => li.dataset.item === String(t))", target)
            box.locator(f".mvs-q__order > li[data-item='{target}'] [data-move='-1']").focus()
            for _ in range(at - target):
                page.keyboard.press("Enter")
        if not correct or partly:
            box.locator(".mvs-q__order > li").first.locator("[data-move='1']").focus()
            page.keyboard.press("Enter")
    tab_to(page, f"{qid} .mvs-q__check")
    page.keyboard.press("Enter")


def stored(page) -> dict:
    return page.evaluate("k => JSON.parse(localStorage.getItem(k))", KEY)


@pytest.mark.parametrize("kind", list(models.QUESTION_KINDS))
def test_each_kind_answers_by_keyboard_with_announced_feedback(open_page, site_data, kind):
    quiz, question = first_of_kind(site_data, kind)
    watched = open_page(page_url(quiz.page, True))
    page = watched.page
    answer_by_keyboard(page, quiz, question)
    box = fieldset(page, quiz, question)
    feedback = box.locator(".mvs-q__feedback")
    assert feedback.get_attribute("role") == "status"
    assert feedback.inner_text().startswith("Right.")
    explanation = box.locator(".mvs-q__answer .mvs-q__explanation").text_content().strip()
    assert explanation and explanation in feedback.text_content()
    # A right answer has nothing to try again: focus rests on the feedback, and the card says "right".
    assert box.get_attribute("data-result") == "right"
    assert not box.locator(".mvs-q__retry").is_visible()
    assert page.evaluate("() => document.activeElement.classList.contains('mvs-q__feedback')")
    assert watched.errors == []


@pytest.mark.parametrize("kind", list(models.QUESTION_KINDS))
def test_a_wrong_answer_offers_try_again_which_brings_the_question_back(open_page, site_data, kind):
    quiz, question = first_of_kind(site_data, kind)
    page = open_page(page_url(quiz.page, True)).page
    answer_by_keyboard(page, quiz, question, correct=False)
    box = fieldset(page, quiz, question)
    feedback = box.locator(".mvs-q__feedback")
    # One item moved out of place still keeps some pairs in order: a wrong order is partly right.
    assert feedback.inner_text().startswith("Partly right" if kind == "order" else "Not quite")
    assert box.get_attribute("data-result") == ("partly" if kind == "order" else "wrong")
    assert page.evaluate("() => document.activeElement.classList.contains('mvs-q__retry')")
    page.keyboard.press("Enter")
    assert feedback.inner_text() == ""
    assert box.get_attribute("data-result") is None
    assert box.locator(".mvs-q__check").is_visible()


def test_a_wrong_choice_names_the_right_answer_without_its_praise(open_page, site_data):
    """After a wrong answer the right option is named, not followed by feedback written for those who chose it."""
    quiz, question = first_of_kind(site_data, "true_false")
    page = open_page(page_url(quiz.page, True)).page
    answer_by_keyboard(page, quiz, question, correct=False)
    text = fieldset(page, quiz, question).locator(".mvs-q__feedback").inner_text()
    right = "True" if question.answer else "False"
    praise = question.feedback_true if question.answer else question.feedback_false
    assert fill(site_data.interface.quiz.the_answer_is, option=right) in text
    assert " ".join(praise.split()) not in " ".join(text.split())


@pytest.mark.parametrize("kind", ["multiple", "classify", "order"])
def test_partly_right_answers_get_partial_credit(open_page, site_data, kind):
    quiz, question = first_of_kind(site_data, kind)
    page = open_page(page_url(quiz.page, True)).page
    answer_by_keyboard(page, quiz, question, partly=True)
    text = fieldset(page, quiz, question).locator(".mvs-q__feedback").inner_text()
    score = stored(page)["quizzes"][quiz.id]["answers"][question.id]["score"]
    assert text.startswith("Partly right")
    if kind == "multiple":  # every right option chosen, and one wrong one: a share of the wrong ones off
        wrong = sum(not o.correct for o in question.options)
        assert score == pytest.approx(1 - 1 / wrong)
    elif kind == "classify":  # all items but one in the right box
        n = len(question.items)
        assert score == pytest.approx((n - 1) / n)
        assert f"{n - 1} of {n}" in text
    else:  # one item moved down by one: all but two neighboring pairs still follow
        n = len(question.items)
        assert score == pytest.approx((n - 3) / (n - 1))
        assert f"{n - 3} of {n - 1}" in text


def test_right_options_cancelled_by_wrong_ones_score_nothing_and_say_not_quite(open_page, site_data):
    quiz, question = first_of_kind(site_data, "multiple")
    page = open_page(page_url(quiz.page, True)).page
    ready(page, quiz)
    box = fieldset(page, quiz, question)
    first_right = next(i for i, o in enumerate(question.options) if o.correct)
    for i, option in enumerate(question.options):
        if i == first_right or not option.correct:
            box.locator(f"input[value='{i}']").check()
    box.locator(".mvs-q__check").click()
    right = sum(o.correct for o in question.options)
    wrong = len(question.options) - right
    text = box.locator(".mvs-q__feedback").inner_text()
    assert text.startswith(fill(site_data.interface.quiz.multiple_cancelled, hits=1, right=right, wrong=wrong))
    assert box.get_attribute("data-result") == "wrong"
    assert stored(page)["quizzes"][quiz.id]["answers"][question.id]["score"] == 0


def test_answering_without_choosing_asks_for_a_choice(open_page, site_data):
    quiz, question = first_of_kind(site_data, "single")
    page = open_page(page_url(quiz.page, True)).page
    ready(page, quiz)
    box = fieldset(page, quiz, question)
    box.locator(".mvs-q__check").click()
    assert box.locator(".mvs-q__feedback").inner_text() == site_data.interface.quiz.choose_answer
    assert page.evaluate("k => localStorage.getItem(k)", KEY) is None


def test_progress_survives_a_reload(open_page, site_data):
    quiz = site_data.quiz("processes")
    page = open_page(page_url(quiz.page, True)).page
    first, second = quiz.questions[0], quiz.questions[1]
    answer_by_keyboard(page, quiz, first)
    answer_by_keyboard(page, quiz, second, correct=False)
    before = {q.id: fieldset(page, quiz, q).locator(".mvs-q__feedback").inner_text() for q in (first, second)}
    summary = page.locator(f"#quiz-{quiz.id} .mvs-quiz__score").inner_text()
    assert summary.startswith(f"Answered 2 of {len(quiz.questions)}")
    page.reload()
    ready(page, quiz)
    for q in (first, second):
        box = fieldset(page, quiz, q)
        assert box.locator(".mvs-q__feedback").inner_text() == before[q.id]
    # The wrong answer can be tried again; the right one has nothing to try.
    assert fieldset(page, quiz, second).locator(".mvs-q__retry").is_visible()
    assert not fieldset(page, quiz, first).locator(".mvs-q__retry").is_visible()
    assert page.locator(f"#quiz-{quiz.id} .mvs-quiz__score").inner_text() == summary
    untouched = fieldset(page, quiz, quiz.questions[2])
    assert untouched.locator(".mvs-q__feedback").inner_text() == ""
    # "Start this quiz again" clears it, on the page and in storage.
    page.locator(f"#quiz-{quiz.id} .mvs-quiz__restart").click()
    assert fieldset(page, quiz, first).locator(".mvs-q__feedback").inner_text() == ""
    assert quiz.id not in stored(page)["quizzes"]


def corrupt_values(quiz) -> list[str]:
    real = fingerprint(quiz)
    q0 = quiz.questions[0].id

    def with_answer(answer: object, **entry: object) -> str:
        base = {"fingerprint": real, "updated": 1, "answers": {q0: answer}}
        return json.dumps({"version": 1, "quizzes": {quiz.id: {**base, **entry}}})

    return [
        "{not json",
        '"a string"',
        "null",
        "[]",
        json.dumps({"version": 0, "quizzes": {}}),  # an older version
        json.dumps({"version": 1, "quizzes": []}),
        json.dumps({"version": 1, "quizzes": {quiz.id: "yes"}}),
        with_answer({"response": 0, "score": 1}, fingerprint="0ld"),  # an older version of this quiz
        with_answer({"response": 0, "score": 1}, updated="yesterday"),
        with_answer({"response": [99, "x"], "score": 0.5}),
        with_answer({"response": {"a": 1}, "score": 7}),
        with_answer("right"),
    ]


def test_corrupt_or_old_stored_progress_is_dropped_without_breaking_the_page(open_page, site_data):
    quiz = site_data.quiz("processes")
    watched = open_page(page_url(quiz.page, True))
    page = watched.page
    question = quiz.questions[0]
    for value in corrupt_values(quiz):
        page.evaluate("([k, v]) => localStorage.setItem(k, v)", [KEY, value])
        page.reload()
        ready(page, quiz)
        assert fieldset(page, quiz, question).locator(".mvs-q__feedback").inner_text() == "", value
        answer_by_keyboard(page, quiz, question)
        assert fieldset(page, quiz, question).locator(".mvs-q__feedback").inner_text().startswith("Right."), value
        saved = stored(page)
        assert saved["version"] == 1 and saved["quizzes"][quiz.id]["answers"][question.id]["score"] == 1, value
    assert watched.errors == []


def test_the_progress_page_shows_each_quiz_and_resets(open_page, site_data):
    quiz = site_data.quiz("processes")
    page = open_page(page_url(quiz.page, True)).page
    answer_by_keyboard(page, quiz, quiz.questions[0])
    answer_by_keyboard(page, quiz, quiz.questions[1])
    page.goto(page.url.split("processes/")[0] + "quizzes/progress/")
    page.locator(".mvs-progress--ready").wait_for()
    row = page.locator(f"tr[data-quiz='{quiz.id}']")
    assert row.locator("[data-cell=answered]").inner_text() == f"2 of {len(quiz.questions)}"
    assert row.locator("[data-cell=score]").inner_text() == "2 out of 2 (100%)"
    assert row.locator("[data-cell=last]").inner_text() not in ("", "Not started")
    other = page.locator("tr[data-quiz='definitions']")
    assert other.locator("[data-cell=last]").inner_text() == "Not started"
    assert "started 1 of" in page.locator(".mvs-progress__total").inner_text()
    page.locator(".mvs-progress__reset").focus()
    page.keyboard.press("Enter")
    assert page.evaluate("() => document.activeElement.classList.contains('mvs-progress__confirm')")
    page.keyboard.press("Enter")
    assert row.locator("[data-cell=answered]").inner_text() == f"0 of {len(quiz.questions)}"
    assert row.locator("[data-cell=last]").inner_text() == "Not started"
    assert stored(page) == {"version": 1, "quizzes": {}}


def test_a_quiz_works_after_instant_navigation(open_page, site_data):
    quiz = site_data.quiz("definitions")
    watched = open_page("faq/")
    page = watched.page
    mark_document_for_instant_navigation(page)
    page.locator("nav.md-nav--primary a[href$='definitions/']").first.click()
    wait_for_path(page, "/definitions/")
    answer_by_keyboard(page, quiz, quiz.questions[1])
    assert fieldset(page, quiz, quiz.questions[1]).locator(".mvs-q__feedback").inner_text().startswith("Right.")
    assert page.evaluate("window.__sameDocument === true")
    assert watched.errors == []


def test_options_are_shuffled_on_each_visit(open_page, site_data):
    quiz, question = next((z, q) for z in site_data.quizzes for q in z.questions
                          if q.kind in ("single", "multiple") and len(q.options) >= 4)
    orders = set()
    for _ in range(6):  # the same order six times running: 1 in 24^5 with four options
        page = open_page(page_url(quiz.page, True)).page
        ready(page, quiz)
        orders.add(tuple(fieldset(page, quiz, question).locator("input").evaluate_all("els => els.map(e => e.value)")))
        if len(orders) > 1:
            break
    assert len(orders) > 1


def test_without_javascript_questions_and_folded_answers_are_there(browser, base_url, site_data):
    quiz = site_data.quiz("final")
    context = browser.new_context(java_script_enabled=False)
    try:
        page = context.new_page()
        page.goto(base_url + page_url(quiz.page, True))
        boxes = page.locator("fieldset.mvs-q")
        assert boxes.count() == len(quiz.questions)
        for i in range(boxes.count()):
            box = boxes.nth(i)
            assert box.locator("legend").is_visible()
            answer = box.locator("details.mvs-q__answer")
            assert answer.is_visible() and answer.get_attribute("open") is None
            assert not box.locator(".mvs-q__check").is_visible()
            assert not box.locator(".mvs-q__why").first.is_visible()
        page.locator("details.mvs-q__answer summary").first.click()
        assert boxes.first.locator(".mvs-q__why").is_visible()
        assert page.locator(".mvs-quiz__without-js").is_visible()
    finally:
        context.close()


def test_printed_quiz_shows_questions_without_answers(open_page, site_data):
    quiz = site_data.quiz("processes")
    page = open_page(page_url(quiz.page, True)).page
    answer_by_keyboard(page, quiz, quiz.questions[0])
    page.emulate_media(media="print")
    box = fieldset(page, quiz, quiz.questions[0])
    assert box.locator("legend").is_visible()
    assert box.locator(".mvs-q__order > li").first.is_visible()
    for hidden in (".mvs-q__answer", ".mvs-q__feedback", ".mvs-q__actions", ".mvs-q__hint", ".mvs-q__mark"):
        assert page.locator(f"#quiz-{quiz.id} {hidden}:visible").count() == 0, hidden
    assert page.locator(f"#quiz-{quiz.id} .mvs-quiz__summary").is_hidden()
    assert page.locator(f"#quiz-{quiz.id} .mvs-q__print-choices:visible").count() > 0


@pytest.mark.parametrize("width", [360, 1280])
def test_answered_quiz_passes_axe_in_both_palettes(open_page, axe_source, site_data, width):
    """Answers right, wrong and partly right on show, with a "why each choice" opened: axe-clean (WCAG 2.2 AA,
    target size included) on a phone and a desktop, in the light and the dark palette, and styled by the
    cut-down theme exactly as by the full one."""
    quiz = site_data.quiz("final")
    page = open_page(page_url(quiz.page, True), width=width).page
    shown = {}
    for question in quiz.questions:
        if "partly" not in shown and question.kind in ("multiple", "classify", "order"):
            answer_by_keyboard(page, quiz, question, partly=True)
            shown["partly"] = question
        elif "right" not in shown:
            answer_by_keyboard(page, quiz, question)
            shown["right"] = question
        elif "wrong" not in shown and question.kind != "order":
            answer_by_keyboard(page, quiz, question, correct=False)
            shown["wrong"] = question
    assert {state: fieldset(page, quiz, q).get_attribute("data-result") for state, q in shown.items()} == {
        "right": "right", "wrong": "wrong", "partly": "partly"}
    fieldset(page, quiz, shown["partly"]).locator(".mvs-q__details summary").click()
    assert axe_violations(page, axe_source) == []
    assert theme_differences(page) == []
    switch_to_dark(page)
    assert axe_violations(page, axe_source) == []
    assert theme_differences(page) == []


def test_the_quiz_script_loads_only_when_the_quiz_comes_near(open_page, site_data):
    quiz = site_data.quiz("processes")
    page = open_page(page_url(quiz.page, True)).page

    def requested() -> bool:
        return page.evaluate("performance.getEntriesByType('resource').some(e => e.name.endsWith('/quizzes.js'))")

    page.wait_for_timeout(300)
    assert not requested()
    assert page.locator(f"#quiz-{quiz.id}.mvs-quiz--ready").count() == 0
    ready(page, quiz)
    assert requested()


def test_a_quiz_costs_no_elements_until_it_comes_near(open_page, site_data):
    quiz = site_data.quiz("definitions")
    page = open_page(page_url(quiz.page, True)).page
    assert page.locator(".mvs-q").count() == 0
    assert page.locator(f"#quiz-{quiz.id} noscript[data-quiz-body]").count() == 1
    elements = page.evaluate("document.getElementsByTagName('*').length")
    ready(page, quiz)
    assert page.locator(f"#quiz-{quiz.id} fieldset.mvs-q").count() == len(quiz.questions)
    assert page.evaluate("document.getElementsByTagName('*').length") > elements + 10 * len(quiz.questions)


@pytest.mark.parametrize("width", [360, 1280])
def test_a_page_given_over_to_its_quiz_shows_it_at_once_with_nothing_moving(browser, base_url, site_data, width):
    """The final quiz is the page's content: its questions come with the page (no <noscript> to unfold), laid
    out from the first paint as the script will leave them, so the page does not shift when the quiz starts,
    even when quizzes.js arrives late, as on a slow phone (Lighthouse counted 0.2 when it was folded)."""
    quiz = site_data.quiz("final")
    context = browser.new_context(viewport={"width": width, "height": 740})
    page = context.new_page()
    page.route("**/assets/quizzes.js", lambda route: (time.sleep(0.8), route.continue_()))
    page.goto(base_url + page_url(quiz.page, True), wait_until="load")
    assert page.locator(f"#quiz-{quiz.id} noscript").count() == 0
    page.evaluate(LAYOUT_SHIFT)
    ready(page, quiz)
    page.wait_for_timeout(300)
    assert page.locator(f"#quiz-{quiz.id} fieldset.mvs-q").count() == len(quiz.questions)
    assert page.evaluate("window.__shift") < 0.001
    context.close()


RENDERED_FOCUS = """() => { const el = document.activeElement;
    return el !== document.body && el.getClientRects().length > 0 && getComputedStyle(el).visibility === 'visible'
        ? null : `${el.tagName}.${el.className}`; }"""


def test_the_keyboard_reaching_a_quiz_before_its_script_keeps_its_focus_when_the_script_arrives(browser, base_url,
                                                                                                  site_data):
    """Tabbing into a quiz starts its script; until the script arrives nothing the keyboard can reach is a part the
    script then hides (a no-JS "Answer") or moves (an option it shuffles), so focus never drops off the page."""
    quiz = site_data.quiz("definitions")
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    held = []
    page.route("**/assets/quizzes.js", lambda route: held.append(route))
    page.goto(base_url + page_url(quiz.page, True), wait_until="load")
    wait_ready(page)
    page.locator("#check-your-understanding a.headerlink").focus()
    page.locator(f"#quiz-{quiz.id} .mvs-quiz__body").wait_for(state="attached")  # unfolded as it came near
    lost = []
    for _ in range(12):
        page.keyboard.press("Tab")
        if found := page.evaluate(RENDERED_FOCUS):
            lost.append(found)
    for _ in range(50):
        if held:
            break
        page.wait_for_timeout(100)
    assert held, "the keyboard reaching the quiz asks for its script"
    held[0].continue_()
    ready(page, quiz)
    page.evaluate("() => new Promise(done => requestAnimationFrame(() => requestAnimationFrame(done)))")
    if found := page.evaluate(RENDERED_FOCUS):
        lost.append(f"after the script: {found}")
    assert lost == []
    context.close()


@pytest.mark.parametrize("quiz_id", ["definitions", "final"])
def test_a_quiz_whose_script_cannot_be_had_works_as_without_javascript(browser, base_url, site_data, quiz_id):
    """The connection drops before quizzes.js arrives: the quiz shows its options and its "Answer"s, as a quiz
    does without JavaScript, instead of waiting for the script with its options hidden."""
    quiz = site_data.quiz(quiz_id)
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.route("**/assets/quizzes.js", lambda route: route.abort())
    page.goto(base_url + page_url(quiz.page, True), wait_until="load")
    page.locator(f"#quiz-{quiz.id}").scroll_into_view_if_needed()  # near the screen: its script is asked for
    first = page.locator(f"#quiz-{quiz.id} fieldset.mvs-q").first
    answer = first.locator("details.mvs-q__answer > summary")
    answer.wait_for(state="visible")
    options = first.locator(".mvs-q__options, .mvs-q__items, .mvs-q__order").first
    assert options.evaluate("el => getComputedStyle(el).visibility") == "visible"
    answer.click()
    assert first.locator("details.mvs-q__answer").get_attribute("open") is not None
    context.close()


def test_printing_unfolds_the_quiz_even_before_it_was_near(open_page, site_data):
    quiz = site_data.quiz("definitions")
    page = open_page(page_url(quiz.page, True)).page
    page.emulate_media(media="print")
    boxes = page.locator(f"#quiz-{quiz.id} fieldset.mvs-q")
    boxes.first.wait_for()
    assert boxes.count() == len(quiz.questions)
    assert boxes.first.locator("legend").is_visible()


def test_a_link_to_a_question_opens_the_quiz_there(open_page, site_data):
    quiz = site_data.quiz("definitions")
    question = quiz.questions[-1]
    watched = open_page(f"{page_url(quiz.page, True)}#{quiz.id}-{question.id}")
    page = watched.page
    page.locator(f"#quiz-{quiz.id}.mvs-quiz--ready").wait_for()
    box = fieldset(page, quiz, question)
    on_screen = "el => { const r = el.getBoundingClientRect(); return r.top < innerHeight && r.bottom > 0; }"
    page.wait_for_function(on_screen, arg=box.element_handle())
    assert watched.errors == []
