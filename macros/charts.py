"""The charts' script, added only to pages that have a chart or the simulator."""

from __future__ import annotations

from markupsafe import Markup

from macros.links import Links

SCRIPT = "assets/funnels.js"
MARKERS = ('class="mvs-chart__plot"', "data-simulator=")
_TAG = Markup('\n<script src="{}"></script>\n')


def charts_script(html: str, links: Links) -> str:
    """A script tag for assets/funnels.js when the page needs it, else nothing.

    It sits in the page content, so Material's instant navigation runs it when a
    reader arrives from a page without charts.
    """
    return str(_TAG.format(links.asset(SCRIPT))) if any(m in html for m in MARKERS) else ""
