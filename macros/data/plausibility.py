# Plausibility checks: values that validate but are almost surely typos (a year off by a decade, `updated` before the
# document, a deadline years before its notice, an issuer of another province), as `file:line field: message`; a
# record lists in `plausibility_exceptions` the checks it rightly fails. Every bound comes from the data, never from
# the day of the build.
from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass, field

from macros.data.errors import Problem
from macros.data.loader import Document
from macros.data.models import CertificateCatalogue, Form, Issuer, Notice, Province, ReferencedDocument
from macros.data.relations import number_year

YEARS_BEFORE_FIRST = 1  # the span opens on 1 January of the year before the earliest document
YEARS_AFTER_UPDATED = 2  # … and closes on 31 December two years after the newest plausible `updated`
UPDATED_YEARS_AHEAD = 3  # an `updated` more years than this after the newest document and every other `updated`
DEADLINE_YEARS_BEFORE = 3  # a deadline more years than this before its notice is a typo


@dataclass(frozen=True)
class Span:
    """The pilot's span in the data: the dates a record can plausibly hold."""

    first: dt.date
    last: dt.date

    def holds(self, value: dt.date | int) -> bool:
        if isinstance(value, int):
            return self.first.year <= value <= self.last.year
        return self.first <= value <= self.last


@dataclass
class _Subject:
    """One record under check and what the checks found in it: (check, field path, message)."""

    record: Notice | Form | ReferencedDocument
    doc: Document
    found: list[tuple[str, tuple, str]] = field(default_factory=list)
    ran: set[str] = field(default_factory=set)  # checks that looked at it (an exception for another is unused)
    own: dt.date | None = None  # a document's own date, from a value that passed its own checks
    own_path: tuple = ()  # the field that date comes from

    def flag(self, check: str, path: tuple, message: str) -> None:
        if all(path != p for _, p, _ in self.found):  # one problem per field: the first check that finds it
            self.found.append((check, path, message))

    def excused(self, check: str) -> bool:
        return any(e.check == check for e in self.record.plausibility_exceptions)


def check_plausibility(
    levels: list[Province],
    notices: list[Notice],
    forms: list[Form],
    referenced: list[ReferencedDocument],
    docs: dict[tuple, Document],
    complete: bool,
    catalogue: CertificateCatalogue | None = None,
) -> list[Problem]:
    """`levels`: the provinces and the national level; `complete`: every file loaded (the span is taken from the
    whole data: it is not judged on a part of it)."""
    subjects = [_Subject(n, docs[("notice", n.id)]) for n in notices]
    subjects += [_Subject(f, docs[("form", f.id)]) for f in forms]
    subjects += [_Subject(r, docs[("referenced", r.id)]) for r in referenced]
    issuers = _Issuers(levels)
    for s in subjects:
        if isinstance(s.record, Notice):
            _own_date(s, s.record)
            _issuer_checks(s, s.record, issuers)
        elif isinstance(s.record, ReferencedDocument):
            s.own, s.own_path = dt.date(s.record.year, 1, 1), ("year",)
    span = _span(subjects, catalogue) if complete else None
    own_of_notice = {s.record.id: s.own for s in subjects if isinstance(s.record, Notice)}
    for s in subjects:
        if isinstance(s.record, Form):
            notice_date = own_of_notice.get(s.record.notice)
            if notice_date and (span is None or span.holds(notice_date)):
                _updated_after(s, notice_date, f"the date of its notice {s.record.notice!r} ({notice_date})", span)
        elif s.own:
            _updated_after(s, s.own, f"the document's date ({s.own})", span)
            if isinstance(s.record, Notice) and (span is None or span.holds(s.own)):
                _deadlines_near(s, s.record, s.own)
        if span:
            _dates_in_span(s, span)
    return _problems(subjects)


def _own_date(s: _Subject, notice: Notice) -> None:
    year = number_year(notice.doc_number)
    s.ran.add("issued_year")
    if notice.issued and year and notice.issued.year != year:
        s.flag("issued_year", ("issued",), f"issued {notice.issued} is not in the year of the document number ({year})")
        if not s.excused("issued_year"):  # the number's year is the better guess of the document's date
            s.own, s.own_path = dt.date(year, 1, 1), ("doc_number",)
            return
    if notice.issued:
        s.own, s.own_path = notice.issued, ("issued",)
    elif year:
        s.own, s.own_path = dt.date(year, 1, 1), ("doc_number",)


