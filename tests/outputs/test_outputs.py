# The files the data produces (forms, .ics, Atom) in one build: every feature's producer runs once per build, the
# form pages read their sizes from the same files the build writes, two producers writing one path is an error, and
# a failing producer is a build error with its message and nothing half-written.
from __future__ import annotations

import dataclasses

import pytest

from macros.data.portal import load_portal
from macros.outputs.outputs import OutputError, SiteFiles
from macros.site.build import Build
from macros.site.features import FEATURES, Feature
from macros.views import language
from tests.support import ROOT, site_config


def _counted(features, calls: list):
    """The features with each producer counting its runs in `calls`."""

    def counting(produce):
        def produce_counted(portal, site):
            calls.append(produce.__name__)
            return produce(portal, site)

        return produce_counted

    return [dataclasses.replace(f, files=counting(f.files)) if f.files else f for f in features]


def test_every_feature_produces_files(portal):
    files = Build(portal, site_config("https://example.org/1x/")).files.all()
    kinds = {path.rsplit(".", 1)[-1] for path in files}
    assert {"docx", "xlsx", "ics", "xml"} <= kinds


def test_each_producer_runs_once_per_build_for_both_languages_pages_and_the_written_files(portal, tmp_path):
    calls: list = []
    build = Build(portal, site_config(), _counted(FEATURES, calls))
    form_pages = [s for s in build.specs if s.kind == "forms"]
    assert form_pages, "the data holds forms"
    for spec in form_pages:
        for lang in language.LANGS:
            build.page_markdown(spec, lang)  # shows the files' sizes
    written = build.files.write(tmp_path)
    assert sorted(calls) == sorted(f.files.__name__ for f in FEATURES if f.files)  # each once
    assert written == sum(1 for p in tmp_path.rglob("*") if p.is_file())


def test_form_pages_show_the_sizes_of_the_files_written(portal, tmp_path):
    build = Build(portal, site_config())
    build.files.write(tmp_path)
    for spec in build.specs:
        for download in spec.context.get("downloads", ()):
            assert download.size == (tmp_path / download.path).stat().st_size


def test_two_producers_writing_one_path_is_an_error(portal, tmp_path):
    clash = Feature("clash", files=lambda portal, site: {"calendar/feeds/all.ics": b""})
    build = Build(portal, site_config(), [*FEATURES, clash])
    with pytest.raises(OutputError, match=r"two producers write calendar/feeds/all\.ics"):
        build.files.write(tmp_path)
    assert not any(tmp_path.iterdir())  # nothing half-written


def test_a_failing_producer_is_an_error_with_its_message_and_nothing_is_written(portal, tmp_path):
    def broken(portal, site):
        raise ValueError("province id 'all' clashes with the feed calendar/feeds/all.ics")

    build = Build(portal, site_config(), [*FEATURES, Feature("broken", files=broken)])
    with pytest.raises(OutputError, match=r"broken: province id 'all' clashes with the feed calendar/feeds/all\.ics"):
        build.files.write(tmp_path)
    assert not any(tmp_path.iterdir())


def test_a_size_no_producer_writes_is_a_key_error(portal):
    with pytest.raises(KeyError, match=r"no producer writes x/none\.bin"):
        SiteFiles(portal, site_config(), []).size("x/none.bin")


def test_each_build_makes_its_own_files_for_its_own_site_url(portal, tmp_path):
    Build(portal, site_config()).files.all()
    Build(load_portal(ROOT), site_config("https://example.org/other/")).files.write(tmp_path)
    feed = (tmp_path / "calendar/feeds/all.ics").read_bytes().decode().replace("\r\n ", "")
    assert "https://example.org/other/notices/" in feed
