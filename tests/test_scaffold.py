# `python -m macros new-notice`: the scaffold carries every field of a notice, an unfilled one gives a clear
# message per empty field, and once filled in (as a maintainer would, line by line) it validates.
from __future__ import annotations

import re
from pathlib import Path

import pytest

from macros.__main__ import main
from macros.errors import DataError
from macros.portal import load_portal
from macros.scaffold import ScaffoldError, notice_scaffold, scaffold_fields

KEY_LINE = re.compile(r"^(?P<indent> *)(?P<key>[a-z_]+):(?P<rest>.*)$")


def fill(scaffold: str, values: dict[str, str]) -> str:
    """Write `values` (by dotted field path) after the empty keys, the way a maintainer fills the file in."""
    out, stack = [], []
    for line in scaffold.split("\n"):
        m = KEY_LINE.match(line)
        if m:
            indent = len(m["indent"])
            stack = [(i, k) for i, k in stack if i < indent] + [(indent, m["key"])]
            path = ".".join(k for _, k in stack)
            if path in values:
                assert m["rest"].strip() in ("", "[]"), f"{path} is not empty in the scaffold"
                line = f"{m['indent']}{m['key']}: {values.pop(path)}"
        out.append(line)
    assert not values, f"fields not found in the scaffold: {values}"
    return "\n".join(out)


FILLED = {
    "doc_number": "湘教通〔2023〕5号",
    "title.zh": "关于测试的通知",
    "title.en": "Notice on a test",
    "issued": "2023-03-01",
    "audience": "[higher_vocational, secondary_vocational]",
    "status": "in_force",
    "summary.zh": "测试摘要。",
    "summary.en": "A test summary.",
    "deadlines": "\n  - {id: filing, stage: school_filing, title: {zh: 申报}, applies_to: {zh: 院校}, start: 2023-03-10, end: 2023-03-20}",
    "source.url": "https://example.org/notice.html",
    "updated": "2026-11-21",
}


def test_scaffold_has_every_field_of_a_notice(portal):
    text = notice_scaffold(portal, "hunan", "hunan-2023-5")
    keys = {m["key"] for m in map(KEY_LINE.match, text.split("\n")) if m and not m["indent"]}
    assert set(scaffold_fields()) <= keys, f"missing from macros/scaffolds/notice.yml: {set(scaffold_fields()) - keys}"
    assert text.startswith("# yaml-language-server: $schema=../schemas/notice.json\n")
    assert "#   hunan-1x-office — 湖南省1+X证书制度试点推进办" in text  # the province's issuers to choose from


def test_unfilled_scaffold_names_each_empty_field(data_root: Path, portal):
    assert main(["new-notice", "--province", "hunan", "--id", "hunan-2023-5", "--root", str(data_root)]) == 0
    text = (data_root / "data" / "notices" / "hunan-2023-5.yml").read_text(encoding="utf-8")
    lines = text.split("\n")
    with pytest.raises(DataError) as info:
        load_portal(data_root)
    reported = {p.path: str(p) for p in info.value.problems}
    assert set(reported) == {"doc_number", "title.zh", "audience", "status", "summary.zh", "updated"}
    for path in ("doc_number", "status", "updated"):
        line_no = next(i for i, line in enumerate(lines, 1) if line.startswith(path + ":"))
        assert reported[path].startswith(f"data/notices/hunan-2023-5.yml:{line_no}:{len(path) + 2} {path}: "
                                         "empty value: fill it in")
    assert "'in_force', 'expired', 'superseded' or 'unknown'" in reported["status"]
    assert "List should have at least 1 item" in reported["audience"]


def test_filled_scaffold_validates_and_its_page_data_is_there(data_root: Path, portal):
    text = fill(notice_scaffold(portal, "hunan", "hunan-2023-5"), dict(FILLED))
    (data_root / "data" / "notices" / "hunan-2023-5.yml").write_text(text, encoding="utf-8")
    loaded = load_portal(data_root)
    notice = loaded.notice_by_id["hunan-2023-5"]
    assert notice.issuer == "hunan-edu" and notice.doc_number == "湘教通〔2023〕5号"
    assert notice.deadlines[0].end.isoformat() == "2023-03-20"
    assert loaded.province_of(notice).id == "hunan"


def test_scaffold_refuses_unknown_province_bad_id_and_existing_files(portal, data_root: Path, capsys):
    with pytest.raises(ScaffoldError, match="unknown province 'atlantis'"):
        notice_scaffold(portal, "atlantis", "atlantis-1")
    with pytest.raises(ScaffoldError, match="lower-case letters"):
        notice_scaffold(portal, "hunan", "Hunan_2023")
    with pytest.raises(ScaffoldError, match="already exists"):
        notice_scaffold(portal, "hunan", "hunan-2022-80")
    assert main(["new-notice", "--province", "hunan", "--id", "hunan-2022-80", "--root", str(data_root)]) == 1
    assert "already exists" in capsys.readouterr().err
