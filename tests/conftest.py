# Shared fixtures: the real portal, one strict build of the real site per session, and throw-away project copies.
from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PROJECT_PARTS = ("data", "docs", "macros", "overrides", "mkdocs.yml")
MKDOCS = [sys.executable, "-m", "mkdocs"]


def run_build(project: Path, out: Path, **env_vars: str) -> subprocess.CompletedProcess:
    """`mkdocs build --strict` of a project folder into `out` (with `env_vars` set, e.g. SITE_URL); the result
    carries exit code and output."""
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1", **env_vars)
    return subprocess.run(MKDOCS + ["build", "--strict", "-f", str(project / "mkdocs.yml"), "-d", str(out)],
                          cwd=project, env=env, capture_output=True, text=True, timeout=600)


def copy_project(dest: Path) -> Path:
    for part in PROJECT_PARTS:
        src = ROOT / part
        if src.is_dir():
            shutil.copytree(src, dest / part, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy2(src, dest / part)
    return dest


def site_config(url: str | None = "https://portal.example.cn/"):
    """The build's publication settings from mkdocs.yml (identity, reminder) with `url` as the site's address."""
    import dataclasses

    from macros.publication import read

    return dataclasses.replace(read(ROOT / "mkdocs.yml")[0], url=url)


@pytest.fixture(scope="session")
def portal():
    from macros.portal import load_portal
    return load_portal(ROOT)


@pytest.fixture(scope="session")
def built_site(tmp_path_factory) -> Path:
    """The real site, built once per test session with --strict."""
    out = tmp_path_factory.mktemp("site")
    result = run_build(ROOT, out)
    assert result.returncode == 0, result.stdout + result.stderr
    return out


@pytest.fixture
def project(tmp_path) -> Path:
    """A full copy of the project (data, docs, macros, overrides, mkdocs.yml) that a test may break."""
    return copy_project(tmp_path / "project")


@pytest.fixture
def data_root(tmp_path) -> Path:
    """A folder holding a copy of data/ only, for validation tests."""
    shutil.copytree(ROOT / "data", tmp_path / "data")
    return tmp_path


# ---------------------------------------------------------------- real browser (Debian chromium + Playwright)

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage"]


@pytest.fixture(scope="session")
def site_server(built_site):
    """The built site served on 127.0.0.1 (a free port); yields its base URL ending in '/'."""
    import functools
    import http.server
    import threading

    class Quiet(http.server.SimpleHTTPRequestHandler):
        def log_message(self, *args):
            pass

    handler = functools.partial(Quiet, directory=str(built_site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()


@pytest.fixture(scope="session")
def browser():
    """Headless Debian Chromium driven by Playwright (Playwright's own browser download is not used)."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        b = pw.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        yield b
        b.close()


@pytest.fixture
def browser_page(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    yield page
    context.close()
