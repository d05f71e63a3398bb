"""What the export formats share: plain text from Markdown, labels, fixed times and byte-stable zips."""

from __future__ import annotations

import datetime as dt
import io
import os
import zipfile
from html.parser import HTMLParser

import markdown

from macros.data import citations, models
from macros.data.loading import SiteData

SITE = "Marketing vs. Sales"
FIXED_EPOCH = 1704067200  # 2024-01-01T00:00:00Z, used when SOURCE_DATE_EPOCH is not set
ZIP_EPOCH_MIN = 315532800  # 1980-01-01: a zip file cannot hold an earlier date
_BLOCKS = {"p", "li", "blockquote", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "pre"}


class _TextOnly(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []

    def handle_starttag(self, tag: str, attrs: list) -> None:
        if tag == "li":
            self.parts.append("\n- ")
        elif tag == "br":
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in _BLOCKS:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        self.parts.append(data.replace("\n", " "))


_markdown = markdown.Markdown()


def plain(text: str) -> str:
    """Markdown -> plain text: links and emphasis keep their words; one line per paragraph or list item."""
    parser = _TextOnly()
    parser.feed(_markdown.reset().convert(text))
    parser.close()
    lines = (" ".join(line.split()) for line in "".join(parser.parts).split("\n"))
    return "\n".join(line for line in lines if line)


def ordinal(n: int) -> str:
    """1 -> '1st', 2 -> '2nd', 11 -> '11th'."""
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def category(data: SiteData, owner: str) -> str:
    """'marketing' -> 'Marketing', as the quiz widget labels it (data/interface.yml, owners)."""
    return getattr(data.interface.owners, owner)


def categories(data: SiteData) -> list[str]:
    """Every category a sorting question offers, in order: Marketing, Sales, Both."""
    return list(data.interface.owners.model_dump().values())


def sources_line(data: SiteData, question: models.QuizQuestion) -> str:
    return citations.plain(data, question.sources)


def feedback_text(data: SiteData, question: models.QuizQuestion) -> str:
    """The general feedback: the explanation as plain text, then its sources."""
    return f"{plain(question.explanation)}\n{sources_line(data, question)}"


def build_time() -> dt.datetime:
    """SOURCE_DATE_EPOCH when set (reproducible builds), else a fixed date; naive UTC."""
    raw = os.environ.get("SOURCE_DATE_EPOCH", "")
    seconds = int(raw) if raw.isdigit() else FIXED_EPOCH
    return dt.datetime.fromtimestamp(max(seconds, ZIP_EPOCH_MIN), tz=dt.UTC).replace(tzinfo=None)


def zip_bytes(files: dict[str, bytes]) -> bytes:
    """A zip whose bytes depend only on `files`: sorted entries, one fixed time, fixed permissions."""
    when = build_time().timetuple()[:6]
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name in sorted(files):
            info = zipfile.ZipInfo(name, date_time=when)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.create_system = 3
            info.external_attr = 0o644 << 16
            archive.writestr(info, files[name])
    return buffer.getvalue()
