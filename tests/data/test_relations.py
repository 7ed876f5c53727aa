# Relations between documents (macros/data/relations.py): what a later document ends of earlier ones, unit-tested on
# small data sets written here, and the bad inputs (unknown target, cycle, impossible date, conflict) as file:line.
from __future__ import annotations

import datetime as dt
import textwrap
from pathlib import Path

import icalendar
import pytest
import recurring_ical_events

from macros.data.errors import DataError
from macros.data.portal import load_portal
from macros.outputs.ics import produce_feeds
from macros.views.calendar_model import occurrences, year_span
from tests.support import site_config

D = dt.date

PROVINCE = """\
id: zhejiang
name: {zh: 浙江省, en: Zhejiang}
issuers:
  - {id: zj-edu, kind: department, name: {zh: 浙江省教育厅}}
"""


def notice(
    notice_id: str, number: str, *, issued: str = "2023-03-01", updated: str = "2026-11-01", extra: str = ""
) -> str:
    return textwrap.dedent(f"""\
        id: {notice_id}
        issuer: zj-edu
        doc_number: {number}
        title: {{zh: 测试通知}}
        issued: {issued}
        audience: [higher_vocational]
        status: in_force
        summary: {{zh: 测试}}
        source: {{}}
        updated: {updated}
        """) + textwrap.dedent(extra)


ROUNDS = """\
deadlines:
  - id: spring
    stage: school_filing
    title: {zh: 春季申报}
    applies_to: {zh: 院校}
    start: 2023-04-01
    end: 2023-04-10
    recurrence: {freq: yearly, from_year: 2023, basis: {zh: 每年}}
  - id: late
    stage: school_filing
    title: {zh: 一次性申报}
    applies_to: {zh: 院校}
    start: 2027-05-01
    end: 2027-05-10
"""


def ender(notice_id: str, number: str, targets, from_: str, *, effect: str = "ends", more: str = "") -> str:
    return notice(
        notice_id,
        number,
        issued=from_,
        extra=f"""\
relations:
  - effect: {effect}
    targets: {targets}
    from: {from_}
    note: {{zh: 说明}}
{more}""",
    )


def write(root: Path, files: dict[str, str]) -> Path:
    for rel, body in files.items():
        path = root / "data" / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(body, encoding="utf-8")
    return root


@pytest.fixture
def base(tmp_path) -> dict[str, str]:
    return {
        "provinces/zhejiang.yml": PROVINCE,
        "notices/zj-2023-1.yml": notice("zj-2023-1", "浙教〔2023〕1号", extra=ROUNDS),
    }


def load(tmp_path, files) -> object:
    return load_portal(write(tmp_path, files))


def problems(tmp_path, files) -> list[str]:
    with pytest.raises(DataError) as info:
        load(tmp_path, files)
    return [str(p) for p in info.value.problems]


# ---------------------------------------------------------------- what an ending does


def test_an_ended_recurring_window_stops_at_the_last_year_it_can_start(tmp_path, base):
    base["notices/zj-2026-9.yml"] = ender("zj-2026-9", "浙教〔2026〕9号", "[zj-2023-1]", "2026-01-01")
    portal = load(tmp_path, base)
    target = portal.notice_by_id["zj-2023-1"]
    spring = target.deadlines[0]
    assert portal.last_round_year(target, spring) == 2025
    years = [o.start.year for o in occurrences(portal, (2020, 2035)) if o.deadline.id == "spring"]
    assert years == [2023, 2024, 2025]
    # a one-off window that would start after the cut cannot happen: off the calendar, marked on its notice
    assert portal.cancelled(target, target.deadlines[1]).by.id == "zj-2026-9"
    assert not [o for o in occurrences(portal, (2020, 2035)) if o.deadline.id == "late"]


def test_the_feed_repeats_an_ended_round_only_until_its_last_year(tmp_path, base):
    base["notices/zj-2026-9.yml"] = ender("zj-2026-9", "浙教〔2026〕9号", "[zj-2023-1]", "2026-01-01")
    portal = load(tmp_path, base)
    feed = icalendar.Calendar.from_ical(
        produce_feeds(portal, site_config("https://x.example/"))["calendar/feeds/zhejiang.ics"]
    )
    starts = [e["DTSTART"].dt for e in recurring_ical_events.of(feed).between(D(2020, 1, 1), D(2040, 1, 1))]
    assert starts == [D(2023, 4, 1), D(2024, 4, 1), D(2025, 4, 1)]
    assert not any("late" in str(e["UID"]) for e in feed.walk("VEVENT"))


