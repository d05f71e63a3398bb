"""Does the cut-down theme style a page exactly as the theme's full stylesheets do, in its present state?

`differences(page)` notes the computed style of every element and of its ::before and ::after, swaps in
the theme's original stylesheets from the installed package, notes them again, and swaps back.
"""

from __future__ import annotations

from weakref import WeakSet

from macros.exports.scorm import THEME_CSS as THEME
from tests.browser.conftest import settle

ORIGINAL = "__theme-original__"
_served: WeakSet = WeakSet()

# The properties compared: everything that shows, places or sizes an element (all ~350 take seconds a page).
_PROPERTY_NAMES = """display position top right bottom left float clear z-index box-sizing width height min-width
min-height max-width max-height margin-top margin-right margin-bottom margin-left padding-top padding-right
padding-bottom padding-left border-top-width border-right-width border-bottom-width border-left-width
border-top-style border-right-style border-bottom-style border-left-style border-top-color border-right-color
border-bottom-color border-left-color border-top-left-radius border-top-right-radius border-bottom-left-radius
border-bottom-right-radius outline-style outline-width outline-color outline-offset box-shadow color
background-color background-image background-position background-size background-repeat opacity visibility
overflow-x overflow-y transform filter backdrop-filter font-family font-size font-weight font-style line-height
letter-spacing text-align text-decoration-line text-decoration-color text-decoration-thickness
text-underline-offset text-transform text-overflow white-space word-break overflow-wrap hyphens vertical-align
list-style-type list-style-position cursor pointer-events user-select content mask-image -webkit-mask-image
mask-size mask-position mask-repeat flex-direction flex-wrap flex-grow flex-shrink flex-basis align-items
align-self justify-content column-gap row-gap grid-template-columns grid-template-rows order table-layout
border-collapse border-spacing caption-side scroll-margin-top scroll-padding-top fill stroke color-scheme
caret-color accent-color appearance animation-name transition-property transition-duration
-webkit-tap-highlight-color tab-size"""
PROPERTIES = _PROPERTY_NAMES.split()

# Notes each element's computed style (and its ::before and ::after when they show), then compares
# with the notes taken before, in the page: the values never travel to Python. Inside a chart, the
# styles are plotly's own.
STYLES = """([compare, properties]) => {
    const seen = {};
    document.querySelectorAll('body *').forEach((el, i) => {
        if (el.closest('.mvs-chart__plot svg')) return;
        const name = `${i} ${el.tagName.toLowerCase()}.${[...el.classList].join('.')}`;
        for (const pseudo of ['', '::before', '::after']) {
            const style = getComputedStyle(el, pseudo || null);
            if (pseudo && style.content === 'none') continue;
            seen[name + pseudo] = properties.map(p => p + ':' + style.getPropertyValue(p)).join('\\n');
        }
    });
    if (!compare) {
        window.__styles = seen;
        return [];
    }
    const before = window.__styles, found = [];
    for (const key of new Set([...Object.keys(before), ...Object.keys(seen)])) {
        if (before[key] === seen[key]) continue;
        const a = new Set((before[key] || '').split('\\n')), b = new Set((seen[key] || '').split('\\n'));
        const changed = [...a].filter(v => !b.has(v)).concat([...b].filter(v => !a.has(v)));
        found.push(`${key}: ${changed.slice(0, 4)}`);
    }
    return found.slice(0, 10);
}"""

SWAP = """async ([pattern, to, original]) => {
    const links = [...document.querySelectorAll('link[rel=stylesheet]')].filter(l => new RegExp(pattern).test(l.href));
    if (links.length !== 2) throw new Error('expected the theme\\'s two stylesheets, found ' + links.length);
    await Promise.all(links.map(link => new Promise((done, fail) => {
        link.onload = done;
        link.onerror = () => fail(new Error('could not load ' + link.href));
        link.dataset.cut = link.dataset.cut || link.href;
        link.href = to === 'original' ? `/${original}/${link.dataset.cut.match(/(main|palette)\\./)[1]}.css`
                                      : link.dataset.cut;
    })));
}"""


def serve_the_original_theme(page) -> None:
    """Serve the theme's original stylesheets at a made-up address, for every page of the tab's context (the
    route is harmless to later tests that keep the tab)."""
    if page.context in _served:
        return
    _served.add(page.context)

    def serve(css: str):
        return lambda route: route.fulfill(body=css, content_type="text/css")

    for name in ("main", "palette"):
        css = next(THEME.glob(f"{name}.*.min.css")).read_text(encoding="utf-8")
        page.context.route(f"**/{ORIGINAL}/{name}.css", serve(css))


def differences(page) -> list[str]:
    """Computed styles that change when the theme's original stylesheets replace the cut ones."""
    serve_the_original_theme(page)
    theme = r"/(assets/stylesheets/(main|palette)\.|" + ORIGINAL + ")"
    settle(page)
    page.evaluate(STYLES, [False, PROPERTIES])
    page.evaluate(SWAP, [theme, "original", ORIGINAL])
    settle(page)
    found = page.evaluate(STYLES, [True, PROPERTIES])
    page.evaluate(SWAP, [theme, "cut", ORIGINAL])
    return found
