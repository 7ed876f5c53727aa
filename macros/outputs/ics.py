# iCalendar (.ics) feeds of the dated deadlines: one per province, one for all, one per deadline; made once
# per build (its producer is listed in macros/site/features.py). Bilingual text in one feed, so each deadline has exactly one UID.
from __future__ import annotations

import datetime as dt
import functools
import re
from collections.abc import Callable

import icalendar

from macros.data.models import Deadline, Notice, Province
from macros.data.publication import Publication
from macros.data.publication import absolute as absolute_url
from macros.data.relations import Ending
from macros.outputs import ics_cache
from macros.outputs.form_cache import FormCache
from macros.views import language
from macros.views.calendar_model import ONE_DAY, dated_deadlines
from macros.views.language import ORIGINAL
from macros.views.urls import ics_event_path, ics_feed_path, site_path

PRODID = "-//1x-portal//deadline calendar 1.0//ZH"


def event_uid(notice: Notice, deadline: Deadline, uid_domain: str) -> str:
    """Stable across builds, feeds and addresses (the domain is extra.identity.uid_domain, not the site's host): a
    subscriber's app updates the event instead of adding a copy."""
    return f"{notice.id}--{deadline.id}@{uid_domain}"


def _each(line: Callable[[str], str]) -> str:
    """One text in every language, "中文 / English": a language whose `line` is "" (not yet translated) or the
    same as the original's is left out."""
    original = line(ORIGINAL)
    translations = [text for lang in language.others(ORIGINAL) if (text := line(lang)) and text != original]
    return " / ".join([original, *translations])


def _colon(lang: str) -> str:
    return language.label("colon", lang)


# A title that already says it is a due date ("……报送截止", "… due") gets no "(deadline)" after it.
_SAYS_DUE = {"zh": re.compile("截止|截至|之前|以前"), "en": re.compile(r"\b(?:due|deadline)\b", re.IGNORECASE)}


def summary(province: Province, deadline: Deadline) -> str:
    """ "Province: title", marked as a deadline when it is a single due date and the title does not say so."""
    due = deadline.start is None

    def line(lang: str) -> str:
        name, title = language.exact(province.name, lang), language.exact(deadline.title, lang)
        if not (name and title):
            return ""
        mark = language.label("ics_due_mark", lang) if due and not _SAYS_DUE[lang].search(title) else ""
        return f"{name}{_colon(lang)}{title}{mark}"

    return _each(line)


def reminder(deadline: Deadline, days: int) -> icalendar.Alarm:
    """A notification `days` before the window ends (relative to DTEND, the day after its last day)."""
    alarm = icalendar.Alarm()
    alarm.add("action", "DISPLAY")
    alarm.add("trigger", -dt.timedelta(days=days), parameters={"RELATED": "END"})
    alarm.add(
        "description",
        _each(
            lambda lang: (
                f"{language.label('ics_days_left', lang) % days}{_colon(lang)}{title}"
                if (title := language.exact(deadline.title, lang))
                else ""
            )
        ),
    )
    return alarm


