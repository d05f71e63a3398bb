"""Render the quizzes: the learner's widget, the list of quizzes, the progress page and the answer keys."""

from __future__ import annotations

import json
from functools import partial

from macros import paths
from macros.data import models
from macros.data.loading import SiteData
from macros.data.quizzes import answer_json, fingerprint, instructions, kind_labels, kinds_used, scrambled
from macros.paths import Links, key_page, page_url
from macros.render.templating import render_template

HEADING = "## Check your understanding"


def _json(value: object) -> str:
    """Compact, stable JSON for a data- attribute or a script: the words a widget shows."""
    return json.dumps(value, separators=(",", ":"), sort_keys=True, ensure_ascii=False)


def quiz_words_script(data: SiteData) -> str:
    """The script that gives quizzes.js its words (paths.QUIZ_WORDS); it loads just before quizzes.js."""
    words = data.interface
    return f"window.mvsQuizWords={_json({**words.quiz.model_dump(), 'categories': words.owners.model_dump()})};\n"


def _context(data: SiteData, quiz: models.QuizFile) -> dict:
    words = data.interface
    return {
        "quiz": quiz,
        "fingerprint": fingerprint(quiz),
        "answer_json": answer_json,
        "scrambled": scrambled,
        "instructions": instructions(words.question_kinds),
        "categories": words.owners.model_dump(),
        "kind_labels": kind_labels(words.question_kinds),
        "kinds": kinds_used(words.question_kinds, quiz),
        "progress_page": paths.QUIZ_PROGRESS,
    }


def quiz(data: SiteData, links: Links, quiz_id: str) -> str:
    """A quiz under a 'Check your understanding' heading; it must sit on the page its file names."""
    found = data.quiz(quiz_id)
    if links.current != page_url(found.page, links.directory_urls):
        raise ValueError(f"data/quizzes/{quiz_id}.yml says page: {found.page}, but the quiz is on {links.current}")
    folded = not found.page.startswith(paths.QUIZ_PAGES)
    return f"{HEADING}\n\n" + render_template("quiz.html.jinja", data, links, folded=folded, package=None,
                                               **_context(data, found))


def packaged_quiz(data: SiteData, links: Links, quiz: models.QuizFile) -> str:
    """A quiz as a learning platform's package holds it: unfolded, its answers reported to the platform."""
    return render_template("quiz.html.jinja", data, links, folded=False, package=data.interface.scorm,
                           **_context(data, quiz))


def quiz_list(data: SiteData, links: Links) -> str:
    """Every quiz with its size and kinds of question."""
    return render_template("quiz_list.html.jinja", data, links, quizzes=data.quizzes,
                           kinds_used=partial(kinds_used, data.interface.question_kinds))


def quiz_progress(data: SiteData, links: Links) -> str:
    """The table the browser fills with the reader's stored progress."""
    return render_template("quiz_progress.html.jinja", data, links, quizzes=data.quizzes, fingerprint=fingerprint,
                           words=_json(data.interface.progress.model_dump()))


def answer_key(data: SiteData, links: Links, quiz_id: str) -> str:
    """Every answer of one quiz, with feedback and explanations, for teachers."""
    return render_template("answer_key.md.jinja", data, links, **_context(data, data.quiz(quiz_id)))


def answer_key_list(data: SiteData, links: Links) -> str:
    """Links to every answer key."""
    return render_template("answer_key_list.html.jinja", data, links, quizzes=data.quizzes,
                           kinds_used=partial(kinds_used, data.interface.question_kinds), key_page=key_page)


PAGE_MACROS = {f.__name__: f for f in (quiz, quiz_list, quiz_progress, answer_key, answer_key_list)}
