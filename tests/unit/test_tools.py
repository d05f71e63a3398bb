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
import yaml

from macros.data import models
from tests.conftest import FROZEN, ROOT, edit, problems_in

SCRIPT = ROOT / "content" / "assets" / "tools.js"
# The check-up's messages as the page gets them, from the frozen copy of data/interface.yml.
MESSAGES = models.InterfaceFile.model_validate(
    yaml.safe_load((FROZEN / "data" / "interface.yml").read_text(encoding="utf-8"))).checkup.model_dump()
STAGES = [{"id": "reached", "name": "People reached"}, {"id": "leads", "name": "Leads"},
          {"id": "mql", "name": "Marketing-qualified leads"}, {"id": "sql", "name": "Sales-qualified leads"},
          {"id": "offers", "name": "Proposals or quotes"}, {"id": "customers", "name": "Customers"}]
LIMITS = {"maxReach": 10_000_000, "maxSale": 100_000_000, "currency": "$", "messages": MESSAGES}
GOOD = {"reached": "5,000", "leads": "400", "mql": "100", "sql": "60", "offers": "40", "customers": "10",
        "sale": "900"}
TARGETS = {"t-leads": "10", "t-mql": "20", "t-sql": "50%", "t-offers": "50", "t-customers": "12.5"}
EARLIER = {"p-reached": "4000", "p-leads": "400", "p-mql": "100", "p-sql": "80", "p-offers": "40", "p-customers": "8"}


def node(expression: str, *args: object) -> object:
    """Evaluate `expression` with `tools` (the module) and `args` in Node; return its JSON value."""
    runner = "const tools = require(process.argv[1]); const args = JSON.parse(process.argv[2]);" \
             f"console.log(JSON.stringify({expression}));"
    found = shutil.which("node")
    assert found, "Node.js is needed (it comes with npm, which the set-up uses)"
    out = subprocess.run([found, "-e", runner, str(SCRIPT), json.dumps(args)], capture_output=True, text=True,
                         check=True)
    return json.loads(out.stdout)


def validate(basis: str = "targets", **changes: str) -> dict:
    return node("tools.validate(args[0], args[1], args[2], args[3])", {**GOOD, **TARGETS, **EARLIER, **changes},
                STAGES, LIMITS, basis)


def test_good_numbers_pass_with_thousands_separators_and_percent_signs():
    result = validate()
    assert result["errors"] == {}
    assert result["values"] == {"reached": 5000, "leads": 400, "mql": 100, "sql": 60, "offers": 40, "customers": 10,
                                "sale": 900, "t-leads": 0.1, "t-mql": 0.2, "t-sql": 0.5, "t-offers": 0.5,
                                "t-customers": 0.125}


def test_only_the_chosen_basis_is_checked():
    assert validate("targets", **{"p-leads": "lots"})["errors"] == {}
    assert validate("earlier", **{"t-leads": "lots"})["errors"] == {}
    assert "t-leads" not in validate("earlier")["values"]
    assert validate("earlier")["values"]["p-reached"] == 4000


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
    ("t-offers", "", "Enter a target, as a percentage."),
    ("t-offers", "-5", "Enter zero or more, not a negative number."),
    ("t-offers", "half", "Enter a percentage using digits only (such as 12.5)."),
    ("t-offers", "0", "Enter a target above 0%."),
    ("t-offers", "120", "A conversion can't be more than 100%."),
])
def test_each_kind_of_bad_number_gets_its_message(field, raw, message):
    assert validate(**{field: raw})["errors"] == {field: message}


def test_the_earlier_period_is_checked_like_this_one():
    assert validate("earlier", **{"p-sql": "120"})["errors"] == {
        "p-sql": "This can't be more than the 100 marketing-qualified leads above it: "
                 "each stage is part of the one before."}


def test_a_fractional_average_sale_is_fine():
    assert validate(sale="19.99")["values"]["sale"] == 19.99


