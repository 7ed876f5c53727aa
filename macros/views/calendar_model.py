# The deadline calendar as data (no HTML): which years it shows, each dated window's occurrences in those
# years (recurring windows expanded), month grids, and the obligations that have no exact date.
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from macros.data.models import Deadline, Notice, Province

ONE_DAY = dt.timedelta(days=1)


@dataclass(frozen=True)
class Occurrence:
    """One dated window as it falls in one year: a non-recurring deadline has exactly one."""

    province: Province
    notice: Notice
    deadline: Deadline
    start: dt.date  # inclusive
    end: dt.date  # inclusive
    recurring: bool

    @property
    def anchor(self) -> str:
        """The deadline's anchor on its notice page (the same for every year of a recurring window)."""
        return f"{self.notice.id}--{self.deadline.id}"

    @property
    def key(self) -> str:
        """Unique on a calendar page: a recurring window gets one entry per year."""
        return f"{self.anchor}--{self.start.year}" if self.recurring else self.anchor

    @property
    def single_day(self) -> bool:
        return self.start == self.end

    @property
    def due_only(self) -> bool:
        """Only a due date is known ("before 28 May"): shown as that day, labelled as a due date."""
        return self.deadline.start is None


@dataclass(frozen=True)
class Undated:
    """An obligation the notice states without a date ("each autumn semester"): listed, never placed on a day."""

    province: Province
    notice: Notice
    deadline: Deadline


@dataclass
class Day:
    date: dt.date
    items: list[Occurrence] = field(default_factory=list)


@dataclass
class MonthGrid:
    year: int
    month: int
    weeks: list[list[Day | None]]  # Monday first; None pads days outside the month

    @property
    def key(self) -> str:
        """The month's anchor on a calendar page (m-2025-04): the "jump to this month" link's target."""
        return f"m-{self.year}-{self.month:02d}"

    @property
    def occurrences(self) -> list[Occurrence]:
        """The windows touching this month, once each, in the order they first appear (the month's legend)."""
        seen: dict[str, Occurrence] = {}
        for week in self.weeks:
            for day in week:
                for occ in day.items if day else []:
                    seen.setdefault(occ.key, occ)
        return list(seen.values())

    @property
    def province_ids(self) -> list[str]:
        """Provinces with a window in this month, in first-seen order (for hiding empty months in the browser)."""
        return list(dict.fromkeys(occ.province.id for occ in self.occurrences))

    @property
    def first(self) -> dt.date:
        return dt.date(self.year, self.month, 1)

    @property
    def length(self) -> int:
        """Days in the month."""
        return sum(1 for week in self.weeks for day in week if day)

    def starts_in(self, occ: Occurrence) -> bool:
        """The window's first day is in this month: its entry is told here, later months only point back to it."""
        return (occ.start.year, occ.start.month) == (self.year, self.month)

    def ends_in(self, occ: Occurrence) -> bool:
        return (occ.end.year, occ.end.month) == (self.year, self.month)

    def days_of(self, occ: Occurrence) -> tuple[int, int]:
        """The first and last day of the month the window covers (1-based): where its one bar in this month runs."""
        first = occ.start.day if self.starts_in(occ) else 1
        last = occ.end.day if self.ends_in(occ) else self.length
        return first, last


@dataclass(frozen=True)
class MonthList:
    """A month of a past year, folded to a list: the windows that start in it, without a grid."""

    year: int
    month: int
    occurrences: list[Occurrence]

    @property
    def key(self) -> str:
        return f"m-{self.year}-{self.month:02d}"

    @property
    def province_ids(self) -> list[str]:
        return list(dict.fromkeys(occ.province.id for occ in self.occurrences))


def shown_notices(portal, province_ids: set[str] | None, national: bool = True) -> list[Notice]:
    """The notices of the given provinces and, with `national`, the national ones (they apply in every province),
    in the portal's order; every notice when `province_ids` is None. Picked from the portal's list of each province's
    notices: a calendar page per province asking every notice for its province grew with provinces x notices."""
    if province_ids is None:
        return portal.notices
    picked = [portal.notices_in(pid) for pid in province_ids]
    if national:
        picked.append(portal.national_notices())
    return sorted({n.id: n for notices in picked for n in notices}.values(), key=lambda n: portal.position[n.id])


def dated_deadlines(portal, province_ids: set[str] | None = None):
    """(province, notice, deadline) for every deadline with a date that can still happen under the relations
    between documents (a window a later document cancelled is left out), optionally only for some provinces."""
    for notice in shown_notices(portal, province_ids):
        province = portal.province_of(notice)
        for deadline in notice.deadlines:
            if deadline.end is not None and not portal.cancelled(notice, deadline):
                yield province, notice, deadline


def year_span(portal) -> tuple[int, int] | None:
    """The years the calendar shows: from the first year any deadline falls in to the year after the latest
    of (the last dated day, the day the data was last checked against its sources).

    It depends on the data only, never on the build date, so rebuilding gives the same pages and feeds; as the
    records are re-checked (`updated`), the span moves forward with them.
    """
    dated = list(dated_deadlines(portal))
    if not dated:
        return None
    first = min((d.start or d.end).year for _, _, d in dated)
    last_known = max([d.end.year for _, _, d in dated] + [n.updated.year for n in portal.notices])
    return first, last_known + 1


def _shift_years(day: dt.date, years: int) -> dt.date | None:
    """The same calendar day `years` later; None for 29 February in a year without it (RRULE skips it too)."""
    try:
        return day.replace(year=day.year + years)
    except ValueError:
        return None


