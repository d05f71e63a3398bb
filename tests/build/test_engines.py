"""The same site from ProperDocs as from MkDocs, and a plain `python -m macros build` (no make, no
SOURCE_DATE_EPOCH, no SITE_URL) that dates everything by the last commit and says where its links point."""

from __future__ import annotations

import datetime as dt
import gzip
import os
import re
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from macros.exports.common import ZIP_EPOCH_MIN
from macros.paths import OFFLINE_ZIP as ZIP_PATH
from tests.conftest import ROOT, run_macros

LOCAL_URL = "http://127.0.0.1:8000/"  # site_url's default in mkdocs.yml
GENERATOR = re.compile(rb'<meta name="generator" content="([^"]*)">')
NOTICE = "SITE_URL is not set"


def commit_epoch() -> int:
    """When the last commit was made, as the Makefile reads it (0 without git)."""
    try:
        out = subprocess.run(["git", "log", "-1", "--format=%ct"], cwd=ROOT, capture_output=True, text=True,
                             check=False).stdout.strip()
    except OSError:
        return 0
    return int(out) if out.isdigit() else 0


def start_build(site_dir: Path, *args: str, **env_vars: str | None) -> subprocess.Popen:
    """`python -m macros build` as a user runs it; a variable given as None is removed from the environment."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    for name, value in env_vars.items():
        if value is None:
            env.pop(name, None)
        else:
            env[name] = value
    return subprocess.Popen([sys.executable, "-m", "macros", "build", "--site-dir", str(site_dir), *args],
                            cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


@pytest.fixture(scope="module")
def builds(tmp_path_factory, site_port) -> dict[str, tuple[Path, str]]:
    """Two builds side by side, each (site, output):
    - "properdocs": ProperDocs chosen by $ENGINE, with the same settings as the `built_site` MkDocs build;
    - "plain": MkDocs chosen by --engine, with neither SOURCE_DATE_EPOCH nor SITE_URL set (no offline copy)."""
    where = tmp_path_factory.mktemp("engines")
    running = {
        "properdocs": start_build(where / "properdocs", ENGINE="properdocs", SOURCE_DATE_EPOCH="1700000000",
                                  SITE_URL=f"http://127.0.0.1:{site_port}/"),
        # Without the offline copy: its zip is dated by the same function, in the same process, as the others.
        "plain": start_build(where / "plain", "--engine", "mkdocs", "--no-offline-copy", ENGINE="properdocs",
                             SOURCE_DATE_EPOCH=None, SITE_URL=None),
    }
    done = {}
    for name, process in running.items():
        stdout, stderr = process.communicate(timeout=240)
        assert process.returncode == 0, f"{name} build:\n{stdout[-4000:]}{stderr[-4000:]}"
        done[name] = (where / name, stdout + stderr)
    return done


def pages(site: Path) -> dict[str, tuple[str, str]]:
    """Every page's (title, h1) by its path in the site."""
    found = {}
    for path in sorted(site.rglob("*.html")):
        soup = BeautifulSoup(path.read_text(encoding="utf-8"), "lxml")
        h1 = soup.find("h1")
        found[path.relative_to(site).as_posix()] = (soup.title.get_text(strip=True),
                                                     h1.get_text(" ", strip=True) if h1 else "")
    return found


def contents(site: Path) -> dict[str, object]:
    """Every file's bytes (and the offline copy's, entry by entry, with their dates), without the generator tag."""
    found: dict[str, object] = {}
    for path in sorted(p for p in site.rglob("*") if p.is_file()):
        rel = path.relative_to(site).as_posix()
        if rel == ZIP_PATH:
            with zipfile.ZipFile(path) as archive:
                for info in archive.infolist():
                    found[f"{rel}:{info.filename}"] = (info.date_time, GENERATOR.sub(b"", archive.read(info)))
        else:
            found[rel] = GENERATOR.sub(b"", path.read_bytes())
    return found


def test_properdocs_builds_the_same_pages_with_the_same_titles(built_site, builds):
    site, _ = builds["properdocs"]
    assert GENERATOR.search((site / "index.html").read_bytes())[1].startswith(b"mkdocs-ProperDocs ")
    ours, theirs = pages(site), pages(built_site)
    assert len(theirs) > 40
    assert sorted(ours) == sorted(theirs)
    assert {page: titles for page, titles in ours.items() if titles != theirs[page]} == {}


def test_properdocs_differs_from_mkdocs_only_in_the_generator_tag(built_site, builds):
    """Material, mkdocs-macros and our hooks all ran: every file, downloads and offline copy included. Two
    builds made apart, so this is also the proof that a build is reproducible, byte for byte."""
    ours, theirs = contents(builds["properdocs"][0]), contents(built_site)
    assert sorted(ours) == sorted(theirs)
    assert [name for name in ours if ours[name] != theirs[name]] == []


def test_a_plain_build_dates_everything_by_the_last_commit(builds):
    site, _ = builds["plain"]
    epoch = commit_epoch()
    sitemap = (site / "sitemap.xml").read_text(encoding="utf-8")
    day = dt.datetime.fromtimestamp(epoch, dt.UTC).strftime("%Y-%m-%d")
    assert set(re.findall(r"<lastmod>([^<]*)</lastmod>", sitemap)) == {day}
    with gzip.open(site / "sitemap.xml.gz") as packed:
        assert packed.read().decode() == sitemap
    midnight = dt.datetime.fromisoformat(day).replace(tzinfo=dt.UTC).timestamp()  # the engine's gzip time: the day
    assert int.from_bytes((site / "sitemap.xml.gz").read_bytes()[4:8], "little") == midnight
    stamp = dt.datetime.fromtimestamp(max(epoch, ZIP_EPOCH_MIN), dt.UTC)
    when = (*stamp.timetuple()[:5], stamp.second - stamp.second % 2)  # a zip keeps seconds in steps of two
    archives = [p for p in (site / "downloads").rglob("*") if p.suffix in (".zip", ".xlsx")]
    assert len(archives) > 10
    dates = {p.relative_to(site).as_posix(): {i.date_time for i in zipfile.ZipFile(p).infolist()} for p in archives}
    assert {name: found for name, found in dates.items() if found != {when}} == {}


def test_a_build_without_site_url_says_where_its_links_point(builds):
    site, output = builds["plain"]
    lines = [line for line in output.splitlines() if "SITE_URL" in line]
    assert len(lines) == 1 and lines[0].startswith(NOTICE)
    assert LOCAL_URL in lines[0] and "SITE_URL=https://" in lines[0]
    canonical = BeautifulSoup((site / "index.html").read_text(encoding="utf-8"), "lxml").find("link", rel="canonical")
    assert canonical["href"] == LOCAL_URL
    assert NOTICE not in builds["properdocs"][1]


def test_an_unknown_engine_is_refused_before_building(tmp_path):
    result = run_macros(ROOT, "build", "--site-dir", str(tmp_path / "site"), ENGINE="sphinx")
    assert result.returncode == 2
    assert "ENGINE='sphinx'" in result.stderr and "mkdocs, properdocs" in result.stderr
    assert not (tmp_path / "site").exists()
