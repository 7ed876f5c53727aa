# The site's languages and what differs between them besides their words (labels.py): which is at the root, which
# the documents are written in, and the typographic properties code asks instead of comparing a language's code.
from __future__ import annotations

from dataclasses import dataclass

from macros.data.models import LANGS  # the languages every Text of the data has a field for (one definition)

DEFAULT_LANG = LANGS[0]  # at the site's root; every other language under /<lang>/
ORIGINAL = "zh"  # the documents' language: every Text of the data has it, the others are our translations


@dataclass(frozen=True)
class Language:
    # Chinese, Japanese or Korean typography: no spaces between words, full-width punctuation, headings set in a
    # heavier face (黑体) rather than in bold, and text cut at any character rather than at a space
    cjk: bool
    # about what search results show of a page's description before they cut it (CJK characters are twice as wide)
    description_length: int
    # the language tag written into the properties of the Word and Excel files made from forms
    office_tag: str
    # the language of a Word document's text (w:lang), which picks its spelling checker
    word_tag: str


PROPERTIES: dict[str, Language] = {
    "zh": Language(cjk=True, description_length=100, office_tag="zh-CN", word_tag="zh-CN"),
    "en": Language(cjk=False, description_length=160, office_tag="en", word_tag="en-GB"),
}


def is_cjk(lang: str) -> bool:
    return PROPERTIES[lang].cjk


def others(lang: str) -> list[str]:
    """The site's languages other than `lang`, in their order."""
    return [other for other in LANGS if other != lang]
