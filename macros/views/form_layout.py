# How a form's parts are laid out, shared by its page and its DOCX/XLSX files: header fields in rows, ruled grid
# or lines to write on, the width of text and where a column heading breaks.
from __future__ import annotations

import re
import unicodedata

from macros.data.models import Form, FormField
from macros.views import language


def field_rows(fields: list[FormField]) -> list[list[FormField]]:
    """Header fields grouped into the rows they share (a field with same_row joins the previous one)."""
    rows: list[list[FormField]] = []
    for f in fields:
        if f.same_row and rows:
            rows[-1].append(f)
        else:
            rows.append([f])
    return rows


def has_tables(form: Form) -> bool:
    """Forms with tables lay their header fields out as a ruled grid; the others as lines to write on."""
    return any(section.tables for section in form.sections)


def colon(lang: str) -> str:
    return language.label("colon", lang)


def display_width(content: str) -> int:
    """Width in half-width characters: wide (Chinese) characters count twice."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in content)


_TRAILING_BRACKET = re.compile(r"^(.*?\S)\s*([（(][^（）()]+[）)])$")


def bracket_break(label: str) -> tuple[str, str] | None:
    """('应支付考核费用', '（万元）') for '应支付考核费用（万元）': where a column heading too wide for its column
    should break, so that the unit in brackets stays whole on one line; None when it ends in no bracket."""
    found = _TRAILING_BRACKET.match(label)
    return (found.group(1), found.group(2)) if found else None
