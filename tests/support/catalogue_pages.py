# Reading the built certificate catalogue: the finder on its own page (every certificate by name) and the pages of the
# list it links to (one row per certificate), found by following the finder's links as a reader would.
from __future__ import annotations

import posixpath
from pathlib import Path

from bs4 import Tag

from tests.support.html import page


def catalogue_url(lang: str) -> str:
    return "certificates" if lang == "zh" else "en/certificates"


def finder_entries(site: Path, lang: str) -> list[Tag]:
    """The catalogue page's entries, one per certificate, in the page's order."""
    return page(site, catalogue_url(lang)).select("#catalogue-list .x-cat-group li")


def _target(base: str, href: str) -> tuple[str, str]:
    """(site folder, anchor) of a link on the page at folder `base`."""
    path, _, anchor = href.partition("#")
    return posixpath.normpath(posixpath.join(base, path)) if path else base, anchor


def list_pages(site: Path, lang: str) -> list[str]:
    """The folders of the list's pages, in the order the catalogue page names them."""
    base = catalogue_url(lang)
    groups = page(site, base).select("#catalogue-list .x-cat-group h3 a")
    return [_target(base, a["href"])[0] for a in groups]


def list_rows(site: Path, lang: str) -> list[tuple[str, Tag]]:
    """(folder, row) of every certificate row of every page of the list, in order."""
    return [
        (url, row)
        for url in list_pages(site, lang)
        for row in page(site, url).select("table.x-catalogue tbody tr.x-cert")
    ]


def rows_by_id(site: Path, lang: str) -> dict[str, Tag]:
    return {row.select_one("h3.x-cert-name")["id"].removeprefix("cert-"): row for _, row in list_rows(site, lang)}


def entry_target(site: Path, lang: str, entry: Tag) -> tuple[str, str]:
    """(folder, anchor) the entry's name links to."""
    return _target(catalogue_url(lang), entry.select_one("a")["href"])
