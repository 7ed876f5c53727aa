# Every page type in both languages, in headless Chromium: axe-core finds no serious or critical accessibility
# problem at desktop and phone widths, the page loads nothing from another host, and prints without navigation
# chrome. How pages read on a phone (and their screenshots) is tests/browser/test_phone_layout.py.
from __future__ import annotations

import json

import pytest
from playwright.sync_api import expect

from tests.support.page_types import NOT_FOUND_CASES, PRINTED_TYPES, case_id, page_cases

pytestmark = pytest.mark.browser

DESKTOP = {"width": 1280, "height": 900}
PHONE = {"width": 390, "height": 844}
CASES = page_cases()


@pytest.fixture(scope="module")
def axe():
    from axe_playwright_python.sync_playwright import Axe

    return Axe()


@pytest.fixture(scope="module", params=[DESKTOP, PHONE], ids=["desktop", "phone"])
def sized_page(request, browser):
    """One tab per screen size, reused by every page of this module."""
    context = browser.new_context(viewport=request.param)
    yield context.new_page()
    context.close()


def _why(node) -> str:
    checks = node.get("any") or node.get("all") or node.get("none") or [{"message": ""}]
    return checks[0]["message"]


def _problems(results) -> list[str]:
    return [
        f"{v['id']} ({v['impact']}): {v['help']} at {[n['target'] for n in v['nodes'][:3]]}: {_why(v['nodes'][0])}"
        for v in results.response["violations"]
        if v["impact"] in ("serious", "critical")
    ]


@pytest.mark.parametrize("case", CASES + NOT_FOUND_CASES, ids=case_id)
def test_no_serious_accessibility_problems(sized_page, site_server, axe, case):
    lang, _kind, path = case
    sized_page.goto(site_server + path)
    assert sized_page.locator("html").get_attribute("lang") == lang
    problems = _problems(axe.run(sized_page))
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("root,query", [("", "湖南"), ("en/", "Hunan")], ids=["zh", "en"])
def test_search_results_have_no_serious_accessibility_problems(sized_page, site_server, axe, root, query):
    sized_page.goto(site_server + root)
    search_button = sized_page.locator('label.md-header__button[for="__search"]')
    if search_button.is_visible():  # on a phone the search box opens from the header button
        search_button.click()
    box = sized_page.locator("input.md-search__input")
    box.click()
    box.fill(query)
    box.press("End")
    expect(sized_page.locator("li.md-search-result__item").first).to_be_visible(timeout=30_000)
    # measure colours once the results' fade-in has finished (mid-transition text is paler than it ends up)
    sized_page.wait_for_function("document.getAnimations().every(a => a.playState !== 'running')", timeout=30_000)
    problems = _problems(axe.run(sized_page))
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("case", CASES, ids=case_id)
def test_page_loads_nothing_from_another_host(browser, site_server, case):
    context = browser.new_context(viewport=DESKTOP)  # a fresh cache: every request is seen
    requested: list[str] = []
    context.on("request", lambda request: requested.append(request.url))
    try:
        page = context.new_page()
        page.goto(site_server + case[2])
        # the search engine is ready once its index and language scripts have arrived: the last loads of a page
        ready = json.loads(page.locator("#__config").text_content())["translations"]["search.result.placeholder"]
        expect(page.locator(".md-search-result__meta")).to_have_text(ready, timeout=30_000)
        page.wait_for_load_state("networkidle")
    finally:
        context.close()
    assert requested and requested[0] == site_server + case[2]
    # not even to the site's public address (site_url), beside whose absolute hreflang links the theme's language
    # selector would fetch a sitemap.xml if overrides/main.html did not keep it from seeing them
    foreign = [url for url in requested if not url.startswith((site_server, "data:", "blob:"))]
    assert not foreign, f"requests to other hosts: {foreign}"
    # and of the search indexes, only the reader's language is downloaded
    indexes = {url.removeprefix(site_server) for url in requested if url.endswith("search_index.json")}
    assert indexes == {"search/search_index.json" if case[0] == "zh" else f"{case[0]}/search/search_index.json"}
    # Pagefind loads at the first query, not with the page (tests/site/test_search.py: only the reader's language)
    assert not [url for url in requested if "/pagefind/" in url]


CHROME = [".md-header", ".md-tabs", ".md-sidebar--primary", ".md-sidebar--secondary", ".md-footer", ".md-search"]


@pytest.mark.parametrize("case", page_cases(PRINTED_TYPES), ids=case_id)
def test_page_prints_without_navigation_chrome(browser_page, site_server, case):
    browser_page.goto(site_server + case[2])
    browser_page.emulate_media(media="print")
    shown = browser_page.evaluate(
        """(selectors) => selectors.filter(s => [...document.querySelectorAll(s)]
        .some(el => getComputedStyle(el).display !== 'none' && el.getClientRects().length > 0))""",
        CHROME,
    )
    assert not shown, f"printed with navigation chrome: {shown}"
    assert browser_page.locator("article").first.is_visible()  # the content itself still prints
    browser_page.emulate_media(media="screen")
    assert browser_page.locator(".md-header").is_visible()  # the same check on screen does see the header
