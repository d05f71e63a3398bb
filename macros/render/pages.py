"""Render validated data to page fragments through Jinja templates.

Each public function takes the site data and a Links object and returns a string
that a page inserts with a macro call. Templates autoescape; Markdown fields are
rendered and sanitised by `markdown_html`.
"""

from __future__ import annotations

from urllib.parse import urlencode

from markupsafe import Markup

from macros import paths
from macros.data import funnel_math, models
from macros.data.citations import citations
from macros.data.loading import SiteData
from macros.data.messages import fill
from macros.data.schema_fields import field_rows
from macros.paths import Links
from macros.render.charts import chart_context, figure_json, funnel_chart_context, money, number
from macros.render.templating import render_template


def _steps(data: SiteData) -> dict:
    """Every process step by id."""
    return {s.id: s for p in data.processes.processes for s in p.steps}


def _preset_rates(counts: list[int]) -> list[float]:
    """A worked example's conversion rates as the simulator shows them (percent, one decimal)."""
    return [funnel_math.percent_1dp(r) for r in funnel_math.rates_from_counts(counts)]


def one_minute(data: SiteData, links: Links) -> str:
    """The one-minute answer on the home page."""
    return render_template("one_minute.html.jinja", data, links, answer=data.home.one_minute)


def reader_paths(data: SiteData, links: Links) -> str:
    """The three ways into the site: reader, teacher, founder."""
    return render_template("reader_paths.html.jinja", data, links, paths=data.home.paths)


def reader_paths_jumps(data: SiteData, links: Links) -> str:
    """The three ways in, in a line at the top of the home page, each leading to its card below."""
    return render_template("reader_paths_jumps.html.jinja", data, links, paths=data.home.paths)


def definitions(data: SiteData, links: Links, subject: str) -> str:
    """Every definition of one subject (marketing or sales), side by side."""
    items = [d for d in data.definitions.definitions if d.subject == subject]
    if not items:
        raise ValueError(f"no definitions of {subject!r} in data/definitions.yml")
    return render_template("definitions.html.jinja", data, links, items=items, subject=subject)


def synthesis(data: SiteData, links: Links) -> str:
    """Our own definitions of both, reconciling the sources."""
    return render_template("synthesis.html.jinja", data, links, synthesis=data.definitions.synthesis)


def comparison_table(data: SiteData, links: Links) -> str:
    """The full comparison, a row per aspect with an example."""
    return render_template("comparison.html.jinja", data, links, rows=data.comparison.rows)


def process_steps(data: SiteData, links: Links, process_id: str) -> str:
    """One process's steps, in order."""
    return render_template("process.html.jinja", data, links, process=data.process(process_id))


def handoff(data: SiteData, links: Links) -> str:
    """Where marketing hands over to sales: the two gates a lead passes, and the steps on either side."""
    handoff = data.processes.handoff
    steps = _steps(data)
    return render_template("handoff.html.jinja", data, links, handoff=handoff, after=steps[handoff.after],
                   before=steps[handoff.before], gates=data.handoff_gates())


def channels(data: SiteData, links: Links, kind: str) -> str:
    """Marketing channels of one kind: digital or offline."""
    items = [c for c in data.tactics.channels if c.kind == kind]
    if not items:
        raise ValueError(f"no {kind!r} channels in data/tactics.yml")
    return render_template("cards.html.jinja", data, links, items=items)


def sales_tactics(data: SiteData, links: Links) -> str:
    """Sales tactics."""
    return render_template("cards.html.jinja", data, links, items=data.tactics.sales_tactics)


def metrics(data: SiteData, links: Links) -> str:
    """The metrics each side tracks, and the shared ones."""
    owners = ("marketing", "sales", "both")
    groups = [(owner, [m for m in data.tactics.metrics if m.owner == owner]) for owner in owners]
    return render_template("metrics.html.jinja", data, links, groups=[g for g in groups if g[1]])


def topics(data: SiteData, links: Links) -> str:
    """Every 'working together' topic as a section."""
    return render_template("topics.md.jinja", data, links, topics=data.together.topics)


def disagreements(data: SiteData, links: Links) -> str:
    """Each disagreement between the sources, with both views."""
    return render_template("disagreements.md.jinja", data, links, items=data.disagreements.disagreements)


def faq(data: SiteData, links: Links) -> str:
    """Questions and answers."""
    return render_template("faq.md.jinja", data, links, questions=data.faq.questions)


def glossary(data: SiteData, links: Links) -> str:
    """The glossary as a definition list."""
    terms = sorted(data.glossary.terms, key=lambda t: t.term.lower())
    return render_template("glossary.html.jinja", data, links, terms=terms)


def sources_list(data: SiteData, links: Links) -> str:
    """Each source and the items on the site that cite it."""
    return render_template("sources.md.jinja", data, links, sources=data.sources.sources, cited_by=citations(data))


def funnel_chart(data: SiteData, links: Links, which: str = "customer") -> str:
    """An interactive funnel chart: 'customer', or a worked example's id."""
    chart = funnel_chart_context(data, which, f"chart-{which}")
    return render_template("chart.html.jinja", data, links, chart=chart)


def funnel_summary(data: SiteData, links: Links) -> str:
    """What the customer funnel is and where it comes from, above its chart."""
    return render_template("funnel_summary.html.jinja", data, links, funnel=data.funnels.customer_funnel)


