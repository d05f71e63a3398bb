"""Funnel charts: a Plotly figure and the same chart as an inline SVG, both built at build time.

The SVG is what a reader sees first, what prints and what shows without JavaScript; plotly.js draws
the figure over it when a reader shows intent (content/assets/funnels.js). The two must match to
the pixel, so the figure's layout is fully fixed (margins, height, ranges, gaps, font size, legend
and text positions) and `funnel_svg` places everything where plotly.js does. Plotly's place for a
thing across the chart is a share of the plot area's width plus some pixels, so the SVG is as wide
as its container with no viewBox and each x is written as `a% + b px`; every y is in pixels.
"""

from __future__ import annotations

import json
from decimal import ROUND_HALF_UP, Decimal

import plotly.graph_objects as go

from macros.data import funnel_math, models
from macros.data.funnel_math import stage_table
from macros.data.messages import fill

# The light palette's owner colours, as in content/assets/site.css (--mvs-marketing, ...). funnels.js draws
# with the colours the page's CSS gives the SVG, so the dark palette (and any later change) follows.
OWNER_COLORS = {"marketing": "#3949ab", "sales": "#bf360c", "both": "#2e7d32"}
# Material's text font (theme.font: false); funnels.js passes plotly the family the page computes.
FONT_FAMILY = "-apple-system, BlinkMacSystemFont, Helvetica, Arial, sans-serif"
FONT_SIZE = 14  # px, for every text in the chart

# The fixed geometry, in px unless said otherwise.
MARGIN = {"l": 0, "r": 0, "t": 60, "b": 6}
ROW = 46  # each stage's band: its label, then its bar
BAR = 0.5  # the bar's share of its band (plotly's funnelgap is the rest)
LABEL_RISE = 22  # how far a stage's label sits above its band's middle, so it reads above the bar
# Each bar has an outline this wide in its own colour, half of it past each edge, so a stage with a handful of
# people still shows as a bar at least OUTLINE px wide. With an outline plotly.js draws every bar at its exact
# width (it widens thin bars only when they have none), so the static chart places them exactly too.
OUTLINE = 2
ROOM = 1.2  # the x axis spans the widest bar times this
# A bar at least this share of the plot area wide (about 100 px on the narrowest phone) holds its number inside,
# against its end; a narrower one has it just past its end, where there is room for up to 10,000,000.
INSIDE = 1 / 3
LEGEND_SLOT = 1 / 3  # each legend entry's share of the plot area's width

# plotly.js's own constants (src/traces/bar/constants.js, src/constants/alignment.js, src/plots/cartesian/axes.js,
# src/components/legend): the gap between a bar (or an axis) and its text, the line height, where a one-line
# label's baseline sits below its middle, and the legend's gaps, symbol and text offsets.
TEXTPAD = 3
LINE_SPACING = 1.3
MID_SHIFT = 0.35
LEGEND_GAP = 5
LEGEND_TITLE_PAD = 2
LEGEND_SYMBOL = 12
LEGEND_TEXT_X = 40  # 2 * LEGEND_GAP + the legend's itemwidth (30)
LEGEND_SYMBOL_X = 20  # the symbol's middle: LEGEND_GAP + itemwidth / 2
LEGEND_TEXT_SHIFT = 0.3  # an entry's baseline below its middle, in lines


def chart_height(stages: int) -> int:
    return MARGIN["t"] + ROW * stages + MARGIN["b"]


def x_half_range(counts: list[float]) -> float:
    """Half the x axis's span: the axis runs from minus this to this, so every bar is centred."""
    return max(max(funnel_math.whole(c) for c in counts), 1) * ROOM / 2


def stage_label(name: str, owner: str, words: models.InterfaceFile, previous: float | None = None) -> str:
    """A stage's name and owner, then (after the top stage) the share of the stage before that reached it."""
    label = f"{name} ({words.owners.model_dump()[owner].lower()})"
    return label if previous is None else fill(words.charts.stage_share, label=label, share=_percent(previous))


