# The form feature's build work: each form's DOCX and XLSX files in both languages (made by the writers, or taken
# from the content-addressed cache), and its pages given the downloads with the sizes of those files.
from __future__ import annotations

import functools
from collections.abc import Callable

from macros.data.models import Form
from macros.outputs.form_cache import FormCache, default_cache, file_key
from macros.outputs.form_model import FormMeta, downloads, file_path, form_meta, offered
from macros.views import forms as form_pages
from macros.views.pages import PageSpec


def render_file(form: Form, meta: FormMeta, fmt: str, lang: str) -> bytes:
    # imported only when a file is written: a build whose forms all come from the cache never loads python-docx,
    # openpyxl and lxml (some 0.15 s of every build's start)
    if fmt == "docx":
        from macros.outputs.form_docx import form_docx

        return form_docx(form, meta, lang)
    from macros.outputs.form_xlsx import form_xlsx

    return form_xlsx(form, meta, lang)


def form_files(portal, site, cache: FormCache | None = None) -> dict[str, bytes]:
    """{site path: bytes} of every form's files (the same bytes with or without the cache). The forms do not
    depend on the site's address. The cache keeps only the entries of this build's files."""
    store = default_cache() if cache is None else cache
    files: dict[str, bytes] = {}
    used: set[str] = set()
    for form in portal.forms:
        for fmt, lang in offered(form):
            meta = form_meta(portal, form, lang)
            key = file_key(form, meta, fmt, lang)
            used.add(key)
            files[file_path(form, fmt, lang)] = store.made(key, functools.partial(render_file, form, meta, fmt, lang))
    store.keep_only(used)
    return files


def form_specs(portal, file_size: Callable[[str], int]) -> list[PageSpec]:
    """The forms catalogue and one page per form, whose downloads show `file_size(path)`: the bytes of this build's
    file (the build makes its files when a page first asks)."""
    return form_pages.form_pages(portal, lambda form: downloads(portal, form, file_size))
