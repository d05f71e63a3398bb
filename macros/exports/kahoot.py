"""Kahoot!: an .xlsx laid out like Kahoot's quiz import template (headers on row 8, questions from row 9).

Kahoot takes quiz questions only: a question of at most 120 characters, two to four answers of at most 75,
a time limit from a fixed set and the numbers of the right answers ("1,3" when several are right).
A question or option may carry a shorter wording for Kahoot (`kahoot_prompt`, `kahoot_text`), written by a
person; otherwise a question that does not fit is left out, never cut short, and `left_out` says why.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Sequence

from openpyxl import Workbook
from openpyxl.styles import Font
from openpyxl.writer.excel import ExcelWriter

from macros.data import models
from macros.data.loading import SiteData
from macros.exports.common import SITE, build_time, zip_bytes

SUFFIX = ".kahoot.xlsx"
QUESTION_MAX = 120
ANSWER_MAX = 75
ANSWERS_MAX = 4
TIME_LIMITS = (5, 10, 20, 30, 60, 90, 120, 240)
HEADER_ROW = 8
HEADERS = (
    "Question - max 120 characters",
    "Answer 1 - max 75 characters",
    "Answer 2 - max 75 characters",
    "Answer 3 - max 75 characters",
    "Answer 4 - max 75 characters",
    "Time limit (sec) – 5, 10, 20, 30, 60, 90, 120, or 240 secs",
    "Correct answer(s) - choose at least one",
)
NO_KIND = {
    "classify": "Kahoot has no question that sorts items into groups (here Marketing, Sales or Both)",
    "order": "Kahoot's spreadsheet import makes quiz questions only, not put-in-order (puzzle) questions",
}


def answers(question: models.QuizQuestion) -> list[tuple[str, bool]]:
    """(text, right) for each answer Kahoot would show."""
    if isinstance(question, models.TrueFalse):
        return [("True", question.answer), ("False", not question.answer)]
    if isinstance(question, models.SingleChoice | models.MultipleSelect):
        return [(o.kahoot_text or o.text, o.correct) for o in question.options]
    return []


def prompt(question: models.QuizQuestion) -> str:
    """The question as Kahoot shows it: the shorter wording when the data gives one."""
    return question.kahoot_prompt or question.prompt


def _series(words: list[str]) -> str:
    """['1', '3', '4'] -> '1, 3 and 4'."""
    return words[0] if len(words) == 1 else f"{', '.join(words[:-1])} and {words[-1]}"


def left_out(question: models.QuizQuestion) -> str | None:
    """Why the question cannot go into Kahoot, in words a teacher understands; None if it fits."""
    if question.kind in NO_KIND:
        return NO_KIND[question.kind]
    reasons = []
    if len(prompt(question)) > QUESTION_MAX:
        reasons.append(f"question is {len(prompt(question))} characters (Kahoot allows {QUESTION_MAX})")
    choices = answers(question)
    if len(choices) > ANSWERS_MAX:
        reasons.append(f"it has {len(choices)} answers (Kahoot allows {ANSWERS_MAX})")
    long = [(n, len(text)) for n, (text, _right) in enumerate(choices, 1) if len(text) > ANSWER_MAX]
    if long:
        numbers, lengths = _series([str(n) for n, _ in long]), _series([str(c) for _, c in long])
        subject = f"answer {numbers} is" if len(long) == 1 else f"answers {numbers} are"
        reasons.append(f"{subject} {lengths} characters (Kahoot allows {ANSWER_MAX})")
    return "; ".join(reasons) or None


def time_limit(question: models.QuizQuestion) -> int:
    """Ten seconds plus reading time at 15 characters a second, rounded up to a time Kahoot offers."""
    chars = len(prompt(question)) + sum(len(text) for text, _right in answers(question))
    return next((t for t in TIME_LIMITS if t >= 10 + chars / 15), TIME_LIMITS[-1])


def _row(question: models.QuizQuestion) -> list[object]:
    choices = answers(question)
    texts = [text for text, _right in choices] + [None] * (ANSWERS_MAX - len(choices))
    right = [n for n, (_text, ok) in enumerate(choices, 1) if ok]
    return [prompt(question), *texts, time_limit(question), right[0] if len(right) == 1 else ",".join(map(str, right))]


def _workbook(quizzes: Sequence[models.QuizFile], title: str) -> Workbook:
    book = Workbook()
    sheet = book.active
    sheet.title = "Sheet1"
    fitting = [q for quiz in quizzes for q in quiz.questions if left_out(q) is None]
    skipped = sum(len(quiz.questions) for quiz in quizzes) - len(fitting)
    sheet["B2"] = f"{SITE}: {title}"
    sheet["B2"].font = Font(bold=True, size=14)
    sheet["B3"] = "Kahoot quiz import template: create a kahoot and import this spreadsheet as its questions."
    sheet["B4"] = "Questions have at most 120 characters, answers at most 75; several right answers are written 1,3."
    if skipped:
        sheet["B5"] = (f"{skipped} question(s) do not fit Kahoot and are left out; "
                       "the page you downloaded this from lists them and why.")
    for col, header in enumerate(HEADERS, 2):
        sheet.cell(HEADER_ROW, col, header).font = Font(bold=True)
    for number, question in enumerate(fitting, 1):
        for col, value in enumerate([number, *_row(question)], 1):
            sheet.cell(HEADER_ROW + number, col, value)
    for letter, width in zip("ABCDEFGH", (6, 60, 32, 32, 32, 32, 24, 24), strict=True):
        sheet.column_dimensions[letter].width = width
    when = build_time()
    book.properties.creator = SITE
    book.properties.created = when
    book.properties.modified = when
    return book


def render(quizzes: Sequence[models.QuizFile], data: SiteData, title: str) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        ExcelWriter(_workbook(quizzes, title), archive).write_data()  # save_workbook() would stamp "now"
    with zipfile.ZipFile(buffer) as archive:
        return zip_bytes({name: archive.read(name) for name in archive.namelist()})
