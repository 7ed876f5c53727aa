# A real browser filters the certificate catalogue: by level, batch (including "no batch given"), organisation and
# typed text, with the view kept in the URL; at full scale (500 generated certificates) and on the real site, with and
# without JavaScript; a found certificate's name opens its row on its page of the list.
from __future__ import annotations

import functools
import http.server
import threading
from urllib.parse import parse_qs, urljoin, urlparse

import pytest

from tests.support import copy_project, run_build
from tests.support.synthetic_catalogue import level_names, page_order, write_synthetic_catalogue

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def synthetic():
    """(base URL, catalogue data) of a site built with 500 generated certificates, served on 127.0.0.1."""
    import tempfile

    with tempfile.TemporaryDirectory(prefix="catalogue-500-") as tmp:
        from pathlib import Path

        project = copy_project(Path(tmp) / "project")
        data = write_synthetic_catalogue(project, 500)
        out = Path(tmp) / "site"
        result = run_build(project, out)
        assert result.returncode == 0, result.stdout + result.stderr

        class Quiet(http.server.SimpleHTTPRequestHandler):
            def log_message(self, *args):
                pass

        server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Quiet, directory=str(out)))
        threading.Thread(target=server.serve_forever, daemon=True).start()
        try:
            yield f"http://127.0.0.1:{server.server_address[1]}/", data
        finally:
            server.shutdown()


def visible_ids(page) -> list[str]:
    """The certificates the catalogue page's finder shows (their entries' ids, cert-…), as the reader sees them."""
    return page.eval_on_selector_all(
        "#catalogue-list .x-cat-group li", "lis => lis.filter(li => li.checkVisibility()).map(li => li.id)"
    )


def expected_ids(data: dict, batch=None, level=None, org=None, text="") -> list[str]:
    """The rows a filter should leave, computed from the catalogue data (batch "none": no batch given)."""

    def searched(c):
        names = [c["name"]] + [s["organisation"] for s in c["sources"]]
        return " ".join(t.get(lang, "") for t in names for lang in ("zh", "en")).lower()

    return [
        f"cert-{c['id']}"
        for c in page_order(data["certificates"])
        if (batch is None or c.get("batch", "none") == batch)
        and (level is None or level in level_names(c))
        and (org is None or org in {s["organisation"]["zh"] for s in c["sources"]})
        and all(term in searched(c) for term in text.lower().split())
    ]


def catalogue_data(portal) -> dict:
    return portal.catalogue.model_dump(mode="json", exclude_none=True)


def test_level_batch_and_typed_name_show_exactly_the_matching_rows(browser_page, synthetic):
    base, data = synthetic
    page = browser_page
    page.goto(base + "certificates/")
    assert page.locator("#catalogue-filters").is_visible()
    assert len(visible_ids(page)) == 500

    page.select_option("select[name=level]", label="中级")
    assert visible_ids(page) == expected_ids(data, level="intermediate")
    page.select_option("select[name=batch]", label="第2批")
    assert visible_ids(page) == expected_ids(data, batch=2, level="intermediate")
    page.locator("input[name=text]").press_sequentially("物流")
    want = expected_ids(data, batch=2, level="intermediate", text="物流")
    assert 0 < len(want) < 500
    assert visible_ids(page) == want
    assert f"显示 {len(want)} / 500 个证书" in page.locator(".x-cat-status").inner_text()

    query = parse_qs(urlparse(page.url).query)
    assert query == {"batch": ["2"], "level": ["intermediate"], "text": ["物流"]}

    # The URL reproduces the view in a fresh page.
    again = page.context.new_page()
    again.goto(page.url)
    assert visible_ids(again) == want
    assert again.input_value("select[name=level]") == "intermediate"
    assert again.input_value("select[name=batch]") == "2"
    assert again.input_value("input[name=text]") == "物流"
    assert not again.locator("#__search").is_checked()  # the theme's own search box stays closed
    # The language switch opens the same view in English.
    english = page.locator('a.md-select__link[hreflang="en"]').get_attribute("href")
    again.goto(urljoin(page.url, english))
    assert urlparse(again.url).path.endswith("/en/certificates/")
    assert visible_ids(again) == want
    again.close()

    page.click("#catalogue-filters button[type=reset]")
    assert len(visible_ids(page)) == 500
    assert urlparse(page.url).query == ""


def test_organisation_filter_and_english_search(browser_page, synthetic):
    base, data = synthetic
    page = browser_page
    org = data["certificates"][7]["sources"][0]["organisation"]["zh"]
    page.goto(base + "en/certificates/?org=" + org + "&level=junior")
    assert visible_ids(page) == expected_ids(data, level="junior", org=org)
    page.select_option("select[name=level]", value="")
    page.locator("input[name=text]").press_sequentially("certificate 0007")
    assert visible_ids(page) == expected_ids(data, org=org, text="certificate 0007") == ["cert-synthetic-0007"]
    assert "Showing 1 of 500 certificates" in page.locator(".x-cat-status").inner_text()


