"""Relative links between pages, for HTML that MkDocs does not rewrite."""

from __future__ import annotations

from dataclasses import dataclass

from mkdocs.utils import get_relative_url


def page_url(src: str, directory_urls: bool) -> str:
    """The site URL of a page in content/: 'faq.md' -> 'faq/' (or 'faq.html')."""
    stem = src.removesuffix(".md")
    if stem == "index" or stem.endswith("/index"):
        base = stem.removesuffix("index")
        return base if directory_urls else f"{base}index.html"
    return f"{stem}/" if directory_urls else f"{stem}.html"


@dataclass(frozen=True)
class Links:
    """Links from one page to the others."""

    current: str = ""
    directory_urls: bool = True

    @classmethod
    def for_page(cls, src: str, directory_urls: bool) -> Links:
        return cls(page_url(src, directory_urls), directory_urls)

    def asset(self, path: str) -> str:
        """A file of the site, e.g. 'assets/funnels.js', relative to the current page."""
        return get_relative_url(path, self.current or ".")

    def to(self, target: str) -> str:
        """'faq.md#invest-first' -> a URL relative to the current page."""
        src, _, anchor = target.partition("#")
        suffix = f"#{anchor}" if anchor else ""
        url = page_url(src, self.directory_urls)
        if url == self.current:
            return suffix or "./"
        relative = get_relative_url(url or ".", self.current or ".")
        if self.directory_urls and not relative.endswith("/") and relative != ".":
            relative += "/"
        return f"{relative}{suffix}"
