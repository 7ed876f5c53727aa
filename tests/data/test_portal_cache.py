# The cache of the whole loaded portal: a hit gives an equal portal without validating or checking anything, any change
# to the files or the code misses, a damaged pack is never used, a load with problems is never kept, off with the switch.
from __future__ import annotations

import shutil

import pytest

from macros.data import portal as portal_module
from macros.data import portal_cache, read_cache
from macros.data.errors import DataError
from macros.data.portal import data_files, load_portal
from macros.data.portal_cache import PortalCache
from macros.data.read_cache import ReadCache
from tests.support import ROOT
from tests.support.damaged import DAMAGES, damage


@pytest.fixture
def root(data_root):
    return data_root  # a copy of data/ that a test may change; the caches go beside it, in tmp_path


@pytest.fixture
def validated(monkeypatch):
    """The records each load validates and the loads that ran the checks across files."""
    seen: dict[str, list] = {"records": [], "checks": []}
    to_model, plausible = portal_module.to_model, portal_module.check_plausibility

    def counting_to_model(doc, *args, **kwargs):
        seen["records"].append(doc.file)
        return to_model(doc, *args, **kwargs)

    def counting_plausibility(*args, **kwargs):
        seen["checks"].append(1)
        return plausible(*args, **kwargs)

    monkeypatch.setattr(portal_module, "to_model", counting_to_model)
    monkeypatch.setattr(portal_module, "check_plausibility", counting_plausibility)
    return seen


def _load(root, folder, **kwargs):
    return load_portal(root, cache=ReadCache(folder / "values"), whole=PortalCache(folder / "portal"), **kwargs)


def _state(portal) -> dict:
    """Everything a page can ask of a portal, as plain values: the records, their order, the lookups, the endings."""
    dump = [r.model_dump(mode="json") for r in [*portal.provinces, *portal.notices, *portal.forms, *portal.referenced]]
    levels = portal.provinces + ([portal.national] if portal.national else [])
    return {
        "records": dump,
        "national": portal.national.model_dump(mode="json") if portal.national else None,
        "catalogue": portal.catalogue.model_dump(mode="json") if portal.catalogue else None,
        "source_of": portal.source_of,
        "lookups": [sorted(portal.province_by_id), sorted(portal.issuer_by_id), sorted(portal.form_by_id)],
        "by_level": {p.id: [n.id for n in portal.notices_in(p.id)] for p in levels},
        "endings": {k: [(e.by.id, e.target.id, e.from_) for e in v] for k, v in portal.endings.items()},
        "endings_by": {n.id: [(e.by.id, e.target.id) for e in portal.endings_by(n)] for n in portal.notices},
        "province_of": {n.id: portal.province_of(n).id for n in portal.notices},
    }


def _notice(root):
    return sorted((root / "data" / "notices").glob("*.yml"))[0]


def test_a_hit_is_an_equal_portal_that_validates_nothing(root, tmp_path, validated):
    expected = _state(load_portal(root, cache=ReadCache(None), whole=PortalCache(None)))
    cold = _load(root, tmp_path)
    assert validated["records"] and validated["checks"] == [1, 1]
    assert (tmp_path / "portal" / portal_cache.PACK).exists()
    validated["records"].clear()
    warm = _load(root, tmp_path)
    assert validated["records"] == [] and validated["checks"] == [1, 1]  # neither models nor checks ran
    assert _state(cold) == expected and _state(warm) == expected
    assert warm.notices == cold.notices and warm.catalogue == cold.catalogue and warm.endings == cold.endings
    # an ending names the very notice objects the portal holds, as in a load that validated them
    assert all(e.by is warm.notice_by_id[e.by.id] for found in warm.endings.values() for e in found)
    assert all(e.target is warm.notice_by_id[e.target.id] for found in warm.endings.values() for e in found)


def _change_a_byte(root):
    notice = _notice(root)
    notice.write_bytes(notice.read_bytes() + b"\n# checked again\n")
    return [notice.relative_to(root).as_posix()]


def _add_a_file(root):
    notice = _notice(root)
    shutil.copy(notice, notice.parent / "zz-added.yml")  # its id does not match its name: a problem


def _add_a_valid_file(root):
    notice = _notice(root)
    copy = notice.parent / f"{notice.stem}-copy.yml"
    copy.write_text(notice.read_text(encoding="utf-8").replace(f"id: {notice.stem}\n", f"id: {copy.stem}\n", 1))
    return [copy.relative_to(root).as_posix()]


def _delete_a_file(root):
    referenced = sorted((root / "data" / "referenced").glob("*.yml"))
    forms = sorted((root / "data" / "forms").glob("*.yml"))
    (referenced or forms)[-1].unlink()
    return []


def _rename_a_folder_file(root):
    catalogue = root / "data" / "certificates.yml"
    catalogue.rename(root / "data" / "certificates.yaml")  # no longer the catalogue: the load reads another set
    return []  # not read at all now (only certificates.yml is the catalogue)


