# The forms as they print: every generated DOCX and XLSX (both languages) is converted to PDF by LibreOffice
# headless and its pages read back with pdftotext (words with their boxes), to check that headings stay with their
# blocks, the signature block is whole, page numbers sit inside the page, blank totals print blank, units in
# brackets never break, numbered items hang; plus the drop-down lists and the files' properties.
from __future__ import annotations

import datetime as dt
import html
import io
import re
import subprocess
import zipfile
from dataclasses import dataclass
from pathlib import Path

import openpyxl
import pytest

from macros.data.models import Form
from macros.outputs import form_files, form_model
from macros.outputs.form_model import FormMeta
from macros.outputs.xlsx_print import SHEET, plan_breaks
from macros.views import form_layout, language
from macros.views.form_layout import bracket_break
from tests.support.html import nows as _nows
from tests.support.html import text_in as _value
from tests.support.office import PDFTOTEXT, SOFFICE, soffice

LANGS = language.LANGS
RULED = re.compile(r"^_{8,}$")  # a line to write on: an underscore tab leader
MAX_KEPT_LINES = 12  # an item with more lines to write on than this may run over a page: not checked


@dataclass(frozen=True)
class Line:
    """One printed line: its page (from 1), top and bottom edges, and words (x, text) left to right."""

    page: int
    top: float
    y: float  # bottom edge
    words: tuple[tuple[float, str], ...]

    @property
    def text(self) -> str:
        return "".join(w for _, w in self.words)  # without spaces: pdftotext spaces CJK and Latin apart


@dataclass(frozen=True)
class Printed:
    """A converted file: its lines in reading order, with running headers, print titles and footers set apart."""

    name: str
    body: list[Line]
    footers: list[Line]  # the last line of each page
    heights: list[float]  # page heights in points
    lowest_body: list[float]  # per page, the lowest bottom edge of a body word


