# Every generated page's Markdown kept from one `mkdocs build` to the next, in .cache/pages/ (PORTAL_PAGE_CACHE=0:
# off), each page with its spec's fingerprint and what it read of the portal (portal_reads.py, kept_reads.py). The pack
# is read only by the same code: each file of what renders pages (mkdocs.yml, overrides/, macros/), the libraries
# installed and the publication settings make its key. A build whose data/, docs/ and produced files' sizes are the
# last one's takes every page as it is; any other asks its own portal the questions each kept page asked, and renders
# again only the pages whose spec or answers changed (an edit of one notice: the few dozen pages that show it), as
# `mkdocs serve --dirty` does in memory (serve_session.py).
from __future__ import annotations

import hashlib
import os
import pickle
import sys
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

from macros.data.portal import Portal
from macros.data.read_cache import PROJECT_ROOT, write_pack
from macros.site.digests import CODE, digest, tree_digests
from macros.site.kept_reads import Kept, as_kept, kept, revived
from macros.site.portal_reads import Fingerprints, Reads, TokenValues, portal_fingerprints, recording

SWITCH = "PORTAL_PAGE_CACHE"  # "0" turns the store off
DEFAULT_FOLDER = PROJECT_ROOT / ".cache" / "pages"
# one file: the SHA-256 of the rest, then the key, then the pickled (inputs, {page URL: its KeptPage, pickled}); each
# page pickled on its own, so that a build which renders a few pages writes the others back as the bytes it read (at
# 2000 notices pickling every page again was 0.27 s of each edit build, the pages as bytes 0.08 s)
PACK = "pages.bin"
_DIGEST = hashlib.sha256().digest_size

# A kept page: (its spec's fingerprint, the questions it asked or None when they cannot be asked again, the digest of
# their answers, its Markdown)
KeptPage = tuple[str, Kept | None, str, str]


def installed() -> list[str]:
    """The distributions on this process's path, as their metadata folders name them (name and version)."""
    names = []
    for entry in sys.path:
        try:
            names += [n for n in os.listdir(entry or ".") if n.endswith((".dist-info", ".egg-info"))]
        except OSError:  # not a folder (a zip, a file gone)
            continue
    return sorted(names)


