"""The build's steps as plain functions of the project, independent of the site generator.

MkDocs (or ProperDocs) calls them from `mkdocs_hooks.py` and `macros_env.py`; another engine needs
one small adapter that calls the same functions at the same moments:

1. `load(root)`: the validated data (cached until a file in data/ or content/ changes);
2. `nav_with_generated_pages(nav, data)` and `generated_pages(data)`: pages made from data;
3. each page's Markdown runs the macros in `PAGE_MACROS` (see `page_macros`);
4. `finish_page(html, src, directory_urls, data)`: glossary links and the page's scripts;
5. `finish_site(root, site_dir, data)`: the quiz widget's words, vendor files, quiz downloads, minified
   assets and pages, the theme's stylesheets cut down to what the pages use.
"""

from __future__ import annotations

import functools
import importlib
from pathlib import Path

from macros.data.loading import DataError, SiteData, load_data
from macros.paths import Links

RENDERERS = ("pages", "quiz", "teaching", "downloads", "tools")


class BuildError(Exception):
    """The build cannot go on; the message says what to do."""


def load(root: Path) -> SiteData:
    """The validated data of the project at root; a BuildError lists every problem."""
    stamp = tuple((str(p), p.stat().st_mtime_ns) for d in ("data", "content") for p in sorted((root / d).rglob("*")))
    return _load(root, stamp)


@functools.lru_cache(maxsize=4)
def _load(root: Path, stamp: tuple) -> SiteData:
    try:
        return load_data(root / "data", root / "content")
    except DataError as err:
        raise BuildError(f"{err}\n{len(err.problems)} problem(s) in data/") from None


def page_macros() -> dict:
    """Every page macro by name: renderer(data, links, *args) -> HTML or Markdown."""
    found = {}
    for name in RENDERERS:
        found.update(importlib.import_module(f"macros.render.{name}").PAGE_MACROS)
    return found


def nav_with_generated_pages(nav: list, data: SiteData) -> None:
    from macros.build.generated_pages import add_to_nav

    add_to_nav(nav, data)


def generated_pages(data: SiteData) -> list[tuple[str, str, bool]]:
    """(page, Markdown source, listed in the navigation) for every page made from data."""
    from macros.build.generated_pages import sources

    return sources(data)


def finish_page(html: str, src: str, directory_urls: bool, data: SiteData) -> str:
    """A page's HTML with glossary terms linked and the scripts its widgets need. The sources page is left
    unlinked: it reports each article in the article's own terms, not overlaid with the site's definitions."""
    from macros.build.glossary_links import link_terms
    from macros.build.page_scripts import page_scripts
    from macros.paths import SOURCES, glossary_entry
    from macros.render.present import present_link

    links = Links.for_page(src, directory_urls)
    if src != SOURCES:
        html = link_terms(html, data.glossary.terms, lambda term: links.to(glossary_entry(term.id)))
    # A page with slides links to them under its title.
    link = present_link(data, links, src)
    if link and "</h1>" in html:
        html = html.replace("</h1>", "</h1>\n" + link, 1)
    return html + page_scripts(html, links)


def finish_site(root: Path, site_dir: Path, data: SiteData, directory_urls: bool = True) -> None:
    """After every page is written: the slides, the quiz widget's words, the vendor files, the quiz downloads,
    minified assets and pages, and the theme's stylesheets cut down to what the pages and scripts use (last: it
    reads them all)."""
    from macros.build.minify import minify_assets, minify_pages
    from macros.build.theme_css import trim_theme_css
    from macros.build.vendor import copy_vendor_files
    from macros.exports import write_downloads
    from macros.paths import QUIZ_WORDS
    from macros.render.quiz import quiz_words_script

    write_slides(root, site_dir, data, directory_urls)
    (site_dir / QUIZ_WORDS).write_text(quiz_words_script(data), encoding="utf-8")
    copy_vendor_files(root, site_dir)
    write_downloads(data, site_dir)
    minify_assets(site_dir)
    minify_pages(site_dir)
    trim_theme_css(site_dir)


def write_slides(root: Path, site_dir: Path, data: SiteData, directory_urls: bool = True) -> list[Path]:
    """The slides for a projector of every page that has them, read from each page's Markdown (content/ or made
    from data), each a standalone page under present/."""
    from macros.render.present import deck_pages, write_decks

    sources = {page: source for page, source, _ in generated_pages(data)}
    for page in deck_pages(data):
        if page not in sources:
            sources[page] = (root / "content" / page).read_text(encoding="utf-8")
    return write_decks(data, sources, site_dir, directory_urls)
