# Renders HTML fragments from overrides/fragments/ (Jinja, autoescaped) with the portal's helpers in scope.
from __future__ import annotations

from functools import cache, lru_cache

import jinja2
from markupsafe import Markup

from macros.project import ROOT
from macros.render.safe_text import finalize, unbroken
from macros.views import language, limits, platform, urls
from macros.views.urls import relative, site_path

FRAGMENTS = ROOT / "overrides" / "fragments"


def pick(text, lang: str) -> Markup:
    """A Text in `lang` as HTML, escaped (tokens kept unbroken); the original with a visible marker when the
    translation is missing."""
    if text is None:
        return Markup("")
    if isinstance(text, str):
        return unbroken(text)
    if value := language.exact(text, lang):
        return unbroken(value)
    return Markup('<span lang="{}">{}</span> <span class="x-untranslated">{}</span>').format(
        language.ORIGINAL, unbroken(language.plain(text, language.ORIGINAL)), language.label("untranslated", lang)
    )


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
    # what every template may use besides its context: the limits of national pages and the site's paths, from the
    # one module that holds each (a template never writes a number of notices or a folder name out)
    env.globals.update(
        fmt_date=language.fmt_date,
        fmt_range=language.fmt_range,
        original=language.ORIGINAL,
        limits=limits,
        page_path=urls.page_path,
        ics_event_path=urls.ics_event_path,
    )
    return env


class Context(dict):
    """What every fragment sees: the language, the current page URL and helpers bound to both."""

    def __init__(self, portal, lang: str, page_url: str, **extra):
        super().__init__(portal=portal, lang=lang, page_url=page_url, **extra)
        self.update(_language_helpers(lang))
        self.update(
            link=lambda kind, ident="": relative(site_path(kind, ident, lang), page_url),
            asset=lambda path: relative(path, page_url),
        )


@cache  # made once per language, not for every page: they read nothing but the language and the words (constants)
def _language_helpers(lang: str) -> dict:
    paren_open, paren_close = language.label("paren_open", lang), language.label("paren_close", lang)
    # Markup, so that a label formatted with a date (below) keeps the date's markup
    labels = {key: Markup.escape(words[lang]) for key, words in language.LABELS.items() if lang in words}
    word_space = language.label("word_space", lang)
    return dict(
        t=lambda value: pick(value, lang),
        # running text of a document, never inside a link: the national platform and web addresses linked
        prose=lambda value: platform.link(pick(value, lang)),
        plain=lambda value: language.plain(value, lang),
        # whether `value` is shown in a translation, beside which the original may stand
        translated=lambda value: language.translated(value, lang),
        label=labels.__getitem__,
        enum=lambda kind, value: language.enum_label(kind, value, lang),
        # a date stays on one line wherever it is written, in a sentence too (portal.css .x-nobr); `%` escapes its
        # argument as Markup.format does, without a string.Formatter per date
        date=lambda day: Markup('<span class="x-nobr">%s</span>') % language.fmt_date(day, lang) if day else "",
        span=lambda start, end: language.fmt_range(start, end, lang),
        # punctuation follows the language (labels.PUNCTUATION): full-width in Chinese, ASCII with a space
        # before in English
        paren=lambda inner: Markup("%s%s%s") % (paren_open, inner, paren_close),
        paren_open=lambda: paren_open,
        paren_close=lambda: paren_close,
        space=lambda: word_space,
    )


def render_fragment(name: str, portal, lang: str, page_url: str, **extra) -> str:
    return environment().get_template(name).render(Context(portal, lang, page_url, **extra))
