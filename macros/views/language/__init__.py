# Every word the site writes and how each language writes it, in one place: the labels, page titles, punctuation and
# date formats (labels.py and the labels_*.py beside it), the enumerated values' words (enums.py), the languages and
# their properties (languages.py), picking a Text in a language (picking.py; its HTML with the untranslated marker is macros/render/render.py pick) and writing dates (dates.py).
from __future__ import annotations

from macros.views.language.dates import fmt_date, fmt_range
from macros.views.language.enums import ENUMS
from macros.views.language.labels import LABELS, label, labels_of
from macros.views.language.languages import DEFAULT_LANG, LANGS, ORIGINAL, PROPERTIES, is_cjk, others
from macros.views.language.picking import exact, plain, plain_marked, translated


def enum_label(kind: str, value: str, lang: str) -> str:
    return ENUMS[kind][value][lang]


__all__ = [
    "DEFAULT_LANG",
    "ENUMS",
    "LABELS",
    "LANGS",
    "ORIGINAL",
    "PROPERTIES",
    "enum_label",
    "exact",
    "fmt_date",
    "fmt_range",
    "is_cjk",
    "label",
    "labels_of",
    "others",
    "plain",
    "plain_marked",
    "translated",
]
