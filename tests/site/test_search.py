# Search per language: the index split (pure), the built indexes, and material's real search in the search box of the
# served site in headless Chromium, with a table of queries and the page each must find, each query both typed and
# pasted (text that arrives without a key release, as from a long press or an input method).
from __future__ import annotations

import json
import re

import pytest

from macros.site.search import data_words, join_latin_suffix, language_of, split_index
from tests.support import ROOT

# ---------------------------------------------------------------- pure parts


def test_language_of_reads_the_language_folder():
    assert language_of("en/guide/fees/#who-pays", ["en"]) == "en"
    assert language_of("en/", ["en"]) == "en"
    assert language_of("", ["en"]) is None
    assert language_of("engineering/", ["en"]) is None  # a folder that only starts like "en"
    assert language_of("guide/fees/", ["en"]) is None


def test_split_index_gives_each_language_its_own_entries_relative_to_its_root():
    combined = {
        "config": {"lang": ["zh", "en"]},
        "docs": [
            {"location": "", "title": "首页", "text": ""},
            {"location": "notices/x/#联系方式", "title": "联系方式", "text": "王宇"},
            {"location": "en/", "title": "Home", "text": ""},
            {"location": "en/notices/x/#contacts", "title": "Contacts", "text": "Wang Yu"},
        ],
    }
    split = split_index(combined, "zh", ["en"])
    assert set(split) == {"search/search_index.json", "en/search/search_index.json"}
    assert [d["location"] for d in split["search/search_index.json"]["docs"]] == ["", "notices/x/#联系方式"]
    assert [d["location"] for d in split["en/search/search_index.json"]["docs"]] == ["", "notices/x/#contacts"]
    assert split["en/search/search_index.json"]["config"] == combined["config"]


def test_a_number_and_the_han_character_after_it_become_one_token():
    assert (
        join_latin_suffix("湘教通\u200b〔2022〕80\u200b号\u200b \u200b市级")
        == "湘教通\u200b〔2022〕80号\u200b \u200b市级"
    )
    assert join_latin_suffix("在\u200bQQ\u200b群") == "在\u200bQQ群"
    assert join_latin_suffix("1+X\u200b证书") == "1+X\u200b证书"  # a word of two characters stays apart


def test_data_words_keep_contact_names_and_document_number_prefixes_whole(portal):
    words = data_words(portal)
    for word in ("杨承阁", "王宇", "谢爱国", "赵亮", "湘教通", "皖教秘职成", "鲁教职处函"):
        assert word in words


def test_the_jieba_dictionary_has_one_word_and_optional_frequency_per_line():
    lines = (ROOT / "macros" / "site" / "jieba_user_dict.txt").read_text(encoding="utf-8").splitlines()
    assert lines, "the domain dictionary is empty"
    for number, line in enumerate(lines, 1):
        # jieba has no comment syntax: a stray line would become a "word"
        assert re.fullmatch(r"[^\s#]+( [0-9]+)?( [a-z]+)?", line), f"jieba_user_dict.txt:{number}: {line!r}"


def test_the_split_runs_after_static_i18n_has_written_the_combined_index():
    # static-i18n builds the other languages and rewrites the combined index in its on_post_build at -100;
    # the split must come later, in the outermost build (it skips the nested ones: plugin.building is True there).
    from mkdocs_static_i18n.plugin import I18n

    from macros.site import search

    assert I18n.on_post_build.mkdocs_priority == -100, "static-i18n changed its on_post_build priority"
    assert search.on_post_build.mkdocs_priority < -100


# ---------------------------------------------------------------- the built indexes


def _index(site, path):
    return json.loads((site / path).read_text(encoding="utf-8"))


def test_each_language_has_its_own_index_of_its_own_pages(built_site):
    zh = _index(built_site, "search/search_index.json")["docs"]
    en = _index(built_site, "en/search/search_index.json")["docs"]
    assert zh and en
    assert not [d["location"] for d in zh if d["location"].startswith("en/")]
    zh_pages = {d["location"] for d in zh if "#" not in d["location"]}
    en_pages = {d["location"] for d in en if "#" not in d["location"]}
    assert "notices/hunan-2022-80/" in zh_pages and "notices/hunan-2022-80/" in en_pages
    # every English page is in the English index (its own text, not the Chinese page's)
    for page in sorted(built_site.glob("en/**/index.html")):
        location = page.parent.relative_to(built_site / "en").as_posix() + "/"
        location = "" if location == "./" else location
        assert location in en_pages, location
    hunan = next(d for d in en if d["location"] == "notices/hunan-2022-80/")
    assert "Hunan" in hunan["title"]


