# A maintainer adds a province, a notice and its form, and a newer notice in a province already there, as CONTRIBUTING
# says (scaffolds, then filled in): the data check passes, a strict build succeeds, and the new things appear
# everywhere the portal lists what it holds.
from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from macros.data.portal import load_portal
from tests.support import copy_project, run_build
from tests.support.added_data import AddedData, add_example_data
from tests.support.html import page

pytestmark = pytest.mark.slow
LANGS = {"zh": "", "en": "en/"}


class Added:
    def __init__(self, project: Path, site: Path, data: AddedData, check: subprocess.CompletedProcess):
        self.project, self.site, self.data, self.check = project, site, data, check


@pytest.fixture(scope="module")
def added(tmp_path_factory) -> Added:
    folder = tmp_path_factory.mktemp("added")
    project = copy_project(folder / "project")
    data = add_example_data(project)
    check = subprocess.run(
        [sys.executable, "-m", "macros", "check", "--root", str(project)],
        cwd=project,
        capture_output=True,
        text=True,
        timeout=300,
    )
    site = folder / "site"
    result = run_build(project, site)
    assert result.returncode == 0, result.stdout + result.stderr
    return Added(project, site, data, check)


def hrefs(soup) -> list[str]:
    return [a["href"] for a in soup.select("article a[href]")]


def test_the_data_check_accepts_the_added_files(added):
    assert added.check.returncode == 0, added.check.stdout + added.check.stderr
    assert "is valid" in added.check.stdout


@pytest.mark.parametrize("lang", LANGS)
def test_the_new_pages_exist_in_both_languages(added, lang):
    prefix, d = LANGS[lang], added.data
    province_name = d.province_zh if lang == "zh" else d.province_en
    province = page(added.site, f"{prefix}provinces/{d.province}")
    assert province_name in province.select_one("article h1").get_text()
    assert f"../../notices/{d.notice}/" in hrefs(province)
    notice = page(added.site, f"{prefix}notices/{d.notice}")
    assert d.doc_number in notice.select_one("article").get_text()
    assert f"../../forms/{d.form}/" in hrefs(notice)
    form = page(added.site, f"{prefix}forms/{d.form}")
    assert d.doc_number in form.select_one("article").get_text()
    calendar = page(added.site, f"{prefix}calendar/{d.province}")
    assert province_name in calendar.select_one("article h1").get_text()


@pytest.mark.parametrize("lang", LANGS)
def test_a_newer_notice_of_a_province_leads_its_pages(added, lang):
    prefix, d = LANGS[lang], added.data
    province = page(added.site, f"{prefix}provinces/{d.other_province}")
    order = list(dict.fromkeys(h for h in hrefs(province) if h.startswith("../../notices/") and "#" not in h))
    portal = load_portal(added.project)
    new = portal.notice_by_id[d.other_notice]
    older = [n for n in portal.notices_in(d.other_province) if n.issued and n.issued < new.issued]
    assert all(order.index(f"../../notices/{new.id}/") < order.index(f"../../notices/{n.id}/") for n in older)
    notice = page(added.site, f"{prefix}notices/{d.other_notice}")
    assert d.other_doc_number in notice.select_one("article").get_text()
    calendar = page(added.site, f"{prefix}calendar/{d.other_province}")
    assert d.other_doc_number in calendar.select_one("article").get_text()


@pytest.mark.parametrize("lang", LANGS)
def test_the_new_province_is_in_the_province_list_and_the_calendar_switch(added, lang):
    prefix, d = LANGS[lang], added.data
    listing = page(added.site, f"{prefix}provinces")
    assert f"{d.province}/" in [a["href"] for a in listing.select("ul.x-province-list a[href]")]
    calendar = page(added.site, f"{prefix}calendar")
    assert f"{d.province}/" in [a["href"] for a in calendar.select(".x-cal-nav a[href]")]
    ids = [li["id"] for li in calendar.select("article li.x-cal-entry[id]")]
    assert f"cal-{d.notice}--round-1-filing" in ids  # its windows are on the calendar of all provinces


@pytest.mark.parametrize("lang", LANGS)
def test_the_new_notice_is_in_the_notice_list_and_the_feeds(added, lang):
    prefix, d = LANGS[lang], added.data
    listing = page(added.site, f"{prefix}notices")
    listed = [a["href"] for a in listing.select("ul.x-notice-list a[href]")]
    assert f"{d.notice}/" in listed and f"{d.other_notice}/" in listed
    atom = (added.site / prefix / "feed.xml").read_text(encoding="utf-8")
    assert f"notices/{d.notice}/" in atom and d.doc_number in atom and d.other_doc_number in atom
    for feed, number in [
        ("all.ics", d.doc_number),
        ("all.ics", d.other_doc_number),
        (f"{d.province}.ics", d.doc_number),
        (f"{d.other_province}.ics", d.other_doc_number),
        (f"events/{d.notice}--round-1-filing.ics", d.doc_number),
    ]:
        ics = (added.site / "calendar" / "feeds" / feed).read_text(encoding="utf-8")
        assert number in ics, feed


@pytest.mark.parametrize("lang", LANGS)
def test_the_new_forms_downloads_exist(added, lang):
    prefix, d = LANGS[lang], added.data
    url = f"{prefix}forms/{d.form}"
    links = [a["href"] for a in page(added.site, url).select("ul.x-downloads a[download]")]
    wanted = {f"{d.form}{suffix}.{fmt}" for suffix in ("", "-en") for fmt in ("docx", "xlsx")}
    assert {href.rsplit("/", 1)[-1] for href in links} == wanted
    for href in links:
        path = (added.site / url / href).resolve()
        with zipfile.ZipFile(path) as office:  # both formats are zip packages, whole
            assert office.testzip() is None, href
    assert f"{d.form}/" in hrefs(page(added.site, f"{prefix}forms"))
