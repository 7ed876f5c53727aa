# Where the pilot stands, as views for the home page and the guides: what is open or next (as of the data's last
# check; the browser redoes it with the reader's date) and which national documents end the pilot's arrangements.
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from macros.data.relations import Ending
from macros.views.calendar_model import Occurrence, expand, year_span
from macros.views.limits import HOME_WINDOWS_PER_PROVINCE, PRESENT


@dataclass(frozen=True)
class StatusLine:
    """One national document that ends or supersedes earlier ones: the pilot's state since it took effect."""

    by: object  # the later Notice
    from_: dt.date  # the first day it ends something (not the list of what: a line shows only the date)


def home_rows(portal) -> list[tuple]:
    """(notice, deadline) of what the home page lists: national documents first, then each province's newest."""
    rows = [(n, d) for n in portal.national_notices() for d in n.deadlines if d.end]
    for province in portal.provinces:
        rows += portal.latest_windows_in(province.id, HOME_WINDOWS_PER_PROVINCE)
    return rows


def as_of(portal) -> dt.date | None:
    """The day the data was last checked: what the page says without JavaScript is true as of then."""
    return portal.newest_notice_update()


def present(portal) -> list[Occurrence]:
    """Occurrences of the home page's windows that were open or still to come on the day of the last data check,
    soonest first, at most limits.PRESENT (rounds a later document ended are never among them)."""
    day, span = as_of(portal), year_span(portal)
    if day is None or span is None:
        return []
    found = []
    for notice, deadline in home_rows(portal):
        if portal.cancelled(notice, deadline):
            continue
        occs = expand(portal.province_of(notice), notice, deadline, span, portal.last_round_year(notice, deadline))
        found += [o for o in occs if o.end >= day]
    return sorted(found, key=lambda o: (o.start, o.end, o.notice.id, o.deadline.id))[:PRESENT]


def status_lines(portal, limit: int = 3) -> list[StatusLine]:
    """The national documents that end or supersede others, newest first: the present state of the pilot."""
    lines = []
    for notice in portal.national_notices():
        start = portal.ends_from(notice)
        if start is not None:
            lines.append(StatusLine(notice, start))
    return lines[:limit]


def stopped_windows(portal, notices) -> list[tuple[Ending, int]]:
    """(ending, number of the given notices whose windows it stops), one per ending document and date, for the
    calendar's "why there are no later rounds"."""
    groups: dict[tuple[str, dt.date], list] = {}
    for notice in notices:
        ending = portal.window_ending(notice)
        if ending and any(d.end for d in notice.deadlines):
            groups.setdefault((ending.by.id, ending.from_), []).append(ending)
    return [(found[0], len(found)) for _, found in sorted(groups.items(), key=lambda kv: kv[0][1])]
