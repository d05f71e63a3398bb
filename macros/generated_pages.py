"""Pages generated from data: one per worked example, an answer key per quiz, and per
lesson its plan, worksheet and worksheet key.

A teacher adds an example, a quiz or a lesson by adding data: its pages, their place in
the navigation, the lists and the simulator's presets all follow.
"""

from __future__ import annotations

import json

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files, InclusionLevel

from macros.loading import SiteData, example_page, lesson_pages
from macros.render_quiz import key_page

# nav section -> the page the generated entries follow
SECTIONS = {"Worked examples": "examples/index.md", "For teachers": "teachers/index.md"}


def add_to_nav(config: MkDocsConfig, data: SiteData) -> None:
    """Put each example's page and each lesson plan in their sections, after the section's overview."""
    entries = {
        "Worked examples": [{e.business: example_page(e.id)} for e in data.examples],
        "For teachers": [{lesson.title: lesson_pages(lesson.id)[0]} for lesson in data.teaching.lessons],
    }
    for name, overview in SECTIONS.items():
        section = next((item[name] for item in config.nav or [] if isinstance(item, dict) and name in item), None)
        if section is None:
            raise ValueError(f"mkdocs.yml's nav needs a '{name}' section listing {overview}")
        listed = [_target(entry) for entry in section]
        at = listed.index(overview) if overview in listed else len(section) - 1
        section[at + 1:at + 1] = [e for e in entries[name] if _target(e) not in listed]


def _target(entry: str | dict) -> str:
    return entry if isinstance(entry, str) else next(iter(entry.values()))


def _page(description: str, body: str, **meta: object) -> str:
    """Markdown with front matter (JSON is valid YAML) and a macro call."""
    if len(description) > 160:
        description = description[:157].rsplit(" ", 1)[0] + "…"
    front = "\n".join(f"{key}: {json.dumps(value)}" for key, value in {"description": description, **meta}.items())
    return f"---\n{front}\n---\n\n{body}\n"


def example_source(example) -> str:
    return _page(example.summary, f"{{{{ example_page({json.dumps(example.id)}) }}}}")


def answer_key_source(quiz) -> str:
    # Answer keys stay out of the site search, so a learner searching a topic does not land on them.
    return _page(f"Answer key for the quiz '{quiz.title}': {quiz.summary}",
                 f"{{{{ answer_key({json.dumps(quiz.id)}) }}}}", search={"exclude": True})


def lesson_sources(lesson) -> list[tuple[str, str]]:
    """(page, Markdown) for a lesson's plan, worksheet and worksheet key (the key stays out of search)."""
    plan, sheet, key = lesson_pages(lesson.id)
    call = json.dumps(lesson.id)
    return [
        (plan, _page(lesson.summary, f"{{{{ lesson({call}) }}}}")),
        (sheet, _page(f"A printable worksheet for the lesson '{lesson.title}', with space to write.",
                      f"{{{{ worksheet({call}) }}}}")),
        (key, _page(f"The answers to the worksheet of the lesson '{lesson.title}', for teachers.",
                    f"{{{{ worksheet_key({call}) }}}}", search={"exclude": True})),
    ]


def add_files(files: Files, config: MkDocsConfig, data: SiteData) -> Files:
    for example in data.examples:
        files.append(File.generated(config, example_page(example.id), content=example_source(example)))
    for quiz in data.quizzes:
        files.append(File.generated(config, key_page(quiz.id), content=answer_key_source(quiz),
                                    inclusion=InclusionLevel.NOT_IN_NAV))
    for lesson in data.teaching.lessons:
        for i, (page, source) in enumerate(lesson_sources(lesson)):
            inclusion = InclusionLevel.UNDEFINED if i == 0 else InclusionLevel.NOT_IN_NAV
            files.append(File.generated(config, page, content=source, inclusion=inclusion))
    return files
