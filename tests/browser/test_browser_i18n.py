# In headless Chromium: the language selector leads from every page type to its counterpart and back, and a
# keyboard alone reaches search, the language switch, the calendar filters and the form downloads.
from __future__ import annotations

import re

import pytest

from tests.support.page_types import PAGE_TYPES

pytestmark = pytest.mark.browser


def _switch_language(page, lang: str) -> None:
    """Open the language selector like a reader (hover) and click the language."""
    page.locator(".md-header__option .md-select > button").hover()
    with page.expect_navigation():
        page.locator(f'a.md-select__link[hreflang="{lang}"]').click()


@pytest.mark.parametrize("kind,path", list(PAGE_TYPES.items()), ids=list(PAGE_TYPES))
def test_language_switch_leads_to_the_counterpart_and_back(browser_page, site_server, kind, path):
    browser_page.goto(site_server + path)
    _switch_language(browser_page, "en")
    assert browser_page.url == site_server + "en/" + path
    assert browser_page.locator("html").get_attribute("lang") == "en"
    _switch_language(browser_page, "zh")
    assert browser_page.url == site_server + path
    assert browser_page.locator("html").get_attribute("lang") == "zh"


def _tab_until(page, matches: str, limit: int = 120) -> bool:
    """Press Tab until the focused element matches the CSS selector `matches`; False if it never does."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate("(s) => !!document.activeElement && document.activeElement.matches(s)", matches):
            return True
    return False


def test_keyboard_reaches_search_and_the_language_switch(browser_page, site_server):
    browser_page.goto(site_server + PAGE_TYPES["notice"])
    assert _tab_until(browser_page, "input.md-search__input"), "Tab never reaches the search box"
    browser_page.keyboard.type("Hunan")
    assert _tab_until(browser_page, 'a.md-select__link[hreflang="en"]'), "Tab never reaches the language switch"
    with browser_page.expect_navigation():
        browser_page.keyboard.press("Enter")
    assert browser_page.url == site_server + "en/" + PAGE_TYPES["notice"]


def test_keyboard_reaches_and_works_the_calendar_filters(browser_page, site_server):
    browser_page.goto(site_server + PAGE_TYPES["calendar"])
    assert _tab_until(browser_page, "input[data-cal-province]"), "Tab never reaches a calendar filter"
    checkbox = browser_page.evaluate_handle("document.activeElement")
    before = checkbox.evaluate("el => el.checked")
    browser_page.keyboard.press("Space")
    assert checkbox.evaluate("el => el.checked") is (not before)


def test_keyboard_reaches_the_form_downloads(browser_page, site_server):
    browser_page.goto(site_server + PAGE_TYPES["form"])
    assert _tab_until(browser_page, "a[download]"), "Tab never reaches a download link"
    href = browser_page.evaluate("document.activeElement.getAttribute('href')")
    assert re.search(r"\.(docx|xlsx)$", href)
