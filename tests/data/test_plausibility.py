# Plausibility checks (macros/data/plausibility.py) on copies of the real data: the span follows the data (never the day
# of the build), one typo cannot stretch it, a marked exception is accepted and an unused one refused, and the span
# is judged only on the whole data. The invalid corpus (tests/fixtures/invalid/plausible-*.yml) has one file per check.
from __future__ import annotations

import inspect
from pathlib import Path

import pytest

from macros.data import plausibility
from macros.data.errors import DataError
from macros.data.portal import load_portal


def _newest_updated(portal) -> int:
    return max(r.updated for r in [*portal.notices, *portal.forms, *portal.referenced]).year


def _notice(notice_id: str, year: int, *, updated: int | None = None, extra: str = "") -> str:
    return (
        f"id: {notice_id}\nissuer: hunan-edu\ndoc_number: 湘教通〔{year}〕1号\ntitle: {{zh: 测试通知}}\n"
        f"issued: {year}-03-01\naudience: [higher_vocational]\nstatus: in_force\nsummary: {{zh: 测试}}\n"
        f"source: {{}}\nupdated: {updated or year}-03-05\n{extra}"
    )


def _window(end: str) -> str:
    return (
        f"deadlines:\n  - {{id: w, stage: school_filing, title: {{zh: 申报}}, applies_to: {{zh: 院校}}, end: {end}}}\n"
    )


def _problems(data_root: Path) -> list[str]:
    with pytest.raises(DataError) as info:
        load_portal(data_root)
    return [str(p) for p in info.value.problems]


def test_the_span_follows_the_data(data_root: Path, portal):
    """A newer notice, checked when it came out, moves the span with it: its windows two years on are plausible."""
    year = _newest_updated(portal) + 1
    body = _notice(f"hunan-{year}-1", year, extra=_window(f"{year + 2}-06-30"))
    (data_root / "data" / "notices" / f"hunan-{year}-1.yml").write_text(body, encoding="utf-8")
    assert load_portal(data_root).notice_by_id[f"hunan-{year}-1"].deadlines[0].end.year == year + 2


def test_one_typo_does_not_stretch_the_span_it_is_judged_by(data_root: Path, portal):
    year = _newest_updated(portal)
    body = _notice("hunan-typo", year, updated=year + 70, extra=_window(f"{year + 69}-06-30"))
    (data_root / "data" / "notices" / "hunan-typo.yml").write_text(body, encoding="utf-8")
    found = _problems(data_root)
    assert any(" updated: " in p and "updated_ahead" in p for p in found), found
    assert any(" deadlines.0.end: " in p and "date_span" in p for p in found), found


def test_a_marked_exception_is_accepted_and_only_for_its_check(data_root: Path, portal):
    year = _newest_updated(portal)
    far = f"{year + 9}-06-30"
    exception = "plausibility_exceptions:\n  - check: date_span\n    reason: {zh: 原件如此, en: The original says so}\n"
    target = data_root / "data" / "notices" / "hunan-far.yml"
    target.write_text(_notice("hunan-far", year, extra=_window(far) + exception), encoding="utf-8")
    assert str(load_portal(data_root).notice_by_id["hunan-far"].deadlines[0].end) == far
    target.write_text(
        _notice("hunan-far", year, extra=_window(far) + exception.replace("date_span", "issued_year")), encoding="utf-8"
    )
    found = _problems(data_root)
    assert any(" deadlines.0.end: " in p and "date_span" in p for p in found), found
    assert any(" plausibility_exceptions.0.check: the check issued_year finds nothing to excuse" in p for p in found)


def test_the_span_is_not_judged_on_part_of_the_data(data_root: Path, portal):
    """While a file does not load, the dates of the others are not judged against a span it might have moved."""
    year = _newest_updated(portal)
    (data_root / "data" / "notices" / "hunan-far.yml").write_text(
        _notice("hunan-far", year, extra=_window(f"{year + 9}-06-30")), encoding="utf-8"
    )
    (data_root / "data" / "notices" / "hunan-broken.yml").write_text("id: hunan-broken\nissuer: [\n", encoding="utf-8")
    found = _problems(data_root)
    assert [p for p in found if "date_span" in p] == [] and any("hunan-broken.yml" in p for p in found), found


def test_every_check_named_in_the_model_is_made():
    from typing import get_args

    from macros.data.models import PlausibilityCheck

    source = inspect.getsource(plausibility)
    for check in get_args(PlausibilityCheck):
        assert f'"{check}"' in source, check


def test_no_bound_comes_from_the_day_of_the_build():
    source = inspect.getsource(plausibility)
    assert "today(" not in source and "now(" not in source
