# Form templates: the generated Word and Excel files hold every label of the YAML (opened with python-docx and
# openpyxl), carry Chinese fonts, A4 set-up and SUM formulas, come out byte-identical each time, open in
# LibreOffice, and the form pages show the structure and the real download sizes.
from __future__ import annotations

import csv
import datetime as dt
import io
import re
import zipfile
from pathlib import Path
from xml.etree import ElementTree

import openpyxl
import pytest
import yaml
from docx import Document
from docx.oxml.ns import qn
from docx.shared import Mm

from macros.outputs import form_files, form_model, packaging
from macros.outputs.form_docx import form_docx
from macros.outputs.form_xlsx import form_xlsx
from macros.views import forms as form_pages
from macros.views import language
from macros.views.limits import FORMS_NAMED_ONLY_PER_PROVINCE
from tests.support import SEEDS, run_build
from tests.support.html import nows as _nows
from tests.support.html import page as _page
from tests.support.html import text_in as _value
from tests.support.office import soffice as _soffice

SEED = SEEDS / "004_8d12309597af0153.txt"
LANGS = ("zh", "en")


def _squash(s: str) -> str:
    """Text without whitespace and with full-width brackets, to compare with the extracted source."""
    return re.sub(r"\s+", "", s).replace("(", "（").replace(")", "）")


def _all_labels(form, lang) -> list[str]:
    """Every text of a form that its files must show, in `lang`."""
    v = lambda t: _value(t, lang)  # noqa: E731
    out = [v(form.title)] + ([v(form.subtitle)] if form.subtitle else [])
    out += [v(f.label) for f in form.header_fields]
    for s in form.sections:
        out += [v(x) for x in (s.heading, s.note) if x]
        out += [v(f.label) for f in s.fields]
        for t in s.tables:
            out += [v(x) for x in (t.title, t.row_note, t.totals) if x] + [v(c.label) for c in t.columns]
        for item in s.items:
            out += [v(item.text)] + [v(x) for x in item.items] + ([v(item.note)] if item.note else [])
    if form.signature:
        out += ([v(form.signature.heading)] if form.signature.heading else []) + [v(x) for x in form.signature.lines]
    out += [v(n) for n in form.filling_notes]
    return out


@pytest.fixture(scope="module")
def files(portal):
    return form_files.form_files(portal, None)


def _form_cases(portal_forms):
    return [(f.id, lang) for f in portal_forms for lang in LANGS]


# ---------------------------------------------------------------- the data against the source document


def test_hunan_forms_reproduce_the_source_exactly(portal):
    """Every Chinese label of both Hunan attachments occurs in the source text (whitespace aside)."""
    if not SEED.exists():  # the seeds sit beside the checkout here and on CI, not in a bare GitHub checkout
        pytest.skip(f"source document not found at {SEED}")
    source = _squash(SEED.read_text(encoding="utf-8"))
    for form_id in ("hunan-2022-80-school-info", "hunan-2022-80-pilot-plan"):
        form = portal.form_by_id[form_id]
        missing = [label for label in _all_labels(form, "zh") if _squash(label) not in source]
        assert not missing, f"{form_id}: not in the source: {missing}"


def test_school_info_sheet_has_every_part_of_attachment_1(portal):
    form = portal.form_by_id["hunan-2022-80-school-info"]
    assert [f.label.zh for f in form.header_fields] == ["院校名称", "院校试点负责人", "联系电话"]
    existing, new = form.sections[0].tables
    assert [c.label.zh for c in existing.columns] == [
        "试点批次",
        "试点证书",
        "等级",
        "试点规模（人）",
        "完成考核数（人）",
        "应支付考核费用（万元）",
        "已支付考核费用（万元）",
    ]
    assert [c.label.zh for c in new.columns] == ["申请试点证书", "申请试点等级", "申请试点规模（人）"]
    assert [c.label.zh for c in existing.columns if c.total] == [
        "试点规模（人）",
        "完成考核数（人）",
        "应支付考核费用（万元）",
        "已支付考核费用（万元）",
    ]
    assert [c.label.zh for c in new.columns if c.total] == ["申请试点规模（人）"]
    for table in (existing, new):
        assert (table.row_note.zh, table.totals.zh) == ("（可加行）", "合计")
    assert form.signature.heading.zh == "院校意见" and [x.zh for x in form.signature.lines] == ["签名", "盖章", "日期"]
    assert len(form.filling_notes) == 6
    assert form.spreadsheet