@pytest.mark.parametrize(
    "change", [_change_a_byte, _add_a_valid_file, _delete_a_file, _rename_a_folder_file], ids=lambda f: f.__name__
)
def test_a_change_to_the_files_misses(root, tmp_path, validated, change):
    _load(root, tmp_path)
    before = PortalCache(tmp_path / "portal").key(data_files(root))
    new = change(root)
    validated["records"].clear()
    try:
        changed = _state(_load(root, tmp_path))
    except DataError as exc:
        changed = str(exc)
    # validated again: only the files whose bytes the last clean load did not read; the checks across files all run
    assert validated["records"] == new and validated["checks"]
    assert PortalCache(tmp_path / "portal").key(data_files(root)) != before
    try:
        expected = _state(load_portal(root, cache=ReadCache(None), whole=PortalCache(None)))
    except DataError as exc:
        expected = str(exc)
    assert changed == expected


def test_changed_code_misses(root, tmp_path, monkeypatch):
    files = data_files(root)
    assert PortalCache(tmp_path).key(files) == PortalCache(tmp_path).key(files)
    assert PortalCache(tmp_path, version=b"other code").key(files) != PortalCache(tmp_path).key(files)
    # the code version covers every module of macros/data/, models/ too
    code = tmp_path / "code"
    shutil.copytree(portal_cache.CODE, code, ignore=shutil.ignore_patterns("__pycache__"))
    monkeypatch.setattr(portal_cache, "CODE", code)
    portal_cache.code_version.cache_clear()
    try:
        first = portal_cache.code_version()
        model = code / "models" / "notice.py"
        model.write_bytes(model.read_bytes() + b"\n")
        portal_cache.code_version.cache_clear()
        assert portal_cache.code_version() != first
    finally:
        portal_cache.code_version.cache_clear()
    _load(root, tmp_path)
    kept = PortalCache(tmp_path / "portal", version=b"other code")
    assert kept.get(kept.key(files)) is None


@pytest.mark.parametrize("how", DAMAGES)
def test_a_damaged_pack_is_ignored_and_written_again(root, tmp_path, validated, how):
    expected = _state(_load(root, tmp_path))
    key = PortalCache(tmp_path / "portal").key(data_files(root))
    assert key is not None
    damage(tmp_path / "portal" / portal_cache.PACK, how, key + b"not a pickle")
    validated["records"].clear()
    assert _state(_load(root, tmp_path)) == expected
    assert validated["records"]  # validated again
    validated["records"].clear()
    assert _state(_load(root, tmp_path)) == expected
    assert validated["records"] == []  # the pack was written again


def test_a_load_with_problems_is_not_kept_and_reports_them_every_time(root, tmp_path):
    _add_a_file(root)
    notice = sorted((root / "data" / "notices").glob("*.yml"))[1]
    notice.write_text(notice.read_text(encoding="utf-8").replace("\ndoc_number:", "\ndoc_numbr:", 1), encoding="utf-8")
    with pytest.raises(DataError) as uncached:
        load_portal(root, cache=ReadCache(None), whole=PortalCache(None))
    message = str(uncached.value)
    assert f"data/notices/{notice.name}:" in message and "data/notices/zz-added.yml:" in message
    for _ in range(2):
        with pytest.raises(DataError) as caught:
            _load(root, tmp_path)
        assert str(caught.value) == message
        assert not (tmp_path / "portal" / portal_cache.PACK).exists()


def test_the_switch_turns_it_off_with_the_values_cache(root, tmp_path, monkeypatch):
    monkeypatch.setattr(read_cache, "DEFAULT_FOLDER", tmp_path / "default")
    monkeypatch.setenv(read_cache.SWITCH, "0")
    load_portal(root)
    assert not (tmp_path / "default").exists()
    monkeypatch.delenv(read_cache.SWITCH)
    load_portal(root)
    assert (tmp_path / "default" / portal_cache.PACK).exists() and (tmp_path / "default" / read_cache.PACK).exists()


def test_a_load_through_its_own_reader_never_uses_it(root, tmp_path, monkeypatch, validated):
    monkeypatch.setattr(read_cache, "DEFAULT_FOLDER", tmp_path / "default")
    load_portal(root)
    validated["records"].clear()
    load_portal(root, portal_module.read_file)  # mkdocs serve's way: its reader sees every file
    assert validated["records"]


def test_records_come_back_as_pydantic_itself_unpickles_them():
    import pickle

    loaded = load_portal(ROOT, cache=ReadCache(None), whole=PortalCache(None))
    records = [*loaded.provinces, *loaded.notices, *loaded.forms, *loaded.referenced, loaded.national, loaded.catalogue]
    ours = pickle.loads(portal_cache.dumps(tuple(records)))
    theirs = pickle.loads(pickle.dumps(tuple(records)))
    for mine, own, record in zip(ours, theirs, records, strict=True):
        if record is None:
            continue
        assert type(mine) is type(record) and mine.__getstate__() == own.__getstate__() == record.__getstate__()
        assert mine.model_dump(exclude_unset=True) == record.model_dump(exclude_unset=True)
        assert mine.model_fields_set == record.model_fields_set
