"""A real `python -m macros build` of the site, parsed and checked."""

from __future__ import annotations

import functools
import re
from pathlib import Path
from urllib.parse import unquote, urljoin, urlparse

import pytest
import yaml
from bs4 import BeautifulSoup

from macros import paths
from macros.data.citations import citations
from macros.data.loading import DataError, load_data
from macros.paths import example_page, key_page, lesson_pages, page_url
from tests.conftest import ROOT

CONTENT_PAGES = [
    "index.md", "definitions.md", "differences.md", "processes.md", "funnel.md", "tactics.md", "together.md",
    "disagreements.md", "examples/index.md", "examples/add-your-own.md", "quizzes/index.md", "quizzes/final.md",
    "quizzes/progress.md", "tools/checkup.md", "tools/invest.md", "teachers/index.md", "answer-keys/index.md",
    "teachers/downloads.md", "faq.md",
    "glossary.md", "sources.md",
]


def _generated_pages() -> tuple[list[str], list[str], list[str], list[str]]:
    """Pages made from data: examples, lesson plans, answer keys, worksheets. With broken data there
    are none, so collection still works and the `built_site` fixture reports the data's problems."""
    try:
        data = load_data(ROOT / "data", ROOT / "content")
    except DataError:
        return [], [], [], []
    lessons = data.teaching.lessons
    return ([example_page(e.id) for e in data.examples], [lesson_pages(lesson.id)[0] for lesson in lessons],
            [key_page(q.id) for q in data.quizzes],
            [page for lesson in lessons for page in lesson_pages(lesson.id)[1:]])


GENERATED_PAGES, LESSON_PAGES, KEY_PAGES, WORKSHEET_PAGES = _generated_pages()
NAV_PAGES = CONTENT_PAGES + GENERATED_PAGES + LESSON_PAGES
ALL_PAGES = NAV_PAGES + KEY_PAGES + WORKSHEET_PAGES


def html_files(site: Path) -> list[Path]:
    return sorted(p for p in site.rglob("*.html"))


@functools.cache
def page_tree(path: Path) -> BeautifulSoup:
    """A built HTML file, parsed once per run: the site is built once and never changed, so tests share the
    tree (and must not change it)."""
    return BeautifulSoup(path.read_text(encoding="utf-8"), "lxml")


def soup_of(site: Path, src: str) -> BeautifulSoup:
    return page_tree(site / page_url(src, True) / "index.html")


def test_nav_lists_every_content_page():
    config = yaml.load((ROOT / "mkdocs.yml").read_text(), Loader=yaml.BaseLoader)

    def pages(items):
        for item in items:
            for value in item.values():
                yield from (pages(value) if isinstance(value, list) else [value])

    assert sorted(pages(config["nav"])) == sorted(CONTENT_PAGES)
    assert sorted(p.relative_to(ROOT / "content").as_posix() for p in (ROOT / "content").rglob("*.md")) == sorted(
        CONTENT_PAGES)


def test_generated_example_pages_are_in_the_built_nav(built_site, site_data):
    nav = soup_of(built_site, "index.md").select("nav.md-nav--primary a.md-nav__link")
    hrefs = [a["href"] for a in nav]
    for example in site_data.examples:
        assert f"examples/{example.id}/" in hrefs
    labels = [a.get_text(strip=True) for a in nav]
    overview = labels.index("Overview")
    assert labels[overview + 1:overview + 1 + len(site_data.examples)] == [e.business for e in site_data.examples]


@pytest.mark.parametrize("src", ALL_PAGES)
def test_page_has_title_description_and_no_leftovers(built_site, src):
    soup = soup_of(built_site, src)
    description = soup.find("meta", attrs={"name": "description"})["content"]
    assert 50 <= len(description) <= 170
    assert soup.find("h1").text.strip()
    text = soup.find("article").get_text(" ")
    assert "{{" not in text and "{%" not in text
    assert not re.search(r"\b(TODO|TBD|lorem ipsum)\b", text, re.I)


def test_each_page_has_its_own_description(built_site):
    descriptions = [soup_of(built_site, src).find("meta", attrs={"name": "description"})["content"]
                    for src in ALL_PAGES]
    assert len(set(descriptions)) == len(ALL_PAGES)


def test_nothing_is_loaded_from_another_origin(built_site):
    for path in html_files(built_site):
        soup = page_tree(path)
        for tag, attr in (("script", "src"), ("link", "href"), ("img", "src"), ("iframe", "src")):
            for el in soup.find_all(tag):
                url = el.get(attr, "")
                if tag == "link" and el.get("rel") in (["canonical"], ["alternate"]):
                    continue
                assert not urlparse(url).netloc and not url.startswith("//"), f"{path}: {tag} loads {url}"
    css = "\n".join(p.read_text(encoding="utf-8") for p in built_site.rglob("*.css"))
    assert "fonts.googleapis" not in css and "fonts.gstatic" not in css


