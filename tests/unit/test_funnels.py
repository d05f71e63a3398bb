"""Funnel arithmetic, figures and the checks on data/funnels.yml."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from macros.data import funnel_math as fm
from macros.data.loading import DataError, load_data
from macros.data.messages import fill
from macros.render import charts
from macros.render.charts import figure_json, funnel_figure, funnel_svg
from tests.conftest import FROZEN, ROOT, edit, problems_in


def test_counts_and_rates_round_trip():
    counts = [20000, 600, 180, 90, 27]
    rates = fm.rates_from_counts(counts)
    assert rates == pytest.approx([0.03, 0.3, 0.5, 0.3])
    assert fm.counts_from_rates(20000, rates) == pytest.approx(counts)


def test_simulate_gives_customers_and_revenue():
    outcome = fm.simulate(1000, [0.1, 0.5], 40)
    assert outcome.counts == pytest.approx([1000, 100, 50])
    assert (outcome.customers, outcome.revenue) == pytest.approx((50, 2000))


def test_same_relative_rise_at_top_or_close_gives_the_same_revenue():
    result = fm.compare(20000, [0.03, 0.3, 0.5, 0.3], 1200, 10, "relative")
    assert result.more_reach.revenue == pytest.approx(result.base.revenue * 1.1)
    assert result.better_close.revenue == pytest.approx(result.more_reach.revenue)
    assert result.close_rate_after == pytest.approx(0.33)


def test_percentage_points_on_a_low_close_rate_beat_the_same_percent_of_reach():
    result = fm.compare(1000, [0.5, 0.2], 10, 10, "points")
    assert result.close_rate_after == pytest.approx(0.3)
    assert result.better_close.customers == pytest.approx(150)
    assert result.more_reach.customers == pytest.approx(110)


def test_close_rate_never_passes_100_percent():
    assert fm.raised_close_rate(0.95, 10, "points") == 1.0
    assert fm.raised_close_rate(0.95, 10, "relative") == 1.0
    result = fm.compare(100, [1.0, 0.95], 1, 10, "relative")
    assert result.more_reach.revenue > result.better_close.revenue


def test_rounding_is_half_up_like_javascript():
    assert [fm.whole(v) for v in (0.5, 1.5, 2.5, 2.4999)] == [1, 2, 3, 2]
    assert fm.percent_1dp(250 / 360) == 69.4
    assert fm.percent_1dp(0.00125) == 0.1


def test_stage_table_shares():
    assert fm.stage_table([200, 50, 10]) == [(200, None, 1.0), (50, 0.25, 0.25), (10, 0.2, 0.05)]


@pytest.fixture(scope="module")
def customer_figure(site_data):
    stages = site_data.funnels.customer_funnel.stages
    return funnel_figure([s.name for s in stages], [s.count for s in stages], [s.owner for s in stages],
                         site_data.interface), stages


def test_figure_has_a_legend_entry_per_owner_and_the_owner_in_each_bar(site_data, customer_figure):
    figure, stages = customer_figure
    owners = {s.owner for s in stages}
    assert {t["meta"] for t in figure["data"]} == owners
    assert figure["layout"]["legend"]["orientation"] == "h"
    for trace in figure["data"]:
        assert set(trace["text"]) == {trace["name"]}
    labels = dict(zip(figure["layout"]["yaxis"]["tickvals"], figure["layout"]["yaxis"]["ticktext"], strict=True))
    owner_labels = site_data.interface.owners.model_dump()
    shares = [previous for _, previous, _ in fm.stage_table([s.count for s in stages])]
    assert shares[0] is None and all(shares[1:])
    for stage, previous in zip(stages, shares, strict=True):
        label = f"{stage.name} ({owner_labels[stage.owner].lower()})"
        share = f"{previous:.1%}" if previous else None
        assert labels[stage.name] == (fill(site_data.interface.charts.stage_share, label=label, share=share)
                                      if share else label)
    assert {t["name"] for t in figure["data"]} == {owner_labels[o] for o in owners}
    shown = [y for t in figure["data"] for y in t["y"]]
    assert sorted(shown) == sorted(s.name for s in stages)
    assert list(figure["layout"]["yaxis"]["categoryarray"]) == [s.name for s in stages]


def test_hover_data_holds_count_and_conversions(customer_figure):
    figure, stages = customer_figure
    by_name = {y: (x, c) for t in figure["data"] for y, x, c in zip(t["y"], t["x"], t["customdata"], strict=True)}
    # A stage after the second, where "of the stage before" and "of the top" differ.
    i = next(i for i in range(2, len(stages))
             if f"{stages[i].count / stages[i - 1].count:.1%}" != f"{stages[i].count / stages[0].count:.1%}")
    count, (from_previous, from_top, name) = by_name[stages[i].name]
    assert count == stages[i].count
    assert name == stages[i].name  # the hover names the stage alone, not its axis label with owner and share
    assert from_previous == f"{stages[i].count / stages[i - 1].count:.1%}"
    assert from_top == f"{stages[i].count / stages[0].count:.1%}"
    assert from_previous != from_top
    # plotly draws no hover label (it would cover a wide bar): funnels.js writes these under the chart.
    assert all(trace["hoverinfo"] == "none" and "hovertemplate" not in trace for trace in figure["data"])


def test_the_figure_layout_is_fixed_so_the_static_chart_can_match_it(customer_figure):
    """Nothing plotly.js would place by measuring the page or the text: margins, height, ranges, gaps, font,
    legend and the numbers' place are all given."""
    figure, stages = customer_figure
    layout = figure["layout"]
    n = len(stages)
    assert layout["margin"] == {**charts.MARGIN, "pad": 0, "autoexpand": False}
    assert layout["height"] == charts.MARGIN["t"] + charts.ROW * n + charts.MARGIN["b"]
    assert layout["font"]["size"] == charts.FONT_SIZE
    assert layout["legend"]["title"]["font"]["size"] == charts.FONT_SIZE
    assert (layout["legend"]["entrywidthmode"], layout["legend"]["entrywidth"]) == ("fraction", charts.LEGEND_SLOT)
    assert (layout["legend"]["xref"], layout["legend"]["yref"], layout["legend"]["title"]["side"]) == (
        "container", "container", "top")
    top = max(s.count for s in stages)
    assert layout["xaxis"]["range"] == [-top * charts.ROOM / 2, top * charts.ROOM / 2]
    assert layout["yaxis"]["range"] == [n - 0.5, -0.5]
    for axis in ("xaxis", "yaxis"):
        assert layout[axis]["autorange"] is False and layout[axis]["fixedrange"] is True
    assert layout["yaxis"]["automargin"] is False
    assert layout["funnelgap"] == pytest.approx(1 - charts.BAR)
    assert layout["dragmode"] is False  # a swipe over a drawn chart scrolls the page on a phone
    for trace in figure["data"]:
        assert (trace["constraintext"], trace["cliponaxis"], trace["textangle"]) == ("none", False, 0)
        assert trace["insidetextanchor"] == "end"
    # A wide bar holds its number against its end, a narrow one has it just past its end.
    position = {y: p for t in figure["data"] for y, p in zip(t["y"], t["textposition"], strict=True)}
    assert [position[s.name] for s in stages] == [
        "inside" if s.count / top / charts.ROOM >= charts.INSIDE else "outside" for s in stages]
    assert position[stages[0].name] == "inside" and position[stages[-1].name] == "outside"


