"""Link the first use of each glossary term on a page to its definition.

The link's title holds the definition, which Material shows as a tooltip on
hover and on keyboard focus. A quiz's answers are left as they are: the feedback
a learner gets quotes them as plain text, so a link there would reach only
readers without JavaScript, and would spend a term's one link on the page.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from markupsafe import Markup

from macros.data.models import Term

# Comments, raw-text elements, a quiz question's answer (which holds no <details> of its own), tags, and the text
# between them.
_TOKENS = re.compile(r"<!--.*?-->|<(script|style)\b.*?</\1\s*>|<details class=\"mvs-q__answer\".*?</details>"
                     r"|<[^>]+>|[^<]+", re.S | re.I)
_TAG = re.compile(r"<(/?)([a-zA-Z][a-zA-Z0-9]*)")
_SKIP = {"a", "h1", "h2", "h3", "h4", "h5", "h6", "code", "pre", "dt", "button", "label", "summary", "caption",
         "cite", "abbr", "th", "title", "svg", "legend", "select", "option", "textarea"}
_LINK = Markup('<a class="mvs-term" href="{}" title="{}">{}</a>')
_VOID = {"br", "hr", "img", "input", "meta", "link", "wbr", "source", "col", "area", "base", "embed", "track"}


def _pattern(terms: list[Term]) -> tuple[re.Pattern, dict[str, Term]]:
    forms = {form.lower(): term for term in terms for form in (term.term, *term.also)}
    alternatives = sorted(forms, key=len, reverse=True)
    # Our templates write an apostrophe as &#39;, Python-Markdown as it is.
    words = "|".join(re.escape(f).replace("'", "(?:'|&\\#39;)") for f in alternatives)
    return re.compile(rf"(?<![\w-])({words})(?![\w-])", re.I), forms


def link_terms(html: str, terms: list[Term], href: Callable[[Term], str]) -> str:
    """Return html with each term's first use (outside links, headings, code) linked."""
    if not terms:
        return html
    pattern, forms = _pattern(terms)
    done: set[str] = set()
    skipping: list[str] = []
    out = []
    for match in _TOKENS.finditer(html):
        token = match.group(0)
        if token.startswith("<"):
            tag = _TAG.match(token)
            if tag and not token.startswith("<!"):
                closing, name = tag.group(1), tag.group(2).lower()
                if name in _SKIP and not token.endswith("/>"):
                    if closing and name in skipping:
                        del skipping[len(skipping) - 1 - skipping[::-1].index(name):]
                    elif not closing and name not in _VOID:
                        skipping.append(name)
            out.append(token)
        elif skipping:
            out.append(token)
        else:
            out.append(pattern.sub(lambda m: _link(m, forms, done, href), token))
    return "".join(out)


def _link(match: re.Match, forms: dict[str, Term], done: set[str], href: Callable[[Term], str]) -> str:
    term = forms[match.group(1).replace("&#39;", "'").lower()]
    if term.id in done:
        return match.group(0)
    done.add(term.id)
    return _LINK.format(href(term), term.definition, Markup(match.group(0)))
