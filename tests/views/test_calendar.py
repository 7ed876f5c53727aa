# The deadline calendar: year span, recurrence expansion and month grids (pure), and the calendar pages (month
# tables with captions and headers, each window told once with one bar per month, past years folded to lists, links
# to notice anchors, both languages).
from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from macros.data.models import Notice, Province
from macros.data.portal import Portal
from macros.render.render import render_fragment
from macros.views.calendar_model import (
    by_year,
    expand,
    month_grid,
    month_grids,
    month_to_show,
    months_covered,
    occurrences,
    present,
    shown_notices,
    undated,
    year_span,
    years,
)
from macros.views.calendar_pages import calendar_specs, national_view
from tests.support import province_ids

D = dt.date


def deadline_of(portal, notice_id: str, deadline_id: str):
    notice = portal.notice_by_id[notice_id]
    deadline = next(d for d in notice.deadlines if d.id == deadline_id)
    return portal.province_of(notice), notice, deadline


def tiny_portal(deadlines: list[dict], updated: str = "2026-11-21") -> Portal:
    """A one-province, one-notice portal built through the real models."""
    province = Province.model_validate(
        {
            "id": "p",
            "name": {"zh": "某省", "en": "Some"},
            "issuers": [{"id": "p-edu", "kind": "department", "name": {"zh": "某厅"}}],
        }
    )
    notice = Notice.model_validate(
        {
            "id": "n",
            "issuer": "p-edu",
            "doc_number": "某〔2030〕1号",
            "title": {"zh": "通知"},
            "issued_note": {"zh": "无"},
            "audience": ["higher_vocational"],
            "status": "unknown",
            "summary": {"zh": "摘要"},
            "source": {},
            "updated": updated,
            "deadlines": [
                {"stage": "school_filing", "title": {"zh": d["id"]}, "applies_to": {"zh": "院校"}, **d}
                for d in deadlines
            ],
        }
    )
    return Portal([province], [notice], [], None, {})


# ---------------------------------------------------------------- year span


def test_span_of_the_real_data_runs_from_the_first_dated_year_to_the_year_after_the_last_check(portal):
    first, last = year_span(portal)
    assert first == 2022  # Shandong's first round opens 2022-03-14, the earliest date in the sources
    assert last == max(n.updated.year for n in portal.notices) + 1


def test_span_reaches_past_the_check_year_when_a_date_is_later():
    span = year_span(tiny_portal([{"id": "late", "start": "2030-05-01", "end": "2030-05-03"}], updated="2026-01-01"))
    assert span == (2030, 2031)


def test_span_follows_the_check_date_not_the_build_date():
    assert year_span(tiny_portal([{"id": "a", "end": "2022-05-01"}], updated="2024-06-30")) == (2022, 2025)
    assert year_span(tiny_portal([{"id": "a", "end": "2022-05-01"}], updated="2019-06-30")) == (2022, 2023)


def test_no_dated_deadline_means_no_span():
    assert year_span(tiny_portal([{"id": "u", "when": {"zh": "每年秋季"}}])) is None


# ---------------------------------------------------------------- recurrence


@pytest.mark.parametrize(
    "deadline_id,start,end",
    [
        ("spring-provincial-review", (4, 8), (4, 15)),
        ("autumn-provincial-review", (9, 20), (9, 27)),
        ("spring-school-filing", (4, 1), (4, 7)),
    ],
)
def test_anhui_windows_recur_in_every_year_of_the_span(portal, deadline_id, start, end):
    province, notice, deadline = deadline_of(portal, "anhui-2022-11", deadline_id)
    occs = expand(province, notice, deadline, (2022, 2027))
    assert [(o.start, o.end) for o in occs] == [(D(y, *start), D(y, *end)) for y in range(2022, 2028)]
    assert all(o.recurring for o in occs)
    assert len({o.key for o in occs}) == 6 and {o.anchor for o in occs} == {f"anhui-2022-11--{deadline_id}"}


def test_anhui_materials_due_is_set_for_2022_only(portal):
    occs = expand(*deadline_of(portal, "anhui-2022-11", "spring-materials-due"), (2022, 2027))
    assert [(o.start, o.end, o.recurring, o.due_only) for o in occs] == [(D(2022, 4, 12), D(2022, 4, 12), False, True)]


