# One build of the site (`mkdocs build`, or one rebuild of `mkdocs serve`): the data loaded and checked once, the
# publication settings, the page specs and the files the features produce, shared by every language's pass.
from __future__ import annotations

from collections.abc import Sequence
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING

from macros.data.portal import Portal, load_portal
from macros.data.publication import Publication
from macros.outputs.outputs import SiteFiles
from macros.render.pages import page_markdown
from macros.site.features import FEATURES, Feature
from macros.site.page_store import PageStore, default_folder
from macros.site.theme_templates import CompiledTemplates
from macros.views import translations
from macros.views.pages import PageSpec

if TYPE_CHECKING:
    from macros.site.serve_session import Rebuild

# Where the hooks keep the current Build: on mkdocs' config object. mkdocs hands that object to every event of one
# build, static-i18n's nested build of each other language reuses it, mkdocs-macros gives it to define_env and the
# macros as `env.conf`, and `mkdocs serve` loads a new one for every rebuild: the Build lives exactly as long as the
# build, with no module-level state (the hooks modules are loaded by file path, and the second hook file, search.py,
# and the macros reach it the same way).
CONFIG_ATTRIBUTE = "x_portal_build"


class Build:
    """The state of one build. Everything is made on first use and kept: the page specs once for both languages,
    the produced files once (the form pages show their sizes before the build writes them)."""

    portal: Portal
    site: Publication  # site_url, identity, calendar reminder (mkdocs.yml)
    features: tuple[Feature, ...]
    files: SiteFiles
    serve: Rebuild | None  # under `mkdocs serve`: what this rebuild reuses of the last (macros/site/serve_session.py)
    pages: PageStore | None  # under `mkdocs build`: the pages kept from the last build (macros/site/page_store.py)
    theme_templates: CompiledTemplates  # the theme's, compiled once for every language (under serve: every rebuild)

    def __init__(
        self,
        portal: Portal,
        site: Publication,
        features: Sequence[Feature] = FEATURES,
        files: SiteFiles | None = None,
        serve: Rebuild | None = None,
    ):
        self.portal = portal
        self.site = site
        self.features = tuple(features)
        self.files = files or SiteFiles(portal, site, [f.files for f in self.features if f.files])
        self.serve = serve
        self.pages = None
        self.theme_templates = CompiledTemplates()

    @classmethod
    def load(cls, root: Path | str, site: Publication, features: Sequence[Feature] = FEATURES) -> Build:
        """Read and check root/data (DataError lists every problem); a generated page is the one the last build kept
        when nothing it is made of changed since (macros/site/page_store.py)."""
        build = cls(load_portal(root), site, features)
        made_by = [(f.name, getattr(f.pages, "__qualname__", None)) for f in build.features]
        build.pages = PageStore(
            default_folder(),
            Path(root),
            (site, made_by),
            build._sizes,
            build.portal,
            lambda path: build.files.all()[path],
        )
        return build

    @cached_property
    def specs(self) -> list[PageSpec]:
        """Every page the data generates, in the features' order."""
        if self.serve is not None:
            return [spec for f in self.features if f.pages for spec in self.serve.feature_specs(f, self)]
        return [spec for feature in self.features if feature.pages for spec in feature.pages(self)]

    @cached_property
    def coverage(self) -> translations.Coverage:
        """What of the data is translated: its page and the build's log line (worked out once)."""
        return translations.coverage(self.portal, kept=self.serve.texts if self.serve is not None else None)

    def page_markdown(self, spec: PageSpec, lang: str) -> str | None:
        """The page's Markdown; under `mkdocs serve --dirty` None when nothing it shows changed since the last
        build (mkdocs then neither renders nor writes it)."""
        if self.serve is not None:
            return self.serve.page_markdown(spec, lang, page_markdown)
        if self.pages is not None:
            return self.pages.page_markdown(spec.url(lang), spec, lambda portal: page_markdown(spec, portal, lang))
        return page_markdown(spec, self.portal, lang)

    def portal_for(self, page_url: str) -> Portal:
        """The portal as the page hooks read it for one page (under serve, recording what that page reads)."""
        return self.serve.portal_for(page_url) if self.serve is not None else self.portal

    def write_files(self, site_dir: str) -> None:
        """Every produced file (under serve: only those whose bytes changed since the last build)."""
        if self.serve is not None:
            self.serve.write_files(site_dir)
        else:
            self.files.write(site_dir)
        if self.pages is not None:  # the build's pages are all made: keep them for the next
            self.pages.save()

    def file_size(self, path: str) -> int:
        if self.pages is not None:  # the page being rendered shows it: it is made again when the file's size changes
            self.pages.file_size_read(path)
        return self.files.size(path)

    def _sizes(self) -> list[tuple[str, int]]:
        return [(path, len(data)) for path, data in self.files.all().items()]

    # ------------------------------------------------ the build of a mkdocs config

    def attach(self, config) -> Build:
        setattr(config, CONFIG_ATTRIBUTE, self)
        return self

    @staticmethod
    def find(config) -> Build | None:
        """The Build the hooks made for this config, or None in a site without the data hooks (the benchmark's
        pre-rendered baseline, which keeps only the search hook)."""
        return getattr(config, CONFIG_ATTRIBUTE, None)

    @staticmethod
    def of(config) -> Build:
        """The Build the hooks made for this config in on_config."""
        build = getattr(config, CONFIG_ATTRIBUTE, None)
        if build is None:
            raise RuntimeError("no Build for this mkdocs config: macros/site/hooks.py on_config makes it")
        return build
