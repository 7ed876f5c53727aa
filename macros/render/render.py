# Renders HTML fragments from overrides/fragments/ (Jinja, autoescaped) with the portal's helpers in scope.
from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import jinja2
from markupsafe import Markup

from macros.render.safe_text import finalize
from macros.views import platform, text

ROOT = Path(__file__).resolve().parents[2]
FRAGMENTS = ROOT / "overrides" / "fragments"


def site_path(kind: str, ident: str, lang: str) -> str:
    """Site-relative URL of a generated page: 'notices/x/' or 'en/notices/x/'."""
    base = f"{kind}/{ident}/" if ident else f"{kind}/"
    return base if lang == text.DEFAULT_LANG else f"{lang}/{base}"


def relative(target: str, from_page: str) -> str:
    """URL of `target` as seen from the page at `from_page` (both site-relative, directory style, no "..").
    Plain string work: it runs for every link of every generated page (posixpath.relpath asks for the cwd)."""
    here = from_page.split("/")[:-1]  # the page's folder: "notices/x/" -> [notices, x]; "a.html" -> []
    parts = target.split("/")
    common = 0
    while common < len(here) and common < len(parts) - 1 and here[common] == parts[common]:
        common += 1
    rel = "../" * (len(here) - common) + "/".join(parts[common:])
    return rel or "./"


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
            # running text of a document, never inside a link: the national platform and web addresses linked
            prose=lambda value: platform.link(text.pick(value, lang)),
            plain=lambda value: text.plain(value, lang),
            # Markup, so that a label formatted with a date (below) keeps the date's markup
            label=lambda key: Markup.escape(text.label(key, lang)),
            enum=lambda kind, value: text.enum_label(kind, value, lang),
            # a date stays on one line wherever it is written, in a sentence too (portal.css .x-nobr)
            date=lambda day: Markup('<span class="x-nobr">{}</span>').format(text.fmt_date(day, lang)) if day else "",
            span=lambda start, end: text.fmt_range(start, end, lang),
            link=lambda kind, ident="": relative(site_path(kind, ident, lang), page_url),
            asset=lambda path: relative(path, page_url),
            # punctuation follows the language: full-width in Chinese, ASCII with a space before in English
            paren=lambda inner: (Markup("（{}）") if lang == "zh" else Markup(" ({})")).format(inner),
            paren_open=lambda: "（" if lang == "zh" else " (",
            paren_close=lambda: "）" if lang == "zh" else ")",
            # between two items of a line: a space in English, none in Chinese (which sets no spaces between
            # words; the CSS spaces the items where they need it, e.g. `:lang(zh) .x-notice-list small`)
            space=lambda: "" if lang == "zh" else " ",
        )


def render_fragment(name: str, portal, lang: str, page_url: str, **extra) -> str:
    return environment().get_template(name).render(Context(portal, lang, page_url, **extra))