def test_recurrence_stops_at_until_year_and_starts_at_from_year():
    recurrence = {"freq": "yearly", "from_year": 2023, "until_year": 2025, "basis": {"zh": "每年"}}
    portal = tiny_portal([{"id": "r", "start": "2023-03-01", "end": "2023-03-02", "recurrence": recurrence}])
    occs = occurrences(portal, (2020, 2030))
    assert [o.start for o in occs] == [D(2023, 3, 1), D(2024, 3, 1), D(2025, 3, 1)]


def test_a_window_over_new_year_keeps_its_length_each_year():
    recurrence = {"freq": "yearly", "from_year": 2022, "basis": {"zh": "每年"}}
    portal = tiny_portal([{"id": "r", "start": "2022-12-20", "end": "2023-01-05", "recurrence": recurrence}])
    occs = occurrences(portal, (2022, 2024))
    assert [(o.start, o.end) for o in occs] == [(D(y, 12, 20), D(y + 1, 1, 5)) for y in (2022, 2023, 2024)]


def test_29_february_is_skipped_in_years_without_it_as_rrule_does():
    recurrence = {"freq": "yearly", "from_year": 2024, "basis": {"zh": "每年"}}
    portal = tiny_portal([{"id": "r", "start": "2024-02-29", "end": "2024-02-29", "recurrence": recurrence}])
    assert [o.start for o in occurrences(portal, (2024, 2028))] == [D(2024, 2, 29), D(2028, 2, 29)]


def test_occurrences_are_in_date_order_and_unique(portal):
    occs = occurrences(portal, year_span(portal))
    assert [o.start for o in occs] == sorted(o.start for o in occs)
    assert len({o.key for o in occs}) == len(occs)
    assert [year for year, _ in by_year(occs)] == sorted({o.start.year for o in occs})


def test_undated_obligations_are_listed_and_never_placed_on_a_day(portal):
    listed = {(u.notice.id, u.deadline.id) for u in undated(portal)}
    assert listed == {
        ("shandong-2022-8", "fortnightly-report"),
        ("hunan-2022-80", "later-rounds"),
        ("sdcet-2024-26", "annual-plan"),
    }
    placed = {(o.notice.id, o.deadline.id) for o in occurrences(portal, year_span(portal))}
    assert not listed & placed


def test_province_filter_keeps_only_that_province(portal):
    occs = occurrences(portal, year_span(portal), {"hunan"})
    # the province's own windows, and the national ones, which apply in every province
    assert all(o.province.id == "hunan" or portal.is_national(o.notice) for o in occs)
    assert {o.province.id for o in occs} >= {"hunan"}
    # the windows of 湘教通〔2022〕80号, as the notice sets them (later Hunan notices add their own)
    assert [(o.deadline.id, o.start, o.end) for o in occs if o.notice.id == "hunan-2022-80"] == [
        ("round-1-filing", D(2022, 4, 14), D(2022, 4, 28)),
        ("round-1-municipal-review", D(2022, 4, 28), D(2022, 4, 28)),
        ("round-1-results", D(2022, 5, 28), D(2022, 5, 28)),
    ]


@pytest.mark.parametrize("national", [True, False])
def test_shown_notices_are_the_provinces_and_the_national_ones_in_the_portals_order(portal, national):
    for ids in [{p.id} for p in portal.provinces] + [{p.id for p in portal.provinces[:2]}]:
        expected = [
            n for n in portal.notices if portal.province_of(n).id in ids or (national and portal.is_national(n))
        ]
        assert shown_notices(portal, ids, national) == expected
    assert shown_notices(portal, None) == portal.notices


# ---------------------------------------------------------------- month grids


def test_month_grid_is_monday_first_with_padding(portal):
    grid = month_grid(2022, 4, occurrences(portal, year_span(portal)))
    assert all(len(week) == 7 for week in grid.weeks)
    assert grid.weeks[0][:4] == [None] * 4 and grid.weeks[0][4].date == D(2022, 4, 1)  # 1 April 2022 was a Friday
    days = [day for week in grid.weeks for day in week if day]
    assert [d.date.day for d in days] == list(range(1, 31))


