"""The quiz downloads page and the link to the offline copy."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from markupsafe import Markup

from macros import exports
from macros.build.offline import ZIP_PATH
from macros.data.loading import SiteData
from macros.paths import Links
from macros.render.templating import render_template


@dataclass(frozen=True)
class Format:
    id: str
    name: str
    use: str
    how: str
    conversion: str
    left_out: str = ""


FORMATS = [
    Format("gift", "Moodle (GIFT)", "Moodle and other platforms that read GIFT text files",
           "In a Moodle course, open Question bank > Import, choose the GIFT format and upload the file. "
           "Each quiz arrives as its own category.",
           "Sorting (Marketing, Sales or Both) and ordering questions become matching questions: each item "
           "is matched to its side, or to its place in the order. Choose-all-that-apply questions give a share "
           "of the mark for each right option and take some away for each wrong one."),
    Format("qti", "Canvas (QTI 1.2)", "Canvas Classic Quizzes and other QTI 1.2 readers",
           "In Canvas, open Settings > Import Course Content, choose \"QTI .zip file\" and upload the zip. "
           "Blackboard Learn's QTI import reads only some question types (not matching), so check a pool "
           "imported there question by question.",
           "Sorting and ordering questions become matching questions, as in GIFT. The feedback for each option "
           "and the explanation come along."),
    Format("kahoot", "Kahoot (spreadsheet)", "Kahoot's quiz import from a spreadsheet",
           "In Kahoot, create a kahoot, choose Add question > Import spreadsheet, and upload the file.",
           "Kahoot has up to four answers per question, questions of at most 120 characters and answers of at "
           "most 75, and no sorting or ordering, so questions that do not fit are left out (listed below) rather "
           "than cut short. Feedback and explanations are not part of Kahoot's template.",
           "the sorting and ordering questions, which Kahoot's quiz questions cannot hold, and those with more "
           "than four answers or wording too long even in their short Kahoot version."),
    Format("csv", "Spreadsheet (CSV)", "Excel, LibreOffice, Google Sheets, or any platform that imports CSV",
           "Open the file in a spreadsheet program, or import it where your platform accepts CSV.",
           "Every question fits: one row each, with its options, the right answer, the feedback and the "
           "explanation."),
]


def downloads(data: SiteData, links: Links) -> str:
    """Every quiz file by format, how to import each, and what a format could not hold."""
    files, omissions = exports.plan(data)
    titles = {q.id: q.title for q in data.quizzes}
    rows = [{"title": "All quizzes in one bank", "files": {d.format: d for d in files if d.quiz is None}}]
    rows += [{"title": q.title, "files": {d.format: d for d in files if d.quiz == q.id}} for q in data.quizzes]
    prompts = {(quiz.id, q.id): q.prompt for quiz in data.quizzes for q in quiz.questions}
    counts = Counter(o.format for o in omissions)
    return render_template("downloads.html.jinja", data, links, formats=FORMATS, rows=rows, titles=titles,
                           omissions=omissions, prompts=prompts, names={f.id: f.name for f in FORMATS},
                           omitted_counts=counts, total=len(prompts),
                           reasons={f.id: f.left_out for f in FORMATS if f.id in counts})


def offline_link(data: SiteData, links: Links) -> str:
    """A link to the zipped offline copy (in raw HTML: the file is made after MkDocs checks links)."""
    return str(Markup('<a href="{}" download>the offline copy (a zip file)</a>').format(links.asset(ZIP_PATH)))


PAGE_MACROS = {f.__name__: f for f in (downloads, offline_link)}
