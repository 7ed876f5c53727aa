# What one `mkdocs serve --dirty` process keeps between its rebuilds, keyed by content (not build state: each rebuild
# is still its own Build): each data file's record by its bytes; the features' specs and the producers' files while
# data/ and docs/ are unchanged (made again otherwise: cheaper than recording what they read); and for every page
# (generated or in docs/) its spec and what it read of the portal (recorded while it rendered,
# macros/site/portal_reads.py) with a digest of those values. A rebuild after an edit renders again only the pages whose
# spec or reads changed; the rest is told to mkdocs' dirty build as not modified (never rendered nor written). A change
# to mkdocs.yml, overrides/ or macros/, a page added or removed, or a failed build makes the next build a full one (the
# site directory emptied, every page rendered).
from __future__ import annotations

import hashlib
import importlib
import logging
import os
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from mkdocs import utils
from mkdocs.structure.files import Files

from macros.data.errors import Problem
from macros.data.portal import Portal, load_portal, read_file
from macros.data.publication import Publication
from macros.outputs.outputs import Producer, SiteFiles
from macros.site.build import Build
from macros.site.digests import CODE, digest, tree_digests
from macros.site.features import Feature
from macros.site.portal_reads import Fingerprints, Reads, TokenValues, recording
from macros.site.theme_templates import CompiledTemplates
from macros.views.language import LANGS
from macros.views.pages import PageSpec


class _DirtyWarningFilter(logging.Filter):
    """mkdocs warns on every dirty build, and under --strict a warning aborts the build."""

    def filter(self, record: logging.LogRecord) -> bool:
        return not record.getMessage().startswith("A 'dirty' build is being performed")


@dataclass
class Made:
    """What one page read while it was made and the digest of those values."""

    reads: Reads
    reads_digest: str


class ServeSession:
    def __init__(self, root: Path | str, dirty: bool):
        self.root = Path(root)
        self.dirty = dirty  # `mkdocs serve --dirty`: pages are skipped; otherwise only loading and files are reused
        self._records: dict[str, tuple[bytes, Any, Any]] = {}  # data file -> (bytes, document, record)
        self.fingerprints = Fingerprints()
        self.sizes = _FileSizes(self)
        self.theme_templates = CompiledTemplates()  # the theme's, compiled once for the whole serve process
        self.texts: dict = {}  # each kept record's texts, as the translation coverage found them
        self._stats: dict[str, tuple] = {}  # file -> (modification time, size, digest) when last read
        # The form writers' libraries (python-docx, openpyxl) take about 1.5 s to import, and the first build takes
        # every form file from the cache: imported now, not by the first edit of data a form shows.
        importlib.import_module("macros.outputs.form_docx")
        importlib.import_module("macros.outputs.form_xlsx")
        if dirty:
            logging.getLogger("mkdocs.commands.build").addFilter(_DirtyWarningFilter())
        self._forget()

    def _forget(self) -> None:
        """Vouch for nothing: the next build is a full one."""
        self._code: dict[str, str] = {}
        self._data: dict[str, str] = {}
        self._inputs = ""  # digest of data/, docs/ and the settings the kept specs and files were made from
        self._features: dict[str, list[PageSpec]] = {}  # feature -> its specs
        self._producers: dict[str, dict[str, bytes]] = {}  # producer -> its files
        self._pages: dict[str, tuple[PageSpec, Made]] = {}  # page URL -> (its spec, what rendering it read)
        self._written_pages: dict[str, Made] = {}  # docs/ page URL -> what its macros and the page hooks read
        self._written: dict[str, bytes] = {}  # site file -> bytes last written
        self._dates: dict[str, str | None] = {}  # page URL -> sitemap date
        self._page_set = ""
        self._current: Rebuild | None = None

    # ------------------------------------------------ one build

    def build(self, site: Publication, features: Sequence[Feature]) -> Build:
        """The Build of this rebuild: data loaded again with every unchanged file's record reused, the producers
        wrapped to reuse their files while what they read is unchanged."""
        if self._current is not None:  # the last build did not finish: what the site directory holds is unknown
            self._forget()
        code = tree_digests(self.root, CODE, self._stats)
        data = tree_digests(self.root, ("data", "docs"), self._stats)
        data_only = {k: v for k, v in data.items() if k.startswith("data/")}
        portal = load_portal(self.root, self._read)
        full = code != self._code or not self._pages
        rebuild = Rebuild(self, portal, site, data, full=full, data_changed=data_only != self._data)
        self._code, self._data = code, data_only
        self._current = rebuild
        producers = [rebuild.reusing(f.files) for f in features if f.files]
        build = Build(portal, site, features, SiteFiles(portal, site, producers), serve=rebuild)
        build.theme_templates = self.theme_templates
        rebuild.build = build
        return build

    def failed(self) -> None:
        self._forget()

    def _read(self, path: Path, shown_as: str, model, problems: list[Problem]):
        """load_portal's reader: a file whose bytes are unchanged gives the document and record it gave before (only
        files without problems are kept, so a problem is always reported again)."""
        raw = path.read_bytes()
        key = f"{shown_as}:{model.__module__}.{model.__qualname__}"
        kept = self._records.get(key)
        if kept is not None and kept[0] == raw:
            return kept[1], kept[2]
        before = len(problems)
        doc, record = read_file(path, shown_as, model, problems)
        if record is not None and len(problems) == before:
            self._records[key] = (raw, doc, record)
            self.fingerprints.register(record, hashlib.blake2b(raw, digest_size=16).hexdigest())
        else:
            self._records.pop(key, None)
        return doc, record