def _config_base(html: str) -> str:
    return json.loads(re.search(r'<script id="__config" type="application/json">(.*?)</script>', html, re.S)[1])["base"]


def test_english_pages_point_search_at_the_english_index(built_site):
    assert _config_base((built_site / "en/guide/fees/index.html").read_text(encoding="utf-8")) == "../../../en/"
    assert _config_base((built_site / "en/index.html").read_text(encoding="utf-8")) == "../en/"
    assert _config_base((built_site / "guide/fees/index.html").read_text(encoding="utf-8")) == "../.."


# ---------------------------------------------------------------- real search in the browser

FIRST, TOP3 = 1, 3

ZH_QUERIES = [  # (what a reader types, the page that must come back, within how many results)
    ("申报", "guide/filing/", TOP3),  # the word 申报, not every word that starts with 申
    ("湘教通", "notices/hunan-2022-80/", FIRST),  # a document-number prefix, whole (not 湘 alone)
    ("证书", "certificates/", FIRST),
    ("考核费用", "guide/fees/", FIRST),
    ("调整申请", "notices/anhui-2022-11/", TOP3),
    ("杨承阁", "notices/hunan-2022-80/", TOP3),
    ("湘教通〔2022〕80号", "notices/hunan-2022-80/", FIRST),
    ("80号", "notices/hunan-2022-80/", TOP3),
    ("人社厅函〔2025〕154号", "notices/mohrss-2025-154/", FIRST),
    ("皖教秘职成〔2022〕11号", "notices/anhui-2022-11/", FIRST),
    ("11号", "notices/anhui-2022-11/", TOP3),
    ("鲁教职处函", "notices/shandong-2022-8/", TOP3),
    ("鲁电职院教字〔2024〕26号", "notices/sdcet-2024-26/", TOP3),
    ("26号", "notices/sdcet-2024-26/", TOP3),
    ("王宇", "notices/hunan-2022-80/", TOP3),
    ("徐海洋", "notices/anhui-2022-11/", TOP3),
    ("张娴", "provinces/anhui/", TOP3),
    ("赵朝晖", "notices/shandong-2022-8/", TOP3),
    ("谢爱国", "notices/anhui-2022-11/", TOP3),
    ("QQ群", "provinces/hunan/", TOP3),
    ("中级", "guide/levels/", FIRST),
    ("初级", "guide/levels/", TOP3),
    ("推进办", "provinces/hunan/", TOP3),
    ("汇总表", "guide/filing/", TOP3),  # the filing guide explains Anhui's school summary sheet
    ("市级审核", "guide/filing/", TOP3),
    ("备案", "guide/filing/", FIRST),
    ("教务处", "guide/filing/", FIRST),
    ("安徽", "provinces/anhui/", FIRST),
    ("湖南", "provinces/hunan/", FIRST),
    ("山东", "provinces/shandong/", FIRST),
    ("试点费用", "guide/fees/", FIRST),
    ("管理办法", "notices/sdcet-2024-26/", FIRST),
    ("证书目录", "certificates/", FIRST),
    ("春季", "notices/anhui-2022-11/", TOP3),
]