def judge(basis: str, **changes: str) -> dict:
    values = validate(basis, **changes)["values"]
    marks = node("tools.benchmarks(args[0], args[1], args[2])", values, STAGES, basis)
    counts = [values[s["id"]] for s in STAGES]
    return node("tools.judge(args[0], args[1])", counts, marks)


def test_against_targets_the_weakest_stage_falls_furthest_short():
    # Rates, worked out by hand from GOOD: 400/5000 = 8%, 100/400 = 25%, 60/100 = 60%, 40/60 = 66.7%, 10/40 = 25%.
    # Targets: 10%, 20%, 50%, 50%, 12.5%. Only leads falls short (8/10 = 0.8 of its target): it is the weakest.
    result = judge("targets")
    assert result["rates"] == pytest.approx([0.08, 0.25, 0.6, 2 / 3, 0.25])
    assert result["benchmarks"] == pytest.approx([0.1, 0.2, 0.5, 0.5, 0.125])
    assert result["ratios"][0] == pytest.approx(0.8)
    assert result["weakest"] == 1


def test_the_shortfall_is_a_share_of_the_target_not_a_count_of_people():
    # Raise the close target to 40%: 25% is 0.625 of it, further short than leads' 0.8, although the leads stage
    # loses 4,600 people and the close only 30.
    assert judge("targets", **{"t-customers": "40"})["weakest"] == 5


def test_every_target_met_means_no_weakest_stage():
    result = judge("targets", **{"t-leads": "8"})
    assert result["weakest"] == 0
    assert result["ratios"][0] == pytest.approx(1)


def test_against_an_earlier_period_the_largest_fall_is_the_weakest():
    # Earlier rates by hand: 400/4000 = 10%, 100/400 = 25%, 80/100 = 80%, 40/80 = 50%, 8/40 = 20%.
    # Now: 8%, 25%, 60%, 66.7%, 25%. Falls: leads 0.8 of before, SQL 0.75 of before -> SQL is the weakest.
    result = judge("earlier")
    assert result["benchmarks"] == pytest.approx([0.1, 0.25, 0.8, 0.5, 0.2])
    assert result["ratios"][2] == pytest.approx(0.75)
    assert result["weakest"] == 3


def test_a_stage_with_nobody_before_it_in_the_earlier_period_is_not_judged():
    # Earlier: nobody got a proposal, so neither the close rate nor the one after it can be compared.
    values = {**EARLIER, "p-offers": "0", "p-customers": "0"}
    result = judge("earlier", **values)
    assert result["benchmarks"][4] is None and result["ratios"][4] is None
    assert result["weakest"] == 3


def test_no_stage_worse_than_before_means_no_weakest_stage():
    same = {f"p-{s['id']}": GOOD[s["id"]] for s in STAGES}
    result = judge("earlier", **same)
    assert result["weakest"] == 0


def test_a_tie_goes_to_the_earlier_stage():
    # leads 8% against 10% (0.8) and close 25% against 31.25% (0.8).
    assert judge("targets", **{"t-customers": "31.25"})["weakest"] == 1


def test_what_if_sets_one_stage_to_its_mark_and_carries_it_down():
    # leads 8% -> 10%: 500 leads, * 25% = 125 MQL, * 60% = 75 SQL, * 2/3 = 50 offers, * 25% = 12.5 customers
    result = node("tools.whatIf(args[0], args[1], args[2], args[3])", [5000, 400, 100, 60, 40, 10], 900, 1, 0.1)
    assert result["rateAfter"] == pytest.approx(0.1)
    assert result["customers"] == pytest.approx(12.5)
    assert result["extraRevenue"] == pytest.approx(2.5 * 900)


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


def test_check_up_actions_must_follow_the_simulator_stages(data_dir):
    edit(data_dir / "tools.yml", "    mql:\n", "    marketing-qualified:\n")
    assert [p.split(": ", 1)[1] for p in problems_in(data_dir)] == [
        "checkup.actions: should list actions for the simulator's stages after the top, in order: "
        "leads, mql, sql, offers, customers"]
