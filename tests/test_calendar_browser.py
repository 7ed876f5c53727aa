# A real browser on the national calendar: switching a province off hides exactly its ranges and switching it on
# shows them again; with JavaScript off, the page still lists every range with its dates.
from __future__ import annotations

import pytest

from macros.calendar_model import occurrences, undated, year_span
from macros.calendar_pages import national_view

pytestmark = pytest.mark.browser


def visible_count(page, selector: str) -> int:
    return page.evaluate("s => [...document.querySelectorAll(s)].filter(e => e.offsetParent !== null).length", selector)


def test_switching_a_province_off_and_on(browser_page, site_server, portal):
    portal = national_view(portal)
    page = browser_page
    page.goto(site_server + "calendar/")
    switch = page.locator('input[data-cal-province="anhui"]')
    assert switch.is_visible() and switch.is_checked()
    anhui_entries = len([o for o in occurrences(portal, year_span(portal)) if o.province.id == "anhui"])
    other_entries = len(occurrences(portal, year_span(portal))) - anhui_entries
    assert anhui_entries and other_entries
    assert visible_count(page, 'li.x-cal-entry[data-province="anhui"]') == anhui_entries
    april_2023 = page.locator('.x-cal-month:has(td[data-date="2023-04-08"])')
    assert april_2023.is_visible()  # a month with Anhui's windows only

    switch.uncheck()
    assert visible_count(page, '[data-province="anhui"]') == 0
    others = ", ".join(f'li.x-cal-entry[data-province="{p.id}"]' for p in portal.provinces if p.id != "anhui")
    national = len([o for o in occurrences(portal, year_span(portal)) if portal.is_national(o.notice)])
    assert visible_count(page, others) == other_entries - national
    # national deadlines apply in every province: no province switch hides them
    assert visible_count(page, 'li.x-cal-entry[data-province="national"]') == national
    assert page.locator('[id="cal-shandong-2022-8--round-2-filing"]').is_visible()
    assert not page.locator('[id="cal-anhui-2022-11--spring-provincial-review--2023"]').is_visible()
    assert not april_2023.is_visible()  # left empty, so hidden
    assert page.locator('.x-cal-month:has(td[data-date="2022-04-08"])').is_visible()  # Shandong and Hunan remain
    assert visible_count(page, 'td[data-date="2022-04-08"] li.x-cal-item') == 1  # Shandong's first round

    switch.check()
    assert visible_count(page, 'li.x-cal-entry[data-province="anhui"]') == anhui_entries
    assert page.locator('[id="cal-anhui-2022-11--spring-provincial-review--2023"]').is_visible()
    assert april_2023.is_visible()
    assert visible_count(page, 'td[data-date="2022-04-08"] li.x-cal-item') == 3


def test_status_is_computed_from_the_readers_date(browser_page, site_server):
    page = browser_page
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
        assert visible_count_nojs(entries) == len(expected)
        for key, text in [("shandong-2022-8--round-2-filing", "2022年8月20日—12月20日"),
                          ("hunan-2022-80--round-1-results", "截至2022年5月28日"),
                          ("anhui-2022-11--spring-provincial-review--2023", "2023年4月8日—4月15日"),
                          ("anhui-2022-11--autumn-provincial-review--2024", "2024年9月20日—9月27日")]:
            entry = page.locator(f'[id="cal-{key}"]')
            assert entry.is_visible()
            assert entry.locator("time").inner_text() == text
        assert page.locator('td[data-date="2022-12-20"] li.x-cal-item').count() == 1
        assert page.locator('td[data-date="2022-12-21"] li.x-cal-item').count() == 0
        listed = page.locator("ul.x-cal-undated").inner_text()
        for u in undated(portal):
            assert u.deadline.title.zh in listed
    finally:
        context.close()


def visible_count_nojs(locator) -> int:
    return sum(1 for i in range(locator.count()) if locator.nth(i).is_visible())


def test_todays_cell_is_marked_from_the_readers_date(browser_page, site_server):
    page = browser_page
    page.goto(site_server + "calendar/shandong/")
    page.evaluate("window.portalCalendar.markToday(new Date(2022, 7, 20))")  # 20 August 2022
    marked = page.locator('td[aria-current="date"]')
    assert marked.count() == 1 and marked.get_attribute("data-date") == "2022-08-20"
    page.evaluate("window.portalCalendar.markToday(new Date(2022, 11, 20))")
    assert page.locator('td[aria-current="date"]').get_attribute("data-date") == "2022-12-20"
    page.evaluate("window.portalCalendar.markToday(new Date(2031, 0, 1))")  # a day the calendar does not show
    assert page.locator('td[aria-current="date"]').count() == 0
