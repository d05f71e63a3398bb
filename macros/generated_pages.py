"""Pages generated from data: one per worked example, one answer key per quiz.

A teacher adds an example or a quiz by adding one YAML file: its page, its place in
the navigation (examples only), the lists and the simulator's presets all follow.
"""

from __future__ import annotations

import json

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files, InclusionLevel

from macros.loading import SiteData, example_page
from macros.render_quiz import key_page

SECTION = "Worked examples"
OVERVIEW = "examples/index.md"


def add_to_nav(config: MkDocsConfig, data: SiteData) -> None:
    """Put each example's page in the 'Worked examples' section, after the overview."""
    for item in config.nav or []:
        if isinstance(item, dict) and SECTION in item:
            section = item[SECTION]
            listed = [_target(entry) for entry in section]
            at = listed.index(OVERVIEW) if OVERVIEW in listed else len(section) - 1
            new = [{e.business: example_page(e.id)} for e in data.examples if example_page(e.id) not in listed]
            section[at + 1:at + 1] = new
            return
    raise ValueError(f"mkdocs.yml's nav needs a '{SECTION}' section listing {OVERVIEW}")


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


def add_files(files: Files, config: MkDocsConfig, data: SiteData) -> Files:
    for example in data.examples:
        files.append(File.generated(config, example_page(example.id), content=example_source(example)))
    for quiz in data.quizzes:
        files.append(File.generated(config, key_page(quiz.id), content=answer_key_source(quiz),
                                    inclusion=InclusionLevel.NOT_IN_NAV))
    return files