def funnel_figure(names: list[str], counts: list[float], owners: list[str], words: models.InterfaceFile) -> dict:
    """A funnel with a trace per owner, so the legend names who owns each stage, its layout fixed."""
    rows = stage_table(counts)
    labels = words.owners.model_dump()
    chart = words.charts
    font = {"family": FONT_FAMILY, "size": FONT_SIZE, "color": "#000000"}
    half = x_half_range(counts)
    inside = [bar_share(c, half) >= INSIDE for c in counts]
    fig = go.Figure()
    for owner in OWNER_COLORS:
        idx = [i for i, o in enumerate(owners) if o == owner]
        if not idx:
            continue
        fig.add_trace(go.Funnel(
            name=labels[owner],
            meta=owner,
            y=[names[i] for i in idx],
            x=[funnel_math.whole(counts[i]) for i in idx],
            text=[labels[owner] for _ in idx],
            customdata=[[_percent(rows[i][1]), _percent(rows[i][2]), names[i]] for i in idx],
            texttemplate="%{x:,}",
            # Against the bar's end, inside or outside, never scaled or turned: its place is then known
            # without measuring the text.
            textposition=["inside" if inside[i] else "outside" for i in idx],
            insidetextanchor="end",
            textangle=0,
            constraintext="none",
            cliponaxis=False,
            outsidetextfont=font,
            insidetextfont={**font, "color": "#ffffff"},
            # No hover label (plotly's would cover a wide bar): funnels.js writes the stage under the chart, from
            # customdata (share of the stage before, share of the top, the stage's name).
            hoverinfo="none",
            marker={"color": OWNER_COLORS[owner], "line": {"color": OWNER_COLORS[owner], "width": OUTLINE}},
            connector={"visible": False},
        ))
    fig.update_layout(
        template="none",
        height=chart_height(len(names)),
        margin={**MARGIN, "pad": 0, "autoexpand": False},
        paper_bgcolor="rgba(0,0,0,0)",
        plot_bgcolor="rgba(0,0,0,0)",
        font=font,
        showlegend=True,
        # At the top left of the chart, the title above the entries, each entry a third of the width wide,
        # so it never wraps and its place does not depend on the words' widths.
        legend={"orientation": "h", "xref": "container", "yref": "container", "x": 0, "y": 1, "xanchor": "left",
                "yanchor": "top", "entrywidthmode": "fraction", "entrywidth": LEGEND_SLOT, "borderwidth": 0,
                "bgcolor": "rgba(0,0,0,0)",
                "title": {"text": chart.legend_title, "side": "top", "font": {"size": FONT_SIZE}}},
        # Each stage's label, which names its owner too (so colour is never the only cue), sits above its bar.
        yaxis={"type": "category", "categoryorder": "array", "categoryarray": names, "tickvals": names,
               "ticktext": [stage_label(n, o, words, row[1]) for n, o, row in zip(names, owners, rows, strict=True)],
               "range": [len(names) - 0.5, -0.5], "autorange": False, "fixedrange": True, "automargin": False,
               "showgrid": False, "zeroline": False, "showline": False, "ticks": "",
               "ticklabelposition": "inside", "ticklabelshift": LABEL_RISE, "ticklabeloverflow": "allow"},
        xaxis={"visible": False, "range": [-half, half], "autorange": False, "fixedrange": True},
        funnelmode="stack",
        funnelgap=1 - BAR,
        # Nothing to zoom or pan; and a finger's swipe over the chart scrolls the page.
        dragmode=False,
        # A stage's whole row answers the pointer, however thin its bar.
        hovermode="y",
    )
    figure = fig.to_plotly_json()
    figure["layout"].pop("template", None)  # plotly.js needs none: its defaults plus ours are enough
    return figure


def length(share: float, px: float = 0) -> str:
    """A length across the chart, `share` of its width plus `px` (funnels.js writes the same strings)."""
    pct = _number(share * 100)
    if abs(px) < 0.00005:
        return f"{pct}%"
    return f"calc({pct}% {'-' if px < 0 else '+'} {_px(abs(px))})"


def _px(value: float) -> str:
    return _number(value) + "px"


def _number(value: float) -> str:
    """At most 4 decimals, as JavaScript's toFixed(4) rounds (a tie away from zero), without trailing zeros."""
    text = str(Decimal(value).quantize(Decimal("0.0001"), rounding=ROUND_HALF_UP))
    text = text.rstrip("0").rstrip(".") if "." in text else text
    return "0" if text == "-0" else text


def _across(share: float, offset: float = 0) -> tuple[float, float]:
    """Where plotly puts `share` of the plot area across, as (share of the chart's width, px)."""
    left, right = MARGIN["l"], MARGIN["r"]
    return share, left - share * (left + right) + offset


def bar_share(count: float, half: float) -> float:
    """A bar's width as a share of the plot area's width (`half` is x_half_range); the bar is centred."""
    return funnel_math.whole(count) / half / 2


def bar_geometry(count: float, half: float) -> dict:
    """A bar's x and width and where its number starts (or, inside the bar, ends), as plotly.js draws them.

    As attributes, a share of the chart's width (exact while the plot area has no side margins); as CSS
    `a% + b px` when there are side margins."""
    share = bar_share(count, half)
    inside = share >= INSIDE
    left = _across(0.5 - share / 2)
    right = _across(0.5 + share / 2, -TEXTPAD if inside else TEXTPAD)
    width = (share, -share * (MARGIN["l"] + MARGIN["r"]))
    style = f"x: {length(*left)}; width: {length(*width)}" if left[1] or width[1] else ""
    return {"x": length(left[0]), "width": length(width[0]), "style": style, "inside": inside,
            "text_x": length(right[0]), "text_dx": _number(right[1])}


