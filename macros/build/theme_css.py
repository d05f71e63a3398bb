"""The theme's stylesheets cut down to what this site uses.

Material ships one stylesheet for every feature it has: content tabs, code annotations, blog posts,
repository facts, a dozen admonition types and their icons. A rule stays if every class its selector
needs (outside `:not()`, `:is()` and the like) is written in a built page or named in a shipped
script, whose names a page may gain while it runs; a custom property stays if something still reads
it with `var()`; a palette rule stays if its colour is one mkdocs.yml chooses, and a rule for a text
direction only if a page is written in it. The cut files get new names (their contents changed) and
every page links them instead.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from pathlib import Path

STYLESHEETS = "assets/stylesheets"
THEME_FILES = ("main.*.min.css", "palette.*.min.css")

CLASS_IN_SELECTOR = re.compile(r"\.(-?[_a-zA-Z][_a-zA-Z0-9-]*)")
# Attributes whose values the pages choose once for all: the palette's colours and the text direction.
CHOSEN_IN_SELECTOR = re.compile(r"\[(data-md-color-(?:primary|accent|scheme)|dir)=[\"']?([\w-]+)[\"']?\]")
CLASS_ATTRIBUTE = re.compile(r"""class=["']([^"']*)["']""")
CHOSEN_ATTRIBUTE = re.compile(r"""\b(data-md-color-(?:primary|accent|scheme)|dir)=["']([\w-]+)["']""")
NAME_IN_SCRIPT = re.compile(r"[_a-zA-Z][_a-zA-Z0-9-]*")
INLINE_SCRIPT = re.compile(r"<script\b[^>]*>(.*?)</script>", re.S | re.I)
VAR_READ = re.compile(r"var\(\s*(--[\w-]+)")
# Rules nest inside these; the blocks of other at-rules (@font-face, @keyframes, @page) stay whole.
NESTING = ("@media", "@supports", "@layer", "@container")


@dataclass
class Rule:
    """A rule (`body` is its declarations), a block of nested rules (`children`), or a statement (neither)."""

    prelude: str
    body: str | None = None
    children: list[Rule] | None = None


@dataclass(frozen=True)
class Usage:
    """What the built site uses: class names, the starts of names scripts build, palette colours and text
    directions (as (attribute, value) pairs)."""

    classes: frozenset[str]
    prefixes: tuple[str, ...]
    chosen: frozenset[tuple[str, str]]

    def can_match(self, selector: str) -> bool:
        """False when the selector needs a class, a palette colour or a text direction nothing uses (outside
        `:not()` and co)."""
        outside = _outside_brackets(selector)
        for name in CLASS_IN_SELECTOR.findall(re.sub(r"\[[^\]]*\]", "", outside)):
            if name not in self.classes and not name.startswith(self.prefixes):
                return False
        return all(pair in self.chosen for pair in CHOSEN_IN_SELECTOR.findall(outside))


def site_usage(site_dir: Path) -> Usage:
    """Every class written in a page (a quiz's questions in a <noscript> included) and every name-like word
    in a script, shipped or inline; a word ending in '-' or '_' is the start of names a script completes."""
    classes: set[str] = set()
    chosen: set[tuple[str, str]] = set()
    for page in site_dir.rglob("*.html"):
        html = page.read_text(encoding="utf-8", errors="replace")
        for value in CLASS_ATTRIBUTE.findall(html):
            classes.update(value.split())
        for script in INLINE_SCRIPT.findall(html):
            classes.update(NAME_IN_SCRIPT.findall(script))
        chosen.update(CHOSEN_ATTRIBUTE.findall(html))
    for script in site_dir.rglob("*.js"):
        classes.update(NAME_IN_SCRIPT.findall(script.read_text(encoding="utf-8", errors="replace")))
    prefixes = tuple(sorted(name for name in classes if name.endswith(("-", "_")) and len(name) > 3))
    return Usage(frozenset(classes), prefixes, frozenset(chosen))


def parse(css: str) -> list[Rule]:
    rules, _ = _parse(css, 0)
    return rules


def serialize(rules: list[Rule]) -> str:
    out = []
    for rule in rules:
        if rule.children is not None:
            out.append(f"{rule.prelude}{{{serialize(rule.children)}}}")
        elif rule.body is not None:
            out.append(f"{rule.prelude}{{{rule.body}}}")
        else:
            out.append(f"{rule.prelude};")
    return "".join(out)


def trim(rules: list[Rule], usage: Usage) -> list[Rule]:
    """The rules with the selectors nothing can match left out, and blocks left empty dropped."""
    kept = []
    for rule in rules:
        if rule.children is not None:
            children = trim(rule.children, usage)
            if children:
                kept.append(Rule(rule.prelude, children=children))
        elif rule.body is None or rule.prelude.startswith("@"):
            kept.append(rule)
        else:
            selectors = [s for s in _split_top(rule.prelude, ",") if usage.can_match(s)]
            if selectors:
                kept.append(Rule(",".join(selectors), rule.body))
    return kept


def drop_unread_properties(sheets: list[list[Rule]], readers: str) -> list[list[Rule]]:
    """Leave out custom properties that no `var()` reads, in these sheets or in `readers` (other
    stylesheets, scripts, inline styles); repeated, since a dropped property may have read another."""
    while True:
        read = set(VAR_READ.findall(readers + "".join(serialize(s) for s in sheets)))
        dropped = [0]
        sheets = [_without_properties(s, read, dropped) for s in sheets]
        if not dropped[0]:
            return sheets


def trim_theme_css(site_dir: Path) -> dict[str, str]:
    """Cut the theme's stylesheets in site_dir to what its pages and scripts use, under new names, and
    link the pages to them; returns {old file name: new file name}."""
    folder = site_dir / STYLESHEETS
    originals = [path for pattern in THEME_FILES for path in sorted(folder.glob(pattern))]
    if not originals:
        return {}
    usage = site_usage(site_dir)
    readers = _readers(site_dir, originals)
    sheets = drop_unread_properties([trim(parse(p.read_text(encoding="utf-8")), usage) for p in originals], readers)
    renamed = {}
    for path, rules in zip(originals, sheets, strict=True):
        css = serialize(rules)
        digest = hashlib.sha256(css.encode()).hexdigest()[:8]
        new = path.with_name(f"{path.name.split('.')[0]}.{digest}.min.css")
        new.write_text(css, encoding="utf-8")
        if new != path:  # a file cut before (a rebuild into the same folder) cuts to itself
            path.unlink()
            path.with_name(path.name + ".map").unlink(missing_ok=True)
            renamed[path.name] = new.name
    for page in site_dir.rglob("*.html"):
        html = page.read_text(encoding="utf-8")
        linked = html
        for old, new in renamed.items():
            linked = linked.replace(f"{STYLESHEETS}/{old}", f"{STYLESHEETS}/{new}")
        if linked != html:
            page.write_text(linked, encoding="utf-8")
    return renamed


def _readers(site_dir: Path, theme_sheets: list[Path]) -> str:
    """Everything outside the theme's stylesheets that may read a custom property."""
    texts = [p.read_text(encoding="utf-8", errors="replace") for p in site_dir.rglob("*.css") if p not in theme_sheets]
    texts += [p.read_text(encoding="utf-8", errors="replace") for p in site_dir.rglob("*.js")]
    for page in site_dir.rglob("*.html"):
        texts += re.findall(r'style="([^"]*)"', page.read_text(encoding="utf-8"))
    return "\n".join(texts)


def _without_properties(rules: list[Rule], read: set[str], dropped: list[int]) -> list[Rule]:
    kept = []
    for rule in rules:
        if rule.children is not None:
            kept.append(Rule(rule.prelude, children=_without_properties(rule.children, read, dropped)))
            continue
        if rule.body is None or rule.prelude.startswith("@"):
            kept.append(rule)
            continue
        declarations = _split_top(rule.body, ";")
        used = [d for d in declarations if not d.strip().startswith("--") or d.split(":", 1)[0].strip() in read]
        dropped[0] += len(declarations) - len(used)
        if used:
            kept.append(Rule(rule.prelude, ";".join(used)))
    return kept


def _skip_string(css: str, i: int) -> int:
    """The index after the string that starts at css[i]."""
    quote, i = css[i], i + 1
    while css[i] != quote:
        i += 2 if css[i] == "\\" else 1
    return i + 1


def _parse(css: str, i: int) -> tuple[list[Rule], int]:
    rules: list[Rule] = []
    start = i
    while i < len(css):
        char = css[i]
        if char in "\"'":
            i = _skip_string(css, i)
        elif css.startswith("/*", i):
            comment_start, i = i, css.index("*/", i) + 2
            if not css[start:comment_start].strip():  # a comment between rules is left out
                start = i
        elif char == "(":
            i = _skip_brackets(css, i, "(", ")")
        elif char == ";":
            if css[start:i].strip():
                rules.append(Rule(css[start:i].strip()))
            i = start = i + 1
        elif char == "{":
            prelude = css[start:i].strip()
            if prelude.startswith(NESTING):
                children, i = _parse(css, i + 1)
                rules.append(Rule(prelude, children=children))
            else:
                end = _skip_brackets(css, i, "{", "}")
                rules.append(Rule(prelude, css[i + 1:end - 1]))
                i = end
            start = i
        elif char == "}":
            return rules, i + 1
        else:
            i += 1
    return rules, i


def _skip_brackets(css: str, i: int, opening: str, closing: str) -> int:
    """The index after the bracket that closes the one at css[i]."""
    depth, i = 1, i + 1
    while depth:
        char = css[i]
        if char in "\"'":
            i = _skip_string(css, i)
            continue
        depth += (char == opening) - (char == closing)
        i += 1
    return i


def _split_top(text: str, separator: str) -> list[str]:
    """text split at each separator outside brackets and strings."""
    parts, depth, quote, current = [], 0, "", []
    for char in text:
        if quote:
            quote = "" if char == quote else quote
        elif char in "\"'":
            quote = char
        elif char in "([":
            depth += 1
        elif char in ")]":
            depth -= 1
        elif char == separator and depth == 0:
            parts.append("".join(current))
            current = []
            continue
        current.append(char)
    if "".join(current).strip():
        parts.append("".join(current))
    return parts


def _outside_brackets(selector: str) -> str:
    """The selector without what its functional pseudo-classes hold: `a:not(.x)` matches more, not less,
    when nothing uses .x."""
    out, depth = [], 0
    for char in selector:
        depth += (char == "(") - (char == ")")
        if depth == 0 and char != ")":
            out.append(char)
    return "".join(out)
