# Where the pilot stands, on the built site in both languages: status notices on ended notices, the home page's
# present-first boxes, the timeline, the guides' openings, the calendar and feeds that stop ended rounds, and the
# facts of 人社厅函〔2025〕154号 against shared/reference.
from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import icalendar
import pytest
import recurring_ical_events
from bs4 import BeautifulSoup

from macros.render.render import pick
from macros.views import language
from macros.views.pilot_status import as_of, present, status_lines
from macros.views.timeline import entries
from tests.support import REFERENCE as REFERENCES
from tests.support.html import page

LANGS = {"zh": "", "en": "en/"}
REFERENCE = REFERENCES / "national-2025-transfer.md"
GUIDES = ("pilot", "filing", "fees", "levels", "compare")
HISTORY_PAGES = ("filing", "compare")


def content(soup: BeautifulSoup):
    return soup.select_one("article.md-content__inner")


def ended(portal):
    return [n for n in portal.notices if portal.endings_of(n)]


def test_the_real_data_records_the_hand_over(portal):
    """Guards the facts below: the national notice exists and ends the provincial pilot notices."""
    national = portal.notice_by_id["mohrss-2025-154"]
    assert portal.is_national(national)
    assert {n.id for n in ended(portal)} >= {"anhui-2022-11", "hunan-2022-80", "shandong-2022-8"}


@pytest.mark.parametrize("lang", LANGS)
def test_every_ended_notice_opens_with_its_status_naming_each_ending_document(built_site, portal, lang):
    for notice in ended(portal):
        body = content(page(built_site, f"{LANGS[lang]}notices/{notice.id}"))
        h1 = body.find("h1")
        box = h1.find_next(class_="admonition")
        assert box is not None and "x-status-notice" in box["class"], notice.id
        assert box.find_previous("dl") is None  # before the facts
        for ending in portal.endings_of(notice):
            line = box.find(attrs={"data-by": ending.by.id})
            assert line is not None, (notice.id, ending.by.id)
            link = line.find("a", class_="x-docnum")
            assert link.get_text() == ending.by.doc_number and link["href"].endswith(f"{ending.by.id}/")
            assert language.fmt_date(ending.from_, lang) in line.get_text()
            assert pick(ending.relation.note, lang).striptags() in line.get_text()
        status = body.find("dt", string=language.label("status", lang)).find_next("dd").get_text()
        assert portal.endings_of(notice)[0].by.doc_number in status


@pytest.mark.parametrize("lang", LANGS)
def test_a_document_that_ends_others_lists_them(built_site, portal, lang):
    for notice in portal.notices:
        ends = portal.endings_by(notice)
        if not ends:
            continue
        box = content(page(built_site, f"{LANGS[lang]}notices/{notice.id}")).select_one(".x-status-notice .x-ends")
        linked = {a["href"].rstrip("/").rsplit("/", 1)[-1] for a in box.find_all("a")}
        assert {e.target.id for e in ends[:8]} <= linked


def _pages(site: Path, lang: str) -> list[Path]:
    found = sorted(site.rglob("index.html"))
    return [p for p in found if (p.relative_to(site).parts[0] == "en") == (lang == "en")]


@pytest.mark.parametrize("lang", LANGS)
def test_no_ended_round_has_a_date_after_its_cut_on_any_page(built_site, portal, lang):
    """Table rows and calendar entries carry the dates the status script reads: none may fall on or after the cut,
    nor may a recurring row's last year reach past it."""
    cut = {n.id: portal.window_ending(n).from_ for n in portal.notices if portal.window_ending(n)}
    checked = 0
    for html in _pages(built_site, lang):
        soup = BeautifulSoup(html.read_text(encoding="utf-8"), "html.parser")
        for el in soup.select("[data-start]"):
            notice_id = (el.get("id") or "").removeprefix("cal-").split("--")[0]
            if notice_id not in cut:
                continue
            start = dt.date.fromisoformat(el["data-start"])
            last = start.replace(year=int(el["data-recur-until"])) if "data-recur-from" in el.attrs else start
            assert "data-recur-until" in el.attrs or "data-recur-from" not in el.attrs, (html, el.get("id"))
            assert last < cut[notice_id], (html, el.get("id"), last)
            checked += 1
    assert checked > 0


def test_feeds_repeat_no_ended_round_after_its_cut(built_site, portal):
    cut = {n.id: portal.window_ending(n).from_ for n in portal.notices if portal.window_ending(n)}
    for path in (built_site / "calendar" / "feeds").glob("*.ics"):
        cal = icalendar.Calendar.from_ical(path.read_bytes())
        for event in recurring_ical_events.of(cal).between(dt.date(2000, 1, 1), dt.date(2060, 1, 1)):
            notice_id = str(event["UID"]).split("--")[0]
            if notice_id in cut:
                assert event["DTSTART"].dt < cut[notice_id], (path.name, event["UID"], event["DTSTART"].dt)


