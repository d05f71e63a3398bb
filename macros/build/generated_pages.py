"""Pages generated from data: one per worked example, an answer key per quiz, and per
lesson its plan, worksheet and worksheet key.

A teacher adds an example, a quiz or a lesson by adding data: its pages, their place in
the navigation, the lists and the simulator's presets all follow.
"""

from __future__ import annotations

import json

from macros import paths
from macros.data.loading import SiteData

# nav section -> the page the generated entries follow
SECTIONS = {"Worked examples": paths.EXAMPLES_OVERVIEW, "For teachers": paths.TEACHERS_OVERVIEW}


def add_to_nav(nav: list, data: SiteData) -> None:
    """Put each example's page and each lesson plan in their sections, after the section's overview."""
    entries = {
        "Worked examples": [{e.business: paths.example_page(e.id)} for e in data.examples],
        "For teachers": [{lesson.title: paths.lesson_pages(lesson.id)[0]} for lesson in data.teaching.lessons],
    }
    for name, overview in SECTIONS.items():
        section = next((item[name] for item in nav if isinstance(item, dict) and name in item), None)
        if section is None:
            raise ValueError(f"mkdocs.yml's nav needs a '{name}' section listing {overview}")
        listed = [_target(entry) for entry in section]
        at = listed.index(overview) if overview in listed else len(section) - 1
        section[at + 1:at + 1] = [e for e in entries[name] if _target(e) not in listed]


def _target(entry: str | dict) -> str:
    return entry if isinstance(entry, str) else next(iter(entry.values()))


def _page(description: str, *calls: str, **meta: object) -> str:
    """Markdown with front matter (JSON is valid YAML) and macro calls, e.g. 'quiz("final")'."""
    if len(description) > 160:
        description = description[:157].rsplit(" ", 1)[0] + "…"
    front = "\n".join(f"{key}: {json.dumps(value)}" for key, value in {"description": description, **meta}.items())
    body = "\n\n".join(f"{{{{ {call} }}}}" for call in calls)
    return f"---\n{front}\n---\n\n{body}\n"


def _call(macro: str, *args: str) -> str:
    return f"{macro}({', '.join(json.dumps(a) for a in args)})"


def example_source(example, data: SiteData) -> str:
    page = paths.example_page(example.id)
    quizzes = [_call("quiz", q.id) for q in data.quizzes if q.page == page]
    return _page(example.summary, _call("example_page", example.id), *quizzes)


def answer_key_source(quiz) -> str:
    # Answer keys stay out of the site search, so a learner searching a topic does not land on them.
    return _page(f"Answer key for the quiz '{quiz.title}': {quiz.summary}", _call("answer_key", quiz.id),
                 search={"exclude": True})


def lesson_sources(lesson) -> list[tuple[str, str]]:
    """(page, Markdown) for a lesson's plan, worksheet and worksheet key (the key stays out of search)."""
    plan, sheet, key = paths.lesson_pages(lesson.id)
    return [
        (plan, _page(lesson.summary, _call("lesson", lesson.id))),
        (sheet, _page(f"A printable worksheet for the lesson '{lesson.title}', with space to write.",
                      _call("worksheet", lesson.id))),
        (key, _page(f"The answers to the worksheet of the lesson '{lesson.title}', for teachers.",
                    _call("worksheet_key", lesson.id), search={"exclude": True})),
    ]


def sources(data: SiteData) -> list[tuple[str, str, bool]]:
    """(page, Markdown, listed in the navigation) for every generated page."""
    pages = [(paths.example_page(e.id), example_source(e, data), True) for e in data.examples]
    pages += [(paths.key_page(q.id), answer_key_source(q), False) for q in data.quizzes]
    for lesson in data.teaching.lessons:
        pages += [(page, source, i == 0) for i, (page, source) in enumerate(lesson_sources(lesson))]
    return pages
