"""Front-end files from node_modules that the built site serves itself."""

from __future__ import annotations

import shutil
from pathlib import Path

from macros.build.pipeline import BuildError

# node_modules file -> where the site serves it
VENDOR_FILES = {
    # plotly.js's finance bundle: only pages with a chart ever load it
    Path("node_modules/plotly.js-finance-dist-min/plotly-finance.min.js"): Path("assets/vendor/plotly-finance.min.js"),
    # lets search run from file:// in the offline copy (see offline.py)
    Path("node_modules/iframe-worker/shim/index.js"): Path("assets/vendor/iframe-worker-shim.js"),
}


def copy_vendor_files(root: Path, site_dir: Path) -> None:
    """Copy the front-end files the site serves itself from node_modules."""
    for source, target in VENDOR_FILES.items():
        if not (root / source).is_file():
            raise BuildError(f"{source} is missing: run `npm ci` (or `make build`, which runs it) and build again.")
        (site_dir / target).parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(root / source, site_dir / target)
