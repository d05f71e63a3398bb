"""Templating shared by the renderers: the Jinja environment and Markdown from data files."""

from __future__ import annotations

from xml.etree.ElementTree import Element

import jinja2
import markdown
import nh3
from markupsafe import Markup

from macros import paths
from macros.data.citations import cite_groups
from macros.data.loading import SiteData
from macros.paths import Links, glossary_entry, source_anchor, source_section

ALLOWED_TAGS = {"p", "a", "em", "strong", "ul", "ol", "li", "code", "br", "blockquote"}
ALLOWED_ATTRIBUTES = {"a": {"href", "title"}}


class _PageLinks(markdown.treeprocessors.Treeprocessor):
    """Point `[text](page.md#anchor)` links at the built page, relative to the page being rendered."""

    links: Links | None = None

    def run(self, root: Element) -> None:
        for a in root.iter("a"):
            href = a.get("href", "")
            if ".md" in href.split("#")[0] and "://" not in href:
                a.set("href", self.links.to(href))


class _PageLinksExtension(markdown.Extension):
    def __init__(self):
        super().__init__()
        self.processor: _PageLinks | None = None

    def extendMarkdown(self, md: markdown.Markdown) -> None:  # noqa: N802 (Markdown's API name)
        self.processor = _PageLinks(md)
        md.treeprocessors.register(self.processor, "mvs_page_links", 5)


# One converter for every text (setting one up costs more than most conversions); builds are single-threaded.
_page_links = _PageLinksExtension()
_markdown = markdown.Markdown(extensions=[_page_links], output_format="html")


def markdown_html(text: str, links: Links) -> Markup:
    """Markdown from a data file -> sanitised HTML."""
    _page_links.processor.links = links
    html = _markdown.reset().convert(text)
    return Markup(nh3.clean(html, tags=ALLOWED_TAGS, attributes=ALLOWED_ATTRIBUTES, link_rel=None))


def _compact(html: str) -> str:
    """Drop blank lines, so Markdown keeps an HTML fragment as one raw block."""
    return "\n".join(line for line in html.splitlines() if line.strip())


_env = jinja2.Environment(
    loader=jinja2.PackageLoader("macros.render", "templates"),
    autoescape=True,
    undefined=jinja2.StrictUndefined,
    trim_blocks=True,
    lstrip_blocks=True,
    keep_trailing_newline=True,
)
_env.globals.update(cite_groups=cite_groups, source_anchor=source_anchor, source_section=source_section,
                    glossary_entry=glossary_entry, paths=paths)
_env.filters["compact"] = lambda html: Markup(_compact(html)) if isinstance(html, Markup) else _compact(html)


def clock(minutes: int) -> str:
    """Minutes from the start as h:mm, e.g. 65 -> '1:05' (a lesson's timings: its plan and its slides)."""
    return f"{minutes // 60}:{minutes % 60:02d}"


def render_template(template: str, data: SiteData, links: Links, **context: object) -> str:
    def md(text: str) -> Markup:
        return markdown_html(text, links)

    html = _env.get_template(template).render(data=data, links=links, md=md, **context)
    return html if template.endswith(".md.jinja") else _compact(html)
