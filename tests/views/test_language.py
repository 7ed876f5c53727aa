# The language module is the one place with words: every label has a text in every language of LANGS, and no
# template or module asks which language it is by comparing to a language's code.
from __future__ import annotations

import json
import re

import pytest

from macros.views import language, limits
from macros.views.language import labels
from tests.support import ROOT


@pytest.mark.parametrize("lang", language.LANGS)
def test_every_label_has_a_text_in_every_language(lang):
    missing = [key for key, texts in language.LABELS.items() if not isinstance(texts.get(lang), str)]
    assert not missing, f"labels without {lang!r}: {missing}"


@pytest.mark.parametrize("lang", language.LANGS)
def test_every_enumerated_value_has_a_word_in_every_language(lang):
    missing = [
        f"{kind}.{value}"
        for kind, values in language.ENUMS.items()
        for value, texts in values.items()
        if not isinstance(texts.get(lang), str)
    ]
    assert not missing, f"enumerated values without {lang!r}: {missing}"


def test_labels_hold_no_language_the_site_does_not_have():
    extra = {key: sorted(set(texts) - set(language.LANGS)) for key, texts in language.LABELS.items()}
    assert not {key: langs for key, langs in extra.items() if langs}


@pytest.mark.parametrize("lang", language.LANGS)
def test_every_language_has_its_properties(lang):
    assert lang in language.PROPERTIES
    assert language.DEFAULT_LANG in language.LANGS and language.ORIGINAL in language.LANGS


def test_a_label_is_defined_once():
    """labels.LABELS merges the groups and refuses a key two groups define (one would silently win)."""
    with pytest.raises(KeyError, match="defined twice"):
        labels._merged({"x": {"zh": "甲", "en": "x"}}, {"x": {"zh": "乙", "en": "y"}})


def test_dates_follow_the_formats_of_each_language():
    import datetime as dt

    start, end = dt.date(2022, 3, 14), dt.date(2022, 6, 10)
    assert language.fmt_range(start, end, "zh") == "2022年3月14日—6月10日"
    assert language.fmt_range(start, end, "en") == "14 Mar – 10 Jun 2022"
    assert language.fmt_range(dt.date(2022, 6, 1), end, "en") == "1 – 10 Jun 2022"
    assert language.fmt_range(dt.date(2021, 12, 1), end, "zh") == "2021年12月1日—2022年6月10日"
    assert language.fmt_range(None, end, "en") == "by 10 Jun 2022"


# A comparison of a language (lang, self.lang, locale, …) with a language's code written out, in Python or Jinja:
# `lang == 'zh'`, `"en" != lang`, `lang in ("zh", …)`. Words and punctuation are labels; a typographic difference asks
# a property of the language (language.is_cjk, language.PROPERTIES) and the documents' own language is ORIGINAL.
LANGUAGE_NAME = r"\b(?:\w+\.)?(?:lang|language|locale|default_language)\b"
CODE = r"""['"][a-z]{2}(?:-[A-Za-z]{2})?['"]"""
COMPARISON = re.compile(
    rf"{LANGUAGE_NAME}\s*(?:==|!=|\bnot in\b|\bin\b)\s*(?:{CODE}|[(\[]\s*{CODE})|{CODE}\s*(?:==|!=)\s*{LANGUAGE_NAME}"
)
# every layer, not only views and render: outputs and site write words too (file names, Office properties, prose)
CHECKED = ["macros/**/*.py", "overrides/**/*.html"]
# (file, text of the line) of comparisons that are about a script's typography, not about words. Empty today: keep
# each entry commented with why it cannot be a property of the language.
ALLOWED: set[tuple[str, str]] = set()


def test_the_comparison_pattern_finds_what_it_is_meant_to():
    for line in ("{% if lang == 'zh' %}", 'x if self.lang != "en" else y', "if lang in ('zh', 'ja'):", "'zh' == lang"):
        assert COMPARISON.search(line), line
    for line in ("{% if lang != original %}", "lang == language.DEFAULT_LANG", 'lang="zh"', "LABELS[key][lang]"):
        assert not COMPARISON.search(line), line


def test_no_template_or_view_compares_a_language_to_its_code():
    found = []
    for pattern in CHECKED:
        for path in sorted(ROOT.glob(pattern)):
            name = path.relative_to(ROOT).as_posix()
            for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
                if COMPARISON.search(line) and (name, line.strip()) not in ALLOWED:
                    found.append(f"{name}:{number}: {line.strip()[:120]}")
    assert not found, "ask a label or a language property instead:\n" + "\n".join(found)


# The browser scripts write words too (status badges, dates in the "now / next" box): they take them from the page
# (script_words in macros/site/page_meta.py), so no script holds a word of any language or asks which language it is.
SCRIPTS = "docs/assets/**/*.js"
SCRIPT_LANGUAGE_CHECK = re.compile(r"""documentElement\.lang|===?\s*['"][a-z]{2}['"]|['"][a-z]{2}['"]\s*===?""")
CJK = re.compile(r"[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]")


def test_no_browser_script_holds_words_or_asks_the_language():
    found = []
    for path in sorted(ROOT.glob(SCRIPTS)):
        name = path.relative_to(ROOT).as_posix()
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            code = line.split("//")[0]  # comments may name what the words are
            if SCRIPT_LANGUAGE_CHECK.search(code) or CJK.search(code):
                found.append(f"{name}:{number}: {line.strip()[:120]}")
    assert not found, "take the words from the page's x-script-words instead:\n" + "\n".join(found)


def test_every_page_carries_the_scripts_words_in_its_language(built_site):
    for lang, prefix in (("zh", ""), ("en", "en/")):
        html = (built_site / prefix / "index.html").read_text(encoding="utf-8")
        found = re.search(r'<script type="application/json" id="x-script-words">(.*?)</script>', html)
        assert found, prefix
        words = json.loads(found.group(1))
        assert words["now"] == language.label("badge_now", lang) and words["date"] == language.label("date", lang)
        assert words["presentLimit"] == limits.PRESENT


def test_no_stylesheet_writes_words():
    """Generated content in CSS (phone cards' field names) comes from the page's attributes (data-card, data-label),
    which the language module fills: a stylesheet holds no word of any language."""
    words = re.compile(r"""content:\s*(?:"[^"]*[A-Za-z\u4e00-\u9fff][^"]*"|'[^']*[A-Za-z\u4e00-\u9fff][^']*')""")
    found = [
        f"{path.relative_to(ROOT).as_posix()}:{number}: {line.strip()[:100]}"
        for path in sorted(ROOT.glob("docs/assets/**/*.css"))
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if words.search(line)
    ]
    assert not found, "put the words in a label and the page's attribute instead:\n" + "\n".join(found)
