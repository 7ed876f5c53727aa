# A record's own rules live in its model: Model.model_validate alone (an editor's check, CONTRIBUTING's snippets, a
# script) refuses a record that breaks them, at the field that is wrong; the loader reports the same rule at its
# file:line:col, and still sees the record so that checks across files run on it.
from __future__ import annotations

from pathlib import Path

import pytest
from pydantic import ValidationError

from macros.data import models
from macros.data.errors import DataError
from macros.data.loader import read_yaml
from macros.data.portal import load_portal

TEXT = {"zh": "测试"}
DEADLINE = {"id": "w", "stage": "other", "title": TEXT, "applies_to": TEXT}
TABLE = {"columns": [{"label": TEXT}]}


def _rules_broken(model, value) -> set[tuple[tuple, str]]:
    with pytest.raises(ValidationError) as info:
        model.model_validate(value)
    errors = info.value.errors()
    assert all(e["type"] == models.RULE_ERROR for e in errors), errors
    return {(tuple(e["loc"]), e["msg"]) for e in errors}


@pytest.mark.parametrize(
    "model,value,where,message",
    [
        (models.Deadline, {**DEADLINE, "start": "2024-05-02", "end": "2024-05-01"}, ("end",), "is before start"),
        (models.Deadline, {**DEADLINE, "start": "2024-05-02"}, ("end",), "needs an end"),
        (models.Deadline, DEADLINE, (), "give dates (start/end)"),
        (
            models.Deadline,
            {**DEADLINE, "end": "2024-05-01", "recurrence": {"freq": "yearly", "from_year": 2023, "basis": TEXT}},
            ("recurrence", "from_year"),
            "differs from the year of the dates (2024)",
        ),
        (
            models.Recurrence,
            {"freq": "yearly", "from_year": 2023, "until_year": 2022, "basis": TEXT},
            ("until_year",),
            "until_year is before from_year",
        ),
        (models.Attachment, {"number": 1, "title": TEXT}, ("availability",), "say where to get"),
        (
            models.FormTable,
            {"columns": [{"label": TEXT, "total": True}], "totals": TEXT},
            ("columns", 0, "total"),
            "only a numeric column",
        ),
        (models.FormTable, {**TABLE, "totals": TEXT}, ("totals",), "needs at least one column with total"),
        (
            models.FormTable,
            {"columns": [{"label": TEXT, "choices": [{"zh": "a,b"}]}]},
            ("columns", 0, "choices", 0, "zh"),
            "ASCII comma",
        ),
    ],
)
def test_a_part_of_a_record_refuses_what_breaks_its_rules(model, value, where, message):
    broken = _rules_broken(model, value)
    assert any(loc == where and message in msg for loc, msg in broken), broken


def test_a_notice_refuses_ids_twice_at_the_second_one(portal):
    notice = portal.notices[0].model_dump(by_alias=True, exclude_none=True, mode="json")
    notice["deadlines"] = [{**DEADLINE, "id": "same", "end": "2024-05-01"}] * 2
    notice["attachments"] = [{"number": 1, "title": TEXT, "availability": TEXT}] * 2
    notice["co_issuers"] = [notice["issuer"]]
    broken = _rules_broken(models.Notice, notice)
    assert (("deadlines", 1, "id"), "duplicate deadline id 'same' in this notice") in broken
    assert (("attachments", 1, "number"), "duplicate attachment number 1") in broken
    assert (("co_issuers", 0), f"issuer {notice['issuer']!r} is named twice") in broken
    notice = {**notice, "deadlines": [], "attachments": [], "co_issuers": []}
    assert models.Notice.model_validate(notice).id == portal.notices[0].id  # the same notice without them is valid


def test_the_catalogue_refuses_entries_that_do_not_hold_together(portal):
    catalogue = portal.catalogue.model_dump(by_alias=True, exclude_none=True, mode="json")
    catalogue["batches"].append(catalogue["batches"][0])
    catalogue["certificates"] = catalogue["certificates"][:1]  # however many the data holds
    catalogue["total_published"] = 0
    broken = _rules_broken(models.CertificateCatalogue, catalogue)
    assert any(loc == ("batches", len(catalogue["batches"]) - 1, "number") for loc, _ in broken), broken
    if catalogue["certificates"]:
        assert any(loc == ("total_published",) for loc, _ in broken), broken


NOTICE = """id: made-up-notice
issuer: no-such-issuer
doc_number: 测试〔2022〕1号
title: {zh: 测试通知}
issued: 2022-04-15
audience: [higher_vocational]
status: expired
summary: {zh: 测试}
deadlines:
  - id: bad
    stage: other
    title: {zh: 测试}
    applies_to: {zh: 测试}
    start: 2022-05-02
    end: 2022-05-01
source: {}
updated: 2026-11-21
"""


def test_the_loader_reports_a_rule_at_its_line_and_still_checks_the_record_across_files(data_root: Path):
    """A notice with a window ending before it starts and an unknown issuer: both are reported."""
    (data_root / "data" / "notices" / "made-up-notice.yml").write_text(NOTICE, encoding="utf-8")
    with pytest.raises(DataError) as info:
        load_portal(data_root)
    reported = [str(p) for p in info.value.problems if p.file == "data/notices/made-up-notice.yml"]
    assert (
        "data/notices/made-up-notice.yml:15:10 deadlines.0.end: end 2022-05-01 is before start 2022-05-02" in reported
    )
    assert any(line.startswith("data/notices/made-up-notice.yml:2:9 issuer: unknown issuer") for line in reported)


def test_a_valid_file_is_read_without_positions_and_a_problem_gets_them(tmp_path: Path):
    path = tmp_path / "x.yml"
    path.write_text("zh: 测试\nen:\n  - 1\n", encoding="utf-8")
    problems: list = []
    doc = read_yaml(path, "x.yml", problems)
    assert doc is not None and doc._marks is None  # nothing to place yet: no positions worked out
    assert doc.problem(("en", 0), "x").line == 3 and doc.where(("en", 0)) == (3, 5)
