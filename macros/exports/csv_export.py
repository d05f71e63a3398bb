"""A spreadsheet-friendly CSV (UTF-8 with a BOM, RFC 4180): one row per question, every kind.

Columns (HEADER): the quiz id; the question id; its kind (single, multiple, true_false, classify, order);
the prompt; the options or items in the data's order; the right answer(s); the feedback for each option
or item in the same order; the explanation as plain text; the citations (source and section). Cells holding several
values join them with " | ". Right answers: the right options' text; True or False; "item → Marketing"
for classify; "1st: item" for order.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence

from macros.data import citations, models
from macros.data.loading import SiteData
from macros.exports.common import category, ordinal, plain

SUFFIX = ".csv"
JOIN = " | "
HEADER = ("quiz", "question id", "kind", "prompt", "options or items", "correct answer(s)", "feedback",
          "explanation", "sources")


def left_out(question: models.QuizQuestion) -> str | None:
    return None


def _columns(data: SiteData, question: models.QuizQuestion) -> tuple[list[str], list[str], list[str]]:
    """Options or items, right answers, feedback."""
    if isinstance(question, models.SingleChoice | models.MultipleSelect):
        return ([o.text for o in question.options], [o.text for o in question.options if o.correct],
                [o.feedback for o in question.options])
    if isinstance(question, models.TrueFalse):
        return (["True", "False"], ["True" if question.answer else "False"],
                [f"True: {question.feedback_true}", f"False: {question.feedback_false}"])
    items = [i.text for i in question.items]
    if isinstance(question, models.Classify):
        right = [f"{i.text} → {category(data, i.answer)}" for i in question.items]
    else:
        right = [f"{ordinal(n)}: {i.text}" for n, i in enumerate(question.items, 1)]
    return items, right, [i.feedback for i in question.items]


def row(quiz: models.QuizFile, question: models.QuizQuestion, data: SiteData) -> list[str]:
    options, right, feedback = _columns(data, question)
    sources = [citations.label(data, s) for s in question.sources]
    return [quiz.id, question.id, question.kind, question.prompt, JOIN.join(options), JOIN.join(right),
            JOIN.join(feedback), plain(question.explanation), JOIN.join(sources)]


def render(quizzes: Sequence[models.QuizFile], data: SiteData, title: str) -> bytes:
    out = io.StringIO(newline="")
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(HEADER)
    writer.writerows(row(quiz, q, data) for quiz in quizzes for q in quiz.questions)
    return out.getvalue().encode("utf-8-sig")
