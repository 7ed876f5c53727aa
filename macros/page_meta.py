# What the theme adds around a page: the Atom feed and hreflang links in <head>, and for pages made from data the
# source file, its "edit the source" link and the date the data was last checked (from the data, never the build
# time).
from __future__ import annotations

import datetime as dt

from markupsafe import Markup

from . import text
from .feed import FEED_PATHS
from .publication import absolute
from .render import relative, render_fragment


def page_language(page, config) -> str:
    return getattr(page.file, "locale", None) or config.theme.language or text.DEFAULT_LANG


def head_html(portal, lang: str, page_url: str, counterparts: dict[str, str], site_url: str | None) -> Markup:
    """The feed link, and the page's language versions (`counterparts`: {lang: site-relative URL}) as absolute
    hreflang links with x-default for the default language's version (search engines require absolute URLs)."""
    return Markup(render_fragment("page_head.html", portal, lang, page_url,
                                  feed_href=relative(FEED_PATHS[lang], page_url),
                                  alternates=hreflang_links(counterparts, site_url)))


def hreflang_links(counterparts: dict[str, str], site_url: str | None) -> list[tuple[str, str]]:
    if not site_url:  # no public address: nothing a search engine could use
        return []
    links = [(lang, absolute(site_url, counterparts[lang])) for lang in text.LANGS if lang in counterparts]
    if text.DEFAULT_LANG in counterparts:
        links.append(("x-default", absolute(site_url, counterparts[text.DEFAULT_LANG])))
    return links


def meta_html(portal, lang: str, page_url: str, meta: dict, edit_url: str | None, repo_url: str | None = None) -> Markup:
    """The source/updated box of a page made from data; empty for hand-written pages. A page made from a whole
    folder (a national list, a calendar) links to that folder in the repository instead of one file's editor."""
    source = meta.get("x_source")
    updated = dt.date.fromisoformat(meta["x_updated"]) if meta.get("x_updated") else None
    if not source and not updated:
        return Markup("")
    return Markup(render_fragment("page_meta.html", portal, lang, page_url,
                                  source=source, updated=updated, edit_url=edit_url if source else None,
                                  browse_url=_folder_url(repo_url, source)))


def _folder_url(repo_url: str | None, source: str | None) -> str | None:
    if not (repo_url and source and source.endswith("/")):
        return None
    return f"{repo_url.rstrip('/')}/tree/main/{source}"