class Rebuild:
    """The serve session's side of one Build: what it reuses and what it records for the next."""

    def __init__(
        self,
        session: ServeSession,
        portal: Portal,
        site: Publication,
        files: dict[str, str],
        full: bool,
        data_changed: bool = True,
    ):
        self.session, self.portal, self.full, self.data_changed = session, portal, full, data_changed
        self.texts = session.texts
        self.build: Any = None
        self.values = TokenValues(portal, site, files, self._produced, session.fingerprints)
        self.inputs = digest(sorted(files.items()), site)  # what the features and producers are made from
        self._made_features: dict[str, list[PageSpec]] = {}
        self._made_producers: dict[str, dict[str, bytes]] = {}
        self._made_pages: dict[str, tuple[PageSpec, Reads]] = {}
        self._kept_pages: dict[str, PageSpec] = {}  # URL -> this build's spec of a page not made again
        self._page_reads: dict[str, list[Reads]] = {}  # URL -> what the page hooks read
        self._decided = False
        self._reading: Reads | None = None  # what the feature or page being made reads

    def file_size(self, path: str) -> int:
        """A produced file's size, recorded as a read of the feature or page being made (a form page shows its own
        files' sizes, and is made again only when one of those changes)."""
        if self._reading is not None:
            self._reading[("file", path)] = (path,)
        return self.build.file_size(path)

    def _produced(self, path: str) -> bytes:
        return self.build.files.all()[path]

    def _unchanged(self, made: Made | None) -> bool:
        return made is not None and not self.full and self.values.digest(made.reads) == made.reads_digest

    # ------------------------------------------------ features and producers

    def _inputs_unchanged(self) -> bool:
        return not self.full and self.session._inputs == self.inputs

    def feature_specs(self, feature, build) -> list[PageSpec]:
        """The feature's specs: the last build's while data/ and docs/ are unchanged (docs/: the translations page
        lists its pages). Otherwise made again on the portal itself: recording what a feature reads cost more than
        making its specs (each reads nearly every notice), and its pages are compared spec by spec anyway."""
        kept = self.session._features.get(feature.name)
        specs = (
            kept if kept is not None and self._inputs_unchanged() else feature.pages(_Asking(build, self.session.sizes))
        )
        self._made_features[feature.name] = specs
        return specs

    def reusing(self, produce: Producer) -> Producer:
        """The producer, giving the last build's files while data/ and docs/ are unchanged (made again otherwise, on
        the portal itself: each reads every notice, and recording its reads cost more than its run)."""
        name = f"{produce.__module__}.{produce.__qualname__}"

        def reused_or_made(portal, site):
            kept = self.session._producers.get(name)
            files = kept if kept is not None and self._inputs_unchanged() else produce(portal, site)
            self._made_producers[name] = files
            return files

        reused_or_made.__module__, reused_or_made.__name__ = produce.__module__, produce.__name__
        return reused_or_made

    # ------------------------------------------------ pages

    def decide(self, specs: Sequence[PageSpec], files: Files, site_dir: str) -> None:
        """Before the first language's generated pages: a page added or removed (generated or in docs/) rebuilds
        everything, and a full build of a dirty serve starts from an empty site directory, as a clean build does."""
        if self._decided:
            return
        self._decided = True
        urls = sorted(spec.url(lang) for spec in specs for lang in LANGS)
        page_set = digest(urls, sorted(f.src_uri for f in files.documentation_pages()))
        if page_set != self.session._page_set:
            self.full = True
        self.session._page_set = page_set
        if self.full and self.session.dirty:
            self.session._written, self.session._dates = {}, {}
            utils.clean_directory(site_dir)

    def keeps_site(self) -> bool:
        """A dirty rebuild that is not a full one: what the site directory holds stays unless made again (decided
        before the first language's generated pages)."""
        return self._decided and self.session.dirty and not self.full

    def mark_written_pages(self, files: Files) -> None:
        """The hand-written pages (docs/) call the data's macros: after a change to data/, one is rendered again when
        what it read of the data (its macros, the page hooks) changed; mkdocs' dirty build renders it besides when
        its file is newer than its page."""
        if not (self.full or self.data_changed):
            return
        for file in files.documentation_pages():
            url = "" if file.url in (".", "./") else file.url  # as the page hooks see it (Page.url)
            if file.abs_src_path is not None and (
                self.full or not self._unchanged(self.session._written_pages.get(url))
            ):
                file.is_modified = _modified  # type: ignore[method-assign]

    def page_markdown(self, spec: PageSpec, lang: str, render: Callable[[PageSpec, Any, str], str]) -> str | None:
        """The page's Markdown, or None when it would be the same as the last build's (mkdocs --dirty skips it): its
        spec equals the last one (a reused feature's spec is the very same object; a remade one is compared field by
        field, context included: the page is a function of its spec and of what it read) and what it read is
        unchanged."""
        url = spec.url(lang)
        last = self.session._pages.get(url)
        if self.session.dirty and last is not None and _same_spec(last[0], spec) and self._unchanged(last[1]):
            self._kept_pages[url] = spec
            return None
        view, reads = recording(self.portal)
        self._reading = reads
        try:
            markdown = render(spec, view, lang)
        finally:
            self._reading = None
        self._made_pages[url] = (spec, reads)
        return markdown

    def portal_for(self, url: str) -> Portal:
        """The portal a page hook reads for the page at `url`, recording what it reads."""
        view, reads = recording(self.portal)
        self._page_reads.setdefault(url, []).append(reads)
        return view

    def depends_on(self, url: str, derive: Callable[[Portal], object]) -> None:
        """The page at `url` depends on `derive(portal)`, something worked out of the whole data outside the page's
        reads (the words jieba keeps whole, which cut its title into search keys)."""
        self._page_reads.setdefault(url, []).append(
            {("derived", f"{derive.__module__}.{derive.__qualname__}"): (derive,)}
        )

    def restore_sitemap_dates(self, pages: Iterable) -> None:
        """One language's pages, as mkdocs renders them (on_env): a page the dirty build skips gets back its sitemap
        date (static-i18n's sitemap lists every page)."""
        for page in pages:
            if page.markdown is None and page.url in self.session._dates:
                page.update_date = self.session._dates[page.url]

    def rendered(self, page) -> None:
        """The page is rendered in this build (on_page_context: its sitemap date is final)."""
        self.session._dates[page.url] = page.update_date

    def write_files(self, site_dir: str) -> None:
        """The produced files whose bytes changed (all of them after a full build); those no longer produced go."""
        files, written = self.build.files.all(), self.session._written
        if not self.session.dirty:  # mkdocs emptied the site directory
            written = {}
        for path in set(written) - set(files):
            target = Path(site_dir, path)
            if target.is_file():
                os.remove(target)
        for path, data in files.items():
            if written.get(path) != data:
                target = Path(site_dir, path)
                target.parent.mkdir(parents=True, exist_ok=True)
                target.write_bytes(data)
        self.session._written = dict(files)

    def commit(self) -> None:
        """The build succeeded: what it made and read is what the site directory now holds."""
        session, values = self.session, self.values
        session._features, session._producers, session._inputs = self._made_features, self._made_producers, self.inputs
        if self.full:
            session._pages, session._written_pages = {}, {}
        for url, spec in self._kept_pages.items():  # the same page from this build's spec (kept alive for the next)
            session._pages[url] = (spec, session._pages[url][1])
        for url, (spec, reads) in self._made_pages.items():
            reads = _joined([reads, *self._page_reads.get(url, [])])
            session._pages[url] = (spec, Made(reads, values.digest(reads)))
        for url, read in self._page_reads.items():  # the docs/ pages rendered in this build
            if url not in self._made_pages:
                reads = _joined(read)
                session._written_pages[url] = Made(reads, values.digest(reads))
        session._current = None


