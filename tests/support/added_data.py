# Adds valid data to a project copy the way CONTRIBUTING tells a new maintainer: the scaffold commands write the files,
# then their blanks are filled in with valid (invented) values. A new province with a notice and its form, and a
# newer notice in a province the portal already has.
from __future__ import annotations

import datetime
import itertools
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import yaml


@dataclass(frozen=True)
class AddedData:
    province: str
    province_zh: str
    province_en: str
    notice: str
    doc_number: str
    form: str
    # a newer notice in a province the portal already had (its attachment only named, no form)
    other_province: str
    other_notice: str
    other_doc_number: str


def free_names(data: Path) -> AddedData:
    """Ids and numbers nothing in `data` uses yet (the project may already hold data added this way, e.g. when the
    suite runs against such a copy), and the province to add a newer notice to: Hunan, or the first there is."""
    provinces = sorted(p.stem for p in (data / "provinces").glob("*.yml"))
    other = "hunan" if "hunan" in provinces else provinces[0]
    for n in itertools.count(1):
        tag = "" if n == 1 else str(n)
        added = AddedData(
            province=f"example{tag}",
            province_zh=f"示例{tag}省",
            province_en=f"Example{tag} Province",
            notice=f"example{tag}-2026-1",
            doc_number=f"示例〔2026〕{n}01号",
            form=f"example{tag}-2026-1-school-info",
            other_province=other,
            other_notice=f"{other}-2026-{n}01",
            other_doc_number=f"示例〔2026〕{n}02号",
        )
        taken = [data / "provinces" / f"{added.province}.yml", data / "notices" / f"{added.other_notice}.yml"]
        if not any(path.exists() for path in taken):
            return added
    raise AssertionError("unreachable")


def scaffold(project: Path, *args: str) -> None:
    """One `python -m macros new-…` command run in `project`, as a maintainer would run it."""
    result = subprocess.run(
        [sys.executable, "-m", "macros", *args, "--root", str(project)],
        cwd=project,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stdout + result.stderr


class _Dumper(yaml.SafeDumper):
    """Lists indented under their key, as the files in data/ are written."""

    def increase_indent(self, flow: bool = False, indentless: bool = False) -> None:
        super().increase_indent(flow, False)


def fill(path: Path, values: dict) -> None:
    """The scaffold's file with `values` written over its blanks; the schema line the scaffold put first stays."""
    text = path.read_text(encoding="utf-8")
    modeline = text.splitlines()[0]
    assert modeline.startswith("# yaml-language-server:"), modeline
    record = yaml.safe_load(text)
    record.update(values)
    body = yaml.dump(record, Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=1000)
    path.write_text(f"{modeline}\n{body}", encoding="utf-8")


def both(zh: str, en: str) -> dict:
    return {"zh": zh, "en": en}


def notice_values(doc_number: str, month: int) -> dict:
    """A complete notice of 2026 with two windows starting in `month`, a contact and one named attachment."""
    return {
        "doc_number": doc_number,
        "title": both(
            f"关于开展2026年1+X证书制度试点工作的通知（{doc_number}）", f"Notice {doc_number} on the 2026 pilot"
        ),
        "issued": datetime.date(2026, month, 1),
        "audience": ["higher_vocational", "secondary_vocational"],
        "status": "in_force",
        "summary": both(
            f"示例摘要：按{doc_number}，院校在规定时间内申报试点，报送信息统计表。",
            f"Example summary: under {doc_number}, schools file for the pilot in the window and send the sheet.",
        ),
        "deadlines": [
            {
                "id": "round-1-filing",
                "stage": "school_filing",
                "round": "first",
                "title": both("第一轮院校申报", "First round — schools file"),
                "applies_to": both("各试点院校", "All pilot schools"),
                "start": datetime.date(2026, month, 10),
                "end": datetime.date(2026, month, 20),
            },
            {
                "id": "materials-due",
                "stage": "materials_due",
                "title": both("报送纸质材料", "Paper materials due"),
                "applies_to": both("各试点院校", "All pilot schools"),
                "end": datetime.date(2026, month + 1, 1),
            },
        ],
        "contacts": [
            {
                "name": both("张老师", "Ms Zhang"),
                "role": both("业务咨询", "Questions about the pilot"),
                "phones": ["0999-00000000"],
                "emails": ["pilot@example.org"],
            }
        ],
        "attachments": [
            {
                "number": 1,
                "title": both("院校试点信息统计表", "School pilot information sheet"),
                "availability": both("见原文附件", "Attached to the original notice"),
            }
        ],
        "source": {"url": f"https://example.org/notice-2026-{month}.html"},
        "updated": datetime.date(2026, month, 5),
    }


def add_example_data(project: Path) -> AddedData:
    """A new province with one notice (deadlines, contacts, an attachment) and that attachment's form; a newer notice
    in an existing province."""
    data = project / "data"
    added = free_names(data)
    scaffold(project, "new-province", "--id", added.province)
    fill(
        data / "provinces" / f"{added.province}.yml",
        {
            "name": both(added.province_zh, added.province_en),
            "issuers": [
                {
                    "id": f"{added.province}-edu",
                    "kind": "department",
                    "name": both("示例省教育厅", "Example Provincial Department of Education"),
                }
            ],
        },
    )
    scaffold(project, "new-notice", "--province", added.province, "--id", added.notice)
    notice = notice_values(added.doc_number, 3)
    fill(data / "notices" / f"{added.notice}.yml", notice)
    scaffold(project, "new-form", "--notice", added.notice, "--attachment", "1", "--id", added.form)
    fill(
        data / "forms" / f"{added.form}.yml",
        {
            "title": both("院校试点信息统计表", "School pilot information sheet"),
            "spreadsheet": True,
            "header_fields": [{"label": both("院校名称", "School name")}],
            "sections": [
                {
                    "tables": [
                        {
                            "columns": [
                                {"label": both("申请试点证书", "Certificate applied for")},
                                {"label": both("申请试点规模（人）", "Pilot size (persons)"), "kind": "integer"},
                            ],
                            "blank_rows": 3,
                        }
                    ]
                }
            ],
            "signature": {"lines": [both("单位盖章", "Stamp")]},
            "updated": datetime.date(2026, 3, 5),
        },
    )
    # As CONTRIBUTING says: the attachment first says where the original is; once the form file exists it points at it.
    del notice["attachments"][0]["availability"]
    notice["attachments"][0]["form"] = added.form
    fill(data / "notices" / f"{added.notice}.yml", notice)
    scaffold(project, "new-notice", "--province", added.other_province, "--id", added.other_notice)
    fill(data / "notices" / f"{added.other_notice}.yml", notice_values(added.other_doc_number, 5))
    return added