def _updated_after(s: _Subject, own: dt.date, what: str, span: Span | None) -> None:
    """`updated` (the day the record was checked) cannot come before the document. Which of the two is the typo:
    the document's date when it lies outside the span, else `updated`."""
    s.ran.add("updated_before_issued")
    if s.record.updated >= own:
        return
    if span and not span.holds(own) and s.own_path and not isinstance(s.record, Form):
        value = number_year(s.record.doc_number) if s.own_path == ("doc_number",) else getattr(s.record, s.own_path[0])
        s.flag("date_span", s.own_path, _outside(value, span, f"after updated ({s.record.updated}) and "))
    else:
        s.flag(
            "updated_before_issued",
            ("updated",),
            f"updated {s.record.updated} is before {what}: updated is the "
            "day you checked the record against its source",
        )


def _deadlines_near(s: _Subject, notice: Notice, own: dt.date) -> None:
    s.ran.add("deadline_before_notice")
    floor = _years_before(own, DEADLINE_YEARS_BEFORE)
    for i, deadline in enumerate(notice.deadlines):
        for key in ("start", "end"):
            day = getattr(deadline, key)
            if day and day < floor:
                s.flag(
                    "deadline_before_notice",
                    ("deadlines", i, key),
                    f"{day} is more than {DEADLINE_YEARS_BEFORE} years before the notice ({own}): a typo?",
                )


class _Issuers:
    """Each issuer's level, and what the id of a notice of that issuer may start with (see _prefixes)."""

    def __init__(self, levels: list[Province]):
        self.level_of = {i.id: level for level in levels for i in level.issuers}
        by_id = {i.id: i for level in levels for i in level.issuers}
        self.prefixes = {i: _prefixes(self.level_of[i], by_id[i], by_id) for i in by_id}
        self.level_prefixes = [(level, {p for i in level.issuers for p in self.prefixes[i.id]}) for level in levels]


def _issuer_checks(s: _Subject, notice: Notice, issuers: _Issuers) -> None:
    """A notice's id names where it comes from (its province, its issuer or that issuer's parent): the issuer must
    be of that province, and a joint document's co-issuers of the lead issuer's level."""
    level_of = issuers.level_of
    level = level_of.get(notice.issuer)
    if level is None:
        return  # an unknown issuer is reported by the reference checks
    s.ran.add("issuer_province")
    allowed = issuers.prefixes[notice.issuer]
    if not any(notice.id.startswith(p + "-") for p in allowed):
        named = next(
            (
                other.id
                for other, names in issuers.level_prefixes
                if other is not level and any(notice.id.startswith(p + "-") for p in names)
            ),
            None,
        )
        start = " or ".join(f"'{p}-'" for p in allowed[:3])
        s.flag(
            "issuer_province",
            ("issuer",),
            (
                f"issuer {notice.issuer!r} belongs to {level.id!r}, but the id {notice.id!r} names {named!r}: take an "
                f"issuer of {named!r}, or correct the id"
                if named
                else f"the id {notice.id!r} does not start with {start}: an id names the province or issuer of the notice "
                f"(issuer {notice.issuer!r} belongs to {level.id!r})"
            ),
        )
    for i, co in enumerate(notice.co_issuers):
        other = level_of.get(co)
        if other is not None and other is not level:
            s.flag(
                "issuer_province",
                ("co_issuers", i),
                f"co-issuer {co!r} belongs to {other.id!r}, the lead issuer "
                f"{notice.issuer!r} to {level.id!r}: the issuers of one document are of one level",
            )


def _prefixes(level: Province, issuer: Issuer | None, issuer_by_id: dict[str, Issuer]) -> list[str]:
    """What an id may start with: the level's id, the issuer's id and its parents' (each also by its first word)."""
    names, seen = [level.id], set()
    while issuer is not None and issuer.id not in seen:
        seen.add(issuer.id)
        names += [issuer.id, issuer.id.split("-")[0]]
        issuer = issuer_by_id.get(issuer.parent) if issuer.parent else None
    return list(dict.fromkeys(names))


