# `mkdocs serve` on a throw-away project copy (a real subprocess on a free port): it watches data/, docs/, overrides/
# and macros/, and while the data is broken every page request gets a page listing the problems (file:line) instead
# of hanging, from the first build on; once the data is fixed the pages come back. `mkdocs build` still aborts
# (tests/site/test_site.py).
from __future__ import annotations

import contextlib
import os
import re
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest
import yaml
from mkdocs.config import load_config

from bench.run import free_port, serve_command, stop_server
from tests.support import ROOT, copy_project, run_build

GIVE_UP_AFTER = 300  # seconds: a bound on waiting for a build on a loaded machine, not a timing assertion


def _get(url: str) -> tuple[int, str]:
    """(status, body); status 0 while nothing answers yet."""
    try:
        with urllib.request.urlopen(url, timeout=GIVE_UP_AFTER) as response:
            return response.status, response.read().decode("utf-8")
    except urllib.error.HTTPError as exc:
        return exc.code, exc.read().decode("utf-8")
    except OSError:
        return 0, ""


def _wait_for(url: str, wanted, server: subprocess.Popen, log: Path) -> tuple[int, str]:
    """Request `url` until `wanted(status, body)`; fail if the server exits or nothing fits in time."""
    deadline = time.monotonic() + GIVE_UP_AFTER
    while True:
        status, body = _get(url)
        if wanted(status, body):
            return status, body
        assert server.poll() is None, "mkdocs serve exited:\n" + log.read_text(encoding="utf-8")[-3000:]
        assert time.monotonic() < deadline, (
            f"no fitting answer from {url} (last: {status})\n" + log.read_text(encoding="utf-8")[-3000:]
        )
        time.sleep(0.5)


def _problem_page(notice: str):
    problem = re.compile(rf"data/notices/{re.escape(notice)}\.yml:\d+:\d+ status: ")
    return lambda status, body: (
        status == 503 and bool(problem.search(body)) and "数据有误" in body and "The data has problems" in body
    )


def _page_of(notice: str):
    return lambda status, body: status == 200 and notice in body and "x-serve-hint" not in body


@contextlib.contextmanager
def _served(project: Path, port: int, log: Path):
    """`mkdocs serve` of `project` on `port`, its output in `log`; stopped on leaving."""
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    with open(log, "w", encoding="utf-8") as out:
        server = subprocess.Popen(
            serve_command(sys.executable, project, port), cwd=project, env=env, stdout=out, stderr=subprocess.STDOUT
        )
        try:
            yield server
        finally:
            stop_server(server)


@pytest.fixture
def broken_project(tmp_path):
    project = copy_project(tmp_path / "project")
    notice = sorted((project / "data" / "notices").glob("*.yml"))[0]
    good = notice.read_text(encoding="utf-8")
    bad, count = re.subn(r"(?m)^status: \w+$", "status: lapsed", good)
    assert count == 1
    return project, notice, good, bad


def test_serve_shows_the_problems_while_data_is_broken_and_the_page_once_fixed(broken_project, tmp_path):
    project, notice, good, bad = broken_project
    notice.write_text(bad, encoding="utf-8")  # broken from the first build on
    port = free_port()
    url = f"http://127.0.0.1:{port}/notices/{notice.stem}/"
    log = tmp_path / "serve.log"
    with _served(project, port, log) as server:
        _, body = _wait_for(url, _problem_page(notice.stem), server, log)
        assert "Traceback" not in log.read_text(encoding="utf-8")
        assert "<script>" in body  # mkdocs' live reload: the page reloads once a rebuild succeeds
        assert _get(f"http://127.0.0.1:{port}/en/")[0] == 503  # every page, in both languages

        notice.write_text(good, encoding="utf-8")  # fixed: the page comes back
        _wait_for(url, _page_of(notice.stem), server, log)

        notice.write_text(bad, encoding="utf-8")  # broken again on a rebuild: the problems, not a hang
        _wait_for(url, _problem_page(notice.stem), server, log)
        notice.write_text(good, encoding="utf-8")
        _wait_for(url, _page_of(notice.stem), server, log)


def test_serve_watches_data_docs_overrides_and_macros(tmp_path):
    config = load_config(str(ROOT / "mkdocs.yml"), site_dir=str(tmp_path / "site"))
    watched = {Path(p).resolve() for p in config.watch} | {Path(config.docs_dir).resolve()}
    assert {ROOT / name for name in ("data", "docs", "overrides", "macros")} <= watched


def test_the_build_command_is_left_as_it_was():
    """Only `mkdocs serve` builds through the guard; `mkdocs build` aborts on bad data as before."""
    from mkdocs.commands import build, serve

    from macros.site import serve_errors

    serve_errors.on_startup("build", ROOT)
    assert serve.build is build.build