def test_pilot_plan_has_seven_sections_and_the_no_fee_statement(portal):
    form = portal.form_by_id["hunan-2022-80-pilot-plan"]
    assert [s.heading.zh for s in form.sections] == [
        "一、基本信息",
        "二、考核时间安排",
        "三、考核师资",
        "四、已有实训条件基础",
        "五、经费保障",
        "六、其他",
        "七、试点合作协议",
    ]
    assert [len(s.items) for s in form.sections] == [4, 2, 2, 3, 2, 3, 0]
    assert form.header_fields[0].label.zh == "试点院校（加盖公章）"
    assert "不向学生收取任何培训、考核费用" in form.sections[4].items[0].text.zh
    schedule = form.sections[1].items[1]
    assert len(schedule.items) == 2 and schedule.note.zh == "（可加行）"


def test_every_form_text_has_an_english_reference_translation(portal):
    for form in portal.forms:
        english = _all_labels(form, "en")
        chinese = _all_labels(form, "zh")
        untranslated = [zh for zh, en in zip(chinese, english) if en == zh and re.search(r"[\u4e00-\u9fff]", zh)]
        assert not untranslated, f"{form.id}: {untranslated}"


def test_hunan_notice_attachments_point_at_the_forms(portal):
    notice = portal.notice_by_id["hunan-2022-80"]
    assert {a.number: a.form for a in notice.attachments} == {
        1: "hunan-2022-80-school-info",
        2: "hunan-2022-80-pilot-plan",
    }


# ---------------------------------------------------------------- Word files


def _docx_texts(doc) -> list[str]:
    texts = [p.text for p in doc.paragraphs]
    for table in doc.tables:
        for row in table.rows:
            texts += [cell.text for cell in row.cells]
    for section in doc.sections:
        texts += [p.text for p in section.header.paragraphs] + [p.text for p in section.footer.paragraphs]
    return texts


def test_every_form_offers_docx_and_spreadsheets_offer_xlsx(portal, files):
    for form in portal.forms:
        for lang in LANGS:
            assert form_model.file_path(form, "docx", lang) in files
            assert (form_model.file_path(form, "xlsx", lang) in files) == form.spreadsheet
    assert "forms/files/hunan-2022-80-school-info.xlsx" in files
    assert "forms/files/hunan-2022-80-pilot-plan.xlsx" not in files


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("form_id", ["hunan-2022-80-school-info", "hunan-2022-80-pilot-plan"])
def test_docx_holds_every_label_of_the_yaml(portal, files, form_id, lang):
    form = portal.form_by_id[form_id]
    doc = Document(io.BytesIO(files[form_model.file_path(form, "docx", lang)]))
    body = "\n".join(_docx_texts(doc))
    missing = [label for label in _all_labels(form, lang) if _nows(label) not in _nows(body)]
    assert not missing, missing
    assert body.startswith(f"附件{form.attachment}" if lang == "zh" else f"Attachment {form.attachment}")
    for n, note in enumerate(form.filling_notes, start=1):
        assert f"{n}.\t{_value(note, lang)}" in body
    reference = "reference translation" in body.lower()
    assert reference == (lang == "en")  # only the English file says it is a translation, and it must


