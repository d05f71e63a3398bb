"""Quizzes in the built site: on their pages, in the progress table, and in teachers' answer keys."""

from __future__ import annotations

import json
import re

from macros.paths import Links, key_page
from tests.build.test_site import CONTENT_PAGES, soup_of


def test_each_quiz_sits_on_its_page_under_its_heading_with_the_script(built_site, site_data):
    for quiz in site_data.quizzes:
        soup = soup_of(built_site, quiz.page)
        heading = soup.find("h2", id="check-your-understanding")
        assert heading is not None, quiz.page
        widget = heading.find_next("div", class_="mvs-quiz")
        assert widget["data-quiz"] == quiz.id
        legends = [f.legend.select_one(".mvs-q__prompt").get_text(" ", strip=True)
                   for f in widget.select("fieldset.mvs-q")]
        assert legends == [" ".join(q.prompt.split()) for q in quiz.questions]
        assert soup.find("article").find("script", src=lambda s: s and s.endswith("assets/quiz-loader.js"))


def test_pages_without_a_quiz_do_not_load_the_quiz_script(built_site, site_data):
    with_quiz = {q.page for q in site_data.quizzes} | {"quizzes/progress.md"}
    for src in CONTENT_PAGES:
        scripts = [s["src"] for s in soup_of(built_site, src).find_all("script", src=True)]
        assert any(s.endswith("assets/quiz-loader.js") for s in scripts) == (src in with_quiz), src


def test_the_quiz_list_links_to_every_quiz(built_site, site_data):
    soup = soup_of(built_site, "quizzes/index.md")
    links = [a["href"] for a in soup.select("table.mvs-quiz-list th a")]
    here = Links.for_page("quizzes/index.md", True)
    assert links == [here.to(f"{q.page}#check-your-understanding") for q in site_data.quizzes]


def test_the_progress_table_has_a_row_per_quiz_matching_the_quiz_version(built_site, site_data):
    rows = soup_of(built_site, "quizzes/progress.md").select("[data-quiz-progress] tr[data-quiz]")
    assert [r["data-quiz"] for r in rows] == [q.id for q in site_data.quizzes]
    for row, quiz in zip(rows, site_data.quizzes, strict=True):
        widget = soup_of(built_site, quiz.page).find("div", class_="mvs-quiz")
        assert row["data-fingerprint"] == widget["data-fingerprint"]
        assert row["data-count"] == str(len(quiz.questions))


def test_answer_keys_give_every_right_answer_and_explanation(built_site, site_data):
    for quiz in site_data.quizzes:
        soup = soup_of(built_site, key_page(quiz.id))
        assert soup.h1.get_text(strip=True).startswith(f"Answer key: {quiz.title}")
        keys = soup.select("article .mvs-key")
        assert len(keys) == len(quiz.questions)
        for key, q in zip(keys, quiz.questions, strict=True):
            text = re.sub(r"\s+([,.?!:;])", r"\1", key.get_text(" ", strip=True))
            assert " ".join(q.prompt.split()) in text
            if q.kind in ("single", "multiple"):
                right = {li.strong.get_text() for li in key.select("li[data-correct=true]")}
                assert right == {o.text for o in q.options if o.correct}
            elif q.kind == "true_false":
                assert key.select_one(".mvs-q__right").get_text(" ", strip=True) == f"Answer: {q.answer}"
            elif q.kind == "classify":
                assert [li["data-category"] for li in key.select("li[data-item]")] == [i.answer for i in q.items]
            else:
                assert [li.strong.get_text() for li in key.select("ol.mvs-q__why > li")] == [i.text for i in q.items]
            assert key.select_one(".mvs-q__explanation").get_text(strip=True)
            assert key.select(".mvs-cite a")


def test_answer_keys_are_for_teachers_only(built_site, site_data):
    index = soup_of(built_site, "answer-keys/index.md")
    assert len(index.select("ul.mvs-key-list > li")) == len(site_data.quizzes)
    nav = [a["href"] for a in soup_of(built_site, "index.md").select("nav.md-nav--primary a.md-nav__link")]
    assert "answer-keys/" in nav
    assert not [href for href in nav if href.startswith("answer-keys/") and href != "answer-keys/"]
    search = json.loads((built_site / "search" / "search_index.json").read_text(encoding="utf-8"))
    assert not [d["location"] for d in search["docs"] if d["location"].startswith("answer-keys/")]
    for quiz in site_data.quizzes:
        article = soup_of(built_site, quiz.page).find("article")
        assert not article.select("a[href*='answer-keys']"), quiz.page


def test_search_finds_quiz_questions_but_not_their_answers(built_site, site_data):
    search = json.loads((built_site / "search" / "search_index.json").read_text(encoding="utf-8"))
    text = " ".join(" ".join(d["text"].split()) for d in search["docs"])
    quiz = site_data.quiz("processes")
    assert " ".join(quiz.questions[0].prompt.split()) in text
    for q in quiz.questions:
        for part in getattr(q, "options", None) or getattr(q, "items", None) or []:
            assert " ".join(part.feedback.split()) not in text, part.feedback
