"""Our scripts, each added only to the pages that need it."""

from __future__ import annotations

from markupsafe import Markup

from macros.paths import Links

# script -> markers in the page's HTML that call for it, in the order the scripts load: common.js (messages,
# numbers and the funnel arithmetic) before the charts and widgets that use it, the charts (funnels.js) before
# the simulator; in-page-links.js where a widget keeps its numbers in the page's address.
# The quizzes' loader fetches common.js itself when a quiz comes near, on pages that lack it.
SCRIPTS = {
    "assets/common.js": ('class="mvs-chart__plot"', "data-simulator=", "data-checkup=", "data-invest="),
    "assets/funnels.js": ('class="mvs-chart__plot"', "data-simulator="),
    "assets/simulator.js": ("data-simulator=",),
    "assets/quiz-loader.js": ('class="mvs-quiz"', 'class="mvs-quiz ', "data-quiz-progress"),
    "assets/tools.js": ("data-checkup=", "data-invest="),
    "assets/in-page-links.js": ("data-simulator=", "data-checkup="),
}
_TAG = Markup('\n<script src="{}"></script>\n')


def page_scripts(html: str, links: Links) -> str:
    """Script tags for the page's widgets, or nothing.

    They sit in the page content, so Material's instant navigation runs them when a
    reader arrives from a page without them.
    """
    return "".join(str(_TAG.format(links.asset(src))) for src, markers in SCRIPTS.items()
                   if any(m in html for m in markers))
