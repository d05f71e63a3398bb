"""Quiz exports: each file read back by an independent reader and checked against the data models.

GIFT goes through gift-pegjs (npm) in Node, QTI and the manifest through ElementTree, the Kahoot sheet
through openpyxl, the CSV through the csv module. Expected answers come from data/quizzes, never from
the export code.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import shutil
import subprocess
import xml.etree.ElementTree as ET
import zipfile
from pathlib import Path

import openpyxl
import pytest

from macros import exports
from macros.data import models
from macros.data.loading import SiteData
from macros.exports import gift, qti
from macros.exports.common import plain
from tests.conftest import ROOT

LABELS = {"marketing": "Marketing", "sales": "Sales", "both": "Both"}
ORDINALS = ["1st", "2nd", "3rd", "4th", "5th", "6th", "7th", "8th"]
QTI = "{http://www.imsglobal.org/xsd/ims_qtiasiv1p2}"
CANVAS = "{http://canvas.instructure.com/xsd/cccv1p0}"
CP = "{http://www.imsglobal.org/xsd/imsccv1p1/imscp_v1p1}"
QTI_TYPES = {"single": "multiple_choice_question", "multiple": "multiple_answers_question",
             "true_false": "true_false_question", "classify": "matching_question", "order": "matching_question"}
KAHOOT_HEADERS = ["Question - max 120 characters", "Answer 1 - max 75 characters", "Answer 2 - max 75 characters",
                  "Answer 3 - max 75 characters", "Answer 4 - max 75 characters",
                  "Time limit (sec) – 5, 10, 20, 30, 60, 90, 120, or 240 secs",
                  "Correct answer(s) - choose at least one"]
KAHOOT_TIMES = {5, 10, 20, 30, 60, 90, 120, 240}
CSV_HEADER = ["quiz", "question id", "kind", "prompt", "options or items", "correct answer(s)", "feedback",
              "explanation", "sources"]

GIFT_PARSER = """
const {parse} = require(process.argv[1]);
const fs = require("fs");
const out = {};
for (const path of process.argv.slice(2)) out[path] = parse(fs.readFileSync(path, "utf8"));
console.log(JSON.stringify(out));
"""


def parse_gift(paths: list[Path]) -> dict[str, list[dict]]:
    node = shutil.which("node")
    assert node, "Node.js is needed (it comes with npm, which the set-up uses)"
    parser = ROOT / "node_modules" / "gift-pegjs"
    assert parser.is_dir(), "gift-pegjs is missing: run npm ci"
    result = subprocess.run([node, "-e", GIFT_PARSER, str(parser), *map(str, paths)],
                            capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


@pytest.fixture(scope="module")
def planned(site_data: SiteData) -> tuple[list[exports.Download], list[exports.Omission]]:
    return exports.plan(site_data)


@pytest.fixture(scope="module")
def site(site_data: SiteData, tmp_path_factory) -> Path:
    site_dir = tmp_path_factory.mktemp("site")
    exports.write_downloads(site_data, site_dir)
    return site_dir


def downloads_of(planned, fmt: str) -> list[exports.Download]:
    return [d for d in planned[0] if d.format == fmt]


def quizzes_in(data: SiteData, download: exports.Download) -> list[models.QuizFile]:
    return list(data.quizzes) if download.quiz is None else [data.quiz(download.quiz)]


def fits_kahoot(q: models.QuizQuestion) -> bool:
    """Worked out from Kahoot's published limits, separately from the exporter."""
    if q.kind not in ("single", "multiple", "true_false") or len(q.kahoot_prompt or q.prompt) > 120:
        return False
    return q.kind == "true_false" or (len(q.options) <= 4 and all(len(o.kahoot_text or o.text) <= 75
                                                                  for o in q.options))


def right_texts(q: models.QuizQuestion) -> list[str]:
    if isinstance(q, models.TrueFalse):
        return ["True" if q.answer else "False"]
    return [o.text for o in q.options if o.correct]


def pairs(q: models.Classify | models.Order) -> dict[str, str]:
    if isinstance(q, models.Classify):
        return {item.text: LABELS[item.answer] for item in q.items}
    return {item.text: ORDINALS[n] for n, item in enumerate(q.items)}


# --- the plan ---------------------------------------------------------------------------------------------

