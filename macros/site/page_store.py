# Every generated page's Markdown kept from one `mkdocs build` to the next, in .cache/pages/ (PORTAL_PAGE_CACHE=0:
# off), under a key of everything the pages are made of: each file of the code that renders them (mkdocs.yml,
# overrides/, macros/) and the libraries installed, each file of data/ and docs/, the publication settings and the
# produced files' sizes (the form pages show them). A build whose key is the last one's takes every page from here;
# any other renders every page, as a build without the store does, and keeps them for the next. Pages are not kept
# one by one: `mkdocs serve` follows what each page read (serve_session.py), and recording it in every build cost a
# build with a new key more than a rebuild after one edit saved.
from __future__ import annotations

import hashlib
import os
import pickle
import sys
from collections.abc import Callable, Iterable
from pathlib import Path

from macros.data.read_cache import PROJECT_ROOT, write_pack
from macros.site.digests import CODE, digest, tree_digests

SWITCH = "PORTAL_PAGE_CACHE"  # "0" turns the store off
DEFAULT_FOLDER = PROJECT_ROOT / ".cache" / "pages"
PACK = "pages.bin"  # one file: the SHA-256 of the rest, then the key, then the pickled {page URL: Markdown}
_DIGEST = hashlib.sha256().digest_size


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
    whole, through a temporary file and a rename, when the build made any page the store did not hold."""

    def __init__(self, folder: Path | None, root: Path, settings: object, sizes: Callable[[], Iterable[tuple]]):
        self.folder = folder  # None: off
        # settings: the publication's and the features', by repr; sizes: (path, bytes) of every produced file
        self._root, self._settings, self._sizes = root, settings, sizes
        self._key: str | None = None  # made at the first page: the produced files' sizes are known by then
        self._kept: dict[str, str] = {}
        self._made: dict[str, str] = {}
        self.rendered = 0  # pages rendered in this build (the others taken from the store)

    def page_markdown(self, url: str, render: Callable[[], str]) -> str:
        if self.folder is None:
            return render()
        if self._key is None:
            self._key = self.key()
            self._kept = self._read(self._key)
        markdown = self._kept.get(url)
        if markdown is None:
            markdown = render()
            self.rendered += 1
        self._made[url] = markdown
        return markdown

    def key(self) -> str:
        code = tree_digests(PROJECT_ROOT, CODE)  # the code this process runs
        inputs = tree_digests(self._root, ("data", "docs"))
        return digest(
            sorted(code.items()),
            installed(),
            sys.version,
            sorted(inputs.items()),
            self._settings,
            sorted(self._sizes()),
        )

    def save(self) -> None:
        """The build is done: its pages are kept unless the store held them all already."""
        if self.folder is None or self._key is None or (self.rendered == 0 and self._made.keys() == self._kept.keys()):
            return
        body = self._key.encode() + pickle.dumps(self._made, protocol=pickle.HIGHEST_PROTOCOL)
        write_pack(self.folder / PACK, body, "every page is rendered again next time")

    def _read(self, key: str) -> dict[str, str]:
        assert self.folder is not None
        head = _DIGEST + len(key)
        try:
            with open(self.folder / PACK, "rb") as pack:
                if pack.read(head)[_DIGEST:] != key.encode():  # another build's pages: not read further
                    return {}
                pack.seek(0)
                stored = pack.read()
        except OSError:
            return {}
        body = memoryview(stored)[_DIGEST:]  # read in place: the pack is tens of megabytes
        if hashlib.sha256(body).digest() != stored[:_DIGEST]:
            return {}
        try:
            pages = pickle.loads(body[len(key) :])
        except Exception:  # whatever the bytes hold, a pack that does not load keeps nothing
            return {}
        return pages if isinstance(pages, dict) else {}


def default_folder() -> Path | None:
    """The project's store, or none when PORTAL_PAGE_CACHE=0 (read on each build, so a test can set it)."""
    return None if os.environ.get(SWITCH, "1").strip() == "0" else DEFAULT_FOLDER
