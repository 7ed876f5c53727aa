# The Atom feed of notices: well-formed, newest first, dates from the data (never the build time), one per
# language, linked from every page's <head>.
from __future__ import annotations

import datetime as dt
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from macros.outputs.feed import FEED_PATHS, atom_feed, feed_entries
from macros.views import limits
from tests.support import site_config

ATOM = "{http://www.w3.org/2005/Atom}"


def entries_of(xml: bytes) -> list[ET.Element]:
    root = ET.fromstring(xml)
    assert root.tag == f"{ATOM}feed"
    return root.findall(f"{ATOM}entry")


def when(element: ET.Element, name: str) -> dt.datetime | None:
    found = element.find(f"{ATOM}{name}")
    return dt.datetime.fromisoformat(found.text) if found is not None else None


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_feed_lists_the_newest_notices_first_with_dates_from_the_data(portal, lang):
    site = site_config("https://portal.example/")
    xml = atom_feed(portal, lang, site)
    entries = entries_of(xml)
    assert len(entries) == min(len(portal.notices), limits.FEED_ENTRIES)
    by_url = {n.id: n for n in portal.notices}
    keys = []
    for entry in entries:
        link = entry.find(f"{ATOM}link").get("href")
        prefix = "https://portal.example/" + ("" if lang == "zh" else "en/") + "notices/"
        assert link.startswith(prefix) and link.endswith("/")
        notice = by_url[link[len(prefix) : -1]]
        # the id is a tag: URI of the configured authority, never the page's address
        assert entry.findtext(f"{ATOM}id") == f"tag:{site.identity.tag_authority}:{lang}/notices/{notice.id}"
        assert when(entry, "updated") == dt.datetime.combine(
            notice.updated, dt.time(), dt.timezone(dt.timedelta(hours=8))
        )
        published = when(entry, "published")
        assert (published.date() if published else None) == notice.issued
        assert notice.doc_number in entry.find(f"{ATOM}summary").text
        keys.append((notice.updated, notice.issued or dt.date.min, notice.id))
    assert keys == sorted(keys, reverse=True), "entries must be newest first"
    listed = {key[2] for key in keys}
    left_out = [(n.updated, n.issued or dt.date.min, n.id) for n in portal.notices if n.id not in listed]
    assert all(key < keys[-1] for key in left_out), "only older notices are left out"
    root = ET.fromstring(xml)
    assert when(root, "updated") == max(when(e, "updated") for e in entries)
    assert root.get("{http://www.w3.org/XML/1998/namespace}lang") == lang


def test_feed_keeps_the_newest_notices_only(portal, monkeypatch):
    monkeypatch.setattr(limits, "FEED_ENTRIES", 2)
    entries = feed_entries(portal, "zh")
    newest = sorted(portal.notices, key=lambda n: (n.updated, n.issued or dt.date.min, n.id), reverse=True)[:2]
    assert [e.notice_id for e in entries] == [n.id for n in newest]
    assert len(entries_of(atom_feed(portal, "zh", site_config(None)))) == 2


def test_feed_is_deterministic_and_in_the_reader_language(portal):
    assert atom_feed(portal, "zh", site_config(None)) == atom_feed(portal, "zh", site_config(None))
    hunan = next(e for e in feed_entries(portal, "en") if e.notice_id == "hunan-2022-80")
    assert hunan.title == portal.notice_by_id["hunan-2022-80"].title.en
    assert "Date of issue: 15 Apr 2022" in hunan.summary
    zh = next(e for e in feed_entries(portal, "zh") if e.notice_id == "hunan-2022-80")
    assert "发布日期：2022年4月15日" in zh.summary


def test_built_feeds_parse_and_pages_link_them(built_site: Path):
    for _lang, path in FEED_PATHS.items():
        xml = (built_site / path).read_bytes()
        assert len(entries_of(xml)) >= 4
        assert ET.fromstring(xml).find(f"{ATOM}link[@rel='self']").get("href").endswith(path)
    for page, feed in [
        ("index.html", "feed.xml"),
        ("notices/hunan-2022-80/index.html", "feed.xml"),
        ("en/index.html", "en/feed.xml"),
        ("en/notices/hunan-2022-80/index.html", "en/feed.xml"),
    ]:
        soup = BeautifulSoup((built_site / page).read_text(encoding="utf-8"), "html.parser")
        links = soup.select('head link[rel="alternate"][type="application/atom+xml"]')
        assert len(links) == 1, page
        target = ((built_site / page).parent / links[0]["href"]).resolve()
        assert target == (built_site / feed).resolve(), f"{page} links {links[0]['href']}"
