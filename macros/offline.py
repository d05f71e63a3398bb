"""The offline copy: the whole site built for file:// and zipped into site/downloads/."""

from __future__ import annotations

import os
import time
import zipfile
from pathlib import Path

ZIP_PATH = "downloads/marketing-vs-sales-offline.zip"
FOLDER = "marketing-vs-sales"
SHIM = "assets/vendor/iframe-worker-shim.js"


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
    config.extra["polyfills"] = [SHIM if "iframe-worker" in url else url for url in polyfills]


def zip_site(site: Path, target: Path) -> Path:
    """Zip a built site into target, entries sorted and dated SOURCE_DATE_EPOCH, so the zip is reproducible."""
    epoch = int(os.environ.get("SOURCE_DATE_EPOCH", "315532800"))
    stamp = _zip_time(epoch)
    target.parent.mkdir(parents=True, exist_ok=True)
    with zipfile.ZipFile(target, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        for path in sorted(p for p in site.rglob("*") if p.is_file()):
            info = zipfile.ZipInfo(f"{FOLDER}/{path.relative_to(site).as_posix()}", date_time=stamp)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            archive.writestr(info, path.read_bytes())
    return target


def _zip_time(epoch: int) -> tuple[int, int, int, int, int, int]:
    t = time.gmtime(max(epoch, 315532800))  # zip dates start in 1980
    return t.tm_year, t.tm_mon, t.tm_mday, t.tm_hour, t.tm_min, t.tm_sec
