"""Plotly funnel figures built at build time, small and reproducible."""

from __future__ import annotations

import json

import plotly.graph_objects as go

from macros.data import funnel_math, models
from macros.data.funnel_math import stage_table
from macros.data.messages import fill

OWNER_COLORS = {"marketing": "#3949ab", "sales": "#bf360c", "both": "#2e7d32"}


def funnel_figure(names: list[str], counts: list[float], owners: list[str], words: models.InterfaceFile) -> dict:
    """A funnel with a trace per owner, so the legend names who owns each stage."""
    rows = stage_table(counts)
    labels = words.owners.model_dump()
    chart = words.charts
    hover = "<br>".join([fill(chart.hover_count, stage="%{y}", people="%{x:,}"),
                         fill(chart.hover_previous, share="%{customdata[0]}"),
                         fill(chart.hover_top, share="%{customdata[1]}")])
    fig = go.Figure()
    for owner in OWNER_COLORS:
        idx = [i for i, o in enumerate(owners) if o == owner]
        if not idx:
            continue
        fig.add_trace(go.Funnel(
            name=labels[owner],
            meta=owner,
            y=[names[i] for i in idx],
            x=[round(counts[i]) for i in idx],
            text=[labels[owner] for _ in idx],
            customdata=[[_percent(rows[i][1]), _percent(rows[i][2])] for i in idx],
            texttemplate="%{x:,}",
            textposition="auto",
            hovertemplate=hover + "<extra>%{text}</extra>",
            marker={"color": OWNER_COLORS[owner]},
            insidetextfont={"color": "#ffffff"},
            connector={"visible": False},
        ))
    fig.update_layout(
        template="none",
        margin={"l": 10, "r": 10, "t": 30, "b": 10},
        paper_bgcolor="rgba(0,0,0,0)",
        plot_bgcolor="rgba(0,0,0,0)",
        font={"family": "system-ui, -apple-system, Segoe UI, Roboto, sans-serif", "size": 13},
        legend={"orientation": "h", "x": 0, "y": 1.02, "yanchor": "bottom", "title": {"text": chart.legend_title}},
        # Each stage's label names its owner too, so colour is never the only cue.
        yaxis={"categoryorder": "array", "categoryarray": names, "automargin": True, "tickvals": names,
               "ticktext": [f"{n}<br>({labels[o].lower()})" for n, o in zip(names, owners, strict=True)]},
        xaxis={"visible": False},
        funnelmode="stack",
        hoverlabel={"align": "left"},
    )
    figure = fig.to_plotly_json()
    figure["layout"].pop("template", None)  # plotly.js needs none: its defaults plus ours are enough
    return figure


def figure_json(figure: dict) -> str:
    """Compact, stable JSON for a data- attribute."""
    return json.dumps(figure, separators=(",", ":"), sort_keys=True)


def _percent(share: float | None) -> str:
    return "—" if share is None else f"{share:.1%}"


def number(value: float) -> str:
    return f"{funnel_math.whole(value):,}"


def money(value: float, currency: str) -> str:
    return f"{currency}{funnel_math.whole(value):,}"


def chart_context(chart_id: str, title: str, names: list[str], counts: list[float], owners: list[str],
                  words: models.InterfaceFile, summary: str | None = None, illustrative: bool = True) -> dict:
    """What chart.html.jinja needs: figure JSON, fallback bars, table rows, a one-sentence summary."""
    table = funnel_math.stage_table(counts)
    rows = [
        {"name": name, "owner": owner, "count": number(count), "width": f"{max(share_top * 100, 0.5):.1f}",
         "from_previous": "—" if prev is None else f"{prev:.1%}", "from_top": f"{share_top:.1%}"}
        for name, owner, (count, prev, share_top) in zip(names, owners, table, strict=True)
    ]
    drops = [(1 - table[i][1], i) for i in range(1, len(table))]
    drop, at = max(drops)
    summary = summary or fill(
        words.charts.summary, top=number(counts[0]), top_stage=names[0].lower(), last=number(counts[-1]),
        last_stage=names[-1].lower(), share=f"{table[-1][2]:.1%}", drop_from=names[at - 1].lower(),
        drop_to=names[at].lower(), drop=f"{drop:.0%}")
    return {"id": chart_id, "title": title, "rows": rows, "summary": summary, "height": 48 + 44 * len(names),
            "illustrative": illustrative,
            "figure": figure_json(funnel_figure(names, counts, owners, words))}