EN_QUERIES = [
    ("fees", "guide/fees/", TOP3),
    ("who pays", "guide/fees/", FIRST),
    ("Hunan", "provinces/hunan/", TOP3),
    ("Anhui", "provinces/anhui/", FIRST),
    ("Shandong", "provinces/shandong/", FIRST),
    ("Yang Chengge", "notices/hunan-2022-80/", TOP3),
    ("Xu Haiyang", "notices/anhui-2022-11/", TOP3),
    ("Wang Yu", "notices/hunan-2022-80/", TOP3),
    ("Zhang Xian", "provinces/anhui/", TOP3),
    ("Zhao Zhaohui", "notices/shandong-2022-8/", TOP3),
    ("adjustment", "notices/anhui-2022-11/", TOP3),
    ("intermediate", "guide/levels/", FIRST),
    ("junior", "guide/levels/", TOP3),
    ("management measures", "notices/sdcet-2024-26/", FIRST),
    ("certificate catalogue", "certificates/", FIRST),
    ("academic affairs", "guide/filing/", FIRST),
    ("levels", "guide/levels/", FIRST),
    ("filing", "guide/filing/", FIRST),
    ("municipal review", "guide/filing/", TOP3),
    ("spring", "notices/anhui-2022-11/", TOP3),
    ("80", "notices/hunan-2022-80/", TOP3),
    ("summary sheet", "notices/anhui-2022-11/", TOP3),
    ("QQ group", "provinces/shandong/", TOP3),
    ("stamped scans", "guide/filing/", TOP3),
    # the pilot guide explains their role; since 2025 the hand-over guide has a section for them too
    ("training evaluation organisation", "guide/pilot/", TOP3),
    ("training evaluation organisation", "guide/handover/", TOP3),
    ("e-mail", "provinces/anhui/", TOP3),
    ("湘教通〔2022〕80号", "notices/hunan-2022-80/", FIRST),  # a document number pasted on the English site
    ("湘教通", "notices/hunan-2022-80/", FIRST),
]


# Counts the queries the page hands to the search worker and the answers it gets back (the theme's message types:
# 2 query, 3 result), so that a test reads the results of the last query, not of a prefix typed on the way.
WATCH_WORKER = """(() => {
  const Native = window.Worker;
  window.xSearch = { asked: [], answered: 0 };
  window.Worker = class extends Native {
    constructor(...args) {
      super(...args);
      this.addEventListener("message", (event) => { if (event.data && event.data.type === 3) window.xSearch.answered++; });
    }
    postMessage(message, ...rest) {
      if (message && message.type === 2) window.xSearch.asked.push(message.data);
      return super.postMessage(message, ...rest);
    }
  };
})()"""
ANSWERED = """(query) => { const s = window.xSearch;
  return s.asked.length > 0 && s.asked[s.asked.length - 1] === query && s.answered === s.asked.length; }"""


class SiteSearch:
    """Types into the search box of one served language root and reads the result list, page by page."""

    def __init__(self, page, root_url: str):
        self.page, self.root_url = page, root_url
        page.add_init_script(WATCH_WORKER)
        page.goto(root_url)
        config = json.loads(page.locator("#__config").text_content())
        self.ready_text = config["translations"]["search.result.placeholder"]
        self.box = page.locator("input.md-search__input")
        self.box.click()
        self.meta = page.locator(".md-search-result__meta")

    def pages_for(self, query: str, how: str = "type") -> list[str]:
        """Result pages in order, as site-wide paths (e.g. 'en/notices/x/'), one entry per page. `how`: "type" (key
        by key; characters without a key arrive as text, as from an input method) or "paste" (the whole text at
        once and no key at all, as a long-press paste does)."""
        from playwright.sync_api import expect

        self.box.fill("")
        expect(self.meta).to_have_text(self.ready_text, timeout=30_000)  # the worker is ready, no query pending
        if how == "type":
            self.page.keyboard.type(query)
        elif how == "paste":
            self.box.fill(query)  # one input event, no key event
        else:
            raise ValueError(how)
        self.page.wait_for_function(ANSWERED, arg=query, timeout=30_000)  # the answer to the whole query is in
        expect(self.meta).not_to_have_text(self.ready_text, timeout=30_000)
        return self.result_pages()

    def result_links(self) -> list[str]:
        return self.page.eval_on_selector_all(
            "li.md-search-result__item > a.md-search-result__link:first-child", "links => links.map(a => a.href)"
        )

    def result_pages(self) -> list[str]:
        site = self.root_url.split("/en/")[0].rstrip("/") + "/"
        pages = []
        for href in self.result_links():
            path = re.sub(r"[?#].*$", "", href).removeprefix(site)
            if path not in pages:
                pages.append(path)
        return pages


