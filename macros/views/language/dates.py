# Dates and date ranges as each language writes them, from the date formats in labels.py.
from __future__ import annotations

import datetime as dt

from macros.views.language.labels import label


def _parts(day: dt.date, lang: str) -> dict[str, object]:
    return {
        "year": day.year,
        "month": day.month,
        "mon": label("month_abbr", lang).split()[day.month - 1],
        "day": day.day,
    }


def fmt_date(day: dt.date | None, lang: str, *, year: bool = True) -> str:
    if day is None:
        return ""
    return label("date" if year else "date_no_year", lang) % _parts(day, lang)


def fmt_range(start: dt.date | None, end: dt.date | None, lang: str) -> str:
    """'2022年3月14日—6月10日' / '14 Mar – 10 Jun 2022'; a single day when start is missing or equal."""
    if end is None:
        return ""
    if start is None or start == end:
        return fmt_date(end, lang) if start else f"{label('by', lang)}{fmt_date(end, lang)}"
    if start.year != end.year:
        key = "range"
    elif start.month != end.month:
        key = "range_same_year"
    else:
        key = "range_same_month"
    return label(key, lang) % {
        "start": fmt_date(start, lang),
        "end": fmt_date(end, lang),
        "start_no_year": fmt_date(start, lang, year=False),
        "end_no_year": fmt_date(end, lang, year=False),
        "start_day": start.day,
    }