class PageStore:
    """The pages kept by the last build, read whole at the first page, and those this build makes, written back
    whole, through a temporary file and a rename, when the build made any page the store did not hold as it is."""

    def __init__(
        self,
        folder: Path | None,
        root: Path,
        settings: object,
        sizes: Callable[[], Iterable[tuple]],
        portal: Portal | None = None,
        produced: Callable[[str], bytes] | None = None,
    ):
        self.folder = folder  # None: off
        # settings: the publication's and the features', by repr; sizes: (path, bytes) of every produced file;
        # produced: a produced file's bytes (a form page shows its files' sizes)
        self._root, self._settings, self._sizes = root, settings, sizes
        self._portal, self._produced = portal, produced
        self._key: str | None = None  # made at the first page: the produced files' sizes are known by then
        self._inputs = ""  # digest of data/, docs/ and the produced files' sizes
        self._files: dict[str, str] = {}  # data/ and docs/: path -> digest
        self._same_inputs = False  # every kept page is taken as it is
        self._kept: dict[str, bytes] = {}  # page URL -> its KeptPage as the last build pickled it
        self._made: dict[str, KeptPage] = {}
        self._reads: dict[str, Reads] = {}  # page URL -> what it read, for the pages rendered in this build
        self._reading: Reads | None = None  # what the page being rendered reads
        self._values: TokenValues | None = None
        self._fingerprints: Fingerprints | None = None
        self._spec_prints: dict[int, tuple[object, str]] = {}
        self.rendered = 0  # pages rendered in this build (the others taken from the store)

    def page_markdown(self, url: str, spec: object, render: Callable[[Any], str]) -> str:
        """The page's Markdown: kept, or `render(portal)` with a portal that records what the page reads."""
        if self.folder is None or self._portal is None:
            return render(self._portal)
        if self._key is None:
            self._start()
        last = self._kept_page(url)
        if self._same_inputs and last is not None:
            return self._take(url, last)
        spec_print = self._spec_print(spec)
        if last is not None and last[0] == spec_print and last[1] is not None:
            reads = revived(last[1], self._fingerprint())
            if reads is not None and self._answers().digest(reads) == last[2]:
                return self._take(url, last)
        view, reads = recording(self._portal)
        self._reading = reads
        try:
            markdown = render(view)
        finally:
            self._reading = None
        self.rendered += 1
        self._made[url] = (spec_print, None, "", markdown)
        self._reads[url] = reads
        return markdown

    def file_size_read(self, path: str) -> None:
        """The page being rendered shows the size of the produced file at `path`."""
        if self._reading is not None:
            self._reading[("file", path)] = (path,)

    def key(self) -> str:
        code = tree_digests(PROJECT_ROOT, CODE)  # the code this process runs
        return digest(sorted(code.items()), installed(), sys.version, self._settings)

    def inputs(self) -> str:
        self._files = tree_digests(self._root, ("data", "docs"))
        return digest(sorted(self._files.items()), sorted(self._sizes()))

    def save(self) -> None:
        """The build is done: its pages are kept, with what each read, unless the store held them all as they are."""
        if self.folder is None or self._key is None:
            return
        if self.rendered == 0 and self._same_inputs and self._made.keys() == self._kept.keys():
            return
        for url, reads in self._reads.items():
            spec_print, _, _, markdown = self._made[url]
            questions = kept(reads, self._fingerprint())
            answers = "" if questions is None else self._answers().digest(as_kept(reads, questions))
            self._made[url] = (spec_print, questions, answers, markdown)
        pages = {  # a page not rendered again is the one kept: its bytes as read
            url: pickle.dumps(page, protocol=pickle.HIGHEST_PROTOCOL) if url in self._reads else self._kept[url]
            for url, page in self._made.items()
        }
        stored = (self._inputs, pages)
        body = self._key.encode() + pickle.dumps(stored, protocol=pickle.HIGHEST_PROTOCOL)
        write_pack(self.folder / PACK, body, "every page is rendered again next time")

    def _start(self) -> None:
        self._key, self._inputs = self.key(), self.inputs()
        inputs, self._kept = self._read(self._key)
        self._same_inputs = inputs == self._inputs

    def _kept_page(self, url: str) -> KeptPage | None:
        """The page as the last build kept it, or None (not kept, or its bytes do not load as a kept page)."""
        pickled = self._kept.get(url)
        if pickled is None:
            return None
        try:
            page = pickle.loads(pickled)
        except Exception:  # whatever the bytes hold, a page that does not load is rendered again
            return None
        return page if isinstance(page, tuple) and len(page) == 4 and isinstance(page[3], str) else None

    def _take(self, url: str, page: KeptPage) -> str:
        """The kept page is this build's, as it was."""
        self._made[url] = page
        return page[3]

    def _spec_print(self, spec: object) -> str:
        """The spec's fingerprint, worked out once for both languages' pages (the spec is kept alive with it)."""
        known = self._spec_prints.get(id(spec))
        if known is None or known[0] is not spec:
            known = self._spec_prints[id(spec)] = (spec, self._fingerprint().digest(spec))
        return known[1]

    def _fingerprint(self) -> Fingerprints:
        if self._fingerprints is None:  # every record by its file's bytes: what a spec holds and a page asks about
            assert self._portal is not None
            self._fingerprints = portal_fingerprints(self._portal, self._files)
        return self._fingerprints

    def _answers(self) -> TokenValues:
        """This build's portal's answers to the questions pages ask, each worked out once."""
        if self._values is None:
            assert self._portal is not None and self._produced is not None
            self._values = TokenValues(self._portal, None, self._files, self._produced, self._fingerprint())
        return self._values

    def _read(self, key: str) -> tuple[str, dict[str, bytes]]:
        assert self.folder is not None
        head = _DIGEST + len(key)
        try:
            with open(self.folder / PACK, "rb") as pack:
                if pack.read(head)[_DIGEST:] != key.encode():  # another code's pages: not read further
                    return "", {}
                pack.seek(0)
                stored = pack.read()
        except OSError:
            return "", {}
        body = memoryview(stored)[_DIGEST:]  # read in place: the pack is tens of megabytes
        if hashlib.sha256(body).digest() != stored[:_DIGEST]:
            return "", {}
        try:
            inputs, pages = pickle.loads(body[len(key) :])
        except Exception:  # whatever the bytes hold, a pack that does not load keeps nothing
            return "", {}
        whole = isinstance(inputs, str) and isinstance(pages, dict) and all(type(v) is bytes for v in pages.values())
        return (inputs, pages) if whole else ("", {})


def default_folder() -> Path | None:
    """The project's store, or none when PORTAL_PAGE_CACHE=0 (read on each build, so a test can set it)."""
    return None if os.environ.get(SWITCH, "1").strip() == "0" else DEFAULT_FOLDER
