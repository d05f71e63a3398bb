"""Render the quizzes: the learner's widget, the list of quizzes, the progress page and the answer keys."""

from __future__ import annotations

from macros import paths
from macros.data import models
from macros.data.loading import SiteData
from macros.data.quizzes import CATEGORIES, INSTRUCTIONS, answer_json, fingerprint, kinds_used, scrambled
from macros.paths import Links, key_page, page_url
from macros.render.templating import render_template

HEADING = "## Check your understanding"


def _context(quiz: models.QuizFile) -> dict:
    return {
        "quiz": quiz,
        "fingerprint": fingerprint(quiz),
        "answer_json": answer_json,
        "scrambled": scrambled,
        "instructions": INSTRUCTIONS,
        "categories": CATEGORIES,
        "kind_labels": models.QUESTION_KINDS,
        "kinds": kinds_used(quiz),
        "progress_page": paths.QUIZ_PROGRESS,
    }


def quiz(data: SiteData, links: Links, quiz_id: str) -> str:
    """A quiz under a 'Check your understanding' heading; it must sit on the page its file names."""
    found = data.quiz(quiz_id)
    if links.current != page_url(found.page, links.directory_urls):
        raise ValueError(f"data/quizzes/{quiz_id}.yml says page: {found.page}, but the quiz is on {links.current}")
    return f"{HEADING}\n\n" + render_template("quiz.html.jinja", data, links, **_context(found))


def quiz_list(data: SiteData, links: Links) -> str:
    """Every quiz with its size and kinds of question."""
    return render_template("quiz_list.html.jinja", data, links, quizzes=data.quizzes, kinds_used=kinds_used)


def quiz_progress(data: SiteData, links: Links) -> str:
    """The table the browser fills with the reader's stored progress."""
    return render_template("quiz_progress.html.jinja", data, links, quizzes=data.quizzes, fingerprint=fingerprint)


def answer_key(data: SiteData, links: Links, quiz_id: str) -> str:
    """Every answer of one quiz, with feedback and explanations, for teachers."""
    return render_template("answer_key.md.jinja", data, links, **_context(data.quiz(quiz_id)))


def answer_key_list(data: SiteData, links: Links) -> str:
    """Links to every answer key."""
    return render_template("answer_key_list.html.jinja", data, links, quizzes=data.quizzes, kinds_used=kinds_used,
                           key_page=key_page)


PAGE_MACROS = {f.__name__: f for f in (quiz, quiz_list, quiz_progress, answer_key, answer_key_list)}
