# The timeline page: every national and referenced document, the certificate batches and each province's newest
# notices in date order, with what each changed (milestones, relations, dated national deadlines).
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from macros.data.relations import document_date, serial
from macros.views import language
from macros.views.limits import TIMELINE_NOTICES_PER_PROVINCE
from macros.views.pages import PageSpec
from macros.views.pilot_status import status_lines

KIND = "timeline"


@dataclass(frozen=True)
class Entry:
    """One line of the timeline. `kind`: referenced (cited, not reproduced), notice, deadline or batches."""

    kind: str
    day: dt.date | None  # None: only the year is known
    year: int
    record: object = None  # the Notice or ReferencedDocument
    deadlines: list = field(default_factory=list)  # for kind "deadline": the notice's deadlines due that day
    more: int = 0  # for a province's notices: how many older ones the province page holds

    @property
    def sort_key(self) -> tuple:
        number = getattr(self.record, "doc_number", "")
        return (self.year, self.day or dt.date(self.year, 1, 1), self.kind != "referenced", serial(number), number)


def entries(portal) -> list[Entry]:
    found: list[Entry] = []
    for ref in portal.referenced:
        found.append(Entry("referenced", None, ref.year, ref))
    batch_years = [b.year for b in portal.catalogue.batches if b.year] if portal.catalogue else []
    if batch_years:
        found.append(Entry("batches", None, min(batch_years)))
    found += [_notice_entry(n) for n in portal.national_notices()]
    for province in portal.provinces:
        held = portal.notices_in(province.id)
        shown = held[:TIMELINE_NOTICES_PER_PROVINCE]
        found += [_notice_entry(n, len(held) - len(shown) if n is shown[-1] else 0) for n in shown]
    for notice in portal.national_notices():
        due: dict[dt.date, list] = {}
        for d in notice.deadlines:
            if d.end:
                due.setdefault(d.end, []).append(d)
        found += [Entry("deadline", day, day.year, notice, deadlines=ds) for day, ds in due.items()]
    return sorted(found, key=lambda e: e.sort_key)


def _notice_entry(notice, more: int = 0) -> Entry:
    year = (document_date(notice) or dt.date(1900, 1, 1)).year
    return Entry("notice", notice.issued, year, notice, more=more)


def by_year(found: list[Entry]) -> list[tuple[int, list[Entry]]]:
    groups: dict[int, list[Entry]] = {}
    for e in found:
        groups.setdefault(e.year, []).append(e)
    return sorted(groups.items())


def timeline_specs(portal) -> list[PageSpec]:
    dates = [n.updated for n in portal.notices] + [r.updated for r in portal.referenced]
    return [
        PageSpec(
            KIND,
            "",
            "timeline.html",
            language.labels_of("title_timeline"),
            source="data/notices/",
            updated=max(dates, default=None),
            context={"years": by_year(entries(portal)), "status_lines": status_lines(portal)},
        )
    ]
