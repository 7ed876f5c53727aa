# Search per language: words from the data for Chinese segmentation, and one index per language. static-i18n
# writes one combined index; after the last build it is split into search/search_index.json (default language)
# and <lang>/search/search_index.json, so each site searches and downloads only its own pages.
# The domain vocabulary for jieba is macros/site/jieba_user_dict.txt (mkdocs.yml plugins.search.jieba_dict_user).
from __future__ import annotations

import json
import os
import re
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
if ROOT not in sys.path:  # mkdocs loads hooks by file path; make the `macros` package importable
    sys.path.insert(0, ROOT)

from mkdocs.plugins import event_priority  # noqa: E402

from macros.site.build import Build  # noqa: E402
from macros.site.i18n_pages import building_further_language, languages  # noqa: E402

INDEX_PATH = "search/search_index.json"
# The search plugin segments only runs of Han characters, so "80号" is indexed as "80", zero-width space, "号", and
# a query for 80号 (or QQ群, 2022年) finds nothing. Joining a number or Latin word to one Han character that follows
# it makes "80号" one token, and "80" is still its prefix.
_LATIN_THEN_ONE_HAN = re.compile("([0-9A-Za-z])\u200b([\u4e00-\u9fff])(?=\u200b|$|[^\u4e00-\u9fff])")
_NAME_SEPARATORS = re.compile(r"[、，,\s]+")


def data_words(portal) -> list[str]:
    """Words jieba must keep whole: contact names and document-number prefixes (湘教通 in 湘教通〔2022〕80号)."""
    words = set()
    for notice in portal.notices:
        words.add(notice.doc_number.split("〔")[0])
        for contact in notice.contacts:
            words.update(name for name in _NAME_SEPARATORS.split(contact.name.zh) if 2 <= len(name) <= 4)
    return sorted(word for word in words if word)


def join_latin_suffix(text: str) -> str:
    return _LATIN_THEN_ONE_HAN.sub(r"\1\2", text)


def language_of(location: str, other_languages: list[str]) -> str | None:
    """The non-default language whose folder holds `location`, or None for a default-language page."""
    for lang in other_languages:
        if location == lang + "/" or location.startswith(lang + "/"):
            return lang
    return None


def split_index(index: dict, default_language: str, other_languages: list[str]) -> dict[str, dict]:
    """{site-relative index path: index}, one per language, locations relative to that language's root."""
    docs: dict[str, list] = {lang: [] for lang in [default_language, *other_languages]}
    for doc in index["docs"]:
        doc = {**doc, "title": join_latin_suffix(doc["title"]), "text": join_latin_suffix(doc["text"])}
        lang = language_of(doc["location"], other_languages)
        if lang is not None:
            doc["location"] = doc["location"][len(lang) + 1 :]
        docs[lang or default_language].append(doc)
    return {
        (INDEX_PATH if lang == default_language else f"{lang}/{INDEX_PATH}"): {**index, "docs": entries}
        for lang, entries in docs.items()
    }


def write_split_index(site_dir: str, default_language: str, other_languages: list[str], whole=None) -> dict[str, int]:
    """Replace the combined index under `site_dir` by one index per language; returns entries per path. `whole`:
    docs -> every page's docs (`mkdocs serve --dirty` indexes only the pages it rendered again)."""
    with open(os.path.join(site_dir, INDEX_PATH), encoding="utf-8") as handle:
        combined = json.load(handle)
    if whole is not None:
        combined["docs"] = whole(combined["docs"])
    counts = {}
    for path, index in split_index(combined, default_language, other_languages).items():
        target = os.path.join(site_dir, path)
        os.makedirs(os.path.dirname(target), exist_ok=True)
        with open(target, "w", encoding="utf-8") as handle:
            json.dump(index, handle, ensure_ascii=False, separators=(",", ":"))
        counts[path] = len(index["docs"])
    return counts


def on_config(config):  # after hooks.py's on_config (priority 100), which makes the build
    import jieba  # the same module object the search plugin segments with

    # `mkdocs serve --dirty`: the theme's search plugin would merge its previous index into each language's build and
    # static-i18n stack those again; the serve session keeps every page's entries instead (on_post_build)
    for name in ("search", "material/search"):
        if (plugin := config.plugins.get(name)) is not None and hasattr(plugin, "search_index_prev"):
            plugin.is_dirty, plugin.search_index_prev = False, None
    for word in data_words(Build.of(config).portal):
        jieba.add_word(word)
    return config


@event_priority(-150)  # after static-i18n (-100) has built every language and written the combined index
def on_post_build(config):
    if building_further_language(config):  # inside static-i18n's nested build: the combined index is not final yet
        return
    if not os.path.exists(os.path.join(config.site_dir, INDEX_PATH)):  # search disabled
        return
    default, others = languages(config)
    serve = Build.of(config).serve
    write_split_index(config.site_dir, default, others, serve.whole_search_index if serve else None)
