# The .ics feeds: parsed with icalendar and expanded independently with recurring-ical-events, checked against
# the dates of the source documents; stable UIDs; RFC 5545 shape; byte-identical output on every build.
from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import icalendar
import pytest
import recurring_ical_events

from macros.outputs import ics
from macros.outputs.ics import produce_feeds
from macros.views.calendar_model import dated_deadlines
from macros.views.urls import ics_event_path as event_feed_path
from macros.views.urls import ics_feed_path as feed_path
from tests.support import ROOT, site_config

D = dt.date


def site_url() -> str:
    """The site_url the build uses: mkdocs.yml read with mkdocs' own loader (its !ENV SITE_URL override included)."""
    from mkdocs.utils.yaml import yaml_load

    with open(ROOT / "mkdocs.yml", "rb") as config:
        return yaml_load(config)["site_url"]


def build_config():
    """What the build gives the feeds: the site_url above, extra.identity and extra.calendar of mkdocs.yml."""
    return site_config(site_url())


def feed_files(site: Path) -> list[Path]:
    return sorted((site / "calendar" / "feeds").rglob("*.ics"))


def parse(path: Path) -> icalendar.Calendar:
    return icalendar.Calendar.from_ical(path.read_bytes())


def windows(path: Path, uid_prefix: str, start: dt.date, end: dt.date) -> list[tuple[dt.date, dt.date]]:
    """(DTSTART, DTEND) of each occurrence of the event whose UID starts with uid_prefix, expanded by
    recurring-ical-events (not by our code) between start and end."""
    found = recurring_ical_events.of(parse(path)).between(start, end)
    return sorted((e.decoded("dtstart"), e.decoded("dtend")) for e in found if str(e["uid"]).startswith(uid_prefix))


def test_every_province_has_a_feed_and_every_dated_deadline_its_own_file(built_site, portal):
    expected = {feed_path(None)} | {feed_path(p.id) for p in portal.provinces}
    expected |= {event_feed_path(n.id, d.id) for _, n, d in dated_deadlines(portal)}
    assert {p.relative_to(built_site).as_posix() for p in feed_files(built_site)} == expected


def test_every_feed_parses_and_has_the_required_properties(built_site, portal):
    for path in feed_files(built_site):
        raw = path.read_bytes()
        assert raw.startswith(b"BEGIN:VCALENDAR\r\n") and raw.endswith(b"END:VCALENDAR\r\n")
        assert b"\n" not in raw.replace(b"\r\n", b"")  # CRLF line ends only
        assert all(len(line) <= 75 for line in raw.split(b"\r\n")), path  # folded at 75 octets
        cal = parse(path)
        assert str(cal["version"]) == "2.0" and str(cal["prodid"])
        events = cal.walk("VEVENT")
        assert events, path
        for event in events:
            for prop in ("uid", "dtstamp", "dtstart", "dtend", "summary", "description"):
                assert prop in event, (path, prop)
            start, end = event.decoded("dtstart"), event.decoded("dtend")
            assert type(start) is dt.date and type(end) is dt.date and end > start  # all-day events
            stamp = event.decoded("dtstamp")
            assert stamp.tzinfo is not None and stamp.utcoffset() == dt.timedelta(0)


def test_dtstamp_is_the_notices_check_date(built_site, portal):
    for event in parse(built_site / feed_path(None)).walk("VEVENT"):
        notice_id = str(event["uid"]).split("--")[0]
        assert event.decoded("dtstamp") == dt.datetime.combine(
            portal.notice_by_id[notice_id].updated, dt.time(0), tzinfo=dt.UTC
        )


def test_shandong_second_round_is_20_august_to_20_december_2022(built_site):
    for feed in (feed_path("shandong"), feed_path(None), event_feed_path("shandong-2022-8", "round-2-filing")):
        assert windows(built_site / feed, "shandong-2022-8--round-2-filing@", D(2022, 1, 1), D(2024, 1, 1)) == [
            (D(2022, 8, 20), D(2022, 12, 21))
        ]  # DTEND is the day after the last day


def test_hunan_results_are_due_by_28_may_2022(built_site):
    assert windows(
        built_site / feed_path("hunan"), "hunan-2022-80--round-1-results@", D(2022, 1, 1), D(2030, 1, 1)
    ) == [(D(2022, 5, 28), D(2022, 5, 29))]


@pytest.mark.parametrize(
    "deadline_id,first,last",
    [
        ("spring-provincial-review", (4, 8), (4, 15)),
        ("autumn-provincial-review", (9, 20), (9, 27)),
    ],
)
def test_anhui_provincial_review_recurs_in_2023_and_2024(built_site, deadline_id, first, last):
    for feed in (feed_path("anhui"), feed_path(None), event_feed_path("anhui-2022-11", deadline_id)):
        found = windows(built_site / feed, f"anhui-2022-11--{deadline_id}@", D(2023, 1, 1), D(2025, 1, 1))
        assert found == [(D(y, *first), D(y, *last) + dt.timedelta(days=1)) for y in (2023, 2024)], feed


