"""Render the tools for founders: the funnel check-up and the "where to invest first" questionnaire."""

from __future__ import annotations

from markupsafe import Markup

from macros.data.loading import SiteData
from macros.paths import Links
from macros.render.charts import chart_context, figure_json
from macros.render.templating import render_template


def checkup(data: SiteData, links: Links) -> str:
    """The funnel check-up: a founder's own numbers against a worked example."""
    sim = data.funnels.simulator
    stages = data.sim_stages()
    words = data.interface
    config = {
        "currency": sim.currency, "maxReach": sim.max_reach, "maxSale": sim.max_sale,
        "ownerText": data.tools.checkup.owner_text.model_dump(),
        "stages": [{"id": s.id, "name": s.name, "owner": s.owner, "rateLabel": s.rate_label or s.name}
                   for s in stages],
        "examples": [{"id": e.id, "business": e.business, "counts": list(e.funnel.counts.values())}
                     for e in data.examples],
        "messages": words.checkup.model_dump(),
    }
    placeholder = list(data.example(sim.default).funnel.counts.values())
    chart = chart_context("chart-checkup", words.charts.your_funnel, [s.name for s in stages], placeholder,
                          [s.owner for s in stages], words, summary=words.charts.checkup_summary,
                          illustrative=False)
    return render_template("checkup.html.jinja", data, links, config=figure_json(config), stages=stages,
                           examples=data.examples, currency=sim.currency, actions=data.tools.checkup.actions,
                           chart=Markup(render_template("chart.html.jinja", data, links, chart=chart)))


def invest(data: SiteData, links: Links) -> str:
    """The questionnaire on where to invest first, with every answer's reason."""
    found = data.tools.invest
    config = {"margin": found.margin, "messages": data.interface.invest.model_dump(), "questions": [
        {"id": q.id, "options": [{"id": o.id, "marketing": o.marketing, "sales": o.sales} for o in q.options]}
        for q in found.questions]}
    verdicts = [("marketing", found.verdicts.marketing), ("sales", found.verdicts.sales),
                ("balanced", found.verdicts.balanced)]
    titles = {o.link: _title(data, o.link) for q in found.questions for o in q.options}
    return render_template("invest.html.jinja", data, links, config=figure_json(config), invest=found,
                           verdicts=verdicts, titles=titles)


def _title(data: SiteData, target: str) -> str:
    page = target.partition("#")[0]
    return data.page_titles.get(page, page)


PAGE_MACROS = {f.__name__: f for f in (checkup, invest)}
