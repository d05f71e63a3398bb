"""The slides for a projector, built from the live data: every piece of a page's data is on a slide (or, for the
teacher, in the notes), in the page's order, and the words come from data/interface.yml. Expected texts are read
from the data, so rewording it never breaks these tests."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
import yaml
from bs4 import BeautifulSoup

from macros import paths
from macros.build.generated_pages import sources as generated_sources
from macros.data.loading import SiteData
from macros.paths import Links, present_file
from macros.render import present
from macros.render.templating import markdown_html
from tests.conftest import ROOT, problems_in


def markdown_of(data: SiteData, src: str) -> str:
    generated = {page: source for page, source, _ in generated_sources(data)}
    return generated.get(src) or (ROOT / "content" / src).read_text(encoding="utf-8")


def words(text: str) -> str:
    """Text as a reader sees it: no markup, one space between words."""
    return " ".join(BeautifulSoup(str(text), "lxml").get_text(" ").split())


def md_words(data: SiteData, text: str) -> str:
    return words(markdown_html(text, Links()))


_DECKS: dict = {}


def _deck(data: SiteData, src: str) -> tuple[str, str, list[present.Slide]]:
    """(the slides' words, the notes' words, the slides) of a page."""
    if (id(data), src) in _DECKS:
        return _DECKS[id(data), src]
    slides = present.slides(data, src, markdown_of(data, src))
    shown = " | ".join(words(f"{s.kicker} {s.heading} {s.body}") for s in slides)
    notes = " | ".join(words(s.notes) for s in slides)
    _DECKS[id(data), src] = shown, notes, slides
    return shown, notes, slides


@pytest.fixture
def deck(site_data):
    return lambda src: _deck(site_data, src)


def test_decks_cover_the_learn_pages_the_examples_and_the_lessons(site_data):
    pages = present.deck_pages(site_data)
    assert {t.page for t in site_data.teaching.pages} <= set(pages)
    assert {paths.example_page(e.id) for e in site_data.examples} <= set(pages)
    assert {paths.lesson_pages(lesson.id)[0] for lesson in site_data.teaching.lessons} <= set(pages)
    assert len(pages) == len(set(pages))


def test_each_learn_page_opens_with_its_objectives_and_ends_its_teaching_with_its_key_points(site_data, deck):
    for teaching in site_data.teaching.pages:
        _, _, slides = deck(teaching.page)
        assert slides[0].kind == "title" and slides[0].heading == site_data.page_titles[teaching.page]
        for objective in teaching.objectives:
            assert words(objective) in words(slides[0].body)
        points = [s for s in slides if s.kind == "points"]
        assert len(points) == 1
        for point in teaching.key_points:
            assert words(point) in words(points[0].body)


def test_definitions_two_to_a_slide_then_the_synthesis(site_data, deck):
    shown, _, slides = deck(paths.DEFINITIONS)
    for d in site_data.definitions.definitions:
        assert words(d.text) in shown and words(d.emphasis) in shown
    per_slide = [len(BeautifulSoup(str(s.body), "lxml").select(".mvs-definition")) for s in slides]
    assert max(per_slide) == 2 and sum(per_slide) == len(site_data.definitions.definitions)
    synthesis = site_data.definitions.synthesis
    for side in (synthesis.marketing, synthesis.sales):
        for block in present.blocks(side):
            assert md_words(site_data, block) in shown


def test_comparison_rows_a_few_to_a_slide_with_their_examples_in_the_notes(site_data, deck):
    shown, notes, slides = deck(paths.DIFFERENCES)
    rows = site_data.comparison.rows
    for row in rows:
        assert words(f"{row.aspect} {row.marketing} {row.sales}") in shown
        assert words(row.example) in notes
    tables = [s for s in slides if "mvs-compare" in s.body]
    assert len(tables) < len(rows)  # more than one row on a slide
    assert sum(str(s.body).count('class="mvs-compare__row"') for s in tables) == len(rows)


def test_each_process_step_has_its_slide(site_data, deck):
    shown, _, slides = deck(paths.PROCESSES)
    headings = [s.heading for s in slides]
    for process in site_data.processes.processes:
        for n, step in enumerate(process.steps, 1):
            assert f"{n}. {step.title}" in headings
            for text in (step.what, step.who, step.example, step.handoff):
                if text:
                    assert words(text) in shown
    for block in present.blocks(site_data.processes.handoff.text):
        assert md_words(site_data, block) in shown


def test_the_funnel_chart_is_the_pages_static_svg_full_screen(site_data, deck):
    shown, _, slides = deck(paths.FUNNEL)
    charts = [s for s in slides if s.kind == "chart"]
    assert len(charts) == 1 + len(site_data.examples)  # the customer funnel and each example's
    soup = BeautifulSoup(str(charts[0].body), "lxml")
    assert soup.select_one(".pr-chart svg.mvs-bars[role=img]") is not None
    assert not soup.select(".mvs-chart__plot, [data-figure]")  # no plotly on slides
    for stage in site_data.funnels.customer_funnel.stages:
        assert stage.name in soup.get_text()
        assert stage.name in shown
    assert words(site_data.funnels.customer_funnel.summary) in shown


def test_tactics_together_and_disagreements(site_data, deck):
    shown, notes, _ = deck(paths.TACTICS)
    for item in (*site_data.tactics.channels, *site_data.tactics.sales_tactics):
        assert words(item.what) in shown and words(item.example) in shown
    for metric in site_data.tactics.metrics:
        assert words(metric.what) in shown
    shown, notes, _ = deck(paths.TOGETHER)
    for topic in site_data.together.topics:
        assert words(topic.summary) in shown
        assert md_words(site_data, topic.body) in notes
    shown, notes, _ = deck(paths.DISAGREEMENTS)
    for item in site_data.disagreements.disagreements:
        assert words(item.question) in shown
        for view in item.views:
            assert words(view.position) in shown and words(view.reasoning) in notes
        for block in present.blocks(item.our_reading):
            assert md_words(site_data, block) in shown


def test_cases_on_the_examples_overview(site_data, deck):
    shown, _, _ = deck(paths.EXAMPLES_OVERVIEW)
    for case in site_data.cases.cases:
        assert case.title in shown and words(case.lesson) in shown
        for block in present.blocks(case.account):
            assert md_words(site_data, block) in shown
    for example in site_data.examples:
        assert words(example.summary) in shown


def test_a_worked_example_its_steps_its_funnel_and_its_discussion_with_model_answers_in_the_notes(site_data, deck):
    for example in site_data.examples:
        shown, _, slides = deck(paths.example_page(example.id))
        for activity in (*example.marketing, *example.sales):
            assert words(activity.activity) in shown
        assert any(s.kind == "chart" and f"chart-{example.id}" in s.body for s in slides)
        for prompt in example.questions:
            slide = next(s for s in slides if s.heading == prompt.question)
            assert md_words(site_data, prompt.answer) in words(slide.notes)
            assert md_words(site_data, prompt.answer) not in words(slide.body)


def test_a_lesson_step_by_step_with_timings_and_activities_in_the_notes_and_prompts_with_model_answers(
        site_data, deck):
    for lesson in site_data.teaching.lessons:
        _, _, slides = deck(paths.lesson_pages(lesson.id)[0])
        assert slides[0].heading == lesson.title
        start = 0
        for step in lesson.steps:
            slide = next(s for s in slides if s.heading == step.title)
            assert f"{start // 60}:{start % 60:02d}" in words(slide.notes)
            assert md_words(site_data, step.activity) in words(slide.notes)
            assert md_words(site_data, step.activity) not in words(slide.body)
            start += step.minutes
        for prompt in lesson.discussion:
            slide = next(s for s in slides if s.heading == prompt.question)
            assert md_words(site_data, prompt.answer) in words(slide.notes)
            assert not words(slide.body)


def test_discussion_prompts_follow_the_step_that_uses_them_or_close_the_deck(site_data, deck):
    for lesson in site_data.teaching.lessons:
        _, _, slides = deck(paths.lesson_pages(lesson.id)[0])
        headings = [s.heading for s in slides]
        first = headings.index(lesson.discussion[0].question)
        assert headings[first:first + len(lesson.discussion)] == [p.question for p in lesson.discussion]
        used_in = next((step for step in lesson.steps if step.discussion), None)
        expected = headings.index(used_in.title) + 1 if used_in else len(headings) - len(lesson.discussion)
        assert first == expected, lesson.id


def test_at_most_one_step_of_a_lesson_uses_the_discussion_prompts(data_dir):
    path = data_dir / "teaching.yml"
    teaching = yaml.safe_load(path.read_text(encoding="utf-8"))
    for step in teaching["lessons"][0]["steps"][:2]:
        step["discussion"] = True
    path.write_text(yaml.safe_dump(teaching, allow_unicode=True, sort_keys=False), encoding="utf-8")
    assert any("at most one step may have discussion: true" in problem for problem in problems_in(data_dir))


def test_every_quiz_question_of_a_page_is_a_slide_with_its_options(site_data, deck):
    for quiz in site_data.quizzes:
        if quiz.page not in present.deck_pages(site_data):
            continue
        _, _, slides = deck(quiz.page)
        asked = [s for s in slides if s.kind == "quiz"]
        assert [s.heading for s in asked] == [q.prompt for q in quiz.questions]
        for slide, question in zip(asked, quiz.questions, strict=True):
            body = BeautifulSoup(str(slide.body), "lxml")
            texts = [words(li.select_one(".pr-option__text")) for li in body.select(".pr-option")]
            items = getattr(question, "options", None) or getattr(question, "items", None)
            if items:
                assert sorted(texts) == sorted(words(i.text) for i in items)
            if question.kind in ("single", "multiple"):
                right = [words(o.text) for o in question.options if o.correct]
                marked = [words(li.select_one(".pr-option__text")) for li in body.select(".pr-option.is-right")]
                assert marked == right
                assert len(body.select(".pr-tally__count")) == len(question.options)
            assert md_words(site_data, question.explanation) in words(body.select_one("[data-explanation]"))
            assert body.select_one("[data-explanation]").has_attr("hidden")  # shown only when revealed


def test_notes_never_sit_in_a_slides_visible_part(site_data):
    for src in present.deck_pages(site_data):
        html = present.present_html(site_data, src, markdown_of(site_data, src))
        soup = BeautifulSoup(html, "lxml")
        for section in soup.select("section.pr-slide"):
            notes = section.select(".pr-notes")
            assert all(n.has_attr("hidden") for n in notes)
            assert section.select_one(".pr-heading") is not None and section.get("aria-labelledby")


def test_the_pages_words_come_from_the_interface_file(site_data):
    soup = BeautifulSoup(present.present_html(site_data, paths.DEFINITIONS, markdown_of(site_data, paths.DEFINITIONS)),
                         "lxml")
    words_ = site_data.interface.present
    labels = [b.get_text(strip=True) for b in soup.select(".pr-controls .pr-button")]
    assert labels == [words_.back, words_.previous, words_.next, words_.notes]
    assert soup.select_one("[data-reveal]").get_text(strip=True) == words_.reveal
    assert set(json.loads(soup.body["data-words"])) == set(present.SCRIPT_WORDS)
    js = (ROOT / "content" / "assets" / "present.js").read_text(encoding="utf-8")
    for text in words_.model_dump().values():  # no word of the interface file written into the script
        assert f'"{text}"' not in js


def test_paginate_keeps_order_and_budget():
    groups = present.paginate(list(range(10)), lambda i: 3 if i != 4 else 20, budget=7)
    assert [i for g in groups for i in g] == list(range(10))
    assert [4] in groups
    assert all(sum(3 for i in g) <= 7 for g in groups if 4 not in g)


def test_calls_read_headings_and_arguments():
    markdown = ('# Title\n\n{{ objectives() }}\n\n## Marketing, in voices { #marketing }\n\n'
                '{{ definitions("marketing") }}\n')
    assert present.calls(markdown) == [("objectives", (), "Title"), ("definitions", ("marketing",),
                                                                     "Marketing, in voices")]


def test_the_link_and_the_files(site_data):
    assert present.present_link(site_data, Links.for_page("faq.md", True), "faq.md") == ""
    link = BeautifulSoup(present.present_link(site_data, Links.for_page("funnel.md", True), "funnel.md"), "lxml").a
    assert link["href"] == "../present/funnel/" and link.get_text() == site_data.interface.present.link
    assert present_file("funnel.md", True) == "present/funnel/index.html"
    assert present_file("funnel.md", False) == "present/funnel.html"
    assert present_file("examples/index.md", True) == "present/examples/index.html"


def test_write_decks_writes_a_standalone_page_per_deck(site_data, tmp_path: Path):
    sources = {src: markdown_of(site_data, src) for src in present.deck_pages(site_data)}
    written = present.write_decks(site_data, sources, tmp_path, directory_urls=False)
    assert len(written) == len(sources)
    html = (tmp_path / "present" / "definitions.html").read_text(encoding="utf-8")
    assert 'href="../definitions.html"' in html and 'src="../assets/present.js"' in html
    assert not re.search(r"https?://", re.sub(r'href="https?://[^"]*"', "", html))  # nothing from elsewhere
