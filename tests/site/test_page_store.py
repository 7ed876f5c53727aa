# The generated pages kept between builds (macros/site/page_store.py): taken only while nothing they are made of
# changed (code, libraries, data/, docs/, settings, produced files' sizes), the same Markdown as rendering them, never
# from a damaged pack, and off with PORTAL_PAGE_CACHE=0. tests/site/test_build.py's whole builds run with it on.
from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from macros.render.pages import page_markdown
from macros.site import page_store
from macros.site.build import Build
from macros.site.page_store import PageStore
from macros.views.language import LANGS
from tests.support import ROOT, site_config


@pytest.fixture
def store_folder(tmp_path, monkeypatch) -> Path:
    folder = tmp_path / "pages"
    monkeypatch.setattr(page_store, "DEFAULT_FOLDER", folder)
    monkeypatch.delenv(page_store.SWITCH, raising=False)
    return folder


def _pages(root: Path, site=None) -> tuple[Build, dict[str, str]]:
    """Every generated page of one build of `root`'s data, the store saved as a build's end saves it."""
    build = Build.load(root, site or site_config())
    pages = {spec.url(lang): build.page_markdown(spec, lang) or "" for spec in build.specs for lang in LANGS}
    assert build.pages is not None
    build.pages.save()
    return build, pages


def _rendered(build: Build) -> dict[str, str]:
    return {spec.url(lang): page_markdown(spec, build.portal, lang) for spec in build.specs for lang in LANGS}


def test_an_unchanged_build_takes_every_page_from_the_store_and_they_are_the_rendered_ones(store_folder):
    first, made = _pages(ROOT)
    assert first.pages is not None and first.pages.rendered == len(made) > 0
    again, kept = _pages(ROOT)
    assert again.pages is not None and again.pages.rendered == 0
    assert kept == made == _rendered(again)


def test_an_edited_data_file_renders_the_pages_again(store_folder, data_root):
    first, _ = _pages(data_root)
    notice = first.portal.notices[0]
    path = data_root / first.portal.source_of[("notice", notice.id)]
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace(notice.title.zh, notice.title.zh + "（修订）", 1), encoding="utf-8")
    edited, pages = _pages(data_root)
    assert edited.pages is not None and edited.pages.rendered == len(pages)
    assert pages == _rendered(edited)
    assert any(notice.title.zh + "（修订）" in markdown for markdown in pages.values())


def test_other_settings_render_the_pages_again(store_folder):
    _pages(ROOT)
    moved = dataclasses.replace(site_config(), url="https://elsewhere.example.cn/")
    build, pages = _pages(ROOT, moved)
    assert build.pages is not None and build.pages.rendered == len(pages)
    assert pages == _rendered(build)


def test_the_key_names_code_data_docs_settings_and_file_sizes(tmp_path):
    def key(settings: object = "s", sizes=(("a.ics", 3),)) -> str:
        return PageStore(tmp_path, ROOT, settings, lambda: sizes).key()

    assert key() == key()
    assert key("other") != key()
    assert key(sizes=(("a.ics", 4),)) != key()
    assert all(n.endswith((".dist-info", ".egg-info")) for n in page_store.installed())
    assert any(n.lower().startswith("jinja2-") for n in page_store.installed())  # a library's version is in the key


@pytest.mark.parametrize("damage", ["truncated", "flipped", "empty"])
def test_each_kind_of_damage_renders_again(store_folder, damage):
    _, made = _pages(ROOT)
    pack = store_folder / page_store.PACK
    raw = pack.read_bytes()
    pack.write_bytes(
        {"truncated": raw[:-100], "flipped": raw[:-5] + bytes([raw[-5] ^ 1]) + raw[-4:], "empty": b""}[damage]
    )
    build, pages = _pages(ROOT)
    assert build.pages is not None and build.pages.rendered == len(pages)
    assert pages == made


def test_an_unwritable_store_does_not_stop_the_build(tmp_path, monkeypatch):
    blocked = tmp_path / "file"
    blocked.write_text("not a folder")
    monkeypatch.setattr(page_store, "DEFAULT_FOLDER", blocked / "pages")
    _, made = _pages(ROOT)  # saving fails quietly: the next build renders again
    build, pages = _pages(ROOT)
    assert build.pages is not None and build.pages.rendered == len(pages) and pages == made


def test_the_switch_turns_the_store_off(store_folder, monkeypatch):
    monkeypatch.setenv(page_store.SWITCH, "0")
    assert page_store.default_folder() is None
    build, pages = _pages(ROOT)
    assert build.pages is not None and build.pages.rendered == 0 and pages
    assert not store_folder.exists()
