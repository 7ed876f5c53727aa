# The form pages: the catalogue of every notice's attachments (reproduced forms with their downloads, or only
# named) and one page per form. The downloads come from the caller, so this view knows no file it does not make.
from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from macros.data.models import Form
from macros.views import language
from macros.views.form_layout import field_rows, has_tables
from macros.views.limits import FORMS_NAMED_ONLY_PER_PROVINCE
from macros.views.pages import PageSpec

# A form's downloads, each with path, filename, mime, lang, official, format_label and size_label for the
# templates (macros/outputs/form_model.py: Download).
DownloadsOf = Callable[[Form], Sequence[Any]]


@dataclass(frozen=True)
class CatalogueEntry:
    """One attachment of a notice: reproduced (with its form and downloads) or only named (with availability)."""

    notice: object
    attachment: object
    form: Form | None
    downloads: tuple = ()


def catalogue(portal, downloads_of: DownloadsOf) -> list[tuple[object, list[tuple[object, list[CatalogueEntry]]]]]:
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
                entries.append(CatalogueEntry(notice, a, form, tuple(downloads_of(form)) if form else ()))
            if entries and not any(e.form for e in entries):
                if named_only == FORMS_NAMED_ONLY_PER_PROVINCE:
                    continue
                named_only += 1
            if entries:
                notices.append((notice, entries))
        if notices:
            result.append((province, notices))
    return result


def form_pages(portal, downloads_of: DownloadsOf) -> list[PageSpec]:
    """The catalogue page and one page per form."""
    specs = [
        PageSpec(
            "forms",
            "",
            "forms.html",
            language.labels_of("title_forms"),
            source="data/forms/",
            updated=max((f.updated for f in portal.forms), default=None),
            context={"catalogue": catalogue(portal, downloads_of)},
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
                    "downloads": downloads_of(form),
                    "header_rows": field_rows(form.header_fields),
                    "has_tables": has_tables(form),
                },
            )
        )
    return specs
