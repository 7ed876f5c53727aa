# Renders HTML fragments from overrides/fragments/ (Jinja, autoescaped) with the portal's helpers in scope.
from __future__ import annotations

from functools import cache
from types import BuiltinFunctionType, FunctionType, MethodType

import jinja2
import jinja2.runtime
from markupsafe import Markup

from macros.project import ROOT
from macros.render import template_cache
from macros.render.output_code import FinalizedOutput
from macros.render.safe_text import as_markup, escaped, finalize, unbroken
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


# What a template calls most (the helpers below, the records' methods) are plain callables Jinja passes nothing to.
_PLAIN_CALLABLES = (FunctionType, BuiltinFunctionType, MethodType)


class _FragmentContext(jinja2.runtime.Context):
    """Jinja's context with a shorter way to call a plain function: a notice page makes some 200 calls, and Jinja's
    own `call` looks on each for the markers of `pass_context` and its kin first. A callable that carries such a
    marker (or is not a plain function) still goes Jinja's way."""

    def call(__self, __obj, *args, **kwargs):  # Jinja's own signature: a template may pass `self=`
        if type(__obj) in _PLAIN_CALLABLES and not hasattr(__obj, "jinja_pass_arg"):
            if kwargs:  # what Jinja passes for a `pass_context` callable only
                kwargs.pop("_block_vars", None)
                kwargs.pop("_loop_vars", None)
            try:
                return __obj(*args, **kwargs)
            except StopIteration:  # as Jinja's call
                return __self.environment.undefined(
                    "value was undefined because a callable raised a StopIteration exception"
                )
        return super().call(__obj, *args, **kwargs)


@cache  # one per language: a fragment's words are the language's, written into the compiled template
def environment(lang: str) -> jinja2.Environment:
    """The fragments' Jinja environment for pages in `lang`. `'key'|label` is a filter, so that Jinja's optimizer
    writes each label with a literal key into the template when it compiles it (some 70 on a notice page) instead
    of looking it up on every render."""
    labels = _labels(lang)
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(FRAGMENTS)),
        bytecode_cache=template_cache.default_cache(lang, labels),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        extensions=["jinja2.ext.do"],
        finalize=finalize,  # data is escaped for Markdown too: fragments are embedded in Markdown pages
    )
    env.context_class = _FragmentContext
    env.code_generator_class = FinalizedOutput  # `{{ … }}` is finalize() alone: it escapes
    # Markup, so that a label formatted with a date (`|format`) keeps the date's markup
    env.filters["label"] = labels.__getitem__
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


def _labels(lang: str) -> dict[str, Markup]:
    return {key: Markup.escape(words[lang]) for key, words in language.LABELS.items() if lang in words}


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
    return dict(
        t=lambda value: pick(value, lang),
        # running text of a document, never inside a link: the national platform and web addresses linked
        prose=lambda value: platform.link(pick(value, lang)),
        plain=lambda value: language.plain(value, lang),
        # whether `value` is shown in a translation, beside which the original may stand
        translated=lambda value: language.translated(value, lang),
        enum=lambda kind, value: language.enum_label(kind, value, lang),
        # a date stays on one line wherever it is written, in a sentence too (portal.css .x-nobr); escaped as every
        # value is, built without a Markup format per date
        date=lambda day: (
            as_markup(f'<span class="x-nobr">{escaped(language.fmt_date(day, lang))}</span>') if day else ""
        ),
        span=lambda start, end: language.fmt_range(start, end, lang),
        # punctuation follows the language (labels.PUNCTUATION): full-width in Chinese, ASCII with a space
        # before in English
        paren=lambda inner: Markup("%s%s%s") % (paren_open, inner, paren_close),
    )


def render_fragment(name: str, portal, lang: str, page_url: str, **extra) -> str:
    return environment(lang).get_template(name).render(Context(portal, lang, page_url, **extra))
