# A generated page (one spec per page, language-neutral) and the province and notice pages' specs (their Markdown is
# made in macros/render/pages.py). Every feature's page specs, in order, are listed in macros/site/features.py.
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from macros.views import language
from macros.views.catalogue_parts import page_of
from macros.views.urls import site_path

# A field's metadata key for a dataclass in a spec's context: the field is left out when a kept page's spec is
# compared with this build's (macros/site/portal_reads.py), because what it gives the page is recorded as a read of its
# own while the page renders (a download's size function: the size of the file it names)
FOLLOWED_APART = "x_followed_apart"


@dataclass(frozen=True)
class PageSpec:
    kind: str  # provinces, notices, …: the URL folder
    ident: str  # "" for the folder's index page
    template: str  # fragment under overrides/fragments/
    title: object  # Text or {lang: str}
    source: str | None = None  # data file it comes from, for the edit link ("…/" for a page made from a folder)
    updated: dt.date | None = None
    context: dict = field(default_factory=dict, hash=False, compare=False)
    # {lang: words} search finds the page by first, when not its title (a part of a list is not the list itself)
    search_title: dict | None = field(default=None, hash=False, compare=False)

    def src_uri(self, lang: str) -> str:
        stem = f"{self.kind}/{self.ident}" if self.ident else f"{self.kind}/index"
        return f"{stem}.md" if lang == language.DEFAULT_LANG else f"{stem}.{lang}.md"

    def url(self, lang: str) -> str:
        return site_path(self.kind, self.ident, lang)


def core_specs(portal) -> list[PageSpec]:
    """Province and notice pages. Adding a province or notice file adds its page here, nothing else."""
    specs = [
        PageSpec(
            "provinces",
            "",
            "provinces.html",
            language.labels_of("title_provinces"),
            source="data/provinces/",
            updated=portal.newest_notice_update(),
        ),
        PageSpec(
            "notices",
            "",
            "notices.html",
            language.labels_of("title_notices"),
            source="data/notices/",
            updated=portal.newest_notice_update(),
        ),
    ]
    for prov in portal.provinces:
        specs.append(
            PageSpec(
                "provinces",
                prov.id,
                "province.html",
                prov.name,
                source=portal.source_of[("province", prov.id)],
                updated=max((n.updated for n in portal.notices_in(prov.id)), default=None),
                context={"province": prov},
            )
        )
    # which page of the certificate list shows each certificate, for the certificates a notice's rules name
    certificate_pages = page_of(portal.catalogue.certificates) if portal.catalogue else {}
    for notice in portal.notices:
        specs.append(
            PageSpec(
                "notices",
                notice.id,
                "notice.html",
                notice.title,
                source=portal.source_of[("notice", notice.id)],
                updated=notice.updated,
                context={"notice": notice, "certificate_pages": certificate_pages},
            )
        )
    return specs
