"""The teacher's kit in the built site: objectives and key points, lessons, worksheets, downloads, offline copy."""

from __future__ import annotations

import json
import re
import typing
import zipfile

from bs4 import BeautifulSoup

from macros import exports
from macros.build.offline import FOLDER
from macros.build.vendor import PLOTLY_BUNDLE
from macros.data import models
from macros.paths import OFFLINE_ZIP as ZIP_PATH
from macros.paths import lesson_pages
from tests.build.test_site import soup_of


def _texts(items) -> list[str]:
    return [" ".join(i.get_text(" ", strip=True).split()) for i in items]


def _norm(text: str) -> str:
    return re.sub(r"\s+([,.?!:;)])", r"\1", " ".join(text.split()))


def test_each_learn_page_opens_with_objectives_and_closes_with_key_points(built_site, site_data):
    assert len(site_data.teaching.pages) == 7
    for teaching in site_data.teaching.pages:
        article = soup_of(built_site, teaching.page).find("article")
        boxes = article.select(".mvs-objectives, .mvs-key-points, .mvs-quiz")
        assert [b["class"][-1] if "mvs-quiz" not in b["class"] else "mvs-quiz" for b in boxes] == [
            "mvs-objectives", "mvs-key-points", "mvs-quiz"], teaching.page
        assert article.find(class_="mvs-objectives").find_previous(["h1", "h2"]).name == "h1"
        assert [_norm(t) for t in _texts(boxes[0].select("li"))] == [_norm(o) for o in teaching.objectives]
        assert [_norm(t) for t in _texts(boxes[1].select("li"))] == [_norm(k) for k in teaching.key_points]


def test_lesson_plans_have_timed_steps_prompts_and_their_worksheets(built_site, site_data):
    lessons = {lesson.minutes for lesson in site_data.teaching.lessons}
    assert {45, 90} <= lessons
    for lesson in site_data.teaching.lessons:
        plan, sheet, key = lesson_pages(lesson.id)
        soup = soup_of(built_site, plan)
        times = _texts(soup.select(".mvs-lesson__time"))
        assert len(times) == len(lesson.steps)
        assert times[0].startswith("0:00–") and times[-1].endswith(f"{lesson.minutes // 60}:{lesson.minutes % 60:02d}")
        assert len(soup.select("details.mvs-model-answer")) == len(lesson.discussion)
        hrefs = [a["href"] for a in soup.select("article a[href]")]
        assert any(h.endswith(sheet.removesuffix(".md").split("/")[-1] + "/") for h in hrefs)
        assert any(h.endswith(key.removesuffix(".md").split("/")[-1] + "/") for h in hrefs)
        assert any("answer-keys/" in h for h in hrefs)


def test_the_90_minute_workshop_has_the_activities_the_kit_promises(site_data):
    workshop = next(lesson for lesson in site_data.teaching.lessons if lesson.minutes == 90)
    text = " ".join(f"{s.title} {s.activity}" for s in workshop.steps).lower()
    assert "role-play" in text and "lead quality" in text
    assert any("funnel.md#simulator" in page for step in workshop.steps for page in step.pages)
    lesson = next(lesson for lesson in site_data.teaching.lessons if lesson.minutes == 45)
    assert "sorting-cards" in " ".join(s.title.lower() for s in lesson.steps)


def _feedback_strings(site_data, lesson) -> list[str]:
    out = []
    for item in lesson.worksheet.questions:
        if isinstance(item, models.QuizRef):
            q = next(q for q in site_data.quiz(item.quiz).questions if q.id == item.question)
            parts = getattr(q, "options", None) or getattr(q, "items", None) or []
            out += [p.feedback for p in parts] or [q.feedback_true, q.feedback_false]
    return out