def funnel_stages(data: SiteData, links: Links) -> str:
    """The customer funnel's stages: what each is, who owns it, which process steps act on it."""
    funnel = data.funnels.customer_funnel
    return render_template("funnel_stages.html.jinja", data, links, funnel=funnel, steps=_steps(data))


def concept_funnels(data: SiteData, links: Links) -> str:
    """The marketing funnel and the sales funnel side by side."""
    pairs = [(data.funnels.marketing_funnel, "marketing"), (data.funnels.sales_funnel, "sales")]
    return render_template("concept_funnels.html.jinja", data, links, pairs=pairs)


def simulator(data: SiteData, links: Links) -> str:
    """The funnel simulator, starting from the default worked example."""
    sim = data.funnels.simulator
    stages = data.sim_stages()
    default = data.example(sim.default)
    counts = list(default.funnel.counts.values())
    rates = _preset_rates(counts)
    outcome = funnel_math.simulate(counts[0], [r / 100 for r in rates], default.funnel.average_sale)
    words = data.interface
    config = {
        "currency": sim.currency, "maxReach": sim.max_reach, "maxSale": sim.max_sale,
        "maxImprovement": sim.max_improvement, "default": sim.default,
        "stages": [{"id": s.id, "name": s.name, "owner": s.owner} for s in stages],
        "examples": [{"id": e.id, "business": e.business, "counts": list(e.funnel.counts.values()),
                      "averageSale": e.funnel.average_sale} for e in data.examples],
        "messages": words.simulator.model_dump(),
    }
    chart = chart_context("chart-simulator", words.charts.your_funnel, [s.name for s in stages], outcome.counts,
                          [s.owner for s in stages], words, summary=words.charts.simulator_summary)
    totals = fill(words.simulator.totals, customers=number(outcome.customers),
                  revenue=money(outcome.revenue, sim.currency), reach=number(counts[0]))
    return render_template("simulator.html.jinja", data, links, config=figure_json(config), examples=data.examples,
                           default=default, top=stages[0], rate_stages=list(zip(stages[1:], rates, strict=True)),
                           reach=counts[0], average_sale=f"{default.funnel.average_sale:g}", currency=sim.currency,
                           sim=sim, totals=totals,
                           chart=Markup(render_template("chart.html.jinja", data, links, chart=chart)))


def simulator_href(data: SiteData, links: Links, example) -> str:
    """A link that opens the funnel simulator with an example's numbers."""
    ids = [s.id for s in data.funnels.simulator.stages]
    counts = list(example.funnel.counts.values())
    rates = _preset_rates(counts)
    params = {ids[0]: counts[0], **{i: f"{r:g}" for i, r in zip(ids[1:], rates, strict=True)},
              "sale": f"{example.funnel.average_sale:g}", "x": 10, "mode": "relative"}
    return f"{links.to(paths.FUNNEL)}?{urlencode(params)}#simulator"


def example_page(data: SiteData, links: Links, example_id: str) -> str:
    """A worked example's whole page."""
    example = data.example(example_id)
    chart = Markup(funnel_chart(data, links, example_id))
    metrics = [(owner, [(data.metric(m.metric), m.text) for m in example.metrics
                        if data.metric(m.metric).owner == owner]) for owner in ("marketing", "sales", "both")]
    return render_template("example_page.md.jinja", data, links, example=example, steps=_steps(data), chart=chart,
                           metrics=[g for g in metrics if g[1]], gates=data.handoff_gates(),
                           simulator_href=simulator_href(data, links, example))


def example_list(data: SiteData, links: Links) -> str:
    """The worked examples, with a line on each."""
    return render_template("example_list.html.jinja", data, links, examples=data.examples)


def examples_overview(data: SiteData, links: Links) -> str:
    """All worked examples compared step by step."""
    steps = {p.id: p.steps for p in data.processes.processes}
    activities = {e.id: {a.step: a.activity for a in (*e.marketing, *e.sales)} for e in data.examples}
    funnels = {}
    for e in data.examples:
        counts = list(e.funnel.counts.values())
        funnels[e.id] = fill(data.interface.charts.overview_funnel, reached=number(counts[0]),
                             customers=number(counts[-1]), share=f"{counts[-1] / counts[0]:.1%}")
    return render_template("examples_overview.html.jinja", data, links, examples=data.examples, steps=steps,
                   activities=activities, funnels=funnels)


def example_funnels(data: SiteData, links: Links) -> str:
    """Every worked example's funnel chart."""
    return "\n\n".join(funnel_chart(data, links, e.id) for e in data.examples)


def cases(data: SiteData, links: Links) -> str:
    """The short cases the sources report."""
    return render_template("cases.md.jinja", data, links, cases=data.cases.cases)


def example_fields(data: SiteData, links: Links) -> str:
    """The fields of an example file, generated from its JSON Schema."""
    rows = field_rows(models.ExampleFile.model_json_schema())
    return render_template("example_fields.html.jinja", data, links, fields=rows)


PAGE_MACROS = {
    f.__name__: f
    for f in (one_minute, reader_paths, reader_paths_jumps, definitions, synthesis, comparison_table,
              process_steps, handoff, channels, sales_tactics, metrics, topics, disagreements, faq, glossary,
              sources_list, funnel_chart, funnel_summary, funnel_stages, concept_funnels, simulator, example_page,
              example_list, examples_overview, example_funnels, cases, example_fields)
}