def description(
    province: Province,
    notice: Notice,
    deadline: Deadline,
    site_url: str | None,
    until: tuple[int | None, Ending | None] = (None, None),
) -> str:
    """Plain text: stage, dates, who, note, recurrence and its basis, the document number and the notice pages."""
    anchor = f"#{notice.id}--{deadline.id}"
    dates = "ics_first_dates" if deadline.recurrence else "ics_dates"

    def labelled(key: str, value) -> Callable[[str], str]:
        """'label: text' in a language, "" when `value` (a Text or a function of the language) has no text in it."""
        return lambda lang: f"{language.label(key, lang)}{_colon(lang)}{text}" if (text := value(lang)) else ""

    lines = [
        _each(labelled("stage", lambda lang: language.enum_label("stage", deadline.stage, lang))),
        # For a recurring window these are the first year's dates; the RRULE repeats them.
        _each(labelled(dates, lambda lang: language.fmt_range(deadline.start, deadline.end, lang))),
        _each(labelled("who", lambda lang: language.exact(deadline.applies_to, lang))),
    ]
    if deadline.note:
        lines.append(_each(labelled("note", lambda lang: language.exact(deadline.note, lang))))
    rule = deadline.recurrence
    last_year, ending = until
    if rule:
        for lang in language.LANGS:  # one line per language: the basis is long
            if basis := language.exact(rule.basis, lang):
                repeats = (
                    language.label("ics_recurring_until", lang) % {"first": rule.from_year, "last": last_year}
                    if last_year
                    else language.label("recurring_since", lang) % rule.from_year
                )
                lines.append(f"{repeats}{_colon(lang)}{basis}")
    if ending:  # why the rounds stop
        lines.append(
            _each(
                lambda lang: (
                    language.label("ics_no_longer_held", lang) % language.fmt_date(ending.from_, lang)
                    + f"{_colon(lang)}{ending.by.doc_number}"
                )
            )
        )
    # a heading in every language takes the colon of the last one
    heading = " / ".join(language.label("doc_number", lang) for lang in language.LANGS)
    lines.append(f"{heading}{_colon(language.LANGS[-1])}{notice.doc_number}")
    for lang in language.LANGS:
        path = site_path("notices", notice.id, lang)
        page = absolute_url(site_url, path) or path
        lines.append(f"{language.label('ics_notice_page', lang)}{_colon(lang)}{page}{anchor}")
    return "\n".join(lines)


def deadline_event(
    province: Province,
    notice: Notice,
    deadline: Deadline,
    site: Publication,
    until: tuple[int | None, Ending | None] = (None, None),
) -> icalendar.Event:
    """An all-day event (DTEND is the day after the last day); a recurring window is one event with an RRULE,
    ending (UNTIL) with the last year it can start: `until` is (that year, the ending that stops it) or Nones."""
    site_url = site.url
    end = deadline.end
    if end is None:  # dated_deadlines() passes only deadlines with an end: an undated one has no event
        raise ValueError(f"{notice.id}: deadline {deadline.id!r} has no end date")
    start = deadline.start or end
    stamp = dt.datetime.combine(notice.updated, dt.time(0, 0), tzinfo=dt.UTC)  # from data: reproducible
    event = icalendar.Event()
    event.add("uid", event_uid(notice, deadline, site.identity.uid_domain))
    event.add("dtstamp", stamp)
    event.add("last-modified", stamp)
    event.add("dtstart", start)
    event.add("dtend", end + ONE_DAY)
    last_year = until[0] or (deadline.recurrence.until_year if deadline.recurrence else None)
    if deadline.recurrence:
        rule: dict = {"freq": "yearly"}
        if last_year:
            # UNTIL is a DATE like DTSTART: the start of the last occurrence (29 Feb falls back to 28 Feb)
            rule["until"] = dt.date(last_year, start.month, min(start.day, 28 if start.month == 2 else 31))
        event.add("rrule", rule)
    event.add("summary", summary(province, deadline))
    event.add("description", description(province, notice, deadline, site_url, (last_year, until[1])))
    event.add(
        "categories",
        [language.enum_label("stage", deadline.stage, lang) for lang in language.LANGS],
    )
    event.add("transp", "TRANSPARENT")  # a deadline does not make the reader busy
    page = absolute_url(site_url, site_path("notices", notice.id, language.DEFAULT_LANG))
    if page:
        event.add("url", f"{page}#{notice.id}--{deadline.id}")
    if site.reminder_days:
        event.add_component(reminder(deadline, site.reminder_days))
    return event


def feed_head(name: dict[str, str]) -> bytes:
    """The VCALENDAR named `name` as Calendar.to_ical() writes it up to its first event."""
    cal = icalendar.Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("method", "PUBLISH")
    title = _each(name.__getitem__)
    cal.add("name", title)
    cal.add("x-wr-calname", title)
    cal.add("refresh-interval", dt.timedelta(days=1), parameters={"VALUE": "DURATION"})
    cal.add("x-published-ttl", "P1D")
    head = cal.to_ical()
    assert head.endswith(_CALENDAR_END)
    return head[: -len(_CALENDAR_END)]


