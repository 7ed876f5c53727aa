# A real browser on the national calendar: switching a province off hides exactly its ranges and switching it on
# shows them again, and the address keeps the choice; from the reader's date the page opens with what is open or next,
# past years folded away and a link to the current month; with JavaScript off, the page still lists every range with
# its dates (past years folded as of the data's last check, opened by a click).
from __future__ import annotations

import pytest

from macros.views.calendar_model import occurrences, undated, year_span
from macros.views.calendar_pages import national_view
from tests.views.test_calendar import EARLY, rendered

pytestmark = pytest.mark.browser


def visible_count(page, selector: str) -> int:
    return page.evaluate("s => [...document.querySelectorAll(s)].filter(e => e.offsetParent !== null).length", selector)


BEFORE_EVERYTHING = "2022-01-10T09:00:00+08:00"  # every year of the calendar is this year or later: all open


def test_switching_a_province_off_and_on(browser_page, site_server, portal):
    portal = national_view(portal)
    page = browser_page
    page.clock.set_fixed_time(BEFORE_EVERYTHING)
    page.goto(site_server + "calendar/")
    switch = page.locator('input[data-cal-province="anhui"]')
    assert switch.is_visible() and switch.is_checked()
    anhui_entries = len([o for o in occurrences(portal, year_span(portal)) if o.province.id == "anhui"])
    other_entries = len([o for o in occurrences(portal, year_span(portal)) if o.province.id in ("shandong", "hunan")])
    national_entries = len([o for o in occurrences(portal, year_span(portal)) if portal.is_national(o.notice)])
    assert anhui_entries and other_entries
    assert visible_count(page, 'li.x-cal-entry[data-province="anhui"]') == anhui_entries
    april_2023 = page.locator("#m-2023-04")
    assert april_2023.is_visible()  # a month with Anhui's windows only

    switch.uncheck()
    assert visible_count(page, '[data-province="anhui"]') == 0
    assert (
        visible_count(page, 'li.x-cal-entry[data-province="shandong"], li.x-cal-entry[data-province="hunan"]')
        == other_entries
    )
    # national documents apply in every province: no province switch hides them
    assert visible_count(page, f'li.x-cal-entry[data-province="{portal.national.id}"]') == national_entries
    assert page.locator('[id="cal-shandong-2022-8--round-2-filing"]').is_visible()
    assert not page.locator('[id="cal-anhui-2022-11--spring-provincial-review--2023"]').is_visible()
    assert not april_2023.is_visible()  # left empty, so hidden
    assert page.locator("#m-2022-04").is_visible()  # Shandong and Hunan remain
    # a past year is a list by the month each window starts in: told once each, there
    april_2022 = [o for o in occurrences(portal, year_span(portal)) if (o.start.year, o.start.month) == (2022, 4)]
    assert visible_count(page, "#m-2022-04 li.x-cal-entry") == len([o for o in april_2022 if o.province.id != "anhui"])
    assert "province=shandong,hunan" in page.url  # the choice is kept in the address

    switch.check()
    assert visible_count(page, 'li.x-cal-entry[data-province="anhui"]') == anhui_entries
    assert page.locator('[id="cal-anhui-2022-11--spring-provincial-review--2023"]').is_visible()
    assert april_2023.is_visible()
    assert visible_count(page, "#m-2022-04 li.x-cal-entry") == len(april_2022)
    assert "province=" not in page.url  # all shown: nothing to keep


def test_the_province_choice_comes_from_the_address_and_goes_to_the_other_language(browser_page, site_server, portal):
    page = browser_page
    page.clock.set_fixed_time(BEFORE_EVERYTHING)
    page.goto(site_server + "calendar/?province=anhui")
    assert page.locator('input[data-cal-province="anhui"]').is_checked()
    assert not page.locator('input[data-cal-province="shandong"]').is_checked()
    assert visible_count(page, 'li.x-cal-entry[data-province="shandong"]') == 0
    assert visible_count(page, 'li.x-cal-entry[data-province="anhui"]') > 0
    english = page.locator('a.md-select__link[hreflang="en"]').get_attribute("href")
    assert english.endswith("en/calendar/?province=anhui")
    page.goto(site_server + "calendar/?province=nowhere")  # an unknown province: everything, not nothing
    assert page.locator('input[data-cal-province="shandong"]').is_checked()
    assert visible_count(page, 'li.x-cal-entry[data-province="shandong"]') > 0


@pytest.mark.parametrize("root", ["", "en/"])
def test_the_page_opens_with_what_is_next_and_folds_past_years(browser, site_server, portal, root):
    """On 25 March 2025 the Anhui spring round is the first thing coming up: within the first two screens of a phone,
    with the years before 2025 folded away and "this month" leading to the next month with windows."""
    context = browser.new_context(viewport={"width": 390, "height": 844})
    try:
        page = context.new_page()
        page.clock.set_fixed_time("2025-03-25T09:00:00+08:00")
        page.goto(site_server + root + "calendar/")
        first = page.locator(".x-cal-present .x-present-list li").first
        assert first.locator(".x-status").get_attribute("data-status") == "next"
        assert first.locator("a").get_attribute("href") == "#cal-anhui-2022-11--spring-school-filing--2025"
        assert first.bounding_box()["y"] + first.bounding_box()["height"] <= 2 * 844
        assert page.locator(".x-cal-present .x-present-none").is_hidden()
        years = page.eval_on_selector_all("details.x-cal-year", "ds => ds.map(d => [+d.dataset.year, d.open])")
        assert years and all(is_open == (year >= 2025) for year, is_open in years), years
        assert page.locator("a.x-cal-jump").get_attribute("href") == "#m-2025-04"
        first.locator("a").click()  # into the list entry, in its year
        assert page.locator('[id="cal-anhui-2022-11--spring-school-filing--2025"]').is_visible()
        page.goto(site_server + root + "calendar/#cal-anhui-2022-11--spring-school-filing--2023")
        assert page.locator('[id="cal-anhui-2022-11--spring-school-filing--2023"]').is_visible()  # its year opened
    finally:
        context.close()


