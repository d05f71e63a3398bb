"""Front-end files from node_modules that the built site serves itself."""

from __future__ import annotations

import shutil
from pathlib import Path

from mkdocs.exceptions import PluginError

PLOTLY = Path("node_modules/plotly.js-finance-dist-min/plotly-finance.min.js")
PLOTLY_IN_SITE = Path("assets/vendor/plotly-finance.min.js")


def copy_vendor_files(root: Path, site_dir: Path) -> None:
    """Copy plotly.js's finance bundle into the site; only pages with a chart ever load it."""
    source = root / PLOTLY
    if not source.is_file():
        raise PluginError(f"{PLOTLY} is missing: run `npm ci` (or `make build`, which runs it) and build again.")
    target = site_dir / PLOTLY_IN_SITE
    target.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(source, target)