def feed(name: dict[str, str], entries, events: dict[tuple[str, str], bytes], head: bytes | None = None) -> bytes:
    """A VCALENDAR of the given (province, notice, deadline) entries, in a fixed order (byte-identical rebuilds).
    `events`: each event's serialised text by (notice id, deadline id), shared between the feeds it is in; `head`:
    feed_head(name) when already made."""
    ordered = sorted(entries, key=lambda e: ((e[2].start or e[2].end), e[1].id, e[2].id))
    # What Calendar.to_ical() writes with the events added, without serialising each event again per feed
    # (tests/outputs/test_ics.py checks the two agree byte for byte).
    body = [events[(notice.id, deadline.id)] for _, notice, deadline in ordered]
    return b"".join([feed_head(name) if head is None else head, *body, _CALENDAR_END])


_CALENDAR_END = b"END:VCALENDAR\r\n"


def feed_name(province: Province | None) -> dict[str, str]:
    """The calendar's name in every language ("" in one the province's name is not yet translated into)."""
    if province is None:
        return language.labels_of("ics_feed_all")
    return {
        lang: language.label("ics_feed_province", lang) % name if (name := language.exact(province.name, lang)) else ""
        for lang in language.LANGS
    }


def until_of(portal, notice: Notice, deadline: Deadline) -> tuple[int | None, Ending | None]:
    """The last year a recurring window can start and, when a later document cut it short, that ending."""
    if not deadline.recurrence:
        return None, None
    return portal.last_round_year(notice, deadline), portal.rounds_stopped_by(notice, deadline)


def event_feed_name(notice: Notice, deadline: Deadline) -> dict[str, str]:
    """The name of one deadline's own feed in every language ("" in one its title is not yet translated into)."""
    return {
        lang: language.label("ics_feed_event", lang) % {"doc": notice.doc_number, "title": title}
        if (title := language.exact(deadline.title, lang))
        else ""
        for lang in language.LANGS
    }


def _event_and_own_head(
    province: Province, notice: Notice, deadline: Deadline, site: Publication, until: tuple
) -> tuple[bytes, bytes]:
    return feed_head(event_feed_name(notice, deadline)), deadline_event(
        province, notice, deadline, site, until
    ).to_ical()


def produce_feeds(portal, site: Publication, cache: FormCache | None = None) -> dict[str, bytes]:
    """Every feed of the site: {site-relative path: bytes} (the same bytes with or without the cache, which keeps
    only the entries of this build's events)."""
    store = ics_cache.default_cache() if cache is None else cache
    keys = ics_cache.EventKeys(site)
    entries = list(dated_deadlines(portal))
    # each event goes into three feeds (all, its province, its own): made (or taken from the cache) once, with the
    # head of its own feed, whose name is made from the same notice and deadline
    events: dict[tuple[str, str], bytes] = {}
    own_heads: dict[tuple[str, str], bytes] = {}
    used: set[str] = set()
    for p, n, d in entries:
        until = until_of(portal, n, d)
        key = keys.key(p, n, d, until)
        used.add(key)
        made = functools.partial(_event_and_own_head, p, n, d, site, until)
        own_heads[(n.id, d.id)], events[(n.id, d.id)] = ics_cache.made(store, key, made)
    store.keep_only(used)
    files = {ics_feed_path(None): feed(feed_name(None), entries, events)}
    # a province's feed also carries the national deadlines, which apply in every province
    national = [e for e in entries if portal.is_national(e[1])]
    own_entries: dict[str, list] = {}
    for e in entries:
        own_entries.setdefault(e[0].id, []).append(e)
    for province in portal.provinces:
        path = ics_feed_path(province.id)
        if path in files:
            raise ValueError(f"province id {province.id!r} clashes with the feed {path}")
        mine = own_entries.get(province.id, [])
        files[path] = feed(feed_name(province), mine + [e for e in national if e[0].id != province.id], events)
    for province, notice, deadline in entries:
        own = (notice.id, deadline.id)
        files[ics_event_path(*own)] = feed({}, [(province, notice, deadline)], events, head=own_heads[own])
    return files
