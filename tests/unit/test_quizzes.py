"""Quiz banks: what the site promises about them, and a clear message for each kind of mistake."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest
import yaml
from bs4 import BeautifulSoup

from macros.data import models, quizzes
from macros.data.loading import load_data
from macros.paths import Links
from macros.render import quiz as render_quiz
from tests.conftest import FROZEN, edit, problems_in

CORE_PAGES = ["definitions.md", "differences.md", "processes.md", "funnel.md", "tactics.md", "together.md",
              "disagreements.md"]

QUIZ = """\
id: sample
title: Sample
order: 1
page: definitions.md
summary: A small quiz for the tests.
questions:
  - id: pick-one
    kind: single
    prompt: Which team runs market research?
    options:
      - text: Marketing
        correct: true
        feedback: Right. Research is marketing's first step.
      - text: Sales
        feedback: No. Sales works with one buyer at a time.
    explanation: Research opens the [marketing process](processes.md).
    sources: [marketing-blog/marketing-process]
  - id: steps
    kind: order
    prompt: Put these in order.
    items:
      - text: Prospecting
        feedback: First, find people.
      - text: Preparation
        feedback: Then learn about them.
      - text: Approach
        feedback: Then make contact.
      - text: Presentation
        feedback: Then show the offer.
    explanation: The sales process runs in this order.
    sources: [marketing-blog/sales-process]
  - id: statement
    kind: true_false
    prompt: Sales and marketing are the same thing.
    answer: false
    feedback_true: No, they differ.
    feedback_false: Right, they differ.
    explanation: They differ in scope and focus.
    sources: [mezan/comparison-table]
  - id: sort
    kind: classify
    prompt: Sort these by the team that owns them.
    items:
      - text: Running a radio ad
        answer: marketing
        feedback: A message for many people at once.
      - text: A lead passes the test both teams agreed
        stage: marketing-qualified-lead
        feedback: The stage's owner is the answer.
      - text: Watching the average deal size
        metric: average-deal-size
        feedback: The metric's owner is the answer.
    explanation: Owners come from the funnel and the metrics.
    sources: [this-site/synthesis]
