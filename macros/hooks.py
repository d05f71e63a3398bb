"""MkDocs hooks: pages generated from data, glossary links, quiz downloads, and our front-end files."""

from __future__ import annotations

import sys
from pathlib import Path

# MkDocs loads a hook file by path, not as part of its package.
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from macros import site_data
from macros.exports import write_downloads
from macros.generated_pages import add_files, add_to_nav
from macros.glossary_links import link_terms
from macros.links import Links
from macros.minify import minify_assets
from macros.offline import adapt_config
from macros.page_scripts import page_scripts
from macros.vendor import copy_vendor_files


def on_config(config):
    add_to_nav(config, site_data(Path(config.config_file_path).parent))
    adapt_config(config)
    return config


def on_files(files, config):
    return add_files(files, config, site_data(Path(config.config_file_path).parent))


def on_page_content(html, page, config, files):
    data = site_data(Path(config.config_file_path).parent)
    links = Links.for_page(page.file.src_uri, config.use_directory_urls)
    html = link_terms(html, data.glossary.terms, lambda term: links.to(f"glossary.md#{term.id}"))
    return html + page_scripts(html, links)


def on_post_build(config):
    root = Path(config.config_file_path).parent
    copy_vendor_files(root, Path(config.site_dir))
    write_downloads(site_data(root), Path(config.site_dir))
    minify_assets(Path(config.site_dir))
