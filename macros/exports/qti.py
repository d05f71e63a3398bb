"""QTI 1.2 in Canvas's dialect (Classic Quizzes): a zip with imsmanifest.xml and, per quiz, a folder holding
the assessment and Canvas's `assessment_meta.xml` (the quiz's settings), laid out as Canvas's own QTI export.

Items follow what Canvas itself exports: `question_type` in qtimetadata, `response1` for choice questions,
one `response_<id>` per item of a matching question, score 100 for a right answer, feedback per answer
through `displayfeedback` -> `itemfeedback "<id>_fb"`, the explanation as `general_fb`. Every kind fits:
classify and order become matching questions (order: each item to its position).
"""

from __future__ import annotations

import html
import xml.etree.ElementTree as ET
from collections.abc import Sequence

from macros.data import models
from macros.data.loading import SiteData
from macros.data.quizzes import scrambled
from macros.exports.common import SITE, categories, category, feedback_text, ordinal, zip_bytes

SUFFIX = ".qti.zip"
QTI_NS = "http://www.imsglobal.org/xsd/ims_qtiasiv1p2"
CP_NS = "http://www.imsglobal.org/xsd/imsccv1p1/imscp_v1p1"
XSI_NS = "http://www.w3.org/2001/XMLSchema-instance"
RESOURCE_TYPE = "imsqti_xmlv1p2"
CANVAS_NS = "http://canvas.instructure.com/xsd/cccv1p0"
META_TYPE = "associatedcontent/imscc_xmlv1p1/learning-application-resource"
# The settings a quiz keeps on import into Canvas: graded (into the gradebook), choices shuffled, any number of
# attempts with the best one counting, answers shown after each attempt, as the site's own quizzes behave.
CANVAS_SETTINGS = {"quiz_type": "assignment", "shuffle_answers": "true", "allowed_attempts": "-1",
                   "scoring_policy": "keep_highest", "show_correct_answers": "true",
                   "one_question_at_a_time": "false", "cant_go_back": "false"}
QUESTION_TYPES = {
    "single": "multiple_choice_question",
    "multiple": "multiple_answers_question",
    "true_false": "true_false_question",
    "classify": "matching_question",
    "order": "matching_question",
}
MATCH_INSTRUCTIONS = {
    "classify": "Match each item to Marketing, Sales or Both.",
    "order": "This question is about order: match each item to its place in the sequence (1st comes first).",
}


def left_out(question: models.QuizQuestion) -> str | None:
    return None


def _el(parent: ET.Element, tag: str, text: str | None = None, **attrs: str) -> ET.Element:
    element = ET.SubElement(parent, tag, attrs)
    element.text = text
    return element


def _mattext(parent: ET.Element, text: str, texttype: str = "text/plain") -> None:
    _el(_el(parent, "material"), "mattext", text, texttype=texttype)


def _meta(parent: ET.Element, fields: dict[str, str]) -> None:
    meta = _el(parent, "qtimetadata")
    for label, entry in fields.items():
        field = _el(meta, "qtimetadatafield")
        _el(field, "fieldlabel", label)
        _el(field, "fieldentry", entry)


def _feedback(item: ET.Element, ident: str, text: str) -> None:
    _mattext(_el(_el(item, "itemfeedback", ident=ident), "flow_mat"), text)


def _show(condition: ET.Element, ident: str) -> None:
    _el(condition, "displayfeedback", feedbacktype="Response", linkrefid=ident)


def _choices(question: models.QuizQuestion) -> list[tuple[str, bool, str]]:
    """(text, right, feedback) for each answer of a choice question."""
    if isinstance(question, models.TrueFalse):
        return [("True", question.answer, question.feedback_true),
                ("False", not question.answer, question.feedback_false)]
    return [(o.text, o.correct, o.feedback) for o in question.options]