def percent(length: str) -> float:
    """A length charts.length wrote without a px part, such as '16.6667%', as a share."""
    assert length.endswith("%") and "px" not in length, length
    return float(length[:-1]) / 100


def test_the_static_chart_has_the_figures_geometry(site_data, customer_figure):
    """The SVG drawn at build time, from the same numbers: each bar centred, as wide as its count's share of
    the x axis, never thinner than plotly.js draws it, its number just past its end, rows where plotly puts
    them; a legend entry per owner."""
    figure, stages = customer_figure
    names, counts, owners = [s.name for s in stages], [s.count for s in stages], [s.owner for s in stages]
    svg = funnel_svg(names, counts, owners, site_data.interface)
    assert svg["height"] == figure["layout"]["height"]
    span = figure["layout"]["xaxis"]["range"][1] * 2
    assert len(svg["rows"]) == len(stages)
    widths = []
    for i, (row, stage) in enumerate(zip(svg["rows"], stages, strict=True)):
        x, width = percent(row["x"]), percent(row["width"])
        widths.append(width)
        assert width == pytest.approx(stage.count / span, abs=1e-5)  # the plot area is the whole width
        assert x + width / 2 == pytest.approx(0.5, abs=1e-5)
        assert percent(row["text_x"]) == pytest.approx(x + width, abs=1e-5)
        assert row["inside"] == (width >= charts.INSIDE)
        assert float(row["text_dx"]) == (-charts.TEXTPAD if row["inside"] else charts.TEXTPAD)
        assert row["value"] == f"{stage.count:,}"
        # With no side margins the attributes place every bar exactly, however thin (its outline shows it).
        assert row["style"] == ""
        middle = charts.MARGIN["t"] + (i + 0.5) * charts.ROW
        assert float(row["bar_y"]) == pytest.approx(middle - charts.ROW * charts.BAR / 2)
        assert float(row["bar_height"]) == pytest.approx(charts.ROW * charts.BAR)
        assert float(row["middle"]) == pytest.approx(middle)
        assert float(row["label_y"]) < float(row["bar_y"])  # the label reads above its bar
    # Proportional to the counts, the top bar the widest, room to its right for its number.
    for width, stage in zip(widths, stages, strict=True):
        assert width / widths[0] == pytest.approx(stage.count / stages[0].count, rel=1e-3, abs=1e-5)
    assert widths[0] == pytest.approx(1 / charts.ROOM, abs=1e-5)
    assert [k["owner"] for k in svg["legend"]] == [t["meta"] for t in figure["data"]]
    assert [k["label"] for k in svg["legend"]] == [t["name"] for t in figure["data"]]
    assert [percent(k["x"]) for k in svg["legend"]] == pytest.approx([0, 1 / 3, 2 / 3], abs=1e-5)


