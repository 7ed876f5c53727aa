# The Atom feed of the newest notices, one per language: feed.xml and en/feed.xml, written once per build.
# Ids are tag: URIs (RFC 4151) from extra.identity, so moving the site to another address changes no id.
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from feedgen.feed import FeedGenerator

from macros.data.publication import Publication
from macros.views import language, limits
from macros.views.urls import FEED_FILE, in_language, site_path

FEED_PATHS = {lang: in_language(FEED_FILE, lang) for lang in language.LANGS}
CHINA_TIME = dt.timezone(dt.timedelta(hours=8))  # the documents' dates are dates in China


@dataclass(frozen=True)
class FeedEntry:
    """What one notice says in the feed, in one language (plain text: the feed library escapes it)."""

    notice_id: str
    title: str
    summary: str
    issuer: str
    province_id: str
    province: str
    updated: dt.datetime
    published: dt.datetime | None


def _moment(day: dt.date) -> dt.datetime:
    # A date from the data, at midnight in China: the same data always gives the same feed.
    return dt.datetime.combine(day, dt.time(0, 0), CHINA_TIME)


def feed_entries(portal, lang: str) -> list[FeedEntry]:
    """The newest notices (limits.FEED_ENTRIES), newest first: last checked against the source, then issued, then
    id."""
    newest = sorted(portal.notices, key=lambda n: (n.updated, n.issued or dt.date.min, n.id), reverse=True)
    notices = newest[: limits.FEED_ENTRIES]
    entries = []
    for notice in notices:
        province = portal.province_of(notice)
        issued = language.fmt_date(notice.issued, lang) if notice.issued else language.label("issued_unknown", lang)
        facts = " · ".join(
            [
                notice.doc_number,
                language.plain_marked(portal.issuer_of(notice).name, lang),
                f"{language.label('issued', lang)}{language.label('colon', lang)}{issued}",
            ]
        )
        entries.append(
            FeedEntry(
                notice_id=notice.id,
                title=language.plain_marked(notice.title, lang),
                summary=f"{facts}\n\n{language.plain_marked(notice.summary, lang)}",
                issuer=language.plain_marked(portal.issuer_of(notice).name, lang),
                province_id=province.id,
                province=language.plain_marked(province.name, lang),
                updated=_moment(notice.updated),
                published=_moment(notice.issued) if notice.issued else None,
            )
        )
    return entries


def _absolute(site_url: str | None, path: str) -> str:
    return (site_url.rstrip("/") + "/" + path) if site_url else "/" + path


def feed_id(tag_authority: str, lang: str) -> str:
    return f"tag:{tag_authority}:{lang}/notices"


def entry_id(tag_authority: str, lang: str, notice_id: str) -> str:
    """One id per notice and language (the two feeds' entries are different texts)."""
    return f"tag:{tag_authority}:{lang}/notices/{notice_id}"


def atom_feed(portal, lang: str, site: Publication) -> bytes:
    site_url, authority = site.url, site.identity.tag_authority
    entries = feed_entries(portal, lang)
    feed = FeedGenerator()
    feed.id(feed_id(authority, lang))
    feed.title(language.label("feed_title", lang))
    feed.subtitle(language.label("feed_subtitle", lang))
    feed.language(lang)
    feed.link(href=_absolute(site_url, FEED_PATHS[lang]), rel="self", type="application/atom+xml")
    feed.link(href=_absolute(site_url, site_path("notices", "", lang)), rel="alternate", type="text/html")
    # With no notices the feed is as old as the oldest possible data, never the build time.
    feed.updated(max((e.updated for e in entries), default=_moment(dt.date(2019, 1, 1))))
    for entry in entries:
        page = _absolute(site_url, site_path("notices", entry.notice_id, lang))
        item = feed.add_entry(order="append")
        item.id(entry_id(authority, lang, entry.notice_id))
        item.title(entry.title)
        item.link(href=page, rel="alternate", type="text/html")
        item.updated(entry.updated)
        if entry.published:
            item.published(entry.published)
        item.author(name=entry.issuer)
        item.category(term=entry.province_id, label=entry.province)
        item.summary(entry.summary, type="text")
    return feed.atom_str(pretty=True)


def produce_feeds(portal, site: Publication) -> dict[str, bytes]:
    return {path: atom_feed(portal, lang, site) for lang, path in FEED_PATHS.items()}
