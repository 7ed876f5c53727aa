# The one Python module that touches mkdocs-static-i18n internals: which language is being built and whether this is
# the plugin's nested build of a further language, a page's language, and the data-generated pages added to the
# language being built with the attributes the plugin's language switcher and sitemap read.
# tests/site/test_i18n_pages.py breaks loudly if the plugin changes them.
from __future__ import annotations

from typing import Any

from mkdocs.structure.files import File, Files

from macros.views.language import DEFAULT_LANG

# What mkdocs shows as a generated page's origin (the name its plugin collection gives our hooks).
GENERATED_BY = "macros/site/hooks.py"

I18N_FILE_ATTRIBUTES = ("alternates", "locale", "locale_alternate_of", "localization", "norm_src_uri")


def i18n_plugin(config):
    plugin = config.plugins.get("i18n")
    if plugin is None:
        raise RuntimeError("the i18n plugin (mkdocs-static-i18n) must be configured")
    return plugin


def current_language(config) -> str:
    plugin = i18n_plugin(config)
    return plugin.current_language or plugin.default_language


def building_further_language(config) -> bool:
    """Inside static-i18n's nested build of a language after the first (it rebuilds with the same config from its
    on_post_build): what the outer build does once (make the Build, write the files, split the index) is done."""
    return i18n_plugin(config).building


def languages(config) -> tuple[str, list[str]]:
    """(the default language, the other languages built), as static-i18n builds them."""
    plugin = i18n_plugin(config)
    return plugin.default_language, [lang for lang in plugin.build_languages if lang != plugin.default_language]


def page_language(page) -> str:
    """A page's language, the one way it is worked out: the locale static-i18n gives every file it builds (and
    add_generated_pages ours)."""
    return getattr(page.file, "locale", None) or DEFAULT_LANG


def alternate_urls(page) -> dict[str, str]:
    """{language: URL of the page's counterpart, as mkdocs' `url` filter takes it} for the language switch
    (overrides/partials/alternate.html); empty where static-i18n gave the page no counterparts."""
    return {lang: file.url for lang, file in (getattr(page.file, "alternates", None) or {}).items()}


def search_base(base_url: str, config) -> str | None:
    """Where a page of a language after the default one finds its own search index (macros/site/search.py writes
    one per language): its language's folder; None for the default language, whose index is at the root."""
    plugin = i18n_plugin(config)
    lang = current_language(config)
    return None if lang == plugin.default_language else f"{base_url}/{lang}/"


def page_alternates(page, lang: str) -> dict[str, str]:
    """{language: site-relative URL} of the page (in `lang`) and its counterparts, "" for a home page, as
    static-i18n links them."""
    alternates = getattr(page.file, "alternates", None) or {lang: page.file}
    return {other: ("" if file.url in ("", "./", ".") else file.url) for other, file in alternates.items()}


def _page_file(config, spec, lang: str, build_lang: str, content: str | None, alternate: bool = False) -> Any:
    # Any: static-i18n reads attributes it sets on mkdocs' File objects (locale, alternates, …), which File does not declare
    # content: the Markdown, None for a page the same as in the last build of a `mkdocs serve --dirty` (mkdocs neither
    # reads nor writes it again); an alternate of another language has none (only its URL is ever read)
    src_uri = spec.src_uri(lang)
    file: Any = File(src_uri, src_dir=None, dest_dir=config.site_dir, use_directory_urls=config.use_directory_urls)
    if not alternate:
        # File.generated would do the same but reads the plugin collection's private current-plugin name
        file.content_string = content or ""
        file.generated_by = GENERATED_BY
        if content is None:
            file.is_modified = _unchanged
    url = spec.url(lang)
    file.dest_uri = url + "index.html"
    file.url = url if url else "./"
    file.locale = lang
    file.locale_alternate_of = build_lang
    file.localization = None if lang == i18n_plugin(config).default_language else lang
    file.norm_src_uri = spec.src_uri(i18n_plugin(config).default_language)
    return file


def add_generated_pages(files: Files, config, specs, render) -> Files:
    """Append one page per spec for the language being built; `render(spec, lang)` gives its Markdown, or None when
    the page is unchanged since the last build of `mkdocs serve --dirty`."""
    plugin = i18n_plugin(config)
    lang = current_language(config)
    added = []
    for spec in specs:
        page = _page_file(config, spec, lang, lang, render(spec, lang))
        page.alternates = {
            other: page if other == lang else _page_file(config, spec, other, lang, None, alternate=True)
            for other in plugin.build_languages
        }
        files.append(page)
        added.append(page)
    # The plugin's sitemap lists every language's pages from this map.
    plugin.i18n_files_per_language.setdefault(lang, []).extend(added)
    return files


def _unchanged() -> bool:
    return False
