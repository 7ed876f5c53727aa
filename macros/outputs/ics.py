# iCalendar (.ics) feeds of the dated deadlines: one per province, one for all, one per deadline; made once
# per build (its producer is listed in macros/site/features.py). Bilingual text in one feed, so each deadline has exactly one UID.
from __future__ import annotations

import datetime as dt
import re

import icalendar

from macros.data.models import Deadline, Notice, Province
from macros.data.publication import Publication
from macros.data.publication import absolute as absolute_url
from macros.data.relations import Ending
from macros.render.render import site_path
from macros.views import text
from macros.views.calendar_model import ONE_DAY, dated_deadlines

FEED_DIR = "calendar/feeds"
ALL_FEED = "all"
PRODID = "-//1x-portal//deadline calendar 1.0//ZH"


def feed_path(province_id: str | None) -> str:
    """Site-relative path of a province's feed, or of the feed for all provinces (None)."""
    return f"{FEED_DIR}/{province_id or ALL_FEED}.ics"


def event_feed_path(notice_id: str, deadline_id: str) -> str:
    """Site-relative path of the "add to my calendar" file of one deadline."""
    return f"{FEED_DIR}/events/{notice_id}--{deadline_id}.ics"


def webcal_url(site_url: str | None, path: str) -> str | None:
    """The subscribe link: the feed's URL with webcal:// (calendar apps subscribe instead of importing once)."""
    url = absolute_url(site_url, path)
    if not url:
        return None
    return "webcal://" + url.split("://", 1)[1]


def event_uid(notice: Notice, deadline: Deadline, uid_domain: str) -> str:
    """Stable across builds, feeds and addresses (the domain is extra.identity.uid_domain, not the site's host): a
    subscriber's app updates the event instead of adding a copy."""
    return f"{notice.id}--{deadline.id}@{uid_domain}"


def _both(zh: str, en: str) -> str:
    return zh if not en or en == zh else f"{zh} / {en}"


def _en(value) -> str:
    """The English text, or "" when it is not yet translated (the Chinese then stands alone)."""
    return getattr(value, "en", None) or ""


# A title that already says it is a due date ("……报送截止", "… due") gets no "(deadline)" after it.
_SAYS_DUE = {"zh": re.compile("截止|截至|之前|以前"), "en": re.compile(r"\b(?:due|deadline)\b", re.IGNORECASE)}
_DUE_MARK = {"zh": "（截止）", "en": " (deadline)"}


def summary(province: Province, deadline: Deadline) -> str:
    """ "Province: title", marked as a deadline when it is a single due date and the title does not say so."""
    due = deadline.start is None

    def line(lang: str, name: str, title: str) -> str:
        mark = _DUE_MARK[lang] if due and not _SAYS_DUE[lang].search(title) else ""
        return f"{name}{text.label('colon', lang)}{title}{mark}"

    zh = line("zh", province.name.zh, deadline.title.zh)
    en = line("en", province.name.en, deadline.title.en) if province.name.en and deadline.title.en else ""
    return _both(zh, en)


