# The words a page is found by first: its title (the page's first heading) cut into words, and each document number
# whole and in its parts, given to Pagefind as the page's `keys` metadata (overrides/fragments/search_keys.html), which
# search-pagefind.js weights above the text. Pagefind's own Chinese segmentation cuts names and document-number
# prefixes it does not know into single characters (湘教通 → 湘 教 通) and keeps a Chinese title as one unsearched
# word; jieba, told the data's own words, cuts the title as a reader types it.
from __future__ import annotations

import html
import re

_HEADING = re.compile(r"<h1\b[^>]*>(.*?)</h1>", re.S)
_TAG = re.compile(r"<[^>]+>")
_NAME_SEPARATORS = re.compile(r"[、，,\s]+")
# 湘教通〔2022〕80号, 人社厅函〔2025〕154号: the prefix, the year and the number as a reader may type any of them
_DOC_NUMBER = re.compile(r"([^\s〔〕（）()，,。：:]+)〔(\d{4})〕(\d+号)")
_WORD = re.compile(r"[\w\u4e00-\u9fff]", re.U)
_HAN = re.compile(r"[\u4e00-\u9fff]")


def data_words(portal) -> list[str]:
    """Words jieba must keep whole: contact names and document-number prefixes (湘教通 in 湘教通〔2022〕80号)."""
    words = set()
    for notice in portal.notices:
        words.add(notice.doc_number.split("〔")[0])
        for contact in notice.contacts:
            words.update(name for name in _NAME_SEPARATORS.split(contact.name.zh) if 2 <= len(name) <= 4)
    return sorted(word for word in words if word)


def heading_text(page_html: str) -> str | None:
    """The text of the page's first <h1>, if it has one."""
    found = _HEADING.search(page_html)
    return " ".join(html.unescape(_TAG.sub(" ", found[1])).split()) if found else None


def keys(title: str, segment) -> str:
    """`title` as space-separated search words, without punctuation, each once: `segment(text)` gives its words
    (jieba's cut_for_search: a compound and its parts); each document number also whole."""
    words: list[str] = []
    for prefix, year, number in _DOC_NUMBER.findall(title):
        words += [f"{prefix}〔{year}〕{number}", prefix, year, number]
    cut = [w.strip() for w in segment(title)]
    # The browser cuts a Chinese query again (Intl.Segmenter) and often into single characters (试点 → 试 点, 教务处 →
    # 教 务 处); Pagefind matches a query word at the start of a word and wants every query word matched, so each
    # character of a title's Chinese word is a key too.
    words += cut + [char for word in cut if len(word) > 1 for char in word if _HAN.match(char)]
    seen: dict[str, None] = {}
    for word in words:
        if word and _WORD.search(word):
            seen.setdefault(word.lower(), None)
    return " ".join(seen)