def _choice_item(item: ET.Element, presentation: ET.Element, proc: ET.Element, question, base: int) -> list[str]:
    choices = _choices(question)
    ids = [str(base + n) for n in range(1, len(choices) + 1)]
    cardinality = "Multiple" if isinstance(question, models.MultipleSelect) else "Single"
    render = _el(_el(presentation, "response_lid", ident="response1", rcardinality=cardinality), "render_choice")
    for ident, (text, _right, _fb) in zip(ids, choices, strict=True):
        _mattext(_el(render, "response_label", ident=ident), text)
    for ident in ids:
        condition = _el(proc, "respcondition", **{"continue": "Yes"})
        _el(_el(condition, "conditionvar"), "varequal", ident, respident="response1")
        _show(condition, f"{ident}_fb")
    condition = _el(proc, "respcondition", **{"continue": "No"})
    test = _el(condition, "conditionvar")
    if isinstance(question, models.MultipleSelect):
        test = _el(test, "and")
        for ident, (_text, right, _fb) in zip(ids, choices, strict=True):
            _el(test if right else _el(test, "not"), "varequal", ident, respident="response1")
    else:
        _el(test, "varequal", next(i for i, c in zip(ids, choices, strict=True) if c[1]), respident="response1")
    _el(condition, "setvar", "100", action="Set", varname="SCORE")
    for ident, (_text, _right, fb) in zip(ids, choices, strict=True):
        _feedback(item, f"{ident}_fb", fb)
    return ids


def _pairs(data: SiteData, quiz_id: str, question: models.Classify | models.Order,
           ) -> tuple[list[tuple[str, str, str]], list[str]]:
    """(item, right match, feedback) in the order shown, and every match offered."""
    if isinstance(question, models.Classify):
        return [(i.text, category(data, i.answer), i.feedback) for i in question.items], categories(data)
    shown = [(question.items[i].text, ordinal(i + 1), question.items[i].feedback) for i in scrambled(quiz_id, question)]
    return shown, [ordinal(n) for n in range(1, len(question.items) + 1)]


def _matching_item(item: ET.Element, presentation: ET.Element, proc: ET.Element, data: SiteData, quiz_id: str,
                   question, base: int) -> list[str]:
    pairs, matches = _pairs(data, quiz_id, question)
    ids = [str(base + n) for n in range(1, len(pairs) + 1)]
    match_ids = {m: str(base + 50 + n) for n, m in enumerate(matches, 1)}
    for ident, (text, _right, _fb) in zip(ids, pairs, strict=True):
        lid = _el(presentation, "response_lid", ident=f"response_{ident}")
        _mattext(lid, text)
        render = _el(lid, "render_choice")
        for match, match_id in match_ids.items():
            _mattext(_el(render, "response_label", ident=match_id), match)
    share = f"{100 / len(pairs):.2f}"
    # Every pair's conditions continue to the next: QTI 1.2 stops at the first condition that holds unless it
    # says continue="Yes", so a strict engine would otherwise score only the first right pair.
    for ident, (_text, right, fb) in zip(ids, pairs, strict=True):
        condition = _el(proc, "respcondition", **{"continue": "Yes"})
        _el(_el(condition, "conditionvar"), "varequal", match_ids[right], respident=f"response_{ident}")
        _el(condition, "setvar", share, action="Add", varname="SCORE")
        condition = _el(proc, "respcondition", **{"continue": "Yes"})
        _el(_el(_el(condition, "conditionvar"), "not"), "varequal", match_ids[right], respident=f"response_{ident}")
        _show(condition, f"{ident}_fb")
        _feedback(item, f"{ident}_fb", fb)
    return ids


def _item(section: ET.Element, data: SiteData, quiz_id: str, number: int, question) -> None:
    item = _el(section, "item", ident=f"mvs-{quiz_id}-{question.id}", title=question.id)
    metadata = _el(item, "itemmetadata")
    presentation = _el(item, "presentation")
    prompt = question.prompt + (" " + MATCH_INSTRUCTIONS[question.kind] if question.kind in MATCH_INSTRUCTIONS else "")
    _mattext(presentation, f"<div><p>{html.escape(prompt, quote=False)}</p></div>", "text/html")
    proc = _el(item, "resprocessing")
    _el(_el(proc, "outcomes"), "decvar", maxvalue="100", minvalue="0", varname="SCORE", vartype="Decimal")
    general = _el(proc, "respcondition", **{"continue": "Yes"})
    _el(_el(general, "conditionvar"), "other")
    _show(general, "general_fb")
    _feedback(item, "general_fb", feedback_text(data, question))
    base = number * 100
    if isinstance(question, models.Classify | models.Order):
        ids = _matching_item(item, presentation, proc, data, quiz_id, question, base)
    else:
        ids = _choice_item(item, presentation, proc, question, base)
    _meta(metadata, {"question_type": QUESTION_TYPES[question.kind], "points_possible": "1.0",
                     "original_answer_ids": ",".join(ids)})


