"""mkdocs-macros entry point: load the data once and register the page macros."""

from __future__ import annotations

import functools
from pathlib import Path

from mkdocs.exceptions import PluginError

from macros import render, render_downloads, render_quiz, render_teaching, render_tools
from macros.links import Links
from macros.loading import DataError, SiteData, load_data
from macros.offline import offline_enabled


def site_data(root: Path) -> SiteData:
    """The validated data of the project at root; a PluginError lists every problem."""
    stamp = tuple((str(p), p.stat().st_mtime_ns) for d in ("data", "content") for p in sorted((root / d).rglob("*")))
    return _site_data(root, stamp)


@functools.lru_cache(maxsize=4)
def _site_data(root: Path, stamp: tuple) -> SiteData:
    try:
        return load_data(root / "data", root / "content")
    except DataError as err:
        raise PluginError(f"{err}\n{len(err.problems)} problem(s) in data/") from None


def define_env(env) -> None:
    """Wire the data and the renderers into mkdocs-macros."""
    data = site_data(Path(env.project_dir))
    env.variables["site_data"] = data
    env.variables["offline_build"] = offline_enabled(env.conf)

    def links() -> Links:
        return Links.for_page(env.page.file.src_uri, env.conf["use_directory_urls"])

    def bind(renderer):
        @functools.wraps(renderer)
        def macro(*args):
            return renderer(data, links(), *args)

        return macro

    macros = (render, render_quiz, render_teaching, render_downloads, render_tools)
    for name, renderer in {k: v for m in macros for k, v in m.PAGE_MACROS.items()}.items():
        env.macro(bind(renderer), name)