def test_a_count_of_zero_draws_no_bar_and_small_counts_a_thin_one(site_data):
    """A tiny count keeps its true width; the outline both renderings draw (plotly's marker line, the SVG's
    stroke) is what makes it visible."""
    svg = funnel_svg(["A", "B", "C"], [1_000_000, 1, 0], ["marketing", "sales", "sales"], site_data.interface)
    top, tiny, empty = svg["rows"]
    assert percent(top["width"]) == pytest.approx(1 / charts.ROOM)
    assert 0 < float(tiny["width"][:-1]) < 1e-3 and tiny["style"] == ""
    assert (empty["x"], empty["width"], empty["style"]) == ("50%", "0%", "")
    figure = funnel_figure(["A", "B", "C"], [1_000_000, 1, 0], ["marketing", "sales", "sales"], site_data.interface)
    assert {t["marker"]["line"]["width"] for t in figure["data"]} == {charts.OUTLINE}
    assert all(t["marker"]["line"]["color"] == t["marker"]["color"] for t in figure["data"])


def test_lengths_are_a_share_plus_pixels():
    assert charts.length(0.5) == "50%"
    assert charts.length(1 / 3) == "33.3333%"
    assert charts.length(0.25, 3) == "calc(25% + 3px)"
    assert charts.length(0.25, -1.5) == "calc(25% - 1.5px)"
    assert charts.length(-0.0) == "0%"
    # Rounded as JavaScript's toFixed rounds (funnels.js writes the same strings for new numbers): a tie away
    # from zero, not to even as Python's format does.
    assert charts.length(0.25, 51.40625) == "calc(25% + 51.4063px)"


FIGURE_IN_A_FRESH_PROCESS = """
from pathlib import Path
from macros.data.loading import load_data
from macros.render import charts
from macros.render.charts import figure_json, funnel_figure, funnel_svg
data = load_data(Path("data"), Path("content"))
stages = data.funnels.customer_funnel.stages
print(figure_json(funnel_figure([s.name for s in stages], [s.count for s in stages], [s.owner for s in stages],
                                data.interface)), end="")
"""


def test_figures_are_small_stripped_and_reproducible(customer_figure):
    figure, _stages = customer_figure
    text = figure_json(figure)
    assert len(text.encode()) <= 10 * 1024
    assert "template" not in json.loads(text)["layout"]
    # Another interpreter, with another hash seed (so another order for any set or dict it iterates), writes the
    # same bytes: builds are reproducible.
    fresh = subprocess.run([sys.executable, "-c", FIGURE_IN_A_FRESH_PROCESS], cwd=ROOT, capture_output=True,
                           text=True, check=True, env={**os.environ, "PYTHONHASHSEED": "12345"})
    assert fresh.stdout == text


