# Bad data: every fixture in tests/fixtures/invalid/ is dropped into a copy of data/ and must produce exactly the
# file:line:col field message its header promises (`# expect:`), and none that it rules out (`# absent:`, text no
# reported line may hold: the same cause reported twice, or blamed on another file), as a DataError, never a traceback.
# In an expected line, <…> stands for any text: the part that follows the real data (the span of its dates).
from __future__ import annotations

import re
from pathlib import Path

import pytest

from macros.data.errors import DataError
from macros.data.loader import read_yaml
from macros.data.portal import load_portal
from tests.support import CHECKOUT

FIXTURES = CHECKOUT / "tests" / "fixtures" / "invalid"


def _header(raw: bytes) -> tuple[str, list[str], list[str]]:
    target, expected, absent = None, [], []
    for line in raw.removeprefix(b"\xef\xbb\xbf").split(b"\n"):  # one fixture starts with a BOM
        if not line.startswith(b"# "):
            break
        key, _, value = line[2:].decode("utf-8").partition(": ")
        if key == "target":
            target = value.strip()
        elif key == "expect":
            expected.append(value.rstrip())
        elif key == "absent":
            absent.append(value.rstrip())
    assert target and expected, "fixture header needs '# target:' and at least one '# expect:' line"
    return target, expected, absent


CASES = sorted(FIXTURES.glob("*.yml"))


def test_corpus_is_large_enough():
    assert len(CASES) >= 40


@pytest.mark.parametrize("fixture", CASES, ids=[c.stem for c in CASES])
def test_invalid_fixture_reports_file_line_and_field(fixture: Path, data_root: Path):
    raw = fixture.read_bytes()
    target, expected, absent = _header(raw)
    # The header lines stay in the file so line numbers in messages match the fixture as written.
    (data_root / target).parent.mkdir(parents=True, exist_ok=True)
    (data_root / target).write_bytes(raw)
    with pytest.raises(DataError) as info:
        load_portal(data_root)
    reported = [str(p) for p in info.value.problems]
    for line in expected:
        pattern = re.compile(".*?".join(map(re.escape, line.split("<…>"))))
        assert any(pattern.fullmatch(r) for r in reported), f"expected {line!r}\nreported:\n" + "\n".join(reported)
    for text in absent:
        assert not any(text in line for line in reported), f"{text!r} must not be reported:\n" + "\n".join(reported)
    assert all(p.startswith(target) or p.startswith("data/") for p in reported)


def test_real_data_is_valid(portal):
    assert {p.id for p in portal.provinces} >= {"shandong", "anhui", "hunan"}
    assert len(portal.notices) >= 4


def test_all_problems_are_collected_not_just_the_first(data_root: Path):
    notice = data_root / "data" / "notices" / "hunan-2022-80.yml"
    text = notice.read_text(encoding="utf-8")
    text = text.replace("issuer: hunan-edu", "issuer: hunan-nowhere").replace("status: expired", "status: lapsed")
    notice.write_text(text, encoding="utf-8")
    (data_root / "data" / "notices" / "empty.yml").write_text("", encoding="utf-8")
    with pytest.raises(DataError) as info:
        load_portal(data_root)
    fields = {(p.file, p.path) for p in info.value.problems}
    assert ("data/notices/hunan-2022-80.yml", "status") in fields
    assert ("data/notices/empty.yml", "") in fields
    assert info.value.report().endswith("nothing was built.")


def test_dates_stay_text_until_the_model_parses_them(tmp_path: Path):
    f = tmp_path / "x.yml"
    f.write_text("a: 2022-02-30\nb: [1, 2]\n", encoding="utf-8")
    problems = []
    doc = read_yaml(f, "x.yml", problems)
    assert problems == []
    assert doc.value == {"a": "2022-02-30", "b": [1, 2]}
    assert doc.where(("b", 1)) == (2, 8)


def test_a_broken_catalogue_is_reported_once_not_again_by_the_rules_that_name_its_certificates(data_root: Path, portal):
    """A certificate rule naming a certificate of a catalogue that did not load: only the catalogue's problem."""
    certificate = portal.catalogue.certificates[0].id
    catalogue = data_root / "data" / "certificates.yml"
    catalogue.write_text(catalogue.read_text(encoding="utf-8") + "\ntotal_published: [\n", encoding="utf-8")
    notice = next(
        p
        for p in sorted((data_root / "data" / "notices").glob("*.yml"))
        if "\ncertificate_rules:" not in p.read_text(encoding="utf-8")
    )
    rule = f"certificate_rules:\n  - {{id: only-this, text: {{zh: 仅限该证书}}, certificates: [{certificate}]}}\n"
    notice.write_text(notice.read_text(encoding="utf-8") + rule, encoding="utf-8")
    with pytest.raises(DataError) as info:
        load_portal(data_root)
    files = {p.file for p in info.value.problems if "certificate" in p.message or p.file.endswith("certificates.yml")}
    assert files == {"data/certificates.yml"}, [str(p) for p in info.value.problems]
