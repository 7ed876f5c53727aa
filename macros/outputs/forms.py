# Form templates as downloads: what each form offers (DOCX, XLSX, per language), the facts its files carry,
# reproducible zip packaging, the files' producer and the form pages (both listed in macros/site/features.py).
from __future__ import annotations

import datetime as dt
import io
import re
import unicodedata
import zipfile
from collections.abc import Callable
from dataclasses import dataclass, field
from xml.sax.saxutils import escape as xml_escape

from macros.data.models import Form, FormField
from macros.views import language
from macros.views.limits import FORMS_NAMED_ONLY_PER_PROVINCE
from macros.views.pages import PageSpec
from macros.views.urls import form_file_path

FORMATS = {"docx": "DOCX", "xlsx": "XLSX"}
MIME = {
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}


@dataclass(frozen=True)
class FormMeta:
    """What a form's files say about where it comes from, beyond the form itself."""

    doc_number: str  # 湘教通〔2022〕80号
    attachment: int
    notice_title: str  # in the file's language
    issuer: str  # in the file's language
    created: dt.datetime  # written into the file's properties: the notice's date of issue
    modified: dt.datetime  # the form record's `updated`

    def attachment_label(self, lang: str) -> str:
        return language.label("attachment_n", lang) % self.attachment


@dataclass(frozen=True)
class Download:
    """One downloadable file of a form."""

    form_id: str
    fmt: str  # docx | xlsx
    lang: str  # language of the file's text; only the Chinese file is submitted
    path: str  # site-relative
    filename: str  # suggested name when saved
    file_size: Callable[[str], int] = field(repr=False, compare=False)  # the build's sizes (site/build.py)

    @property
    def size(self) -> int:
        """Bytes; asked for when the page is rendered: the build makes its files then if it has not yet."""
        return self.file_size(self.path)

    @property
    def official(self) -> bool:
        return self.lang == language.DEFAULT_LANG

    @property
    def size_label(self) -> str:
        return human_size(self.size)

    @property
    def format_label(self) -> str:
        return FORMATS[self.fmt]

    @property
    def mime(self) -> str:
        return MIME[self.fmt]


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


def _midnight(day: dt.date) -> dt.datetime:
    return dt.datetime(day.year, day.month, day.day)


def form_meta(portal, form: Form, lang: str) -> FormMeta:
    notice = portal.notice_by_id[form.notice]
    issued = notice.issued or form.updated
    return FormMeta(
        notice.doc_number,
        form.attachment,
        language.plain(notice.title, lang),
        language.plain(portal.issuer_of(notice).name, lang),
        _midnight(issued),
        _midnight(form.updated),
    )


def offered(form: Form) -> list[tuple[str, str]]:
    """(format, language) of every file a form offers: the Chinese files first (the ones to submit)."""
    formats = ["docx"] + (["xlsx"] if form.spreadsheet else [])
    return [(fmt, lang) for lang in language.LANGS for fmt in formats]


def file_path(form: Form, fmt: str, lang: str) -> str:
    suffix = "" if lang == language.DEFAULT_LANG else f"-{lang}"
    return form_file_path(form.id, suffix, fmt)


def download_name(form: Form, meta: FormMeta, fmt: str, lang: str) -> str:
    """A readable name for the saved file: 湘教通〔2022〕80号 附件1 院校试点信息统计表.docx."""
    name = f"{meta.doc_number} {meta.attachment_label(lang)} {language.plain(form.title, lang)}"
    if lang != language.ORIGINAL:  # a translation is for reading, not the form to submit
        name += language.label("download_reference_suffix", lang)
    return re.sub(r'[\\/:*?"<>|]+', " ", name) + f".{fmt}"


def render_file(form: Form, meta: FormMeta, fmt: str, lang: str) -> bytes:
    # Imported here: the renderers import FormMeta and the zip helper from this module.
    from macros.outputs.form_docx import form_docx
    from macros.outputs.form_xlsx import form_xlsx

    return form_docx(form, meta, lang) if fmt == "docx" else form_xlsx(form, meta, lang)


# ---------------------------------------------------------------- reproducible zip packages

_CORE = "docProps/core.xml"
_APP = "docProps/app.xml"
_FIXED_ORDER_FIRST = "[Content_Types].xml"


def _w3c(moment: dt.datetime) -> str:
    return moment.strftime("%Y-%m-%dT%H:%M:%SZ")


