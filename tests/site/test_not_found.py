# The page-not-found page in both languages: Chinese at /404.html (what static hosts serve for every missing address),
# English at /en/404.html and reached from a missing /en/… address; each with language links to the homes, a way back
# (home, search, the main sections) and never a link to a maintainers' page. Browser tests serve the site the way a
# static host does, /404.html with status 404 for any missing address.
from __future__ import annotations

import functools
import http.server
import re
import threading
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from macros.data.publication import read
from macros.site import not_found
from tests.support import ROOT

PAGES = {"zh": "404.html", "en": "en/404.html"}


def test_language_roots_follow_the_sites_path():
    assert not_found.language_roots("https://1x.example.org/") == {"zh": "/", "en": "/en/"}
    assert not_found.language_roots("https://example.org/portal") == {"zh": "/portal/", "en": "/portal/en/"}
    assert not_found.language_roots(None) == {"zh": "/", "en": "/en/"}


def test_another_languages_page_goes_to_its_folder_and_not_over_the_default(tmp_path):
    assert not_found.place("<html lang=zh>", "zh", str(tmp_path)) == "<html lang=zh>"
    assert not_found.place("<html lang=en>", "en", str(tmp_path)) == ""  # mkdocs writes nothing to the root
    assert (tmp_path / "en" / "404.html").read_text(encoding="utf-8") == "<html lang=en>"


@pytest.mark.parametrize("lang", PAGES)
def test_each_language_has_its_own_page_with_a_way_back(built_site, lang):
    page = BeautifulSoup((built_site / PAGES[lang]).read_text(encoding="utf-8"), "html.parser")
    assert page.html["lang"] == lang
    roots = not_found.language_roots(_site_url())
    article = page.select_one("article")
    assert article.h1.get_text(strip=True)
    form = article.select_one("form[role=search]")
    assert form["action"] == roots[lang] and form.select_one("input[name=q]")  # the theme searches ?q= on arrival
    assert article.find("a", href=roots[lang])  # home
    switch = {a["hreflang"]: a["href"] for a in page.select("a.md-select__link")}
    assert switch == roots  # each language's home, whatever page was built last
    hrefs = [a.get("href", "") for a in page.select("a")]
    assert not [h for h in hrefs if "maintainers" in h]


def _site_url() -> str:
    return read(ROOT / "mkdocs.yml")[0].url


@pytest.fixture(scope="module")
def static_host(built_site):
    """The built site served like a static host: a missing address answers 404 with the site's /404.html."""

    class Host(http.server.SimpleHTTPRequestHandler):
        def log_message(self, *args):
            pass

        def send_error(self, code, message=None, explain=None):
            if code != 404:
                return super().send_error(code, message, explain)
            body = (Path(built_site) / "404.html").read_bytes()
            self.send_response(404)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            if self.command != "HEAD":
                self.wfile.write(body)

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Host, directory=str(built_site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()


@pytest.fixture
def tab(browser):
    context = browser.new_context(viewport={"width": 390, "height": 844})
    page = context.new_page()
    page.failed = []
    page.on("response", lambda r: page.failed.append(f"{r.status} {r.url}") if r.status >= 400 else None)
    # a load the Chinese 404 page aborts itself when it sends an /en/ address to the English page is no failure
    page.on("requestfailed", lambda r: r.failure == "net::ERR_ABORTED" or page.failed.append(f"failed {r.url}"))
    yield page
    context.close()


@pytest.mark.browser
@pytest.mark.parametrize(
    "missing,lang",
    [("notices/no-such-notice/", "zh"), ("en/notices/no-such-notice/", "en"), ("en/", None), ("deep/er/still/", "zh")],
    ids=["zh", "en", "en-home", "deep"],
)
def test_a_missing_address_shows_the_page_of_its_language(tab, static_host, missing, lang):
    if lang is None:  # a real page: untouched by the redirect of the Chinese 404 page
        response = tab.goto(static_host + missing)
        assert response.status == 200 and tab.url == static_host + missing
        return
    tab.goto(static_host + missing)
    tab.wait_for_load_state("networkidle")
    assert tab.locator("html").get_attribute("lang") == lang
    assert tab.locator("article h1").is_visible()
    assert tab.failed == [f"404 {static_host}{missing}"]  # only the missing address itself: no other request fails
    other = "en" if lang == "zh" else "zh"
    tab.locator(".md-header__option .md-select > button").hover()
    with tab.expect_navigation():
        tab.locator(f'a.md-select__link[hreflang="{other}"]').click()
    assert tab.locator("html").get_attribute("lang") == other
    assert tab.url == static_host + ("en/" if other == "en" else "")


@pytest.mark.browser
@pytest.mark.parametrize(
    "missing,first", [("nope/", "notices/hunan-2022-80/"), ("en/nope/", "en/notices/hunan-2022-80/")], ids=["zh", "en"]
)
def test_the_search_box_of_the_page_searches_the_site(tab, static_host, missing, first):
    from playwright.sync_api import expect

    tab.goto(static_host + missing)
    tab.locator("#x-nf-query").fill("湘教通")
    with tab.expect_navigation():
        tab.locator("form.x-nf-search button").click()
    link = tab.locator("li.md-search-result__item > a.md-search-result__link").first
    expect(link).to_have_attribute("href", re.compile("^" + re.escape(static_host + first)), timeout=30_000)
    assert tab.locator("html").get_attribute("lang") == ("en" if missing.startswith("en/") else "zh")
