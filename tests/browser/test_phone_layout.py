# Every page type in both languages, in real Chromium at phone and desktop widths, read the way a teacher on a phone
# reads it: no text squeezed into a sliver, no document number, phone number, e-mail address, QQ number or date broken
# across lines, no horizontal scrolling (of the page or of a table inside it), no request answered with an error.
# Phone screenshots are kept in test-artifacts/phone/ for review.
from __future__ import annotations

import pytest

from tests.support import CHECKOUT
from tests.support.page_types import NOT_FOUND_CASES, case_id, page_cases

pytestmark = pytest.mark.browser

# a common phone, the narrowest phone still in use (320 px: a few tokens and form controls only just fit), a desktop
WIDTHS = {
    "phone": {"width": 390, "height": 844},
    "small-phone": {"width": 320, "height": 640},
    "desktop": {"width": 1280, "height": 900},
}
ARTIFACTS = CHECKOUT / "test-artifacts"
CASES = page_cases() + NOT_FOUND_CASES
MIN_WIDTH_IN_EMS = 5.5  # a block holding five or more characters is at least this many times its font size wide

# Blocks (anything not laid out inline) in the page's main content that hold five or more characters of their own
# text (text whose nearest block is them) and wrap it onto several lines in a box narrower than MIN_WIDTH_IN_EMS.
SQUEEZED = """(minEms) => {
  const main = document.querySelector("article.md-content__inner");
  const blockOf = (node) => {
    let el = node.parentElement;
    while (el && getComputedStyle(el).display === "inline") el = el.parentElement;
    return el;
  };
  const own = new Map();  // block -> its own text nodes
  const walker = document.createTreeWalker(main, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (!node.textContent.trim()) continue;
    const block = blockOf(node);
    if (!block || !block.getClientRects().length) continue;
    if (!own.has(block)) own.set(block, []);
    own.get(block).push(node);
  }
  const found = [];
  for (const [block, nodes] of own) {
    const text = nodes.map(n => n.textContent.replace(/\\s+/g, "")).join("");
    if ([...text].length < 5) continue;
    const fontSize = parseFloat(getComputedStyle(block).fontSize);
    const width = block.getBoundingClientRect().width;
    if (width >= minEms * fontSize) continue;
    const lines = new Set();  // the lines its text takes (a table cell is as tall as its row: count lines, not height)
    for (const node of nodes) {
      const range = document.createRange();
      range.selectNodeContents(node);
      for (const r of range.getClientRects()) if (r.width > 0) lines.add(Math.round(r.top));
    }
    if (lines.size > 1)
      found.push(`${block.tagName.toLowerCase()}.${block.className} ${Math.round(width)}px at ${fontSize}px: ${text.slice(0, 30)}`);
  }
  return found;
}"""

# Tokens that must stay on one line, and how many lines each takes (distinct tops of its line boxes).
TOKENS = ".x-docnum, .x-phone, .x-email, .x-qq, .x-nobr, a[href^='tel:'], a[href^='mailto:'], time"
BROKEN = """(selector) => {
  const main = document.querySelector("article.md-content__inner");
  const found = [];
  for (const el of main.querySelectorAll(selector)) {
    const rects = [...el.getClientRects()].filter(r => r.width > 0);
    const lines = new Set(rects.map(r => Math.round(r.top)));
    if (lines.size > 1) found.push(`${el.tagName.toLowerCase()}.${el.className}: ${el.textContent.trim()} (${lines.size} lines)`);
  }
  return found;
}"""

# The same tokens found by their shape in the text itself, marked up or not: a document number, an e-mail address, a
# phone number, a date, a long number (as macros/render/safe_text.py's _UNBROKEN finds them), and the lines each takes.
TOKEN_SHAPES = (
    "[\\u4e00-\\u9fff]{1,8}〔\\d{4}〕\\d+号|[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\\.[A-Za-z0-9-]+)+"
    "|\\d{3,4}[-－]\\d{7,8}|(?:\\d{4}年)?\\d{1,2}月\\d{1,2}日"
    "|\\d{1,2} (?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)(?: \\d{4})?|\\d{5,}"
)
BROKEN_IN_TEXT = """(shapes) => {
  const main = document.querySelector("article.md-content__inner");
  const found = [];
  const walker = document.createTreeWalker(main, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (!node.parentElement.getClientRects().length) continue;
    for (const match of node.textContent.matchAll(new RegExp(shapes, "g"))) {
      const range = document.createRange();
      range.setStart(node, match.index);
      range.setEnd(node, match.index + match[0].length);
      const lines = new Set([...range.getClientRects()].filter(r => r.width > 0).map(r => Math.round(r.top)));
      if (lines.size > 1) found.push(`${match[0]} (${lines.size} lines) in ${node.parentElement.tagName.toLowerCase()}`);
    }
  }
  return found;
}"""