@pytest.mark.parametrize("lang", LANGS)
def test_docx_tables_have_headers_blank_rows_row_note_and_totals(portal, files, lang):
    form = portal.form_by_id["hunan-2022-80-school-info"]
    doc = Document(io.BytesIO(files[form_model.file_path(form, "docx", lang)]))
    specs = [t for s in form.sections for t in s.tables]
    by_header = {tuple(_nows(c.text) for c in t.rows[0].cells): t for t in doc.tables}
    for spec in specs:
        header = tuple(_nows(_value(c.label, lang)) for c in spec.columns)
        table = by_header[header]
        rows = table.rows
        assert len(rows) == 1 + spec.blank_rows + 1 + 1
        assert all(c.text == "" for r in rows[1 : 1 + spec.blank_rows] for c in r.cells)
        assert rows[1 + spec.blank_rows].cells[0].text == _value(spec.row_note, lang)
        assert len({id(c._tc) for c in rows[1 + spec.blank_rows].cells}) == 1  # the note spans the row
        assert rows[-1].cells[0].text == _value(spec.totals, lang)
        assert rows[0]._tr.trPr.find(qn("w:tblHeader")) is not None  # header repeats on a new page


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("form_id", ["hunan-2022-80-school-info", "hunan-2022-80-pilot-plan"])
def test_docx_sets_east_asian_fonts_on_every_run_and_a4(portal, files, form_id, lang):
    form = portal.form_by_id[form_id]
    doc = Document(io.BytesIO(files[form_model.file_path(form, "docx", lang)]))
    runs = [r for p in doc.paragraphs for r in p.runs]
    runs += [r for t in doc.tables for row in t.rows for c in row.cells for p in c.paragraphs for r in p.runs]
    texts = [r for r in runs if r.text.strip()]
    assert texts
    for run in texts:
        fonts = run._element.rPr.rFonts
        assert fonts.get(qn("w:eastAsia")) in ("仿宋", "黑体"), run.text
        assert fonts.get(qn("w:eastAsiaTheme")) is None
    headings = {r.text for r in texts if r._element.rPr.rFonts.get(qn("w:eastAsia")) == "黑体"}
    assert _value(form.title, lang) in headings
    defaults = doc.styles.element.find(qn("w:docDefaults")).find(qn("w:rPrDefault")).find(qn("w:rPr"))
    assert defaults.find(qn("w:rFonts")).get(qn("w:eastAsia")) == "仿宋"
    assert defaults.find(qn("w:lang")).get(qn("w:eastAsia")) == "zh-CN"
    section = doc.sections[0]
    size = sorted((round(section.page_width / Mm(1)), round(section.page_height / Mm(1))))
    assert size == [210, 297]
    landscape = section.page_width > section.page_height
    assert landscape == (form.orientation == "landscape")
    assert (section.orientation == 1) == landscape


# ---------------------------------------------------------------- Excel files


def _sheet(files, form, lang):
    return openpyxl.load_workbook(io.BytesIO(files[form_model.file_path(form, "xlsx", lang)])).active


@pytest.mark.parametrize("lang", LANGS)
def test_xlsx_holds_every_label_and_sums_each_numeric_column(portal, files, lang):
    form = portal.form_by_id["hunan-2022-80-school-info"]
    ws = _sheet(files, form, lang)
    values = {c.coordinate: c.value for row in ws.iter_rows() for c in row if c.value is not None}
    text = _nows("\n".join(str(v) for v in values.values()))
    assert not [label for label in _all_labels(form, lang) if _nows(label) not in text]
    rows = [[_nows(c.value) if isinstance(c.value, str) else c.value for c in row] for row in ws.iter_rows()]
    for spec in (t for s in form.sections for t in s.tables):
        labels = [_nows(_value(c.label, lang)) for c in spec.columns]
        header = next(i for i, r in enumerate(rows, start=1) if r[: len(labels)] == labels)
        first, note_row = header + 1, header + 1 + spec.blank_rows
        totals_row = note_row + 1
        assert all(v is None for r in rows[first - 1 : note_row - 1] for v in r[: len(labels)])
        assert ws.cell(note_row, 1).value == _value(spec.row_note, lang)
        assert ws.cell(totals_row, 1).value == _value(spec.totals, lang)
        for i, column in enumerate(spec.columns, start=1):
            letter = openpyxl.utils.get_column_letter(i)
            cell = ws.cell(totals_row, i)
            if column.total:
                # the range runs through the （可加行） row so that rows inserted above it are summed too; blank
                # until a number is typed
                cells = f"{letter}{first}:{letter}{note_row}"
                assert cell.value == f'=IF(COUNT({cells})=0,"",SUM({cells}))'
                assert ws.cell(first, i).number_format == {"integer": "0", "decimal": "0.00"}[column.kind]
            elif i > 1:
                assert cell.value is None


