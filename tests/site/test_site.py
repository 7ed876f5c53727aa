# The built site: facts from the source documents appear on the pages readers see, in both languages; every
# page has its counterpart; nothing loads from another host; bad data aborts the build and keeps the old site.
from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import urljoin, urlparse

import pytest
from bs4 import BeautifulSoup

from tests.support import run_build
from tests.support.html import page


def text_of(site: Path, url: str) -> str:
    return " ".join(page(site, url).select_one("article").get_text(" ").split())


# (page, facts that must be on it) — each fact checked against the source document by hand.
FACTS = [
    (
        "notices/shandong-2022-8",
        [
            "鲁教职处函〔2022〕8号",
            "山东省教育厅职业教育处",
            "2022年3月4日",
            "2022年3月14日—6月10日",
            "2022年8月20日—12月20日",
            "截至2022年12月31日",
            "赵朝晖、陈志浩",
            "0531-51793642",
            "zjc05@shandong.cn",
            "750202208",
            "902961810",
        ],
    ),
    (
        "en/notices/shandong-2022-8",
        [
            "鲁教职处函〔2022〕8号",
            "4 Mar 2022",
            "14 Mar – 10 Jun 2022",
            "20 Aug – 20 Dec 2022",
            "by 31 Dec 2022",
            "Zhao Zhaohui",
            "0531-51793642",
        ],
    ),
    (
        "notices/anhui-2022-11",
        [
            "皖教秘职成〔2022〕11号",
            "安徽省教育厅",
            "未知",
            "2022年4月1日—4月7日",
            "2022年4月8日—4月12日",
            "2022年4月8日—4月15日",
            "2022年9月13日—9月19日",
            "2022年9月20日—9月24日",
            "2022年9月20日—9月27日",
            "每年重复（2022—2025年）",
            "徐海洋",
            "0551-62812653",
            "张娴",
            "0551-65658560",
            "谢爱国、赵亮",
            "0551-65658583",
            "ahxzsbg@126.com",
            "vsic.ncb.edu.cn",
            "安徽省1+X职业技能等级证书调整申请表",
        ],
    ),
    ("en/notices/anhui-2022-11", ["Unknown", "1 – 7 Apr 2022", "13 – 19 Sep 2022", "Repeats every year (2022–2025)"]),
    (
        "notices/sdcet-2024-26",
        [
            "鲁电职院教字〔2024〕26号",
            "山东电子职业技术学院",
            "2024年9月2日",
            "每年秋季学期",
            "不得申报初级",
            "该文件未公布",
        ],
    ),
    (
        "notices/hunan-2022-80",
        [
            "湘教通〔2022〕80号",
            "2022年4月15日",
            "2022年4月14日—4月28日",
            "截至2022年4月28日",
            "截至2022年5月28日",
            "王宇",
            "0731-84714937",
            "杨承阁",
            "0731-85149710",
            "zcs801@126.com",
            "长沙市开福区蔡锷路教育街11号湖南省教育厅西院科研大楼801室",
            "736863229",
            "738279928",
            "院校试点信息统计表",
            "不得向学生收取任何费用",
        ],
    ),
    ("en/notices/hunan-2022-80", ["15 Apr 2022", "14 – 28 Apr 2022", "by 28 May 2022", "Yang Chengge", "Room 801"]),
    ("provinces/hunan", ["湘教通〔2022〕80号", "截至2022年5月28日", "杨承阁"]),
    ("forms/hunan-2022-80-school-info", ["湘教通〔2022〕80号", "附件1", "湖南省教育厅", "2022年4月15日"]),
    ("forms/hunan-2022-80-pilot-plan", ["湘教通〔2022〕80号", "附件2", "湖南省教育厅", "2022年4月15日"]),
    ("en/forms/hunan-2022-80-school-info", ["湘教通〔2022〕80号", "Attachment 1", "15 Apr 2022"]),
    ("en/forms/hunan-2022-80-pilot-plan", ["湘教通〔2022〕80号", "Attachment 2", "15 Apr 2022"]),
    ("provinces/shandong", ["鲁教职处函〔2022〕8号", "鲁电职院教字〔2024〕26号", "2022年8月20日—12月20日"]),
    (
        "guide/compare",
        [
            "鲁教职处函〔2022〕8号",
            "皖教秘职成〔2022〕11号",
            "湘教通〔2022〕80号",
            "2022年4月14日—4月28日",
            "zcs801@126.com",
            "0551-65658583",
        ],
    ),
    ("", ["2022年3月14日—6月10日", "2022年9月13日—9月19日", "截至2022年5月28日"]),
    ("en", ["14 Mar – 10 Jun 2022", "by 28 May 2022"]),
]