def assessment_xml(quiz: models.QuizFile, data: SiteData) -> bytes:
    root = ET.Element("questestinterop", {"xmlns": QTI_NS, "xmlns:xsi": XSI_NS,
                                          "xsi:schemaLocation": f"{QTI_NS} {QTI_NS}p1.xsd"})
    assessment = _el(root, "assessment", ident=f"mvs-{quiz.id}", title=f"{SITE}: {quiz.title}")
    section = _el(assessment, "section", ident="root_section")
    for number, question in enumerate((q for q in quiz.questions if left_out(q) is None), 1):
        _item(section, data, quiz.id, number, question)
    ET.indent(root)
    return ET.tostring(root, encoding="utf-8", xml_declaration=True) + b"\n"


def assessment_meta_xml(quiz: models.QuizFile) -> bytes:
    """Canvas's settings file for one quiz: title, description, points and the settings above."""
    root = ET.Element("quiz", {"identifier": f"mvs-{quiz.id}", "xmlns": CANVAS_NS, "xmlns:xsi": XSI_NS,
                               "xsi:schemaLocation": f"{CANVAS_NS} {CANVAS_NS}.xsd"})
    _el(root, "title", f"{SITE}: {quiz.title}")
    _el(root, "description", f"<p>{html.escape(quiz.summary, quote=False)}</p>")
    points = sum(1 for q in quiz.questions if left_out(q) is None)
    for name, value in {**CANVAS_SETTINGS, "points_possible": f"{points:.1f}"}.items():
        _el(root, name, value)
    ET.indent(root)
    return ET.tostring(root, encoding="utf-8", xml_declaration=True) + b"\n"


def assessment_path(quiz: models.QuizFile) -> str:
    return f"mvs-{quiz.id}/mvs-{quiz.id}.xml"


def meta_path(quiz: models.QuizFile) -> str:
    return f"mvs-{quiz.id}/assessment_meta.xml"


def manifest_xml(quizzes: Sequence[models.QuizFile]) -> bytes:
    root = ET.Element("manifest", {"identifier": "mvs-qti-export", "xmlns": CP_NS, "xmlns:xsi": XSI_NS,
                                   "xsi:schemaLocation": f"{CP_NS} http://www.imsglobal.org/xsd/imscp_v1p1.xsd"})
    metadata = _el(root, "metadata")
    _el(metadata, "schema", "IMS Content")
    _el(metadata, "schemaversion", "1.1.3")
    _el(root, "organizations")
    resources = _el(root, "resources")
    for quiz in quizzes:
        resource = _el(resources, "resource", identifier=f"mvs-{quiz.id}", type=RESOURCE_TYPE)
        _el(resource, "file", href=assessment_path(quiz))
        _el(resource, "dependency", identifierref=f"mvs-{quiz.id}_meta")
        meta = _el(resources, "resource", identifier=f"mvs-{quiz.id}_meta", type=META_TYPE, href=meta_path(quiz))
        _el(meta, "file", href=meta_path(quiz))
    ET.indent(root)
    return ET.tostring(root, encoding="utf-8", xml_declaration=True) + b"\n"


def render(quizzes: Sequence[models.QuizFile], data: SiteData, title: str) -> bytes:
    files = {}
    for quiz in quizzes:
        files[assessment_path(quiz)] = assessment_xml(quiz, data)
        files[meta_path(quiz)] = assessment_meta_xml(quiz)
    files["imsmanifest.xml"] = manifest_xml(quizzes)
    return zip_bytes(files)