@pytest.mark.parametrize("lang", LANGS)
def test_calendars_say_why_later_rounds_are_missing(built_site, portal, lang):
    stoppers = {
        portal.window_ending(n).by.doc_number
        for n in portal.notices
        if portal.window_ending(n) and any(d.end for d in n.deadlines)
    }
    box = content(page(built_site, f"{LANGS[lang]}calendar")).select_one(".x-cal-stopped")
    assert box is not None
    assert stoppers <= {a.get_text() for a in box.find_all("a")}


@pytest.mark.parametrize("lang", LANGS)
def test_home_page_leads_with_the_present_then_the_pilot_status(built_site, portal, lang):
    body = content(page(built_site, LANGS[lang]))
    boxes = body.select(".x-present, .x-pilot-status")
    assert [("x-present" in b["class"]) for b in boxes[:2]] == [True, False]
    assert boxes[0].find_previous("h2") is None  # nothing comes before the present
    shown = present(portal)
    items = body.select(".x-present-list li")
    assert len(items) == len(shown)
    none = body.select_one(".x-present-none")
    assert ("hidden" in none.attrs) == bool(shown)
    if not shown:  # plainly nothing, and why: the documents that ended the rounds
        assert {s.by.doc_number for s in status_lines(portal)} <= {a.get_text() for a in none.find_all("a")}
        assert language.fmt_date(as_of(portal), lang) in body.select_one(".x-present-asof").get_text()
    status = body.select_one(".x-pilot-status")
    for line in status_lines(portal):
        assert line.by.doc_number in status.get_text()


@pytest.mark.parametrize("lang", LANGS)
def test_guides_open_with_where_things_stand(built_site, portal, lang):
    for guide in GUIDES:
        body = content(page(built_site, f"{LANGS[lang]}guide/{guide}"))
        box = body.select_one(".x-pilot-status")
        assert box is not None and box.find_previous("h2") is None, guide
        if guide in HISTORY_PAGES:
            history = body.select_one(".x-history")
            assert history is not None and history.find_previous("h2") is None, guide
        else:
            assert body.select_one(".x-history") is not None, guide


@pytest.mark.parametrize("lang", LANGS)
def test_hand_over_guide_cites_the_notice_and_its_dates(built_site, portal, lang):
    body = content(page(built_site, f"{LANGS[lang]}guide/handover"))
    national = portal.notice_by_id["mohrss-2025-154"]
    assert national.doc_number in {a.get_text() for a in body.find_all("a")}
    for d in national.deadlines:
        assert language.fmt_date(d.end, lang) in body.get_text()
    assert len(body.find_all("h2")) >= 4  # holders, schools, organisations, departments


@pytest.mark.parametrize("lang", LANGS)
def test_timeline_lists_documents_in_date_order(built_site, portal, lang):
    body = content(page(built_site, f"{LANGS[lang]}timeline"))
    years = [int(h.get_text().strip("¶ ")) for h in body.find_all("h2")]
    assert years == sorted(years)
    found = entries(portal)
    assert [e.sort_key for e in found] == sorted(e.sort_key for e in found)
    page_text = body.get_text()
    for ref in portal.referenced:
        item = body.find(id=f"ref-{ref.id}")
        assert ref.doc_number in item.get_text() and language.label("timeline_not_reproduced", lang) in item.get_text()
    for notice in portal.national_notices():
        assert body.find(id=f"tl-{notice.id}") is not None
        for d in notice.deadlines:
            assert language.fmt_date(d.end, lang) in page_text
    if portal.catalogue:
        assert str(portal.catalogue.total_published) in body.select_one(".x-tl-batches").get_text()


def _reference_rows() -> dict[str, str]:
    if not REFERENCE.exists():
        pytest.skip(f"{REFERENCE} is not here (shared/ sits beside the checkout)")
    rows = {}
    for line in REFERENCE.read_text(encoding="utf-8").splitlines():
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if len(cells) == 2:
            rows[cells[0]] = cells[1]
    return rows


@pytest.mark.parametrize("lang", LANGS)
def test_national_notice_matches_the_reference_on_the_built_page(built_site, portal, lang):
    rows = _reference_rows()
    national = portal.notice_by_id["mohrss-2025-154"]
    assert national.doc_number == rows["document number"]
    issuers = [i.name.zh for i in portal.issuers_of(national)]
    assert issuers == re.findall(r"[\u4e00-\u9fff]+办公厅", rows["issuers (joint)"])
    assert re.sub(r"\s", " ", national.title.zh) == rows["title"]  # an ideographic space between the issuers
    assert national.issued is None  # the copy gives no date: shown as unknown
    body = content(page(built_site, f"{LANGS[lang]}notices/{national.id}"))
    facts = body.select_one("dl.x-facts").get_text()
    for name in issuers if lang == "zh" else [i.name.en for i in portal.issuers_of(national)]:
        assert name in facts
    assert language.label("issued_unknown", lang) in facts
    assert rows["source we read"].split("(")[0].split()[-1] in {a.get("href") for a in body.find_all("a")}
    sections = [s.get_text() for s in body.select(".x-rules .x-section")]
    assert sections == ["一", "二", "三", "四", "五", "六"]
    assert {d.end for d in national.deadlines} == {dt.date(2025, 12, 31)}
