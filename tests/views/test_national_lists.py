# National pages list a bounded part of each province (newest first) and link to the province page for the rest,
# so they do not grow with the number of notices; the real data still shows in full.
from __future__ import annotations

import re

import pytest

from bench.generate import Size, generate
from macros.data.portal import load_portal
from macros.render.render import render_fragment
from tests.support import ROOT


@pytest.fixture(scope="module")
def portals(tmp_path_factory):
    """Synthetic portals at two sizes: every province has more notices than the national pages list."""
    out = {}
    for n in (200, 400):
        project = generate(tmp_path_factory.mktemp(f"n{n}"), Size(notices=n, certificates=20, forms=2), ROOT)
        out[n] = load_portal(project)
    return out


def rows(html: str, pattern: str) -> int:
    return len(re.findall(pattern, html))


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_home_overview_and_notice_list_do_not_grow(portals, lang):
    for _n, portal in portals.items():
        home = render_fragment("home_overview.html", portal, lang, "" if lang == "zh" else "en/")
        listing = render_fragment("notices.html", portal, lang, "notices/" if lang == "zh" else "en/notices/")
        assert rows(listing, r'class="x-more"') == len(portal.provinces)  # each links to the rest
        assert rows(home, r'class="x-more"') >= 1
        # bounded whatever the number of notices: per province about 6 windows (the newest notice whole, even
        # when it alone holds more) and 5 notices, plus the few national documents
        national = portal.national_notices()
        widest = max(sum(1 for d in notice.deadlines if d.end) for notice in portal.notices)
        national_rows = sum(1 for notice in national for d in notice.deadlines if d.end)
        assert rows(home, r'<tr class="x-deadline') <= len(portal.provinces) * max(6, widest) + national_rows
        assert rows(listing, r"<li><a ") == len(portal.provinces) * 5 + len(national)


def test_latest_windows_are_the_newest_notices(portals):
    portal = portals[400]
    for province in portal.provinces:
        picked = portal.latest_windows_in(province.id, 6)
        notices = portal.notices_in(province.id)
        ids = list(dict.fromkeys(n.id for n, _ in picked))
        dated = [n.id for n in notices if any(d.end for d in n.deadlines)]
        assert ids == dated[: len(ids)] and ids  # a prefix of the newest dated notices
        assert len(picked) <= max(6, max(sum(1 for d in portal.notice_by_id[i].deadlines if d.end) for i in ids))


def test_recent_view_keeps_every_province_and_only_newest_notices(portals):
    portal = portals[400]
    view = portal.recent_view(6)
    assert [p.id for p in view.provinces] == [p.id for p in portal.provinces]
    for province in portal.provinces:
        kept = view.notices_in(province.id)
        assert kept == portal.notices_in(province.id)[: len(kept)] and 1 <= len(kept) <= 6


def test_small_provinces_are_shown_whole():
    portal = load_portal(ROOT)
    for province in portal.provinces:
        notices = portal.notices_in(province.id)
        if len(notices) <= 3:  # the comparison's limit
            assert portal.latest_notices_in(province.id, 3) == notices
        if portal.dated_windows_in(province.id) <= 6 and len(notices) <= 6:  # the home page's and calendar's limit
            assert len(portal.latest_windows_in(province.id, 6)) == portal.dated_windows_in(province.id)
            assert portal.recent_view(6).notices_in(province.id) == notices


def test_a_province_page_lists_every_notice_but_the_deadlines_and_contacts_of_the_newest(portals):
    """A province page lists all its notices; its deadlines and contacts only those of the 5 newest (the province's
    calendar holds every window, each notice's page its contacts), so it stays light however many notices it has."""
    portal = portals[400]
    province = portal.provinces[0]
    notices = portal.notices_in(province.id)
    newest = notices[:5]
    assert len(notices) > len(newest)
    html = render_fragment("province.html", portal, "zh", f"provinces/{province.id}/", province=province)
    assert rows(html, r'<tr class="x-deadline') == sum(len(n.deadlines) for n in newest)
    assert rows(html, r'<section class="x-contact"') == sum(len(n.contacts) for n in newest)
    assert all(n.doc_number in html for n in notices)  # the list of notices is whole
    assert 'class="x-note x-province-recent"' in html