def funnel_problems(data_dir, old: str, new: str) -> list[str]:
    edit(data_dir / "funnels.yml", old, new)
    return problems_in(data_dir)


def test_a_funnel_that_widens_is_reported(data_dir, site_data):
    second = site_data.funnels.customer_funnel.stages[1].count
    found = funnel_problems(data_dir, f"count: {second}", "count: 999999")
    assert len(found) == 1
    assert found[0].endswith(f"customer_funnel.stages[1].count: 999999 is more than the "
                             f"{site_data.funnels.customer_funnel.stages[0].count} at the stage before;"
                             " a funnel only narrows")


def test_a_stage_naming_a_missing_process_step_is_reported(data_dir, frozen_data):
    step = frozen_data.funnels.customer_funnel.stages[-1].steps[0]
    found = funnel_problems(data_dir, f"steps: [{step}]", "steps: [sales-daydreaming]")
    steps = sorted(s.id for p in frozen_data.processes.processes for s in p.steps)
    assert any(p.endswith(f"'sales-daydreaming' is not a step in processes.yml; known: {', '.join(steps)}")
               for p in found)


def test_default_example_must_exist(data_dir, frozen_data):
    found = funnel_problems(data_dir, f"default: {frozen_data.funnels.simulator.default}", "default: bakery")
    examples = ", ".join(sorted(e.id for e in frozen_data.examples))
    assert found == [f"data/funnels.yml:{found[0].split(':')[1]}:12: simulator.default:"
                     f" 'bakery' is not a worked example in data/examples/; known: {examples}"]


def test_a_simulator_stage_must_count_a_customer_funnel_stage(data_dir):
    found = funnel_problems(data_dir, "      stage: proposal\n", "      stage: pitch\n")
    assert len(found) == 1
    assert found[0].startswith("data/funnels.yml:")
    assert ": simulator.stages[4].stage: 'pitch' is not a customer funnel stage; known: awareness," in found[0]


def test_simulator_stages_follow_the_customer_funnel(data_dir):
    text = (data_dir / "funnels.yml").read_text()
    (data_dir / "funnels.yml").write_text(text.replace("      stage: proposal\n", "      stage: purchase-x\n")
                                             .replace("      stage: purchase\n", "      stage: proposal\n")
                                             .replace("      stage: purchase-x\n", "      stage: purchase\n"))
    with pytest.raises(DataError) as caught:
        load_data(data_dir, FROZEN / "content")
    assert [p.message for p in caught.value.problems] == [
        "the simulator's stages must follow the customer funnel's order"]


def test_a_stage_is_defined_by_a_glossary_term_or_in_its_own_words_not_both(data_dir):
    found = funnel_problems(data_dir, "      term: lead\n", "      term: lead\n      what: A lead.\n")
    assert found[0].endswith("customer_funnel: stage 'lead' needs either a term (from the glossary) or what, not both")


def test_a_stage_term_must_be_in_the_glossary(data_dir):
    found = funnel_problems(data_dir, "      term: marketing-qualified-lead\n", "      term: hot-lead\n")
    assert any("customer_funnel.stages[4].term: 'hot-lead' is not a glossary term" in p for p in found)


def test_the_handoff_needs_a_marketing_stage_right_before_the_first_sales_stage(data_dir):
    found = funnel_problems(data_dir, "      name: Marketing-qualified lead\n      owner: marketing\n",
                            "      name: Marketing-qualified lead\n      owner: both\n")
    assert [p.split(": ", 2)[2] for p in found] == [
        "the handoff needs a marketing stage directly before the first sales stage"]


def test_the_handoff_gates_and_owners_come_from_the_customer_funnel(site_data):
    before, after = site_data.handoff_gates()
    stages = site_data.funnels.customer_funnel.stages
    first_sales = next(i for i, s in enumerate(stages) if s.owner == "sales")
    assert (before, after) == (stages[first_sales - 1], stages[first_sales])
    assert before.owner == "marketing"
    for sim in site_data.sim_stages():
        assert sim.owner == site_data.owner(sim.stage)
