"""The founders' tools, run in Node straight from content/assets/tools.js.

Expected figures are worked out by hand here; the recommendation is checked for every combination of
answers in data/tools.yml against the rule the page states.
"""

from __future__ import annotations

import itertools
import json
import shutil
import subprocess

import pytest

from macros.loading import DataError, load_data
from tests.conftest import ROOT

SCRIPT = ROOT / "content" / "assets" / "tools.js"
STAGES = [{"id": "reached", "name": "People reached"}, {"id": "leads", "name": "Leads"},
          {"id": "qualified", "name": "Qualified leads"}, {"id": "offers", "name": "Proposals or quotes"},
          {"id": "customers", "name": "Customers"}]
LIMITS = {"maxReach": 10_000_000, "maxSale": 100_000_000, "currency": "$"}
GOOD = {"reached": "5,000", "leads": "400", "qualified": "60", "offers": "40", "customers": "10", "sale": "900"}


def node(expression: str, *args: object) -> object:
    """Evaluate `expression` with `tools` (the module) and `args` in Node; return its JSON value."""
    runner = "const tools = require(process.argv[1]); const args = JSON.parse(process.argv[2]);" \
             f"console.log(JSON.stringify({expression}));"
    found = shutil.which("node")
    assert found, "Node.js is needed (it comes with npm, which the set-up uses)"
    out = subprocess.run([found, "-e", runner, str(SCRIPT), json.dumps(args)], capture_output=True, text=True,
                         check=True)
    return json.loads(out.stdout)


def validate(**changes: str) -> dict:
    return node("tools.validate(args[0], args[1], args[2])", {**GOOD, **changes}, STAGES, LIMITS)


def test_good_numbers_pass_with_thousands_separators():
    result = validate()
    assert result["errors"] == {}
    assert result["values"] == {"reached": 5000, "leads": 400, "qualified": 60, "offers": 40, "customers": 10,
                                "sale": 900}


@pytest.mark.parametrize(("field", "raw", "message"), [
    ("leads", "", "Enter a number."),
    ("leads", "   ", "Enter a number."),
    ("leads", "-5", "Enter zero or more, not a negative number."),
    ("leads", "lots", "Enter a number, using digits only (such as 1200)."),
    ("leads", "4e2", "Enter a number, using digits only (such as 1200)."),
    ("leads", "40.5", "Enter a whole number of people."),
    ("reached", "0", "Enter at least 1."),
    ("reached", "20000000", "That is more than 10,000,000; check for extra zeros."),
    ("sale", "250000000", "That is more than $100,000,000; check for extra zeros."),
    ("customers", "41", "This can't be more than the 40 proposals or quotes above it: "
                        "each stage is part of the one before."),
])
def test_each_kind_of_bad_number_gets_its_message(field, raw, message):
    assert validate(**{field: raw})["errors"] == {field: message}


def test_a_fractional_average_sale_is_fine():
    assert validate(sale="19.99")["values"]["sale"] == 19.99


def test_rates_and_the_weakest_stage_against_an_example():
    # yours: 8%, 15%, 66.7%, 25%; example: 3%, 30%, 50%, 30% -> ratios 2.67, 0.5, 1.33, 0.83
    result = node("tools.analyse(args[0], args[1])", [5000, 400, 60, 40, 10], [20000, 600, 180, 90, 27])
    assert result["rates"] == pytest.approx([0.08, 0.15, 2 / 3, 0.25])
    assert result["exampleRates"] == pytest.approx([0.03, 0.3, 0.5, 0.3])
    assert result["weakest"] == 2


def test_a_stage_where_everyone_drops_out_is_the_weakest():
    result = node("tools.analyse(args[0], args[1])", [1000, 100, 0, 0, 0], [1000, 100, 50, 20, 10])
    assert result["weakest"] == 2
    assert result["rates"] == [0.1, 0, 0, 0]


