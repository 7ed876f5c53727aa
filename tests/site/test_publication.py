# One public address (mkdocs.yml site_url) and identifiers that never follow it: two builds for two addresses give
# the same .ics UIDs, Atom ids and sitemap dates; the publishing check refuses placeholders; robots.txt, absolute
# hreflang links with x-default, sitemap lastmod from the data and a description of its own on every page.
from __future__ import annotations

import datetime as dt
import gzip
import os
import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import icalendar
import pytest
from bs4 import BeautifulSoup
from hypothesis import given
from hypothesis import strategies as st

from macros.data import publication
from macros.site.build import Build
from macros.views import language, page_summary
from macros.views.language import DEFAULT_LANG, LANGS
from tests.support import CHECKOUT, ROOT, copy_project, run_build, site_config

ATOM = "{http://www.w3.org/2005/Atom}"
SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
# RFC 4151: tag:<authority>,<date>:<specific>
TAG_URI = re.compile(r"^tag:(?:[a-z0-9._%+-]+@)?[a-z0-9.-]+\.[a-z]+,\d{4}(?:-\d{2}(?:-\d{2})?)?:[\w./%-]+$")
ADDRESSES = ("https://first.portal.cn/", "https://mirror.other.org/1x/")
# Build days (SOURCE_DATE_EPOCH) far from any date in the data: a lastmod equal to one would be the build date.
BUILD_DAYS = (dt.date(2030, 1, 2), dt.date(2031, 6, 15))
OWN_DESCRIPTION, OWN_UPDATED = "本页的自定义描述：证书等级。", dt.date(2023, 5, 6)


@pytest.fixture(scope="module")
def two_builds(tmp_path_factory) -> list[Path]:
    """The site built for two addresses on two build days, from one copy whose levels page sets its own
    front matter `description` and `updated`."""
    project = copy_project(tmp_path_factory.mktemp("address") / "project")
    levels = project / "docs" / "guide" / "levels.md"
    levels.write_text(
        f"---\ndescription: {OWN_DESCRIPTION}\nupdated: {OWN_UPDATED.isoformat()}\n---\n\n"
        + levels.read_text(encoding="utf-8"),
        encoding="utf-8",
    )
    sites = []
    for address, day in zip(ADDRESSES, BUILD_DAYS):
        out = project.parent / f"site-{day.year}"
        epoch = int(dt.datetime.combine(day, dt.time(12), dt.UTC).timestamp())
        result = run_build(project, out, SITE_URL=address, SOURCE_DATE_EPOCH=str(epoch))
        assert result.returncode == 0, result.stdout + result.stderr
        sites.append(out)
    return sites


def uids(site: Path) -> dict[str, list[str]]:
    return {
        p.relative_to(site).as_posix(): sorted(
            str(e["uid"]) for e in icalendar.Calendar.from_ical(p.read_bytes()).walk("VEVENT")
        )
        for p in sorted((site / "calendar" / "feeds").rglob("*.ics"))
    }


def atom_ids(site: Path) -> dict[str, list[str]]:
    ids = {}
    for path in ("feed.xml", "en/feed.xml"):
        root = ET.fromstring((site / path).read_bytes())
        ids[path] = [root.findtext(f"{ATOM}id")] + [e.findtext(f"{ATOM}id") for e in root.iter(f"{ATOM}entry")]
    return ids


def lastmods(site: Path) -> dict[str, str]:
    root = ET.fromstring((site / "sitemap.xml").read_bytes())
    return {u.findtext(f"{SITEMAP}loc"): u.findtext(f"{SITEMAP}lastmod") for u in root.iter(f"{SITEMAP}url")}