def reproducible_zip(
    data: bytes,
    created: dt.datetime,
    modified: dt.datetime,
    *,
    application: str,
    edits: dict[str, Callable[[bytes], bytes]] | None = None,
) -> bytes:
    """Rewrite an Office package so that building it twice gives the same bytes and it says who made it.

    python-docx and openpyxl stamp the save time into docProps/core.xml and into every zip entry; here the
    core dates become the form's own dates, every entry gets `modified` as its time, and the order is fixed.
    docProps/app.xml (python-docx copies its template's, "Microsoft Macintosh Word" with the template's page and
    word counts; openpyxl names itself) is replaced by one naming `application`, the portal. `edits` rewrite
    other entries by name (each must exist).
    """
    edits = dict(edits or {})
    stamp = (max(modified.year, 1980), modified.month, modified.day, 0, 0, 0)
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        names = src.namelist()
        missing = [name for name in [_APP, *edits] if name not in names]
        if missing:
            raise ValueError(f"the package has no {', '.join(missing)}")
        ordered = [n for n in names if n == _FIXED_ORDER_FIRST] + sorted(n for n in names if n != _FIXED_ORDER_FIRST)
        for name in ordered:
            body = src.read(name)
            if name == _CORE:
                body = _fix_core_dates(body, created, modified)
            elif name == _APP:
                body = app_properties(application)
            if name in edits:
                body = edits[name](body)
            info = zipfile.ZipInfo(name, date_time=stamp)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            info.create_system = 0
            dst.writestr(info, body, compresslevel=9)
    return out.getvalue()


def app_properties(application: str) -> bytes:
    """docProps/app.xml that names the application and nothing else (no stale statistics or template name)."""
    return (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties">'
        f"<Application>{xml_escape(application)}</Application></Properties>"
    ).encode()


def _fix_core_dates(xml: bytes, created: dt.datetime, modified: dt.datetime) -> bytes:
    for tag, moment in (("created", created), ("modified", modified)):
        xml, n = re.subn(
            rb"(<dcterms:%s\b[^>]*>)[^<]*(</dcterms:%s>)" % (tag.encode(), tag.encode()),
            rb"\g<1>" + _w3c(moment).encode() + rb"\g<2>",
            xml,
        )
        if n != 1:
            raise ValueError(f"{_CORE} has {n} dcterms:{tag} elements, expected 1")
    return xml


# ---------------------------------------------------------------- all files of the portal, once per build


def produce_form_files(portal, site) -> dict[str, bytes]:  # the forms do not depend on the site's address
    return {
        file_path(form, fmt, lang): render_file(form, form_meta(portal, form, lang), fmt, lang)
        for form in portal.forms
        for fmt, lang in offered(form)
    }


def downloads(portal, form: Form, file_size: Callable[[str], int]) -> list[Download]:
    return [
        Download(
            form.id,
            fmt,
            lang,
            file_path(form, fmt, lang),
            download_name(form, form_meta(portal, form, lang), fmt, lang),
            file_size,
        )
        for fmt, lang in offered(form)
    ]


def human_size(size: int) -> str:
    """'18 KB' (1 KB = 1024 bytes, rounded up so a small file never shows as 0 KB)."""
    if size < 1024 * 1024:
        return f"{-(-size // 1024)} KB"
    return f"{size / (1024 * 1024):.1f} MB"


# ---------------------------------------------------------------- pages


@dataclass(frozen=True)
class CatalogueEntry:
    """One attachment of a notice: reproduced (with its form and downloads) or only named (with availability)."""

    notice: object
    attachment: object
    form: Form | None
    downloads: tuple = ()


def catalogue(
    portal, file_size: Callable[[str], int]
) -> list[tuple[object, list[tuple[object, list[CatalogueEntry]]]]]:
    """[(province, [(notice, [entry…])…])…] for every notice with a reproduced form, and the newest few that only
    name attachments (their notice pages list them all), provinces in order."""
    result = []
    for province in portal.provinces:
        notices = []
        named_only = 0
        for notice in portal.notices_in(province.id):
            entries = []
            for a in notice.attachments:
                form = portal.form_by_id.get(a.form) if a.form else None
                entries.append(
                    CatalogueEntry(notice, a, form, tuple(downloads(portal, form, file_size)) if form else ())
                )
            if entries and not any(e.form for e in entries):
                if named_only == FORMS_NAMED_ONLY_PER_PROVINCE:
                    continue
                named_only += 1
            if entries:
                notices.append((notice, entries))
        if notices:
            result.append((province, notices))
    return result


def form_specs(portal, file_size: Callable[[str], int]) -> list[PageSpec]:
    """The forms catalogue and one page per form; `file_size(path)`: the bytes of a produced file, which the pages
    show."""
    specs = [
        PageSpec(
            "forms",
            "",
            "forms.html",
            language.labels_of("title_forms"),
            source="data/forms/",
            updated=max((f.updated for f in portal.forms), default=None),
            context={"catalogue": catalogue(portal, file_size)},
        )
    ]
    for form in portal.forms:
        notice = portal.notice_by_id[form.notice]
        specs.append(
            PageSpec(
                "forms",
                form.id,
                "form.html",
                form.title,
                source=portal.source_of[("form", form.id)],
                updated=form.updated,
                context={
                    "form": form,
                    "notice": notice,
                    "downloads": downloads(portal, form, file_size),
                    "header_rows": field_rows(form.header_fields),
                    "has_tables": has_tables(form),
                },
            )
        )
    return specs
