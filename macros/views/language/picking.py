# A Text of the data in the reader's language, as plain text: with the original as fallback (plain) or followed by
# the untranslated marker (plain_marked), or only the language's own text (exact). Its HTML form with the marker is
# macros/render/render.py pick().
from __future__ import annotations

from macros.views.language.labels import label
from macros.views.language.languages import ORIGINAL


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