# ---------------------------------------------------------------- `mkdocs serve --dirty`: the served site after an edit


class DirtyServe:
    """The rebuilds of one `mkdocs serve --dirty` process (tests/support/dirty_serve.py), one per `rebuild()`."""

    def __init__(self, project: Path, site: Path, log: Path):
        self.project, self.site, self.log = project, site, log
        self._out = open(log, "w", encoding="utf-8")  # noqa: SIM115  (written by the process until close)
        self._process = subprocess.Popen(
            [sys.executable, str(ROOT / "tests" / "support" / "dirty_serve.py"), str(project), str(site)],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=self._out,
            text=True,
        )
        self._answer()

    def _answer(self) -> None:
        assert self._process.stdout is not None
        line = self._process.stdout.readline().strip()
        assert line == "built", "the rebuild failed:\n" + self.log.read_text(encoding="utf-8")[-3000:]

    def rebuild(self) -> None:
        assert self._process.stdin is not None
        self._process.stdin.write("rebuild\n")
        self._process.stdin.flush()
        self._answer()

    def close(self) -> None:
        assert self._process.stdin is not None
        self._process.stdin.close()
        self._process.wait(timeout=GIVE_UP_AFTER)
        self._out.close()


def _tree(folder: Path) -> dict[str, bytes]:
    # without the Pagefind bundle: under serve it is made beside the reload (test_serve_search_finds_an_edit checks it)
    files = (
        p for p in folder.rglob("*") if p.is_file() and not p.relative_to(folder).as_posix().startswith("pagefind/")
    )
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in files}


def _same_as_a_fresh_build(serve: DirtyServe, tmp_path: Path, name: str) -> None:
    fresh = tmp_path / f"fresh-{name}"
    result = run_build(serve.project, fresh)
    assert result.returncode == 0, result.stderr[-3000:]
    served, built = _tree(serve.site), _tree(fresh)
    assert sorted(served) == sorted(built), (
        f"after {name}: only served {sorted(set(served) - set(built))[:10]}, "
        f"only built {sorted(set(built) - set(served))[:10]}"
    )
    differ = [path for path in built if served[path] != built[path]]
    assert not differ, f"after {name}: {len(differ)} files differ from a fresh build, e.g. {differ[:10]}"


def _retitle(path: Path, words: str) -> None:
    """Add `words` to the Chinese title of a data file (written back as YAML, comments dropped)."""
    record = yaml.safe_load(path.read_text(encoding="utf-8"))
    record["title"]["zh"] += words
    path.write_text(yaml.safe_dump(record, allow_unicode=True, sort_keys=False), encoding="utf-8")


def _written_pages(project: Path) -> list[str]:
    """The site path of each hand-written page (docs/guide/fees.md -> guide/fees/index.html, .en.md under en/)."""
    docs = project / "docs"
    pages = []
    for md in sorted(docs.rglob("*.md")):
        rel = md.relative_to(docs).as_posix()
        lang = "en/" if rel.endswith(".en.md") else ""
        stem = rel.removesuffix(".en.md").removesuffix(".md")
        folder = stem.rpartition("/")[0] if stem == "index" or stem.endswith("/index") else stem
        pages.append(f"{lang}{folder}/index.html" if folder else f"{lang}index.html")
    return pages


def _times(site: Path) -> dict[str, int]:
    return {p.relative_to(site).as_posix(): p.stat().st_mtime_ns for p in site.rglob("*.html")}


@pytest.mark.slow
def test_dirty_serve_after_each_edit_is_a_fresh_build_byte_for_byte(tmp_path):
    project = copy_project(tmp_path / "project")
    notices = sorted((project / "data" / "notices").glob("*.yml"))
    dated = next(p for p in notices if re.search(r"(?m)^    end: \d{4}-\d\d-\d\d$", p.read_text(encoding="utf-8")))
    serve = DirtyServe(project, tmp_path / "site", tmp_path / "serve.log")
    try:
        _edit_and_compare(serve, project, notices, dated, tmp_path)
    finally:
        serve.close()