@pytest.fixture(scope="module")
def search_zh(browser, site_server):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    yield SiteSearch(context.new_page(), site_server)
    context.close()


@pytest.fixture(scope="module")
def search_en(browser, site_server):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    yield SiteSearch(context.new_page(), site_server + "en/")
    context.close()


def test_the_query_tables_are_long_enough():
    assert len(ZH_QUERIES) >= 25 and len(EN_QUERIES) >= 25


HOW = ["type", "paste"]


@pytest.mark.browser
@pytest.mark.parametrize("how", HOW)
@pytest.mark.parametrize("query,expected,within", ZH_QUERIES, ids=[q for q, _, _ in ZH_QUERIES])
def test_chinese_search_finds(search_zh, query, expected, within, how):
    pages = search_zh.pages_for(query, how)
    assert not [p for p in pages if p.startswith("en/")], f"English results on the Chinese site: {pages}"
    assert expected in pages[:within], f"{query!r}: expected {expected} in the first {within}, got {pages[:5]}"


@pytest.mark.browser
@pytest.mark.parametrize("how", HOW)
@pytest.mark.parametrize("query,expected,within", EN_QUERIES, ids=[q for q, _, _ in EN_QUERIES])
def test_english_search_finds(search_en, query, expected, within, how):
    pages = search_en.pages_for(query, how)
    assert pages and all(p.startswith("en/") for p in pages), f"results outside the English site: {pages}"
    assert "en/" + expected in pages[:within], (
        f"{query!r}: expected en/{expected} in the first {within}, got {pages[:5]}"
    )


@pytest.mark.browser
def test_a_search_result_opens_the_page_in_the_same_language(search_en):
    search_en.pages_for("Yang Chengge")
    link = search_en.page.locator("li.md-search-result__item > a.md-search-result__link").first
    link.click()
    search_en.page.wait_for_load_state()
    assert "/en/" in search_en.page.url
    assert search_en.page.locator("html").get_attribute("lang") == "en"
    search_en.page.goto(search_en.root_url)  # leave the shared page where the other tests expect it
    search_en.__init__(search_en.page, search_en.root_url)


@pytest.mark.browser
@pytest.mark.parametrize(
    "query,words",
    [("湘教通", ["湘教通"]), ("皖教秘职成", ["皖教秘职成"]), ("杨承阁", ["杨承阁"]), ("考核费用", ["考核", "费用"])],
    ids=["湘教通", "皖教秘职成", "杨承阁", "考核费用"],
)
def test_a_chinese_query_is_searched_as_the_indexes_words(search_zh, query, words):
    """The query is cut into the index's words (the theme's own cut kept only 湘 of 湘教通): the words each result
    matched, which it hands to the page it opens (?h=), are whole words of the query, and the best has them all."""
    import urllib.parse

    search_zh.pages_for(query, "paste")
    matched = [
        urllib.parse.parse_qs(urllib.parse.urlsplit(link).query).get("h", [""])[0].split()
        for link in search_zh.result_links()
    ]
    matched = [found for found in matched if found]
    assert matched and all(set(found) <= set(words) for found in matched), matched
    assert sorted(words) in [sorted(found) for found in matched], matched


@pytest.mark.browser
def test_text_committed_by_an_input_method_is_searched(search_zh):
    """An input method composes without key releases the page can use: the search runs when the text is committed."""
    search_zh.pages_for("湖南", "paste")  # a first query: the next one must replace its results
    search_zh.page.evaluate("""() => {
      const box = document.querySelector("input.md-search__input");
      box.value = "";
      box.dispatchEvent(new InputEvent("input", { bubbles: true }));
      box.dispatchEvent(new CompositionEvent("compositionstart", { bubbles: true }));
      box.value = "皖教秘职成";
      box.dispatchEvent(new InputEvent("input", { bubbles: true, isComposing: true, data: "皖教秘职成" }));
      box.dispatchEvent(new CompositionEvent("compositionend", { bubbles: true, data: "皖教秘职成" }));
    }""")
    from playwright.sync_api import expect

    first = search_zh.page.locator("li.md-search-result__item > a.md-search-result__link").first
    expect(first).to_have_attribute("href", re.compile(r"notices/anhui-2022-11/"), timeout=30_000)
