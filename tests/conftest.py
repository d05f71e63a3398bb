"""Shared fixtures: the project, a built site, and copies of the project to break."""

from __future__ import annotations

import fcntl
import functools
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import threading
import typing
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from macros.data.loading import DataError, SiteData, load_data

ROOT = Path(__file__).resolve().parent.parent
# A frozen copy of data/ (fewer quizzes) and of content/'s page titles: the golden files render it,
# so editing the live content never changes them. Refresh it only when the data's shape changes.
FROZEN = Path(__file__).resolve().parent / "fixtures" / "frozen"
PROJECT_PARTS = ("mkdocs.yml", "content", "data", "macros", "overrides")


def pytest_addoption(parser):
    parser.addoption("--update-golden", action="store_true", help="rewrite tests/golden/ from the renderers")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def run_macros(project: Path, *args: str, **env_vars: str) -> subprocess.CompletedProcess:
    """Run `python -m macros ...` in a project folder, as a user would."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SOURCE_DATE_EPOCH": "1700000000", **env_vars}
    return subprocess.run([sys.executable, "-m", "macros", *args], cwd=project, env=env,
                          capture_output=True, text=True, check=False)


def copy_project(dest: Path) -> Path:
    """A copy of the project's sources that a test may change."""
    dest.mkdir(parents=True, exist_ok=True)
    for part in PROJECT_PARTS:
        src = ROOT / part
        if src.is_dir():
            shutil.copytree(src, dest / part, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy2(src, dest / part)
    (dest / "node_modules").symlink_to(ROOT / "node_modules")
    return dest


def build_site(project: Path, site_dir: Path, site_url: str = "http://127.0.0.1:8000/",
               offline_copy: bool = True) -> Path:
    options = () if offline_copy else ("--no-offline-copy",)
    result = run_macros(project, "build", "--site-dir", str(site_dir), *options, SITE_URL=site_url)
    assert result.returncode == 0, result.stdout + result.stderr
    return site_dir


@pytest.fixture(scope="session")
def site_data() -> SiteData:
    return load_data(ROOT / "data", ROOT / "content")


def edit(path: Path, old: str, new: str) -> None:
    """Replace the first `old` in a file with `new`; `old` must be there."""
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} is not in {path.name}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def problems_in(data_dir: Path) -> list[str]:
    """Every problem the loader reports for a data folder (which must have some)."""
    with pytest.raises(DataError) as caught:
        load_data(data_dir, FROZEN / "content")
    return [str(p) for p in caught.value.problems]


@pytest.fixture
def data_dir(tmp_path) -> Path:
    """A copy of the frozen data for a test to break: its line numbers never move with content edits."""
    return Path(shutil.copytree(FROZEN / "data", tmp_path / "data"))


@pytest.fixture(scope="session")
def frozen_data() -> SiteData:
    return load_data(FROZEN / "data", FROZEN / "content")


class QuietHandler(SimpleHTTPRequestHandler):
    """Serves the site without logging."""

    def log_message(self, format, *args):
        pass


class LocalServer(ThreadingHTTPServer):
    daemon_threads = True
    block_on_close = True

    def handle_error(self, request, client_address):
        """A browser that leaves a page while a file is on its way closes the connection: not an error."""
        if not isinstance(sys.exc_info()[1], ConnectionError):
            super().handle_error(request, client_address)


class SharedSite(typing.NamedTuple):
    """One built site and one server for the whole run, whichever worker builds it first."""

    folder: Path
    port: int

    @property
    def site(self) -> Path:
        return self.folder / "site"


SERVER = pytest.StashKey[tuple[SharedSite, LocalServer]]()


def pytest_configure(config):
    """In the main process (pytest-xdist's controller, or the only process): pick the folder the site is built
    into and serve it on a free port for as long as the run lasts."""
    if hasattr(config, "workerinput"):
        return
    shared = SharedSite(Path(tempfile.mkdtemp(prefix="mvs-site-")), free_port())
    server = LocalServer(("127.0.0.1", shared.port), functools.partial(QuietHandler, directory=str(shared.site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    config.stash[SERVER] = (shared, server)


@pytest.hookimpl(optionalhook=True)
def pytest_configure_node(node):
    shared, _ = node.config.stash[SERVER]
    node.workerinput["mvs_site_folder"] = str(shared.folder)
    node.workerinput["mvs_site_port"] = shared.port


def pytest_unconfigure(config):
    if SERVER in config.stash:
        shared, server = config.stash[SERVER]
        server.shutdown()
        server.server_close()
        shutil.rmtree(shared.folder, ignore_errors=True)


@pytest.fixture(scope="session")
def shared_site(request) -> SharedSite:
    worker = getattr(request.config, "workerinput", None)
    if worker is not None:
        return SharedSite(Path(worker["mvs_site_folder"]), worker["mvs_site_port"])
    return request.config.stash[SERVER][0]


@pytest.fixture(scope="session")
def site_port(shared_site) -> int:
    """The port the site is served on; the site is built for that address."""
    return shared_site.port


@pytest.fixture(scope="session")
def built_site(shared_site) -> Path:
    """The real site, built once per run with `python -m macros build` by the first worker that needs it
    (the others wait for it); tests read it and never change it."""
    with (shared_site.folder / "build.lock").open("w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        done = shared_site.folder / "built"
        if not done.exists():
            build_site(ROOT, shared_site.site, f"http://127.0.0.1:{shared_site.port}/")
            done.touch()
    return shared_site.site


@pytest.fixture
def project(tmp_path) -> Path:
    return copy_project(tmp_path / "project")
