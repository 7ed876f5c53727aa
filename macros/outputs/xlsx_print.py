# Print helpers of the Excel forms that openpyxl lacks: the A4 page and its scale, manual page breaks planned from
# the row heights so that no heading is parted from its block, and the cached values of the blank form's totals.
from __future__ import annotations

import math
import re

SHEET = "xl/worksheets/sheet1.xml"
PAPER_A4 = 9  # SpreadsheetML paper size code
A4_POINTS = (595, 842)  # (short, long) side
# Inches. The footer (page numbers, 11 pt) sits between 0.3″ and about 0.5″ from the bottom edge, inside the 0.75″
# bottom margin, so it is printed whole and clear of the last row.
MARGINS = {"left": 0.5, "right": 0.5, "top": 0.6, "bottom": 0.75, "header": 0.3, "footer": 0.3}
# A width unit is a digit of the workbook's default font: 5.25 pt in Excel (Calibri 11), 7 pt in a LibreOffice
# without Calibri's metric twin Carlito (it falls back to DejaVu Sans). The scale is planned for the wider, so that
# no column falls off the page in either.
POINTS_PER_WIDTH_UNIT = 7.0
PAGE_FILL = 0.96  # share of a page the break planner fills: a margin for the applications' rounding of row heights


def _page(orientation: str) -> tuple[float, float]:
    """(width, height) of the A4 page in points."""
    return A4_POINTS if orientation == "portrait" else (A4_POINTS[1], A4_POINTS[0])


def print_scale(widths: list[int], orientation: str) -> int:
    """Percent at which the columns (in width units) fit across the page between the margins (100 at most)."""
    printable = _page(orientation)[0] - (MARGINS["left"] + MARGINS["right"]) * 72
    return min(100, math.floor(100 * printable / (sum(widths) * POINTS_PER_WIDTH_UNIT * 1.03)))


def page_body(orientation: str, scale: int) -> float:
    """Height in (unscaled) row points that the break planner fills on one page at `scale` percent."""
    return (_page(orientation)[1] - (MARGINS["top"] + MARGINS["bottom"]) * 72) * PAGE_FILL * 100 / scale


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
