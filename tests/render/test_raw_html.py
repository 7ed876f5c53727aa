# The sealing of a generated page's HTML against Markdown's parser (macros/render/raw_html.py): Markdown with the
# site's extensions makes of a sealed body, once opened, the HTML it makes of the body itself.
from __future__ import annotations

import re

import markdown
import pytest
from pymdownx.slugs import slugify

from macros.render import raw_html

BODY = """<div class="x-notice" id="x-notice-top">
<h1 id="notice-title">标题 <small>京教〔2026〕1号</small></h1>
<dl class="x-facts">
<dt>文号</dt><dd>京教〔2026〕1号</dd>
<dt>Status</dt><dd>a &amp; b <a href="#status-today">today</a> -- <!-- not a seal --> x--y</dd>
</dl>
</div>

## 截止日期 {: #deadlines }

<table id="x-deadlines"><tr><td>2026年1月1日</td></tr>

<tr><td>    indented after a blank line</td></tr></table>
<p class="x-more"><a href="../provinces/beijing/">more</a></p>
## Contacts

<ul class="x-contacts"><li id="contact-1">*not emphasis* and [not a link](x.md)</li></ul>
"""


def _converted(text: str) -> str:
    md = markdown.Markdown(
        extensions=["attr_list", "md_in_html", "tables", "toc"],
        extension_configs={"toc": {"permalink": True, "slugify": slugify(case="lower")}},
    )
    return md.convert(text)


def _no_blank_lines(html: str) -> str:
    return "\n".join(line for line in html.splitlines() if line.strip())


def test_markdown_makes_the_same_page_of_the_sealed_body():
    sealed = raw_html.sealed(BODY)
    assert "<dl" not in sealed and "## 截止日期 {: #deadlines }" in sealed  # headings stay Markdown
    assert _no_blank_lines(raw_html.opened(_converted(sealed))) == _no_blank_lines(_converted(BODY))


def test_each_run_opens_as_it_was():
    runs = [run.strip("\n") for run in re.split(r"(?m)^## .*$", BODY) if run.strip()]
    opened = raw_html.opened(raw_html.sealed(BODY))
    assert all(run in opened for run in runs)
    assert raw_html.opened("<p>nothing sealed</p>") == "<p>nothing sealed</p>"


@pytest.mark.parametrize("text", ["<!--x-raw:not base64!-->", "<!--x-raw:5Lit-- unclosed", "<!--x-raw:/w==-->"])
def test_a_marker_that_is_not_a_seal_is_left_as_it_is(text):
    assert raw_html.opened(f"<p>a</p>{text}<p>b</p>") == f"<p>a</p>{text}<p>b</p>"


@pytest.mark.parametrize("body", ["", "\n\n", "## Only a heading\n"])
def test_nothing_to_seal(body):
    assert "x-raw" not in raw_html.sealed(body)


def test_anchor_ids_of_opened_html():
    ids = raw_html.anchor_ids(raw_html.opened(raw_html.sealed(BODY)))
    assert {"x-notice-top", "notice-title", "x-deadlines", "contact-1"} <= ids
    assert "status-today" not in ids  # a link to an anchor is not one
    assert raw_html.anchor_ids('<p data-id="no">x</p><a\nid="yes">') == {"yes"}