def test_plan_covers_every_quiz_and_a_combined_bank(planned, site_data):
    for fmt in ("gift", "qti", "csv"):
        got = {(d.quiz, d.questions) for d in downloads_of(planned, fmt)}
        want = {(q.id, len(q.questions)) for q in site_data.quizzes}
        assert got == want | {(None, sum(len(q.questions) for q in site_data.quizzes))}
    kahoot = {d.quiz: d.questions for d in downloads_of(planned, "kahoot")}
    for quiz in site_data.quizzes:
        fitting = sum(fits_kahoot(q) for q in quiz.questions)
        assert kahoot.get(quiz.id, 0) == fitting, quiz.id
    assert kahoot[None] == sum(fits_kahoot(q) for quiz in site_data.quizzes for q in quiz.questions)
    assert len({d.path for d in planned[0]}) == len(planned[0])


def test_written_files_are_exactly_the_planned_ones(planned, site):
    written = {p.relative_to(site).as_posix() for p in (site / "downloads").rglob("*") if p.is_file()}
    assert written == {d.path for d in planned[0]}


def test_only_kahoot_leaves_questions_out(planned, site_data):
    assert {o.format for o in planned[1]} == {"kahoot"}
    left_out = {(o.quiz, o.question) for o in planned[1]}
    want = {(quiz.id, q.id) for quiz in site_data.quizzes for q in quiz.questions if not fits_kahoot(q)}
    assert left_out == want
    for omission in planned[1]:
        q = next(x for x in site_data.quiz(omission.quiz).questions if x.id == omission.question)
        shown = q.kahoot_prompt or q.prompt
        if len(shown) > 120 and q.kind not in ("classify", "order"):
            assert f"question is {len(shown)} characters" in omission.reason
        assert "Kahoot" in omission.reason


def test_writing_twice_gives_the_same_bytes(site_data, site, tmp_path):
    again = exports.write_downloads(site_data, tmp_path)
    assert again
    for path in again:
        rel = path.relative_to(tmp_path)
        assert path.read_bytes() == (site / rel).read_bytes(), rel