def _edit_and_compare(serve: DirtyServe, project: Path, notices: list[Path], dated: Path, tmp_path: Path) -> None:
    _same_as_a_fresh_build(serve, tmp_path, "the first build")

    # a deadline moves: its notice, calendars, .ics feeds, the home page and the province's pages change
    before = _times(serve.site)
    text = dated.read_text(encoding="utf-8")
    end = re.search(r"(?m)^    end: (\d{4})-(\d\d)-(\d\d)$", text)
    assert end
    moved = f"    end: {int(end[1]) + 1}-{end[2]}-{min(int(end[3]), 28):02d}"
    dated.write_text(text[: end.start()] + moved + text[end.end() :], encoding="utf-8")
    serve.rebuild()
    _same_as_a_fresh_build(serve, tmp_path, "a deadline edit")
    after = _times(serve.site)
    rewritten = {path for path in after if after[path] != before.get(path)}
    untouched = [p.stem for p in notices if p != dated and f"notices/{p.stem}/index.html" not in rewritten]
    assert untouched, f"every notice page was made again after an edit to {dated.name} alone"
    assert f"notices/{dated.stem}/index.html" in rewritten and f"en/notices/{dated.stem}/index.html" in rewritten
    kept = {"404.html", "en/404.html"} & rewritten  # they read no data: only a full rebuild makes them again
    assert not kept, f"a data edit made the page-not-found pages again: {sorted(kept)}"

    # a notice added, then one removed
    added = project / "data" / "notices" / f"{dated.stem}-copy.yml"
    added.write_text(
        re.sub(r"(?m)^id: .*$", f"id: {added.stem}", dated.read_text(encoding="utf-8"), count=1), encoding="utf-8"
    )
    serve.rebuild()
    _same_as_a_fresh_build(serve, tmp_path, "a notice added")
    added.unlink()
    serve.rebuild()
    _same_as_a_fresh_build(serve, tmp_path, "a notice removed")

    # a notice's title: its forms' files (which print it) and so the sizes their form pages show may change; the
    # hand-written pages that name the notice read it through their macros
    forms = sorted((project / "data" / "forms").glob("*.yml"))
    if forms:
        form = forms[0]
        owner = yaml.safe_load(form.read_text(encoding="utf-8"))["notice"]
        _retitle(project / "data" / "notices" / f"{owner}.yml", "甲乙丙丁")
        serve.rebuild()
        _same_as_a_fresh_build(serve, tmp_path, "a title edit of a notice with forms")

        # a form's own title: its files, its page and the forms catalogue; a hand-written page that reads nothing of
        # the form is left as it was
        before = _times(serve.site)
        _retitle(form, "戊己")
        serve.rebuild()
        _same_as_a_fresh_build(serve, tmp_path, "a form edit")
        after = _times(serve.site)
        written = _written_pages(project)
        assert any(after[page] == before[page] for page in written), f"every page of docs/ was made again: {written}"

    # a hand-written page: the data is unchanged (its specs and files are kept), the page is made again
    written = project / "docs" / "about.md"
    written.write_text(written.read_text(encoding="utf-8") + "\nx-serve-docs-edit\n", encoding="utf-8")
    serve.rebuild()
    _same_as_a_fresh_build(serve, tmp_path, "a docs edit")
    assert "x-serve-docs-edit" in (serve.site / "about" / "index.html").read_text(encoding="utf-8")

    # a template: everything is made again
    template = project / "overrides" / "fragments" / "notice.html"
    template.write_text(template.read_text(encoding="utf-8") + "\n<p>x-serve-template-edit</p>\n", encoding="utf-8")
    serve.rebuild()
    _same_as_a_fresh_build(serve, tmp_path, "a template edit")
    assert "x-serve-template-edit" in (serve.site / "notices" / dated.stem / "index.html").read_text(encoding="utf-8")


@pytest.mark.browser
def test_serve_search_finds_an_edit(tmp_path, browser):
    """Under `mkdocs serve` Pagefind indexes beside the reload: a word added to a notice's title is found by the
    search box once the index is made again (macros/site/search.py Background)."""
    from playwright.sync_api import expect

    from tests.support.site_search import SiteSearch

    project = copy_project(tmp_path / "project")
    notice = sorted((project / "data" / "notices").glob("*.yml"))[0]
    good = notice.read_text(encoding="utf-8")
    marked, count = re.subn(r"(?m)^(title:\n  zh: )(.*)$", r"\1\2 zqxmarker", good)
    assert count == 1
    port = free_port()
    root = f"http://127.0.0.1:{port}/"
    log = tmp_path / "serve.log"
    with _served(project, port, log) as server:
        context = browser.new_context()
        try:
            _wait_for(root + "pagefind/pagefind-entry.json", lambda status, _: status == 200, server, log)
            notice.write_text(marked, encoding="utf-8")
            _wait_for(root + f"notices/{notice.stem}/", lambda status, body: "zqxmarker" in body, server, log)
            deadline = time.monotonic() + GIVE_UP_AFTER
            while True:  # the page is served before its index: search again until the index has it
                search = SiteSearch(context.new_page(), root)
                if f"notices/{notice.stem}/" in search.pages_for("zqxmarker", "paste"):
                    break
                search.page.close()
                assert time.monotonic() < deadline, log.read_text(encoding="utf-8")[-3000:]
                time.sleep(1)
            expect(search.meta).not_to_have_text(search.ready_text)
            assert "Traceback" not in log.read_text(encoding="utf-8")
        finally:
            context.close()