def test_uids_and_atom_ids_do_not_change_with_the_address(two_builds):
    first, second = two_builds
    assert uids(first) == uids(second)
    assert atom_ids(first) == atom_ids(second)
    identity = site_config().identity
    for feed_uids in uids(first).values():
        assert feed_uids and all(uid.endswith("@" + identity.uid_domain) for uid in feed_uids)
    for ids in atom_ids(first).values():
        assert len(ids) == len(set(ids)) and all(TAG_URI.match(i) for i in ids), ids
        assert all(i.startswith(f"tag:{identity.tag_authority}:") for i in ids)
    assert set(atom_ids(first)["feed.xml"]).isdisjoint(atom_ids(first)["en/feed.xml"])  # two texts, two ids
    # what does follow the address, does: the links
    links = (second / "feed.xml").read_text(encoding="utf-8")
    assert ADDRESSES[1] + "notices/" in links and ADDRESSES[0] not in links


def test_sitemap_dates_come_from_the_data_never_the_build_day(two_builds, portal):
    first, second = two_builds
    dates = lastmods(first)
    assert list(dates.values()) == list(lastmods(second).values())
    built_days = {d.isoformat() for d in BUILD_DAYS}
    assert dates and not built_days & set(dates.values())
    assert dates[ADDRESSES[0] + "guide/levels/"] == OWN_UPDATED.isoformat()  # front matter `updated`


def test_a_front_matter_description_wins(two_builds):
    soup = BeautifulSoup((two_builds[0] / "guide" / "levels" / "index.html").read_text(encoding="utf-8"), "html.parser")
    assert soup.select_one('meta[name="description"]')["content"] == OWN_DESCRIPTION


# ---------------------------------------------------------------- the real build: robots, sitemap, head links


def _build_url() -> str:
    return publication.read(ROOT / "mkdocs.yml")[0].url


def _pages(site: Path):
    for path in sorted(site.rglob("*.html")):
        if path.name != "404.html":
            yield path.relative_to(site).as_posix(), BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def test_robots_txt_names_the_absolute_sitemap(built_site):
    robots = (built_site / "robots.txt").read_text(encoding="utf-8").splitlines()
    assert "User-agent: *" in robots
    assert f"Sitemap: {_build_url()}sitemap.xml" in robots


def test_sitemap_is_valid_lists_every_page_with_its_data_date_and_gz_is_the_same(built_site, portal):
    raw = (built_site / "sitemap.xml").read_bytes()
    assert gzip.decompress((built_site / "sitemap.xml.gz").read_bytes()) == raw
    root = ET.fromstring(raw)
    assert root.tag == f"{SITEMAP}urlset"
    dates = lastmods(built_site)
    url = _build_url()
    pages = {path[: -len("index.html")] for path, _ in _pages(built_site)}
    assert set(dates) == {url + p for p in pages}
    for loc, lastmod in dates.items():
        assert dt.date.fromisoformat(lastmod), loc
    newest = page_summary.latest_update(portal).isoformat()
    generated = set()
    for spec in Build(portal, site_config()).specs:  # every feature's pages, as a build makes them
        for lang in LANGS:
            generated.add(url + spec.url(lang))
            assert dates[url + spec.url(lang)] == (spec.updated.isoformat() if spec.updated else newest), spec.url(lang)
    for loc in set(dates) - generated:  # hand-written pages without `updated`: the newest date in the data
        assert dates[loc] == newest, loc


def test_hreflang_links_are_absolute_with_x_default_at_the_chinese_page(built_site):
    url = _build_url()
    for path, soup in _pages(built_site):
        links = {link["hreflang"]: link["href"] for link in soup.select("head link[rel=alternate][hreflang]")}
        assert set(links) == {*LANGS, "x-default"}, path
        assert links["x-default"] == links[DEFAULT_LANG]
        assert len(soup.select("head link[rel=alternate][hreflang]")) == len(links), f"{path}: duplicate hreflang"
        own = "en" if path.startswith("en/") else DEFAULT_LANG
        assert links[own] == soup.select_one("link[rel=canonical]")["href"] == url + path[: -len("index.html")]
        for href in links.values():
            assert href.startswith(url), f"{path}: {href}"
            assert (built_site / href[len(url) :] / "index.html").exists(), f"{path}: {href}"


