"""Pages and navigation entries generated for the worked examples in data/examples/.

A teacher adds an example by adding one YAML file: its page, its place in the
navigation, the overview and the simulator's presets all follow from the data.
"""

from __future__ import annotations

import json

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files

from macros.loading import SiteData, example_page

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


def page_source(example) -> str:
    """The Markdown of an example's page: front matter and one macro call."""
    summary = example.summary if len(example.summary) <= 160 else example.summary[:157].rsplit(" ", 1)[0] + "…"
    meta = {"description": summary}
    return f"---\n{json.dumps(meta)[1:-1]}\n---\n\n{{{{ example_page({json.dumps(example.id)}) }}}}\n"


def add_files(files: Files, config: MkDocsConfig, data: SiteData) -> Files:
    for example in data.examples:
        files.append(File.generated(config, example_page(example.id), content=page_source(example)))
    return files
