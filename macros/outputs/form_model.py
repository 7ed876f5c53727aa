# What a form offers for download: its files (DOCX, XLSX, per language), their paths and saved names, and the
# facts about the notice that its files carry. No rendering here: the writers import this, never the reverse.
from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass, field

from macros.data.models import Form
from macros.views import language
from macros.views.pages import FOLLOWED_APART
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
    # Bytes of the file at `path`: asked for only when a page shows the size, so the file may still be in the
    # making when the download is listed (outputs.py).
    size_of: Callable[[str], int] = field(repr=False, compare=False, metadata={FOLLOWED_APART: True})

    @property
    def size(self) -> int:
        return self.size_of(self.path)

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


def downloads(portal, form: Form, size_of: Callable[[str], int]) -> list[Download]:
    return [
        Download(
            form.id,
            fmt,
            lang,
            file_path(form, fmt, lang),
            download_name(form, form_meta(portal, form, lang), fmt, lang),
            size_of,
        )
        for fmt, lang in offered(form)
    ]


def human_size(size: int) -> str:
    """'18 KB' (1 KB = 1024 bytes, rounded up so a small file never shows as 0 KB)."""
    if size < 1024 * 1024:
        return f"{-(-size // 1024)} KB"
    return f"{size / (1024 * 1024):.1f} MB"
