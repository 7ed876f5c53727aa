# What the theme adds around a page: the Atom feed and hreflang links in <head>, and at its foot the link to how an
# error is reported, the source file with its "edit the source" link for maintainers, and for pages made from data
# the date the data was last checked (from the data, never the build time).
from __future__ import annotations

import datetime as dt
import functools

from markupsafe import Markup

from macros.data.publication import absolute
from macros.render.render import render_fragment
from macros.views import language
from macros.views.limits import PRESENT
from macros.views.urls import FEED_FILE, in_language, relative, site_path


def head_html(portal, lang: str, page_url: str, counterparts: dict[str, str], site_url: str | None) -> Markup:
    """The feed link, and the page's language versions (`counterparts`: {lang: site-relative URL}) as absolute
    hreflang links with x-default for the default language's version (search engines require absolute URLs)."""
    return Markup(
        render_fragment(
            "page_head.html",
            portal,
            lang,
            page_url,
            feed_href=relative(in_language(FEED_FILE, lang), page_url),
            alternates=hreflang_links(counterparts, site_url),
            script_words=script_words(lang),
        )
    )


@functools.cache  # the same for every page of a language: made once, not for each of thousands of pages
def script_words(lang: str) -> dict:
    """What docs/assets/*.js write into a page, in the page's language (read from the page's head): the status
    badges, the date and range formats, the space between sentences, how many windows the "now / next" box lists and
    the search's more-results button. The scripts hold no words of any language."""
    label = lambda key: language.label(key, lang)  # noqa: E731
    return {
        "now": label("badge_now"),
        "next": label("badge_next"),
        "past": label("badge_past"),
        "nextOn": label("badge_next_on"),
        "presentNow": label("present_now"),
        "presentNext": label("present_next"),
        "date": label("date"),
        "months": label("month_abbr").split(),
        "range": label("range"),
        "wordSpace": label("word_space"),
        "presentLimit": PRESENT,
        "searchMore": label("search_more"),
    }


def hreflang_links(counterparts: dict[str, str], site_url: str | None) -> list[tuple[str, str]]:
    if not site_url:  # no public address: nothing a search engine could use
        return []
    links = [(lang, counterparts[lang]) for lang in language.LANGS if lang in counterparts]
    if language.DEFAULT_LANG in counterparts:
        links.append(("x-default", counterparts[language.DEFAULT_LANG]))
    return [(lang, absolute(site_url, path) or path) for lang, path in links]  # absolute() is None only without a URL


ABOUT = "about"  # the about page (docs/about.md): how to report an error is its section #report


def meta_html(
    portal,
    lang: str,
    page_url: str,
    meta: dict,
    edit_url: str | None,
    repo_url: str | None = None,
    page_source: str | None = None,
) -> Markup:
    """The foot of every page: one link to how an error is reported, then for maintainers, small, the source file
    with its edit link (a page made from a whole folder, such as a national list or a calendar, links that folder in
    the repository instead) and, for a page made from data, the date its data was last checked. `page_source`: the
    Markdown file of a hand-written page."""
    source = meta.get("x_source") or page_source
    updated = dt.date.fromisoformat(meta["x_updated"]) if meta.get("x_updated") else None
    report = relative(site_path(ABOUT, "", lang), page_url) + "#report"
    return Markup(
        render_fragment(
            "page_meta.html",
            portal,
            lang,
            page_url,
            report=report,
            source=source,
            written=source == page_source,
            updated=updated,
            edit_url=edit_url if source else None,
            browse_url=_folder_url(repo_url, source),
        )
    )


def _folder_url(repo_url: str | None, source: str | None) -> str | None:
    if not (repo_url and source and source.endswith("/")):
        return None
    return f"{repo_url.rstrip('/')}/tree/main/{source}"
