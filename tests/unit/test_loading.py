"""Every kind of bad input gives one exact `file:line:col: path: message` line."""

from __future__ import annotations

from pathlib import Path

import pytest

from macros.data.loading import load_data
from tests.conftest import FROZEN, edit, problems_in, run_macros

GOOD = """\
disagreements:
  - id: subset
    question: Is sales part of marketing?
    views:
      - position: Sales is a subset
        held_by: [smallbiz-blog/definition-of-marketing]
        reasoning: Marketing is the wider field.
      - position: They are two sides of one coin
        held_by: [mezan/conclusion]
        reasoning: Each has its own objectives.
    our_reading: Both views help.
"""


@pytest.fixture
def data_dir(data_dir) -> Path:
    (data_dir / "disagreements.yml").write_text(GOOD)
    return data_dir


def problems(data_dir: Path, text: str | None = None, name: str = "disagreements.yml") -> list[str]:
    if text is not None:
        (data_dir / name).write_text(text)
    return problems_in(data_dir)


def test_the_fixture_itself_is_valid(data_dir):
    assert load_data(data_dir, FROZEN / "content").disagreements.disagreements[0].id == "subset"


def test_yaml_syntax_error(data_dir):
    text = GOOD.replace("    question: Is sales", "  question: Is sales")
    # The parser's own words (libyaml's or PyYAML's) after the place and a plain label.
    [problem] = problems(data_dir, text)
    assert problem.startswith("data/disagreements.yml:3:3: YAML syntax: ")
    assert problem.endswith(" (while parsing a block collection)")


def test_missing_field(data_dir):
    text = GOOD.replace("    question: Is sales part of marketing?\n", "")
    assert problems(data_dir, text) == [
        "data/disagreements.yml:2:5: disagreements[0].question: required field is missing"
    ]


def test_wrong_type(data_dir):
    text = GOOD.replace("    views:\n", "    views: several\n    old_views:\n")
    found = problems(data_dir, text)
    assert "data/disagreements.yml:4:12: disagreements[0].views: should be a valid list, got 'several'" in found


def test_unknown_key(data_dir):
    text = GOOD.replace("    our_reading:", "    our_reeding:")
    assert problems(data_dir, text) == [
        "data/disagreements.yml:2:5: disagreements[0].our_reading: required field is missing",
        "data/disagreements.yml:11:5: disagreements[0].our_reeding: unknown field; allowed here:"
        " id, question, views, our_reading, reading_sources",
    ]


def test_duplicate_id(data_dir):
    item = GOOD.split("\n", 1)[1]
    assert problems(data_dir, GOOD + item) == [
        "data/disagreements.yml:12:9: disagreements[1].id: duplicate id 'subset' (first used at line 2)"
    ]


KNOWN_SOURCES = "makers-row, marketing-blog, mezan, opinion-blog, smallbiz-blog, this-site"


def test_dangling_source_reference(data_dir):
    text = GOOD.replace("held_by: [mezan/conclusion]", "held_by: [mezan/conclusion, wikipedia/history]")
    found = problems(data_dir, text)
    assert found[0].startswith("data/disagreements.yml:9:37: disagreements[0].views[1].held_by[1]:"
                               " unknown source 'wikipedia'; known sources: ")
    assert all(source in found[0] for source in KNOWN_SOURCES.split(", "))


def test_a_citation_needs_a_section(data_dir):
    text = GOOD.replace("held_by: [mezan/conclusion]", "held_by: [mezan]")
    assert problems(data_dir, text) == [
        "data/disagreements.yml:9:19: disagreements[0].views[1].held_by[0]: 'mezan' should be a source id and one"
        " of its sections joined by '/', e.g. mezan/comparison-table"
    ]


def test_an_unknown_section_lists_the_sources_sections(data_dir):
    text = GOOD.replace("held_by: [mezan/conclusion]", "held_by: [makers-row/tactics]")
    assert problems(data_dir, text) == [
        "data/disagreements.yml:9:19: disagreements[0].views[1].held_by[0]: 'makers-row' has no section"
        " 'tactics'; its sections: introduction, objectives, strategy, marketing-tactics, sales-tactics,"
        " why-you-need-both"
    ]


def test_section_ids_are_unique_within_a_source_only(data_dir):
    text = (data_dir / "sources.yml").read_text()
    assert text.count("- {id: introduction,") > 1  # the same id in several sources is fine
    line = "      - {id: strategy, kind: heading, label: Strategy}\n"
    found = problems(data_dir, text.replace(line, line * 2), "sources.yml")
    assert len(found) == 1
    assert "sources[3].sections[3].id: duplicate id 'strategy' (first used at line" in found[0]


def test_an_article_needs_its_seed_file(data_dir):
    text = (data_dir / "sources.yml").read_text()
    text = text.replace("    seed_file: 003_361cccf4914bede2.txt\n", "")
    found = problems(data_dir, text, "sources.yml")
    assert len(found) == 1
    assert found[0].endswith(": sources[3]: a source of kind article needs seed_file")


def test_yaml_11_boolean_where_text_is_expected(data_dir):
    text = GOOD.replace("position: Sales is a subset", "position: no")
    assert problems(data_dir, text) == [
        "data/disagreements.yml:5:19: disagreements[0].views[0].position: expected text, got the YAML boolean no;"
        " quote it: 'no'"
    ]


def test_duplicate_key(data_dir):
    text = GOOD.replace("    our_reading: Both views help.", "    our_reading: Both views help.\n    id: again")
    assert problems(data_dir, text) == ["data/disagreements.yml:12:5: disagreements[0].id: this key appears twice"]


