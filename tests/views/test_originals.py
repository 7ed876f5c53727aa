# Links to the originals: a notice whose original is online links it right under its title, in both languages; the
# national platform is a link wherever a document's text (and the guide that explains it) names it; linking never
# unescapes data, never nests links and never makes a link of an address typed into data.
from __future__ import annotations

import re

import pytest
from bs4 import BeautifulSoup
from markupsafe import Markup

from macros.render.render import pick
from macros.views import platform
from tests.support.html import page as soup

LANGS = {"zh": "", "en": "en/"}


def test_the_platform_in_running_text_becomes_a_link():
    html = str(platform.link(pick("在教育部职业技能等级证书信息管理服务平台（https://vslc.ncb.edu.cn/）申报。", "zh")))
    page = BeautifulSoup(html, "html.parser")
    assert [(a.get_text(), a["href"]) for a in page.select("a")] == [
        ("教育部职业技能等级证书信息管理服务平台", platform.URL)
    ]
    english = BeautifulSoup(
        str(platform.link(pick("File it on the certificate management platform.", "en"))), "html.parser"
    )
    assert english.a.get_text() == "certificate management platform" and english.a["href"] == platform.URL


def test_linking_keeps_data_escaped_and_never_links_an_address_from_data():
    hostile = pick(
        '职业技能等级证书信息管理服务平台 <script>alert(1)</script> https://evil.example/?a=1&b="2"><b>', "zh"
    )
    html = str(platform.link(hostile))
    assert "<script>" not in html and "<b>" not in html
    page = BeautifulSoup(html, "html.parser")
    assert [a["href"] for a in page.select("a")] == [platform.URL]
    assert platform.link(Markup("no platform here")) == Markup("no platform here")


@pytest.mark.parametrize("lang", LANGS)
def test_a_notice_with_its_original_online_links_it_under_its_title(built_site, portal, lang):
    with_url = [n for n in portal.notices if n.source.url]
    assert with_url, "no notice has its original's address: nothing to link"
    for notice in portal.notices:
        article = soup(built_site, f"{LANGS[lang]}notices/{notice.id}").select_one("article")
        link = article.select_one(".x-original-link a.x-original")
        if not notice.source.url:
            assert link is None
            continue
        assert link["href"] == str(notice.source.url)
        first_section = article.find("h2")
        assert first_section is None or str(article).index("x-original-link") < str(article).index(str(first_section))


NAMES = re.compile("职业技能等级证书信息管理服务平台|certificate management platform", re.I)


@pytest.mark.parametrize(
    "url",
    [f"{root}notices/{n}" for root in LANGS.values() for n in ("shandong-2022-8", "anhui-2022-11", "hunan-2022-80")]
    + ["guide/compare", "en/guide/compare", "guide/pilot", "en/guide/pilot"],
)
def test_the_platform_is_linked_wherever_a_document_names_it(built_site, url):
    article = soup(built_site, url).select_one("article")
    named = [
        s
        for s in article.find_all(string=NAMES)
        if not s.find_parent(["h1", "h2", "h3", "code", "details"]) and not s.find_parent(class_="admonition")
    ]
    assert named, f"{url}: the platform is not named here"
    for text in named:
        # in a link, or right after the link of the same name in the other language ("… Platform (职业技能…平台)")
        link = text.find_parent("a") or (
            text.previous_sibling if getattr(text.previous_sibling, "name", "") == "a" else None
        )
        assert link is not None and link["href"] == platform.URL, f"{url}: {text!r} not linked"
