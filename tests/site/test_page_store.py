# The generated pages kept between builds (macros/site/page_store.py): all taken while nothing they are made of
# changed (data/, docs/, produced files' sizes), after an edit only those whose spec and answers are the same, none
# when the code, the libraries or the settings changed; always the same Markdown as rendering them, in another
# process too, never from a damaged pack, and off with PORTAL_PAGE_CACHE=0. tests/site/test_build.py's whole builds
# run with it on.
from __future__ import annotations

import dataclasses
import os
import pickle
import re
import subprocess
import sys
from pathlib import Path

import pytest

from macros.data.read_cache import write_pack
from macros.render.pages import page_markdown
from macros.site import page_store
from macros.site.build import Build
from macros.site.page_store import PageStore
from macros.views.language import LANGS
from tests.support import ROOT, run_build, site_config


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


def _retitle(root: Path, portal, notice) -> None:
    path = root / portal.source_of[("notice", notice.id)]
    text = path.read_text(encoding="utf-8")
    edited = text.replace(notice.title.zh, notice.title.zh + "（修订）", 1)
    assert edited != text
    path.write_text(edited, encoding="utf-8")


def test_an_edited_notice_renders_again_the_pages_that_show_it_and_only_those(store_folder, data_root):
    first, before = _pages(data_root)
    notice = first.portal.notices[-1]
    _retitle(data_root, first.portal, notice)
    edited, pages = _pages(data_root)
    assert pages == _rendered(edited)  # the kept pages are the ones rendering gives
    changed = {url for url in pages if pages[url] != before[url]}
    assert edited.pages is not None and 0 < len(changed) <= edited.pages.rendered < len(pages)
    assert f"notices/{notice.id}/" in changed and any("（修订）" in pages[url] for url in changed)
    _, again = _pages(data_root)  # the store now holds the edited pages
    assert again == pages


def test_a_page_is_rendered_again_when_a_file_whose_size_it_shows_changes(store_folder, data_root):
    produced = {"forms/a.docx": b"1234"}

    def store(sizes) -> PageStore:
        build = Build.load(data_root, site_config())  # for its portal: the pages here are made up
        return PageStore(store_folder, data_root, "s", lambda: sizes, build.portal, produced.__getitem__)

    def page(kept: PageStore, url: str, spec: str, shows_size: bool) -> str:
        def render(portal) -> str:
            if shows_size:
                kept.file_size_read("forms/a.docx")
            return f"{spec} {len(produced['forms/a.docx'])}"

        return kept.page_markdown(url, spec, render)

    first = store([("forms/a.docx", 4)])
    assert page(first, "a/", "spec", True) == page(first, "b/", "spec", False) == "spec 4"
    first.save()
    produced["forms/a.docx"] = b"123456"
    again = store([("forms/a.docx", 6)])
    assert page(again, "a/", "spec", True) == "spec 6"  # rendered again: it shows the size
    assert page(again, "b/", "spec", False) == "spec 4"  # kept: it does not (so its text is the kept one)
    assert page(again, "c/", "other", False) == "other 6"  # a new page
    assert again.rendered == 2


def test_a_page_with_another_spec_is_rendered_again(store_folder, data_root):
    portal = Build.load(data_root, site_config()).portal
    first = PageStore(store_folder, data_root, "s", list, portal, bytes)
    assert first.page_markdown("a/", {"shows": 1}, lambda p: "one") == "one"
    first.save()
    _retitle(data_root, portal, portal.notices[0])  # not the same data: the spec is compared
    again = PageStore(store_folder, data_root, "s", list, portal, bytes)
    assert again.page_markdown("a/", {"shows": 2}, lambda p: "two") == "two"
    assert again.page_markdown("a/", {"shows": 1}, lambda p: "one again") == "one"


_OTHER_PROCESS = """
import sys
from pathlib import Path
sys.path.insert(0, {root!r})
from macros.site import page_store
from macros.site.build import Build
from macros.views.language import LANGS
from tests.support import site_config
page_store.DEFAULT_FOLDER = Path({folder!r})
build = Build.load(Path({data!r}), site_config())
for spec in build.specs:
    for lang in LANGS:
        build.page_markdown(spec, lang)
build.pages.save()
print(build.pages.rendered)
"""


def test_pages_kept_by_another_process_are_taken_after_an_edit(store_folder, data_root):
    # a build is its own process: what a page asked must name the same things in the next one (strings hash anew)
    script = _OTHER_PROCESS.format(root=str(ROOT), folder=str(store_folder), data=str(data_root))
    env = {**os.environ, "PYTHONHASHSEED": "1"}
    made = subprocess.run([sys.executable, "-c", script], env=env, capture_output=True, text=True, check=True)
    assert int(made.stdout) > 0
    portal = Build.load(data_root, site_config()).portal
    _retitle(data_root, portal, portal.notices[-1])
    env["PYTHONHASHSEED"] = "2"
    again = subprocess.run([sys.executable, "-c", script], env=env, capture_output=True, text=True, check=True)
    assert 0 < int(again.stdout) < int(made.stdout)  # the pages that do not show the notice were taken