def _span(subjects: list[_Subject], catalogue: CertificateCatalogue | None) -> Span | None:
    """From the year before the earliest document to two years after the newest `updated`, taking only documents
    checked after their own date and `updated` values not far ahead of the rest (flagged here): a single typo
    cannot stretch the span it is judged by."""
    documents: list[dt.date] = [s.own for s in subjects if s.own and s.record.updated >= s.own]
    if not documents:
        return None
    newest_document = max(documents)
    updated = sorted(
        [s.record.updated for s in subjects] + ([catalogue.updated] if catalogue and catalogue.updated else [])
    )
    plausible = []
    for s in subjects:
        s.ran.add("updated_ahead")
        # the newest `updated` of the other records: the newest of all, or the one before when this one is it
        other: dt.date | None
        if updated[-1] != s.record.updated:
            other = updated[-1]
        else:
            other = updated[-2] if len(updated) > 1 else None
        reference = max([newest_document] + ([other] if other else []))
        if s.record.updated.year > reference.year + UPDATED_YEARS_AHEAD:
            s.flag(
                "updated_ahead",
                ("updated",),
                f"updated {s.record.updated} is more than {UPDATED_YEARS_AHEAD} "
                f"years after the newest document ({newest_document.year}) and every other record's updated"
                + (f" (newest {other})" if other else "")
                + ": a typo?",
            )
            if not s.excused("updated_ahead"):
                continue
        plausible.append(s.record.updated)
    first = dt.date(min(documents).year - YEARS_BEFORE_FIRST, 1, 1)
    last = dt.date(max(plausible or [newest_document]).year + YEARS_AFTER_UPDATED, 12, 31)
    return Span(first, last)


def _dates_in_span(s: _Subject, span: Span) -> None:
    s.ran.add("date_span")
    for path, value in _dated_fields(s):
        if not span.holds(value):
            s.flag("date_span", path, _outside(value, span))


def _outside(value: object, span: Span, also: str = "") -> str:
    return (
        f"{value} is {also}outside the pilot's span in the data ({span.first} to {span.last}: the year before the "
        "earliest document to two years after the newest updated): a typo?"
    )


def _dated_fields(s: _Subject) -> Iterator[tuple[tuple, dt.date | int]]:
    """(field path, date or year) of every date and year the record holds."""
    record = s.record
    yield ("updated",), record.updated
    if isinstance(record, ReferencedDocument):
        yield ("year",), record.year
    if not isinstance(record, Notice):
        return
    if record.issued:
        yield ("issued",), record.issued
    if (year := number_year(record.doc_number)) is not None:
        yield ("doc_number",), year
    for i, d in enumerate(record.deadlines):
        for key in ("start", "end"):
            if getattr(d, key):
                yield ("deadlines", i, key), getattr(d, key)
        if d.recurrence:
            yield ("deadlines", i, "recurrence", "from_year"), d.recurrence.from_year
            if d.recurrence.until_year:
                yield ("deadlines", i, "recurrence", "until_year"), d.recurrence.until_year
    for i, relation in enumerate(record.relations):
        yield ("relations", i, "from"), relation.from_


def _problems(subjects: list[_Subject]) -> list[Problem]:
    problems: list[Problem] = []
    for s in subjects:
        for check, path, message in s.found:
            if not s.excused(check):
                problems.append(
                    s.doc.problem(
                        path,
                        f"{message} (if the data is right, list {check} in plausibility_exceptions with the reason)",
                    )
                )
        used = {check for check, _, _ in s.found}
        for i, exception in enumerate(s.record.plausibility_exceptions):
            if exception.check in s.ran and exception.check not in used:
                problems.append(
                    s.doc.problem(
                        ("plausibility_exceptions", i, "check"),
                        f"the check {exception.check} finds nothing to excuse in this record: remove the exception",
                    )
                )
    return problems


def _years_before(day: dt.date, years: int) -> dt.date:
    if (day.month, day.day) == (2, 29):
        day = day.replace(day=28)
    return day.replace(year=day.year - years)
