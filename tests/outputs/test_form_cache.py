# The form files' cache: the same bytes with or without it, served only when whole, keyed by the form's data and
# the writers' code, pruned to the last build's files, off with PORTAL_FORM_CACHE=0; and the form modules' layering.
from __future__ import annotations

import ast
import dataclasses
import inspect
import os

import pytest

from macros.data.read_cache import write_pack
from macros.outputs import form_cache, form_files, form_model
from macros.outputs.form_cache import FormCache, code_sources, code_version, file_key
from macros.views import form_layout
from macros.views import forms as form_pages
from tests.support import damage_entries


@pytest.fixture
def counted(monkeypatch):
    """The writers, counting the files they make."""
    made: list[tuple[str, str, str]] = []
    real = form_files.render_file

    def render(form, meta, fmt, lang):
        made.append((form.id, fmt, lang))
        return real(form, meta, fmt, lang)

    monkeypatch.setattr(form_files, "render_file", render)
    return made


def _entries(folder):
    return FormCache(folder).keys()


def test_cached_files_are_the_bytes_the_writers_make(portal, tmp_path, counted):
    uncached = form_files.form_files(portal, None, cache=FormCache(None))
    assert uncached and len(counted) == len(uncached)
    cold = form_files.form_files(portal, None, cache=FormCache(tmp_path))
    assert len(counted) == 2 * len(uncached)  # nothing cached yet: every file made
    assert len(_entries(tmp_path)) == len(uncached)
    warm = form_files.form_files(portal, None, cache=FormCache(tmp_path))
    assert len(counted) == 2 * len(uncached)  # all served from the cache
    assert cold == uncached and warm == uncached  # same paths, byte-identical files


def test_a_damaged_entry_is_made_again_and_rewritten_never_served(portal, tmp_path, counted):
    expected = form_files.form_files(portal, None, cache=FormCache(tmp_path))
    damaged = damage_entries(tmp_path)
    counted.clear()
    again = form_files.form_files(portal, None, cache=FormCache(tmp_path))
    assert again == expected
    assert len(counted) == len(damaged)
    counted.clear()
    assert form_files.form_files(portal, None, cache=FormCache(tmp_path)) == expected
    assert counted == []  # the damaged entries were rewritten whole


def test_the_cache_keeps_only_the_last_builds_files(portal, tmp_path):
    stale = "0" * 64
    write_pack(tmp_path / form_cache.PACK, form_cache.pack_bytes([(stale, b"d" * 32, b"an entry no build uses")]), "")
    old_entry = tmp_path / f"{'2' * 64}.bin"  # an entry file of the store before its pack
    old_entry.write_bytes(b"an entry of its own")
    left_over = tmp_path / f".{'1' * 64}-abc.part"  # a build that stopped half-way, long ago
    left_over.write_bytes(b"half")
    os.utime(left_over, (0, 0))
    files = form_files.form_files(portal, None, cache=FormCache(tmp_path))
    assert stale not in _entries(tmp_path) and not old_entry.exists() and not left_over.exists()
    assert len(_entries(tmp_path)) == len(files)
    assert not list(tmp_path.glob("*.part"))  # every write was renamed into place
    assert sorted(path.name for path in tmp_path.iterdir()) == [form_cache.PACK]


def test_a_pack_cut_short_keeps_its_whole_entries(portal, tmp_path, counted):
    expected = form_files.form_files(portal, None, cache=FormCache(tmp_path))
    pack = tmp_path / form_cache.PACK
    pack.write_bytes(pack.read_bytes()[:-10])  # the last entry's body cut: it alone is made again
    counted.clear()
    assert form_files.form_files(portal, None, cache=FormCache(tmp_path)) == expected
    assert len(counted) == 1


def test_a_warm_build_does_not_write_the_pack_again(portal, tmp_path):
    form_files.form_files(portal, None, cache=FormCache(tmp_path))
    pack = tmp_path / form_cache.PACK
    os.utime(pack, (0, 0))
    form_files.form_files(portal, None, cache=FormCache(tmp_path))
    assert pack.stat().st_mtime == 0


