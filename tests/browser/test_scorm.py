"""A SCORM 1.2 package played in Chromium under scorm-again, an open-source SCORM runtime (npm, pinned).

The runtime stands in for the learning platform: a host page sets it up as `window.API` with the mastery score
the manifest gives, and opens the package's launch page in a frame, as Moodle and others do. A learner answers
by keyboard; the score, the status and the answers are read back from the runtime.
"""

from __future__ import annotations

import functools
import io
import shutil
import threading
import zipfile
from pathlib import Path
from urllib.parse import urlencode

import pytest
from lxml import etree

from macros.data.quizzes import answer_of
from macros.exports import plan
from macros.exports import scorm as scorm_export
from tests.browser.conftest import Watched
from tests.browser.test_pages import axe_violations
from tests.conftest import ROOT, LocalServer, QuietHandler, free_port

RUNTIME = ROOT / "node_modules" / "scorm-again" / "dist" / "scorm12.js"
HOST = """<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Course</title><script src="scorm12.js"></script>
<script>
  window.API = new Scorm12API({ autocommit: false, lmsCommitUrl: false, logLevel: 5 });
  const params = new URLSearchParams(location.search);
  if (params.get("mastery")) window.API.loadFromJSON({ student_data: { mastery_score: params.get("mastery") } }, "cmi");
  // A learner coming back to an attempt: the platform hands back what the quiz left in suspend_data.
  if (params.get("suspend")) window.API.loadFromJSON({ suspend_data: params.get("suspend") }, "cmi");
  window.finished = false;
  window.API.on("LMSFinish", () => { window.finished = true; });
</script></head>
<body><iframe title="Quiz" src="pkg/index.html" style="width: 100%; height: 95vh; border: 0"></iframe></body></html>
"""


