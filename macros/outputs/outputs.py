# The files the data produces besides pages (.ics feeds, form downloads, the Atom feed) for one build: every producer
# run once, in this process, on first use (a form page showing a file's size, or the build writing them); two
# producers writing one path, or a producer failing, is an error before anything is written.
from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

from macros.data.portal import Portal
from macros.data.publication import Publication

# (portal, publication) -> {site-relative path: bytes}; the features that have one are listed in macros/site/features.py
Producer = Callable[[Portal, Publication], dict[str, bytes]]


class OutputError(Exception):
    """A producer failed, or two producers write one path: the message says which file or record."""


class SiteFiles:
    """The produced files of one build of one portal, made together on first use and kept for the rest of the build
    (static-i18n renders the English pages, which show the same form sizes, after the files are written)."""

    def __init__(self, portal: Portal, site: Publication, producers: Sequence[Producer]):
        self.portal, self.site, self.producers = portal, site, tuple(producers)
        self._files: dict[str, bytes] | None = None

    def all(self) -> dict[str, bytes]:
        if self._files is None:
            files: dict[str, bytes] = {}
            for produce in self.producers:
                for path, data in _run(produce, self.portal, self.site).items():
                    if path in files:
                        raise OutputError(f"two producers write {path}")
                    files[path] = data
            self._files = files
        return self._files

    def size(self, path: str) -> int:
        """Bytes of one file of the site."""
        files = self.all()
        if path not in files:
            raise KeyError(f"no producer writes {path}")
        return len(files[path])

    def write(self, site_dir: str | Path) -> int:
        """Write every file under `site_dir` (all made first: a failing producer leaves nothing half-written)."""
        files = self.all()
        for path, data in files.items():
            target = Path(site_dir) / path
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(data)
        return len(files)


def _run(produce: Producer, portal: Portal, site: Publication) -> dict[str, bytes]:
    try:
        return produce(portal, site)
    except (ValueError, OSError) as exc:
        raise OutputError(f"{produce.__module__}.{produce.__name__}: {exc}") from None