@pytest.mark.parametrize("url,facts", FACTS, ids=[f[0] or "home" for f in FACTS])
def test_source_facts_are_on_the_built_page(built_site, url, facts):
    content = text_of(built_site, url)
    missing = [f for f in facts if f not in content]
    assert not missing, f"{url}: missing {missing}"


def test_unknown_issue_date_is_said_not_invented(built_site):
    for url, label, unknown in [
        ("notices/anhui-2022-11", "发布日期", "未知"),
        ("en/notices/anhui-2022-11", "Date of issue", "Unknown"),
    ]:
        facts = page(built_site, url).select_one("dl.x-facts")
        issued = next(dt for dt in facts.find_all("dt") if dt.get_text() == label).find_next("dd")
        assert issued.find("time") is None, f"{url}: an issue date is printed"
        assert issued.get_text().startswith(unknown), url
    # the dated notices do print theirs, so the check above can tell the difference
    hunan = page(built_site, "notices/hunan-2022-80").select_one("dl.x-facts")
    assert hunan.select_one('time[datetime="2022-04-15"]') is not None


def _html_pages(site: Path):
    return [p for p in site.rglob("*.html") if p.name != "404.html"]


def test_every_page_links_its_counterpart_in_the_other_language(built_site):
    pages = _html_pages(built_site)
    assert len(pages) >= 2 * 14
    for path in pages:
        soup = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
        rel = path.relative_to(built_site).as_posix()
        is_en = rel.startswith("en/")
        links = {a["hreflang"]: a["href"] for a in soup.select("a.md-select__link[hreflang]")}
        assert set(links) == {"zh", "en"}, rel
        other = links["zh" if is_en else "en"]
        target = (path.parent / other).resolve() / "index.html"
        assert target.exists(), f"{rel}: switch leads to missing {other}"
        target_rel = target.relative_to(built_site.resolve()).as_posix()
        expected = rel[3:] if is_en else "en/" + rel
        assert target_rel == expected, f"{rel}: switch leads to {target_rel}, not its counterpart"
        assert soup.html["lang"] == ("en" if is_en else "zh")


ASSET_ATTRS = {
    "script": "src",
    "img": "src",
    "iframe": "src",
    "source": "src",
    "audio": "src",
    "video": "src",
    "embed": "src",
    "object": "data",
}


def test_built_site_references_no_other_host_for_assets(built_site):
    offenders = []
    for path in _html_pages(built_site):
        soup = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
        refs = [
            (tag.name, tag.get(attr))
            for tag, attr in ((t, ASSET_ATTRS[t.name]) for t in soup.find_all(list(ASSET_ATTRS)))
        ]
        refs += [
            ("link", link.get("href"))
            for link in soup.find_all("link")
            if link.get("rel")
            and set(link["rel"]) & {"stylesheet", "preload", "preconnect", "dns-prefetch", "icon", "modulepreload"}
        ]
        refs += [("style", u) for s in soup.find_all("style") for u in re.findall(r"url\(([^)]+)\)", s.text)]
        for name, ref in refs:
            if ref and urlparse(urljoin("http://127.0.0.1/", ref.strip("'\""))).hostname != "127.0.0.1":
                offenders.append(f"{path.relative_to(built_site)}: <{name}> {ref}")
    for css in built_site.rglob("*.css"):
        for ref in re.findall(
            r"(?:url\(|@import\s+)['\"]?(https?:)?//[^'\")]+", css.read_text(encoding="utf-8", errors="replace")
        ):
            offenders.append(f"{css.relative_to(built_site)}: {ref}")
    assert not offenders, "\n".join(offenders[:20])
    assert "fonts.googleapis.com" not in (built_site / "index.html").read_text(encoding="utf-8")