def test_after_the_last_window_the_box_says_nothing_is_next_and_every_year_is_folded(browser_page, site_server):
    page = browser_page
    page.clock.set_fixed_time("2026-12-01T09:00:00+08:00")
    page.goto(site_server + "calendar/")
    assert page.locator(".x-cal-present .x-present-list li").count() == 0
    assert page.locator(".x-cal-present .x-present-none").is_visible()
    assert page.locator(".x-cal-stopped").is_visible()  # and why
    assert page.eval_on_selector_all("details.x-cal-year[open]", "ds => ds.length") == 0


def test_status_is_computed_from_the_readers_date(browser_page, site_server):
    page = browser_page
    page.clock.set_fixed_time(BEFORE_EVERYTHING)
    page.goto(site_server + "en/calendar/anhui/")
    page.evaluate("window.portalStatus(new Date(2023, 3, 10))")  # 10 April 2023
    status = lambda key: page.locator(f'[id="cal-{key}"] .x-status').get_attribute("data-status")  # noqa: E731
    assert status("anhui-2022-11--spring-provincial-review--2023") == "now"
    assert status("anhui-2022-11--spring-school-filing--2023") == "past"
    assert status("anhui-2022-11--autumn-provincial-review--2023") == "next"
    assert status("anhui-2022-11--spring-provincial-review--2022") == "past"


def test_without_javascript_every_range_is_listed(browser, site_server, portal):
    portal = national_view(portal)
    context = browser.new_context(java_script_enabled=False)
    try:
        page = context.new_page()
        page.goto(site_server + "calendar/")
        assert not page.locator(".x-cal-filter").is_visible()  # the switch needs scripts, so it stays hidden
        expected = occurrences(portal, year_span(portal))
        entries = page.locator("li.x-cal-entry")
        assert entries.count() == len(expected)
        # as of the data's last check: what was open or next then (nothing, after the hand-over), and every year
        # before that check folded; a click opens a year, without any script
        assert page.locator(".x-cal-present .x-present-asof").is_visible()
        last_check = max(n.updated for n in portal.notices)
        for year in page.locator("details.x-cal-year").all():
            assert (year.get_attribute("open") is None) == (int(year.get_attribute("data-year")) < last_check.year)
            if year.get_attribute("open") is None:
                year.locator("summary").click()
        assert visible_count_nojs(entries) == len(expected)
        for key, text in [
            ("shandong-2022-8--round-2-filing", "2022年8月20日—12月20日"),
            ("hunan-2022-80--round-1-results", "截至2022年5月28日"),
            ("anhui-2022-11--spring-provincial-review--2023", "2023年4月8日—4月15日"),
            ("anhui-2022-11--autumn-provincial-review--2024", "2024年9月20日—9月27日"),
        ]:
            entry = page.locator(f'[id="cal-{key}"]')
            assert entry.is_visible()
            assert entry.locator("time").inner_text() == text
        # told once, in the month it starts; a past year holds no month tables
        assert page.locator("#m-2022-08 #cal-shandong-2022-8--round-2-filing").count() == 1
        assert page.locator("details.x-cal-year table").count() == 0
        listed = page.locator("ul.x-cal-undated").inner_text()
        for u in undated(portal):
            assert u.deadline.title.zh in listed
    finally:
        context.close()


def visible_count_nojs(locator) -> int:
    return sum(1 for i in range(locator.count()) if locator.nth(i).is_visible())


def test_todays_cell_is_marked_and_busy_days_follow_the_province_switch(browser_page, site_server, portal):
    """On month tables (the real data's years are all past as built, so the page's body is the national calendar
    rendered as of a day before every window): today's cell from the reader's date; a day is shaded while a window of
    a province shown runs on it."""
    page = browser_page
    page.clock.set_fixed_time(BEFORE_EVERYTHING)
    page.goto(site_server + "calendar/")
    body = str(rendered(portal, "zh", None, EARLY))
    page.evaluate("html => { document.querySelector('article .x-cal-head').parentElement.innerHTML = html; }", body)
    page.evaluate("window.portalCalendar.markToday(new Date(2022, 7, 20))")  # 20 August 2022
    marked = page.locator('td[aria-current="date"]')
    assert marked.count() == 1 and marked.get_attribute("data-date") == "2022-08-20"
    page.evaluate("window.portalCalendar.markToday(new Date(2022, 11, 20))")
    assert page.locator('td[aria-current="date"]').get_attribute("data-date") == "2022-12-20"
    page.evaluate("window.portalCalendar.markToday(new Date(2031, 0, 1))")  # a day the calendar does not show
    assert page.locator('td[aria-current="date"]').count() == 0
    shandong_only = 'td[data-date="2022-12-20"]'  # Shandong's second round ends that day; nobody else is busy
    assert "x-cal-busy" in page.locator(shandong_only).get_attribute("class")
    page.evaluate("""() => {
      const filter = document.querySelector(".x-cal-filter");
      filter.querySelector('input[value="shandong"]').checked = false;
      window.portalCalendar.applyFilter(filter);
    }""")
    assert "x-cal-busy" not in (page.locator(shandong_only).get_attribute("class") or "")
    assert page.locator("td.x-cal-busy").count() > 0  # the other provinces' days stay shaded
