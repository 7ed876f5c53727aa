# The calendar pages (national with a province switch, one per province): collects what each shows from the
# calendar model, and their page specs (listed in macros/site/features.py). HTML is in overrides/fragments/calendar.html.
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from macros.data.models import Province
from macros.views import calendar_model, language
from macros.views.calendar_model import occurrences, undated, year_span
from macros.views.limits import NATIONAL_CALENDAR_WINDOWS_PER_PROVINCE, PRESENT
from macros.views.pages import PageSpec
from macros.views.pilot_status import as_of, stopped_windows
from macros.views.urls import ics_feed_path, webcal_url

KIND = "calendar"
TEMPLATE = "calendar.html"


@dataclass(frozen=True)
class FeedLink:
    province: Province | None  # None: all provinces
    path: str  # site-relative .ics path (the download link)
    webcal: str | None  # subscribe link, when the site's address is known


def feed_link(province: Province | None, site_url: str | None) -> FeedLink:
    path = ics_feed_path(province.id if province else None)
    return FeedLink(province, path, webcal_url(site_url, path))


def calendar_context(
    portal, provinces: list[Province], national: bool, site_url: str | None, today: dt.date | None = None
) -> dict:
    """Everything one calendar page shows, for the provinces given, as of `today` (default: the data's last check)."""
    return _context(portal, provinces, national, site_url, as_of(portal) if today is None else today, year_span(portal))


def _context(
    portal,
    provinces: list[Province],
    national: bool,
    site_url: str | None,
    today: dt.date | None,
    span: tuple[int, int] | None,
) -> dict:
    """calendar_context with the portal's year span and day of reading given (the same for every province's page:
    made once, not once per page from every notice)."""
    ids = {p.id for p in provinces}
    occs = occurrences(portal, span, ids) if span else []
    feeds = [feed_link(None, site_url)] + [feed_link(p, site_url) for p in provinces]
    if not national:
        feeds.reverse()  # the province's own feed first
    # Without JavaScript the page is true as of the data's last check: what is open or next then, which years are
    # past (folded away), which month "this month" leads to. calendar.js redoes all three from the reader's date.
    by_year = calendar_model.years(occs, today)
    months = [m for y in by_year for m in (y.lists if y.past else y.grids)]  # the month anchors the page holds
    return {
        "national": national,
        "provinces": provinces,
        "year_span": span,
        "occurrences": occs,
        "as_of": today,
        "present": calendar_model.present(occs, today, PRESENT),
        "jump": calendar_model.month_to_show(months, today),
        "years": by_year,
        "undated": undated(portal, ids),
        # why later rounds are missing: the documents that stop the windows of the notices shown
        "stopped": stopped_windows(portal, calendar_model.shown_notices(portal, ids, national=False)),
        "has_national": bool(portal.national_notices()),
        "feeds": feeds,
    }


def _latest_update(notices):
    return max((n.updated for n in notices), default=None)


def national_view(portal):
    """What the national calendar shows: each province's newest notices only, so the page does not grow with
    their number (each province's own calendar shows all of its windows)."""
    return portal.recent_view(NATIONAL_CALENDAR_WINDOWS_PER_PROVINCE)


def calendar_specs(portal, site_url: str | None, today: dt.date | None = None) -> list[PageSpec]:
    """The national calendar and one calendar page per province, as of `today` (default: the data's last check);
    `site_url` (the build's public address, None for relative links only) gives their webcal subscribe links."""
    specs = [
        PageSpec(
            KIND,
            "",
            TEMPLATE,
            language.labels_of("title_calendar"),
            source="data/notices/",
            updated=_latest_update(portal.notices),
            context=calendar_context(national_view(portal), list(portal.provinces), True, site_url, today)
            | {"province": None},
        )
    ]
    whole_today, whole_span = as_of(portal) if today is None else today, year_span(portal)
    for province in portal.provinces:
        title = {
            lang: language.label("title_province_calendar", lang) % language.plain(province.name, lang)
            for lang in language.LANGS
        }
        specs.append(
            PageSpec(
                KIND,
                province.id,
                TEMPLATE,
                title,
                source="data/notices/",
                updated=_latest_update(portal.notices_in(province.id)),
                context=_context(portal, [province], False, site_url, whole_today, whole_span) | {"province": province},
            )
        )
    return specs
