# What a first search really downloads, measured in headless Chromium: for every query of the browser query table
# (tests/site/test_search.py), a fresh browser (empty cache) opens the language's home page, pastes the query into the
# search box and waits for its results; the bytes are those this host sent for the search: the worker and the theme's
# (empty) index fetched with the page, then every file from the query to its results. Pagefind's files count as stored
# (gzip already), ours gzip level 6, as a server sends them. Usage: `python bench/search_bytes.py SITE`.
from __future__ import annotations

import functools
import http.server
import sys
import threading
from pathlib import Path
from typing import TYPE_CHECKING

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from bench.run import LANG_ROOTS, sent  # noqa: E402

if TYPE_CHECKING:
    from playwright.sync_api import ViewportSize

PHONE: ViewportSize = {
    "width": 390,
    "height": 844,
}  # the worker fetches the same first pages at 1280×900 (BENCHMARKS.md)
CHROMIUM = "/usr/bin/chromium"
WITH_THE_PAGE = ("/assets/javascripts/workers/", "/search/search_index.json")  # fetched before any query


def query_table() -> dict[str, list[str]]:
    """The distinct queries of the browser tests' table, per language."""
    from tests.site.test_search import EN_QUERIES, ZH_QUERIES, query_ids

    return {"zh": list(dict.fromkeys(query_ids(ZH_QUERIES))), "en": list(dict.fromkeys(query_ids(EN_QUERIES)))}


class _Recording(http.server.SimpleHTTPRequestHandler):
    """Serves the site and notes the path of every file it sends."""

    sent_paths: list[str]

    def log_message(self, *args) -> None:
        pass

    def copyfile(self, source, outputfile) -> None:
        self.sent_paths.append(self.path.split("?")[0])
        super().copyfile(source, outputfile)


def first_search_bytes(site: Path, queries: dict[str, list[str]] | None = None) -> dict[str, dict[str, int]]:
    """{lang: {query: bytes its first search downloaded}} on a built site."""
    from playwright.sync_api import sync_playwright

    from tests.support import CHROMIUM_ARGS
    from tests.support.site_search import SiteSearch

    paths: list[str] = []
    handler = type("Handler", (_Recording,), {"sent_paths": paths})
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(handler, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_address[1]}/"
    out: dict[str, dict[str, int]] = {}
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
            for lang, words in (queries or query_table()).items():
                out[lang] = {}
                for query in words:
                    context = browser.new_context(viewport=PHONE)
                    page = context.new_page()
                    paths.clear()
                    search = SiteSearch(page, base + LANG_ROOTS[lang])
                    page.wait_for_load_state("networkidle")
                    paths[:] = [p for p in paths if any(part in p for part in WITH_THE_PAGE)]
                    search.pages_for(query, "paste")
                    page.wait_for_timeout(300)  # a page text asked for with the results
                    files = [site / p.lstrip("/") for p in paths]
                    out[lang][query] = sum(sent(f) for f in files if f.is_file())
                    context.close()
            browser.close()
    finally:
        server.shutdown()
    return out


if __name__ == "__main__":
    for lang, by_query in first_search_bytes(Path(sys.argv[1])).items():
        values = sorted(by_query.values())
        print(f"{lang}: {len(values)} queries, {values[0] / 1000:.1f}-{values[-1] / 1000:.1f} KB")
        for query, size in sorted(by_query.items(), key=lambda kv: -kv[1])[:5]:
            print(f"  {size / 1000:6.1f} KB  {query}")