def test_worksheets_hold_questions_and_space_but_answers_only_in_the_key(built_site, site_data):
    for lesson in site_data.teaching.lessons:
        _, sheet, key = lesson_pages(lesson.id)
        sheet_text = _norm(soup_of(built_site, sheet).find("article").get_text(" "))
        key_text = _norm(soup_of(built_site, key).find("article").get_text(" "))
        assert len(soup_of(built_site, sheet).select("ol.mvs-ws__questions > li")) == len(lesson.worksheet.questions)
        open_questions = [q for q in lesson.worksheet.questions if isinstance(q, models.OpenQuestion)]
        assert len(soup_of(built_site, sheet).select(".mvs-ws__lines")) == len(open_questions)
        for feedback in _feedback_strings(site_data, lesson):
            assert _norm(feedback) not in sheet_text
            assert _norm(feedback) in key_text
        for q in open_questions:
            plain = re.sub(r"\]\([^)]*\)|[*_`\[\]]", "", q.answer)  # Markdown marks and link targets
            first_words = _norm(" ".join(plain.split()[:6]))
            assert first_words not in sheet_text
            assert first_words in key_text


def test_the_teachers_page_reaches_everything_a_teacher_needs(built_site, site_data):
    soup = soup_of(built_site, "teachers/index.md")
    hrefs = [a["href"] for a in soup.select("article a[href]")]
    for lesson in site_data.teaching.lessons:
        for page in lesson_pages(lesson.id):
            assert any(h.endswith(page.split("/")[-1].removesuffix(".md") + "/") for h in hrefs), page
    assert "../answer-keys/" in hrefs and "downloads/" in hrefs
    assert f"../{ZIP_PATH}" in hrefs
    licence = soup.find(id="licence").find_next("p").get_text(" ")
    assert "CC BY 4.0" in licence and "MIT" in licence
    footer = soup.select_one(".md-copyright").get_text(" ")
    assert "CC BY 4.0" in footer and "MIT" in footer


def test_every_planned_download_is_written_and_listed(built_site, site_data):
    files, omissions = exports.plan(site_data)
    assert {d.format for d in files} == set(typing.get_args(models.DownloadFormatId))
    page = soup_of(built_site, "teachers/downloads.md")
    links = {a["href"].removeprefix("../../") for a in page.select("article a[download]")}
    for download in files:
        assert (built_site / download.path).is_file(), download.path
        assert download.path in links
    left_out = page.select(".mvs-left-out table tbody tr")
    assert len(left_out) == len(omissions)


def test_the_offline_copy_is_zipped_and_made_for_file_urls(built_site):
    archive = zipfile.ZipFile(built_site / ZIP_PATH)
    names = archive.namelist()
    assert f"{FOLDER}/index.html" in names and f"{FOLDER}/search/search_index.js" in names
    assert f"{FOLDER}/assets/vendor/{PLOTLY_BUNDLE}" in names
    assert f"{FOLDER}/assets/vendor/iframe-worker-shim.js" in names
    assert f"{FOLDER}/{ZIP_PATH}" not in names  # the copy does not hold itself
    assert f"{FOLDER}/downloads/gift/all-quizzes.gift.txt" in names
    for name in (f"{FOLDER}/index.html", f"{FOLDER}/funnel.html", f"{FOLDER}/teachers/index.html"):
        soup = BeautifulSoup(archive.read(name), "lxml")
        config = json.loads(soup.find("script", id="__config").string)
        assert not [f for f in config["features"] if f.startswith("navigation.instant")]
        for tag, attr in (("script", "src"), ("link", "href"), ("img", "src")):
            for el in soup.find_all(tag, **{attr: True}):
                assert "://" not in el[attr], f"{name} loads {el[attr]}"
        internal = [a["href"] for a in soup.select("nav a[href]") if "://" not in a["href"] and a["href"][0] != "#"]
        assert internal and all(h.split("#")[0].endswith(".html") for h in internal)
    assert "You are using the offline copy" in archive.read(f"{FOLDER}/teachers/index.html").decode()
