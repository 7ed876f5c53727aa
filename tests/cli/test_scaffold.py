# `python -m macros new-notice`: the scaffold carries every field of a notice, an unfilled one gives a clear
# message per empty field, and once filled in (as a maintainer would, line by line) it validates.
from __future__ import annotations

import re
from pathlib import Path

import pytest

from macros.cli.main import main
from macros.cli.scaffold import ScaffoldError, notice_scaffold, scaffold_fields
from macros.data.errors import DataError
from macros.data.portal import load_portal

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
    assert set(scaffold_fields()) <= keys, (
        f"missing from macros/cli/scaffolds/notice.yml: {set(scaffold_fields()) - keys}"
    )
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
        assert reported[path].startswith(
            f"data/notices/hunan-2023-5.yml:{line_no}:{len(path) + 2} {path}: empty value: fill it in"
        )
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


# ---------------------------------------------------------------- new-province and new-form


def _keys(text: str, indent: int = 0) -> set[str]:
    return {m["key"] for m in map(KEY_LINE.match, text.split("\n")) if m and len(m["indent"]) == indent}


def test_province_scaffold_has_every_field_of_a_province_and_an_issuer(portal):
    from macros.cli.scaffold import issuer_fields, province_scaffold

    text = province_scaffold(portal, "zhejiang")
    assert set(scaffold_fields("province")) <= _keys(text)
    first_issuer = text.split("\nissuers:\n", 1)[1].replace("  - id:", "    id:", 1)
    assert set(issuer_fields()) <= _keys(first_issuer, 4), "every field of an issuer, in the first issuer"
    assert text.startswith("# yaml-language-server: $schema=../schemas/province.json\n")
    for kind in ("department", "division", "office", "school"):  # every kind of issuer is explained
        assert kind in text


def test_a_new_province_unfilled_then_filled_with_a_notice(data_root: Path, portal):
    assert main(["new-province", "--id", "zhejiang", "--root", str(data_root)]) == 0
    path = data_root / "data" / "provinces" / "zhejiang.yml"
    with pytest.raises(DataError) as info:
        load_portal(data_root)
    assert {p.path for p in info.value.problems} == {"name.zh", "issuers.0.name.zh"}
    path.write_text(
        fill(
            path.read_text(encoding="utf-8"),
            {"name.zh": "浙江省", "name.en": "Zhejiang", "issuers.name.zh": "浙江省教育厅"},
        ),
        encoding="utf-8",
    )
    loaded = load_portal(data_root)
    province = loaded.province_by_id["zhejiang"]
    assert province.order > max(p.order for p in portal.provinces)  # listed after the provinces already there
    assert main(["new-notice", "--province", "zhejiang", "--id", "zhejiang-2023-5", "--root", str(data_root)]) == 0
    notice = data_root / "data" / "notices" / "zhejiang-2023-5.yml"
    notice.write_text(fill(notice.read_text(encoding="utf-8"), dict(FILLED)), encoding="utf-8")
    loaded = load_portal(data_root)
    assert loaded.province_of(loaded.notice_by_id["zhejiang-2023-5"]).id == "zhejiang"


def test_form_scaffold_has_every_field_of_a_form(portal):
    from macros.cli.scaffold import form_scaffold

    notice, attachment = _attachment_without_form(portal)
    text = form_scaffold(portal, notice.id, attachment.number, f"{notice.id}-new-form")
    assert set(scaffold_fields("form")) <= _keys(text)
    assert text.startswith("# yaml-language-server: $schema=../schemas/form.json\n")
    assert attachment.title.zh in text  # which attachment it is, from the notice


def _attachment_without_form(portal):
    return next((n, a) for n in portal.notices for a in n.attachments if not a.form)


def test_a_new_form_unfilled_then_filled_and_pointed_at(data_root: Path, portal, capsys):
    notice, attachment = _attachment_without_form(portal)
    form_id = f"{notice.id}-new-form"
    assert (
        main(
            [
                "new-form",
                "--notice",
                notice.id,
                "--attachment",
                str(attachment.number),
                "--id",
                form_id,
                "--root",
                str(data_root),
            ]
        )
        == 0
    )
    assert f"form: {form_id}" in capsys.readouterr().out  # the next step: point the attachment at it
    path = data_root / "data" / "forms" / f"{form_id}.yml"
    with pytest.raises(DataError) as info:
        load_portal(data_root)
    assert {p.path for p in info.value.problems} == {"title.zh", "updated"}
    path.write_text(
        fill(path.read_text(encoding="utf-8"), {"title.zh": "申报表", "updated": "2026-11-21"}), encoding="utf-8"
    )
    with pytest.raises(DataError) as info:
        load_portal(data_root)
    assert [p.path for p in info.value.problems] == ["attachment"]  # the notice does not point at it yet
    source = data_root / portal.source_of[("notice", notice.id)]
    text = source.read_text(encoding="utf-8")
    marker = re.search(rf"(?m)^( *)- number: {attachment.number}\n", text)  # the file's own indentation
    assert marker
    source.write_text(f"{text[: marker.end()]}{marker[1]}  form: {form_id}\n{text[marker.end() :]}", encoding="utf-8")
    assert load_portal(data_root).form_by_id[form_id].notice == notice.id


@pytest.mark.parametrize(
    "argv, message",
    [
        (["new-province", "--id", "Zhe_jiang"], "lower-case letters"),
        (["new-province", "--id", "hunan"], "data/provinces/hunan.yml 已存在 / already exists"),
        (
            ["new-notice", "--province", "hunan", "--id", "zj-2023-1"],
            "must start with the province's or an issuer's id",
        ),
        (
            ["new-notice", "--province", "hunnan", "--id", "hunnan-2023-1"],
            "unknown province 'hunnan' (did you mean 'hunan'?)",
        ),
        (["new-form", "--notice", "hunan-2022-08", "--attachment", "1", "--id", "x"], "did you mean 'hunan-2022-80'?"),
        (["new-form", "--notice", "hunan-2022-80", "--attachment", "99", "--id", "x"], "has no attachment 99"),
        (["new-form", "--notice", "hunan-2022-80", "--attachment", "1", "--id", "x"], "already points at form"),
        (
            ["new-form", "--notice", "hunan-2022-80", "--attachment", "1", "--id", "hunan-2022-80-school-info"],
            "already exists",
        ),
    ],
)
def test_a_bad_request_is_refused_in_one_line_and_writes_nothing(data_root: Path, capsys, argv, message):
    before = sorted(p.relative_to(data_root) for p in (data_root / "data").rglob("*"))
    assert main(argv + ["--root", str(data_root)]) == 1
    err = capsys.readouterr().err
    assert message in err and err.count("\n") == 1, err
    assert sorted(p.relative_to(data_root) for p in (data_root / "data").rglob("*")) == before