def test_recurrence_is_one_event_with_a_yearly_rule_not_copies(built_site):
    events = [
        e
        for e in parse(built_site / feed_path("anhui")).walk("VEVENT")
        if str(e["uid"]).startswith("anhui-2022-11--spring-provincial-review@")
    ]
    assert len(events) == 1
    rule = events[0]["rrule"]
    assert rule["FREQ"] == ["YEARLY"] and "COUNT" not in rule
    # it repeats up to the last year it can start: 人社厅函〔2025〕154号 ends the rounds from 2026 (test_relations.py)
    assert rule["UNTIL"] == [D(2025, 4, 8)]
    assert events[0].decoded("dtstart") == D(2022, 4, 8)
    one_off = [
        e
        for e in parse(built_site / feed_path("anhui")).walk("VEVENT")
        if str(e["uid"]).startswith("anhui-2022-11--spring-materials-due@")
    ]
    assert len(one_off) == 1 and "rrule" not in one_off[0]  # set for 2022 only


def test_uids_are_stable_ids_shared_by_every_feed(built_site, portal):
    host = build_config().identity.uid_domain  # configured, not the site's host (tests/site/test_publication.py)
    expected = {f"{n.id}--{d.id}@{host}" for _, n, d in dated_deadlines(portal)}
    all_uids = [str(e["uid"]) for e in parse(built_site / feed_path(None)).walk("VEVENT")]
    assert sorted(all_uids) == sorted(expected)  # each once: no duplicates
    for p in portal.provinces:  # a province's feed: its own deadlines and the national ones, each once
        mine = {
            f"{n.id}--{d.id}@{host}" for q, n, d in dated_deadlines(portal) if q.id == p.id or portal.is_national(n)
        }
        province_uids = [str(e["uid"]) for e in parse(built_site / feed_path(p.id)).walk("VEVENT")]
        assert sorted(province_uids) == sorted(mine)
    for _, n, d in dated_deadlines(portal):
        single = parse(built_site / event_feed_path(n.id, d.id)).walk("VEVENT")
        assert [str(e["uid"]) for e in single] == [f"{n.id}--{d.id}@{host}"]


def test_undated_obligations_are_not_events(built_site):
    uids = " ".join(str(e["uid"]) for e in parse(built_site / feed_path(None)).walk("VEVENT"))
    for undated_id in ("fortnightly-report", "later-rounds", "annual-plan"):
        assert undated_id not in uids


def test_summary_is_bilingual_and_description_names_document_and_page(built_site):
    event = next(
        e
        for e in parse(built_site / feed_path(None)).walk("VEVENT")
        if str(e["uid"]).startswith("hunan-2022-80--round-1-results@")
    )
    assert (
        str(event["summary"])
        == "湖南省：省推进办公布审核结果（截止） / Hunan: First round — review results published (deadline)"
    )
    description = str(event["description"])
    assert "湘教通〔2022〕80号" in description
    page = site_url().rstrip("/") + "/notices/hunan-2022-80/#hunan-2022-80--round-1-results"
    assert page in description and str(event["url"]) == page
    assert site_url().rstrip("/") + "/en/notices/hunan-2022-80/#hunan-2022-80--round-1-results" in description


def test_recurring_event_names_its_basis(built_site):
    event = next(
        e
        for e in parse(built_site / feed_path("anhui")).walk("VEVENT")
        if str(e["uid"]).startswith("anhui-2022-11--autumn-school-filing@")
    )
    description = str(event["description"])
    assert "每年重复（自2022年起至2025年）" in description and "Repeats every year (from 2022 to 2025)" in description
    assert "皖教秘职成〔2022〕11号" in description
    # and why it stops: the later document, from its own relation
    assert "自2026年1月1日起不再举行：人社厅函〔2025〕154号" in description


def test_feeds_are_byte_identical_on_every_build(built_site, portal):
    first = produce_feeds(portal, build_config())
    second = produce_feeds(portal, build_config())
    assert first == second
    built = {p.relative_to(built_site).as_posix(): p.read_bytes() for p in feed_files(built_site)}
    assert built == first


def test_without_a_site_url_the_uids_stay_and_links_are_relative(portal):
    feeds = produce_feeds(portal, site_config(None))
    cal = icalendar.Calendar.from_ical(feeds[feed_path(None)])
    assert all(str(e["uid"]).endswith("@" + build_config().identity.uid_domain) for e in cal.walk("VEVENT"))
    assert all("url" not in e for e in cal.walk("VEVENT"))
    assert "notices/hunan-2022-80/#hunan-2022-80--round-1-results" in feeds[feed_path("hunan")].decode().replace(
        "\r\n ", ""
    )


