# The catalogue's rules on bad data: invariants of one certificate or of the catalogue in the models, and the hand-over
# cross-check (handed_over_by must name a notice; the page then links it), tested with a made-up notice.
from __future__ import annotations

import re
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from pydantic import ValidationError

from macros.data.errors import DataError
from macros.data.models import Certificate, CertificateCatalogue
from macros.data.portal import load_portal
from tests.support import run_build


def words(node) -> str:
    return " ".join(node.get_text(" ").split())


def certificate(**fields) -> dict:
    return {
        "id": "x",
        "name": {"zh": "某证书"},
        "sources": [{"source": "s", "organisation": {"zh": "某组织"}}],
        **fields,
    }


@pytest.mark.parametrize(
    "fields,where,message",
    [
        (
            {"levels": [{"level": "junior"}, {"level": "junior", "effective_from": "2022-05-16"}]},
            ("levels",),
            "a level is listed twice (junior)",
        ),
        ({"sequence": 3}, ("sequence",), "give the batch or leave the sequence out"),
        (
            {"sources": [{"source": "s", "organisation": {"zh": "甲"}}, {"source": "s", "organisation": {"zh": "乙"}}]},
            ("sources",),
            "a source is listed twice (s)",
        ),
        (
            {"levels": [{"level": "senior", "platform_id": "no spaces allowed"}]},
            ("levels", 0, "platform_id"),
            "pattern",
        ),
    ],
)
def test_certificate_invariants(fields, where, message):
    with pytest.raises(ValidationError) as info:
        Certificate.model_validate(certificate(**fields))
    errors = [(e["loc"], e["msg"]) for e in info.value.errors()]
    assert any(loc == where and message in msg for loc, msg in errors), errors


def test_a_batch_less_certificate_without_sequence_is_valid():
    c = Certificate.model_validate(
        certificate(levels=[{"level": "senior", "effective_from": "2023-02-22", "platform_id": "abc123"}])
    )
    assert c.batch is None and c.level_names == ["senior"]


def test_hand_over_needs_its_note():
    base = {
        "total_published": 1,
        "total_note": {"zh": "测试"},
        "official_list": {"zh": "测试"},
        "sources": [{"id": "s", "name": {"zh": "测试"}, "description": {"zh": "测试"}}],
        "batches": [{"number": 1, "source": {"zh": "测试"}}],
    }
    with pytest.raises(ValidationError) as info:
        CertificateCatalogue.model_validate({**base, "handed_over_by": "some-notice"})
    assert [e["loc"] for e in info.value.errors()] == [("handed_over_by",)]
    assert CertificateCatalogue.model_validate({**base, "handed_over_note": {"zh": "已移交"}}).handed_over_by is None


HAND_OVER_NOTICE = """\
id: hunan-test-hand-over
issuer: hunan-edu
doc_number: 测试〔2025〕154号
title: {zh: 测试移交通知, en: Test hand-over notice}
issued_note: {zh: 测试, en: Test}
audience: [higher_vocational]
status: in_force
summary: {zh: 测试, en: Test}
source: {}
updated: 2026-12-01
"""


def with_hand_over(root: Path, notice_id: str) -> None:
    """Add the test notice to root/data and point the catalogue's handed_over_by at `notice_id`."""
    (root / "data" / "notices" / "hunan-test-hand-over.yml").write_text(HAND_OVER_NOTICE, encoding="utf-8")
    catalogue = root / "data" / "certificates.yml"
    body = re.sub(r"^handed_over_by: .*\n", "", catalogue.read_text(encoding="utf-8"), flags=re.M)
    assert "\nhanded_over_note:" in body
    catalogue.write_text(
        body.replace("\nhanded_over_note:", f"\nhanded_over_by: {notice_id}\nhanded_over_note:", 1), encoding="utf-8"
    )


def test_hand_over_must_name_a_known_notice(data_root):
    with_hand_over(data_root, "hunan-test-hand-over")
    assert load_portal(data_root).catalogue.handed_over_by == "hunan-test-hand-over"
    with_hand_over(data_root, "no-such-notice")
    with pytest.raises(DataError) as info:
        load_portal(data_root)
    line = next(
        n
        for n, text_line in enumerate(
            (data_root / "data" / "certificates.yml").read_text(encoding="utf-8").splitlines(), 1
        )
        if text_line.startswith("handed_over_by: no-such-notice")
    )
    assert [str(p) for p in info.value.problems] == [
        f"data/certificates.yml:{line}:17 handed_over_by: unknown notice 'no-such-notice' (no data/notices/no-such-notice.yml)"
    ]


def test_the_page_links_the_notice_that_records_the_hand_over(project, tmp_path):
    with_hand_over(project, "hunan-test-hand-over")
    out = tmp_path / "site"
    result = run_build(project, out)
    assert result.returncode == 0, result.stdout + result.stderr
    for lang, see in (("zh", "（见测试〔2025〕154号）"), ("en", "(see 测试〔2025〕154号)")):
        page = BeautifulSoup(
            (out / ("certificates" if lang == "zh" else "en/certificates") / "index.html").read_text(encoding="utf-8"),
            "html.parser",
        )
        note = page.select_one("#completeness .x-cat-handed-over")
        link = note.select_one("a.x-docnum")
        assert words(link) == "测试〔2025〕154号"
        assert note.get_text().endswith(see)
        assert (
            link["href"] == "../notices/hunan-test-hand-over/"
        )  # from certificates/ (or en/certificates/) to its notice
        assert (out / ("" if lang == "zh" else "en") / "notices" / "hunan-test-hand-over" / "index.html").exists()
