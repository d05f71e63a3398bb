"""One home per fact: a stage's owner, the handoff and a metric's owner are stated once in data/ and every page,
widget, quiz and answer key follows when they change there."""

from __future__ import annotations

import json

import yaml
from bs4 import BeautifulSoup

from macros.data.loading import load_data
from tests.conftest import ROOT, build_site


def page(site, path: str) -> BeautifulSoup:
    return BeautifulSoup((site / path / "index.html").read_text(encoding="utf-8"), "lxml")


def set_owner(path, items_key: tuple[str, ...], item_id: str, owner: str) -> None:
    data = yaml.safe_load(path.read_text())
    items = data
    for key in items_key:
        items = items[key]
    next(item for item in items if item["id"] == item_id)["owner"] = owner
    path.write_text(yaml.safe_dump(data, sort_keys=False, allow_unicode=True))


def stage_tag(soup: BeautifulSoup, stage_id: str) -> str:
    return soup.select_one(f"#stage-{stage_id} .mvs-owner-tag").get_text(strip=True)


def test_changing_owners_in_one_place_changes_them_everywhere(project, tmp_path):
    real = load_data(ROOT / "data", ROOT / "content")
    assert real.owner("marketing-qualified-lead") == "marketing"
    assert real.owner("proposal") == "sales"
    assert real.metric("average-deal-size").owner == "both"
    # Move the handoff one stage earlier (sales now owns the marketing-qualified lead), share the proposal,
    # and give the average deal size to sales: three edits, in two files.
    set_owner(project / "data" / "funnels.yml", ("customer_funnel", "stages"), "marketing-qualified-lead", "sales")
    set_owner(project / "data" / "funnels.yml", ("customer_funnel", "stages"), "proposal", "both")
    set_owner(project / "data" / "tactics.yml", ("metrics",), "average-deal-size", "sales")
    site = build_site(project, tmp_path / "site", offline_copy=False)
    label = real.interface.owners.model_dump()  # {"sales": "Sales", ...}
    mql, proposal, lead = (real.stage(s).name for s in ("marketing-qualified-lead", "proposal", "lead"))
    deal_size = real.metric("average-deal-size").name.lower()

    funnel = page(site, "funnel")
    assert stage_tag(funnel, "marketing-qualified-lead") == label["sales"]
    assert stage_tag(funnel, "proposal") == label["both"]
    rows = {tr.th.get_text(strip=True): tr.td.get_text(strip=True)
            for tr in funnel.select("#chart-customer .mvs-chart__data tbody tr")}
    assert rows[mql] == label["sales"] and rows[proposal] == label["both"]
    simulator = json.loads(funnel.select_one("[data-simulator]")["data-simulator"])
    owners = {s["id"]: s["owner"] for s in simulator["stages"]}
    assert owners["mql"] == "sales" and owners["offers"] == "both"

    gates = [li.select_one("strong a").get_text(strip=True) for li in page(site, "processes").select(".mvs-gates > li")]
    assert gates == [lead, mql]
    example = page(site, "examples/software-firm")
    assert [dt.contents[0].strip() for dt in example.select(".mvs-handoff__parts dt")][:2] == [lead, mql]
    columns = {li.h3.get_text(strip=True): li.get_text(" ", strip=True)
               for li in example.select(".mvs-metrics > ul > li")}
    assert deal_size in columns[label["sales"]] and deal_size not in columns["Shared by both"]

    checkup = page(site, "tools/checkup")
    config = json.loads(checkup.select_one("[data-checkup]")["data-checkup"])
    assert {s["id"]: s["owner"] for s in config["stages"]}["mql"] == "sales"
    assert checkup.select_one("label[for='checkup-offers'] .mvs-owner-tag").get_text(strip=True) == label["both"]

    tactics = page(site, "tactics")
    sales_metrics = next(li for li in tactics.select(".mvs-metrics > ul > li")
                         if li.h3.get_text(strip=True).startswith(label["sales"]))
    assert sales_metrics.select_one("#average-deal-size") is not None

    # Quiz items that name a stage or a metric are keyed by its owner, on the quiz and in the answer key.
    changed = {"marketing-qualified-lead": "sales", "proposal": "both", "average-deal-size": "sales"}
    checked = 0
    for quiz in real.quizzes:
        raw = yaml.safe_load((ROOT / "data" / "quizzes" / f"{quiz.id}.yml").read_text())
        key = page(site, f"answer-keys/{quiz.id}")
        learner = page(site, quiz.page.removesuffix(".md").removesuffix("index"))
        for question in raw["questions"]:
            for n, item in enumerate(question.get("items", [])):
                ref = item.get("stage") or item.get("metric")
                if ref not in changed:
                    continue
                in_key = key.select_one(f"h2[id='{question['id']}'] + div.mvs-key [data-item='{n}']")
                in_quiz = learner.select_one(f"#{quiz.id}-{question['id']} [data-item='{n}'][data-category]")
                assert in_key["data-category"] == in_quiz["data-category"] == changed[ref], (quiz.id, question["id"])
                checked += 1
    assert checked >= 2  # the real quizzes do name the changed stages or metric
