# The cache of the values of data/ files: the same portal with or without it, a file's new bytes read again, a
# damaged pack never used, a file with a problem reported in the same words every time, off with PORTAL_DATA_CACHE=0.
from __future__ import annotations

import shutil

import pytest

from macros.data import loader, read_cache
from macros.data.errors import DataError
from macros.data.portal import load_portal
from macros.data.portal_cache import PortalCache
from macros.data.read_cache import ReadCache
from tests.support import ROOT
from tests.support.damaged import DAMAGES, damage


@pytest.fixture
def root(tmp_path):
    """A folder holding a copy of data/ that a test may change."""
    shutil.copytree(ROOT / "data", tmp_path / "root" / "data")
    return tmp_path / "root"


@pytest.fixture
def counted(monkeypatch):
    """The YAML reading, counting the files it reads."""
    read: list[int] = []
    real = loader._read_fast

    def read_fast(text):
        read.append(len(text))
        return real(text)

    monkeypatch.setattr(loader, "_read_fast", read_fast)
    return read


def _dump(portal) -> list:
    return [r.model_dump(mode="json") for r in [*portal.provinces, *portal.notices, *portal.forms, portal.catalogue]]


def _yaml_files(root) -> list:
    return sorted((root / "data").rglob("*.yml"))


def test_a_cached_load_is_the_same_portal_and_reads_no_file(root, tmp_path, counted):
    uncached = load_portal(root, cache=ReadCache(None))
    files = len(counted)
    assert files and files <= len(_yaml_files(root))
    cold = load_portal(root, cache=ReadCache(tmp_path / "cache"))
    assert len(counted) == 2 * files and (tmp_path / "cache" / read_cache.PACK).exists()
    warm = load_portal(root, cache=ReadCache(tmp_path / "cache"))
    assert len(counted) == 2 * files  # every value from the cache
    assert _dump(cold) == _dump(uncached) and _dump(warm) == _dump(uncached)
    assert warm.source_of == uncached.source_of and warm.endings.keys() == uncached.endings.keys()


def test_a_changed_file_is_read_again_with_a_warm_cache(root, tmp_path, counted):
    cache = tmp_path / "cache"
    load_portal(root, cache=ReadCache(cache))
    notice = sorted((root / "data" / "notices").glob("*.yml"))[0]
    text = notice.read_text(encoding="utf-8")
    title = load_portal(root, cache=ReadCache(None)).notice_by_id[notice.stem].title.zh
    notice.write_text(text.replace(title, title + "（改）", 1), encoding="utf-8")
    counted.clear()
    changed = load_portal(root, cache=ReadCache(cache))
    assert changed.notice_by_id[notice.stem].title.zh == title + "（改）"
    assert len(counted) == 1  # only the changed file is read
    notice.write_text(text, encoding="utf-8")
    counted.clear()
    assert load_portal(root, cache=ReadCache(cache)).notice_by_id[notice.stem].title.zh == title
    assert len(counted) == 1  # the pack keeps only the last load's files: the old bytes are read again


@pytest.mark.parametrize("how", DAMAGES)
def test_a_damaged_pack_is_not_used_and_is_written_again(root, tmp_path, counted, how):
    cache = tmp_path / "cache"
    expected = _dump(load_portal(root, cache=ReadCache(cache)))
    files = len(counted)
    damage(cache / read_cache.PACK, how, b"not a table")  # the last: whole by its digest, but not a marshalled table
    counted.clear()
    values_only = PortalCache(None)  # the whole portal, kept beside the values, would be used before them
    assert _dump(load_portal(root, cache=ReadCache(cache), whole=values_only)) == expected
    assert len(counted) == files  # every file read again
    counted.clear()
    assert _dump(load_portal(root, cache=ReadCache(cache), whole=values_only)) == expected
    assert counted == []  # the pack was written again whole


def test_a_file_with_a_problem_gives_the_same_message_with_a_warm_cache(root, tmp_path):
    cache = tmp_path / "cache"
    load_portal(root, cache=ReadCache(cache))
    notice = sorted((root / "data" / "notices").glob("*.yml"))[0]
    text = notice.read_text(encoding="utf-8")
    notice.write_text(text.replace("\nissuer:", "\nissuer: [\n", 1), encoding="utf-8")  # broken YAML
    other = sorted((root / "data" / "notices").glob("*.yml"))[1]
    other.write_text(other.read_text(encoding="utf-8").replace("\ndoc_number:", "\ndoc_numbr:", 1), encoding="utf-8")
    messages = []
    for store in (ReadCache(None), ReadCache(cache), ReadCache(cache)):
        with pytest.raises(DataError) as caught:
            load_portal(root, cache=store)
        messages.append(str(caught.value))
    assert notice.name in messages[0] and other.name in messages[0] and "doc_numbr" in messages[0]
    assert messages[1] == messages[0] and messages[2] == messages[0]


def test_the_key_changes_with_the_bytes_and_the_reading_code(tmp_path):
    raw = (ROOT / "data" / "national.yml").read_bytes()
    key = ReadCache(tmp_path).key(raw)
    assert key == ReadCache(tmp_path).key(raw)
    assert key != ReadCache(tmp_path).key(raw + b"\n# a comment\n")
    assert key != ReadCache(tmp_path, version=b"another reader").key(raw)


def test_the_switch_turns_the_cache_off(monkeypatch):
    monkeypatch.setenv(read_cache.SWITCH, "0")
    assert read_cache.default_cache().folder is None
    monkeypatch.delenv(read_cache.SWITCH)
    assert read_cache.default_cache().folder == read_cache.DEFAULT_FOLDER
