# A generated page's HTML carried through Markdown untouched. Its body is our fragments' HTML between Markdown
# headings (which give the page its table of contents and permalinks); Python-Markdown would parse every tag of that
# HTML only to pass it through as it is (a third of the CPU of a serve rebuild after an edit). Each run of HTML
# between two headings goes in as one HTML comment holding it base64-encoded, which Markdown passes on without
# parsing inside, and comes out as the very HTML again in the page's content (macros/site/hooks.py on_page_content).
from __future__ import annotations

import base64
import re

_HEADING = re.compile(r"^#{1,6} ")
_SEALED = re.compile(r"<!--x-raw:([A-Za-z0-9+/=]*)-->")
# an element id in our fragments' HTML (their attributes are always double-quoted; text never holds a raw quote)
_ID = re.compile(r"""<[a-zA-Z][^<>]*?\sid="([^"]+)\"""")


def sealed(body: str) -> str:
    """The Markdown body with each run of lines between headings sealed in one comment (a run of blank lines only
    stays as it is)."""
    parts: list[str] = []
    run: list[str] = []

    def close_run() -> None:
        text = "\n".join(run).strip("\n")  # Markdown sets the blank lines between blocks
        if text.strip():
            parts.append(f"\n<!--x-raw:{base64.b64encode(text.encode()).decode('ascii')}-->\n")
        run.clear()

    for line in body.split("\n"):
        if _HEADING.match(line):
            close_run()
            parts.append(line)
        else:
            run.append(line)
    close_run()
    return "\n".join(parts) + "\n"


def opened(html: str) -> str:
    """The HTML (or Markdown) with every sealed run back as it was."""
    if "<!--x-raw:" not in html:
        return html
    return _SEALED.sub(lambda m: base64.b64decode(m.group(1)).decode(), html)


def anchor_ids(html: str) -> set[str]:
    """The element ids of opened HTML: the anchors another page may link to (mkdocs found them in raw HTML itself
    before; it no longer sees inside a sealed run)."""
    return set(_ID.findall(html))