def test_month_grid_places_each_inclusive_range_on_its_days(portal):
    occs = occurrences(portal, year_span(portal))
    december = {
        day.date: {o.anchor for o in day.items} for week in month_grid(2022, 12, occs).weeks for day in week if day
    }
    assert "shandong-2022-8--round-2-filing" in december[D(2022, 12, 20)]
    assert "shandong-2022-8--round-2-filing" not in december[D(2022, 12, 21)]
    assert "shandong-2022-8--training-assessment-complete" in december[D(2022, 12, 31)]
    april_2023 = {
        day.date: {o.key for o in day.items} for week in month_grid(2023, 4, occs).weeks for day in week if day
    }
    assert "anhui-2022-11--spring-provincial-review--2023" in april_2023[D(2023, 4, 8)]
    assert "anhui-2022-11--spring-provincial-review--2023" in april_2023[D(2023, 4, 15)]
    assert not april_2023[D(2023, 4, 16)]
    assert not any("materials-due" in k for keys in april_2023.values() for k in keys)  # set for 2022 only


def test_months_covered_counts_every_month_of_a_long_window(portal):
    occs = [o for o in occurrences(portal, year_span(portal)) if o.anchor == "shandong-2022-8--round-2-filing"]
    assert months_covered(occs) == [(2022, m) for m in range(8, 13)]
    hunan = [o for o in occurrences(portal, year_span(portal), {"hunan"}) if o.notice.id == "hunan-2022-80"]
    assert months_covered(hunan) == [(2022, 4), (2022, 5)]


def test_a_month_lists_each_window_touching_it_once_in_order(portal):
    occs = occurrences(portal, year_span(portal))
    august = month_grid(2022, 8, occs).occurrences
    assert [o.key for o in august] == list(dict.fromkeys(o.key for o in august))
    assert "shandong-2022-8--round-2-filing" in [o.key for o in august]  # it starts on 20 August
    assert "shandong-2022-8--round-2-filing" in [o.key for o in month_grid(2022, 11, occs).occurrences]  # and runs on
    assert month_grid(2022, 8, occs).key == "m-2022-08"


# ---------------------------------------------------------------- the present, years and the month to show


def test_present_is_what_is_open_or_still_to_come_soonest_first(portal):
    occs = occurrences(portal, year_span(portal))
    found = present(occs, D(2025, 3, 25), 5)
    assert found[0].key == "anhui-2022-11--spring-school-filing--2025"
    assert all(o.end >= D(2025, 3, 25) for o in found) and len(found) <= 5
    assert [o.start for o in found] == sorted(o.start for o in found)
    assert present(occs, D(2026, 12, 1), 5) == []  # after the hand-over nothing is held
    assert present(occs, None, 5) == []


def test_years_fold_the_past_and_hold_their_months_and_windows(portal):
    occs = occurrences(portal, year_span(portal))
    found = years(occs, D(2025, 3, 25))
    assert [y.year for y in found] == sorted({o.start.year for o in occs} | {g.year for g in month_grids(occs)})
    assert all(y.past == (y.year < 2025) for y in found)
    assert sum(len(y.occurrences) for y in found) == len(occs)
    assert all(g.year == y.year for y in found for g in y.grids)
    # a past year holds no grids: its windows by the month they start in
    assert all(not y.grids and [o for m in y.lists for o in m.occurrences] == y.occurrences for y in found if y.past)
    assert all(o.start.month == m.month for y in found for m in y.lists for o in m.occurrences)
    assert not any(y.past for y in years(occs, None))


def test_a_window_over_new_year_puts_its_january_in_the_next_year():
    portal = tiny_portal([{"id": "w", "start": "2030-12-20", "end": "2031-01-10"}])
    found = years(occurrences(portal, year_span(portal)), None)
    assert [(y.year, len(y.occurrences), [g.month for g in y.grids]) for y in found] == [
        (2030, 1, [12]),
        (2031, 0, [1]),
    ]


def test_the_month_to_show_is_todays_or_the_next_with_windows_or_the_last(portal):
    grids = month_grids(occurrences(portal, year_span(portal)))
    assert month_to_show(grids, D(2025, 4, 3)).key == "m-2025-04"
    assert month_to_show(grids, D(2025, 3, 25)).key == "m-2025-04"
    assert month_to_show(grids, D(2031, 1, 1)).key == grids[-1].key
    assert month_to_show([], D(2025, 1, 1)) is None


# ---------------------------------------------------------------- built pages


def soup(site: Path, url: str) -> BeautifulSoup:
    return BeautifulSoup((site / url / "index.html").read_text(encoding="utf-8"), "html.parser")


