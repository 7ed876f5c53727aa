# A generated page's HTML carried through Markdown untouched. Its body is our fragments' HTML between Markdown
# headings (which give the page its table of contents and permalinks); Python-Markdown would parse every tag of that
# HTML only to pass it through as it is (a fifth of a serve rebuild's CPU at 1000 notices, a third of a full build's).
# Each run of HTML between two headings goes in as one HTML comment holding it base64-encoded, which Markdown passes
# on without parsing inside, and comes out as the very HTML again in the page's content (macros/site/sealed_html.py).
# Data never starts a line with "#" inside a run: safe_text turns "#" and newlines into character references.
from __future__ import annotations

import base64
import re

_HEADING = re.compile(r"^#{1,6} ")
_OPEN, _CLOSE = "<!--x-raw:", "-->"
# an element id in our fragments' HTML (their attributes are always double-quoted; their text never holds a raw quote)
_ID = re.compile(r'\sid="([^"]+)"')


def sealed(body: str) -> str:
    """The Markdown body with each run of lines between headings sealed in one comment (a run of blank lines only
    stays as it is)."""
    parts: list[str] = []
    run: list[str] = []

    def close_run() -> None:
        text = "\n".join(run).strip("\n")  # Markdown sets the blank lines between blocks
        if text.strip():
            parts.append(f"\n{_OPEN}{base64.b64encode(text.encode()).decode('ascii')}{_CLOSE}\n")
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
    start = html.find(_OPEN)
    if start == -1:
        return html
    parts, done = [], 0
    while start != -1:  # found by plain search: a pattern over every base64 character took longer than decoding
        end = html.find(_CLOSE, start)
        if end == -1:
            break
        try:
            run = base64.b64decode(html[start + len(_OPEN) : end], validate=True).decode()
        except ValueError:  # not one of ours (a page that shows the marker itself): left as it is
            run = html[start : end + len(_CLOSE)]
        parts += [html[done:start], run]
        done = end + len(_CLOSE)
        start = html.find(_OPEN, done)
    parts.append(html[done:])
    return "".join(parts)


def anchor_ids(html: str) -> set[str]:
    """The element ids of opened HTML: the anchors another page may link to (mkdocs found them in raw HTML itself
    before; it no longer sees inside a sealed run)."""
    return set(_ID.findall(html))