"""


# ---- the real quiz banks ----

def test_there_is_a_quiz_for_every_core_page_every_example_and_a_final_quiz(site_data):
    pages = Counter(q.page for q in site_data.quizzes)
    wanted = [*CORE_PAGES, *(f"examples/{e.id}.md" for e in site_data.examples), "quizzes/final.md"]
    assert all(pages[page] == 1 for page in wanted), pages


def test_at_least_sixty_questions_using_every_kind(site_data):
    questions = [q for quiz in site_data.quizzes for q in quiz.questions]
    assert len(questions) >= 60
    assert {q.kind for q in questions} == set(models.QUESTION_KINDS)


# ---- answers, fingerprints and the scrambled order ----

def _sample() -> models.QuizFile:
    """The sample's first three questions (the sorting question needs the site's data to find its answers)."""
    quiz = models.QuizFile.model_validate(yaml.safe_load(QUIZ))
    return quiz.model_copy(update={"questions": quiz.questions[:3]})


def test_answers_are_given_in_the_form_the_widget_reads():
    quiz = _sample()
    assert [json.loads(quizzes.answer_json(q)) for q in quiz.questions] == [0, 4, False]


def test_the_fingerprint_changes_with_the_answers_but_not_with_the_wording():
    quiz = _sample()
    reworded = quiz.model_copy(update={"summary": "Other words", "title": "Other"})
    assert quizzes.fingerprint(reworded) == quizzes.fingerprint(quiz)
    flipped = quiz.questions[2].model_copy(update={"answer": True})
    changed = quiz.model_copy(update={"questions": [*quiz.questions[:2], flipped]})
    assert quizzes.fingerprint(changed) != quizzes.fingerprint(quiz)


def test_order_questions_are_printed_scrambled_the_same_way_every_build(site_data):
    for quiz in site_data.quizzes:
        for q in quiz.questions:
            if q.kind == "order":
                order = quizzes.scrambled(quiz.id, q)
                assert sorted(order) == list(range(len(q.items)))
                assert order != sorted(order)
                assert order == quizzes.scrambled(quiz.id, q)


# ---- the learner's view and the answer key ----

def test_the_learners_view_has_a_fieldset_per_question_with_the_answer_folded_away(site_data):
    quiz = _sample()
    data = site_data.__class__(**{**site_data.__dict__, "quizzes": (quiz,)})
    html = render_quiz.quiz(data, Links.for_page("definitions.md", True), "sample")
    assert html.startswith("## Check your understanding\n\n")
    soup = BeautifulSoup(html, "lxml")
    fieldsets = soup.select("fieldset.mvs-q")
    assert len(fieldsets) == 3
    for fieldset in fieldsets:
        assert fieldset.find(recursive=False).name == "legend"
        answer = fieldset.select_one("details.mvs-q__answer")
        assert answer is not None and not answer.has_attr("open")
        assert fieldset.select_one(".mvs-q__feedback")["role"] == "status"
    # The order question is shown scrambled; the answer details hold the right order.
    shown = [li.select_one(".mvs-q__item-text").get_text() for li in fieldsets[1].select("ol.mvs-q__order > li")]
    right = [li.strong.get_text() for li in fieldsets[1].select("ol.mvs-q__why > li")]
    assert sorted(shown) == sorted(right) and shown != right
    assert right == ["Prospecting", "Preparation", "Approach", "Presentation"]
    # Links in explanations point at the built pages.
    assert fieldsets[0].select_one(".mvs-q__explanation a")["href"] == "../processes/"


def test_a_quiz_must_sit_on_the_page_its_file_names(site_data):
    with pytest.raises(ValueError, match=r"says page: definitions.md, but the quiz is on faq/"):
        render_quiz.quiz(site_data, Links.for_page("faq.md", True), "definitions")


# ---- bad input ----

@pytest.fixture
def data_dir(data_dir) -> Path:
    (data_dir / "quizzes" / "sample.yml").write_text(QUIZ)
    return data_dir


def problems_after(data_dir: Path, old: str, new: str, name: str = "sample.yml") -> list[str]:
    edit(data_dir / "quizzes" / name, old, new)
    return problems_in(data_dir)


def test_the_sample_quiz_is_valid(data_dir):
    assert "sample" in {q.id for q in load_data(data_dir, FROZEN / "content").quizzes}


def test_a_single_choice_question_needs_exactly_one_right_option(data_dir):
    found = problems_after(data_dir, "feedback: No. Sales", "correct: true\n        feedback: No. Sales")
    assert found == ["data/quizzes/sample.yml:7:5: questions[0]: "
                     "a single-choice question needs exactly one option with correct: true"]


def test_an_unknown_kind_names_the_kinds(data_dir):
    found = problems_after(data_dir, "kind: order", "kind: ranking")
    assert found == ["data/quizzes/sample.yml:19:11: questions[1].kind: unknown kind 'ranking'; "
                     "use one of: 'single', 'multiple', 'true_false', 'classify', 'order'"]


def test_a_missing_kind_is_reported(data_dir):
    found = problems_after(data_dir, "    kind: true_false\n", "")
    assert found == ["data/quizzes/sample.yml:32:5: questions[2].kind: required field 'kind' is missing; "
                     "use one of: single, multiple, true_false, classify, order"]


def test_an_unknown_field_lists_the_fields_of_that_kind(data_dir):
    found = problems_after(data_dir, "feedback: First, find people.", "feedback: First.\n        answer: 1")
    assert found == ["data/quizzes/sample.yml:24:9: questions[1].items[0].answer: unknown field; "
                     "allowed here: text, feedback"]


def test_true_false_needs_a_boolean(data_dir):
    found = problems_after(data_dir, "answer: false", "answer: maybe")
    assert found == ["data/quizzes/sample.yml:35:13: questions[2].answer: "
                     "should be a valid boolean, unable to interpret input, got 'maybe'"]


def test_question_ids_are_unique_in_a_quiz(data_dir):
    found = problems_after(data_dir, "id: statement", "id: pick-one")
    assert found == ["data/quizzes/sample.yml:32:9: questions[2].id: duplicate id 'pick-one' (first used at line 7)"]


def test_the_quiz_id_matches_its_file_name_and_its_page_exists(data_dir):
    found = problems_after(data_dir, "page: definitions.md", "page: definition.md")
    assert found == ["data/quizzes/sample.yml:4:7: page: links to 'definition.md', but content/ has no such page"]
    found = problems_after(data_dir, "id: sample", "id: example")
    assert "data/quizzes/sample.yml:1:5: id: 'example' should match the file name 'sample'" in found


def test_an_unknown_source_in_a_question_is_reported(data_dir):
    found = problems_after(data_dir, "sources: [mezan/comparison-table]", "sources: [wikipedia/history]")
    assert len(found) == 1
    assert found[0].startswith("data/quizzes/sample.yml:39:15: questions[2].sources[0]: unknown source 'wikipedia'")


def test_a_sorting_item_takes_its_answer_from_the_stage_or_metric_it_names(data_dir):
    data = load_data(data_dir, FROZEN / "content")
    items = next(q for q in data.quiz("sample").questions if q.id == "sort").items
    assert items[1].answer == data.owner("marketing-qualified-lead")
    assert items[2].answer == data.metric("average-deal-size").owner


def test_a_sorting_item_gives_one_answer_only(data_dir):
    found = problems_after(data_dir, "        stage: marketing-qualified-lead",
                           "        stage: marketing-qualified-lead\n        answer: sales")
    assert found == ["data/quizzes/sample.yml:47:9: questions[3].items[1]: "
                     "give exactly one of answer, stage (its owner is the answer) or metric"]


def test_a_sorting_item_must_name_a_real_stage(data_dir):
    found = problems_after(data_dir, "stage: marketing-qualified-lead", "stage: hot-lead")
    assert len(found) == 1
    assert found[0].startswith("data/quizzes/sample.yml:48:16: questions[3].items[1].stage: 'hot-lead' is not a"
                               " customer funnel stage; known: awareness, consideration,")


def test_a_sorting_item_must_name_a_real_metric(data_dir):
    found = problems_after(data_dir, "metric: average-deal-size", "metric: vibes")
    assert found[0].startswith("data/quizzes/sample.yml:51:17: questions[3].items[2].metric: 'vibes' is not a"
                               " metric in tactics.yml; known: ")
