# A generated page (one spec per page, language-neutral), the province and notice pages, and a page's Markdown per
# language. Every feature's page specs, in order, are listed in macros/site/features.py.
from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass, field

from markupsafe import escape

from macros.render.render import render_fragment, site_path
from macros.views import page_summary, text


@dataclass(frozen=True)
class PageSpec:
    kind: str  # provinces, notices, …: the URL folder
    ident: str  # "" for the folder's index page
    template: str  # fragment under overrides/fragments/
    title: object  # Text or {lang: str}
    source: str | None = None  # data file it comes from, for the edit link ("…/" for a page made from a folder)
    updated: dt.date | None = None
    context: dict = field(default_factory=dict, hash=False, compare=False)

    def src_uri(self, lang: str) -> str:
        stem = f"{self.kind}/{self.ident}" if self.ident else f"{self.kind}/index"
        return f"{stem}.md" if lang == text.DEFAULT_LANG else f"{stem}.{lang}.md"

    def url(self, lang: str) -> str:
        return site_path(self.kind, self.ident, lang)


_TITLES = {
    "provinces": {"zh": "各省份", "en": "Provinces"},
    "notices": {"zh": "全部通知", "en": "All notices"},
}


def core_specs(portal) -> list[PageSpec]:
    """Province and notice pages. Adding a province or notice file adds its page here, nothing else."""
    specs = [
        PageSpec(
            "provinces",
            "",
            "provinces.html",
            _TITLES["provinces"],
            source="data/provinces/",
            updated=max((n.updated for n in portal.notices), default=None),
        ),
        PageSpec(
            "notices",
            "",
            "notices.html",
            _TITLES["notices"],
            source="data/notices/",
            updated=max((n.updated for n in portal.notices), default=None),
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
    for notice in portal.notices:
        specs.append(
            PageSpec(
                "notices",
                notice.id,
                "notice.html",
                notice.title,
                source=portal.source_of[("notice", notice.id)],
                updated=notice.updated,
                context={"notice": notice},
            )
        )
    return specs


def page_markdown(spec: PageSpec, portal, lang: str) -> str:
    """The page as Markdown: front matter (macros off: data is never evaluated as a template) and HTML."""
    title = spec.title.get(lang) if isinstance(spec.title, dict) else text.plain(spec.title, lang)
    meta = {
        # The theme prints the title unescaped in <title> and the navigation: escape it here.
        "title": str(escape(title)),
        "render_macros": False,
        # a data page's tab holds one page: no sidebar of one link beside its tables, which get the width instead
        "hide": ["navigation"],
        "x_source": spec.source,
        "x_updated": spec.updated.isoformat() if spec.updated else None,
        "x_description": page_summary.shorten(page_summary.spec_description(spec, portal, lang), lang),
    }
    front = "\n".join(
        f"{key}: {json.dumps(value, ensure_ascii=False)}" for key, value in meta.items() if value is not None
    )
    body = render_fragment(spec.template, portal, lang, spec.url(lang), spec=spec, **spec.context)
    return f"---\n{front}\n---\n\n{body}"
