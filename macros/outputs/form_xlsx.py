# Renders a table-shaped form template as an Excel workbook (openpyxl): headers, widths, blank rows, a totals
# row that stays blank until numbers are typed, number checks and drop-down lists, and an A4 print set-up whose
# page breaks never part a heading from its block.
from __future__ import annotations

import contextlib
import io
import math

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.pagebreak import Break

from macros.data.models import Form, FormTable
from macros.outputs import xlsx_print
from macros.outputs.form_model import FormMeta
from macros.outputs.packaging import reproducible_zip
from macros.views import language
from macros.views.form_layout import bracket_break, colon, display_width, field_rows

FACES = {"zh": ("宋体", "黑体"), "en": ("Arial", "Arial")}  # (body, heading)
THIN = Side(style="thin", color="000000")
GRID = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)
UNDERLINE = Border(bottom=THIN)
HEADER_FILL = PatternFill("solid", fgColor="E7E6E6")
NUMBER_FORMATS = {"integer": "0", "decimal": "0.00"}
DEFAULT_WIDTH = 12  # Excel column width units (about one Latin character each; a Chinese character takes two)
GAP = 10  # points: the empty row between two parts


class _Sheet:
    """Writes one form into the active sheet, row by row, remembering where each part landed."""

    def __init__(self, form: Form, meta: FormMeta, lang: str):
        self.form, self.meta, self.lang = form, meta, lang
        self.book = Workbook()
        self.ws = self.book.active
        self.ws.title = _sheet_title(language.plain(form.title, lang))
        self.body_face, self.heading_face = FACES[lang]
        self.ncols = max([len(t.columns) for s in form.sections for t in s.tables] + [4])
        self.widths = self._column_widths()
        self.row = 1
        self.title_row = 1
        self.last_written = 0  # the last row with text
        self.keep: list[tuple[int, int]] = []  # (first, last) row spans that must not be parted by a page break
        self.totals: list[str] = []  # coordinates of the totals formulas

    def t(self, value) -> str:
        return language.plain(value, self.lang)

    def font(self, *, heading: bool = False, size: float = 11, bold: bool = False) -> Font:
        return Font(name=self.heading_face if heading else self.body_face, size=size, bold=bold)

    def _column_widths(self) -> list[int]:
        widths = [DEFAULT_WIDTH] * self.ncols
        for section in self.form.sections:
            for table in section.tables:
                for i, column in enumerate(table.columns):
                    widths[i] = max(widths[i], column.width or DEFAULT_WIDTH)
        return widths

    # ---------------------------------------------------------------- writing helpers

    def merged(
        self,
        content: str,
        first: int = 1,
        last: int | None = None,
        *,
        font: Font | None = None,
        align: str = "left",
        height: float | None = None,
        border: Border | None = None,
        wrap: bool = True,
    ):
        """Write `content` in one row across columns first..last (merged) and move to the next row."""
        last = last or self.ncols
        cell = self.ws.cell(row=self.row, column=first, value=content or None)
        cell.font = font or self.font()
        cell.alignment = Alignment(horizontal=align, vertical="center", wrap_text=wrap)
        if border:
            for col in range(first, last + 1):
                self.ws.cell(row=self.row, column=col).border = border
        if last > first:
            self.ws.merge_cells(start_row=self.row, start_column=first, end_row=self.row, end_column=last)
        # Every row gets its height here: a row left to the application would be sized by LibreOffice and Excel
        # differently, and the page breaks below are planned from these heights.
        self.ws.row_dimensions[self.row].height = height or round(cell.font.sz * 1.45 + 5, 1)
        if content:
            self.last_written = self.row
        self.row += 1
        return cell

    def gap(self):
        """An empty row between two parts."""
        self.ws.row_dimensions[self.row].height = GAP
        self.row += 1

    @contextlib.contextmanager
    def together(self):
        """Rows written inside stay on one page: a heading with its block, the signature block."""
        first = self.row
        yield
        if self.row - 1 > first:
            self.keep.append((first, self.row - 1))

    def wrapped_height(self, content: str, first: int = 1, last: int | None = None, size: float = 11) -> float:
        """Row height that shows wrapped text whole (Excel does not grow merged rows by itself)."""
        span = sum(self.widths[first - 1 : (last or self.ncols)])
        lines = sum(max(1, math.ceil(display_width(part) * 1.1 / max(span, 1))) for part in content.split("\n"))
        return round(lines * size * 1.45 + 4, 1)

    def column_heading(self, label: str, width: int) -> str:
        """A heading too wide for its column breaks before its bracket: "应支付考核费用\n（万元）", never "（万\n元）"."""
        split = bracket_break(label)
        if split and display_width(label) * 1.1 > width - 1:
            return "\n".join(split)
        return label

    # ---------------------------------------------------------------- parts of the form

    def heading_block(self):
        self.merged(self.meta.attachment_label(self.lang), font=self.font(heading=True, size=14))
        if self.lang != language.DEFAULT_LANG:
            banner = language.label("form_reference_banner", self.lang) % self.meta.doc_number
            self.merged(
                banner, font=self.font(bold=True, size=10), height=self.wrapped_height(banner, size=10), border=GRID
            )
        self.merged(self.t(self.form.title), font=self.font(heading=True, size=18), align="center", height=34)
        if self.form.subtitle:
            self.merged(self.t(self.form.subtitle), font=self.font(heading=True, size=14), align="center")
        self.title_row = self.row - 1

    def header_fields(self):
        for fields in field_rows(self.form.header_fields):
            spans = _split(self.ncols, len(fields))
            col = 1
            for f, span in zip(fields, spans):
                label = self.ws.cell(row=self.row, column=col, value=self.t(f.label))
                label.font = self.font(heading=True)
                label.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
                for c in range(col, col + span):
                    self.ws.cell(row=self.row, column=c).border = GRID
                if span > 2:
                    self.ws.merge_cells(
                        start_row=self.row, start_column=col + 1, end_row=self.row, end_column=col + span - 1
                    )
                col += span
            self.ws.row_dimensions[self.row].height = 28
            self.row += 1

    def table(self, spec: FormTable):
        with self.together():  # a table is short: kept whole with its title
            self._table(spec)
        self.gap()

    def _table(self, spec: FormTable):
        n = len(spec.columns)
        if spec.title:
            self.merged(self.t(spec.title), 1, n, font=self.font(heading=True, size=12), border=GRID, height=24)
        header_row = self.row
        labels = [self.column_heading(self.t(c.label), self.widths[i]) for i, c in enumerate(spec.columns)]
        height = max(self.wrapped_height(label, i + 1, i + 1) for i, label in enumerate(labels))
        for i in range(1, len(spec.columns) + 1):
            cell = self.ws.cell(row=self.row, column=i, value=labels[i - 1])
            cell.font = self.font(
                heading=True, bold=not language.is_cjk(self.lang)
            )  # a CJK heading is set in 黑体, not in bold
            cell.fill = HEADER_FILL
            cell.border = GRID
            cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
        self.ws.row_dimensions[header_row].height = max(height, 30)
        self.row += 1
        first = self.row
        for _ in range(spec.blank_rows):
            for i, column in enumerate(spec.columns, start=1):
                cell = self.ws.cell(row=self.row, column=i)
                cell.border = GRID
                cell.font = self.font()
                cell.alignment = Alignment(
                    vertical="center", wrap_text=True, horizontal="right" if column.kind != "text" else "left"
                )
                if column.kind in NUMBER_FORMATS:
                    cell.number_format = NUMBER_FORMATS[column.kind]
            self.ws.row_dimensions[self.row].height = 22
            self.row += 1
        last = self.row - 1
        if spec.row_note:
            self.merged(self.t(spec.row_note), 1, n, align="center", border=GRID, height=20)
            # The sums run through the （可加行） row: rows inserted above it fall inside the range and are counted.
            last = self.row - 1
        self._number_checks(spec, first, last)
        self._choice_lists(spec, first, last)
        if spec.totals:
            label = self.ws.cell(row=self.row, column=1, value=self.t(spec.totals))
            label.font = self.font(heading=True)
            label.alignment = Alignment(horizontal="center", vertical="center")
            for i, column in enumerate(spec.columns, start=1):
                cell = self.ws.cell(row=self.row, column=i)
                cell.border = GRID
                if column.total:
                    letter = get_column_letter(i)
                    cells = f"{letter}{first}:{letter}{last}"
                    # Blank until a number is typed, so the printed blank form shows no 0 to cross out.
                    cell.value = f'=IF(COUNT({cells})=0,"",SUM({cells}))'
                    self.totals.append(cell.coordinate)
                    cell.number_format = NUMBER_FORMATS[column.kind]
                    cell.font = self.font(bold=True)
                    cell.alignment = Alignment(horizontal="right", vertical="center")
            self.ws.row_dimensions[self.row].height = 22
            self.row += 1
        self.last_written = self.row - 1

    def _number_checks(self, spec: FormTable, first: int, last: int):
        for i, column in enumerate(spec.columns, start=1):
            if column.kind == "text" or last < first:
                continue
            check = DataValidation(
                type="whole" if column.kind == "integer" else "decimal",
                operator="greaterThanOrEqual",
                formula1="0",
                allow_blank=True,
                showErrorMessage=True,
                errorTitle=language.label("xlsx_number_title", self.lang),
                error=language.label(f"xlsx_number_{column.kind}", self.lang),
            )
            letter = get_column_letter(i)
            check.add(f"{letter}{first}:{letter}{last}")
            self.ws.add_data_validation(check)

    def _choice_lists(self, spec: FormTable, first: int, last: int):
        """A drop-down list where the form names the answers (the FormTable model keeps each list within Excel's limits)."""
        for i, column in enumerate(spec.columns, start=1):
            if not column.choices or last < first:
                continue
            choices = ",".join(self.t(c) for c in column.choices)
            check = DataValidation(
                type="list",
                formula1=f'"{choices}"',
                allow_blank=True,
                showErrorMessage=True,
                errorTitle=language.label("xlsx_choice_title", self.lang),
                error=language.label("xlsx_choice_error", self.lang),
            )
            letter = get_column_letter(i)
            check.add(f"{letter}{first}:{letter}{last}")
            self.ws.add_data_validation(check)

    def section(self, section):
        before, head = self.last_written, self.row
        if section.heading:
            self.merged(self.t(section.heading), font=self.font(heading=True, size=12), height=22)
        if section.note:
            note = self.t(section.note)
            self.merged(note, height=self.wrapped_height(note))
        blocks = (
            [
                lambda f=f: self.merged(f"{self.t(f.label)}{colon(self.lang)}", border=UNDERLINE, height=22)
                for f in section.fields
            ]
            + [lambda spec=spec: self.table(spec) for spec in section.tables]
            + [lambda n=n, item=item: self.item(n, item) for n, item in enumerate(section.items, start=1)]
        )
        for n, write in enumerate(blocks):
            write()
            if n == 0 and self.row > head + 1:  # the heading and note go with the first block
                self.keep.append((head, self.row - 1))
        for _ in range(section.blank_lines):
            self.merged("", border=UNDERLINE, height=22)
        if not blocks and not section.blank_lines and self.row > head and before:
            self.keep.append((before, self.row - 1))  # a heading with nothing under it: with the block above

    def item(self, number: int, item):
        with self.together():  # an item with its lines to write on
            prompt = f"{number}. {self.t(item.text)}"
            self.merged(prompt, height=self.wrapped_height(prompt))
            for line in item.items:
                self.merged(self.t(line), 2)
            if item.note:
                self.merged(self.t(item.note), 2)
            for _ in range(item.blank_lines):
                self.merged("", 2, border=UNDERLINE, height=22)

    def signature(self):
        sig = self.form.signature
        if sig is None:
            return
        with self.together():  # 院校意见 and 签名 / 盖章 / 日期 on one page
            if sig.heading:
                self.merged(
                    f"{self.t(sig.heading)}{colon(self.lang)}", font=self.font(heading=True, size=12), height=22
                )
            for _ in range(sig.blank_lines):
                self.ws.row_dimensions[self.row].height = 22
                self.row += 1
            label_col = max(1, self.ncols - 2)
            for line in sig.lines:
                cell = self.ws.cell(row=self.row, column=label_col, value=f"{self.t(line)}{colon(self.lang)}")
                cell.font = self.font(heading=True)
                cell.alignment = Alignment(horizontal="right", vertical="bottom")
                for col in range(label_col + 1, self.ncols + 1):
                    self.ws.cell(row=self.row, column=col).border = UNDERLINE
                if self.ncols > label_col + 1:
                    self.ws.merge_cells(
                        start_row=self.row, start_column=label_col + 1, end_row=self.row, end_column=self.ncols
                    )
                self.ws.row_dimensions[self.row].height = 26
                self.last_written = self.row
                self.row += 1
        self.gap()

    def filling_notes(self):
        if not self.form.filling_notes:
            return
        with self.together():  # the notes are short: all on one page
            self.merged(f"{language.label('filling_notes', self.lang)}{colon(self.lang)}", font=self.font(heading=True))
            for number, note in enumerate(self.form.filling_notes, start=1):
                content = f"{number}. {self.t(note)}"
                self.merged(content, font=self.font(size=10), height=self.wrapped_height(content, size=10))

    def print_setup(self):
        ws = self.ws
        for i, width in enumerate(self.widths, start=1):
            ws.column_dimensions[get_column_letter(i)].width = width
        ws.page_setup.paperSize = xlsx_print.PAPER_A4
        ws.page_setup.orientation = self.form.orientation
        # A fixed scale, not fit-to-width: Excel ignores manual page breaks on a sheet set to fit to pages.
        scale = xlsx_print.print_scale(self.widths, self.form.orientation)
        ws.page_setup.scale = scale
        ws.print_options.horizontalCentered = True
        for side, inches in xlsx_print.MARGINS.items():
            setattr(ws.page_margins, side, inches)
        last_row = max(self.row - 1, 1)
        ws.print_title_rows = f"1:{self.title_row}"
        ws.print_area = f"A1:{get_column_letter(self.ncols)}{last_row}"
        ws.oddFooter.center.text = "&P / &N"
        ws.oddFooter.center.size = 11
        ws.sheet_view.showGridLines = False
        body = xlsx_print.page_body(self.form.orientation, scale)
        for row in xlsx_print.plan_breaks(self.row_heights(last_row), self.keep, self.title_row, body):
            ws.row_breaks.append(Break(id=row))

    def row_heights(self, last_row: int) -> list[float]:
        """Height in points of rows 1..last_row (every row is given one; 15 is the default of an untouched row)."""
        return [self.ws.row_dimensions[r].height or 15 for r in range(1, last_row + 1)]

    def properties(self):
        props = self.book.properties
        props.title = self.t(self.form.title)
        props.subject = f"{self.meta.doc_number} {self.meta.attachment_label(self.lang)} · {self.meta.issuer}"
        props.creator = language.label("form_file_author", self.lang)  # the portal made the file, not the issuer
        props.lastModifiedBy = ""
        props.description = language.label("form_file_comment", self.lang) % self.meta.doc_number
        props.keywords = "1+X"
        props.language = language.PROPERTIES[self.lang].office_tag
        props.created = self.meta.created
        props.modified = self.meta.modified

    def build(self) -> bytes:
        self.heading_block()
        self.header_fields()
        self.gap()
        for section in self.form.sections:
            self.section(section)
        self.signature()
        self.filling_notes()
        self.print_setup()
        self.properties()
        buffer = io.BytesIO()
        self.book.save(buffer)
        return reproducible_zip(
            buffer.getvalue(),
            self.meta.created,
            self.meta.modified,
            application=language.label("form_file_application", self.lang),
            edits={xlsx_print.SHEET: lambda xml: xlsx_print.cache_blank_results(xml, len(self.totals))},
        )


def form_xlsx(form: Form, meta: FormMeta, lang: str = language.DEFAULT_LANG) -> bytes:
    """The form as an .xlsx workbook in `lang` (one sheet; Chinese is the file to submit)."""
    return _Sheet(form, meta, lang).build()


def _split(total: int, parts: int) -> list[int]:
    """Share `total` columns among `parts` fields, the first ones taking the remainder."""
    base, extra = divmod(total, parts)
    return [base + (1 if i < extra else 0) for i in range(parts)]


def _sheet_title(title: str) -> str:
    cleaned = "".join(" " if ch in "[]:*?/\\" else ch for ch in title)
    return cleaned[:31]
