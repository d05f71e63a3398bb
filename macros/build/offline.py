"""The offline copy: the whole site built for file:// and zipped into site/downloads/."""

from __future__ import annotations

from pathlib import Path

from macros.build.pipeline import BuildError
from macros.exports.common import zip_bytes

FOLDER = "marketing-vs-sales"
SHIM = "assets/vendor/iframe-worker-shim.js"
WORKER = "iframe-worker"


def offline_enabled(config) -> bool:
    plugin = config.plugins.get("material/offline")
    return bool(plugin and plugin.config.enabled)


def adapt_config(config) -> None:
    """In the offline build: no instant navigation (it needs a server), and the search worker's shim from
    our own files rather than the CDN address the offline plugin adds."""
    if not offline_enabled(config):
        return
    features = config.theme["features"]
    features[:] = [f for f in features if not f.startswith("navigation.instant")]
    polyfills = config.extra.get("polyfills", [])
    if not any(WORKER in url for url in polyfills):
        raise BuildError(f"The offline build replaces the theme's search-worker shim ('{WORKER}' in extra.polyfills), "
                         "but this theme version does not add it: check how search works offline and update "
                         "macros/build/offline.py.")
    config.extra["polyfills"] = [SHIM if WORKER in url else url for url in polyfills]


def zip_site(site: Path, target: Path) -> Path:
    """Zip a built site into target, under one folder; the bytes depend only on the files (see zip_bytes)."""
    files = {f"{FOLDER}/{p.relative_to(site).as_posix()}": p.read_bytes() for p in site.rglob("*") if p.is_file()}
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(zip_bytes(files))
    return target