# Scrolling sideways: the page itself, or a box inside the content (a table in its scroller).
SIDEWAYS = """() => {
  const found = [];
  const doc = document.documentElement;
  if (doc.scrollWidth > doc.clientWidth) found.push(`page ${doc.scrollWidth}px on ${doc.clientWidth}px`);
  for (const el of document.querySelectorAll("article.md-content__inner *")) {
    if (!el.getClientRects().length) continue;
    const style = getComputedStyle(el);
    if (!["auto", "scroll"].includes(style.overflowX)) continue;
    if (el.scrollWidth > el.clientWidth + 1) found.push(`${el.tagName.toLowerCase()}.${el.className} ${el.scrollWidth}px in ${el.clientWidth}px`);
  }
  return found;
}"""


@pytest.fixture(scope="module", params=list(WIDTHS), ids=list(WIDTHS))
def sized(request, browser):
    """(size name, a tab of that size that records every failed request), reused by the pages of this module."""
    context = browser.new_context(viewport=WIDTHS[request.param], device_scale_factor=1)
    page = context.new_page()
    page.failed = []
    page.on("response", lambda r: page.failed.append(f"{r.status} {r.url}") if r.status >= 400 else None)
    page.on("requestfailed", lambda r: page.failed.append(f"failed {r.url}: {r.failure}"))
    yield request.param, page
    context.close()


def load(page, url: str) -> None:
    page.failed.clear()
    page.goto(url)
    page.wait_for_load_state("networkidle")


@pytest.mark.parametrize("case", CASES, ids=case_id)
def test_page_reads_well(sized, site_server, case):
    size, page = sized
    lang, kind, path = case
    load(page, site_server + path)
    if size == "phone":
        (ARTIFACTS / "phone").mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(ARTIFACTS / "phone" / f"{lang}-{kind}.png"), full_page=True)
    page.evaluate("document.querySelectorAll('article details').forEach(d => { d.open = true; })")  # folded parts too
    problems = {
        "requests answered with an error": page.failed[:],
        "squeezed text": page.evaluate(SQUEEZED, MIN_WIDTH_IN_EMS),
        "tokens broken across lines": page.evaluate(BROKEN, TOKENS) + page.evaluate(BROKEN_IN_TEXT, TOKEN_SHAPES),
        "sideways scrolling": page.evaluate(SIDEWAYS),
    }
    problems = {what: found for what, found in problems.items() if found}
    assert not problems, f"{size} {path}: {problems}"


def test_the_checks_see_what_they_look_for(sized, site_server):
    """The checks themselves: a squeezed column, a broken phone number and a wide table are each found."""
    _size, page = sized
    load(page, site_server + "guide/fees/")
    page.evaluate("""() => {
      const main = document.querySelector("article.md-content__inner");
      main.insertAdjacentHTML("beforeend",
        '<p style="width:2em">院校申报材料报送</p>' +
        '<p style="width:4em"><span class="x-docnum" style="white-space:normal">皖教秘职成〔2022〕11号</span></p>' +
        '<div style="overflow-x:auto"><table><tr><td style="white-space:nowrap">' + "宽".repeat(200) + '</td></tr></table></div>');
    }""")
    assert any("院校申报" in found for found in page.evaluate(SQUEEZED, MIN_WIDTH_IN_EMS))
    assert any(found.startswith("span.x-docnum: 皖教秘职成") for found in page.evaluate(BROKEN, TOKENS))
    assert any(found.startswith("皖教秘职成〔2022〕11号 (") for found in page.evaluate(BROKEN_IN_TEXT, TOKEN_SHAPES))
    assert page.evaluate(SIDEWAYS)
