# Renders a form template as an A4 Word document (python-docx) in Chinese official typography: 黑体 headings,
# 仿宋 body, East Asian fonts set on every run so Word and WPS do not fall back to a Latin face; headings keep
# with their blocks, numbered items hang, and the file says the portal made it.
from __future__ import annotations

import io
from dataclasses import dataclass

from docx import Document
from docx.enum.section import WD_ORIENT
from docx.enum.table import WD_CELL_VERTICAL_ALIGNMENT, WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING, WD_TAB_ALIGNMENT, WD_TAB_LEADER
from docx.shared import Emu, Mm, Pt
from docx.text.paragraph import Paragraph

from macros.data.models import Form, FormField, FormItem, FormSection, FormTable
from macros.outputs import docx_xml
from macros.outputs.form_model import FormMeta
from macros.outputs.packaging import reproducible_zip
from macros.views import language
from macros.views.form_layout import bracket_break, colon, display_width, field_rows, has_tables


@dataclass(frozen=True)
class Fonts:
    """Font faces per role: East Asian faces for Chinese characters, Latin faces for the rest."""

    body: str
    heading: str
    latin_body: str
    latin_heading: str


FONTS = {
    "zh": Fonts(body="仿宋", heading="黑体", latin_body="Times New Roman", latin_heading="Times New Roman"),
    "en": Fonts(body="仿宋", heading="黑体", latin_body="Times New Roman", latin_heading="Arial"),
}
# Chinese size names: 小二 18 pt, 三号 16 pt, 四号 14 pt, 小四 12 pt, 五号 10.5 pt.
SIZE_TITLE, SIZE_LABEL, SIZE_HEADING, SIZE_BODY, SIZE_TABLE, SIZE_NOTE = 18, 16, 14, 14, 11, 10.5
A4 = (Mm(210), Mm(297))
LINE_TO_WRITE = Pt(28)  # height of a ruled line to write on
CELL_PADDING = 5.4  # points: Word's default left and right cell margin (0.19 cm)
SIZE_WRITE = 21  # points: the size of the tab that draws a ruled line inside a paragraph (about 28 pt tall)


