"""Where everything is on the site: content pages, generated pages, their anchors, and relative links.

Pages are named by their source in content/ ('faq.md'); `Links` turns them into URLs relative to
the page being rendered. No other module spells out a page or an anchor.
"""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import urljoin

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


@dataclass(frozen=True)
class SiteLinks(Links):
    """Links from outside the site (a quiz packaged for a learning platform) to its published pages."""

    base: str = ""

    def to(self, target: str) -> str:
        src, _, anchor = target.partition("#")
        return urljoin(self.base, page_url(src, self.directory_urls)) + (f"#{anchor}" if anchor else "")


# Content pages that widgets and citations point at.
HOME = "index.md"
DEFINITIONS = "definitions.md"
DIFFERENCES = "differences.md"
PROCESSES = "processes.md"
FUNNEL = "funnel.md"
TACTICS = "tactics.md"
TOGETHER = "together.md"
DISAGREEMENTS = "disagreements.md"
FAQ = "faq.md"
GLOSSARY = "glossary.md"
SOURCES = "sources.md"
EXAMPLES_OVERVIEW = "examples/index.md"
QUIZ_PROGRESS = "quizzes/progress.md"
QUIZ_PAGES = "quizzes/"  # pages given over to a quiz (the final quiz), rather than closing a topic
CHECKUP = "tools/checkup.md"
INVEST = "tools/invest.md"
TEACHERS_OVERVIEW = "teachers/index.md"
SIMULATOR = f"{FUNNEL}#simulator"
# The zipped offline copy, a file of the built site.
OFFLINE_ZIP = "downloads/marketing-vs-sales-offline.zip"
# The quiz widget's words (data/interface.yml), written by the build for quizzes.js: one file, not one copy per quiz.
QUIZ_WORDS = "assets/quiz-words.js"

# Folders of pages generated from data.
EXAMPLES_DIR = "examples"
ANSWER_KEYS_DIR = "answer-keys"
LESSONS_DIR = "teachers"


def example_page(example_id: str) -> str:
    """The page generated for a worked example."""
    return f"{EXAMPLES_DIR}/{example_id}.md"


def key_page(quiz_id: str) -> str:
    """The answer-key page generated for a quiz."""
    return f"{ANSWER_KEYS_DIR}/{quiz_id}.md"


def lesson_pages(lesson_id: str) -> tuple[str, str, str]:
    """The pages generated for a lesson: its plan, its worksheet and the worksheet's key."""
    base = f"{LESSONS_DIR}/{lesson_id}"
    return f"{base}.md", f"{base}-worksheet.md", f"{base}-worksheet-key.md"


def source_anchor(source_id: str, section_id: str) -> str:
    """The Sources page's anchor for one section of a source."""
    return f"{source_id}--{section_id}"


def source_section(source_id: str, section_id: str) -> str:
    return f"{SOURCES}#{source_anchor(source_id, section_id)}"


def glossary_entry(term_id: str) -> str:
    return f"{GLOSSARY}#{term_id}"


def quiz_question_anchor(quiz_id: str, question_id: str) -> str:
    return f"{quiz_id}-{question_id}"


def process_step(step_id: str) -> str:
    return f"{PROCESSES}#{step_id}"


def tactic(item_id: str) -> str:
    """A channel, sales tactic or metric on the Tactics page."""
    return f"{TACTICS}#{item_id}"


def funnel_stage(stage_id: str) -> str:
    return f"{FUNNEL}#stage-{stage_id}"


# The slides for a projector: each page that has them gets a standalone page under present/, named after it
# (definitions.md -> present/definitions/), with our own script and stylesheets.
PRESENT_DIR = "present"
PRESENT_ASSETS = {"script": "assets/present.js", "styles": ("assets/site.css", "assets/present.css")}


def present_page(src: str) -> str:
    """The slides of a page, named like a page: 'definitions.md' -> 'present/definitions.md'."""
    return f"{PRESENT_DIR}/{src}"


def present_file(src: str, directory_urls: bool) -> str:
    """The file the slides of a page are written to in the built site."""
    url = page_url(present_page(src), directory_urls)
    return f"{url}index.html" if directory_urls else url
