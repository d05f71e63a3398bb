"""The one copy of the funnel arithmetic in JavaScript (content/assets/common.js), run in Node, against the
Python one (macros/data/funnel_math.py) on the same inputs; and its `format` against Python's `fill`."""

from __future__ import annotations

import json
import shutil
import subprocess

import pytest

from macros.data import funnel_math as fm
from macros.data.messages import PLACEHOLDER, fill
from macros.render import charts
from tests.conftest import ROOT

SCRIPT = ROOT / "content" / "assets" / "common.js"
RUNNER = """
const common = require(process.argv[1]);
const calls = JSON.parse(process.argv[2]);
console.log(JSON.stringify(calls.map(([name, args]) => common[name](...args))));
"""
FUNNELS = [  # counts, average sale
    ([20000, 600, 240, 180, 90, 27], 1200),
    ([8000, 640, 400, 360, 270, 243], 64),
    ([12345, 1234, 123, 12, 1], 19.99),
    ([1000, 0, 0], 50),  # nobody past the top: every rate after an empty stage is 0
    ([7, 7, 7, 7], 0),
]
CHANGES = [(10, "relative"), (10, "points"), (60, "points"), (25, "relative"), (1, "points"), (100, "relative")]
ROUNDING = [0, 0.5, 1.5, 2.5, 2.4999, 12345.5, 1e8 - 0.5, 250 / 360, 0.00125, 1 / 3, 2 / 3]


def run(calls: list[tuple[str, list]]) -> list:
    """Call each (function name, arguments) of common.js in one Node process; their results, in order."""
    node = shutil.which("node")
    assert node, "Node.js is needed (it comes with npm, which the set-up uses)"
    out = subprocess.run([node, "-e", RUNNER, str(SCRIPT), json.dumps(calls)], capture_output=True, text=True,
                         check=True)
    return json.loads(out.stdout)


def outcome(o: fm.Outcome) -> dict:
    return {"counts": o.counts, "customers": o.customers, "revenue": o.revenue}


def cases() -> list[tuple[str, list, object]]:
    """(function, arguments, what Python gives) for every function the two copies share."""
    out: list[tuple[str, list, object]] = []
    out += [("whole", [v], fm.whole(v)) for v in ROUNDING]
    out += [("percent1dp", [v], fm.percent_1dp(v)) for v in ROUNDING]
    for counts, sale in FUNNELS:
        rates = fm.rates_from_counts(counts)
        out.append(("ratesFromCounts", [counts], rates))
        out.append(("countsFromRates", [counts[0], rates], fm.counts_from_rates(counts[0], rates)))
        out.append(("simulate", [counts[0], rates, sale], outcome(fm.simulate(counts[0], rates, sale))))
        for x, mode in CHANGES:
            c = fm.compare(counts[0], rates, sale, x, mode)
            out.append(("compare", [counts[0], rates, sale, x, mode],
                        {"base": outcome(c.base), "moreReach": outcome(c.more_reach),
                         "betterClose": outcome(c.better_close), "closeRateAfter": c.close_rate_after}))
            out.append(("raisedCloseRate", [rates[-1], x, mode], fm.raised_close_rate(rates[-1], x, mode)))
    return out


CASES = cases()


@pytest.fixture(scope="module")
def from_node() -> list:
    return run([(name, args) for name, args, _ in CASES])


def assert_close(got: object, want: object, where: str = "") -> None:
    """Equal numbers (to 1e-12), in the same shape."""
    if isinstance(want, dict):
        assert sorted(got) == sorted(want), where
        for key, value in want.items():
            assert_close(got[key], value, f"{where}.{key}")
    elif isinstance(want, list):
        assert len(got) == len(want), where
        for i, (a, b) in enumerate(zip(got, want, strict=True)):
            assert_close(a, b, f"{where}[{i}]")
    else:
        assert got == pytest.approx(want, rel=1e-12, abs=1e-12), where


@pytest.mark.parametrize(("index", "case"), list(enumerate(CASES)),
                         ids=[f"{i}-{c[0]}" for i, c in enumerate(CASES)])
def test_javascript_and_python_agree(from_node, index, case):
    name, _args, python = case
    assert_close(from_node[index], python, name)


def test_the_rates_of_an_example_survive_the_round_trip_through_both():
    counts = [20000, 600, 240, 180, 90, 27]
    rates = [fm.percent_1dp(r) for r in fm.rates_from_counts(counts)]
    assert run([("ratesFromCounts", [counts])])[0] == pytest.approx(fm.rates_from_counts(counts), rel=1e-15)
    assert [run([("percent1dp", [r])])[0] for r in fm.rates_from_counts(counts)] == rates


@pytest.mark.parametrize("value", [0, 7, 999.5, 1000, 12345.6, -54321, 1234567, 1e8 - 0.5, 99999999999])
def test_numbers_are_written_as_the_build_writes_them(value):
    """The widgets rewrite the numbers the build wrote, in the same form, and a share with one decimal."""
    assert run([("number", [value]), ("money", [value, "$"])]) == [charts.number(value), charts.money(value, "$")]
    rate = value / 1e9
    assert run([("shortPercent", [rate])]) == [f"{fm.percent_1dp(rate):,}".removesuffix(".0") + "%"]


def test_format_fills_messages_as_python_does(site_data):
    """Every message of data/interface.yml, filled with a value per placeholder, reads the same in both."""
    messages = []

    def collect(value: object) -> None:
        if isinstance(value, dict):
            for item in value.values():
                collect(item)
        elif isinstance(value, list):
            for item in value:
                collect(item)
        elif isinstance(value, str) and PLACEHOLDER.search(value):
            messages.append(value)

    collect(site_data.interface.model_dump())
    assert len(messages) > 30
    calls = [("format", [m, {name: f"<{name}: 1,234>" for name in PLACEHOLDER.findall(m)}]) for m in messages]
    want = [fill(m, **values) for m, values in (args for _, args in calls)]
    assert run(calls) == want
    assert "{" not in "".join(want)


def test_format_leaves_a_placeholder_without_a_value_as_it_is():
    assert run([("format", ["From 1 to {max}, not {min}.", {"max": "100"}])]) == ["From 1 to 100, not {min}."]
