# The form pages: the catalogue of every notice's attachments (reproduced forms with their downloads, or only
# named) and one page per form. The downloads come from the caller, so this view knows no file it does not make.
from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from macros.data.models import Attachment, Form, Notice, Text
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

    notice: Notice
    attachment: Attachment
    form: Form | None
    downloads: tuple = ()


@dataclass(frozen=True)
class NoticeForms:
    """One notice's attachments on the forms page. `shared_availability`: where to get the attachments, when the
    notice only names them and says the same for each (written once under the list, not once per attachment)."""

    notice: Notice
    entries: list[CatalogueEntry]

    @property
    def named_only(self) -> bool:
        return not any(e.form for e in self.entries)

    @property
    def shared_availability(self) -> Text | None:
        texts = [e.attachment.availability for e in self.entries]
        if self.named_only and len(texts) > 1 and texts[0] and all(t == texts[0] for t in texts):
            return texts[0]
        return None


@dataclass(frozen=True)
class ProvinceForms:
    """A province on the forms page: every notice with a reproduced form, the newest few that only name their
    attachments, and how many more only name theirs (the province's page lists those notices)."""

    province: object
    notices: list[NoticeForms]
    more_named_only: int


def catalogue(portal, downloads_of: DownloadsOf) -> list[ProvinceForms]:
    """Every province with a notice with attachments, provinces in order: each notice with a reproduced form, and the
    newest few that only name attachments (their notice pages list them all)."""
    result = []
    for province in portal.provinces:
        notices: list[NoticeForms] = []
        named_only = 0
        for notice in portal.notices_in(province.id):
            entries = []
            for a in notice.attachments:
                form = portal.form_by_id.get(a.form) if a.form else None
                entries.append(CatalogueEntry(notice, a, form, tuple(downloads_of(form)) if form else ()))
            if not entries:
                continue
            group = NoticeForms(notice, entries)
            if group.named_only:
                named_only += 1
                if named_only > FORMS_NAMED_ONLY_PER_PROVINCE:
                    continue
            notices.append(group)
        if notices:
            result.append(ProvinceForms(province, notices, max(0, named_only - FORMS_NAMED_ONLY_PER_PROVINCE)))
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