def reminder(deadline: Deadline, days: int) -> icalendar.Alarm:
    """A notification `days` before the window ends (relative to DTEND, the day after its last day)."""
    alarm = icalendar.Alarm()
    alarm.add("action", "DISPLAY")
    alarm.add("trigger", -dt.timedelta(days=days), parameters={"RELATED": "END"})
    alarm.add(
        "description",
        _both(
            f"还有{days}天：{deadline.title.zh}", f"{days} days left: {deadline.title.en}" if deadline.title.en else ""
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
    lines = [
        _both(
            f"环节：{text.enum_label('stage', deadline.stage, 'zh')}",
            f"Stage: {text.enum_label('stage', deadline.stage, 'en')}",
        ),
        # For a recurring window these are the first year's dates; the RRULE repeats them.
        _both(
            f"{'首次日期' if deadline.recurrence else '日期'}：{text.fmt_range(deadline.start, deadline.end, 'zh')}",
            f"{'First dates' if deadline.recurrence else 'Dates'}: {text.fmt_range(deadline.start, deadline.end, 'en')}",
        ),
        _both(
            f"对象：{deadline.applies_to.zh}", f"Who: {_en(deadline.applies_to)}" if _en(deadline.applies_to) else ""
        ),
    ]
    if deadline.note:
        lines.append(_both(f"说明：{deadline.note.zh}", f"Note: {_en(deadline.note)}" if _en(deadline.note) else ""))
    rule = deadline.recurrence
    last_year, ending = until
    if rule:
        until_zh = f"至{last_year}年" if last_year else ""
        until_en = f" to {last_year}" if last_year else ""
        lines.append(f"每年重复（自{rule.from_year}年起{until_zh}）：{rule.basis.zh}")
        if rule.basis.en:
            lines.append(f"Repeats every year (from {rule.from_year}{until_en}): {rule.basis.en}")
    if ending:  # why the rounds stop
        lines.append(
            _both(
                f"自{text.fmt_date(ending.from_, 'zh')}起不再举行：{ending.by.doc_number}",
                f"No longer held from {text.fmt_date(ending.from_, 'en')}: {ending.by.doc_number}",
            )
        )
    lines.append(f"文号 / Document number: {notice.doc_number}")
    zh_page = absolute_url(site_url, site_path("notices", notice.id, "zh")) or site_path("notices", notice.id, "zh")
    en_page = absolute_url(site_url, site_path("notices", notice.id, "en")) or site_path("notices", notice.id, "en")
    lines.append(f"通知页面：{zh_page}{anchor}")
    lines.append(f"Notice page (English): {en_page}{anchor}")
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
    start = deadline.start or deadline.end
    stamp = dt.datetime.combine(notice.updated, dt.time(0, 0), tzinfo=dt.UTC)  # from data: reproducible
    event = icalendar.Event()
    event.add("uid", event_uid(notice, deadline, site.identity.uid_domain))
    event.add("dtstamp", stamp)
    event.add("last-modified", stamp)
    event.add("dtstart", start)
    event.add("dtend", deadline.end + ONE_DAY)
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
        "categories", [text.enum_label("stage", deadline.stage, "zh"), text.enum_label("stage", deadline.stage, "en")]
    )
    event.add("transp", "TRANSPARENT")  # a deadline does not make the reader busy
    page = absolute_url(site_url, site_path("notices", notice.id, "zh"))
    if page:
        event.add("url", f"{page}#{notice.id}--{deadline.id}")
    if site.reminder_days:
        event.add_component(reminder(deadline, site.reminder_days))
    return event


def feed(name: dict[str, str], entries, events: dict[tuple[str, str], bytes]) -> bytes:
    """A VCALENDAR of the given (province, notice, deadline) entries, in a fixed order (byte-identical rebuilds).
    `events`: each event's serialised text by (notice id, deadline id), shared between the feeds it is in."""
    cal = icalendar.Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("method", "PUBLISH")
    title = _both(name["zh"], name["en"])
    cal.add("name", title)
    cal.add("x-wr-calname", title)
    cal.add("refresh-interval", dt.timedelta(days=1), parameters={"VALUE": "DURATION"})
    cal.add("x-published-ttl", "P1D")
    ordered = sorted(entries, key=lambda e: ((e[2].start or e[2].end), e[1].id, e[2].id))
    # What Calendar.to_ical() writes with the events added, without serialising each event again per feed
    # (tests/outputs/test_ics.py checks the two agree byte for byte).
    head = cal.to_ical()
    assert head.endswith(_CALENDAR_END)
    body = [events[(notice.id, deadline.id)] for _, notice, deadline in ordered]
    return b"".join([head[: -len(_CALENDAR_END)], *body, _CALENDAR_END])


_CALENDAR_END = b"END:VCALENDAR\r\n"


def feed_name(province: Province | None) -> dict[str, str]:
    if province is None:
        return {"zh": "1+X 证书试点时间节点（全部省份）", "en": "1+X certificate pilot deadlines (all provinces)"}
    return {
        "zh": f"1+X 证书试点时间节点（{province.name.zh}）",
        "en": f"1+X certificate pilot deadlines ({province.name.en})" if province.name.en else "",
    }


def until_of(portal, notice: Notice, deadline: Deadline) -> tuple[int | None, Ending | None]:
    """The last year a recurring window can start and, when a later document cut it short, that ending."""
    if not deadline.recurrence:
        return None, None
    return portal.last_round_year(notice, deadline), portal.rounds_stopped_by(notice, deadline)


def produce_feeds(portal, site: Publication) -> dict[str, bytes]:
    """Every feed of the site: {site-relative path: bytes}."""
    entries = list(dated_deadlines(portal))
    # each event goes into three feeds (all, its province, its own): build and serialise it once
    events = {(n.id, d.id): deadline_event(p, n, d, site, until_of(portal, n, d)).to_ical() for p, n, d in entries}
    files = {feed_path(None): feed(feed_name(None), entries, events)}
    for province in portal.provinces:
        path = feed_path(province.id)
        if path in files:
            raise ValueError(f"province id {province.id!r} clashes with the feed {path}")
        # a province's feed also carries the national deadlines, which apply in every province
        files[path] = feed(
            feed_name(province), [e for e in entries if e[0].id == province.id or portal.is_national(e[1])], events
        )
    for province, notice, deadline in entries:
        name = {"zh": f"{notice.doc_number}：{deadline.title.zh}", "en": _en(deadline.title)}
        files[event_feed_path(notice.id, deadline.id)] = feed(name, [(province, notice, deadline)], events)
    return files
