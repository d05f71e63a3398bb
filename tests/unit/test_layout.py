"""The package's layout holds: a light entry point, renderers that do not import each other, a data
layer that knows nothing of rendering or the build."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

from tests.conftest import ROOT

MACROS = ROOT / "macros"
# Shared by every renderer; not renderers themselves.
RENDER_HELPERS = {"macros.render.templating", "macros.render.charts"}


def imports_of(path: Path) -> set[str]:
    """Every module a file imports from the macros package, at any depth."""
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("macros"):
            found |= {node.module} | {f"{node.module}.{a.name}" for a in node.names}
        elif isinstance(node, ast.Import):
            found |= {a.name for a in node.names if a.name.startswith("macros")}
    return found


def test_importing_the_package_loads_nothing_heavy():
    code = ("import sys, macros; heavy = {'mkdocs', 'plotly', 'pydantic', 'jinja2', 'markdown', 'yaml'};"
            "print(sorted(m for m in sys.modules if m.split('.')[0] in heavy))")
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "[]"


def test_renderers_do_not_import_each_other():
    renderers = {f"macros.render.{p.stem}" for p in (MACROS / "render").glob("*.py")} - RENDER_HELPERS
    renderers.discard("macros.render.__init__")
    for name in renderers:
        path = MACROS / "render" / f"{name.rsplit('.', 1)[1]}.py"
        assert imports_of(path) & (renderers - {name}) == set(), name


def test_the_data_layer_imports_neither_rendering_nor_the_build():
    for path in (MACROS / "data").glob("*.py"):
        wrong = {m for m in imports_of(path) if m.startswith(("macros.render", "macros.build", "macros.exports"))}
        assert wrong == set(), path.name