def test_no_batch_given_is_a_batch_choice_kept_in_the_url(browser_page, synthetic):
    base, data = synthetic
    page = browser_page
    page.goto(base + "en/certificates/")
    page.select_option("select[name=batch]", label="No batch given")
    want = expected_ids(data, batch="none")
    assert 0 < len(want) < 500
    assert visible_ids(page) == want
    assert parse_qs(urlparse(page.url).query) == {"batch": ["none"]}
    page.select_option("select[name=level]", value="senior")
    assert visible_ids(page) == expected_ids(data, batch="none", level="senior")


def test_no_match_says_so(browser_page, synthetic):
    base, _ = synthetic
    browser_page.goto(base + "certificates/?text=没有这个证书")
    assert visible_ids(browser_page) == []
    assert browser_page.locator("#catalogue-list .x-cat-empty").is_visible()
    assert browser_page.locator("#catalogue-list .x-cat-group").evaluate_all("gs => gs.filter(g => !g.hidden)") == []


def test_without_javascript_the_whole_list_shows(browser, synthetic, site_server, portal):
    base, _ = synthetic
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    for url, count in (
        (base + "certificates/?level=intermediate&batch=2", 500),
        (site_server + "en/certificates/?batch=1", len(portal.catalogue.certificates)),
    ):
        page.goto(url)
        assert not page.locator("#catalogue-filters").is_visible()
        assert page.locator("#catalogue-list .x-cat-group li").count() == count
        assert len(visible_ids(page)) == count
    context.close()


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_real_level_filter_shows_the_certificates_with_that_level_and_hides_the_rest(
    browser_page, site_server, portal, lang
):
    data = catalogue_data(portal)
    page = browser_page
    page.goto(site_server + ("certificates/" if lang == "zh" else "en/certificates/"))
    everything = visible_ids(page)
    assert len(everything) == len(data["certificates"])
    for level in ("junior", "intermediate", "senior"):
        page.select_option("select[name=level]", value=level)
        want = expected_ids(data, level=level)
        assert 0 < len(want) < len(everything), level  # some certificates list the level, some do not
        assert visible_ids(page) == want
        hidden = page.eval_on_selector_all(
            "#catalogue-list .x-cat-group li[hidden]", "rows => rows.map(r => r.dataset.levels)"
        )
        assert len(hidden) == len(everything) - len(want) and all(level not in levels.split() for levels in hidden)
        status = page.locator(".x-cat-status").inner_text()
        shown = (
            f"显示 {len(want)} / {len(everything)} 个证书"
            if lang == "zh"
            else f"Showing {len(want)} of {len(everything)} certificates"
        )
        assert shown in status
        assert parse_qs(urlparse(page.url).query) == {"level": [level]}


def test_real_catalogue_filters_by_batch_text_and_level(browser_page, site_server, portal):
    data = catalogue_data(portal)
    page = browser_page
    page.goto(site_server + "certificates/?batch=2")
    assert visible_ids(page) == expected_ids(data, batch=2)
    page.locator("input[name=text]").press_sequentially("工业机器人")
    want = expected_ids(data, batch=2, text="工业机器人")
    assert "cert-industrial-robot-operation" in want and visible_ids(page) == want
    page.select_option("select[name=level]", label="中级")
    assert visible_ids(page) == expected_ids(data, batch=2, level="intermediate", text="工业机器人")
    assert "只显示来源列出该等级的证书" in page.locator(".x-cat-status").inner_text()
    page.goto(site_server + "certificates/?batch=none")
    assert page.input_value("select[name=batch]") == "none"
    assert visible_ids(page) == expected_ids(data, batch="none") != []


def test_real_organisation_filter_finds_a_certificate_by_either_spelling(browser_page, site_server, portal):
    bim = next(c for c in portal.catalogue.certificates if c.id == "bim")
    page = browser_page
    for spelling in {s.organisation.zh for s in bim.sources}:
        page.goto(site_server + "certificates/")
        page.select_option("select[name=org]", value=spelling)
        assert "cert-bim" in visible_ids(page)


def test_real_catalogue_search_in_english_matches_translated_names(browser_page, site_server, portal):
    data = catalogue_data(portal)
    page = browser_page
    page.goto(site_server + "en/certificates/")
    page.locator("input[name=text]").press_sequentially("Xin'ao")
    assert visible_ids(page) == expected_ids(data, text="Xin'ao")
    assert "cert-industrial-robot-operation" in visible_ids(page)
    page.locator("input[name=text]").fill("ZHONGCHEXING")
    assert visible_ids(page) == ["cert-vehicle-operation-and-maintenance", "cert-intelligent-new-energy-vehicles"]


def test_a_found_certificate_opens_its_row_on_its_page_of_the_list(browser_page, synthetic):
    base, _ = synthetic
    page = browser_page
    page.goto(base + "en/certificates/?text=certificate 0007")
    assert visible_ids(page) == ["cert-synthetic-0007"]
    page.click("#cert-synthetic-0007 a")
    page.wait_for_url("**/en/certificates/*/#cert-synthetic-0007")
    row = page.locator("table.x-catalogue tr.x-cert", has=page.locator("h3#cert-synthetic-0007"))
    assert row.is_visible() and "Test organisation 07" in row.inner_text()
    assert page.evaluate("document.getElementById('cert-synthetic-0007').getBoundingClientRect().top") < 900
