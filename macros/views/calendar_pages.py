# The calendar pages (national with a province switch, one per province): collects what each shows from the
# calendar model and registers the specs in pages.SPEC_SOURCES. HTML is in overrides/fragments/calendar.html.
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from macros.data.models import Province
from macros.outputs import ics
from macros.views import calendar_model
from macros.views.calendar_model import occurrences, undated, year_span
from macros.views.pages import SPEC_SOURCES, PageSpec
from macros.views.pilot_status import PRESENT_LIMIT, as_of, stopped_windows

KIND = "calendar"
TEMPLATE = "calendar.html"
NATIONAL_WINDOWS_PER_PROVINCE = 6  # as on the home page; each province's own calendar shows all its windows

# The public address, from mkdocs' site_url (set by hooks.on_config); None outside a build: no webcal links then.
_site = {"url": None}


def set_site_url(url: str | None) -> None:
    _site["url"] = url or None


@dataclass(frozen=True)
class FeedLink:
    province: Province | None  # None: all provinces
    path: str  # site-relative .ics path (the download link)
    webcal: str | None  # subscribe link, when the site's address is known


def feed_link(province: Province | None, site_url: str | None) -> FeedLink:
    path = ics.feed_path(province.id if province else None)
    return FeedLink(province, path, ics.webcal_url(site_url, path))


def calendar_context(
    portal, provinces: list[Province], national: bool, site_url: str | None, today: dt.date | None = None
) -> dict:
    """Everything one calendar page shows, for the provinces given, as of `today` (default: the data's last check)."""
    span = year_span(portal)
    ids = {p.id for p in provinces}
    occs = occurrences(portal, span, ids) if span else []
    feeds = [feed_link(None, site_url)] + [feed_link(p, site_url) for p in provinces]
    if not national:
        feeds.reverse()  # the province's own feed first
    # Without JavaScript the page is true as of the data's last check: what is open or next then, which years are
    # past (folded away), which month "this month" leads to. calendar.js redoes all three from the reader's date.
    today = as_of(portal) if today is None else today
    by_year = calendar_model.years(occs, today)
    months = [m for y in by_year for m in (y.lists if y.past else y.grids)]  # the month anchors the page holds
    return {
        "national": national,
        "provinces": provinces,
        "year_span": span,
        "occurrences": occs,
        "as_of": today,
        "present": calendar_model.present(occs, today, PRESENT_LIMIT),
        "jump": calendar_model.month_to_show(months, today),
        "years": by_year,
        "undated": undated(portal, ids),
        # why later rounds are missing: the documents that stop the windows of the notices shown
        "stopped": stopped_windows(portal, [n for n in portal.notices if portal.province_of(n).id in ids]),
        "has_national": bool(portal.national_notices()),
        "feeds": feeds,
        "event_feed_path": ics.event_feed_path,
    }


def _latest_update(notices):
    return max((n.updated for n in notices), default=None)


def national_view(portal):
    """What the national calendar shows: each province's newest notices only, so the page does not grow with
    their number (each province's own calendar shows all of its windows)."""
    return portal.recent_view(NATIONAL_WINDOWS_PER_PROVINCE)


def calendar_specs(portal, today: dt.date | None = None) -> list[PageSpec]:
    """The national calendar and one calendar page per province, as of `today` (default: the data's last check)."""
    site_url = _site["url"]
    specs = [
        PageSpec(
            KIND,
            "",
            TEMPLATE,
            {"zh": "时间节点日历", "en": "Deadline calendar"},
            source="data/notices/",
            updated=_latest_update(portal.notices),
            context=calendar_context(national_view(portal), list(portal.provinces), True, site_url, today)
            | {"province": None},
        )
    ]
    for province in portal.provinces:
        title = {
            "zh": f"{province.name.zh}时间节点日历",
            "en": f"Deadline calendar: {province.name.en or province.name.zh}",
        }
        specs.append(
            PageSpec(
                KIND,
                province.id,
                TEMPLATE,
                title,
                source="data/notices/",
                updated=_latest_update(portal.notices_in(province.id)),
                context=calendar_context(portal, [province], False, site_url, today) | {"province": province},
            )
        )
    return specs


SPEC_SOURCES.append(calendar_specs)