def test_every_page_has_a_description_of_its_own(built_site, portal):
    seen: dict[tuple[str, str], str] = {}
    for path, soup in _pages(built_site):
        metas = soup.select('head meta[name="description"]')
        assert len(metas) == 1, path
        description = metas[0]["content"]
        lang = "en" if path.startswith("en/") else "zh"
        assert description and len(description) <= language.PROPERTIES[lang].description_length, path
        assert (lang, description) not in seen, f"{path} and {seen.get((lang, description))} share {description!r}"
        seen[(lang, description)] = path
    for notice in portal.notices:
        for lang, prefix in (("zh", ""), ("en", "en/")):
            soup = BeautifulSoup(
                (built_site / prefix / "notices" / notice.id / "index.html").read_text(encoding="utf-8"), "html.parser"
            )
            summary = " ".join((getattr(notice.summary, lang) or notice.summary.zh).split())
            description = soup.select_one('meta[name="description"]')["content"]
            assert summary.startswith(description.removesuffix("…")), (notice.id, lang)


def test_first_paragraph_is_the_first_one_outside_any_box():
    html = (
        '<h1>T</h1><div class="admonition"><p class="admonition-title">Note</p><p>shared box</p></div>'
        '<p></p><p><strong>结论</strong>：本站 &amp; <a href="x">这里</a><br>next</p><p>second</p>'
    )
    assert page_summary.first_paragraph(html) == "结论：本站 & 这里 next"
    assert page_summary.first_paragraph("<ul><li><p>in a list</p></li></ul>") == ""


def test_hand_written_pages_describe_themselves_by_their_first_paragraph(built_site):
    for path in ("guide/fees/index.html", "en/guide/fees/index.html", "index.html"):
        soup = BeautifulSoup((built_site / path).read_text(encoding="utf-8"), "html.parser")
        first = soup.select_one("article > p")
        lang = "en" if path.startswith("en/") else "zh"
        expected = page_summary.shorten(first.get_text(), lang)
        assert soup.select_one('meta[name="description"]')["content"] == expected, path


@pytest.mark.parametrize(
    "text,lang,expected",
    [
        ("短句。", "zh", "短句。"),
        (
            "这一句话说明了这个页面的范围和用途。" * 4 + "第二句很长" * 30,
            "zh",
            "这一句话说明了这个页面的范围和用途。" * 4,
        ),
        ("甲" * 95 + "（湘教通〔2022〕80号）", "zh", "甲" * 95 + "…"),  # never inside brackets
        ("word " * 50, "en", ("word " * 31).strip() + "…"),  # at a word boundary
        ("One sentence. " + "x" * 200, "en", "One sentence."),  # the last word boundary ends a sentence: no "…"
    ],
    ids=["short", "whole-sentences", "outside-brackets", "word-boundary", "sentence-at-the-cut"],
)
def test_descriptions_are_shortened_at_a_boundary(text, lang, expected):
    shortened = page_summary.shorten(text, lang)
    assert len(shortened) <= language.PROPERTIES[lang].description_length
    assert shortened == expected


# ---------------------------------------------------------------- the publishing check


def _check(config: Path, *args: str, **env: str) -> subprocess.CompletedProcess:
    environ = {k: v for k, v in os.environ.items() if k != "SITE_URL"} | env
    return subprocess.run(
        [sys.executable, "-m", "macros", "publish-check", "--config", str(config), *args],
        cwd=ROOT,
        env=environ,
        capture_output=True,
        text=True,
        timeout=120,
    )


def _ready_config(tmp_path: Path, site_url: str = "https://1x.jyt.hunan.gov.cn/") -> Path:
    text = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    text = re.sub(r'(site_url: !ENV \[SITE_URL, )"[^"]*"', rf'\1"{site_url}"', text)
    text = text.replace("https://github.com/example/", "https://github.com/hunan-vocational/")
    text = text.replace("uid_domain: 1x.example.org", "uid_domain: 1x.jyt.hunan.gov.cn")
    text = text.replace('tag_authority: "1x.example.org,2026"', 'tag_authority: "1x.jyt.hunan.gov.cn,2026"')
    config = tmp_path / "mkdocs.yml"
    config.write_text(text, encoding="utf-8")
    return config


