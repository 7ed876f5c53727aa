# `make build` as a maintainer runs it: a bad data file fails the build with its file:line message and leaves the
# previous site/ exactly as it was (never half-built or emptied); the next good build replaces it.
from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

from tests.support import CHECKOUT, copy_project

pytestmark = pytest.mark.slow


def _make_build(project: Path) -> subprocess.CompletedProcess:
    # -o .venv/.stamp: use the existing virtualenv as it is, never reinstall into it from a test.
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    return subprocess.run(
        ["make", "-o", ".venv/.stamp", "build"], cwd=project, env=env, capture_output=True, text=True, timeout=600
    )


def _snapshot(site: Path) -> dict[str, bytes]:
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in sorted(site.rglob("*")) if p.is_file()}


@pytest.mark.skipif(shutil.which("make") is None, reason="make is not installed")
def test_make_build_keeps_the_previous_site_until_a_build_succeeds(tmp_path: Path):
    project = copy_project(tmp_path / "project")
    for name in ("Makefile", "requirements.txt", "requirements-dev.txt"):
        shutil.copy2(CHECKOUT / name, project / name)
    (project / ".venv").symlink_to(CHECKOUT / ".venv")

    first = _make_build(project)
    assert first.returncode == 0, first.stdout + first.stderr
    site = project / "site"
    assert (site / "index.html").is_file() and (site / "en" / "index.html").is_file()
    (site / "previous-build.txt").write_text("from the previous build", encoding="utf-8")
    before = _snapshot(site)

    notice = project / "data" / "notices" / "hunan-2022-80.yml"
    good = notice.read_text(encoding="utf-8")
    notice.write_text(good.replace("status: expired", "status: lapsed"), encoding="utf-8")
    failed = _make_build(project)
    assert failed.returncode != 0
    assert "data/notices/hunan-2022-80.yml:" in failed.stdout + failed.stderr
    assert "status: Input should be" in failed.stdout + failed.stderr
    assert _snapshot(site) == before, "a failed build changed site/"

    notice.write_text(good, encoding="utf-8")
    second = _make_build(project)
    assert second.returncode == 0, second.stdout + second.stderr
    assert not (site / "previous-build.txt").exists(), "a successful build must replace site/"
    assert (site / "index.html").is_file() and not (project / ".site-tmp").exists()
