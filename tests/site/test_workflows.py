# The maintainer's loop around the repository: the pull-request workflow runs validation, the strict build and the
# tests; the publish workflow builds main and deploys it to GitHub Pages; the PR template carries the review checklist.
from __future__ import annotations

import re

import yaml

from tests.support import CHECKOUT

WORKFLOWS = CHECKOUT / ".github" / "workflows"


def _workflow(name: str) -> dict:
    wf = yaml.safe_load((WORKFLOWS / name).read_text(encoding="utf-8"))
    wf["on"] = wf.pop(True, wf.get("on"))  # YAML 1.1 reads the key `on` as true
    return wf


def _steps(wf: dict) -> list[dict]:
    return [step for job in wf["jobs"].values() for step in job["steps"]]


def _runs(wf: dict) -> str:
    return "\n".join(step.get("run", "") for step in _steps(wf))


def _uses(wf: dict) -> set[str]:
    return {step["uses"].split("@")[0] for step in _steps(wf) if "uses" in step}


def test_pull_requests_are_validated_built_strictly_and_tested():
    wf = _workflow("pr.yml")
    assert "pull_request" in wf["on"]
    runs = _runs(wf)
    for command in ("make check", "mkdocs build --strict", "python -m macros schemas --check", ".ci/run"):
        assert command in runs, command
    assert wf["permissions"] == {"contents": "read"}


def test_main_is_published_to_github_pages_from_a_checked_build():
    wf = _workflow("publish.yml")
    assert wf["on"]["push"]["branches"] == ["main"]
    assert {"actions/upload-pages-artifact", "actions/deploy-pages", "actions/configure-pages"} <= _uses(wf)
    assert "make check build" in _runs(wf)
    assert wf["permissions"]["pages"] == "write" and wf["permissions"]["id-token"] == "write"
    upload = next(s for s in _steps(wf) if s.get("uses", "").startswith("actions/upload-pages-artifact"))
    assert upload["with"]["path"] == "site"  # the folder `make build` swaps in only after a successful build


def test_pull_request_template_has_the_review_checklist():
    text = (CHECKOUT / ".github" / "pull_request_template.md").read_text(encoding="utf-8")
    for item in (
        "source document is attached or linked",
        "document number matches",
        "Every date was checked",
        "Both languages",
        "`make check` is green",
        "原件已附上",
        "文号",
        "日期",
    ):
        assert item in text, item
    assert text.count("- [ ]") >= 6


def test_publishing_refuses_placeholders_before_it_builds():
    wf = _workflow("publish.yml")
    steps = _steps(wf)
    runs = [step.get("run", "") for step in steps]
    check = next(i for i, run in enumerate(runs) if "make publish-check" in run)
    build = next(i for i, run in enumerate(runs) if "make check build" in run)
    assert check < build
    assert "EXPECT_URL=${{ steps.pages.outputs.base_url }}" in runs[check]  # where Pages serves it
    assert not steps[check].get("continue-on-error")
    # the address comes from mkdocs.yml alone: no step overrides it
    assert all("SITE_URL" not in (step.get("env") or {}) for step in steps)
    assert "SITE_URL" not in (wf.get("env") or {})
    makefile = (CHECKOUT / "Makefile").read_text(encoding="utf-8")
    assert re.search(r"^publish-check:.*\n\t\$\(PY\) -m macros publish-check", makefile, re.M)
