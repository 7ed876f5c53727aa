# A generated page as the Markdown mkdocs reads: front matter (title, edit source, dates, description; macros off, so
# data is never evaluated as a template) and the HTML of its fragment in one language.
from __future__ import annotations

import json

from markupsafe import escape

from macros.render import raw_html
from macros.render.render import render_fragment
from macros.views import language, page_summary
from macros.views.pages import PageSpec


def page_markdown(spec: PageSpec, portal, lang: str) -> str:
    """The page as Markdown: front matter (macros off: data is never evaluated as a template) and HTML."""
    title = spec.title.get(lang) if isinstance(spec.title, dict) else language.plain(spec.title, lang)
    meta = {
        # The theme prints the title unescaped in <title> and the navigation: escape it here.
        "title": str(escape(title)),
        "render_macros": False,
        # a data page's tab holds one page: no sidebar of one link beside its tables, which get the width instead
        "hide": ["navigation"],
        "x_source": spec.source,
        "x_updated": spec.updated.isoformat() if spec.updated else None,
        "x_description": page_summary.shorten(page_summary.spec_description(spec, portal, lang), lang),
        "x_search_title": spec.search_title[lang] if spec.search_title else None,
    }
    front = "\n".join(
        f"{key}: {json.dumps(value, ensure_ascii=False)}" for key, value in meta.items() if value is not None
    )
    body = render_fragment(spec.template, portal, lang, spec.url(lang), spec=spec, **spec.context)
    return f"---\n{front}\n---\n\n{raw_html.sealed(body)}"