CALENDAR_PAGES = ["calendar", "en/calendar"] + [f"{lang}calendar/{p}" for lang in ("", "en/") for p in province_ids()]


EARLY = D(2022, 1, 1)  # a day before every window of the real data: no year is past, every month has its table


def rendered(portal, lang: str, province_id: str | None, today: dt.date) -> BeautifulSoup:
    """A calendar page's body as the build renders it, as of `today` rather than the data's last check."""
    spec = next(s for s in calendar_specs(portal, None, today) if s.ident == (province_id or ""))
    html = render_fragment(spec.template, portal, lang, spec.url(lang), spec=spec, **spec.context)
    return BeautifulSoup(html, "html.parser")


OPEN_PAGES = [(lang, p) for lang in ("zh", "en") for p in (None, "shandong", "anhui", "hunan")]


@pytest.mark.parametrize("lang,province_id", OPEN_PAGES)
def test_month_tables_have_captions_headers_and_each_window_once_with_one_bar(portal, lang, province_id):
    page = rendered(portal, lang, province_id, EARLY)
    months = page.select(".x-cal-month")
    assert months and not page.select(".x-cal-month--list")  # nothing is past yet
    for month in months:
        table = month.select_one("table.x-cal-grid")
        assert table.caption and table.caption.get_text(strip=True)
        assert [th.get("scope") for th in table.select("thead th")] == ["col"] * 7
        # the table holds days only: a window is drawn once, in the month's list, never once per day
        assert not table.select("li, a, .x-cal-bar")
        assert table.select("td.x-cal-busy")
        items = month.select("ul.x-cal-list > li")
        keys = [item.get("id") or item.a["href"][1:] for item in items]
        assert len(keys) == len(set(keys)), keys  # once each
        for item in items:
            assert len(item.select(".x-cal-bar")) == 1
        for entry in month.select("li.x-cal-entry"):
            assert entry.select_one(".x-stage").get_text(strip=True), entry  # a stage in words, not a colour alone
            assert entry.select_one("time").get_text(strip=True)
        for cont in month.select("li.x-cal-cont"):  # a window running on from an earlier month points back to it
            assert page.find(id=cont.a["href"][1:]) and cont.a.get_text(strip=True), cont.a["href"]


def test_a_window_is_one_bar_per_month_over_its_days(portal):
    """A window is told once, in the month it starts, with one bar over its days there; each later month it runs
    into shows one bar of it too, from the 1st; the days it covers are shaded in the month tables."""
    page = rendered(portal, "zh", "shandong", EARLY)
    key = "shandong-2022-8--round-2-filing"  # 20 August to 20 December 2022
    entry = page.find(id=f"cal-{key}")
    start, end = D.fromisoformat(entry["data-start"]), D.fromisoformat(entry["data-end"])
    assert entry.find_parent(class_="x-cal-month")["id"] == f"m-{start:%Y-%m}"
    assert entry.select_one(".x-cal-bar")["style"] == f"--a:{start.day};--b:31;--n:31"
    assert "x-cal-bar--start" in entry.select_one(".x-cal-bar")["class"]
    later = page.select(f'li.x-cal-cont:has(a[href="#cal-{key}"])')
    assert [c.find_parent(class_="x-cal-month")["id"] for c in later] == [f"m-2022-{m:02d}" for m in range(9, 13)]
    last = later[-1].select_one(".x-cal-bar")
    assert last["style"] == f"--a:1;--b:{end.day};--n:31" and "x-cal-bar--end" in last["class"]
    busy = {td["data-date"] for td in page.select("td.x-cal-busy")}
    assert all((start + dt.timedelta(days=i)).isoformat() in busy for i in range((end - start).days + 1))


@pytest.mark.parametrize("url", CALENDAR_PAGES)
def test_past_years_are_lists_by_month_without_tables(built_site, portal, url):
    """As built (as of the data's last check), a past year is folded to its windows by the month they start in."""
    page = soup(built_site, url)
    last_check = max(n.updated for n in portal.notices)
    for year in page.select("details.x-cal-year"):
        if int(year["data-year"]) >= last_check.year:
            continue
        assert not year.select("table") and year.select(".x-cal-month--list")
        for month in year.select(".x-cal-month--list"):
            assert month.h3.get_text(strip=True)
            assert all(e["data-start"].startswith(month["id"][2:]) for e in month.select("li.x-cal-entry"))