def test_the_placeholder_configuration_is_refused_with_every_reason():
    result = _check(ROOT / "mkdocs.yml")
    assert result.returncode == 1
    for key in (
        "site_url https://1x.example.org/",
        "repo_url",
        "extra.identity.uid_domain",
        "extra.identity.tag_authority",
    ):
        assert key in result.stderr, key
    assert "Traceback" not in result.stderr


def test_a_real_configuration_passes_and_a_placeholder_from_the_environment_does_not(tmp_path):
    config = _ready_config(tmp_path)
    ok = _check(config)
    assert ok.returncode == 0, ok.stderr
    assert "ready to publish at https://1x.jyt.hunan.gov.cn/" in ok.stdout
    assert _check(config, "--expect-url", "https://1x.jyt.hunan.gov.cn").returncode == 0
    elsewhere = _check(config, "--expect-url", "https://someone.github.io/portal/")
    assert elsewhere.returncode == 1 and "not where the site will be served" in elsewhere.stderr
    placeholder = _check(config, SITE_URL="https://preview.example.com/")
    assert placeholder.returncode == 1 and "SITE_URL=https://preview.example.com/" in placeholder.stderr
    plain = _check(_ready_config(tmp_path, "http://1x.jyt.hunan.gov.cn/"))
    assert plain.returncode == 1 and "not https://" in plain.stderr


def test_a_bad_identity_stops_the_build_naming_the_key():
    from mkdocs.config import load_config
    from mkdocs.exceptions import PluginError

    from macros.site import hooks

    config = load_config(str(ROOT / "mkdocs.yml"))
    config.extra["identity"] = {"uid_domain": "not a domain", "tag_authority": "1x.example.org"}
    with pytest.raises(PluginError) as raised:
        hooks.on_config(config)
    message = str(raised.value)
    assert "mkdocs.yml extra.identity.uid_domain: not a valid uid domain" in message
    assert "mkdocs.yml extra.identity.tag_authority" in message
    config.extra.pop("identity")
    with pytest.raises(PluginError, match=r"extra\.identity: required"):
        hooks.on_config(config)


def test_readme_says_how_to_set_the_address_and_what_publishing_checks():
    readme = (CHECKOUT / "README.md").read_text(encoding="utf-8")
    section = readme[readme.index("## Publishing") :]
    section = section[: section.index("\n## ", 3)]
    for needed in (
        "site_url",
        "SITE_URL",
        "make publish-check",
        "extra.identity",
        "uid_domain",
        "tag_authority",
        "robots.txt",
        "sitemap",
        "hreflang",
    ):
        assert needed in section, needed


@pytest.mark.skipif(__import__("shutil").which("make") is None, reason="make is not installed")
def test_make_publish_check_refuses_the_placeholders():
    # -o .venv/.stamp: use the existing virtualenv as it is, never reinstall into it from a test.
    env = {k: v for k, v in os.environ.items() if k != "SITE_URL"}
    result = subprocess.run(
        ["make", "-o", ".venv/.stamp", "publish-check"],
        cwd=CHECKOUT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode != 0 and "site_url https://1x.example.org/ is a placeholder" in result.stderr


@given(
    base=st.sampled_from(
        ["https://x.example.org", "https://x.example.org/", "https://x.example.org/sub/portal/", "http://h:8000/a"]
    ),
    path=st.text(alphabet="ab./-_~?#:%", max_size=12)
    | st.sampled_from(["", "./", "notices/a-b/", "en/", "../x", "a/../b", ".hidden/x/"]),
)
def test_absolute_is_urljoin(base, path):
    from urllib.parse import urljoin

    assert publication.absolute(base, path) == urljoin(base if base.endswith("/") else base + "/", path)
