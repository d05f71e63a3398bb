"""What the quiz widget and the answer keys need to know about each question.

The browser scores answers (content/assets/quizzes.js); this module gives it, per
question, the answer in a compact form and the fingerprint that tells stored progress
from an older version of the quiz.
"""

from __future__ import annotations

import hashlib
import json
import random

from macros.data import models


def answer_of(question: models.QuizQuestion) -> object:
    """The right answer, as the widget reads it from `data-answer` (JSON).

    single: the right option's index; multiple: {"right": [indexes], "count": n};
    true_false: a boolean; classify: each item's category; order: the number of items
    (the right order is the order in the data).
    """
    if isinstance(question, models.SingleChoice):
        return next(i for i, o in enumerate(question.options) if o.correct)
    if isinstance(question, models.MultipleSelect):
        return {"right": [i for i, o in enumerate(question.options) if o.correct], "count": len(question.options)}
    if isinstance(question, models.TrueFalse):
        return question.answer
    if isinstance(question, models.Classify):
        return [item.answer for item in question.items]
    return len(question.items)


def answer_json(question: models.QuizQuestion) -> str:
    return json.dumps(answer_of(question), separators=(",", ":"))


def fingerprint(quiz: models.QuizFile) -> str:
    """Changes when a question is added, removed or re-keyed; stored answers to another version are dropped."""
    key = [[q.id, q.kind, answer_of(q)] for q in quiz.questions]
    return hashlib.sha256(json.dumps(key, sort_keys=True).encode()).hexdigest()[:12]


def scrambled(quiz_id: str, question: models.Order) -> list[int]:
    """The order items are printed in (and shown without JavaScript): fixed per question, never the answer."""
    n = len(question.items)
    rng = random.Random(f"{quiz_id}/{question.id}")
    order = list(range(n))
    while order == sorted(order):
        rng.shuffle(order)
    return order


def kinds_used(kinds: models.QuestionKinds, quiz: models.QuizFile) -> list[str]:
    """The labels of the question kinds in a quiz (data/interface.yml), in the order of models.QUESTION_KINDS."""
    present = {q.kind for q in quiz.questions}
    return [getattr(kinds, kind).label for kind in models.QUESTION_KINDS if kind in present]


def instructions(kinds: models.QuestionKinds) -> dict[str, str]:
    """What the learner does for each kind of question, by kind."""
    return {kind: getattr(kinds, kind).instructions for kind in models.QUESTION_KINDS}


def kind_labels(kinds: models.QuestionKinds) -> dict[str, str]:
    """Each kind of question's label, by kind."""
    return {kind: getattr(kinds, kind).label for kind in models.QUESTION_KINDS}