def test_the_page_is_present_first_as_of_the_last_data_check(built_site, portal):
    """Before the months: the box of what is open or next as of the data's last check (nothing, after the hand-over,
    and why), a link to that month; the years before it folded away."""
    page = soup(built_site, "calendar")
    article = page.select_one("article")
    box = article.select_one(".x-cal-present")
    assert box and article.select_one("details.x-cal-year")
    assert str(article).index("x-cal-present") < str(article).index("x-cal-year")
    last_check = max(n.updated for n in portal.notices)
    listed = box.select(".x-present-list li")
    for li in listed:
        assert page.find(id=li.a["href"][1:])["data-end"] >= last_check.isoformat()
    if not listed:
        assert box.select_one(".x-present-none").get("hidden") is None
        assert box.select_one(".x-present-none a.x-docnum")
    for year in page.select("details.x-cal-year"):
        assert (year.get("open") is None) == (int(year["data-year"]) < last_check.year)
    jump = box.select_one("a.x-cal-jump")["href"]
    assert page.find(id=jump[1:]) and "x-cal-month" in page.find(id=jump[1:])["class"]


def _anchor_exists(site: Path, page_url: str, href: str) -> bool:
    target_url, anchor = href.split("#")
    target = (site / page_url / target_url / "index.html").resolve()
    return BeautifulSoup(target.read_text(encoding="utf-8"), "html.parser").find(id=anchor) is not None


def test_each_national_entry_leads_to_its_details(built_site, portal):
    """On the national page an entry is short: its title leads to the entry on the province's calendar (a national
    document's, which has no province calendar, to its notice)."""
    entries = soup(built_site, "calendar").select("li.x-cal-entry")
    assert entries
    for entry in entries:
        title = entry.select_one("a.x-cal-title")
        if entry["data-province"] == portal.national.id:
            assert title is None and _anchor_exists(built_site, "calendar", entry.select_one("a.x-cal-source")["href"])
        else:
            assert title["href"].endswith(f"{entry['data-province']}/#{entry['id']}"), title["href"]
            assert _anchor_exists(built_site, "calendar", title["href"])


@pytest.mark.parametrize("province_id", ["shandong", "anhui", "hunan"])
def test_each_province_entry_links_its_notice_anchor_and_ics(built_site, portal, province_id):
    """On a province's calendar every entry links its notice's anchor; one in a year not past also its .ics."""
    for page in (soup(built_site, f"calendar/{province_id}"), rendered(portal, "zh", province_id, EARLY)):
        for entry in page.select("li.x-cal-entry"):
            assert _anchor_exists(built_site, f"calendar/{province_id}", entry.select_one("a.x-cal-source")["href"])
    entries = rendered(portal, "zh", province_id, EARLY).select("li.x-cal-entry")
    assert entries and all(e.select_one("a.x-cal-ics") for e in entries)
    for entry in entries:
        assert (built_site / "calendar" / province_id / entry.select_one("a.x-cal-ics")["href"]).resolve().is_file()


def test_national_page_lists_every_occurrence_and_undated_obligation(built_site, portal):
    page = soup(built_site, "calendar")
    shown = national_view(portal)
    assert {n.id for n in shown.notices} == {n.id for n in portal.notices}  # today's data fits the national page
    expected = occurrences(shown, year_span(shown))
    assert [e["id"] for e in page.select("li.x-cal-entry")] == [f"cal-{o.key}" for o in expected]
    undated_text = " ".join(page.select_one("ul.x-cal-undated").get_text(" ").split())
    for u in undated(shown):
        assert u.deadline.when.zh in undated_text


@pytest.mark.parametrize("province_id", province_ids())
def test_each_province_page_lists_all_its_windows(built_site, portal, province_id):
    expected = occurrences(portal, year_span(portal), {province_id})
    entries = soup(built_site, f"calendar/{province_id}").select("li.x-cal-entry")
    assert [e["id"] for e in entries] == [f"cal-{o.key}" for o in expected]


