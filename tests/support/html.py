# Reading built pages in tests: one page of a built site as parsed HTML, text compared without its whitespace, and a
# data text in the language a page shows.
from __future__ import annotations

import re
from pathlib import Path

from bs4 import BeautifulSoup


def page(site: Path, url: str) -> BeautifulSoup:
    """The built page at `url` (a folder below the site, e.g. "en/forms/x") parsed."""
    return BeautifulSoup((site / url / "index.html").read_text(encoding="utf-8"), "html.parser")


def nows(s: str) -> str:
    """Text without whitespace: a column heading may break before its bracket, a numbered item hangs after a tab."""
    return re.sub(r"\s+", "", s)


def text_in(text, lang: str) -> str:
    """A data text (`Text`) as a page shows it in `lang`: that language, Chinese where the translation is missing.
    Written here, not imported from macros/, so that the tests' expectation does not come from the code under test."""
    return getattr(text, lang, None) or text.zh
