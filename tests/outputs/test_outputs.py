# The files the data produces (forms, .ics, Atom): the same bytes whether made in this process or in the forked
# child, sizes available before the build writes them, and a failing producer reported, not lost with the child.
from __future__ import annotations

import multiprocessing
import os

import pytest

from macros.data.portal import load_portal
from macros.outputs import feed, form_files, ics, outputs  # noqa: F401  (the feature modules register their producers)
from macros.views import pages
from tests.support import ROOT, site_config


@pytest.fixture
def producers(monkeypatch):
    """PRODUCERS that a test may change without affecting the others."""
    monkeypatch.setattr(outputs, "PRODUCERS", list(outputs.PRODUCERS))
    yield outputs.PRODUCERS
    outputs.abandon()


@pytest.fixture(scope="module")
def inline_files(portal):
    return outputs.BuildWork(portal, site_config("https://example.org/1x/")).all_files()


def test_every_feature_produces_files(inline_files):
    kinds = {path.rsplit(".", 1)[-1] for path in inline_files}
    assert {"docx", "xlsx", "ics", "xml"} <= kinds


# The build forks only when it is single-threaded (can_fork); these tests fork whatever threads earlier tests left
# running, which is safe here: the child only runs the producers.
needs_fork = pytest.mark.skipif("fork" not in multiprocessing.get_all_start_methods(), reason="no fork here")


@needs_fork
def test_the_child_process_makes_the_same_files_and_pages(portal, inline_files):
    build = outputs.BuildWork(portal, site_config("https://example.org/1x/"))
    build.start_child()
    assert build.all_files() == inline_files
    english = build.ahead(pages.OTHER_LANGUAGE_PAGES)
    assert build._child is None  # everything received: joined
    assert english == pages.other_language_pages(portal)
    assert "notices/hunan-2022-80.en.md" in english and "forms/index.en.md" in english


@pytest.mark.parametrize("background", [False, True])
def test_sizes_come_from_the_first_producer_without_waiting_for_the_rest(portal, producers, background):
    if background and "fork" not in multiprocessing.get_all_start_methods():
        pytest.skip("no fork here")
    slow_calls = []

    def slow(portal, site_url):
        slow_calls.append(1)
        return {"x/late.bin": b"12345"}

    producers.append(slow)
    outputs.begin(portal, site_config(), background=background)
    form_path = next(iter(producers[0](portal, None)))
    assert outputs.file_size(portal, form_path) == len(producers[0](portal, None)[form_path])
    if not background:
        assert slow_calls == []  # made on demand: the sizes needed only the forms
    assert outputs.file_size(portal, "x/late.bin") == 5


@pytest.mark.parametrize("background", [False, True])
def test_a_failing_producer_is_reported_with_its_message(portal, producers, tmp_path, background):
    if background and "fork" not in multiprocessing.get_all_start_methods():
        pytest.skip("no fork here")

    def broken(portal, site_url):
        raise ValueError("province id 'all' clashes with the feed calendar/feeds/all.ics")

    producers.append(broken)
    outputs.begin(portal, site_config(), background=background)
    with pytest.raises(outputs.OutputError, match=r"clashes with the feed calendar/feeds/all\.ics"):
        outputs.write_outputs(portal, str(tmp_path), site_config())
    assert not any(tmp_path.iterdir())  # nothing half-written


@needs_fork
def test_a_child_that_dies_is_an_error_not_a_hang(portal, producers, tmp_path):
    producers.insert(0, lambda portal, site_url: os._exit(3))
    outputs.begin(portal, site_config(), background=True)
    with pytest.raises(outputs.OutputError, match="exit code 3"):
        outputs.write_outputs(portal, str(tmp_path), site_config())


def test_two_producers_writing_one_path_is_an_error(portal, producers):
    producers.append(lambda portal, site_url: {"calendar/feeds/all.ics": b""})
    with pytest.raises(outputs.OutputError, match=r"two producers write calendar/feeds/all\.ics"):
        outputs.collect(portal, site_config())


def test_files_are_made_again_for_a_new_portal_or_site_url(portal, producers, tmp_path):
    outputs.begin(portal, site_config(), background=False)
    other = load_portal(ROOT)
    outputs.write_outputs(other, str(tmp_path), site_config("https://example.org/other/"))
    text = (tmp_path / "calendar/feeds/all.ics").read_bytes().decode().replace("\r\n ", "")
    assert "https://example.org/other/notices/" in text


def test_no_fork_while_another_thread_runs():
    import threading

    release = threading.Event()
    thread = threading.Thread(target=release.wait)
    thread.start()
    try:
        assert not outputs.can_fork()  # as in `mkdocs serve`, whose rebuilds make the files in-process
    finally:
        release.set()
        thread.join()


def test_sizes_after_the_files_are_written_need_no_second_run(portal, producers, tmp_path):
    # static-i18n renders the English pages after the hooks' on_post_build has written the files
    calls = []
    first = producers[0]

    def counted(portal, site_url):
        calls.append(1)
        return first(portal, site_url)

    producers[0] = counted
    outputs.begin(portal, site_config(), background=False)
    path = next(iter(first(portal, None)))
    outputs.write_outputs(portal, str(tmp_path), site_config())
    assert outputs.file_size(portal, path) == (tmp_path / path).stat().st_size
    assert calls == [1]


@needs_fork
def test_the_child_makes_each_file_once_even_for_the_pages_it_renders(portal, producers, tmp_path):
    # the child renders the other language's form pages, which show file sizes: it must use its own results
    first = producers[0]
    log = tmp_path / "calls"

    def counted(portal, site_url):
        with open(log, "a") as handle:
            handle.write(f"{os.getpid()}\n")
        return first(portal, site_url)

    producers[0] = counted
    outputs.begin(portal, site_config(), background=True)
    build = outputs.current(portal)
    build.ahead(pages.OTHER_LANGUAGE_PAGES)
    build.all_files()
    assert len(log.read_text().split()) == 1
    assert log.read_text().split() != [str(os.getpid())]  # made by the child
