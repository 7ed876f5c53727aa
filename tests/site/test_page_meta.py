# The foot of every page: one "report an error" link for readers (to the about page's #report), then for maintainers
# the page's source (a data page its YAML, a hand-written page its Markdown) with an edit link, and on data pages
# the date their data was last checked, from the data, in the page's language. The theme shows no edit pencil and no
# repository widget. What `mkdocs serve`
# watches: tests/site/test_serve.py.
from __future__ import annotations

from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from tests.support import ROOT
from tests.support.html import page as soup_of

EDIT_BASE = "https://github.com/example/1x-policy-portal/edit/main/"


def _edit_base() -> str:
    """repo_url + edit_uri's action and branch: mkdocs.yml names the repository in one place."""
    import yaml

    class _Loader(yaml.SafeLoader):
        pass

    _Loader.add_multi_constructor("", lambda loader, suffix, node: None)  # !ENV, !!python/… tags
    config = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=_Loader)
    action, branch = config["edit_uri"].strip("/").split("/")[:2]
    return f"{config['repo_url'].rstrip('/')}/{action}/{branch}/"


@pytest.mark.parametrize(
    "lang,label,date_of",
    [
        ("zh", "数据核对日期", lambda d: f"{d.year}年{d.month}月{d.day}日"),
        ("en", "Data last checked", lambda d: f"{d.day} {d.strftime('%b')} {d.year}"),
    ],
)
def test_notice_pages_show_source_edit_link_and_checked_date_from_the_data(built_site, portal, lang, label, date_of):
    base = _edit_base()
    for notice in portal.notices:
        url = ("" if lang == "zh" else "en/") + f"notices/{notice.id}"
        page = soup_of(built_site, url)
        meta = page.select_one("article dl.x-page-meta")
        assert meta is not None, url
        source = portal.source_of[("notice", notice.id)]
        assert meta.select_one("code").get_text() == source
        assert meta.select_one("a.x-edit-source")["href"] == base + source
        dt = [d for d in meta.find_all("dt") if d.get_text() == label]
        assert dt, f"{url}: no '{label}'"
        time = dt[0].find_next("dd").find("time")
        assert time["datetime"] == notice.updated.isoformat() and time.get_text() == date_of(notice.updated)


def test_province_pages_link_their_province_file(built_site, portal):
    for province in portal.provinces:
        meta = soup_of(built_site, f"en/provinces/{province.id}").select_one("dl.x-page-meta")
        assert meta.select_one("a.x-edit-source")["href"].endswith(f"data/provinces/{province.id}.yml")


def test_hand_written_pages_edit_their_markdown_and_claim_no_data_date(built_site):
    for url, source in [
        ("guide/fees", "docs/guide/fees.md"),
        ("en/guide/fees", "docs/guide/fees.en.md"),
        ("", "docs/index.md"),
        ("en/about", "docs/about.en.md"),
    ]:
        meta = soup_of(built_site, url).select_one("article dl.x-page-meta")
        assert meta.select_one("code").get_text() == source
        assert meta.select_one("a.x-edit-source")["href"] == _edit_base() + source
        assert meta.select_one("time") is None  # no data behind it, so no date its data was checked


def _pages(site: Path) -> list[Path]:
    return [p for p in sorted(site.rglob("index.html")) if "feeds" not in p.parts]


def test_every_page_has_one_report_link_to_the_about_page_of_its_language(built_site):
    pages = _pages(built_site)
    assert len(pages) > 10
    for path in pages:
        page = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
        links = page.select("a.x-report-link")
        assert len(links) == 1, path
        about = "en/about/index.html" if page.html["lang"] == "en" else "about/index.html"
        target, anchor = links[0]["href"].split("#")
        assert (path.parent / target / "index.html").resolve() == (built_site / about).resolve(), path
        assert BeautifulSoup((built_site / about).read_text(encoding="utf-8"), "html.parser").find(id=anchor)


def test_no_page_shows_the_theme_edit_pencil_or_a_repository_widget(built_site):
    for path in _pages(built_site) + [built_site / "404.html", built_site / "en/404.html"]:
        page = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
        assert not page.select(".md-content__button"), path
        assert not page.select("a.md-source"), path
        assert not [a for a in page.select("header a") if "github.com" in a.get("href", "")], path


def test_the_checked_date_is_the_data_not_the_build_day():
    import datetime as dt

    from macros.site.page_meta import meta_html

    html = meta_html(
        None,
        "en",
        "notices/x/",
        {"x_source": "data/notices/x.yml", "x_updated": "2023-01-02"},
        EDIT_BASE + "data/notices/x.yml",
    )
    assert BeautifulSoup(str(html), "html.parser").select_one('time[datetime="2023-01-02"]').get_text() == "2 Jan 2023"
    assert dt.date.today().isoformat() not in html
    bare = str(meta_html(None, "zh", "guide/x/", {}, None))  # nothing known of the page: the report link alone
    foot = BeautifulSoup(bare, "html.parser")
    assert [a["href"] for a in foot.select("a")] == ["../../about/#report"] and not foot.select("dl")


@pytest.mark.parametrize(
    "url,folder",
    [
        ("provinces", "data/provinces/"),
        ("en/notices", "data/notices/"),
        ("calendar", "data/notices/"),
        ("en/calendar/hunan", "data/notices/"),
        ("forms", "data/forms/"),
    ],
)
def test_pages_made_from_a_folder_link_that_folder_not_an_editor(built_site, url, folder):
    page = soup_of(built_site, url)
    meta = page.select_one("article dl.x-page-meta")
    assert meta.select_one("code").get_text() == folder
    assert (
        meta.select_one("a.x-browse-source")["href"]
        == f"https://github.com/example/1x-policy-portal/tree/main/{folder}"
    )
    assert meta.select_one("a.x-edit-source") is None
