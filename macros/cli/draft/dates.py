# Chinese date expressions: 2022年3月4日, 二〇二二年三月四日, 3月14日—6月10日, 4月1日-7日, 4月28日前, with the
# year taken from the text before them (or the notice's own year) when they do not give one.
from __future__ import annotations

import datetime as dt
import re
import unicodedata
from dataclasses import dataclass

_DIGITS = r"\d{1,2}|[０-９]{1,2}"
_CN_SMALL = r"[一二三四五六七八九十]{1,3}"
_YEAR = r"\d{4}|[０-９]{4}|[〇零○一二三四五六七八九]{4}"


def _date(tag: str) -> str:
    return (
        rf"(?:(?P<{tag}y>{_YEAR})\s*年\s*)?(?P<{tag}m>{_DIGITS}|{_CN_SMALL})\s*月\s*"
        rf"(?P<{tag}d>{_DIGITS}|{_CN_SMALL})\s*[日号]"
    )


_SEPARATOR = r"\s*(?:[—–\-－~～〜]+|至|到)\s*"
_SECOND = (
    rf"(?:(?:(?P<by>{_YEAR})\s*年\s*)?(?P<bm>{_DIGITS}|{_CN_SMALL})\s*月\s*)?"
    rf"(?P<bd>{_DIGITS}|{_CN_SMALL})\s*[日号]"
)
DATE_MENTION = re.compile(rf"{_date('a')}(?:{_SEPARATOR}{_SECOND})?(?P<suffix>(?:以|之)?前|为止|止|起)?")
YEAR_WORD = re.compile(rf"(?P<y>{_YEAR})\s*年")
BEFORE_PREFIX = ("截至", "截止", "截止到", "不晚于")
# A date this long before the notice was issued, with no year written near it, is read as next year's.
ROLL_OVER = dt.timedelta(days=120)


def number(token: str) -> int:
    """12, １２, 十二, 二〇二二 → int."""
    token = unicodedata.normalize("NFKC", token).replace("○", "〇")
    if token.isdigit():
        return int(token)
    import cn2an

    return int(cn2an.cn2an(token, "smart"))


@dataclass
class DateMention:
    """One date or date range in a paragraph, with the years it gives itself (None when left to context)."""

    start: int
    end: int
    text: str
    first: tuple[int | None, int, int]  # (year, month, day)
    last: tuple[int | None, int, int] | None  # the end of a range
    before: bool  # "…前", "截至…": a due date
    since: bool  # "…起": a start
    words: str = ""  # the words to quote for it (a list of due dates shares one "…前")

    def __post_init__(self):
        self.words = self.words or self.text


def find_dates(text: str) -> list[DateMention]:
    """Every date and date range in `text`, in order; impossible month or day numbers are skipped."""
    found = []
    for m in DATE_MENTION.finditer(text):
        try:
            first = (number(m["ay"]) if m["ay"] else None, number(m["am"]), number(m["ad"]))
            last = None
            if m["bd"]:
                last = (number(m["by"]) if m["by"] else None, number(m["bm"]) if m["bm"] else first[1], number(m["bd"]))
        except ValueError:
            continue
        if not all(1 <= part[1] <= 12 and 1 <= part[2] <= 31 for part in (first, last) if part):
            continue
        suffix = m["suffix"] or ""
        before = suffix.endswith(("前", "止")) or text[: m.start()].endswith(BEFORE_PREFIX)
        found.append(DateMention(m.start(), m.end(), m.group(), first, last, before, suffix == "起"))
    return found


def year_before(text: str, position: int) -> int | None:
    """The nearest year written (…年) before `position` in `text`."""
    years = [m for m in YEAR_WORD.finditer(text[:position])]
    return number(years[-1]["y"]) if years else None


def _make(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:  # 2月30日
        return None


def resolve(
    mention: DateMention, text: str, default_year: int | None, issued: dt.date | None = None
) -> tuple[dt.date | None, dt.date | None]:
    """(start, end) of a mention; a single date is an end (a due date) unless it says 起.

    The year is the mention's own, else the nearest year written before it in `text`, else `default_year`
    (the notice's year); with only the default, a date long before `issued` is taken as next year's."""
    year, month, day = mention.first
    if year is None:
        year = year_before(text, mention.start)
        if year is None and default_year is not None:
            year = default_year
            if issued and (_make(year, month, day) or issued) < issued - ROLL_OVER:
                year += 1
    if year is None:
        return None, None
    first = _make(year, month, day)
    if mention.last is None:
        return (first, None) if mention.since else (None, first)
    last_year, last_month, last_day = mention.last
    if last_year is None:
        last_year = year + 1 if (last_month, last_day) < (month, day) else year  # 12月20日—1月10日
    return first, _make(last_year, last_month, last_day)


def whole_date(text: str) -> dt.date | None:
    """The date when `text` is nothing but one full date (the issue-date line under the signature)."""
    mentions = find_dates(text)
    if len(mentions) != 1 or mentions[0].last or mentions[0].first[0] is None:
        return None
    m = mentions[0]
    rest = (text[: m.start] + text[m.end :]).strip(" 　()（）")
    if rest not in ("", "印发", "发布"):
        return None
    year, month, day = m.first
    return _make(year, month, day) if year is not None else None