def expand(
    province: Province, notice: Notice, deadline: Deadline, span: tuple[int, int], until_year: int | None = None
) -> list[Occurrence]:
    """The deadline's occurrences within the years of `span` (inclusive); one per year for a recurring window, up
    to `until_year` when given (the last year it can start, from Portal.last_round_year), else the rule's own."""
    if deadline.end is None:
        return []
    start = deadline.start or deadline.end
    rule = deadline.recurrence
    if rule is None:
        return [Occurrence(province, notice, deadline, start, deadline.end, recurring=False)]
    first_year = max(rule.from_year, span[0])
    last_year = min(until_year or rule.until_year or span[1], span[1])
    found = []
    for year in range(first_year, last_year + 1):
        shifted_start = _shift_years(start, year - start.year)
        shifted_end = _shift_years(deadline.end, year - start.year)
        if shifted_start and shifted_end:
            found.append(Occurrence(province, notice, deadline, shifted_start, shifted_end, recurring=True))
    return found


def occurrences(portal, span: tuple[int, int], province_ids: set[str] | None = None) -> list[Occurrence]:
    """Every occurrence in the span, in date order (ties: province order, notice, deadline)."""
    found = [
        occ
        for province, notice, deadline in dated_deadlines(portal, province_ids)
        for occ in expand(province, notice, deadline, span, portal.last_round_year(notice, deadline))
    ]
    return sorted(found, key=lambda o: (o.start, o.end, o.province.order, o.province.id, o.notice.id, o.deadline.id))


def undated(portal, province_ids: set[str] | None = None) -> list[Undated]:
    found = []
    for notice in shown_notices(portal, province_ids):
        found += [Undated(portal.province_of(notice), notice, d) for d in notice.deadlines if d.end is None]
    return sorted(found, key=lambda u: (u.province.order, u.province.id, u.notice.id, u.deadline.id))


def months_covered(occs: list[Occurrence]) -> list[tuple[int, int]]:
    """(year, month) of every month that any occurrence touches, a long window counting in each of its months."""
    months: set[tuple[int, int]] = set()
    for occ in occs:
        year, month = occ.start.year, occ.start.month
        while (year, month) <= (occ.end.year, occ.end.month):
            months.add((year, month))
            year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return sorted(months)


def month_grid(year: int, month: int, occs: list[Occurrence]) -> MonthGrid:
    """The month as Monday-first weeks; each day holds the occurrences covering it, in the order given."""
    first = dt.date(year, month, 1)
    next_month = dt.date(year + (month == 12), month % 12 + 1, 1)
    days = [Day(first + dt.timedelta(days=i)) for i in range((next_month - first).days)]
    for occ in occs:
        if occ.end < first or occ.start >= next_month:
            continue
        for day in days[max(occ.start, first).day - 1 : min(occ.end, next_month - ONE_DAY).day]:
            day.items.append(occ)
    cells: list[Day | None] = [None] * first.weekday() + days
    cells += [None] * (-len(cells) % 7)
    return MonthGrid(year, month, [cells[i : i + 7] for i in range(0, len(cells), 7)])


def month_grids(occs: list[Occurrence]) -> list[MonthGrid]:
    return [month_grid(year, month, occs) for year, month in months_covered(occs)]


@dataclass(frozen=True)
class Year:
    """One year of a calendar page: its windows in date order and, unless it is `past` (it ended before the day the
    page is computed for), its month grids; a past year is folded to `lists`, its windows by the month they start in
    (a page holds many past years, so they are told once each, with no grid)."""

    year: int
    grids: list[MonthGrid]
    occurrences: list[Occurrence]
    past: bool
    lists: list[MonthList] = field(default_factory=list)


def month_lists(occs: list[Occurrence]) -> list[MonthList]:
    """Windows grouped by the month they start in, in date order."""
    groups: dict[tuple[int, int], list[Occurrence]] = {}
    for occ in occs:
        groups.setdefault((occ.start.year, occ.start.month), []).append(occ)
    return [MonthList(year, month, found) for (year, month), found in sorted(groups.items())]


def years(occs: list[Occurrence], today: dt.date | None) -> list[Year]:
    """The calendar by year: the windows that start in it, and the month grids it holds (none for a past year)."""
    starting = dict(by_year(occs))
    covered = months_covered(occs)
    shown = sorted(set(starting) | {year for year, _ in covered})
    found = []
    for year in shown:
        past = today is not None and year < today.year
        mine = starting.get(year, [])
        if past:
            found.append(Year(year, [], mine, True, month_lists(mine)))
        else:
            touching = [(y, m) for y, m in covered if y == year]
            found.append(Year(year, [month_grid(y, m, occs) for y, m in touching], mine, False))
    return found


def present(occs: list[Occurrence], today: dt.date | None, limit: int) -> list[Occurrence]:
    """Windows open on `today` or still to come, soonest first, at most `limit`."""
    if today is None:
        return []
    return [o for o in occs if o.end >= today][:limit]


def month_to_show(grids: list, today: dt.date | None):
    """The month a "this month" link leads to: today's, else the next one with windows, else the last one (of the
    month grids or folded month lists given, each with .year and .month)."""
    if not grids:
        return None
    if today is None:
        return grids[-1]
    return next((g for g in grids if (g.year, g.month) >= (today.year, today.month)), grids[-1])


def by_year(occs: list[Occurrence]) -> list[tuple[int, list[Occurrence]]]:
    """Occurrences grouped by the year they start in, for the chronological list."""
    groups: dict[int, list[Occurrence]] = {}
    for occ in occs:
        groups.setdefault(occ.start.year, []).append(occ)
    return sorted(groups.items())
