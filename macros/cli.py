"""Check the data, write its JSON Schemas, or build the site atomically."""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from macros.build.offline import ZIP_PATH, zip_site
from macros.data.loading import DataError, load_data
from macros.data.schema import stale_schemas, write_schemas

ROOT = Path(__file__).resolve().parent.parent


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


def build(root: Path, site_dir: Path) -> int:
    """Build into a temporary folder; replace site_dir only when the build succeeds."""
    if check(root):
        return 1
    stale = stale_schemas(root / "data" / "schema")
    if stale:
        print(f"data/schema/ is out of date ({', '.join(stale)}): run `python -m macros schema`.", file=sys.stderr)
        return 1
    site_dir = site_dir.resolve()
    site_dir.parent.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix=".site-new-", dir=site_dir.parent))
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(tmp)],
        cwd=root, env=env, check=False,
    )
    if not result.returncode:
        result = _build_offline_copy(root, tmp, env)
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


def _build_offline_copy(root: Path, site: Path, env: dict) -> subprocess.CompletedProcess:
    """Build the site again for file:// (Material's offline plugin) and zip it into site/downloads/."""
    with tempfile.TemporaryDirectory(prefix=".site-offline-", dir=site.parent) as offline:
        result = subprocess.run(
            [sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet", "--site-dir", offline],
            cwd=root, env={**env, "OFFLINE": "true", "SITE_URL": ""}, check=False,
        )
        if not result.returncode:
            zip_site(Path(offline), site / ZIP_PATH)
    return result


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="python -m macros", description=__doc__)
    sub = parser.add_subparsers(dest="command", required=True)
    sub.add_parser("check", help="validate data/ without building")
    schema = sub.add_parser("schema", help="write JSON Schemas into data/schema/")
    schema.add_argument("--check", action="store_true", help="fail if the schemas are out of date")
    build_cmd = sub.add_parser("build", help="check data/, then build the site atomically")
    build_cmd.add_argument("--site-dir", type=Path, default=ROOT / "site")
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
    return build(ROOT, args.site_dir)