def test_what_if_raises_one_stage_and_carries_it_down():
    # qualified rate 15% -> 16.5%: 400 * 0.165 = 66 qualified, * 2/3 = 44 offers, * 0.25 = 11 customers
    result = node("tools.whatIf(args[0], args[1], args[2], args[3])", [5000, 400, 60, 40, 10], 900, 2, 10)
    assert result["rateAfter"] == pytest.approx(0.165)
    assert result["customers"] == pytest.approx(11)
    assert result["extraRevenue"] == pytest.approx(900)


def test_what_if_never_raises_a_rate_past_100_percent():
    result = node("tools.whatIf(args[0], args[1], args[2], args[3])", [100, 95, 50, 25, 10], 10, 1, 10)
    assert result["rateAfter"] == 1
    assert result["customers"] == pytest.approx(10 * 100 / 95)


QUESTIONS = [
    {"id": "a", "options": [{"id": "m2", "marketing": 2, "sales": 0}, {"id": "s1", "marketing": 0, "sales": 1},
                            {"id": "none", "marketing": 0, "sales": 0}]},
    {"id": "b", "options": [{"id": "m1", "marketing": 1, "sales": 0}, {"id": "s2", "marketing": 0, "sales": 2}]},
]


@pytest.mark.parametrize(("answers", "verdict", "points"), [
    ({"a": "m2", "b": "m1"}, "marketing", (3, 0)),
    ({"a": "m2", "b": "s2"}, "balanced", (2, 2)),
    ({"a": "s1", "b": "m1"}, "balanced", (1, 1)),
    ({"a": "none", "b": "s2"}, "sales", (0, 2)),
    ({"a": "m2"}, "marketing", (2, 0)),
    ({"a": "s1"}, "balanced", (0, 1)),
    ({}, "balanced", (0, 0)),
])
def test_the_recommendation_needs_a_lead_of_two_points(answers, verdict, points):
    result = node("tools.recommend(args[0], args[1], 2)", QUESTIONS, answers)
    assert result["verdict"] == verdict
    assert (result["marketing"], result["sales"]) == points
    assert result["missing"] == [q["id"] for q in QUESTIONS if q["id"] not in answers]


def test_every_combination_of_the_real_questions_follows_the_rule(site_data):
    invest = site_data.tools.invest
    questions = [{"id": q.id, "options": [{"id": o.id, "marketing": o.marketing, "sales": o.sales}
                                          for o in q.options]} for q in invest.questions]
    combos = [dict(zip([q.id for q in invest.questions], pick, strict=True))
              for pick in itertools.product(*[[o.id for o in q.options] for q in invest.questions])]
    got = node("args[2].map(a => tools.recommend(args[0], a, args[1]).verdict)", questions, invest.margin, combos)
    points = {(q.id, o.id): (o.marketing, o.sales) for q in invest.questions for o in q.options}
    verdicts = []
    for combo in combos:
        m = sum(points[(q, o)][0] for q, o in combo.items())
        s = sum(points[(q, o)][1] for q, o in combo.items())
        verdicts.append("marketing" if m - s >= invest.margin else "sales" if s - m >= invest.margin else "balanced")
    assert got == verdicts
    assert set(verdicts) == {"marketing", "sales", "balanced"}


def test_no_single_answer_decides_alone(site_data):
    invest = site_data.tools.invest
    assert all(abs(o.marketing - o.sales) < invest.margin for q in invest.questions for o in q.options)


def test_check_up_actions_must_follow_the_simulator_stages(tmp_path):
    data = tmp_path / "data"
    shutil.copytree(ROOT / "data", data)
    tools = data / "tools.yml"
    text = tools.read_text()
    tools.write_text(text.replace("    qualified:\n", "    qualify:\n", 1))
    with pytest.raises(DataError) as caught:
        load_data(data, ROOT / "content")
    assert [str(p).split(": ", 1)[1] for p in caught.value.problems] == [
        "checkup.actions: should list actions for the simulator's stages after the top, in order: "
        "leads, qualified, offers, customers"]
