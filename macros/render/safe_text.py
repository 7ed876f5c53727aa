# Escaping for data that ends up inside Markdown: HTML-escape, then turn every character Markdown or its
# extensions act on into a character reference, so a value shows exactly as typed and never becomes markup; and the
# same escaping with the tokens a reader copies (document numbers, phones, e-mails, dates) kept on one line.
from __future__ import annotations

import functools
import re

from markupsafe import Markup

# Python-Markdown turns [text](url) into links (javascript: included) even inside inline HTML, {: …} into
# attributes (attr_list, onclick included), and ``` / newlines into code blocks and headings; HTML escaping
# alone stops none of these. A character reference shows the same character and means nothing to Markdown.
MARKDOWN_ACTIVE = {
    "\\": "&#92;",
    "`": "&#96;",
    "*": "&#42;",
    "_": "&#95;",
    "[": "&#91;",
    "]": "&#93;",
    "{": "&#123;",
    "}": "&#125;",
    "!": "&#33;",
    "#": "&#35;",
    "|": "&#124;",
    "~": "&#126;",
    "\n": "&#10;",
    "\r": "&#13;",
}
# HTML escaping in the same single pass: escaping first and translating after would turn the "#" of "&#39;"
# into "&#35;" and show a literal "&#39;" for every apostrophe.
_TABLE = str.maketrans({**MARKDOWN_ACTIVE, "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&#34;", "'": "&#39;"})
# whether a text holds any of them: one in twenty does, and a search is a third of what translating costs
_ANY_ACTIVE = re.compile("[" + re.escape("".join(map(chr, _TABLE))) + "]")
# a Markup of text known to be safe, without Markup's own constructor (a Python call that looks for __html__ first)
as_markup = functools.partial(str.__new__, Markup)


def escaped(text: str) -> str:
    """`text` as HTML text that neither the browser nor Markdown will interpret."""
    return text.translate(_TABLE) if _ANY_ACTIVE.search(text) else text


def markdown_safe(value) -> Markup:
    """`value` as HTML text that neither the browser nor Markdown will interpret. Markup passes unchanged."""
    if isinstance(value, Markup):
        return value
    return as_markup(escaped(str(value)))


def finalize(value) -> str:
    """Jinja `finalize` for fragments, and all that a `{{ … }}` does to its value (output_code.py: no escape after
    it): text safe for HTML and Markdown. Markup passes unchanged, a string is escaped for both, a number or None
    is written as Jinja writes it (nothing in it to escape)."""
    if type(value) is str:  # most of them (ids, document numbers, addresses): markdown_safe without its checks
        return escaped(value)
    if isinstance(value, Markup):
        return value
    if value is None or isinstance(value, (bool, int, float)):
        return str(value)
    return markdown_safe(value)


# What a reader copies, dials or reads as one thing stays on one line even inside running text (portal.css .x-nobr):
# document numbers, e-mail addresses, phone numbers, dates, QQ and other long numbers. A URL may still break. Each
# kind with what a text must hold for it to occur at all (_A_DIGIT: any digit), in the order they are tried.
_A_DIGIT = None
_TOKEN_KINDS = (
    (("http",), r"https?://[A-Za-z0-9._~:/?#@!$&'*+,;=%-]+"),  # first: nothing inside a URL is wrapped (left as it is)
    (("〔", _A_DIGIT), r"[\u4e00-\u9fff]{1,8}〔\d{4}〕\d+号"),
    (("@",), r"[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+"),
    ((_A_DIGIT,), r"\d{3,4}[-－]\d{7,8}(?:[-－]\d{1,6})?"),
    (("月", _A_DIGIT), r"(?:\d{4}年)?\d{1,2}月\d{1,2}日"),
    ((_A_DIGIT,), r"\d{1,2} (?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*(?: \d{4})?"),
    ((_A_DIGIT,), r"\d{5,}"),
)
_UNBROKEN = re.compile("|".join(pattern for _, pattern in _TOKEN_KINDS))
_DIGIT = re.compile(r"\d")
_ANY_KIND = re.compile(r"\d|@|http")  # what every kind holds


# what a kind may need besides a digit
_MARKS = ("http", "〔", "@", "月")


@functools.cache  # one pattern per set of marks a text holds: at most 32, each compiled once per process
def _scanner(present: tuple[bool, ...]) -> re.Pattern | None:
    holds = dict(zip((_A_DIGIT, *_MARKS), present))
    kinds = [pattern for needs, pattern in _TOKEN_KINDS if all(holds[need] for need in needs)]
    return re.compile("|".join(kinds)) if kinds else None


def _tokens(value: str) -> re.Pattern | None:
    """_UNBROKEN without the kinds `value` cannot hold; None when it can hold none. A kind that matches nowhere in a
    text changes none of the others' matches (their order is kept), so every match is the one _UNBROKEN finds; the
    scan tries fewer kinds at each character, and most texts (labels, titles, notes) are only escaped."""
    if not _ANY_KIND.search(value):
        return None
    return _scanner((_DIGIT.search(value) is not None, *[mark in value for mark in _MARKS]))


_NOBR = '<span class="x-nobr">{}</span>'


def unbroken(value: str) -> Markup:
    """`value` made Markdown-safe, each token of _UNBROKEN in a span that keeps it on one line."""
    if isinstance(value, Markup):  # already HTML: its parts pass unescaped (markdown_safe leaves Markup alone)
        return _unbroken_markup(value)
    # Plain text, the case of nearly every call (each label and value of every notice page): one string built and
    # wrapped once, the same text as _unbroken_markup gives for it, without a Markup object per part.
    scanner = _tokens(value)
    if scanner is None:
        return as_markup(escaped(value))
    parts, last = [], 0
    for match in scanner.finditer(value):
        token = match.group()
        parts.append(escaped(value[last : match.start()]))
        parts.append(escaped(token) if token.startswith("http") else _NOBR.format(escaped(token)))
        last = match.end()
    parts.append(escaped(value[last:]))
    return as_markup("".join(parts))


def _unbroken_markup(value: Markup) -> Markup:
    parts, last = [], 0
    for match in _UNBROKEN.finditer(value):
        token = match.group()
        parts.append(markdown_safe(value[last : match.start()]))
        parts.append(markdown_safe(token) if token.startswith("http") else Markup(_NOBR).format(markdown_safe(token)))
        last = match.end()
    if not parts:
        return markdown_safe(value)
    parts.append(markdown_safe(value[last:]))
    return Markup("").join(parts)
