# What a `mkdocs serve` process keeps between rebuilds: data files read again only when their bytes change, and the
# portal's answers to what a page asked, compared by digest, so that a page is made again exactly when one of its
# answers changed (tests/site/test_serve.py compares whole served sites with fresh builds).
from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from macros.data.portal import load_portal
from macros.site.features import FEATURES
from macros.site.portal_reads import Fingerprints, TokenValues, recording
from macros.site.serve_session import ServeSession, tree_digests
from tests.support import ROOT, site_config


@pytest.fixture
def data_copy(tmp_path) -> Path:
    shutil.copytree(ROOT / "data", tmp_path / "data")
    return tmp_path


def _retitle(root: Path, portal, notice) -> None:
    path = root / portal.source_of[("notice", notice.id)]
    text = path.read_text(encoding="utf-8")
    edited = text.replace(notice.title.zh, notice.title.zh + "（修订）", 1)
    assert edited != text
    path.write_text(edited, encoding="utf-8")


def test_a_rebuild_reads_again_only_the_files_whose_bytes_changed(data_copy):
    session = ServeSession(data_copy, dirty=True)
    first = session.build(site_config(), FEATURES)
    first.serve.commit()
    edited, kept = first.portal.notices[0], first.portal.notices[1]
    _retitle(data_copy, first.portal, edited)
    again = session.build(site_config(), FEATURES)
    assert again is not first and again.serve is not first.serve
    assert again.portal.notice_by_id[kept.id] is kept  # the same record: its file was not read again
    assert again.portal.notice_by_id[edited.id].title.zh == edited.title.zh + "（修订）"
    assert again.portal.provinces[0] is first.portal.provinces[0]


def test_a_rebuild_after_an_unfinished_one_is_a_full_one(data_copy):
    session = ServeSession(data_copy, dirty=True)
    first = session.build(site_config(), FEATURES)
    first.serve.commit()
    assert session.build(site_config(), FEATURES).serve.full  # no page recorded yet: nothing to skip
    failed = session.build(site_config(), FEATURES)  # the last one never committed
    assert failed.serve.full


def _values(root: Path, portal) -> TokenValues:
    return TokenValues(portal, site_config(), tree_digests(root, ("data", "docs")), lambda path: b"", Fingerprints())


def test_what_a_page_asked_of_the_portal_changes_only_with_the_answers(data_copy):
    portal = load_portal(data_copy)
    notice, other = portal.notices[0], portal.notices[-1]
    view, reads = recording(portal)
    assert view.province_of(notice) == portal.province_of(notice)  # the same answers as the portal itself
    assert view.notice_by_id[notice.id] is notice
    assert list(view.forms) == portal.forms
    assert {token[0] for token in reads} == {"province_of", "notice_by_id", "forms"}
    before = _values(data_copy, portal).digest(reads)
    assert _values(data_copy, portal).digest(reads) == before

    _retitle(data_copy, portal, other)  # a notice the page did not ask about
    assert other.id != notice.id
    assert _values(data_copy, load_portal(data_copy)).digest(reads) == before

    _retitle(data_copy, portal, notice)  # the notice it looked up
    assert _values(data_copy, load_portal(data_copy)).digest(reads) != before


def test_a_field_read_whole_depends_on_every_file_of_its_kind(data_copy):
    portal = load_portal(data_copy)
    view, reads = recording(portal)
    assert len(view.notices) == len(portal.notices)
    before = _values(data_copy, portal).digest(reads)
    _retitle(data_copy, portal, portal.notices[-1])
    assert _values(data_copy, load_portal(data_copy)).digest(reads) != before


def test_known_file_digests_are_read_again_only_when_time_or_size_changed(data_copy):
    known: dict = {}
    first = tree_digests(data_copy, ("data",), known)
    assert first == tree_digests(data_copy, ("data",))  # the same digests as reading every file
    path = next(iter(sorted((data_copy / "data" / "notices").glob("*.yml"))))
    rel = path.relative_to(data_copy).as_posix()
    path.write_text(path.read_text(encoding="utf-8") + "\n# 改\n", encoding="utf-8")
    again = tree_digests(data_copy, ("data",), known)
    assert again[rel] != first[rel] and again == tree_digests(data_copy, ("data",))
    assert {k: v for k, v in again.items() if k != rel} == {k: v for k, v in first.items() if k != rel}
