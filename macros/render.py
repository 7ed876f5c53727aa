# Renders HTML fragments from overrides/fragments/ (Jinja, autoescaped) with the portal's helpers in scope.
from __future__ import annotations

import posixpath
from functools import lru_cache
from pathlib import Path

import jinja2
from markupsafe import Markup

from . import text
from .safe_text import finalize

ROOT = Path(__file__).resolve().parent.parent
FRAGMENTS = ROOT / "overrides" / "fragments"


def site_path(kind: str, ident: str, lang: str) -> str:
    """Site-relative URL of a generated page: 'notices/x/' or 'en/notices/x/'."""
    base = f"{kind}/{ident}/" if ident else f"{kind}/"
    return base if lang == text.DEFAULT_LANG else f"{lang}/{base}"


def relative(target: str, from_page: str) -> str:
    """URL of `target` as seen from the page at `from_page` (both site-relative, directory style)."""
    here = from_page if from_page.endswith("/") or not from_page else posixpath.dirname(from_page) + "/"
    rel = posixpath.relpath(target or ".", here or ".")
    if target.endswith("/") and not rel.endswith("/"):
        rel += "/"
    return "./" if rel in (".", "./") else rel


@lru_cache(maxsize=1)
def environment() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(FRAGMENTS)),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        extensions=["jinja2.ext.do"],
        finalize=finalize,  # data is escaped for Markdown too: fragments are embedded in Markdown pages
    )
    env.globals.update(fmt_date=text.fmt_date, fmt_range=text.fmt_range)
    return env


class Context(dict):
    """What every fragment sees: the language, the current page URL and helpers bound to both."""

    def __init__(self, portal, lang: str, page_url: str, **extra):
        super().__init__(portal=portal, lang=lang, page_url=page_url, **extra)
        self.update(
            t=lambda value: text.pick(value, lang),
            plain=lambda value: text.plain(value, lang),
            label=lambda key: text.label(key, lang),
            enum=lambda kind, value: text.enum_label(kind, value, lang),
            date=lambda day: text.fmt_date(day, lang),
            span=lambda start, end: text.fmt_range(start, end, lang),
            link=lambda kind, ident="": relative(site_path(kind, ident, lang), page_url),
            asset=lambda path: relative(path, page_url),
            # punctuation follows the language: full-width in Chinese, ASCII with a space before in English
            paren=lambda inner: (Markup("（{}）") if lang == "zh" else Markup(" ({})")).format(inner),
            paren_open=lambda: "（" if lang == "zh" else " (",
            paren_close=lambda: "）" if lang == "zh" else ")",
        )


def render_fragment(name: str, portal, lang: str, page_url: str, **extra) -> str:
    return environment().get_template(name).render(Context(portal, lang, page_url, **extra))
