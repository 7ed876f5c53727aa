# Escaping for data that ends up inside Markdown: HTML-escape, then turn every character Markdown or its
# extensions act on into a character reference, so a value shows exactly as typed and never becomes markup.
from __future__ import annotations

from markupsafe import Markup

# Python-Markdown turns [text](url) into links (javascript: included) even inside inline HTML, {: …} into
# attributes (attr_list, onclick included), and ``` / newlines into code blocks and headings; HTML escaping
# alone stops none of these. A character reference shows the same character and means nothing to Markdown.
MARKDOWN_ACTIVE = {
    "\\": "&#92;", "`": "&#96;", "*": "&#42;", "_": "&#95;", "[": "&#91;", "]": "&#93;", "{": "&#123;",
    "}": "&#125;", "!": "&#33;", "#": "&#35;", "|": "&#124;", "~": "&#126;", "\n": "&#10;", "\r": "&#13;",
}
# HTML escaping in the same single pass: escaping first and translating after would turn the "#" of "&#39;"
# into "&#35;" and show a literal "&#39;" for every apostrophe.
_TABLE = str.maketrans({**MARKDOWN_ACTIVE, "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&#34;", "'": "&#39;"})


def markdown_safe(value) -> Markup:
    """`value` as HTML text that neither the browser nor Markdown will interpret. Markup passes unchanged."""
    if isinstance(value, Markup):
        return value
    return Markup(str(value).translate(_TABLE))


def finalize(value):
    """Jinja `finalize` for fragments: every `{{ … }}` that is not already Markup is made Markdown-safe."""
    if value is None or isinstance(value, (Markup, bool, int, float)):
        return value
    return markdown_safe(value)
