"""Worked examples: one YAML file each, checked against the processes and the simulator."""

from __future__ import annotations

import pytest

from macros.data.loading import DataError, load_data
from macros.data.models import ExampleFile
from macros.data.schema_fields import field_rows
from tests.conftest import FROZEN, ROOT, edit, problems_in


def problems_after(data_dir, name: str, old: str, new: str) -> list[str]:
    edit(data_dir / "examples" / name, old, new)
    return problems_in(data_dir)


def test_examples_load_in_their_order(site_data):
    assert [e.order for e in site_data.examples] == sorted(e.order for e in site_data.examples)
    assert {e.id for e in site_data.examples} == {p.stem for p in (ROOT / "data" / "examples").glob("*.yml")}


def test_the_id_must_match_the_file_name(data_dir):
    found = problems_after(data_dir, "restaurant.yml", "id: restaurant", "id: diner")
    mismatch = "data/examples/restaurant.yml:2:5: id: 'diner' should match the file name 'restaurant'"
    assert mismatch in found
    # The example's page moves with its id, so whatever linked to the old page is reported too.
    others = [p for p in found if p != mismatch]
    assert others
    assert all(p.endswith("links to 'examples/restaurant.md', but content/ has no such page") for p in others)


def test_activities_must_follow_the_process_steps_in_order(data_dir):
    found = problems_after(data_dir, "restaurant.yml", "step: sales-closing", "step: sales-follow-up")
    assert len(found) == 1
    assert found[0].startswith("data/examples/restaurant.yml:")
    assert found[0].endswith(": sales: should have one activity for each sales step, in order: sales-prospecting,"
                             " sales-preparation, sales-approach, sales-presentation, sales-handling-objections,"
                             " sales-closing, sales-follow-up")


def test_the_funnel_must_use_the_simulator_stages(data_dir):
    found = problems_after(data_dir, "clothing-store.yml", "    mql:", "    qualified:")
    assert found[0].endswith("funnel.counts: should give the simulator's stages in order: reached, leads, mql, sql,"
                             " offers, customers")


def test_a_metric_must_be_one_of_the_metrics(data_dir):
    found = problems_after(data_dir, "clothing-store.yml", "  - metric: average-deal-size", "  - metric: basket-size")
    assert len(found) == 1
    assert ": metrics[3].metric: 'basket-size' is not a metric in tactics.yml; known: average-deal-size," in found[0]


def test_a_funnel_that_widens_is_reported(data_dir, site_data):
    counts = site_data.example("software-firm").funnel.counts
    found = problems_after(data_dir, "software-firm.yml", f"customers: {counts['customers']}", "customers: 99999")
    assert found[0].endswith(f"funnel.counts.customers: 99999 is more than the {counts['offers']} offers;"
                             " a funnel only narrows")


def test_an_empty_examples_folder_is_reported(data_dir):
    for path in (data_dir / "examples").glob("*.yml"):
        path.unlink()
    with pytest.raises(DataError) as caught:
        load_data(data_dir, FROZEN / "content")
    assert "data/examples/:1:1: (folder): there must be at least one worked example" in map(str, caught.value.problems)


def test_field_table_covers_every_field_of_the_model():
    rows = {r.path: r for r in field_rows(ExampleFile.model_json_schema())}
    for name, info in ExampleFile.model_fields.items():
        assert name in rows
        assert rows[name].required == info.is_required()
    assert rows["marketing[].step"].type == "text"
    assert rows["funnel.counts"].type == "mapping of name to whole number"
    assert rows["questions"].type == "list of entries (fields below)"
    assert all(r.description for r in rows.values())
    assert rows["id"].description == ExampleFile.model_fields["id"].description
