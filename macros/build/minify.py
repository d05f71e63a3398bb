"""Minify our own scripts and stylesheets in the built site (the sources stay readable)."""

from __future__ import annotations

from pathlib import Path

import rcssmin
import rjsmin

MINIFIERS = {".js": rjsmin.jsmin, ".css": rcssmin.cssmin}


def minify_assets(site_dir: Path) -> list[Path]:
    """Minify site/assets/*.js and *.css: ours only, not the theme's or vendor files, which come minified."""
    done = []
    for path in sorted((site_dir / "assets").glob("*")):
        minify = MINIFIERS.get(path.suffix)
        if minify and path.is_file():
            path.write_text(minify(path.read_text(encoding="utf-8")), encoding="utf-8")
            done.append(path)
    return done
