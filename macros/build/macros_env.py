"""The mkdocs-macros adapter: the data and every page macro, bound to the page being rendered."""

from __future__ import annotations

import functools
from pathlib import Path

from macros.build import pipeline
from macros.build.mkdocs_hooks import reported
from macros.build.offline import offline_enabled
from macros.paths import Links


@reported
def define_env(env) -> None:
    data = pipeline.load(Path(env.project_dir))
    env.variables["site_data"] = data
    env.variables["offline_build"] = offline_enabled(env.conf)

    def bind(renderer):
        @functools.wraps(renderer)
        def macro(*args):
            return renderer(data, Links.for_page(env.page.file.src_uri, env.conf["use_directory_urls"]), *args)

        return macro

    for name, renderer in pipeline.page_macros().items():
        env.macro(bind(renderer), name)