def test_zips_take_their_time_from_source_date_epoch_and_sort_entries(site_data, tmp_path, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")  # 2023-11-14 22:13:20 UTC
    paths = exports.write_downloads(site_data, tmp_path)
    for path in (p for p in paths if p.suffix in (".zip", ".xlsx")):
        with zipfile.ZipFile(path) as archive:
            infos = archive.infolist()
        assert [i.filename for i in infos] == sorted(i.filename for i in infos), path.name
        assert {i.date_time for i in infos} == {(2023, 11, 14, 22, 13, 20)}, path.name
        if path.suffix == ".xlsx":
            props = openpyxl.load_workbook(path).properties
            assert props.created == props.modified == dt.datetime(2023, 11, 14, 22, 13, 20)


def test_markdown_becomes_plain_text():
    text = "See [key differences](differences.md) and *the* **FAQ**.\n\n- one\n- two & three"
    assert plain(text) == "See key differences and the FAQ.\n- one\n- two & three"


# --- GIFT --------------------------------------------------------------------------------------------------

def check_gift_question(parsed: dict, q: models.QuizQuestion) -> None:
    assert parsed["title"] == q.id
    assert q.prompt in parsed["stem"]["text"]
    if isinstance(q, models.SingleChoice):
        assert parsed["type"] == "MC"
        assert [c["text"]["text"] for c in parsed["choices"]] == [o.text for o in q.options]
        assert [c["text"]["text"] for c in parsed["choices"] if c["isCorrect"]] == right_texts(q)
        assert [c["feedback"]["text"] for c in parsed["choices"]] == [o.feedback for o in q.options]
    elif isinstance(q, models.MultipleSelect):
        assert parsed["type"] == "MC"
        weights = [c["weight"] for c in parsed["choices"]]
        assert [c["text"]["text"] for c in parsed["choices"] if c["weight"] > 0] == right_texts(q)
        assert sum(w for w in weights if w > 0) == pytest.approx(100, abs=1e-3)
        assert sum(w for w in weights if w < 0) == pytest.approx(-100, abs=1e-3)  # ticking everything scores 0
    elif isinstance(q, models.TrueFalse):
        assert parsed["type"] == "TF"
        assert parsed["isTrue"] is q.answer
        # Moodle reads {TRUE#a#b} as a = feedback for a wrong answer, b = for a right one (gift-pegjs names them
        # trueFeedback and falseFeedback, by position)
        wrong, right = (q.feedback_false, q.feedback_true) if q.answer else (q.feedback_true, q.feedback_false)
        assert [parsed["trueFeedback"]["text"], parsed["falseFeedback"]["text"]] == [wrong, right]
    else:
        assert parsed["type"] == "Matching"
        got = {p["subquestion"]["text"]: p["subanswer"] for p in parsed["matchPairs"] if p["subquestion"]["text"]}
        assert got == pairs(q)
        if isinstance(q, models.Classify):  # every category is offered, even one no item belongs to
            assert {p["subanswer"] for p in parsed["matchPairs"]} == set(LABELS.values())
    assert parsed["globalFeedback"]["text"]


def test_gift_round_trips_through_an_independent_parser(planned, site, site_data):
    files = downloads_of(planned, "gift")
    parsed = parse_gift([site / d.path for d in files])
    for download in files:
        entries = parsed[str(site / download.path)]
        quizzes = quizzes_in(site_data, download)
        categories = [e["title"] for e in entries if e["type"] == "Category"]
        assert categories == [f"Marketing vs. Sales/{quiz.title}" for quiz in quizzes]
        questions = [e for e in entries if e["type"] != "Category"]
        assert len(questions) == download.questions == sum(len(quiz.questions) for quiz in quizzes)
        expected = [q for quiz in quizzes for q in quiz.questions]
        for entry, q in zip(questions, expected, strict=True):
            check_gift_question(entry, q)


def test_gift_escapes_every_special_character(site_data, tmp_path):
    tricky = "A {brace}, a ~tilde, = sign, #hash, colon: and back\\slash"
    first = site_data.sources.sources[0]
    source = f"{first.id}/{first.sections[0].id}"
    quiz = models.QuizFile.model_validate({
        "id": "tricky", "title": "Odd/title", "order": 1, "page": "definitions.md", "summary": "Escapes.",
        "questions": [
            {"id": "one", "kind": "single", "prompt": tricky, "explanation": f"Why: {tricky}", "sources": [source],
             "options": [{"text": tricky, "correct": True, "feedback": tricky},
                         {"text": "Plain", "feedback": "Plain: {x}"}]},
            {"id": "two", "kind": "classify", "prompt": tricky, "explanation": "E.", "sources": [source],
             "items": [{"text": f"{tricky} {n}", "answer": "sales", "feedback": "F."} for n in range(3)]},
            {"id": "three", "kind": "true_false", "prompt": tricky, "answer": False, "explanation": "E.",
             "sources": [source], "feedback_true": tricky, "feedback_false": "#1"},
        ]})
    path = tmp_path / "tricky.gift.txt"
    path.write_bytes(gift.render([quiz], site_data, "Tricky"))
    entries = parse_gift([path])[str(path)]
    assert entries[0] == {"type": "Category", "title": "Marketing vs. Sales/Odd//title"}
    for entry, q in zip(entries[1:], quiz.questions, strict=True):
        check_gift_question(entry, q)


# --- QTI ---------------------------------------------------------------------------------------------------

def label_texts(parent: ET.Element) -> dict[str, str]:
    return {label.get("ident"): label.findtext(f"{QTI}material/{QTI}mattext")
            for label in parent.iter(f"{QTI}response_label")}


def qti_answers(item: ET.Element) -> object:
    """The right answer(s) an LMS would read from one item."""
    conditions = list(item.iter(f"{QTI}respcondition"))
    lids = item.findall(f"{QTI}presentation/{QTI}response_lid")
    if len(lids) == 1 and lids[0].get("ident") == "response1":
        texts = label_texts(lids[0])
        full = [c for c in conditions if c.findtext(f"{QTI}setvar") == "100"]
        assert len(full) == 1
        test = full[0].find(f"{QTI}conditionvar")
        both = test.find(f"{QTI}and")
        if both is not None:
            return sorted(texts[v.text] for v in both.findall(f"{QTI}varequal"))
        return [texts[test.find(f"{QTI}varequal").text]]
    result, total = {}, 0.0
    for lid in lids:
        texts = label_texts(lid)
        for c in conditions:
            setvar = c.find(f"{QTI}setvar")
            right = c.find(f"{QTI}conditionvar/{QTI}varequal")
            if setvar is not None and setvar.get("action") == "Add" and right.get("respident") == lid.get("ident"):
                result[lid.findtext(f"{QTI}material/{QTI}mattext")] = texts[right.text]
                total += float(setvar.text)
    assert total == pytest.approx(100, abs=0.1)
    return result


def qti_holds(test: ET.Element, responses: dict[str, set[str]]) -> bool:
    """Whether a conditionvar (or a part of one) holds for the responses, as QTI 1.2 defines each element."""
    results = []
    for part in test:
        tag = part.tag.removeprefix(QTI)
        if tag == "varequal":
            results.append(part.text in responses.get(part.get("respident"), set()))
        elif tag in ("and", "not", "or"):
            inner = [qti_holds(wrap(child), responses) for child in part]
            results.append(all(inner) if tag == "and" else any(inner) if tag == "or" else not all(inner))
        elif tag == "other":
            results.append(True)
        else:
            raise AssertionError(f"no rule here for <{tag}>")
    return all(results)


def wrap(element: ET.Element) -> ET.Element:
    holder = ET.Element("conditionvar")
    holder.append(element)
    return holder


def qti_score(item: ET.Element, responses: dict[str, set[str]]) -> float:
    """SCORE after response processing as a strict QTI 1.2 engine runs it: conditions in order, each that holds
    applies its setvar, and processing stops there unless the condition says continue="Yes" (the default is No)."""
    score = 0.0
    for condition in item.iter(f"{QTI}respcondition"):
        if not qti_holds(condition.find(f"{QTI}conditionvar"), responses):
            continue
        for setvar in condition.findall(f"{QTI}setvar"):
            value = float(setvar.text)
            score = score + value if setvar.get("action") == "Add" else value
        if condition.get("continue", "No") != "Yes":
            break
    return score


def test_a_strict_qti_engine_scores_every_pair_of_a_matching_question(site_data):
    """All pairs right score 100 and all but one right score their share, in an engine that honours QTI 1.2's
    continue="No" default (some LMSs keep going regardless, which once hid a matching question scoring one pair)."""
    checked = 0
    for quiz in site_data.quizzes:
        root = ET.fromstring(qti.assessment_xml(quiz, site_data))
        for item in root.iter(f"{QTI}item"):
            lids = item.findall(f"{QTI}presentation/{QTI}response_lid")
            if len(lids) < 2:
                continue
            right = {}
            for condition in item.iter(f"{QTI}respcondition"):
                setvar = condition.find(f"{QTI}setvar")
                if setvar is not None and setvar.get("action") == "Add":
                    test = condition.find(f"{QTI}conditionvar/{QTI}varequal")
                    right[test.get("respident")] = test.text
            assert len(right) == len(lids)
            everything = {lid: {match} for lid, match in right.items()}
            assert qti_score(item, everything) == pytest.approx(100, abs=0.1)
            first = next(iter(right))
            one_off = {**everything, first: {"no such match"}}
            assert qti_score(item, one_off) == pytest.approx(100 * (len(lids) - 1) / len(lids), abs=0.1)
            checked += 1
    assert checked > 0


def check_canvas_settings(meta: ET.Element, quiz: models.QuizFile) -> None:
    """Canvas's assessment_meta.xml: the quiz's title and description, a point per question, graded, shuffled."""
    assert meta.tag == f"{CANVAS}quiz"
    kept = sum(qti.left_out(q) is None for q in quiz.questions)
    fields = {name: meta.findtext(f"{CANVAS}{name}") for name in ("points_possible", "shuffle_answers", "quiz_type")}
    assert fields == {"points_possible": f"{kept:.1f}", "shuffle_answers": "true", "quiz_type": "assignment"}
    assert quiz.title in meta.findtext(f"{CANVAS}title")
    assert quiz.summary in meta.findtext(f"{CANVAS}description")


def test_qti_zip_holds_a_manifest_and_well_formed_assessments(planned, site, site_data):
    for download in downloads_of(planned, "qti"):
        with zipfile.ZipFile(site / download.path) as archive:
            files = {name: archive.read(name) for name in archive.namelist()}
        manifest = ET.fromstring(files.pop("imsmanifest.xml"))
        resources = {r.get("identifier"): r for r in manifest.findall(f"{CP}resources/{CP}resource")}
        tests = [r for r in resources.values() if r.get("type") == "imsqti_xmlv1p2"]
        hrefs = [r.find(f"{CP}file").get("href") for r in tests]
        # Each assessment depends on Canvas's settings file beside it, listed as its own resource.
        metas = [resources[r.find(f"{CP}dependency").get("identifierref")] for r in tests]
        assert {m.get("type") for m in metas} == {"associatedcontent/imscc_xmlv1p1/learning-application-resource"}
        meta_hrefs = [m.find(f"{CP}file").get("href") for m in metas]
        assert len(resources) == 2 * len(tests)
        assert sorted(hrefs + meta_hrefs) == sorted(files)
        quizzes = quizzes_in(site_data, download)
        assert len(hrefs) == len(quizzes)
        count = 0
        for href, meta_href, quiz in zip(hrefs, meta_hrefs, quizzes, strict=True):
            assert meta_href == href.rsplit("/", 1)[0] + "/assessment_meta.xml"
            check_canvas_settings(ET.fromstring(files[meta_href]), quiz)
            root = ET.fromstring(files[href])
            items = list(root.iter(f"{QTI}item"))
            assert len(items) == len(quiz.questions)
            count += len(items)
            for item, q in zip(items, quiz.questions, strict=True):
                fields = {f.findtext(f"{QTI}fieldlabel"): f.findtext(f"{QTI}fieldentry")
                          for f in item.iter(f"{QTI}qtimetadatafield")}
                assert fields["question_type"] == QTI_TYPES[q.kind], q.id
                got = qti_answers(item)
                if isinstance(q, models.Classify | models.Order):
                    assert got == pairs(q), q.id
                else:
                    assert got == sorted(right_texts(q)), q.id
                ids = [fb.get("ident") for fb in item.findall(f"{QTI}itemfeedback")]
                assert "general_fb" in ids
                for shown in item.iter(f"{QTI}displayfeedback"):
                    assert shown.get("linkrefid") in ids
        assert count == download.questions


# --- Kahoot ------------------------------------------------------------------------------------------------

def test_kahoot_sheets_follow_the_template_and_its_limits(planned, site, site_data):
    for download in downloads_of(planned, "kahoot"):
        sheet = openpyxl.load_workbook(site / download.path).active
        assert sheet.title == "Sheet1"
        assert sheet["B2"].value
        assert [sheet.cell(8, col).value for col in range(2, 9)] == KAHOOT_HEADERS
        rows = [r for r in sheet.iter_rows(min_row=9, max_col=8, values_only=True) if any(v is not None for v in r)]
        expected = [q for quiz in quizzes_in(site_data, download) for q in quiz.questions if fits_kahoot(q)]
        assert len(rows) == download.questions == len(expected)
        for n, (row, q) in enumerate(zip(rows, expected, strict=True), 1):
            number, question, *answers, seconds, correct = row
            assert number == n
            assert question == (q.kahoot_prompt or q.prompt) and len(question) <= 120
            filled = [a for a in answers if a is not None]
            assert answers[:len(filled)] == filled and 2 <= len(filled) <= 4
            assert all(len(a) <= 75 for a in filled)
            assert seconds in KAHOOT_TIMES
            picks = [int(part) for part in str(correct).split(",")]
            assert all(1 <= p <= len(filled) for p in picks)
            shown = right_texts(q) if isinstance(q, models.TrueFalse) else [
                o.kahoot_text or o.text for o in q.options if o.correct]
            assert [filled[p - 1] for p in picks] == shown


# --- CSV ---------------------------------------------------------------------------------------------------

def test_csv_has_a_bom_a_documented_header_and_a_row_per_question(planned, site, site_data):
    for download in downloads_of(planned, "csv"):
        raw = (site / download.path).read_bytes()
        assert raw.startswith(b"\xef\xbb\xbf")
        rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig"), newline="")))
        assert rows[0] == CSV_HEADER
        expected = [(quiz, q) for quiz in quizzes_in(site_data, download) for q in quiz.questions]
        assert len(rows) - 1 == download.questions == len(expected)
        for row, (quiz, q) in zip(rows[1:], expected, strict=True):
            cells = dict(zip(CSV_HEADER, row, strict=True))
            assert (cells["quiz"], cells["question id"], cells["kind"], cells["prompt"]) == (
                quiz.id, q.id, q.kind, q.prompt)
            shown = cells["sources"].split(" | ")
            assert len(shown) == len(q.sources)
            for text, (src, sec) in zip(shown, map(site_data.cite, q.sources), strict=True):
                assert text == f"{src.short}, {sec.display}" if src.kind != "site" else "this site" in text.lower()
            assert "](" not in cells["explanation"] and cells["explanation"]
            if isinstance(q, models.Classify | models.Order):
                assert cells["options or items"] == " | ".join(item.text for item in q.items)
                for item in q.items:
                    assert item.text in cells["correct answer(s)"]
            else:
                assert cells["correct answer(s)"] == " | ".join(right_texts(q))
