# mkdocs hook (registered in mkdocs.yml before hooks.py): a generated page's HTML, sealed against Markdown's parser
# (macros/render/raw_html.py), opened again in the page's content before any other handler reads it. Not the data
# layer: the benchmark's pre-rendered baseline keeps this hook, its pages being sealed the same way.
from __future__ import annotations

import os
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
if ROOT not in sys.path:  # mkdocs loads hooks by file path; make the `macros` package importable
    sys.path.insert(0, ROOT)

from mkdocs.plugins import event_priority  # noqa: E402

from macros.render import raw_html  # noqa: E402


@event_priority(100)  # first: every later handler (the descriptions, search.py's keys) reads the page's real HTML
def on_page_content(html, page, config, files):
    opened = raw_html.opened(html)
    if opened is not html:
        # mkdocs found a page's anchors in its raw HTML; inside a seal it saw none (links to them are checked)
        page.present_anchor_ids = (page.present_anchor_ids or set()) | raw_html.anchor_ids(opened)
    return opened
