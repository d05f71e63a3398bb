"""Moodle GIFT (plain text): one category per quiz; every question kind fits.

single -> one `=` answer; multiple -> `~%w%` weights (right ones add to 100, wrong ones to -100, so ticking
everything scores 0); true_false -> `{TRUE#feedback if wrong#feedback if right}`; classify and order ->
matching questions (order: each item to its position). Per-pair feedback does not exist in GIFT matching,
so those questions carry it in the general feedback, after the explanation.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from macros.data import models
from macros.data.loading import SiteData
from macros.data.quizzes import scrambled
from macros.exports.common import SITE, categories, category, feedback_text, ordinal

SUFFIX = ".gift.txt"
SPECIAL = "\\~=#{}:"  # backslash first, so the escapes added later are not escaped again
WEIGHT_LIKE = re.compile(r"^\s*%")
MATCH_INSTRUCTIONS = {
    "classify": "Match each item to Marketing, Sales or Both.",
    "order": "This question is about order: match each item to its place in the sequence (1st comes first).",
}


def escape(text: str) -> str:
    for char in SPECIAL:
        text = text.replace(char, "\\" + char)
    return text.replace("\r", "").replace("\n", "\\n")


def left_out(question: models.QuizQuestion) -> str | None:
    """GIFT cannot escape '->' in a matching item, nor a '%' that starts an answer (it reads as a weight)."""
    items = getattr(question, "items", [])
    if any("->" in item.text for item in items):
        return "an item contains '->', which GIFT reads as the arrow between an item and its match"
    if any(WEIGHT_LIKE.match(o.text) for o in getattr(question, "options", [])):
        return "an answer starts with '%', which GIFT reads as a score weight"
    return None


def weight(percent: float) -> str:
    """A percentage in the form Moodle's grade list matches: 50, 33.33333, -25."""
    return f"{percent:.5f}".rstrip("0").rstrip(".")


def _answers(data: SiteData, quiz_id: str, question: models.QuizQuestion) -> list[str]:
    if isinstance(question, models.SingleChoice):
        return [f"{'=' if o.correct else '~'}{escape(o.text)}#{escape(o.feedback)}" for o in question.options]
    if isinstance(question, models.MultipleSelect):
        right = sum(o.correct for o in question.options)
        wrong = len(question.options) - right
        return [f"~%{weight(100 / right if o.correct else -100 / wrong)}%{escape(o.text)}#{escape(o.feedback)}"
                for o in question.options]
    if isinstance(question, models.TrueFalse):
        right, wrong = (question.feedback_true, question.feedback_false) if question.answer else (
            question.feedback_false, question.feedback_true)
        return ["TRUE" if question.answer else "FALSE", f"#{escape(wrong)}", f"#{escape(right)}"]
    if isinstance(question, models.Classify):
        used = {category(data, item.answer) for item in question.items}
        pairs = [f"={escape(item.text)} -> {escape(category(data, item.answer))}" for item in question.items]
        return pairs + [f"= -> {escape(c)}" for c in categories(data) if c not in used]  # unused: distractors
    return [f"={escape(question.items[i].text)} -> {ordinal(i + 1)}" for i in scrambled(quiz_id, question)]


def _general_feedback(data: SiteData, question: models.QuizQuestion) -> str:
    text = feedback_text(data, question)
    if isinstance(question, models.Classify):
        text += "".join(f"\n{i.text} → {category(data, i.answer)}: {i.feedback}" for i in question.items)
    elif isinstance(question, models.Order):
        text += "".join(f"\n{ordinal(n)}: {i.text}. {i.feedback}" for n, i in enumerate(question.items, 1))
    return text


def _question(data: SiteData, quiz_id: str, question: models.QuizQuestion) -> str:
    prompt = question.prompt
    if question.kind in MATCH_INSTRUCTIONS:
        prompt += " " + MATCH_INSTRUCTIONS[question.kind]
    lines = [f"::{escape(question.id)}::[plain]{escape(prompt)}{{"]
    lines += [f"\t{answer}" for answer in _answers(data, quiz_id, question)]
    lines += [f"\t####{escape(_general_feedback(data, question))}", "}"]
    return "\n".join(lines)


def category_line(quiz: models.QuizFile) -> str:
    """Moodle reads '/' in a category path as a sub-category; '//' is a literal slash."""
    return f"$CATEGORY: {SITE}/{quiz.title.replace('/', '//')}"


def render(quizzes: Sequence[models.QuizFile], data: SiteData, title: str) -> bytes:
    blocks = [f"// {SITE}: {title}. Moodle GIFT format, UTF-8; import it into a question bank."]
    for quiz in quizzes:
        blocks.append(category_line(quiz))
        blocks += [_question(data, quiz.id, q) for q in quiz.questions if left_out(q) is None]
    return ("\n\n".join(blocks) + "\n").encode("utf-8")