def test_xlsx_totals_formulas_of_the_real_sheet(portal, files):
    ws = _sheet(files, portal.form_by_id["hunan-2022-80-school-info"], "zh")
    formulas = [c.value for row in ws.iter_rows() for c in row if isinstance(c.value, str) and c.value.startswith("=")]
    assert formulas == [f'=IF(COUNT({r})=0,"",SUM({r}))' for r in ("D8:D13", "E8:E13", "F8:F13", "G8:G13", "C18:C23")]


@pytest.mark.parametrize("lang", LANGS)
def test_xlsx_print_setup_widths_and_number_checks(portal, files, lang):
    form = portal.form_by_id["hunan-2022-80-school-info"]
    ws = _sheet(files, form, lang)
    assert int(ws.page_setup.paperSize) == 9  # A4
    assert ws.page_setup.orientation == form.orientation
    # a fixed scale, not fit-to-page: Excel ignores manual page breaks on a sheet set to fit to pages
    assert not (ws.sheet_properties.pageSetUpPr and ws.sheet_properties.pageSetUpPr.fitToPage)
    assert 10 <= int(ws.page_setup.scale) <= 100
    assert ws.print_title_rows and ws.print_area
    existing = form.sections[0].tables[0]
    for i, column in enumerate(existing.columns, start=1):
        assert ws.column_dimensions[openpyxl.utils.get_column_letter(i)].width >= column.width
    checked = {
        str(rng)
        for dv in ws.data_validations.dataValidation
        if dv.type in ("whole", "decimal")
        for rng in dv.sqref.ranges
    }
    summed = {m for row in ws.iter_rows() for c in row for m in re.findall(r"SUM\((\w+:\w+)\)\)$", str(c.value or ""))}
    assert checked == summed and len(summed) == 5  # every summed range accepts numbers only


# ---------------------------------------------------------------- reproducible bytes


@pytest.mark.parametrize("fmt", ["docx", "xlsx"])
def test_generating_twice_gives_identical_bytes_without_clock_times(portal, fmt):
    form = portal.form_by_id["hunan-2022-80-school-info"]
    meta = form_model.form_meta(portal, form, "zh")
    render = form_docx if fmt == "docx" else form_xlsx
    first, second = render(form, meta, "zh"), render(form, meta, "zh")
    assert first == second
    with zipfile.ZipFile(io.BytesIO(first)) as package:
        assert {info.date_time for info in package.infolist()} == {(2026, 11, 21, 0, 0, 0)}  # form.updated
        core = package.read("docProps/core.xml").decode()
    assert "<dcterms:created" in core and "2022-04-15T00:00:00Z" in core  # the notice's date of issue
    assert "2026-11-21T00:00:00Z" in core
    assert meta.created == dt.datetime(2022, 4, 15) and meta.modified == dt.datetime(2026, 11, 21)


def test_reproducible_zip_replaces_save_times_and_refuses_unknown_cores():
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as z:
        z.writestr("b.xml", "<b/>")
        z.writestr("[Content_Types].xml", "<Types/>")
        z.writestr("docProps/app.xml", "<Properties><Application>Microsoft Macintosh Word</Application></Properties>")
        z.writestr(
            "docProps/core.xml",
            '<cp><dcterms:created x="1">2031-01-01T10:00:00Z</dcterms:created>'
            '<dcterms:modified x="1">2031-01-01T10:00:00Z</dcterms:modified></cp>',
        )
    when = dt.datetime(2022, 4, 15)
    out = packaging.reproducible_zip(buffer.getvalue(), when, when, application="A & B")
    with zipfile.ZipFile(io.BytesIO(out)) as z:
        assert z.namelist() == ["[Content_Types].xml", "b.xml", "docProps/app.xml", "docProps/core.xml"]
        assert "2031" not in z.read("docProps/core.xml").decode()
        assert "<Application>A &amp; B</Application></Properties>" in z.read("docProps/app.xml").decode()
    broken = io.BytesIO()
    with zipfile.ZipFile(broken, "w") as z:
        z.writestr("docProps/core.xml", "<cp/>")
        z.writestr("docProps/app.xml", "<Properties/>")
    with pytest.raises(ValueError):
        packaging.reproducible_zip(broken.getvalue(), when, when, application="x")
    with pytest.raises(ValueError):  # an edit of an entry the package lacks
        packaging.reproducible_zip(buffer.getvalue(), when, when, application="x", edits={"nothing.xml": bytes})


