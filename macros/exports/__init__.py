"""Quiz exports for learning platforms: `plan` lists the files and what is left out, `write_downloads` writes them.

One file per quiz and one bank with every quiz, for each format, under site/downloads/<format>/:
`<quiz id><suffix>` and `all-quizzes<suffix>`. A format that cannot take a question leaves it out and
records an Omission (once, under the question's quiz; the combined bank leaves it out too). A file that
would hold no question is not planned.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from types import ModuleType

from macros.data.loading import SiteData
from macros.exports import csv_export, gift, kahoot, qti, scorm

ALL = "all-quizzes"
ALL_TITLE = "All quizzes"
FORMATS: dict[str, ModuleType] = {"gift": gift, "qti": qti, "kahoot": kahoot, "csv": csv_export, "scorm": scorm}


@dataclass(frozen=True)
class Download:
    path: str  # relative to site/, e.g. "downloads/gift/processes.gift.txt"
    format: str
    quiz: str | None  # None: every quiz in one bank
    questions: int


@dataclass(frozen=True)
class Omission:
    format: str
    quiz: str
    question: str
    reason: str


def plan(data: SiteData) -> tuple[list[Download], list[Omission]]:
    """The downloads and the questions each format leaves out; writes nothing."""
    if any(quiz.id == ALL for quiz in data.quizzes):
        raise ValueError(f"a quiz may not be called {ALL!r}: that name is taken by the combined downloads")
    downloads: list[Download] = []
    omissions: list[Omission] = []
    for name, module in FORMATS.items():
        total = 0
        for quiz in data.quizzes:
            kept = 0
            for question in quiz.questions:
                reason = module.left_out(question)
                if reason is None:
                    kept += 1
                else:
                    omissions.append(Omission(name, quiz.id, question.id, reason))
            if kept:
                downloads.append(Download(f"downloads/{name}/{quiz.id}{module.SUFFIX}", name, quiz.id, kept))
            total += kept
        if total:
            downloads.append(Download(f"downloads/{name}/{ALL}{module.SUFFIX}", name, None, total))
    return downloads, omissions


def write_downloads(data: SiteData, site_dir: Path) -> list[Path]:
    """Write the planned files under site_dir/downloads; the same data gives the same bytes."""
    written = []
    for download in plan(data)[0]:
        quizzes = data.quizzes if download.quiz is None else (data.quiz(download.quiz),)
        title = ALL_TITLE if download.quiz is None else quizzes[0].title
        path = site_dir / download.path
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(FORMATS[download.format].render(quizzes, data, title))
        written.append(path)
    return written
