# Print helpers of the Excel forms that openpyxl lacks: manual page breaks planned from the row heights so that no
# heading is parted from its block, and the cached values of the blank form's totals.
from __future__ import annotations

import re

SHEET = "xl/worksheets/sheet1.xml"


def plan_breaks(heights: list[float], keep: list[tuple[int, int]], title_rows: int, page: float) -> list[int]:
    """Rows after which a manual page break goes, so that no kept span is parted, planned from the row heights.

    Excel and LibreOffice break a page only where it is full; a break placed before a kept span that would not fit
    moves the span whole to the next page. `page` is the height (in row points) a page holds; the print-title rows
    1..title_rows repeat at the top of every later page. A span taller than a page breaks where the rows fall.
    """
    spans: dict[int, int] = {}
    for first, last in sorted(keep):  # overlapping spans (a heading and its first table) merge
        start = next((f for f, end in spans.items() if f <= first <= end), first)
        spans[start] = max(spans.get(start, last), last)
    titles = sum(heights[:title_rows])
    breaks, used, row = [], 0.0, 1
    while row <= len(heights):
        last = spans.get(row, row)
        if sum(heights[row - 1 : last]) > page - titles:
            last = row
        block = sum(heights[row - 1 : last])
        if used + block > page and used > titles:
            breaks.append(row - 1)
            used = titles
        used += block
        row = last + 1
    return breaks


def cache_blank_results(xml: bytes, expected: int) -> bytes:
    """Give each formula cell the cached value it has on the blank form: the empty text its IF(COUNT(…)=0,"",…)
    returns. openpyxl cannot compute and writes an empty numeric <v/>, which previewers that do not recalculate
    show as blank or 0 by whim; a typed empty string is what Excel itself stores for "" (Excel and LibreOffice
    still recalculate on opening: openpyxl marks the workbook fullCalcOnLoad)."""
    xml, n = re.subn(
        rb'<c r="([A-Z]+[0-9]+)"( s="[0-9]+")?><f>([^<]*)</f><v\s*(?:/>|>\s*</v>)',
        rb'<c r="\1"\2 t="str"><f>\3</f><v></v>',
        xml,
    )
    if n != expected:
        raise ValueError(f"{SHEET}: {n} formula cells given a cached value, expected {expected}")
    return xml
