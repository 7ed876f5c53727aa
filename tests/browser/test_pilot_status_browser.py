# The present as a reader sees it, in real Chromium with the page clock fixed: after the hand-over no page shows an
# ended round as open or upcoming; before it, the Anhui spring 2025 round is upcoming on its notice and the home page.
from __future__ import annotations

import pytest

from tests.support.page_types import LANG_ROOTS, page_cases

pytestmark = pytest.mark.browser

EXTRA_PAGES = ("timeline/", "calendar/anhui/", "notices/anhui-2022-11/", "notices/mohrss-2025-154/", "guide/handover/")
CASES = page_cases() + [(lang, path, root + path) for lang, root in LANG_ROOTS.items() for path in EXTRA_PAGES]


@pytest.fixture
def page_at(browser):
    contexts = []

    def make(when: str):
        context = browser.new_context(viewport={"width": 390, "height": 844})
        contexts.append(context)
        page = context.new_page()
        page.clock.set_fixed_time(when)
        return page

    yield make
    for context in contexts:
        context.close()


def shown_as_open_or_next(page) -> list[str]:
    """Ids of the rows and calendar entries the status script marked open now or upcoming."""
    return page.eval_on_selector_all('[data-status="now"][id], [data-status="next"][id]', "els => els.map(e => e.id)")


@pytest.mark.parametrize("case", CASES, ids=[f"{c[0]}-{c[1]}" for c in CASES])
def test_after_the_hand_over_no_page_shows_an_ended_round(page_at, site_server, portal, case):
    page = page_at("2026-12-01T09:00:00+08:00")
    page.goto(site_server + case[2])
    page.wait_for_load_state("load")
    ended = {n.id for n in portal.notices if portal.window_ending(n)}
    marked = [i for i in shown_as_open_or_next(page) if i.removeprefix("cal-").split("--")[0] in ended]
    assert marked == []
    box = page.locator(".x-present")
    if box.count():  # the home page says plainly that nothing is open, and why
        listed = box.locator(".x-present-list a").evaluate_all("els => els.map(e => e.getAttribute('href'))")
        assert not [h for h in listed if h.lstrip("#").split("--")[0] in ended]
        if not listed:
            assert box.locator(".x-present-none").is_visible()
            assert box.locator(".x-present-none a.x-docnum").count() >= 1


@pytest.mark.parametrize("root", LANG_ROOTS.values())
def test_before_the_hand_over_the_anhui_spring_2025_round_is_upcoming(page_at, site_server, root):
    page = page_at("2025-03-25T09:00:00+08:00")
    page.goto(site_server + root + "notices/anhui-2022-11/")
    row = page.locator('[id="anhui-2022-11--spring-school-filing"]')
    assert row.get_attribute("data-status") == "next"
    assert "2025-04-01" in row.locator(".x-status").inner_text()
    page.goto(site_server + root)
    box = page.locator(".x-present")
    links = box.locator(".x-present-list a").evaluate_all("els => els.map(e => e.getAttribute('href'))")
    assert "#anhui-2022-11--spring-school-filing" in links
    assert box.locator(".x-present-none").is_hidden()
    page.goto(site_server + root + "calendar/anhui/")
    entry = page.locator('[id="cal-anhui-2022-11--spring-school-filing--2025"] .x-status')
    assert entry.get_attribute("data-status") == "next"
    assert page.locator('[id="cal-anhui-2022-11--spring-school-filing--2026"]').count() == 0