def test_bad_id_pattern(data_dir):
    text = GOOD.replace("id: subset", "id: Subset Question")
    assert problems(data_dir, text) == [
        "data/disagreements.yml:2:9: disagreements[0].id: 'Subset Question' should be lowercase words and digits"
        " joined by hyphens, e.g. lead-handoff"
    ]


def test_wrong_choice(data_dir):
    text = (data_dir / "tactics.yml").read_text()
    text = text.replace("owner: both", "owner: everyone", 1)
    found = problems(data_dir, text, "tactics.yml")
    assert len(found) == 1
    assert found[0].endswith(".owner: should be 'marketing', 'sales' or 'both', got 'everyone'")


def test_link_to_missing_page(data_dir):
    text = GOOD.replace("our_reading: Both views help.", "our_reading: See [the FAQ](faqs.md#x).")
    assert problems(data_dir, text) == [
        "data/disagreements.yml:11:18: disagreements[0].our_reading: links to 'faqs.md#x',"
        " but content/ has no such page"
    ]


def test_handoff_must_name_real_steps(data_dir):
    text = (data_dir / "processes.yml").read_text()
    step = text.split("handoff:\n", 1)[1].split("after: ", 1)[1].split("\n", 1)[0]
    found = problems(data_dir, text.replace(f"after: {step}", "after: mkt-dreaming"), "processes.yml")
    assert len(found) == 1
    assert "handoff.after: 'mkt-dreaming' is not a step in processes.yml; known: " in found[0]
    found = problems(data_dir, text.replace(f"after: {step}", "after: sales-closing"), "processes.yml")
    assert len(found) == 1
    assert found[0].endswith("handoff.after: 'sales-closing' is not a step of the marketing process")


def test_missing_and_unknown_files(data_dir):
    (data_dir / "faq.yml").rename(data_dir / "faqs.yml")
    found = problems(data_dir)
    assert found[0] == "data/faq.yml:1:1: (file): file is missing"
    assert found[1].startswith("data/faqs.yml:1:1: (file): unknown data file; expected one of sources.yml,")


def test_empty_file(data_dir):
    assert problems(data_dir, "# nothing yet\n") == ["data/disagreements.yml:1:1: (top): the file is empty"]


def test_every_problem_is_reported_in_file_order(data_dir):
    text = GOOD.replace("held_by: [mezan/conclusion]", "held_by: [nobody/intro]")
    text = text.replace("    question: Is sales part of marketing?\n", "")
    (data_dir / "faq.yml").write_text("questions: [\n")
    found = problems(data_dir, text)
    assert [line.split(":")[0] for line in found] == ["data/disagreements.yml", "data/faq.yml"]
    assert found[0].endswith("disagreements[0].question: required field is missing")


def test_check_command_prints_problems_without_traceback(project):
    (project / "data" / "disagreements.yml").write_text(GOOD.replace("position: Sales is a subset", "position: off"))
    result = run_macros(project, "check")
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert result.stderr.splitlines()[0] == (
        "data/disagreements.yml:5:19: disagreements[0].views[0].position: expected text, got the YAML boolean off;"
        " quote it: 'off'"
    )


def test_check_command_accepts_the_real_data(project):
    result = run_macros(project, "check")
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("data/ is valid")


def test_a_message_with_an_unknown_or_a_missing_placeholder(data_dir):
    text = (data_dir / "interface.yml").read_text()
    text = text.replace('reach: "Enter a whole number from 1 to {max}."', 'reach: "Enter a whole number up to {maxi}."')
    text = text.replace('too_large: "That is more than {max}; check', 'too_large: "That is more than that; check')
    text = text.replace("  copied: Link copied.", '  copied: "Link copied to {place}."')
    lines = text.splitlines()

    def line(snippet: str) -> int:
        return next(n for n, content in enumerate(lines, 1) if snippet in content)

    assert problems(data_dir, text, "interface.yml") == [
        f"data/interface.yml:{line('{maxi}')}:12: simulator.errors.reach: unknown placeholder {{maxi}}; missing"
        " placeholder {max}; this message uses {max}",
        f"data/interface.yml:{line('{place}')}:11: simulator.copied: unknown placeholder {{place}}; this message uses"
        " no placeholders",
        f"data/interface.yml:{line('more than that')}:16: checkup.errors.too_large: missing placeholder {{max}}; this"
        " message uses {max}",
    ]


def test_references_are_checked_by_their_type_wherever_they_are(data_dir):
    """A page reference in tools.yml, an id of a process step in an example, a quiz in a lesson: each is
    found by the type of its field, with one message per kind."""
    edit(data_dir / "tools.yml", "link: processes.md#mkt-implementation", "link: pricing.md")
    edit(data_dir / "examples" / "restaurant.yml", "step: mkt-research", "step: mkt-guessing")
    found = problems_in(data_dir)
    assert any(p.endswith("link: links to 'pricing.md', but content/ has no such page") for p in found)
    assert any("marketing[0].step: 'mkt-guessing' is not a step in processes.yml; known: " in p for p in found)


def test_a_page_link_in_plain_text_is_reported(data_dir):
    edit(data_dir / "faq.yml", "question: Should a business put more money into marketing or into sales?",
         "question: Should a business put more money into [marketing](definitions.md) or into sales?")
    found = problems_in(data_dir)
    assert len(found) == 1
    assert found[0].startswith("data/faq.yml:4:15: questions[0].question: links to 'definitions.md', but this "
                               "field is plain text")
