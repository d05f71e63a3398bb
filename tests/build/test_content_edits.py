"""A teacher's wording edit in data/ never breaks a test: only broken content does.

Edit a sentence in three live data files of a copy of the project, then run the copy's unit tests
(goldens, loader, exports, widgets' logic) and its built-site checks against the edited content.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import yaml

from tests.conftest import ROOT, copy_project

# (file, path to a text field): a FAQ answer, a glossary definition, a comparison cell
EDITS = [("faq.yml", ("questions", 0, "answer")), ("glossary.yml", ("terms", 0, "definition")),
         ("comparison.yml", ("rows", 0, "marketing"))]


def reword(path: Path, keys: tuple) -> str:
    """Put a new word into the field's first line of text, as a teacher would; return the new line."""
    text = path.read_text(encoding="utf-8")
    value = yaml.safe_load(text)
    for key in keys:
        value = value[key]
    first_words = " ".join(value.split()[:3])
    line = next(line for line in text.splitlines() if first_words in line)
    new = line.replace(first_words, f"{first_words} (reworded)", 1)
    path.write_text(text.replace(line, new, 1), encoding="utf-8")
    return new


def test_rewording_three_data_files_passes_the_unit_and_site_tests(tmp_path):
    project = copy_project(tmp_path / "project")
    shutil.copytree(ROOT / "tests", project / "tests", ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy2(ROOT / "pyproject.toml", project / "pyproject.toml")
    for name, keys in EDITS:
        assert "(reworded)" in reword(project / "data" / name, keys)
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PYTEST_", "COV_"))}
    result = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-x", "-p", "no:cacheprovider", "-p", "no:xdist",
         "tests/unit", "tests/build/test_site.py"],
        cwd=project, env=env, capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stdout[-4000:] + result.stderr[-2000:]
    assert " passed" in result.stdout and " failed" not in result.stdout