@pytest.mark.parametrize(
    "url,entry,text",
    [
        ("calendar", "cal-shandong-2022-8--round-2-filing", "2022年8月20日—12月20日"),
        ("calendar/hunan", "cal-hunan-2022-80--round-1-results", "截至2022年5月28日"),
        ("en/calendar/hunan", "cal-hunan-2022-80--round-1-results", "by 28 May 2022"),
        ("calendar/anhui", "cal-anhui-2022-11--spring-provincial-review--2024", "2024年4月8日—4月15日"),
        ("en/calendar/anhui", "cal-anhui-2022-11--autumn-provincial-review--2023", "20 – 27 Sep 2023"),
    ],
)
def test_list_entries_carry_the_source_dates(built_site, url, entry, text):
    found = soup(built_site, url).find(id=entry)
    assert found is not None
    assert found.select_one("time").get_text(strip=True) == text


def test_recurring_entries_are_marked_with_their_source_document(built_site):
    page = soup(built_site, "calendar/anhui")
    entry = page.find(id="cal-anhui-2022-11--autumn-school-filing--2025")
    recurring = entry.select_one(".x-recurring").get_text(" ")
    assert "每年重复（2022—2025年）" in recurring and "皖教秘职成〔2022〕11号" in recurring
    assert "人社厅函〔2025〕154号" in entry.get_text()  # why it stops
    assert page.find(id="cal-anhui-2022-11--autumn-school-filing--2026") is None


def test_language_switch_leads_to_the_counterpart_calendar(built_site):
    zh = soup(built_site, "calendar/anhui").select_one('a.md-select__link[hreflang="en"]')["href"]
    en = soup(built_site, "en/calendar/anhui").select_one('a.md-select__link[hreflang="zh"]')["href"]
    assert (built_site / "calendar/anhui" / zh).resolve() == (built_site / "en/calendar/anhui").resolve()
    assert (built_site / "en/calendar/anhui" / en).resolve() == (built_site / "calendar/anhui").resolve()


def test_feeds_are_linked_for_subscription_and_download(built_site):
    page = soup(built_site, "en/calendar/shandong")
    subscribe = [a["href"] for a in page.select("a.x-cal-subscribe")]
    assert subscribe and all(h.startswith("webcal://") and h.endswith(".ics") for h in subscribe)
    assert any(h.endswith("/calendar/feeds/shandong.ics") for h in subscribe)
    for a in page.select("a.x-cal-download"):
        assert (built_site / "en/calendar/shandong" / a["href"]).resolve().is_file()


@pytest.mark.parametrize("url", ["notices/anhui-2022-11", "en/notices/hunan-2022-80"])
def test_notice_pages_link_the_calendar_and_each_deadlines_ics(built_site, url):
    page = soup(built_site, url)
    links = page.select("p.x-cal-links a")
    assert links and all((built_site / url / a["href"]).resolve().joinpath("index.html").is_file() for a in links)
    dated = page.select("tr.x-deadline[data-end]")
    assert dated and all(row.select_one("a.x-cal-ics") for row in dated)
    for row in dated:
        assert (built_site / url / row.select_one("a.x-cal-ics")["href"]).resolve().is_file()
    assert not any(row.select_one("a.x-cal-ics") for row in page.select("tr.x-deadline:not([data-end])"))


def test_grids_and_lists_stay_out_of_the_search_index(built_site):
    """The calendar repeats the notices' facts once per day and year: searching finds them on the notice pages."""
    import re

    from tests.support import pagefind_pages

    def squash(text: str) -> str:  # Pagefind keeps its Chinese word breaks as zero-width spaces
        return re.sub(r"[\s\u200b]+", "", text)

    indexed = {url: page for url, page in pagefind_pages(built_site).items() if "calendar/" in url}
    assert "calendar/" in indexed and "en/calendar/" in indexed  # the pages themselves can still be found
    for url, page in indexed.items():
        words = squash(page["content"])
        assert "添加到我的日历" not in words and "Addtomycalendar" not in words, url  # list entries
        html = BeautifulSoup((built_site / url / "index.html").read_text(encoding="utf-8"), "html.parser")
        excluded = [squash(block.get_text()) for block in html.select("[data-search-exclude]")]
        assert any(excluded), url
        for text in excluded:  # grids and lists, each as a whole (without the exclusion, some are found)
            assert len(text) < 20 or text not in words, (url, text[:60])


@pytest.mark.parametrize("url,name", [("", "日历"), ("en", "Calendar")])
def test_navigation_leads_to_the_national_calendar(built_site, url, name):
    tab = next(a for a in soup(built_site, url).select("a.md-tabs__link") if a.get_text(strip=True) == name)
    target = (built_site / url / tab["href"]).resolve()
    assert target == (built_site / url / "calendar").resolve()