def test_a_round_starting_after_the_cut_date_within_a_year_is_not_held(tmp_path, base):
    # ended from 1 April 2025: the 2025 round starts that day, so 2024 is the last one
    base["notices/zj-2025-3.yml"] = ender(
        "zj-2025-3", "浙教〔2025〕3号", "[zj-2023-1]", "2025-04-01", effect="ends_rounds"
    )
    portal = load(tmp_path, base)
    target = portal.notice_by_id["zj-2023-1"]
    assert portal.last_round_year(target, target.deadlines[0]) == 2024


def test_without_an_ending_rounds_run_to_the_end_of_the_calendar(tmp_path, base):
    portal = load(tmp_path, base)
    target = portal.notice_by_id["zj-2023-1"]
    assert portal.last_round_year(target, target.deadlines[0]) is None
    assert portal.endings_of(target) == []
    years = [o.start.year for o in occurrences(portal, year_span(portal)) if o.deadline.id == "spring"]
    assert years[-1] == year_span(portal)[1]


def test_a_notice_ended_by_two_documents_names_both(tmp_path, base):
    base["notices/zj-2026-9.yml"] = ender("zj-2026-9", "浙教〔2026〕9号", "[zj-2023-1]", "2026-01-01")
    base["notices/zj-2026-10.yml"] = ender(
        "zj-2026-10", "浙教〔2026〕10号", "[zj-2023-1]", "2026-03-01", effect="ends_rules", more="    rules: [r1]\n"
    )
    base["notices/zj-2023-1.yml"] += "certificate_rules:\n  - {id: r1, text: {zh: 仅限中级}, min_level: intermediate}\n"
    portal = load(tmp_path, base)
    endings = portal.endings_of(portal.notice_by_id["zj-2023-1"])
    assert [e.by.id for e in endings] == ["zj-2026-9", "zj-2026-10"]  # earliest first
    assert portal.window_ending(portal.notice_by_id["zj-2023-1"]).by.id == "zj-2026-9"  # ends_rules leaves windows


def test_every_provincial_notice_reaches_only_notices_dated_before_the_cut(tmp_path, base):
    base["national.yml"] = "id: national\nname: {zh: 全国}\nissuers:\n  - {id: min, kind: ministry, name: {zh: 某部}}\n"
    base["notices/zj-2027-1.yml"] = notice("zj-2027-1", "浙教〔2027〕1号", issued="2027-02-01", updated="2027-03-01")
    ministry = ender("min-2026-1", "某部〔2026〕1号", "every_provincial_notice", "2026-01-01").replace(
        "issuer: zj-edu", "issuer: min"
    )
    base["notices/min-2026-1.yml"] = ministry
    portal = load(tmp_path, base)
    assert sorted(portal.endings) == ["zj-2023-1"]
    assert portal.is_national(portal.notice_by_id["min-2026-1"])
    assert [e.target.id for e in portal.endings_by(portal.notice_by_id["min-2026-1"])] == ["zj-2023-1"]


def test_prevails_over_settles_two_dates(tmp_path, base):
    base["notices/zj-2026-9.yml"] = ender("zj-2026-9", "浙教〔2026〕9号", "[zj-2023-1]", "2026-01-01")
    base["notices/zj-2026-11.yml"] = ender(
        "zj-2026-11", "浙教〔2026〕11号", "[zj-2023-1]", "2026-06-01", more="    prevails_over: [zj-2026-9]\n"
    )
    portal = load(tmp_path, base)
    target = portal.notice_by_id["zj-2023-1"]
    assert portal.window_ending(target).by.id == "zj-2026-11"
    assert portal.last_round_year(target, target.deadlines[0]) == 2026


# ---------------------------------------------------------------- bad input: file:line field: message, nothing built


def test_an_unknown_target_is_an_error_at_its_line(tmp_path, base):
    base["notices/zj-2026-9.yml"] = ender("zj-2026-9", "浙教〔2026〕9号", "[zj-2023-1, no-such-notice]", "2026-01-01")
    found = problems(tmp_path, base)
    assert (
        "data/notices/zj-2026-9.yml:13:26 relations.0.targets.1: unknown notice 'no-such-notice' (no data/notices/no-such-notice.yml)"
        in found
    )