@pytest.fixture(scope="module")
def lms(built_site, site_data, tmp_path_factory):
    """Serves the host page, the runtime and one package per quiz (pkg-<quiz>/) on a free port."""
    folder = tmp_path_factory.mktemp("lms")
    shutil.copyfile(RUNTIME, folder / "scorm12.js")
    for download in plan(site_data)[0]:
        if download.format != "scorm":
            continue
        name = download.quiz or "all"
        zipfile.ZipFile(io.BytesIO((built_site / download.path).read_bytes())).extractall(folder / f"pkg-{name}")
        (folder / f"{name}.html").write_text(HOST.replace("pkg/", f"pkg-{name}/"), encoding="utf-8")
    port = free_port()
    server = LocalServer(("127.0.0.1", port), functools.partial(QuietHandler, directory=str(folder)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield folder, f"http://127.0.0.1:{port}/"
    server.shutdown()
    server.server_close()


def mastery_of(package: Path) -> str | None:
    manifest = etree.parse(str(package / "imsmanifest.xml"))
    return manifest.findtext(".//adlcp:masteryscore", namespaces={"adlcp": scorm_export.ADLCP_NS})


def open_course(browser, lms, quiz_id: str, mastery: str | None = None, suspend: str | None = None):
    url = lms[1]
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    watched = Watched(context.new_page(), url)
    query = urlencode({k: v for k, v in {"mastery": mastery, "suspend": suspend}.items() if v})
    watched.page.goto(f"{url}{quiz_id}.html" + (f"?{query}" if query else ""), wait_until="load")
    frame = watched.page.frame_locator("iframe")
    frame.locator(".mvs-quiz.mvs-quiz--ready").first.wait_for()
    return watched, frame


def cmi(page) -> dict:
    """What the runtime would send the platform on its next commit, in short."""
    sent = page.evaluate("() => JSON.parse(JSON.stringify(window.API.renderCommitCMI(false)))")["cmi"]
    core = sent["core"]
    interactions = [sent["interactions"][key] for key in sorted(sent["interactions"], key=int)]
    return {
        "raw": core["score"]["raw"], "min": core["score"]["min"], "max": core["score"]["max"],
        "status": core["lesson_status"], "exit": core["exit"], "suspend": sent["suspend_data"],
        "interactions": [{"id": i["id"], "type": i["type"], "response": i["student_response"], "result": i["result"],
                          "pattern": i["correct_responses"]["0"]["pattern"]} for i in interactions],
    }


def answer(frame, page, question, right: bool) -> None:
    """Answer one question by keyboard: rightly, or with one choice wrong."""
    fieldset = frame.locator(f"fieldset[data-question='{question.id}']")
    fieldset.scroll_into_view_if_needed()
    if question.kind in ("single", "true_false", "multiple"):
        if question.kind == "true_false":
            values = [str(question.answer ^ (not right)).lower()]
        elif question.kind == "single":
            index = next(i for i, o in enumerate(question.options) if o.correct)
            values = [str(index if right else (index + 1) % len(question.options))]
        else:
            values = [str(i) for i, o in enumerate(question.options) if o.correct == right]
        for value in values:
            fieldset.locator(f"input[value='{value}']").focus()
            page.keyboard.press("Space")
    elif question.kind == "classify":
        initial = {"marketing": "M", "sales": "S", "both": "B"}
        for i, side in enumerate(answer_of(question)):
            if not right and i == 0:
                side = next(other for other in initial if other != side)
            fieldset.locator(f"#{fieldset.get_attribute('id')}-{i}").focus()
            page.keyboard.press(initial[side])
    else:
        # Move each item up into its place: item i goes to position i.
        for target in range(len(question.items) - (0 if right else 2)):
            while True:
                order = [int(v) for v in fieldset.locator("li[data-item]").evaluate_all(
                    "items => items.map(li => li.getAttribute('data-item'))")]
                if order.index(target) == target:
                    break
                fieldset.locator(f"li[data-item='{target}'] [data-move='-1']").focus()
                page.keyboard.press("Enter")
    fieldset.locator(".mvs-q__check").focus()
    page.keyboard.press("Enter")
    fieldset.locator(".mvs-q__feedback .mvs-q__verdict-line, .mvs-q__feedback p").first.wait_for()


def test_a_quiz_reports_score_status_and_answers_to_the_platform(browser, lms, site_data):
    quiz = next(q for q in site_data.quizzes if q.pass_mark is not None)
    mastery = mastery_of(lms[0] / f"pkg-{quiz.id}")
    assert mastery == str(quiz.pass_mark)
    watched, frame = open_course(browser, lms, quiz.id, mastery)
    page = watched.page
    assert frame.locator("[data-scorm-status]").inner_text() == site_data.interface.scorm.connected
    assert cmi(page)["status"] == "incomplete"

    wrong = next(q for q in quiz.questions if q.kind in ("single", "true_false"))
    for question in quiz.questions:
        answer(frame, page, question, right=question is not wrong)
        if question is quiz.questions[0]:
            midway = cmi(page)
    assert midway["status"] == "incomplete"

    held = cmi(page)
    expected = round(100 * (len(quiz.questions) - 1) / len(quiz.questions))
    assert (held["raw"], held["min"], held["max"]) == (str(expected), "0", "100")
    assert held["status"] == ("passed" if expected >= quiz.pass_mark else "failed")
    assert [i["id"] for i in held["interactions"]] == [f"{quiz.id}-{q.id}" for q in quiz.questions]
    assert [i["result"] for i in held["interactions"]] == ["wrong" if q is wrong else "correct" for q in quiz.questions]
    for interaction, question in zip(held["interactions"], quiz.questions, strict=True):
        assert interaction["type"] == scorm_types()[question.kind]
        assert interaction["pattern"]
        assert (interaction["response"] == interaction["pattern"]) == (question is not wrong), interaction
    assert watched.errors == [] and watched.off_origin == []


def test_a_pass_mark_set_by_the_platform_wins_and_a_low_score_fails(browser, lms, site_data):
    quiz = next(q for q in site_data.quizzes if q.pass_mark is None and len(q.questions) >= 3)
    watched, frame = open_course(browser, lms, quiz.id, mastery="100")
    page = watched.page
    for i, question in enumerate(quiz.questions):
        answer(frame, page, question, right=i > 0)
    assert cmi(page)["status"] == "failed"


def test_without_a_pass_mark_a_finished_quiz_is_completed(browser, lms, site_data):
    quiz = next(q for q in site_data.quizzes if q.pass_mark is None)
    assert mastery_of(lms[0] / f"pkg-{quiz.id}") is None
    watched, frame = open_course(browser, lms, quiz.id)
    page = watched.page
    for question in quiz.questions:
        answer(frame, page, question, right=False)
    held = cmi(page)
    assert held["status"] == "completed"
    assert int(held["raw"]) < 100
    # A partly right answer reports the share of the mark it earns.
    for interaction, question in zip(held["interactions"], quiz.questions, strict=True):
        if question.kind in ("classify", "order"):
            assert 0 < float(interaction["result"]) < 1, interaction
        else:
            assert interaction["result"] == "wrong", interaction


def test_leaving_midway_suspends_the_attempt_and_coming_back_finds_the_answers(browser, lms, site_data):
    quiz = site_data.quizzes[0]
    first, second = quiz.questions[0], quiz.questions[1]
    watched, frame = open_course(browser, lms, quiz.id)
    page = watched.page
    answer(frame, page, first, right=True)
    answer(frame, page, second, right=False)
    page.evaluate("document.querySelector('iframe').src = 'about:blank'")
    page.wait_for_function("window.finished === true")
    held = cmi(page)
    assert (held["status"], held["exit"]) == ("incomplete", "suspend")
    assert page.evaluate("window.API.isTerminated()")
    assert held["suspend"]

    watched, frame = open_course(browser, lms, quiz.id, suspend=held["suspend"])
    results = {q.id: frame.locator(f"fieldset[data-question='{q.id}']").get_attribute("data-result")
               for q in quiz.questions}
    assert results[first.id] == "right" and results[second.id] in ("wrong", "partly")
    assert [r for q, r in results.items() if q not in (first.id, second.id)] == [None] * (len(quiz.questions) - 2)
    assert watched.errors == []


def test_every_answer_of_every_quiz_fits_in_suspend_data_and_comes_back(browser, lms, site_data):
    """SCORM 1.2 keeps at most 4096 characters: the package of all quizzes, every question answered, fits,
    and unpacks to the same answers."""
    watched, _ = open_course(browser, lms, "all")
    page = watched.page
    inner = page.frames[1]
    kept = inner.evaluate("""() => {
        const store = { version: 1, quizzes: {} };
        for (const root of document.querySelectorAll('.mvs-quiz')) {
            const answers = {};
            for (const q of root.querySelectorAll('fieldset.mvs-q')) {
                const answer = JSON.parse(q.dataset.answer);
                const kind = q.dataset.kind;
                const response = kind === 'multiple' ? answer.right
                    : kind === 'order' ? [...Array(answer).keys()].reverse() : answer;
                answers[q.dataset.question] = { response, score: 1 };
            }
            store.quizzes[root.dataset.quiz] = { fingerprint: root.dataset.fingerprint, updated: 1, answers };
        }
        window.mvsQuizStorage.setItem('mvs-quiz-progress', JSON.stringify(store));
        const back = JSON.parse(window.mvsQuizStorage.getItem('mvs-quiz-progress'));
        const responses = s => Object.fromEntries(Object.entries(s.quizzes).map(([id, e]) =>
            [id, [e.fingerprint, Object.fromEntries(Object.entries(e.answers).map(([q, a]) => [q, a.response]))]]));
        return { same: JSON.stringify(responses(store)) === JSON.stringify(responses(back)),
                 answered: Object.values(back.quizzes).reduce((n, e) => n + Object.keys(e.answers).length, 0) };
    }""")
    assert kept == {"same": True, "answered": sum(len(q.questions) for q in site_data.quizzes)}
    suspend = cmi(page)["suspend"]
    assert 0 < len(suspend) <= 4096


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_outside_a_platform_the_quiz_works_and_says_nothing_is_recorded(browser, lms, site_data, axe_source, scheme):
    url = lms[1]
    quiz = site_data.quizzes[0]
    context = browser.new_context(viewport={"width": 360, "height": 740}, color_scheme=scheme)
    watched = Watched(context.new_page(), url)
    page = watched.page
    page.goto(f"{url}pkg-{quiz.id}/index.html", wait_until="load")
    page.locator(".mvs-quiz.mvs-quiz--ready").wait_for()
    assert page.locator("[data-scorm-status]").inner_text() == " ".join(site_data.interface.scorm.alone.split())
    answer(page, page, quiz.questions[0], right=True)
    assert page.locator(f"fieldset[data-question='{quiz.questions[0].id}']").get_attribute("data-result") == "right"
    palette = page.evaluate("document.body.getAttribute('data-md-color-scheme')")
    assert palette == ("slate" if scheme == "dark" else "default")
    assert axe_violations(page, axe_source) == []
    assert watched.errors == []


def scorm_types() -> dict[str, str]:
    return {"single": "choice", "multiple": "choice", "true_false": "true-false", "classify": "matching",
            "order": "sequencing"}