def _read_pdf(pdf: Path) -> Printed:
    out = subprocess.run([PDFTOTEXT, "-bbox", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    pages, heights = [], []
    for page in re.findall(r'<page width="[\d.]+" height="([\d.]+)">(.*?)</page>', out, re.S):
        heights.append(float(page[0]))
        words = [
            (float(y1), float(x0), float(y0), html.unescape(w))
            for x0, y0, y1, w in re.findall(
                r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)">(.*?)</word>', page[1]
            )
        ]
        lines: list[list] = []  # [top, bottom, words], words of one baseline (within 3 pt) together
        for bottom, x, top, word in sorted(words):
            if lines and bottom - lines[-1][1] <= 3:
                lines[-1][0] = min(lines[-1][0], top)
                lines[-1][1] = max(lines[-1][1], bottom)
                lines[-1][2].append((x, word))
            else:
                lines.append([top, bottom, [(x, word)]])
        pages.append([(top, bottom, tuple(sorted(ws))) for top, bottom, ws in lines])
    # What repeats at the top of every page (the English running header, the sheet's print titles) is not body.
    repeated = 0
    if len(pages) > 1:
        while (
            all(len(p) > repeated + 1 for p in pages)
            and len({"".join(w for _, w in p[repeated][2]) for p in pages}) == 1
        ):
            repeated += 1
    body, footers, lowest = [], [], []
    for number, page in enumerate(pages, start=1):
        footers.append(Line(number, *page[-1]))
        rest = page[repeated:-1]
        body += [Line(number, *line) for line in rest]
        lowest.append(max((bottom for _, bottom, _ in page[:-1]), default=0))
    return Printed(pdf.name, body, footers, heights, lowest)


@dataclass(frozen=True)
class Case:
    """One file to print: a form in one format and language."""

    form: Form
    fmt: str
    lang: str
    meta: FormMeta

    @property
    def name(self) -> str:
        return f"{self.form.id}-{self.lang}-{self.fmt}"

    def render(self) -> bytes:
        return form_files.render_file(self.form, self.meta, self.fmt, self.lang)


STRESS_META = FormMeta("测试〔2099〕1号", 1, "测试通知", "测试厅", dt.datetime(2099, 1, 1), dt.datetime(2099, 1, 1))


def _stress_plan(shift: int) -> Form:
    """A plan whose items (1 to 3 lines to write on) meet the page end at every offset as `shift` grows, ending
    with a heading that has nothing under it: what the real data happens not to hit, these do."""
    sections = [{"blank_lines": shift}] if shift else []
    sections.append(
        {
            "heading": {"zh": "第零部分", "en": "Part 0"},  # a prompt long enough to wrap
            "items": [{"text": {"zh": "请说明" + "本条目需要换行书写的内容、" * 6 + "并写明来源。"}}],
        }
    )
    sections += [
        {
            "heading": {"zh": f"第{i}部分", "en": f"Part {i}"},
            "items": [{"text": {"zh": f"条目{i}之{j}", "en": f"Item {i}.{j}"}, "blank_lines": j} for j in (1, 2, 3)],
        }
        for i in range(1, 6)
    ]
    sections.append({"heading": {"zh": "结尾部分", "en": "Final part"}})
    return Form.model_validate(
        {
            "id": f"stress-plan-{shift}",
            "notice": "stress",
            "attachment": 1,
            "title": {"zh": "测试方案"},
            "sections": sections,
            "updated": "2099-01-01",
        }
    )


def _stress_sheet(shift: int) -> Form:
    """A sheet whose table grows with `shift`, so that its signature block meets the page end at every offset."""
    table = {
        "title": {"zh": "测试表格"},
        "blank_rows": 8 + 2 * shift,
        "row_note": {"zh": "（可加行）"},
        "totals": {"zh": "合计"},
        "columns": [
            {"label": {"zh": "名称"}, "width": 40},
            {"label": {"zh": "数量（人）"}, "kind": "integer", "total": True, "width": 8},
            {"label": {"zh": "金额（万元）"}, "kind": "decimal", "total": True, "width": 8},
        ],
    }
    return Form.model_validate(
        {
            "id": f"stress-sheet-{shift}",
            "notice": "stress",
            "attachment": 1,
            "title": {"zh": "测试统计表"},
            "orientation": "landscape",
            "spreadsheet": True,
            "header_fields": [{"label": {"zh": "单位名称"}}],
            "sections": [{"tables": [table]}],
            "signature": {"heading": {"zh": "单位意见"}, "lines": [{"zh": "签名"}, {"zh": "盖章"}, {"zh": "日期"}]},
            "filling_notes": [{"zh": "第一条说明。"}, {"zh": "第二条说明。"}],
            "updated": "2099-01-01",
        }
    )


@pytest.fixture(scope="module")
def cases(portal) -> list[Case]:
    """Every file the data's forms offer, and the stress forms (Chinese only: the real files cover English)."""
    real = [
        Case(form, fmt, lang, form_model.form_meta(portal, form, lang))
        for form in portal.forms
        for fmt, lang in form_model.offered(form)
    ]
    stress = [Case(_stress_plan(shift), "docx", "zh", STRESS_META) for shift in range(6)]
    stress += [Case(_stress_sheet(shift), "xlsx", "zh", STRESS_META) for shift in range(8)]
    return real + stress


@pytest.fixture(scope="module")
def printed(cases, tmp_path_factory) -> dict[str, Printed]:
    """Every case as printed, by its name: one LibreOffice run converts them all."""
    if SOFFICE is None or PDFTOTEXT is None:
        pytest.fail("LibreOffice (soffice) and poppler-utils (pdftotext) are needed: run `make system-deps`")
    folder = tmp_path_factory.mktemp("print")
    for case in cases:
        (folder / f"{case.name}.{case.fmt}").write_bytes(case.render())
    names = sorted(f"{case.name}.{case.fmt}" for case in cases)
    result = soffice(["--convert-to", "pdf", "--outdir", str(folder / "pdf"), *names], folder / "profile", folder, 600)
    assert result.returncode == 0, result.stdout + result.stderr
    return {case.name: _read_pdf(folder / "pdf" / f"{case.name}.pdf") for case in cases}


def test_the_real_files_are_the_ones_the_build_writes(portal, cases):
    files = form_files.form_files(portal, None)
    real = {form_model.file_path(c.form, c.fmt, c.lang): c.render() for c in cases if c.form in portal.forms}
    assert real == files


def _locate(lines: list[Line], wanted: str, *, prefix: bool = False) -> list[tuple[int, int]]:
    """(first, last) indexes of each run of lines that together read `wanted` (a heading may wrap); with prefix,
    the run only has to start with it."""
    target, found = _nows(wanted), []
    for i in range(len(lines)):
        joined, j = "", i
        while j < len(lines) and len(joined) < len(target):
            joined += lines[j].text
            if not (target.startswith(joined) or (prefix and joined.startswith(target))):
                break
            j += 1
        if joined == target or (prefix and joined.startswith(target)):
            found.append((i, j - 1))
    return found


def _headings(form, lang: str) -> list[str]:
    """Texts that head a block: section headings, table titles, the signature heading, the filling notes label."""
    colon = form_layout.colon(lang).strip()
    out = [_value(s.heading, lang) for s in form.sections if s.heading]
    out += [_value(t.title, lang) for s in form.sections for t in s.tables if t.title]
    if form.signature and form.signature.heading:
        out.append(_value(form.signature.heading, lang) + colon)
    if form.filling_notes:
        out.append(language.label("filling_notes", lang) + colon)
    return out


# ---------------------------------------------------------------- pages


@pytest.mark.slow
def test_every_heading_shares_its_page_with_the_line_after_it(cases, printed):
    for case in cases:
        form, _fmt, lang, doc = case.form, case.fmt, case.lang, printed[case.name]
        for heading in _headings(form, lang):
            spans = _locate(doc.body, heading)
            assert spans, f"{doc.name}: heading {heading!r} not printed"
            for first, last in spans:
                page = doc.body[first].page
                assert doc.body[last].page == page, f"{doc.name}: {heading!r} breaks across pages"
                if last + 1 < len(doc.body):
                    assert doc.body[last + 1].page == page, f"{doc.name}: {heading!r} ends page {page}"
                else:  # a heading that ends the form (with nothing under it) does not stand alone on its page
                    assert first > 0 and doc.body[first - 1].page == page, (
                        f"{doc.name}: {heading!r} alone on page {page}"
                    )


@pytest.mark.slow
def test_the_signature_block_is_whole_on_one_page(cases, printed):
    checked = 0
    for case in (c for c in cases if c.form.signature):
        form, lang, doc = case.form, case.lang, printed[case.name]
        colon = form_layout.colon(lang).strip()
        parts = [_value(form.signature.heading, lang) + colon] if form.signature.heading else []
        parts += [_value(line, lang) + colon for line in form.signature.lines]
        lines, after = [], 0
        for part in parts:  # each part where it first prints after the one before
            spans = [first for first, _ in _locate(doc.body, part, prefix=True) if first >= after]
            assert spans, f"{doc.name}: {part!r} not printed after {parts[: parts.index(part)]}"
            lines.append(doc.body[spans[0]])
            after = spans[0] + 1
        assert len({line.page for line in lines}) == 1, (
            f"{doc.name}: {[(p, line.page) for p, line in zip(parts, lines)]}"
        )
        assert [line.y for line in lines] == sorted(line.y for line in lines)  # in order, one under the other
        checked += 1
    assert checked  # the stress sheets have one


@pytest.mark.slow
def test_each_item_stays_on_one_page_with_its_lines_to_write_on(cases, printed):
    """The pilot plan's 三、2 once printed its last writing line alone on the next page."""
    for case in (c for c in cases if c.fmt == "docx"):
        form, lang, doc = case.form, case.lang, printed[case.name]
        for section in form.sections:
            for number, item in enumerate(section.items, start=1):
                spans = _locate(doc.body, f"{number}.{_value(item.text, lang)}")
                assert spans, f"{doc.name}: item {number}. {_value(item.text, lang)!r} not printed"
                first, last = spans[0]
                j = last + 1
                while item.blank_lines and j < len(doc.body) and not RULED.match(doc.body[j].text):
                    j += 1  # the sub-lines (they may wrap)
                ruled = []
                while len(ruled) < item.blank_lines and j < len(doc.body) and RULED.match(doc.body[j].text):
                    ruled.append(doc.body[j])
                    j += 1
                assert len(ruled) == item.blank_lines, f"{doc.name}: {item.text.zh}"
                if item.blank_lines <= MAX_KEPT_LINES:
                    pages = {doc.body[first].page, doc.body[last].page} | {line.page for line in ruled}
                    assert len(pages) == 1, f"{doc.name}: item {number}. {_value(item.text, lang)!r} on pages {pages}"


@pytest.mark.slow
def test_wrapped_numbered_lines_hang_under_the_text_not_the_number(cases, printed):
    wrapped = 0
    for case in (c for c in cases if c.fmt == "docx"):
        form, lang, doc = case.form, case.lang, printed[case.name]
        numbered = [(n, _value(i.text, lang)) for s in form.sections for n, i in enumerate(s.items, start=1)]
        numbered += [(n, _value(note, lang)) for n, note in enumerate(form.filling_notes, start=1)]
        for number, content in numbered:
            for first, last in _locate(doc.body, f"{number}.{content}"):
                start = doc.body[first].words
                assert start[0][1] == f"{number}.", f"{doc.name}: {content!r}"
                indent = start[1][0]  # where the text after the number begins
                for line in doc.body[first + 1 : last + 1]:
                    assert line.words[0][0] >= indent - 1.5, f"{doc.name}: {line.text!r} returns to the margin"
                    wrapped += 1
    assert wrapped  # the stress plan's long prompt wraps


@pytest.mark.slow
def test_page_numbers_print_inside_the_page_below_the_body(cases, printed):
    for case in cases:
        _form, fmt, _lang, doc = case.form, case.fmt, case.lang, printed[case.name]
        total = len(doc.footers)
        for footer, height, lowest in zip(doc.footers, doc.heights, doc.lowest_body):
            numbers = re.fullmatch(r"—(\d+)—" if fmt == "docx" else r"(\d+)/(\d+)", footer.text)
            assert numbers, f"{doc.name} page {footer.page}: footer {footer.text!r}"
            assert int(numbers.group(1)) == footer.page
            if fmt == "xlsx":
                assert int(numbers.group(2)) == total
            # clear of the body, and 14 pt or more from the paper's edge (where printers stop)
            assert lowest < footer.top and footer.y <= height - 14, f"{doc.name} page {footer.page}"


def test_sheet_footer_fits_inside_the_bottom_margin(portal):
    for form in portal.forms:
        if not form.spreadsheet:
            continue
        for lang in LANGS:
            ws = _sheet(portal, form, lang)
            footer_height = ws.oddFooter.center.size or 11
            assert ws.page_margins.bottom >= ws.page_margins.footer + 1.5 * footer_height / 72


@pytest.mark.slow
def test_blank_totals_print_blank(cases, printed):
    checked = 0
    for case in cases:
        form, _fmt, lang, doc = case.form, case.fmt, case.lang, printed[case.name]
        for spec in (t for s in form.sections for t in s.tables if t.totals):
            label = _nows(_value(spec.totals, lang))
            rows = [line for line in doc.body if line.text.startswith(label)]
            assert rows, f"{doc.name}: no {label!r} row"
            assert all(line.text == label for line in rows), f"{doc.name}: {[line.text for line in rows]}"
            checked += 1
    assert checked  # the stress sheets have totals


@pytest.mark.slow
def test_units_in_brackets_never_break(cases, printed):
    """ "应支付考核费用（万元）" once printed "（万" on one line and "元）" on the next."""
    for case in cases:
        form, _fmt, lang, doc = case.form, case.fmt, case.lang, printed[case.name]
        for column in (c for s in form.sections for t in s.tables for c in t.columns):
            split = bracket_break(_value(column.label, lang))
            if not split:
                continue
            unit = _nows(split[1])
            opening = unit[:2]  # the bracket and the first character of the unit
            headings = sum(
                _nows(_value(c.label, lang)).endswith(unit) for s in form.sections for t in s.tables for c in t.columns
            )
            assert sum(line.text.count(unit) for line in doc.body) >= headings, f"{doc.name}: {unit!r} broken"
            for line in doc.body:
                for at in (m.start() for m in re.finditer(re.escape(opening), line.text)):
                    assert line.text[at : at + len(unit)] == unit, f"{doc.name}: {unit!r} broken in {line.text!r}"


# ---------------------------------------------------------------- the workbook itself


def _sheet(portal, form, lang, **kwargs):
    data = form_files.render_file(form, form_model.form_meta(portal, form, lang), "xlsx", lang)
    return openpyxl.load_workbook(io.BytesIO(data), **kwargs).active


def test_choices_the_data_names_are_drop_down_lists(portal):
    listed = 0
    for form in (f for f in portal.forms if f.spreadsheet):
        for lang in LANGS:
            ws = _sheet(portal, form, lang)
            lists: dict[str, set[str]] = {}  # list formula -> the ranges it checks
            for dv in (dv for dv in ws.data_validations.dataValidation if dv.type == "list"):
                lists.setdefault(dv.formula1, set()).update(str(r) for r in dv.sqref.ranges)
            rows = [[_nows(str(c.value)) for c in row] for row in ws.iter_rows()]
            for spec in (t for s in form.sections for t in s.tables):
                labels = [_nows(_value(c.label, lang)) for c in spec.columns]
                header = next(i for i, r in enumerate(rows, start=1) if r[: len(labels)] == labels)
                first, last = header + 1, header + spec.blank_rows + (1 if spec.row_note else 0)
                for i, column in enumerate(spec.columns, start=1):
                    if not column.choices:
                        continue
                    formula = '"{}"'.format(",".join(_value(c, lang) for c in column.choices))
                    assert formula in lists, f"{form.id} {lang}: no list {formula}"
                    letter = openpyxl.utils.get_column_letter(i)
                    assert f"{letter}{first}:{letter}{last}" in lists[formula]
                    listed += 1
    assert listed == sum(
        len(c.choices) > 0
        for f in portal.forms
        if f.spreadsheet
        for s in f.sections
        for t in s.tables
        for c in t.columns
    ) * len(LANGS)


def test_the_school_sheet_offers_the_batches_its_filling_notes_name_and_the_three_levels(portal):
    form = portal.form_by_id["hunan-2022-80-school-info"]
    existing = form.sections[0].tables[0]
    batches = next(c for c in existing.columns if c.label.zh == "试点批次").choices
    note = form.filling_notes[1].zh
    assert [b.zh for b in batches] == re.findall(r"20\d\d年第[一二]批", note)  # the six batches, in the note's order
    for table in form.sections[0].tables:
        level = next(c for c in table.columns if "等级" in c.label.zh)
        assert [c.zh for c in level.choices] == ["初级", "中级", "高级"]


def test_totals_carry_the_blank_forms_cached_value(portal):
    """Previewers that do not calculate show the cached values: on the blank form every total is empty text."""
    for form in (f for f in portal.forms if f.spreadsheet):
        for lang in LANGS:
            data = form_files.render_file(form, form_model.form_meta(portal, form, lang), "xlsx", lang)
            with zipfile.ZipFile(io.BytesIO(data)) as package:
                sheet = package.read(SHEET).decode()
            formulas = re.findall(r'<c r="(\w+)"([^>]*)><f>[^<]*</f>(<v>[^<]*</v>|<v/>)?</c>', sheet)
            totals = sum(c.total for s in form.sections for t in s.tables for c in t.columns)
            assert len(formulas) == totals
            assert all('t="str"' in attrs and value == "<v></v>" for _, attrs, value in formulas), formulas
            cached = _sheet(portal, form, lang, data_only=True)
            assert all(cached[ref].value in (None, "") for ref, _, _ in formulas)


# ---------------------------------------------------------------- properties


@pytest.mark.parametrize("lang", LANGS)
def test_document_properties_are_clean(portal, lang):
    """No template thumbnail, the portal as the application, no print date: in every DOCX and XLSX."""
    for form in portal.forms:
        for fmt in (f for f, file_lang in form_model.offered(form) if file_lang == lang):
            data = form_files.render_file(form, form_model.form_meta(portal, form, lang), fmt, lang)
            with zipfile.ZipFile(io.BytesIO(data)) as package:
                names = package.namelist()
                rels = package.read("_rels/.rels").decode()
                app = package.read("docProps/app.xml").decode()
                core = package.read("docProps/core.xml").decode()
                types = package.read("[Content_Types].xml").decode()
            assert not [n for n in names if "thumbnail" in n], names
            assert "thumbnail" not in rels and "thumbnail" not in types
            application = re.findall(r"<Application>(.*?)</Application>", app)
            assert application == [html.escape(language.label("form_file_application", lang), quote=False)]
            assert "Microsoft" not in app and "openpyxl" not in app.lower() and "<Template>" not in app
            assert "lastPrinted" not in core


def test_planned_breaks_never_part_a_kept_span():
    heights = [10.0] * 30
    # rows 1-2 repeat on every page; 5-9 and 8-12 overlap (a heading with its table) and move together
    breaks = plan_breaks(heights, [(5, 9), (8, 12), (20, 26)], title_rows=2, page=100)
    assert breaks == [4, 12, 19, 27]
    for first, last in [(5, 12), (20, 26)]:
        assert not [b for b in breaks if first <= b < last]
    assert plan_breaks(heights, [(1, 30)], title_rows=2, page=100) == [10, 18, 26]  # too tall: rows break as they fall