def funnel_svg(names: list[str], counts: list[float], owners: list[str], words: models.InterfaceFile) -> dict:
    """Everything chart.html.jinja needs to draw the figure of `funnel_figure` as an SVG, placed as plotly.js
    places it."""
    labels = words.owners.model_dump()
    line = FONT_SIZE * LINE_SPACING
    half = x_half_range(counts)
    top, row = MARGIN["t"], ROW
    # Legend: the title's baseline one line down; below it the entries' middles, half an entry (a line, at least
    # 16 px, plus 3) and a gap down.
    entry_middle = line + (max(line, 16) + 3) / 2 + LEGEND_GAP
    legend = []
    for k, owner in enumerate(o for o in OWNER_COLORS if o in owners):
        # The legend starts at the chart's left edge; each entry is a share of the plot area's width.
        start = (k * LEGEND_SLOT, -k * LEGEND_SLOT * (MARGIN["l"] + MARGIN["r"]))
        legend.append({"owner": owner, "label": labels[owner], "x": length(start[0], start[1]),
                       "symbol_dx": _number(LEGEND_SYMBOL_X - LEGEND_SYMBOL / 2), "text_dx": _number(LEGEND_TEXT_X)})
    rows = []
    shares = [previous for _, previous, _ in stage_table(counts)]
    for i, (name, count, owner) in enumerate(zip(names, counts, owners, strict=True)):
        middle = top + (i + 0.5) * row
        rows.append({
            "name": name, "owner": owner, "label": stage_label(name, owner, words, shares[i]), "value": number(count),
            "label_y": _number(middle - LABEL_RISE + MID_SHIFT * FONT_SIZE),
            "bar_y": _number(middle - row * BAR / 2), "bar_height": _number(row * BAR),
            "middle": _number(middle), **bar_geometry(count, half),
        })
    return {
        "height": chart_height(len(names)), "font_size": FONT_SIZE, "legend": legend,
        "legend_title": words.charts.legend_title, "legend_title_x": _number(LEGEND_TITLE_PAD),
        "legend_title_y": _number(line), "legend_symbol_y": _number(entry_middle - LEGEND_SYMBOL / 2),
        "legend_symbol": LEGEND_SYMBOL, "legend_text_y": _number(entry_middle + LEGEND_TEXT_SHIFT * line),
        "label_x": _number(MARGIN["l"] + TEXTPAD),  # a label inside the plot area starts a gap from its edge
        "rows": rows,
        # What funnels.js needs to write the labels for new numbers: each stage's name and owner, and the pattern.
        "labels": figure_json([stage_label(n, o, words) for n, o in zip(names, owners, strict=True)]),
        "share_label": words.charts.stage_share,
        # What funnels.js needs to place the bars for new numbers as bar_geometry does.
        "geometry": figure_json({"room": ROOM, "l": MARGIN["l"], "r": MARGIN["r"], "textpad": TEXTPAD,
                                 "inside": INSIDE}),
    }


def figure_json(figure: dict) -> str:
    """Compact, stable JSON for a data- attribute."""
    return json.dumps(figure, separators=(",", ":"), sort_keys=True)


def _percent(share: float | None) -> str:
    return "—" if share is None else f"{share:.1%}"


def number(value: float) -> str:
    return f"{funnel_math.whole(value):,}"


def money(value: float, currency: str) -> str:
    return f"{currency}{funnel_math.whole(value):,}"


def readout_words(words: models.InterfaceFile) -> str:
    """The messages of the line under a chart that names the stage a pointer is on (funnels.js fills them)."""
    chart = words.charts
    return figure_json({"count": chart.hover_count, "previous": chart.hover_previous, "top": chart.hover_top})


def chart_context(chart_id: str, title: str, names: list[str], counts: list[float], owners: list[str],
                  words: models.InterfaceFile, summary: str | None = None, illustrative: bool = True) -> dict:
    """What chart.html.jinja needs: figure JSON, the static SVG, table rows, a one-sentence summary."""
    table = funnel_math.stage_table(counts)
    rows = [
        {"name": name, "owner": owner, "count": number(count),
         "from_previous": "—" if prev is None else f"{prev:.1%}", "from_top": f"{share_top:.1%}"}
        for name, owner, (count, prev, share_top) in zip(names, owners, table, strict=True)
    ]
    drops = [(1 - table[i][1], i) for i in range(1, len(table))]
    drop, at = max(drops)
    summary = summary or fill(
        words.charts.summary, top=number(counts[0]), top_stage=names[0].lower(), last=number(counts[-1]),
        last_stage=names[-1].lower(), share=f"{table[-1][2]:.1%}", drop_from=names[at - 1].lower(),
        drop_to=names[at].lower(), drop=f"{drop:.0%}")
    return {"id": chart_id, "title": title, "rows": rows, "summary": summary, "height": chart_height(len(names)),
            "illustrative": illustrative, "svg": funnel_svg(names, counts, owners, words),
            "figure": figure_json(funnel_figure(names, counts, owners, words)), "readout": readout_words(words)}


def funnel_chart_context(data, which: str, chart_id: str) -> dict:
    """chart_context for a funnel of the site: 'customer' (the customer funnel), or a worked example's id."""
    if which == "customer":
        funnel = data.funnels.customer_funnel
        stages = funnel.stages
        return chart_context(chart_id, funnel.title, [s.name for s in stages], [s.count for s in stages],
                             [s.owner for s in stages], data.interface)
    example = data.example(which)
    stages = data.sim_stages()
    title = fill(data.interface.charts.example_title, business=example.business)
    return chart_context(chart_id, title, [s.name for s in stages], list(example.funnel.counts.values()),
                         [s.owner for s in stages], data.interface)
