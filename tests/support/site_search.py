# The site's search box driven in headless Chromium, as a reader uses it: typed or pasted queries and the result
# pages in order (the search tests, the dirty-serve test and the benchmark's first-search bytes use it).
from __future__ import annotations

import json
import re

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
        button = page.locator('label.md-header__button[for="__search"]')
        if button.is_visible():  # on a phone the search box opens from the header button
            button.click()
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
