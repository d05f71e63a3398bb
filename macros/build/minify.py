"""Minify the built site: our own scripts and stylesheets, and the indentation of every page (the sources
stay readable)."""

from __future__ import annotations

import re
from pathlib import Path

import rcssmin
import rjsmin

MINIFIERS = {".js": rjsmin.jsmin, ".css": rcssmin.cssmin}
# An element whose text is shown or run as written (kept whole), or a line break with the indentation and blank
# lines around it, next to a tag (made a bare line break).
KEPT_OR_BREAK = re.compile(r"(<(pre|textarea|script|style|code)\b.*?</\2>)"
                           r"|(?<=>)[ \t\r\n]*\n[ \t\r\n]*|[ \t\r\n]*\n[ \t\r\n]*(?=<)", re.S | re.I)


def minify_assets(site_dir: Path) -> list[Path]:
    """Minify site/assets/*.js and *.css: ours only, not the theme's or vendor files, which come minified."""
    done = []
    for path in sorted((site_dir / "assets").glob("*")):
        minify = MINIFIERS.get(path.suffix)
        if minify and path.is_file():
            path.write_text(minify(path.read_text(encoding="utf-8")), encoding="utf-8")
            done.append(path)
    return done


def collapse_indentation(html: str) -> str:
    """The page with each line break next to a tag standing alone: no indentation, no blank lines. A break is
    whitespace to the browser like the spaces it replaces, so the page reads and lays out the same."""
    return KEPT_OR_BREAK.sub(lambda m: m.group(1) or "\n", html)


def minify_pages(site_dir: Path) -> list[Path]:
    """Collapse the indentation of every built page: the theme's templates leave a page a quarter blank."""
    done = []
    for path in sorted(site_dir.rglob("*.html")):
        html = path.read_text(encoding="utf-8")
        path.write_text(collapse_indentation(html), encoding="utf-8")
        done.append(path)
    return done