def test_human_size():
    assert form_model.human_size(1) == "1 KB"
    assert form_model.human_size(18 * 1024) == "18 KB"
    assert form_model.human_size(18 * 1024 + 1) == "19 KB"
    assert form_model.human_size(3 * 1024 * 1024) == "3.0 MB"


# ---------------------------------------------------------------- pages


def test_built_site_holds_every_form_file(built_site, files):
    for path, data in files.items():
        assert (built_site / path).read_bytes() == data, path


@pytest.mark.parametrize("lang", LANGS)
def test_form_page_shows_structure_source_and_download_sizes(built_site, portal, files, lang):
    prefix = "" if lang == "zh" else "en/"
    for form in portal.forms:
        soup = _page(built_site, f"{prefix}forms/{form.id}")
        article = soup.select_one("article")
        text = article.get_text(" ")
        assert portal.notice_by_id[form.notice].doc_number in text  # the real numbers: tests/site/test_site.py
        sheet = article.select_one(".x-form-sheet")
        for spec in (t for s in form.sections for t in s.tables):
            tables = [
                t
                for t in sheet.select("table.x-form-table")
                if next(th.get_text(" ").strip() for th in t.select("thead th")).startswith(
                    _value(spec.columns[0].label, lang)
                )
            ]
            assert len(tables) == 1
            heads = [th.get_text(" ").strip() for th in tables[0].select("thead th")]
            assert [h.startswith(_value(c.label, lang)) for h, c in zip(heads, spec.columns)] == [True] * len(
                spec.columns
            )
            assert len(tables[0].select("tbody tr.x-form-blank-row")) == spec.blank_rows
            foot = tables[0].select_one("tfoot th")
            assert (foot is None) == (spec.totals is None)  # a totals row only where the form has one
            assert foot is None or foot.get_text(" ").startswith(_value(spec.totals, lang))
            assert len(tables[0].select("tfoot .x-form-summed")) == sum(c.total for c in spec.columns)
        sheet_text = sheet.get_text(" ")
        assert not [label for label in _all_labels(form, lang) if label not in sheet_text]
        links = article.select("ul.x-downloads a[download]")
        assert len(links) == len(form_model.offered(form))
        for a in links:
            li = a.find_parent("li").get_text(" ")
            target = (built_site / f"{prefix}forms/{form.id}/" / a["href"]).resolve()
            data = target.read_bytes()
            assert data == files[target.relative_to(built_site.resolve()).as_posix()]
            fmt = target.suffix[1:].upper()
            assert f"{fmt}, {form_model.human_size(len(data))}" in li
        notice_link = article.select_one(f'a[href$="notices/{form.notice}/"]')
        assert notice_link is not None


def test_english_form_page_is_marked_as_reference_translation(built_site, portal):
    for form in portal.forms:
        en = _page(built_site, f"en/forms/{form.id}").select_one("article").get_text(" ")
        zh = _page(built_site, f"forms/{form.id}").select_one("article").get_text(" ")
        assert "Reference translation" in en and "submit the Chinese file" in en
        assert "Chinese form — the one to fill in and submit" in en
        assert "Reference translation" not in zh
        assert "中文表格（填写提交用）" in zh


