# A real browser opens the home page: the status badges are computed from the reader's date by portal.js.
import pytest

pytestmark = pytest.mark.browser


def test_home_marks_window_status_from_the_readers_date(browser_page, site_server):
    browser_page.goto(site_server)
    browser_page.evaluate("window.portalStatus(new Date(2022, 3, 20))")  # 20 April 2022
    hunan = browser_page.locator('[id="hunan-2022-80--round-1-filing"] .x-status')
    assert hunan.first.get_attribute("data-status") == "now"
    shandong = browser_page.locator('[id="shandong-2022-8--round-2-filing"] .x-status')
    assert shandong.first.get_attribute("data-status") == "next"
    browser_page.evaluate("window.portalStatus(new Date(2026, 10, 21))")  # 21 November 2026
    assert hunan.first.get_attribute("data-status") == "past"
    anhui = browser_page.locator('[id="anhui-2022-11--spring-school-filing"] .x-status').first
    assert anhui.get_attribute("data-status") == "past"  # the yearly rounds ended with 2025 (人社厅函〔2025〕154号)
    browser_page.evaluate("window.portalStatus(new Date(2025, 2, 25))")  # 25 March 2025
    assert anhui.get_attribute("data-status") == "next"
    assert "2025-04-01" in anhui.inner_text() and "2027" not in anhui.inner_text()
