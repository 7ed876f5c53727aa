# One build of the site (`mkdocs build`, or one rebuild of `mkdocs serve`): the data loaded and checked once, the
# publication settings, the page specs and the files the features produce, shared by every language's pass.
from __future__ import annotations

import hashlib
from collections.abc import Sequence
from functools import cached_property
from pathlib import Path

from macros.data.portal import Portal, load_portal
from macros.data.publication import Publication
from macros.outputs.outputs import SiteFiles
from macros.render.pages import page_markdown
from macros.site.features import FEATURES, Feature
from macros.views.pages import PageSpec

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

    def __init__(
        self, portal: Portal, site: Publication, features: Sequence[Feature] = FEATURES, files: SiteFiles | None = None
    ):
        self.portal = portal
        self.site = site
        self.features = tuple(features)
        self.files = files or SiteFiles(portal, site, [f.files for f in self.features if f.files])

    @classmethod
    def load(cls, root: Path | str, site: Publication, features: Sequence[Feature] = FEATURES) -> Build:
        """Read and check root/data (DataError lists every problem)."""
        return cls(load_portal(root), site, features)

    @cached_property
    def specs(self) -> list[PageSpec]:
        """Every page the data generates, in the features' order."""
        return [spec for feature in self.features if feature.pages for spec in feature.pages(self)]

    def page_markdown(self, spec: PageSpec, lang: str) -> str:
        return page_markdown(spec, self.portal, lang)

    def file_size(self, path: str) -> int:
        return self.files.size(path)

    # ------------------------------------------------ the build of a mkdocs config

    def attach(self, config) -> Build:
        setattr(config, CONFIG_ATTRIBUTE, self)
        return self

    @staticmethod
    def of(config) -> Build:
        """The Build the hooks made for this config in on_config."""
        build = getattr(config, CONFIG_ATTRIBUTE, None)
        if build is None:
            raise RuntimeError("no Build for this mkdocs config: macros/site/hooks.py on_config makes it")
        return build


class ServeSession:
    """`mkdocs serve`: each rebuild is a new Build, which reuses the last one's portal and produced files when data/
    and the publication settings are byte for byte the same (an edit to docs/ or a template then loads and makes
    nothing again). The page specs are made again: the maintainers' translations page reads docs/ too."""

    def __init__(self, root: Path | str):
        self.root = Path(root)
        self._last: tuple[tuple, Build] | None = None  # (content key, build)

    def build(self, site: Publication) -> Build:
        key = (_data_digest(self.root), site)
        if self._last is not None and self._last[0] == key:
            last = self._last[1]
            return Build(last.portal, site, last.features, last.files)
        self._last = None  # a load that fails is tried again on the next rebuild
        build = Build.load(self.root, site)
        self._last = (key, build)
        return build


def _data_digest(root: Path) -> str:
    """Names and bytes of every file under root/data (all that load_portal can read): the same digest, the same
    portal."""
    digest = hashlib.blake2b(digest_size=16)
    for path in sorted(p for p in (root / "data").rglob("*") if p.is_file()):
        name, content = path.relative_to(root).as_posix().encode(), path.read_bytes()
        for part in (name, content):
            digest.update(len(part).to_bytes(8, "big") + part)
    return digest.hexdigest()
