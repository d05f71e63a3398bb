"""Check the data, write its JSON Schemas, or build the site atomically."""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import yaml

from macros.build.offline import zip_site
from macros.data.loading import DataError, load_data
from macros.data.schema import stale_schemas, write_schemas
from macros.paths import OFFLINE_ZIP

ROOT = Path(__file__).resolve().parent.parent
# The site generators that build the site from mkdocs.yml: MkDocs 1.6, or its maintained fork ProperDocs.
ENGINES = ("mkdocs", "properdocs")


def check(root: Path) -> int:
    """Print every data problem; 0 when the data is valid."""
    try:
        data = load_data(root / "data", root / "content")
    except DataError as err:
        print(err, file=sys.stderr)
        print(f"{len(err.problems)} problem(s) in data/; nothing was built.", file=sys.stderr)
        return 1
    questions = sum(len(q.questions) for q in data.quizzes)
    print(f"data/ is valid: {len(data.glossary.terms)} glossary terms, {len(data.comparison.rows)} comparison rows, "
          f"{len(data.examples)} worked examples, {len(data.quizzes)} quizzes with {questions} questions.")
    return 0


def source_date_epoch(root: Path) -> str:
    """The last commit's time in seconds (as `make build` sets SOURCE_DATE_EPOCH), or 0 without git."""
    try:
        result = subprocess.run(["git", "log", "-1", "--format=%ct"], cwd=root, capture_output=True, text=True,
                                check=False)
    except OSError:
        return "0"
    stamp = result.stdout.strip()
    return stamp if not result.returncode and stamp.isdigit() else "0"


def default_site_url(root: Path) -> str:
    """The address mkdocs.yml falls back to when SITE_URL is not set."""
    try:
        value = yaml.load((root / "mkdocs.yml").read_text(encoding="utf-8"), Loader=yaml.BaseLoader)["site_url"]
    except (OSError, yaml.YAMLError, KeyError, TypeError):
        return "its default address"
    return value[-1] if isinstance(value, list) else value


def build(root: Path, site_dir: Path, engine: str = "mkdocs", offline_copy: bool = True) -> int:
    """Build into a temporary folder with engine (see ENGINES); replace site_dir only when the build succeeds.
    Without offline_copy, the zipped offline copy is left out (a quicker build while editing)."""
    if check(root):
        return 1
    stale = stale_schemas(root / "data" / "schema")
    if stale:
        print(f"data/schema/ is out of date ({', '.join(stale)}): run `python -m macros schema`.", file=sys.stderr)
        return 1
    site_dir = site_dir.resolve()
    site_dir.parent.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix=".site-new-", dir=site_dir.parent))
    # One date for the sitemap (the engine reads SOURCE_DATE_EPOCH) and every zip in downloads/ (the engine's
    # hooks and zip_site below read it too), taken from the last commit as `make build` does.
    if not os.environ.get("SOURCE_DATE_EPOCH", "").strip():
        os.environ["SOURCE_DATE_EPOCH"] = source_date_epoch(root)
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "DISABLE_MKDOCS_2_WARNING": "true"}
    if "SITE_URL" not in env:
        print(f"SITE_URL is not set: canonical links and the sitemap point at {default_site_url(root)}; to publish, "
              "build with the site's address, e.g. `SITE_URL=https://example.org/ make build`.", file=sys.stderr)
    result = subprocess.run(_engine_build(engine, root, tmp), cwd=root, env=env, check=False)
    if not result.returncode and offline_copy:
        result = _build_offline_copy(engine, root, tmp, env)
    if result.returncode:
        shutil.rmtree(tmp, ignore_errors=True)
        print(f"The build failed; {site_dir.name}/ was left as it was.", file=sys.stderr)
        return result.returncode
    old = site_dir.with_name(f".{site_dir.name}-old")
    shutil.rmtree(old, ignore_errors=True)
    if site_dir.exists():
        site_dir.rename(old)
    tmp.rename(site_dir)
    shutil.rmtree(old, ignore_errors=True)
    print(f"Built {site_dir}.")
    return 0


def _engine_build(engine: str, root: Path, site_dir: Path, *options: str) -> list[str]:
    """The command line that builds the site with engine; both engines read mkdocs.yml."""
    return [sys.executable, "-m", engine, "build", "--strict", *options,
            "--config-file", str(root / "mkdocs.yml"), "--site-dir", str(site_dir)]


def _build_offline_copy(engine: str, root: Path, site: Path, env: dict) -> subprocess.CompletedProcess:
    """Build the site again for file:// (Material's offline plugin) and zip it into site/downloads/."""
    with tempfile.TemporaryDirectory(prefix=".site-offline-", dir=site.parent) as offline:
        result = subprocess.run(_engine_build(engine, root, Path(offline), "--quiet"), cwd=root,
                                env={**env, "OFFLINE": "true", "SITE_URL": ""}, check=False)
        if not result.returncode:
            zip_site(Path(offline), site / OFFLINE_ZIP)
    return result


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="python -m macros", description=__doc__)
    sub = parser.add_subparsers(dest="command", required=True)
    sub.add_parser("check", help="validate data/ without building")
    schema = sub.add_parser("schema", help="write JSON Schemas into data/schema/")
    schema.add_argument("--check", action="store_true", help="fail if the schemas are out of date")
    build_cmd = sub.add_parser("build", help="check data/, then build the site atomically")
    build_cmd.add_argument("--site-dir", type=Path, default=ROOT / "site")
    build_cmd.add_argument("--engine", choices=ENGINES, default=os.environ.get("ENGINE") or "mkdocs",
                           help="the site generator (default: $ENGINE, else mkdocs)")
    build_cmd.add_argument("--no-offline-copy", dest="offline_copy", action="store_false",
                           help="leave out the zipped offline copy (quicker; the downloads page's link to it breaks)")
    args = parser.parse_args(argv)
    if args.command == "check":
        return check(ROOT)
    if args.command == "schema":
        if args.check:
            stale = stale_schemas(ROOT / "data" / "schema")
            for name in stale:
                print(f"data/schema/{name} is out of date: run `python -m macros schema`", file=sys.stderr)
            return 1 if stale else 0
        for path in write_schemas(ROOT / "data" / "schema"):
            print(f"wrote {path.relative_to(ROOT)}")
        return 0
    if args.engine not in ENGINES:
        parser.error(f"ENGINE={args.engine!r}: choose one of {', '.join(ENGINES)}")
    return build(ROOT, args.site_dir, args.engine, args.offline_copy)
