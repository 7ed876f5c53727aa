# Every feature of the site, in order: the pages each generates from the data and the files each produces. This list
# is the whole site: a build (macros/site/build.py) makes exactly these pages and files, nothing registers itself.
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from macros.outputs import feed, form_files, ics
from macros.outputs.outputs import Producer
from macros.views import calendar_pages, catalogue, timeline, translations
from macros.views.pages import PageSpec, core_specs

if TYPE_CHECKING:
    from macros.site.build import Build


@dataclass(frozen=True)
class Feature:
    name: str
    pages: Callable[[Build], list[PageSpec]] | None = None  # its page specs, from the build's portal (and settings)
    files: Producer | None = None  # the files it produces besides pages


# The order of the pages is the order of the site's generated pages (and of the sitemap's entries).
FEATURES: tuple[Feature, ...] = (
    Feature("provinces and notices", pages=lambda build: core_specs(build.portal)),
    Feature("certificate catalogue", pages=lambda build: catalogue.catalogue_specs(build.portal)),
    Feature("timeline", pages=lambda build: timeline.timeline_specs(build.portal)),
    Feature(
        "deadline calendar and .ics feeds",
        pages=lambda build: calendar_pages.calendar_specs(build.portal, build.site.url),  # webcal links need the URL
        files=ics.produce_feeds,
    ),
    Feature(
        "forms and their .docx/.xlsx files",
        pages=lambda build: form_files.form_specs(build.portal, build.file_size),  # the pages show the files' sizes
        files=form_files.form_files,
    ),
    Feature("Atom feed of notices", files=feed.produce_feeds),
    Feature("missing translations (maintainers)", pages=lambda build: translations.translation_specs(build.coverage)),
)
