"""Front-end files from node_modules that the built site serves itself."""

from __future__ import annotations

import shutil
from pathlib import Path

from macros.build.pipeline import BuildError

# The plotly.js the site serves: plotly's core and the funnel trace, which `make setup` builds from the
# npm package with esbuild (bundle/build.mjs), into node_modules/.mvs/. The one home of its file name:
# content/assets/funnels.js loads it from assets/vendor/ under this name, and tests read it from here.
PLOTLY_BUNDLE = "plotly-funnel.min.js"
PLOTLY_BUILT = Path("node_modules/.mvs") / PLOTLY_BUNDLE

# node_modules file -> where the site serves it
VENDOR_FILES = {
    # only pages with a chart ever load it
    PLOTLY_BUILT: Path("assets/vendor") / PLOTLY_BUNDLE,
    # lets search run from file:// in the offline copy (see offline.py)
    Path("node_modules/iframe-worker/shim/index.js"): Path("assets/vendor/iframe-worker-shim.js"),
}


def copy_vendor_files(root: Path, site_dir: Path) -> None:
    """Copy the front-end files the site serves itself from node_modules."""
    for source, target in VENDOR_FILES.items():
        if not (root / source).is_file():
            raise BuildError(f"{source} is missing: run `make setup` (which runs `npm ci`, then builds plotly.js"
                             " with `node bundle/build.mjs`), or `make build`, and build again.")
        (site_dir / target).parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(root / source, site_dir / target)
