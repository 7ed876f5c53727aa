# mkdocs hooks (registered in mkdocs.yml): validate data/ before anything is written, add the pages the data
# generates to each language's build, point each page's edit link at its YAML source, give each page its
# description, its sitemap date and its absolute hreflang links, and each language its page-not-found page.
from __future__ import annotations

import logging
import gc
import os
import sys
from pathlib import Path

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
if ROOT not in sys.path:  # mkdocs loads hooks by file path; make the `macros` package importable
    sys.path.insert(0, ROOT)

from markupsafe import escape  # noqa: E402
from mkdocs.exceptions import PluginError  # noqa: E402
from mkdocs.plugins import event_priority  # noqa: E402

from macros.views import catalogue  # noqa: E402,F401  (registers the certificate catalogue page)
from macros.views import timeline  # noqa: E402,F401  (registers the timeline page)
from macros.views import calendar_pages  # noqa: E402,F401  (register the calendar pages and .ics feeds)
from macros.outputs import ics  # noqa: E402,F401  (register the calendar pages and .ics feeds)
from macros.outputs import form_files as _form_files  # noqa: E402,F401  (registers the form pages and .docx/.xlsx downloads)
from macros.data.errors import DataError  # noqa: E402
from macros.site.i18n_pages import add_generated_pages, current_language, i18n_plugin, page_alternates  # noqa: E402
from macros.site import not_found, serve_errors  # noqa: E402
from macros.outputs import outputs  # noqa: E402
from macros.views import page_summary  # noqa: E402
from macros.data import publication  # noqa: E402
from macros.outputs import feed as _feed  # noqa: E402,F401  (registers the Atom feed producer)
from macros.views import translations  # noqa: E402  (registers the maintainers' page of missing translations)
from macros.site.page_meta import head_html, meta_html, page_language  # noqa: E402
from macros.views.pages import OTHER_LANGUAGE_PAGES, page_markdown, page_specs  # noqa: E402
from macros.data.portal import cached_portal, start_build  # noqa: E402
from macros.views.text import DEFAULT_LANG  # noqa: E402


def _portal():
    try:
        return cached_portal(ROOT)
    except DataError as exc:
        raise PluginError(exc.report()) from None


def _publication(config) -> publication.Publication:
    try:
        return publication.from_mkdocs_config(config)
    except publication.ConfigProblem as exc:
        raise PluginError(str(exc)) from None


def on_startup(command, dirty):
    serve_errors.on_startup(command, Path(ROOT))  # `mkdocs serve` shows a page of problems while a build fails


def on_serve(server, config, builder):
    serve_errors.on_serve(server)
    return server


@event_priority(100)  # first: every later on_config (search.py's too) reads the data checked here
def on_config(config):
    gc.unfreeze()  # what the previous build (in `mkdocs serve`) froze may be collected again
    start_build()  # data/ is checked for changes once per build, not on every page
    portal = _portal()  # fail before the site directory is touched
    site = _publication(config)
    calendar_pages.set_site_url(config.site_url)  # webcal links on the calendar pages
    if not i18n_plugin(config).building:  # once per build, not again in static-i18n's nested build
        _specs.clear()
        outputs.begin(portal, site, background=outputs.can_fork())
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


def on_page_content(html, page, config, files):
    # mkdocs' templates do not escape: the description is escaped here, once, whatever its source
    lang = page_language(page, config)
    description = page.meta.get("x_description") or page.meta.get("description") or \
        page_summary.shorten(page_summary.first_paragraph(html), lang)
    page.meta["description"] = str(escape(description)) if description else None
    try:
        updated = page_summary.page_date(page.meta, _portal())
    except ValueError as exc:
        raise PluginError(f"{page.file.src_uri}: front matter `updated`: {exc}") from None
    if updated:
        page.update_date = updated.isoformat()  # the sitemap's lastmod
    return html


def on_page_context(context, page, config, nav):
    source = page.meta.get("x_source")
    if source and not source.endswith("/") and config.repo_url:  # a folder has no edit page
        page.edit_url = publication.data_edit_base(config.repo_url, config.edit_uri) + source
    lang = page_language(page, config)
    context["x_page_head"] = head_html(_portal(), lang, page.url, page_alternates(page, lang), config.site_url)
    # a hand-written page's own Markdown file, for its foot (docs/guide/fees.md)
    written = None if page.meta.get("x_source") or not page.file.abs_src_path else \
        Path(os.path.relpath(page.file.abs_src_path, ROOT)).as_posix()
    context["x_page_meta"] = meta_html(_portal(), lang, page.url, page.meta, page.edit_url, config.repo_url, written)
    return context


def on_template_context(context, template_name, config):
    if template_name == not_found.TEMPLATE:
        context.update(not_found.context(_portal(), current_language(config), config.site_url))
    return context


def on_post_template(output, template_name, config):
    if template_name == not_found.TEMPLATE:  # each language's own page, none written over another
        return not_found.place(output, current_language(config), config.site_dir)
    return output


def on_post_build(config):
    if i18n_plugin(config).building:  # inside static-i18n's nested build of another language
        return
    try:
        outputs.write_outputs(_portal(), config.site_dir, _publication(config))
    except outputs.OutputError as exc:
        raise PluginError(f"could not make the site's files: {exc}") from None
    Path(config.site_dir, "robots.txt").write_text(publication.robots_txt(config.site_url), encoding="utf-8")
    logging.getLogger("mkdocs.hooks.portal").info(translations.coverage(_portal()).line())


def on_build_error(error):
    outputs.abandon()  # end the child making the files, if any