def test_feeds_are_what_icalendar_writes_for_the_whole_calendar(portal):
    # feed() serialises each event once and joins the text; it must equal icalendar's own output of the calendar
    # with the events added as components (content lines folded the same way, same order, same ending).
    url = build_config()
    entries = list(dated_deadlines(portal))
    feeds = produce_feeds(portal, url)
    for province, path in [(None, feed_path(None))] + [(p.id, feed_path(p.id)) for p in portal.provinces]:
        mine = [e for e in entries if province is None or e[0].id == province or portal.is_national(e[1])]
        cal = icalendar.Calendar()
        for key, value in icalendar.Calendar.from_ical(feeds[path]).property_items(recursive=False)[1:-1]:
            cal.add(key, value)
        ordered = sorted(mine, key=lambda e: ((e[2].start or e[2].end), e[1].id, e[2].id))
        for p, n, d in ordered:
            cal.add_component(ics.deadline_event(p, n, d, url, ics.until_of(portal, n, d)))
        assert feeds[path] == cal.to_ical(), path


# ---------------------------------------------------------------- summaries and reminders


def _events(built_site):
    return parse(built_site / feed_path(None)).walk("VEVENT")


def test_summaries_name_province_and_title_once_and_mark_due_dates_once(built_site, portal):
    by_uid = {f"{n.id}--{d.id}": (p, d) for p, n, d in dated_deadlines(portal)}
    for event in _events(built_site):
        province, deadline = by_uid[str(event["uid"]).split("@")[0]]
        zh = str(event["summary"]).split(" / ")[0]
        assert zh.startswith(f"{province.name.zh}：{deadline.title.zh}"), zh
        assert zh.count(province.name.zh) == 1 and not zh.startswith("截止")
        assert zh.count("截止") <= 1, f"doubled: {zh}"  # "……报送截止" gets no second mark
        if deadline.start is None:  # a due date says so, in the title or by the mark
            assert "截止" in zh or "截至" in zh, zh
        else:
            assert zh == f"{province.name.zh}：{deadline.title.zh}"
        if deadline.title.en and province.name.en:
            en = str(event["summary"]).split(" / ", 1)[1]
            assert en.startswith(f"{province.name.en}: {deadline.title.en}")
            says_due = re.compile(r"\b(?:due|deadline)\b", re.IGNORECASE)
            expected = 1 if deadline.start is None else len(says_due.findall(deadline.title.en))
            assert len(says_due.findall(en)) == expected, en


def test_a_due_title_that_says_so_is_not_marked_again(portal):
    anhui = portal.province_by_id["anhui"]
    notice = portal.notice_by_id["anhui-2022-11"]
    due = next(d for d in notice.deadlines if d.id == "spring-materials-due")
    assert ics.summary(anhui, due) == (
        "安徽省：春季《申报表》《汇总表》扫描件报送截止 / "
        "Anhui: Spring round — scans of application form and summary sheet due"
    )


def test_every_event_reminds_the_configured_days_before_its_window_ends(built_site, portal):
    days = build_config().reminder_days  # mkdocs.yml extra.calendar.reminder_days (0: none)
    for event in _events(built_site):
        alarms = event.walk("VALARM")
        assert len(alarms) == (1 if days else 0), event["uid"]
        if not days:
            continue
        alarm = alarms[0]
        assert str(alarm["action"]) == "DISPLAY" and str(alarm["description"])
        assert alarm["trigger"].params["RELATED"] == "END"
        assert alarm.decoded("trigger") == -dt.timedelta(days=days)


def test_reminders_fall_before_the_end_of_every_occurrence(built_site):
    # recurring-ical-events expands the windows; the alarm time is computed here from each occurrence's end, since
    # its own VALARM expansion fails on all-day events (niccokunzmann/python-recurring-ical-events#234, open).
    cal = parse(built_site / feed_path(None))
    days = build_config().reminder_days
    if not days:
        pytest.skip("mkdocs.yml sets no reminder (extra.calendar.reminder_days)")
    occurrences = recurring_ical_events.of(cal).between(D(2019, 1, 1), D(2031, 1, 1))
    assert occurrences
    for occurrence in occurrences:
        end = occurrence.decoded("dtend")  # the day after the last day of the window
        trigger = occurrence.walk("VALARM")[0].decoded("trigger")
        fires = dt.datetime.combine(end, dt.time()) + trigger
        assert fires == dt.datetime.combine(end - dt.timedelta(days=days), dt.time())
        assert fires.date() <= end - dt.timedelta(days=1)  # on or before the last day


def test_the_reminder_follows_reminder_days_and_zero_or_absent_means_none(portal):
    import dataclasses

    from macros.data.publication import publication

    quiet = dataclasses.replace(build_config(), reminder_days=0)
    assert b"BEGIN:VALARM" not in produce_feeds(portal, quiet)[feed_path(None)]
    five = icalendar.Calendar.from_ical(
        produce_feeds(portal, dataclasses.replace(quiet, reminder_days=5))[feed_path(None)]
    )
    assert {e.walk("VALARM")[0].decoded("trigger") for e in five.walk("VEVENT")} == {-dt.timedelta(days=5)}
    absent = publication("https://portal.example.cn/", {"identity": dataclasses.asdict(build_config())["identity"]})
    assert absent.reminder_days == 0