def test_other_settings_render_the_pages_again(store_folder):
    _pages(ROOT)
    moved = dataclasses.replace(site_config(), url="https://elsewhere.example.cn/")
    build, pages = _pages(ROOT, moved)
    assert build.pages is not None and build.pages.rendered == len(pages)
    assert pages == _rendered(build)


def test_the_key_names_code_and_settings_and_the_inputs_data_docs_and_file_sizes(tmp_path):
    def store(settings: object = "s", sizes=(("a.ics", 3),)) -> PageStore:
        return PageStore(tmp_path, ROOT, settings, lambda: sizes)

    assert store().key() == store().key()
    assert store("other").key() != store().key()
    assert store().inputs() == store().inputs()
    assert store(sizes=(("a.ics", 4),)).inputs() != store().inputs()
    assert store(sizes=(("a.ics", 4),)).key() == store().key()  # a page follows the sizes it shows
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


def _stored(pack: Path) -> tuple[bytes, str, dict[str, bytes]]:
    """A pack's head (its digest and key), inputs and pages, as page_store writes them."""
    raw = pack.read_bytes()
    start = raw.index(b"\x80", page_store._DIGEST)  # the pickle's first byte, after the key (text)
    inputs, pages = pickle.loads(raw[start:])
    return raw[page_store._DIGEST : start], inputs, pages


def test_a_kept_page_that_does_not_load_is_rendered_again_and_the_others_taken(store_folder):
    _, made = _pages(ROOT)
    pack = store_folder / page_store.PACK
    key, inputs, pages = _stored(pack)
    broken = sorted(pages)[0]
    pages[broken] = b"not a pickle"
    body = key + pickle.dumps((inputs, pages), protocol=pickle.HIGHEST_PROTOCOL)
    write_pack(pack, body, "")
    build, again = _pages(ROOT)
    assert build.pages is not None and build.pages.rendered == 1 and again == made
    assert _stored(pack)[2][broken] != b"not a pickle"  # written back as rendered


def test_a_save_after_an_edit_pickles_only_the_pages_it_rendered(store_folder, data_root, monkeypatch):
    first, _ = _pages(data_root)
    _, _, before = _stored(store_folder / page_store.PACK)
    _retitle(data_root, first.portal, first.portal.notices[-1])
    build = Build.load(data_root, site_config())
    for spec in build.specs:
        for lang in LANGS:
            build.page_markdown(spec, lang)
    assert build.pages is not None and build.pages.rendered > 0
    pickled = []
    dumps = pickle.dumps
    monkeypatch.setattr(page_store.pickle, "dumps", lambda value, **kw: pickled.append(value) or dumps(value, **kw))
    build.pages.save()
    monkeypatch.undo()
    assert len(pickled) == build.pages.rendered + 1  # each page rendered again, then the pack around them
    _, _, after = _stored(store_folder / page_store.PACK)
    taken = [url for url in after if after[url] == before.get(url)]
    assert len(taken) == len(after) - build.pages.rendered  # every other page: the bytes the build read


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


def _tree(site: Path) -> dict[str, bytes]:
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in sorted(site.rglob("*")) if p.is_file()}


@pytest.mark.slow
def test_a_whole_build_after_edits_is_byte_for_byte_a_build_without_the_stores(project, tmp_path):
    # the pages kept from the build before the edits and the records of the files it read, against nothing kept
    assert run_build(project, tmp_path / "before").returncode == 0
    notice = sorted((project / "data" / "notices").glob("*.yml"))[-1]
    text = notice.read_text(encoding="utf-8")
    retitled, count = re.subn(r"(?m)^(title:\n  zh: )(.*)$", r"\g<1>\g<2>（修订）", text, count=1)
    assert count == 1, f"no zh title line in {notice}"
    notice.write_text(retitled, encoding="utf-8")
    form = sorted((project / "data" / "forms").glob("*.yml"))[0]  # its files change size, and the pages showing them
    form_text = form.read_text(encoding="utf-8")
    assert "title: {zh: " in form_text, f"no inline title in {form}"
    form.write_text(form_text.replace("title: {zh: ", "title: {zh: 修订的", 1), encoding="utf-8")
    edited = run_build(project, tmp_path / "edited")
    assert edited.returncode == 0, edited.stdout + edited.stderr
    fresh = run_build(project, tmp_path / "fresh", PORTAL_PAGE_CACHE="0", PORTAL_DATA_CACHE="0")
    assert fresh.returncode == 0, fresh.stdout + fresh.stderr
    after, expected = _tree(tmp_path / "edited"), _tree(tmp_path / "fresh")
    assert after.keys() == expected.keys()
    assert [path for path in after if after[path] != expected[path]] == []
    before = _tree(tmp_path / "before")
    assert any(before.get(path) != after[path] for path in after if path.startswith("notices/"))