@pytest.mark.parametrize("lang", LANGS)
def test_forms_catalogue_lists_every_form_and_the_anhui_attachments(built_site, portal, lang):
    prefix = "" if lang == "zh" else "en/"
    soup = _page(built_site, f"{prefix}forms")
    article = soup.select_one("article")
    for form in portal.forms:
        assert article.select_one(f'a[href="{form.id}/"]') is not None
    # the attachments we only name, each with where to get it (the Anhui notice's three, in the real data): once
    # under the notice's list when all of them say the same, else beside each
    groups = [nf for p in form_pages.catalogue(portal, lambda form: []) for nf in p.notices]
    unreproduced = [e.attachment for nf in groups for e in nf.entries if not e.form]
    named = article.select("li.x-form-entry--named")
    assert len(named) == len(unreproduced)
    for a, li in zip(unreproduced, named):
        assert _value(a.title, lang) in li.get_text(" ")
        where = li.get_text(" ") + li.find_parent("section").get_text(" ")
        assert _value(a.availability, lang)[:20] in where
    headings = [h.get_text(" ").strip().rstrip("¶").strip() for h in article.select("h2")]
    assert headings == [_value(p.province.name, lang) for p in form_pages.catalogue(portal, lambda form: [])]
    for a in article.select("a[download]"):
        assert (built_site / f"{prefix}forms/" / a["href"]).resolve().is_file()


def test_forms_catalogue_names_each_provinces_newest_notices_and_links_to_the_rest(portal):
    """Every notice with a reproduced form is listed; of those that only name attachments, each province's newest
    few, and the count of the others goes with a link to the province's page (which lists every notice)."""
    shown = {nf.notice.id for p in form_pages.catalogue(portal, lambda form: []) for nf in p.notices}
    for p in form_pages.catalogue(portal, lambda form: []):
        with_attachments = [n for n in portal.notices_in(p.province.id) if n.attachments]
        named_only = [n for n in with_attachments if not any(a.form for a in n.attachments)]
        assert [n.id for n in named_only[:FORMS_NAMED_ONLY_PER_PROVINCE]] == [
            nf.notice.id for nf in p.notices if nf.named_only
        ]
        assert p.more_named_only == len(named_only[FORMS_NAMED_ONLY_PER_PROVINCE:])
    assert {f.notice for f in portal.forms} <= shown


def test_forms_page_links_to_the_province_for_older_named_attachments(project, tmp_path):
    """A province with more notices that only name attachments than the page shows: the page says how many more
    and links to the province's page."""
    notices = sorted((project / "data" / "notices").glob("anhui-*.yml"))
    source = notices[0].read_text(encoding="utf-8")
    doc = yaml.safe_load(source)
    assert doc.get("attachments") and not any(a.get("form") for a in doc["attachments"])
    for i in range(FORMS_NAMED_ONLY_PER_PROVINCE + 1):
        copy = dict(doc, id=f"{doc['id']}-copy{i}", doc_number=f"{doc['doc_number']}-{i}")
        (project / "data" / "notices" / f"{copy['id']}.yml").write_text(
            yaml.safe_dump(copy, allow_unicode=True, sort_keys=False), encoding="utf-8"
        )
    out = tmp_path / "site"
    result = run_build(project, out)
    assert result.returncode == 0, result.stdout + result.stderr
    for prefix in ("", "en/"):
        article = _page(out, f"{prefix}forms").select_one("article")
        more = article.select("p.x-forms-more")
        assert len(more) == 1
        assert more[0].select_one('a[href="../provinces/anhui/"]') is not None
        lang = "en" if prefix else "zh"
        assert language.label("forms_more_named", lang) % {"n": 2} in " ".join(more[0].get_text().split())


def test_forms_are_in_the_navigation(built_site):
    zh = [a.get_text(" ").strip() for a in _page(built_site, "").select("nav a")]
    en = [a.get_text(" ").strip() for a in _page(built_site, "en").select("nav a")]
    assert "表格" in zh and "Forms" in en


def test_notice_page_links_its_attachments_to_the_form_pages(built_site):
    soup = _page(built_site, "notices/hunan-2022-80")
    hrefs = [a["href"] for a in soup.select("ol.x-attachments a")]
    assert "../../forms/hunan-2022-80-school-info/" in hrefs and "../../forms/hunan-2022-80-pilot-plan/" in hrefs


@pytest.mark.slow
def test_a_second_build_writes_the_same_form_files(built_site, project, tmp_path, files):
    out = tmp_path / "again"
    result = run_build(project, out)
    assert result.returncode == 0, result.stdout + result.stderr
    for path in files:
        assert (out / path).read_bytes() == (built_site / path).read_bytes(), path


# ---------------------------------------------------------------- a real office suite