def test_every_internal_link_and_anchor_resolves(built_site):
    ids: dict[Path, set[str]] = {}
    for path in html_files(built_site):
        ids[path] = {el["id"] for el in page_tree(path).find_all(id=True)}
    broken = []
    for path in html_files(built_site):
        if path.name == "404.html":
            continue
        soup = page_tree(path)
        for a in soup.select("article a[href], nav a[href]"):
            href = a["href"]
            parsed = urlparse(href)
            if parsed.scheme or parsed.netloc:
                continue
            target = (path.parent / unquote(parsed.path)).resolve() if parsed.path else path
            if target.is_dir():
                target = target / "index.html"
            if not target.is_file():
                broken.append(f"{path.relative_to(built_site)}: {href} (no such file)")
            elif parsed.fragment and parsed.fragment not in ids.get(target, set()):
                broken.append(f"{path.relative_to(built_site)}: {href} (no such anchor)")
    assert broken == []


def test_comparison_covers_the_required_aspects(built_site, site_data):
    soup = soup_of(built_site, "differences.md")
    aspects = [th.get_text(" ", strip=True).lower() for th in soup.select("table.mvs-compare th[scope=row]")]
    required = ["focus", "scope", "activities", "interaction", "time horizon", "metrics", "end goal", "tasks",
                "techniques", "skills", "target audience", "customer engagement", "customer journey", "channels"]
    for word in required:
        assert any(word in aspect for aspect in aspects), f"no comparison row about {word}"
    assert len(aspects) == len(site_data.comparison.rows)
    for row in site_data.comparison.rows:
        example = soup.find(id=row.id).find("tr", class_="mvs-compare__example")
        assert "Example:" in example.text and example.select("a[href*='sources/#']")


def test_processes_have_five_and_seven_steps_with_all_parts(built_site):
    soup = soup_of(built_site, "processes.md")
    steps = {side: soup.select(f"ol.mvs-side--{side} > li") for side in ("marketing", "sales")}
    assert (len(steps["marketing"]), len(steps["sales"])) == (5, 7)
    for li in steps["marketing"] + steps["sales"]:
        labels = [dt.text for dt in li.find_all("dt")]
        assert labels[:3] == ["What happens", "Who does it", "Example"]
        assert li.select(".mvs-cite a")
    assert soup.select_one("#handoff + * , .mvs-handoff") is not None


def test_cited_items_and_the_sources_page_agree(built_site, site_data):
    """Every citation on a page links to one part of a source, and that part's entry links back to the item."""
    back_links = {}
    sources = soup_of(built_site, "sources.md")
    for source in site_data.sources.sources:
        for section in source.sections:
            entry = sources.find(id=f"{source.id}--{section.id}")
            assert entry is not None
            assert source.kind == "site" or section.display in entry.get_text()
            back_links[entry["id"]] = {a["href"] for a in entry.select("details a")}
    checked = 0
    for src in NAV_PAGES:
        if src == "sources.md":
            continue
        soup = soup_of(built_site, src)
        base = page_url(src, True)
        for cite in soup.select(".mvs-cite"):
            item = cite.find_parent(id=True)
            if item is None or item.name == "article":
                item = cite.find_previous(re.compile("^h[1-4]$"), id=True)
            for a in cite.find_all("a"):
                part = a["href"].split("#")[1]
                expected = "../" + urljoin(base, f"#{item['id']}") if base else f"../#{item['id']}"
                assert expected in back_links[part], f"{src}#{item['id']} cites {part}, not listed back"
                checked += 1
    assert checked > 500


def test_every_source_is_cited(site_data):
    cited = {ref.split("/")[0] for ref in citations(site_data)}
    assert {s.id for s in site_data.sources.sources} <= cited


def test_every_citation_names_the_part_of_the_source(built_site, site_data):
    """A citation reads "Mezan, comparison table": the source's short name and the part cited, never the name alone."""
    shorts = {s.short for s in site_data.sources.sources}
    for src in NAV_PAGES:
        for cite in soup_of(built_site, src).select(".mvs-cite"):
            for a in cite.find_all("a"):
                assert a.get_text(strip=True) not in shorts, f"{src}: a citation names only {a.get_text()}"
                assert "--" in a["href"], a["href"]


def test_glossary_terms_link_to_their_definitions(built_site, site_data):
    assert len(site_data.glossary.terms) >= 30
    definitions = {t.id: t.definition for t in site_data.glossary.terms}
    linked = 0
    for src in NAV_PAGES:
        for a in soup_of(built_site, src).select("article a.mvs-term"):
            term_id = a["href"].split("#")[1]
            assert a["title"] == definitions[term_id]
            linked += 1
    assert linked >= 30
    # The sources page speaks of each article in the article's terms; quiz answers quote plain text.
    assert not soup_of(built_site, paths.SOURCES).select("a.mvs-term")
    assert not [src for src in NAV_PAGES if soup_of(built_site, src).select(".mvs-q__answer a.mvs-term")]


def test_404_page_and_favicon(built_site):
    soup = BeautifulSoup((built_site / "404.html").read_text(encoding="utf-8"), "lxml")
    assert soup.find("h1").text.strip() == "Page not found"
    assert soup.select("article a[href]")
    icon = soup.find("link", rel="icon")["href"]
    assert icon.startswith("data:image/svg+xml,") and "<svg" in unquote(icon)
