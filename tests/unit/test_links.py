"""Relative links between pages, with and without directory URLs."""

import pytest

from macros.paths import Links, page_url


@pytest.mark.parametrize(("src", "directory_urls", "url"), [
    ("index.md", True, ""),
    ("faq.md", True, "faq/"),
    ("examples/index.md", True, "examples/"),
    ("examples/cafe.md", True, "examples/cafe/"),
    ("index.md", False, "index.html"),
    ("faq.md", False, "faq.html"),
    ("examples/index.md", False, "examples/index.html"),
])
def test_page_url(src, directory_urls, url):
    assert page_url(src, directory_urls) == url


@pytest.mark.parametrize(("current", "target", "directory_urls", "href"), [
    ("definitions.md", "faq.md#x", True, "../faq/#x"),
    ("index.md", "faq.md", True, "faq/"),
    ("faq.md", "index.md", True, "../"),
    ("faq.md", "faq.md#x", True, "#x"),
    ("examples/cafe.md", "sources.md#mezan", True, "../../sources/#mezan"),
    ("definitions.md", "faq.md#x", False, "faq.html#x"),
    ("examples/cafe.md", "index.md", False, "../index.html"),
])
def test_links_between_pages(current, target, directory_urls, href):
    assert Links.for_page(current, directory_urls).to(target) == href
