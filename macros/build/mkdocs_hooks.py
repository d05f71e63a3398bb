"""The MkDocs/ProperDocs adapter: each hook calls one step of `pipeline`."""

from __future__ import annotations

import functools
import sys
from pathlib import Path

# MkDocs loads a hook file by path, not as part of its package.
sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, InclusionLevel

from macros.build import pipeline
from macros.build.offline import adapt_config


def reported(step):
    """A BuildError becomes the engine's own error: a message, no traceback."""

    @functools.wraps(step)
    def run(*args, **kwargs):
        try:
            return step(*args, **kwargs)
        except pipeline.BuildError as err:
            raise PluginError(str(err)) from None

    return run


def site_data(config):
    return pipeline.load(Path(config.config_file_path).parent)


@reported
def on_config(config):
    if config.nav is not None:
        pipeline.nav_with_generated_pages(config.nav, site_data(config))
    adapt_config(config)
    return config


@reported
def on_files(files, config):
    for page, source, in_nav in pipeline.generated_pages(site_data(config)):
        inclusion = InclusionLevel.UNDEFINED if in_nav else InclusionLevel.NOT_IN_NAV
        files.append(File.generated(config, page, content=source, inclusion=inclusion))
    return files


@reported
def on_page_content(html, page, config, files):
    return pipeline.finish_page(html, page.file.src_uri, config.use_directory_urls, site_data(config))


@reported
def on_post_build(config):
    pipeline.finish_site(Path(config.config_file_path).parent, Path(config.site_dir), site_data(config),
                         config.use_directory_urls)
