# A real browser filters the certificate catalogue: by level, batch, organisation and typed text, with the view kept
# in the URL; at full scale (500 generated certificates) and on the real site, with and without JavaScript.
from __future__ import annotations

import functools
import http.server
import threading
from urllib.parse import parse_qs, urljoin, urlparse

import pytest

from conftest import copy_project, run_build
from synthetic_catalogue import write_synthetic_catalogue

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
    return page.eval_on_selector_all("#catalogue-table tbody tr.x-cert:not([hidden]) h3", "hs => hs.map(h => h.id)")


def expected_ids(data: dict, batch=None, level=None, org=None, text="") -> list[str]:
    return [f"cert-{c['id']}" for c in sorted(data["certificates"], key=lambda c: (c["batch"], c["sequence"]))
            if (batch is None or c["batch"] == batch) and (level is None or level in c["levels"])
            and (org is None or c["organisation"]["zh"] == org)
            and text.lower() in " ".join([c["name"]["zh"], c["name"]["en"], c["organisation"]["zh"], c["organisation"]["en"]]).lower()]


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
    org = data["certificates"][7]["organisation"]["zh"]
    page.goto(base + "en/certificates/?org=" + org + "&level=junior")
    assert visible_ids(page) == expected_ids(data, level="junior", org=org)
    page.select_option("select[name=level]", value="")
    page.locator("input[name=text]").press_sequentially("certificate 0007")
    assert visible_ids(page) == expected_ids(data, org=org, text="certificate 0007") == ["cert-synthetic-0007"]
    assert "Showing 1 of 500 certificates" in page.locator(".x-cat-status").inner_text()


def test_no_match_says_so(browser_page, synthetic):
    base, _ = synthetic
    browser_page.goto(base + "certificates/?text=没有这个证书")
    assert visible_ids(browser_page) == []
    assert browser_page.locator("tr.x-cat-empty").is_visible()


def test_without_javascript_the_whole_table_shows(browser, synthetic, site_server):
    base, _ = synthetic
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    for url, count in ((base + "certificates/?level=intermediate&batch=2", 500), (site_server + "en/certificates/?batch=1", 16)):
        page.goto(url)
        assert not page.locator("#catalogue-filters").is_visible()
        assert page.locator("#catalogue-table tbody tr.x-cert").count() == count
        assert len(visible_ids(page)) == count
    context.close()


def test_real_catalogue_filters_and_says_levels_are_not_given(browser_page, site_server):
    page = browser_page
    page.goto(site_server + "certificates/?batch=2")
    assert len(visible_ids(page)) == 10
    page.locator("input[name=text]").press_sequentially("工业机器人")
    assert visible_ids(page) == ["cert-industrial-robot-operation", "cert-industrial-robot-programming"]
    page.select_option("select[name=level]", label="中级")
    assert visible_ids(page) == []  # our source gives no levels for these certificates
    assert "不显示等级未载明的证书" in page.locator(".x-cat-status").inner_text()


def test_real_catalogue_search_in_english_matches_translated_names(browser_page, site_server):
    page = browser_page
    page.goto(site_server + "en/certificates/")
    page.locator("input[name=text]").press_sequentially("Xin'ao")
    assert visible_ids(page) == ["cert-industrial-robot-operation"]
    page.locator("input[name=text]").fill("ZHONGCHEXING")
    assert visible_ids(page) == ["cert-vehicle-operation-and-maintenance", "cert-intelligent-new-energy-vehicles"]
