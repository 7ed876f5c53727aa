# Reading built pages in tests: one page of a built site as parsed HTML, and text compared without its whitespace.
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
