# mkdocs hooks (registered in mkdocs.yml), thin around the one Build (macros/site/build.py) that on_config makes per
# build: validate data/ before anything is written, add the pages the data generates to each language's build, point each page's edit link at its YAML source, give each page its
# description, its sitemap date and its absolute hreflang links, and each language its page-not-found page.
from __future__ import annotations

import gc
import logging
import os
import sys
from pathlib import Path

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
if ROOT not in sys.path:  # mkdocs loads hooks by file path; make the `macros` package importable
    sys.path.insert(0, ROOT)

from markupsafe import escape  # noqa: E402
from mkdocs.exceptions import PluginError  # noqa: E402
from mkdocs.plugins import event_priority  # noqa: E402

from macros.data import publication  # noqa: E402
from macros.data.errors import DataError  # noqa: E402
from macros.outputs.outputs import OutputError  # noqa: E402
from macros.site import macros_pages, not_found, serve_errors, serve_watch  # noqa: E402
from macros.site.build import Build  # noqa: E402
from macros.site.features import FEATURES  # noqa: E402
from macros.site.i18n_pages import (  # noqa: E402
    add_generated_pages,
    alternate_urls,
    building_further_language,
    current_language,
    page_alternates,
    page_language,
    search_base,
)
from macros.site.page_meta import head_html, meta_html  # noqa: E402
from macros.site.serve_session import ServeSession  # noqa: E402
from macros.views import page_summary  # noqa: E402

# `mkdocs serve` only, from on_startup to on_shutdown: what one rebuild may reuse of the last (see ServeSession). Not
# build state: each build is still its own Build, attached to its own config in on_config.
_serving: list[ServeSession] = []


def on_startup(command, dirty):
    serve_errors.on_startup(command, Path(ROOT))  # `mkdocs serve` shows a page of problems while a build fails
    _serving.clear()
    if command == "serve":  # not `mkdocs build`, nor `mkdocs serve --clean`, whose every rebuild starts afresh
        _serving.append(ServeSession(ROOT, dirty))


def on_shutdown():
    _serving.clear()


def on_serve(server, config, builder):
    serve_errors.on_serve(server)
    serve_watch.watch_by_events(server)  # a saved file heard of at once, no scan of data/ beside each rebuild
    return server


@event_priority(100)  # first: every later on_config (search.py's, the macros') reads the build made here
def on_config(config):
    if building_further_language(config):  # static-i18n's nested build of English: the same build goes on
        Build.of(config)  # the outer build's, which it must have made
        return config
    try:
        site = publication.from_mkdocs_config(config)
    except publication.ConfigProblem as exc:
        raise PluginError(str(exc)) from None
    gc.unfreeze()  # what the last build of this `mkdocs serve` process froze may be collected again
    collecting = gc.isenabled()
    gc.disable()  # loading makes long-lived records and hardly any garbage: no collection walks them as they grow
    try:  # fail before the site directory is touched
        build = _serving[0].build(site, FEATURES) if _serving else Build.load(ROOT, site)
    except DataError as exc:
        raise PluginError(exc.report()) from None
    finally:
        if collecting:
            gc.enable()
    # The data lives as long as the build: the cyclic collector need not walk it again on every collection of the
    # pages mkdocs renders (at 2000 notices its collections took ~1.5 s more CPU than the baseline's).
    gc.freeze()
    build.attach(config)
    macros_pages.skip_generated_pages(config)  # their Markdown is rendered already
    return config


@event_priority(-200)  # after mkdocs-static-i18n (-100) has chosen this language's files
def on_files(files, config):
    build = Build.of(config)
    try:  # the form pages show the sizes of the files: a producer that fails stops the build here
        specs = build.specs
        if build.serve:  # a page added or removed, or code changed: everything is made again
            build.serve.decide(specs, files, config.site_dir)
        files = add_generated_pages(files, config, specs, build.page_markdown)
    except OutputError as exc:
        raise PluginError(f"could not make the site's files: {exc}") from None
    if build.serve:
        build.serve.mark_written_pages(files)
    return files


@event_priority(-200)  # every page exists now, none is rendered yet
def on_env(env, config, files):
    build = Build.of(config)
    build.theme_templates.attach(env)  # mkdocs' new environment for this build and language
    if build.serve:  # the sitemap dates of the pages not rendered again
        build.serve.restore_sitemap_dates(file.page for file in files.documentation_pages())
        if build.serve.keeps_site():  # the 404 pages read no data (not_found.py): only what makes a build full
            config.theme.static_templates.discard(not_found.TEMPLATE)  # changes them, so the ones written stay
    return env


def on_page_content(html, page, config, files):
    # mkdocs' templates do not escape: the description is escaped here, once, whatever its source
    lang = page_language(page)
    description = (
        page.meta.get("x_description")
        or page.meta.get("description")
        or page_summary.shorten(page_summary.first_paragraph(html), lang)
    )
    page.meta["description"] = str(escape(description)) if description else None
    try:
        updated = page_summary.page_date(page.meta, Build.of(config).portal_for(page.url))
    except ValueError as exc:
        raise PluginError(f"{page.file.src_uri}: front matter `updated`: {exc}") from None
    if updated:
        page.update_date = updated.isoformat()  # the sitemap's lastmod
    return html


def on_page_context(context, page, config, nav):
    build = Build.of(config)
    portal = build.portal_for(page.url)  # under serve: what the page's head and foot read of the data is recorded
    if build.serve:
        build.serve.rendered(page)  # its sitemap date is this build's
    source = page.meta.get("x_source")
    if source and not source.endswith("/") and config.repo_url:  # a folder has no edit page
        page.edit_url = publication.data_edit_base(config.repo_url, config.edit_uri) + source
    lang = page_language(page)
    # what the theme's templates need from static-i18n, worked out here (overrides/main.html, partials/alternate.html)
    context["x_alternate_urls"] = alternate_urls(page)
    context["x_search_base"] = search_base(context["base_url"], config) if hasattr(page.file, "locale") else None
    context["x_page_head"] = head_html(portal, lang, page.url, page_alternates(page, lang), config.site_url)
    # a hand-written page's own Markdown file, for its foot (docs/guide/fees.md)
    written = (
        None
        if page.meta.get("x_source") or not page.file.abs_src_path
        else Path(os.path.relpath(page.file.abs_src_path, ROOT)).as_posix()
    )
    context["x_page_meta"] = meta_html(portal, lang, page.url, page.meta, page.edit_url, config.repo_url, written)
    return context


def on_template_context(context, template_name, config):
    if template_name == not_found.TEMPLATE:
        context.update(not_found.context(Build.of(config).portal, current_language(config), config.site_url))
    return context


def on_post_template(output, template_name, config):
    if template_name == not_found.TEMPLATE:  # each language's own page, none written over another
        return not_found.place(output, current_language(config), config.site_dir)
    return output


@event_priority(-200)  # last: after static-i18n (-100) has built every language and search.py (-150) split the index
def on_post_build(config):
    if building_further_language(config):  # the files are written once, by the outer build
        return
    build = Build.of(config)
    try:
        build.write_files(config.site_dir)
    except OutputError as exc:
        raise PluginError(f"could not make the site's files: {exc}") from None
    Path(config.site_dir, "robots.txt").write_text(publication.robots_txt(config.site_url), encoding="utf-8")
    logging.getLogger("mkdocs.hooks.portal").info(build.coverage.line())
    if build.serve:
        build.serve.commit()  # the build succeeded: the next one may skip what this one made


def on_build_error(error):
    if _serving:  # what the site directory holds is unknown: the next rebuild is a full one
        _serving[0].failed()