def test_a_target_that_did_not_load_is_reported_once_in_its_own_file(tmp_path, base):
    base["notices/zj-2026-9.yml"] = ender(
        "zj-2026-9", "浙教〔2026〕9号", "[zj-2023-1]", "2026-01-01", more="    prevails_over: [zj-2023-1]\n"
    )
    base["notices/zj-2023-1.yml"] = base["notices/zj-2023-1.yml"].replace("status: in_force", "status: lapsed")
    found = problems(tmp_path, base)
    assert [p for p in found if p.startswith("data/notices/zj-2023-1.yml:") and " status: " in p] == found, found


def test_a_relation_cycle_is_an_error(tmp_path, base):
    base["notices/zj-2026-9.yml"] = ender("zj-2026-9", "浙教〔2026〕9号", "[zj-2026-10]", "2026-05-01")
    base["notices/zj-2026-10.yml"] = ender("zj-2026-10", "浙教〔2026〕10号", "[zj-2026-9]", "2026-05-01").replace(
        "issued: 2026-05-01", "issued: 2026-01-01"
    )
    base["notices/zj-2026-9.yml"] = base["notices/zj-2026-9.yml"].replace("issued: 2026-05-01", "issued: 2026-01-01")
    found = problems(tmp_path, base)
    assert any("relations: relations form a cycle: zj-2026-10 → zj-2026-9 → zj-2026-10" in p for p in found), found


def test_an_end_date_before_the_ended_documents_own_date_is_an_error(tmp_path, base):
    base["notices/zj-2026-9.yml"] = ender("zj-2026-9", "浙教〔2026〕9号", "[zj-2023-1]", "2023-01-15")
    found = problems(tmp_path, base)
    assert any(
        p.startswith(
            "data/notices/zj-2026-9.yml:14:11 relations.0.from: from 2023-01-15 is not after the date "
            "of 'zj-2023-1' (2023-03-01)"
        )
        for p in found
    ), found


def test_two_documents_ending_one_window_on_different_dates_must_say_which_wins(tmp_path, base):
    base["notices/zj-2026-9.yml"] = ender("zj-2026-9", "浙教〔2026〕9号", "[zj-2023-1]", "2026-01-01")
    base["notices/zj-2026-11.yml"] = ender("zj-2026-11", "浙教〔2026〕11号", "[zj-2023-1]", "2026-06-01")
    found = problems(tmp_path, base)
    assert (
        "data/notices/zj-2026-9.yml:12:3 relations: 'zj-2026-11' ends 'zj-2023-1' from 2026-06-01, this document "
        "from 2026-01-01: say which prevails (prevails_over)"
    ) in found
    assert all(p.startswith("data/notices/") for p in found)


@pytest.mark.parametrize(
    "relation, message",
    [
        (
            "effect: ends_rules\n    targets: [zj-2023-1]",
            "relations.0.rules: ends_rules needs the ids of the rules it ends",
        ),
        (
            "effect: ends\n    targets: [zj-2023-1]\n    rules: [x]",
            "relations.0.rules: rules are listed only with effect ends_rules, not ends",
        ),
        ("effect: ends\n    targets: [zj-2026-9]", "relations.0.targets.0: a document cannot end itself"),
        ("effect: finishes\n    targets: [zj-2023-1]", "relations.0.effect:"),
    ],
)
def test_malformed_relations_are_reported_in_place(tmp_path, base, relation, message):
    body = notice(
        "zj-2026-9",
        "浙教〔2026〕9号",
        issued="2026-01-01",
        extra=f"relations:\n  - {relation}\n    from: 2026-01-01\n    note: {{zh: 说明}}\n",
    )
    base["notices/zj-2026-9.yml"] = body
    found = problems(tmp_path, base)
    assert any(message in p and p.startswith("data/notices/zj-2026-9.yml:") for p in found), found


def test_documents_that_all_end_each_other_are_reported_without_blowing_up(tmp_path, base):
    # 40 notices, each ending every provincial notice dated before 2026: every pair is a cycle. The check walks each
    # relation once (a path-enumerating search would never finish here).
    for i in range(40):
        base[f"notices/zj-2025-{i}.yml"] = ender(
            f"zj-2025-{i}", f"浙教〔2025〕{i}号", "every_provincial_notice", "2026-01-01"
        ).replace("issued: 2026-01-01", "issued: 2025-06-01")
    found = problems(tmp_path, base)
    assert any("relations form a cycle" in p for p in found)