class _Writer:
    """Appends the parts of one form to a python-docx Document in one language."""

    def __init__(self, form: Form, meta: FormMeta, lang: str):
        self.form, self.meta, self.lang = form, meta, lang
        self.fonts = FONTS[lang]
        self.doc = Document()
        self.last: Paragraph | None = (
            None  # the last paragraph of the body: a heading with nothing under it keeps it company
        )
        self._page_setup()
        self._default_style()

    # ---------------------------------------------------------------- text helpers

    def t(self, value) -> str:
        return language.plain(value, self.lang)

    def run(self, paragraph, content: str, *, size: float, heading: bool = False, bold: bool = False):
        r = paragraph.add_run(content)
        r.font.size = Pt(size)
        r.bold = bold
        docx_xml.set_fonts(
            r._element,
            self.fonts.heading if heading else self.fonts.body,
            self.fonts.latin_heading if heading else self.fonts.latin_body,
        )
        return r

    def paragraph(
        self,
        content: str = "",
        *,
        size: float = SIZE_BODY,
        heading: bool = False,
        bold: bool = False,
        align=None,
        before: float = 0,
        after: float = 0,
        container=None,
        keep_with_next: bool = False,
        indent_first: float | None = None,
        indent_left: float | None = None,
        hanging: float | None = None,
    ):
        """A paragraph; with `hanging`, content "1.\ttext" hangs: wrapped lines align with the text, not the number."""
        p = (container or self.doc).add_paragraph()
        fmt = p.paragraph_format
        fmt.space_before, fmt.space_after = Pt(before), Pt(after)
        fmt.keep_with_next = keep_with_next
        if align is not None:
            p.alignment = align
        if indent_first is not None:
            fmt.first_line_indent = Pt(indent_first)
        if indent_left is not None:
            fmt.left_indent = Pt(indent_left)
        if hanging is not None:
            fmt.left_indent = Pt((indent_left or 0) + hanging)
            fmt.first_line_indent = Pt(-hanging)
            # The tab after the number goes to the text's indent (LibreOffice needs the stop; Word implies it).
            fmt.tab_stops.add_tab_stop(Pt((indent_left or 0) + hanging))
        if content:
            self.run(p, content, size=size, heading=heading, bold=bold)
        if not container:
            self.last = p
        return p

    def ruled_line(self, label: str = "", *, size: float = SIZE_BODY, indent_left: float = 0, container=None):
        """A line to write on: the label, then an underscore tab leader to the right margin."""
        p = self.paragraph(label, size=size, indent_left=indent_left, container=container)
        fmt = p.paragraph_format
        fmt.line_spacing_rule = WD_LINE_SPACING.EXACTLY
        fmt.line_spacing = LINE_TO_WRITE
        fmt.tab_stops.add_tab_stop(self.text_width, WD_TAB_ALIGNMENT.RIGHT, WD_TAB_LEADER.LINES)
        self.run(p, "", size=size).add_tab()
        return p

    # ---------------------------------------------------------------- page

    def _page_setup(self):
        section = self.doc.sections[0]
        width, height = A4
        landscape = self.form.orientation == "landscape"
        section.orientation = WD_ORIENT.LANDSCAPE if landscape else WD_ORIENT.PORTRAIT
        section.page_width, section.page_height = (height, width) if landscape else (width, height)
        section.top_margin, section.bottom_margin = (Mm(20), Mm(20)) if landscape else (Mm(30), Mm(25))
        section.left_margin = section.right_margin = Mm(25) if landscape else Mm(26)
        section.header_distance = section.footer_distance = Mm(12)
        self.text_width = Emu(section.page_width - section.left_margin - section.right_margin)

    def _default_style(self):
        normal = self.doc.styles["Normal"]
        normal.font.size = Pt(SIZE_BODY)
        normal.paragraph_format.keep_together = True  # a wrapped prompt or note is never split across two pages
        docx_xml.set_fonts(normal.element, self.fonts.body, self.fonts.latin_body)
        docx_xml.document_defaults(
            self.doc.styles.element, self.fonts.body, self.fonts.latin_body, language.PROPERTIES[self.lang].word_tag
        )

    def footer(self):
        """Page number in the official style (— 1 —); the English file also says what it is on every page."""
        section = self.doc.sections[0]
        if self.lang != language.DEFAULT_LANG:
            head = section.header.paragraphs[0]
            head.alignment = WD_ALIGN_PARAGRAPH.CENTER
            self.run(
                head,
                f"{language.label('form_reference_header', self.lang)} · {self.meta.doc_number} "
                f"{self.meta.attachment_label(self.lang)}",
                size=9,
            )
        foot = section.footer.paragraphs[0]
        foot.alignment = WD_ALIGN_PARAGRAPH.CENTER
        self.run(foot, "— ", size=SIZE_NOTE)
        docx_xml.page_number(foot, self.fonts.body, self.fonts.latin_body)
        self.run(foot, " —", size=SIZE_NOTE)

    # ---------------------------------------------------------------- parts of the form

    def heading_block(self):
        self.paragraph(self.meta.attachment_label(self.lang), size=SIZE_LABEL, heading=True, after=6)
        if self.lang != language.DEFAULT_LANG:
            box = self.paragraph(
                language.label("form_reference_banner", self.lang) % self.meta.doc_number,
                size=SIZE_NOTE,
                bold=True,
                after=6,
            )
            docx_xml.box(box)
        title = self.paragraph(
            self.t(self.form.title),
            size=SIZE_TITLE,
            heading=True,
            align=WD_ALIGN_PARAGRAPH.CENTER,
            before=6,
            after=0 if self.form.subtitle else 12,
        )
        title.paragraph_format.keep_with_next = True
        if self.form.subtitle:
            self.paragraph(
                self.t(self.form.subtitle), size=SIZE_HEADING, heading=True, align=WD_ALIGN_PARAGRAPH.CENTER, after=12
            )

    def header_fields(self):
        fields = self.form.header_fields
        if not fields:
            return
        if has_tables(self.form):
            self.field_grid(fields)
        else:
            for f in fields:
                self.ruled_line(f"{self.t(f.label)}{colon(self.lang)}", size=SIZE_BODY)
            self.paragraph(after=6)

    def field_grid(self, fields: list[FormField]):
        """Labelled blanks as a ruled table, fields marked same_row sharing a row (院校试点负责人 | 联系电话)."""
        rows = field_rows(fields)
        per_row = max(len(r) for r in rows)
        table = self.doc.add_table(rows=len(rows), cols=2 * per_row)
        self._table_frame(table)
        label_w = int(self.text_width * 0.16)
        value_w = int((self.text_width - per_row * label_w) / per_row)
        docx_xml.column_widths(table, [label_w, value_w] * per_row)
        for r, row_fields in enumerate(rows):
            cells = table.rows[r].cells
            docx_xml.row_height(table.rows[r], Mm(10))
            for i, f in enumerate(row_fields):
                self.cell_text(cells[2 * i], self.t(f.label), heading=True)
            last = 2 * len(row_fields) - 1
            if last < 2 * per_row - 1:  # a lone field's blank spans the rest of the row
                cells[last].merge(cells[2 * per_row - 1])
        self.paragraph(after=4)

    def cell_text(
        self, cell, content: str, *, heading: bool = False, align=WD_ALIGN_PARAGRAPH.CENTER, size: float = SIZE_TABLE
    ):
        p = cell.paragraphs[0]
        p.alignment = align
        p.paragraph_format.space_before = p.paragraph_format.space_after = Pt(0)
        if content:
            self.run(p, content, size=size, heading=heading)
        cell.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.CENTER

    @staticmethod
    def column_heading(label: str, width: float) -> str:
        """A heading too wide for its column (points) breaks before its bracket: never "（万" / "元）"."""
        split = bracket_break(label)
        fits = display_width(label) * SIZE_TABLE / 2 <= width - 2 * CELL_PADDING
        return label if fits or not split else "\n".join(split)

    def _table_frame(self, table):
        table.style = self.doc.styles["Table Grid"]
        table.alignment = WD_TABLE_ALIGNMENT.CENTER
        table.autofit = False

    def table(self, spec: FormTable):
        if spec.title:
            self.paragraph(
                self.t(spec.title), size=SIZE_HEADING - 2, heading=True, before=6, after=4, keep_with_next=True
            )
        cols = spec.columns
        extra = (1 if spec.row_note else 0) + (1 if spec.totals else 0)
        table = self.doc.add_table(rows=1 + spec.blank_rows + extra, cols=len(cols))
        self._table_frame(table)
        weights = [c.width or 10 for c in cols]
        widths = [int(self.text_width * w / sum(weights)) for w in weights]
        docx_xml.column_widths(table, widths)
        header = table.rows[0]
        docx_xml.repeat_as_header(header)
        for cell, column, width in zip(header.cells, cols, widths):
            self.cell_text(cell, self.column_heading(self.t(column.label), Emu(width).pt), heading=True)
            docx_xml.shade(cell, "E7E6E6")
        for r in range(1, 1 + spec.blank_rows):
            docx_xml.row_height(table.rows[r], Mm(7.5))
        r = 1 + spec.blank_rows
        if spec.row_note:
            note_row = table.rows[r]
            docx_xml.row_height(note_row, Mm(7))
            merged = note_row.cells[0].merge(note_row.cells[-1]) if len(cols) > 1 else note_row.cells[0]
            self.cell_text(merged, self.t(spec.row_note))
            r += 1
        if spec.totals:
            totals_row = table.rows[r]
            docx_xml.row_height(totals_row, Mm(7.5))
            self.cell_text(totals_row.cells[0], self.t(spec.totals), heading=True)
        docx_xml.keep_together(table)
        self.paragraph(after=4)

    # Each block (a numbered item with its lines, a heading with its note, the signature) is ONE paragraph whose
    # lines are joined by line breaks and kept together, and a heading keeps with the block after it. LibreOffice
    # honours "keep with next" one paragraph deep only: a chain (prompt → line → line) still parts at a page
    # break, as the pilot plan's 三、2 did; one kept paragraph does not.

    def item(self, number: int, item: FormItem, count: int):
        """A numbered prompt hanging after its number, its sub-lines and its lines to write on."""
        size = SIZE_BODY
        hang = _hang(count, size)
        p = self.paragraph(f"{number}.\t{self.t(item.text)}", size=size, indent_left=2 * size, hanging=hang, before=3)
        for line in item.items + ([item.note] if item.note else []):
            self.run(p, f"\n{self.t(line)}", size=size)
        self.write_on(p, item.blank_lines)

    def write_on(self, p, lines: int):
        """Add `lines` ruled lines to paragraph p: a tab whose underscore leader runs to the right margin, set in a
        large size so that the line is as tall as a line to write on while the prompt above keeps single spacing."""
        if not lines:
            return
        p.paragraph_format.tab_stops.add_tab_stop(self.text_width, WD_TAB_ALIGNMENT.RIGHT, WD_TAB_LEADER.LINES)
        for n in range(lines):
            self.run(p, "\t" if n == 0 and not p.text else "\n\t", size=SIZE_WRITE)

    def section(self, section: FormSection):
        body = bool(section.fields or section.tables or section.items or section.blank_lines)
        if section.heading:
            if not body and self.last is not None:  # a heading alone (七、试点合作协议): it goes with the line above
                # (Word honours this; LibreOffice 7.4 may still leave such a heading at the top of a page when the
                # page is full exactly before it: the real data does not hit that, and tests/outputs/test_form_print.py
                # checks every file the data makes.)
                self.last.paragraph_format.keep_with_next = True
            head = self.paragraph(
                self.t(section.heading), size=SIZE_HEADING, heading=True, before=10, after=4, keep_with_next=body
            )
            if section.note:  # on the heading's next line, indented two characters like a paragraph
                head.paragraph_format.tab_stops.add_tab_stop(Pt(2 * SIZE_BODY))
                self.run(head, f"\n\t{self.t(section.note)}", size=SIZE_BODY)
        elif section.note:
            self.paragraph(self.t(section.note), size=SIZE_BODY, indent_first=2 * SIZE_BODY, keep_with_next=body)
        for f in section.fields:
            self.ruled_line(f"{self.t(f.label)}{colon(self.lang)}")
        for spec in section.tables:
            self.table(spec)
        for n, item in enumerate(section.items, start=1):
            self.item(n, item, len(section.items))
        if section.blank_lines:
            self.write_on(self.paragraph(), section.blank_lines)

    def signature(self):
        """院校意见, room for the opinion, then 签名 / 盖章 / 日期 lines from 55 % of the width: one kept paragraph."""
        sig = self.form.signature
        if sig is None:
            return
        size = SIZE_HEADING - 2
        p = self.paragraph(size=size, before=8)
        fmt = p.paragraph_format
        fmt.line_spacing_rule = WD_LINE_SPACING.EXACTLY
        fmt.line_spacing = LINE_TO_WRITE
        fmt.tab_stops.add_tab_stop(Emu(int(self.text_width * 0.55)))
        fmt.tab_stops.add_tab_stop(self.text_width, WD_TAB_ALIGNMENT.RIGHT, WD_TAB_LEADER.LINES)
        if sig.heading:
            self.run(
                p, f"{self.t(sig.heading)}{colon(self.lang)}" + "\n" * (sig.blank_lines + 1), size=size, heading=True
            )
        self.run(p, "\n".join(f"\t{self.t(line)}{colon(self.lang)}\t" for line in sig.lines), size=size)

    def filling_notes(self):
        if not self.form.filling_notes:
            return
        self.paragraph(
            f"{language.label('filling_notes', self.lang)}{colon(self.lang)}",
            size=SIZE_TABLE + 1,
            heading=True,
            before=12,
            after=2,
            keep_with_next=True,
        )
        count = len(self.form.filling_notes)
        for n, note in enumerate(self.form.filling_notes, start=1):
            self.paragraph(f"{n}.\t{self.t(note)}", size=SIZE_NOTE, hanging=_hang(count, SIZE_NOTE), after=1)

    def properties(self):
        props = self.doc.core_properties
        props.title = docx_xml.fit_property(self.t(self.form.title))
        props.subject = docx_xml.fit_property(
            f"{self.meta.doc_number} {self.meta.attachment_label(self.lang)} · {self.meta.issuer}"
        )
        props.author = language.label("form_file_author", self.lang)  # the portal made the file, not the issuer
        props.last_modified_by = ""
        props.comments = docx_xml.fit_property(language.label("form_file_comment", self.lang) % self.meta.doc_number)
        props.keywords = "1+X"
        props.language = language.PROPERTIES[self.lang].office_tag
        props.revision = 1
        props.created = self.meta.created
        props.modified = self.meta.modified  # and no print date: nobody printed it
        docx_xml.drop_thumbnail(self.doc.part.package)

    def build(self) -> bytes:
        self.heading_block()
        self.header_fields()
        for section in self.form.sections:
            self.section(section)
        self.signature()
        self.filling_notes()
        self.footer()
        self.properties()
        buffer = io.BytesIO()
        self.doc.save(buffer)
        return reproducible_zip(
            buffer.getvalue(),
            self.meta.created,
            self.meta.modified,
            application=language.label("form_file_application", self.lang),
        )


def form_docx(form: Form, meta: FormMeta, lang: str = language.DEFAULT_LANG) -> bytes:
    """The form as a .docx file in `lang` (Chinese: the file to submit; English: a reference translation)."""
    return _Writer(form, meta, lang).build()


def _hang(count: int, size: float) -> float:
    """How far numbered text hangs (points): room for the widest number and its full stop, and a half-em gap."""
    return size * (0.5 * (len(str(count)) + 1) + 0.5)