def _joined(parts: Iterable[Reads]) -> Reads:
    """What a page read while rendered and in each page hook, as one record."""
    joined: Reads = {}
    for part in parts:
        joined |= part
    return joined


def _modified() -> bool:
    return True


def _same_spec(last: PageSpec, spec: PageSpec) -> bool:
    """Equal specs give equal pages; a reused feature's specs are the very objects (compared at once)."""
    return last is spec or (last == spec and last.context == spec.context and last.search_title == spec.search_title)


class _FileSizes:
    """The produced files' sizes as the form pages' downloads ask for them (macros/outputs/form_model.Download): one
    object for the whole serve process, so a spec kept from an earlier build asks this build's files, each size read
    recorded on the page that shows it."""

    def __init__(self, session: ServeSession):
        self._session = session

    def file_size(self, path: str) -> int:
        rebuild = self._session._current
        assert rebuild is not None, "a file size asked outside a build"
        return rebuild.file_size(path)


class _Asking:
    """The Build as a feature's `pages` sees it under serve: the produced files' sizes asked of the serve process's
    one sizer (a form page's downloads keep it)."""

    def __init__(self, build: Build, sizes: _FileSizes):
        self.portal, self.site, self.file_size = build.portal, build.site, sizes.file_size
        self._build = build

    @property
    def coverage(self):
        return self._build.coverage
