"""The quiz downloads page and the link to the offline copy."""

from __future__ import annotations

from collections import Counter

from markupsafe import Markup

from macros import exports
from macros.data.loading import SiteData
from macros.paths import OFFLINE_ZIP, Links
from macros.render.templating import render_template


def downloads(data: SiteData, links: Links) -> str:
    """Every quiz file by format, how to import each, and what a format could not hold."""
    words = data.interface.downloads
    formats = words.formats
    files, omissions = exports.plan(data)
    titles = {q.id: q.title for q in data.quizzes}
    rows = [{"title": words.all_quizzes, "files": {d.format: d for d in files if d.quiz is None}}]
    rows += [{"title": q.title, "files": {d.format: d for d in files if d.quiz == q.id}} for q in data.quizzes]
    prompts = {(quiz.id, q.id): q.prompt for quiz in data.quizzes for q in quiz.questions}
    counts = Counter(o.format for o in omissions)
    return render_template("downloads.html.jinja", data, links, formats=formats, rows=rows, titles=titles,
                           question_formats=[f for f in formats if not f.summary],
                           activity_formats=[f for f in formats if f.summary],
                           omissions=omissions, prompts=prompts, names={f.id: f.name for f in formats},
                           omitted_counts=counts, total=len(prompts),
                           reasons={f.id: f.left_out or "" for f in formats if f.id in counts})


def offline_link(data: SiteData, links: Links) -> str:
    """A link to the zipped offline copy (in raw HTML: the file is made after MkDocs checks links)."""
    return str(Markup('<a href="{}" download>the offline copy (a zip file)</a>').format(links.asset(OFFLINE_ZIP)))


PAGE_MACROS = {f.__name__: f for f in (downloads, offline_link)}
