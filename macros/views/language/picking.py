# A Text of the data in the reader's language, the four ways pages and files need it: escaped for HTML with the
# untranslated marker (pick), plain with the original as fallback (plain) or with the marker (plain_marked), and only
# the language's own text (exact).
from __future__ import annotations

from markupsafe import Markup

from macros.render.safe_text import unbroken
from macros.views.language.labels import label
from macros.views.language.languages import ORIGINAL


def pick(text, lang: str) -> Markup:
    """The text in `lang`, escaped (tokens kept unbroken); the original with a visible marker when the
    translation is missing."""
    if text is None:
        return Markup("")
    if isinstance(text, str):
        return unbroken(text)
    value = getattr(text, lang, None)
    if value:
        return unbroken(value)
    return Markup('<span lang="{}">{}</span> <span class="x-untranslated">{}</span>').format(
        ORIGINAL, unbroken(getattr(text, ORIGINAL)), label("untranslated", lang)
    )


def plain(text, lang: str) -> str:
    """Unescaped text in `lang` (falls back to the original), for attributes handled by an escaping template."""
    if text is None:
        return ""
    if isinstance(text, str):
        return text
    return getattr(text, lang, None) or getattr(text, ORIGINAL)


def plain_marked(text, lang: str) -> str:
    """Unescaped text in `lang`; the original followed by the untranslated marker when the translation is missing
    (a feed's titles and summaries, where no markup marks it)."""
    if text is None:
        return ""
    translated = getattr(text, lang, None)
    if translated:
        return translated
    return f"{getattr(text, ORIGINAL)} {label('untranslated', lang)}"


def exact(text, lang: str) -> str:
    """The text in `lang` only: "" when it is not yet translated (a calendar line in every language leaves it out)."""
    return getattr(text, lang, None) or ""


def translated(text, lang: str) -> bool:
    """Whether `lang` is a translation and `text` has it: then the original may be shown beside it."""
    return lang != ORIGINAL and bool(exact(text, lang))