def test_bad_data_aborts_the_build_with_the_message_and_keeps_the_old_site(project, tmp_path):
    out = tmp_path / "out"
    out.mkdir()
    (out / "previous.html").write_text("previous build", encoding="utf-8")
    notice = project / "data" / "notices" / "hunan-2022-80.yml"
    notice.write_text(
        notice.read_text(encoding="utf-8").replace("end: 2022-05-28", "end: 2022-02-30"), encoding="utf-8"
    )
    result = run_build(project, out)
    output = result.stdout + result.stderr
    assert result.returncode != 0
    assert "data/notices/hunan-2022-80.yml:" in output and "deadlines.2.end: Input should be a valid date" in output
    assert "Traceback" not in output
    assert [p.name for p in out.iterdir()] == ["previous.html"]


def test_generated_pages_come_from_data_alone(project, tmp_path):
    """Adding a province and a notice is adding YAML: their pages appear in both languages, and the hand-written
    guides count, name and link the new province (docs_macros: province_count, province_names, province_links)."""
    (project / "data" / "provinces" / "hubei.yml").write_text(
        "id: hubei\nname: {zh: 湖北省, en: Hubei}\norder: 40\nissuers:\n"
        "  - {id: hubei-edu, kind: department, name: {zh: 湖北省教育厅, en: Hubei Department of Education}}\n",
        encoding="utf-8",
    )
    (project / "data" / "notices" / "hubei-2023-1.yml").write_text(
        "id: hubei-2023-1\nissuer: hubei-edu\ndoc_number: 鄂教职成〔2023〕1号\ntitle: {zh: 测试通知}\nissued: 2023-03-01\n"
        "audience: [higher_vocational]\nstatus: in_force\nsummary: {zh: 测试摘要}\nsource: {}\nupdated: 2026-11-21\n"
        "deadlines:\n  - {id: w, stage: school_filing, title: {zh: 申报}, applies_to: {zh: 院校}, start: 2023-03-10, end: 2023-03-20}\n",
        encoding="utf-8",
    )
    out = tmp_path / "out"
    result = run_build(project, out)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "2023年3月10日—3月20日" in text_of(out, "notices/hubei-2023-1")
    en = text_of(out, "en/notices/hubei-2023-1")
    assert "10 – 20 Mar 2023" in en and "测试通知" in en and "(not yet translated)" in en
    assert "鄂教职成〔2023〕1号" in text_of(out, "provinces/hubei")
    assert "Hubei" in text_of(out, "en/provinces")
    from macros.data.portal import load_portal
    from macros.site.docs_macros import number_word, short_name

    provinces = load_portal(project).provinces
    for prefix, lang in (("", "zh"), ("en/", "en")):
        names = [short_name(p, lang) for p in provinces]
        for guide in ("guide/pilot", "guide/compare"):
            paragraphs = [p.get_text() for p in page(out, prefix + guide).select("article p")]
            sentence = next(p for p in paragraphs if names[0] in p and names[-1] in p)
            assert number_word(len(provinces), lang) in sentence and all(n in sentence for n in names), sentence
        for guide in ("guide/filing", "guide/compare"):
            links = {a["href"] for a in page(out, prefix + guide).select("article a[href]")}
            assert {f"../../provinces/{p.id}/" for p in provinces} <= links, (guide, links)


def test_no_page_keeps_its_html_sealed(built_site):
    """The generated pages' HTML passes Markdown sealed (macros/render/raw_html.py) and is opened on every page."""
    pages = list(built_site.rglob("*.html"))
    assert len(pages) > 20
    assert [p for p in pages if "<!--x-raw:" in p.read_text(encoding="utf-8")] == []
    notice = page(built_site, "notices/shandong-2022-8")
    assert notice.select_one("h1#notice-title") and notice.select_one("h2 a.headerlink")  # HTML and headings


@pytest.mark.parametrize("anchor,builds", [("notice-title", True), ("no-such-anchor", False)])
def test_links_to_anchors_in_a_generated_pages_html_are_checked(project, tmp_path, anchor, builds):
    for suffix in (".md", ".en.md"):
        (project / "docs" / f"anchor-check{suffix}").write_text(
            f"# Anchor check\n\n[notice](notices/shandong-2022-8.md#{anchor})\n", encoding="utf-8"
        )
    result = run_build(project, tmp_path / "site")
    assert (result.returncode == 0) is builds, result.stdout + result.stderr
    if not builds:
        assert "no-such-anchor" in result.stdout + result.stderr
