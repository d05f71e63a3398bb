"""The quizzes' scoring, run in Node straight from content/assets/quizzes.js.

Expected scores are worked out by hand from the rules stated on the answer-keys page.
"""

from __future__ import annotations

import json
import shutil
import subprocess

import pytest

from tests.conftest import ROOT

SCRIPT = ROOT / "content" / "assets" / "quizzes.js"
MULTI = {"right": [0, 2], "count": 5}  # two right options, three wrong
CLASSIFY = ["marketing", "sales", "both", "sales"]

CASES = [
    # kind, answer, response, expected score
    ("single", 2, 2, 1),
    ("single", 2, 0, 0),
    ("true_false", False, False, 1),
    ("true_false", False, True, 0),
    ("multiple", MULTI, [0, 2], 1),
    ("multiple", MULTI, [0], 0.5),
    ("multiple", MULTI, [0, 2, 1], 1 - 1 / 3),
    ("multiple", MULTI, [0, 1], 0.5 - 1 / 3),
    ("multiple", MULTI, [1, 3, 4], 0),
    ("multiple", MULTI, [0, 1, 3, 4], 0),  # never below zero
    ("multiple", MULTI, [0, 1, 2, 3, 4], 0),  # ticking everything earns nothing
    ("classify", CLASSIFY, ["marketing", "sales", "both", "sales"], 1),
    ("classify", CLASSIFY, ["marketing", "sales", "sales", "sales"], 0.75),
    ("classify", CLASSIFY, ["both", "both", "marketing", "marketing"], 0),
    ("order", 5, [0, 1, 2, 3, 4], 1),
    ("order", 5, [1, 2, 3, 4, 0], 0.75),  # the first step moved to the end: 3 of 4 pairs still follow
    ("order", 5, [0, 1, 3, 2, 4], 0.25),  # a swap in the middle breaks three pairs
    ("order", 5, [4, 3, 2, 1, 0], 0),
]

NOT_ANSWERS = [
    ("single", 2, None),
    ("single", 2, "2"),
    ("true_false", True, "true"),
    ("multiple", MULTI, []),
    ("multiple", MULTI, [0, 0]),
    ("multiple", MULTI, [5]),
    ("classify", CLASSIFY, ["marketing", "sales", "both"]),
    ("classify", CLASSIFY, ["marketing", "sales", "both", ""]),
    ("order", 5, [0, 1, 2, 3]),
    ("order", 5, [0, 1, 2, 3, 3]),
    ("order", 5, [0, 1, 2, 3, 5]),
    ("essay", 1, 1),
]

RUNNER = """
const scoring = require(process.argv[1]);
const cases = JSON.parse(process.argv[2]);
const out = cases.map(([kind, answer, response]) => {
  const valid = scoring.valid(kind, answer, response);
  let score = null;
  try { score = scoring.score(kind, answer, response).score; } catch (e) { score = "refused"; }
  return {valid, score};
});
console.log(JSON.stringify(out));
"""


def run_in_node(cases: list[tuple]) -> list[dict]:
    node = shutil.which("node")
    assert node, "Node.js is needed (it comes with npm, which the set-up uses)"
    payload = json.dumps([list(c[:3]) for c in cases])
    result = subprocess.run([node, "-e", RUNNER, str(SCRIPT), payload], capture_output=True, text=True, check=True)
    return json.loads(result.stdout)


@pytest.fixture(scope="module")
def scored() -> list[dict]:
    return run_in_node(CASES)


@pytest.mark.parametrize(("index", "case"), list(enumerate(CASES)), ids=[f"{c[0]}-{c[2]}" for c in CASES])
def test_score(scored, index, case):
    assert scored[index]["valid"] is True
    assert scored[index]["score"] == pytest.approx(case[3])


def test_what_is_not_an_answer_is_refused():
    for case, result in zip(NOT_ANSWERS, run_in_node(NOT_ANSWERS), strict=True):
        assert result == {"valid": False, "score": "refused"}, case
