# mkdocs hooks (registered in mkdocs.yml): validate data/ before anything is written, add the pages the data
# generates to each language's build, and point each page's edit link at its YAML source.
from __future__ import annotations

import logging
import gc
import os
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
if ROOT not in sys.path:  # mkdocs loads hooks by file path; make the `macros` package importable
    sys.path.insert(0, ROOT)

from mkdocs.exceptions import PluginError  # noqa: E402
from mkdocs.plugins import event_priority  # noqa: E402

from macros import catalogue  # noqa: E402,F401  (registers the certificate catalogue page)
from macros import timeline  # noqa: E402,F401  (registers the timeline page)
from macros import calendar_pages, ics  # noqa: E402,F401  (register the calendar pages and .ics feeds)
from macros import forms as _forms  # noqa: E402,F401  (registers the form pages and .docx/.xlsx downloads)
from macros.errors import DataError  # noqa: E402
from macros.i18n_pages import add_generated_pages, current_language, i18n_plugin  # noqa: E402
from macros import outputs  # noqa: E402
from macros import feed as _feed  # noqa: E402,F401  (registers the Atom feed producer)
from macros import translations  # noqa: E402  (registers the maintainers' page of missing translations)
from macros.page_meta import head_html, meta_html, page_language  # noqa: E402
from macros.pages import OTHER_LANGUAGE_PAGES, page_markdown, page_specs  # noqa: E402
from macros.portal import cached_portal, start_build  # noqa: E402
from macros.text import DEFAULT_LANG  # noqa: E402


def _portal():
    try:
        return cached_portal(ROOT)
    except DataError as exc:
        raise PluginError(exc.report()) from None


@event_priority(100)  # first: every later on_config (search.py's too) reads the data checked here
def on_config(config):
    gc.unfreeze()  # what the previous build (in `mkdocs serve`) froze may be collected again
    start_build()  # data/ is checked for changes once per build, not on every page
    portal = _portal()  # fail before the site directory is touched
    calendar_pages.set_site_url(config.site_url)  # webcal links on the calendar pages
    if not i18n_plugin(config).building:  # once per build, not again in static-i18n's nested build
        _specs.clear()
        outputs.begin(portal, config.site_url, background=outputs.can_fork())
    data_dir = os.path.join(ROOT, "data")
    if data_dir not in config.watch:
        config.watch.append(data_dir)
    return config


# The page specs are language-neutral: collected once per build, shared by both languages' passes.
_specs: dict = {}


@event_priority(-200)  # after mkdocs-static-i18n (-100) has chosen this language's files
def on_files(files, config):
    portal = _portal()
    if _specs.get("portal") is not portal:
        _specs.update(portal=portal, specs=page_specs(portal))
    if current_language(config) == DEFAULT_LANG:
        files = add_generated_pages(files, config, _specs["specs"], lambda spec, lang: page_markdown(spec, portal, lang))
    else:  # rendered ahead, on the second core where there is one
        try:
            rendered = outputs.current(portal).ahead(OTHER_LANGUAGE_PAGES)
        except outputs.OutputError as exc:
            raise PluginError(f"could not render the {current_language(config)} pages: {exc}") from None
        files = add_generated_pages(files, config, _specs["specs"], lambda spec, lang: rendered[spec.src_uri(lang)])
    # The data, the specs and the generated pages live for the whole build: keep Python's cyclic garbage
    # collector from walking them again on every collection (measurably faster at national size).
    gc.freeze()
    return files


def on_page_context(context, page, config, nav):
    source = page.meta.get("x_source")
    if source and not source.endswith("/") and config.repo_url:  # a folder has no edit page
        base = config.extra.get("data_edit_base") or (config.repo_url.rstrip("/") + "/edit/main/")
        page.edit_url = base + source
    lang = page_language(page, config)
    context["x_page_head"] = head_html(_portal(), lang, page.url)
    context["x_page_meta"] = meta_html(_portal(), lang, page.url, page.meta, page.edit_url, config.repo_url)
    return context


def on_post_build(config):
    if i18n_plugin(config).building:  # inside static-i18n's nested build of another language
        return
    try:
        outputs.write_outputs(_portal(), config.site_dir, config.site_url)
    except outputs.OutputError as exc:
        raise PluginError(f"could not make the site's files: {exc}") from None
    logging.getLogger("mkdocs.hooks.portal").info(translations.coverage(_portal()).line())


def on_build_error(error):
    outputs.abandon()  # end the child making the files, if any