def test_an_unwritable_cache_does_not_stop_the_build(portal, tmp_path):
    blocked = tmp_path / "not-a-folder"
    blocked.write_text("a file where the cache folder should be")
    assert form_files.form_files(portal, None, cache=FormCache(blocked)) == form_files.form_files(
        portal, None, cache=FormCache(None)
    )


def test_the_switch_turns_the_cache_off(monkeypatch):
    monkeypatch.setenv(form_cache.SWITCH, "0")
    assert form_cache.default_cache().folder is None
    monkeypatch.setenv(form_cache.SWITCH, "1")
    assert form_cache.default_cache().folder == form_cache.DEFAULT_FOLDER
    monkeypatch.delenv(form_cache.SWITCH)
    assert form_cache.default_cache().folder == form_cache.DEFAULT_FOLDER


def test_the_key_changes_with_the_forms_data(portal):
    for form in portal.forms:
        meta = form_model.form_meta(portal, form, "zh")
        key = file_key(form, meta, "docx", "zh")
        assert key == file_key(form, meta, "docx", "zh")
        retitled = form.model_copy(update={"title": form.title.model_copy(update={"zh": form.title.zh + "（改）"})})
        others = {
            file_key(retitled, meta, "docx", "zh"),
            file_key(form.model_copy(update={"updated": form.updated.replace(year=1999)}), meta, "docx", "zh"),
            file_key(form, dataclasses.replace(meta, doc_number=meta.doc_number + "x"), "docx", "zh"),
            file_key(form, meta, "xlsx", "zh"),
            file_key(form, meta, "docx", "en"),
            file_key(form, meta, "docx", "zh", version="another writer"),
        }
        assert key not in others and len(others) == 6


def test_the_key_changes_with_any_code_that_writes_the_files():
    sources = code_sources()
    # every module the writers use, found through their imports (a helper added later is found the same way)
    for module in (
        "macros.outputs.form_docx",
        "macros.outputs.form_xlsx",
        "macros.outputs.docx_xml",
        "macros.outputs.xlsx_print",
        "macros.outputs.packaging",
        "macros.outputs.form_model",
        "macros.views.form_layout",
        "macros.views.language.labels",
        "macros.views.language.languages",
        "macros.data.models",
    ):
        assert module in sources, module
    libraries = {"python-docx": "1", "openpyxl": "1"}
    version = code_version(sources, libraries)
    for module in sources:
        changed = dict(sources, **{module: sources[module] + b"\n# a change\n"})
        assert code_version(changed, libraries) != version, module
    assert code_version(sources, {**libraries, "openpyxl": "2"}) != version
    labels = {"labels": {"filling_notes": {"zh": "填表说明", "en": "Notes"}}}
    assert code_version(sources, libraries, labels) != version
    assert code_version(sources, libraries, labels) != code_version(
        sources, libraries, {"labels": {"filling_notes": {"zh": "填表说明", "en": "Notes on filling in"}}}
    )


def _imports(module) -> set[str]:
    tree = ast.parse(inspect.getsource(module))
    found = {node.module for node in ast.walk(tree) if isinstance(node, ast.ImportFrom) and node.module}
    return found | {alias.name for node in ast.walk(tree) if isinstance(node, ast.Import) for alias in node.names}


def test_the_form_modules_import_each_other_one_way():
    # The writers and the packaging know nothing of the feature module that calls them: no cycle.
    for name in form_cache.WRITERS + ("macros.outputs.packaging", "macros.outputs.form_model"):
        assert "macros.outputs.form_files" not in code_sources([name])
    # The pages and the layout they share with the files import no output module: sizes are passed in.
    for module in (form_pages, form_layout):
        assert not [name for name in _imports(module) if name.startswith("macros.outputs")], module.__name__