@pytest.mark.slow
def test_libreoffice_converts_every_form_file_to_pdf(files, tmp_path):
    sources = tmp_path / "in"
    for path, data in files.items():
        target = sources / Path(path).suffix[1:] / Path(path).name  # docx and xlsx apart: PDF names would clash
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)
    for folder in sorted(sources.iterdir()):
        out = tmp_path / "pdf" / folder.name
        result = _soffice(
            ["--convert-to", "pdf", "--outdir", str(out), *sorted(p.name for p in folder.iterdir())],
            tmp_path / "profile",
            folder,
        )
        assert result.returncode == 0, result.stdout + result.stderr
        for source in folder.iterdir():
            pdf = out / (source.stem + ".pdf")
            assert pdf.is_file(), f"{source.name}: no PDF\n{result.stdout}{result.stderr}"
            assert pdf.read_bytes()[:5] == b"%PDF-" and pdf.stat().st_size > 5000


@pytest.mark.slow
def test_libreoffice_computes_the_totals_row(portal, files, tmp_path):
    """Fill the blank rows, let LibreOffice recalculate, and read the totals it computes: a column with a typed 0 sums
    to 0, a column left empty stays blank."""
    form = portal.form_by_id["hunan-2022-80-school-info"]
    book = openpyxl.load_workbook(io.BytesIO(files[form_model.file_path(form, "xlsx", "zh")]))
    ws = book.active
    for row, (d, f) in zip(range(8, 13), [(10, 1.5), (20, 2.25), (30, 0), (5, 0.25), (1, 1)]):
        ws[f"D{row}"], ws[f"F{row}"] = d, f
    ws["E8"] = 0
    filled = tmp_path / "filled.xlsx"
    book.save(filled)
    result = _soffice(
        ["--convert-to", "csv:Text - txt - csv (StarCalc):44,34,76", "--outdir", str(tmp_path), filled.name],
        tmp_path / "profile",
        tmp_path,
    )
    assert result.returncode == 0, result.stderr
    rows = list(csv.reader((tmp_path / "filled.csv").open(encoding="utf-8")))
    totals = [r for r in rows if r and r[0] == "合计"]
    assert totals[0][3:7] == ["66", "0", "5.00", ""]
    assert totals[1][2] == ""  # nothing typed in the second table


@pytest.mark.parametrize("fmt", ["docx", "xlsx"])
def test_file_properties_name_the_source_and_do_not_pose_as_the_issuer(portal, files, fmt):
    form = portal.form_by_id["hunan-2022-80-school-info"]
    with zipfile.ZipFile(io.BytesIO(files[form_model.file_path(form, fmt, "zh")])) as package:
        core = ElementTree.fromstring(package.read("docProps/core.xml"))
    dc = "{http://purl.org/dc/elements/1.1/}"
    assert core.find(f"{dc}title").text == "院校试点信息统计表"
    assert core.find(f"{dc}subject").text == "湘教通〔2022〕80号 附件1 · 湖南省教育厅"
    creator = core.find(f"{dc}creator").text
    assert "门户" in creator and "教育厅" not in creator


@pytest.mark.browser
@pytest.mark.parametrize(
    "form_id,landscape", [("hunan-2022-80-school-info", True), ("hunan-2022-80-pilot-plan", False)]
)
def test_printing_a_form_page_prints_the_form_alone_on_a4(site_server, browser_page, form_id, landscape):
    browser_page.goto(f"{site_server}forms/{form_id}/")
    browser_page.emulate_media(media="print")
    assert browser_page.locator(".x-form-sheet").is_visible()
    for hidden in (".x-downloads", ".x-form-intro", ".md-header", ".md-sidebar--primary"):
        assert not browser_page.locator(hidden).first.is_visible(), hidden
    pdf = browser_page.pdf(prefer_css_page_size=True)
    boxes = set(re.findall(rb"/MediaBox \[0 0 ([\d.]+) ([\d.]+)\]", pdf))
    sizes = {(round(float(w)), round(float(h))) for w, h in boxes}
    assert sizes == ({(842, 595)} if landscape else {(595, 842)})  # A4 in points, every page
