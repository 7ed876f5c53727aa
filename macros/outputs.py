# Files the data produces besides pages (.ics feeds, form downloads, the Atom feed): made once per build, not once
# per language, and written straight into the site directory. Where it is safe, a forked child process makes them
# on the second core while mkdocs renders the pages; a page that shows a file's size waits for that file only.
from __future__ import annotations

import gc
import multiprocessing
import os
import threading
from pathlib import Path

# Each producer: (portal, site_url or None) -> {site-relative path: bytes}. Feature modules add themselves here;
# one whose file sizes pages show goes first (forms.py), so that pages wait for it least.
PRODUCERS: list = []


class OutputError(Exception):
    """A producer failed (in this process or in the child): the message says which file or record."""


def can_fork() -> bool:
    """Fork only a single-threaded process (as `mkdocs build` is; `mkdocs serve` rebuilds from its server thread,
    and a fork there could copy a lock held by another thread) on a machine with a core to spare."""
    return ("fork" in multiprocessing.get_all_start_methods() and threading.active_count() == 1
            and (os.cpu_count() or 1) > 1)


class BuildFiles:
    """The files of one build of one loaded portal: each producer's result made here on first use, or received
    from the child process in PRODUCERS order."""

    def __init__(self, portal, site_url: str | None):
        self.portal, self.site_url = portal, site_url
        self._done: dict[int, dict[str, bytes]] = {}
        self._child = None
        self._pipe = None

    def start_child(self) -> None:
        context = multiprocessing.get_context("fork")
        receive, send = context.Pipe(duplex=False)
        # daemon: if the build stops half-way, the child is ended with it instead of being waited for
        self._child = context.Process(target=_child_main, args=(self, send), name="portal-files", daemon=True)
        self._child.start()
        send.close()
        self._pipe = receive

    def files_of(self, index: int) -> dict[str, bytes]:
        while index not in self._done:
            if self._pipe is None:
                self._done[index] = _produce(index, self.portal, self.site_url)
            else:
                self._receive()
        return self._done[index]

    def size(self, path: str) -> int:
        """Bytes of one file of the site, made (or waited for) only up to the producer that writes it."""
        for index in range(len(PRODUCERS)):
            files = self.files_of(index)
            if path in files:
                return len(files[path])
        raise KeyError(f"no producer writes {path}")

    def all_files(self) -> dict[str, bytes]:
        files: dict[str, bytes] = {}
        for index in range(len(PRODUCERS)):
            for path, data in self.files_of(index).items():
                if path in files:
                    raise OutputError(f"two producers write {path}")
                files[path] = data
        self.stop()
        return files

    def stop(self) -> None:
        if self._child is not None:
            if self._child.is_alive() and len(self._done) < len(PRODUCERS):
                self._child.terminate()
            self._child.join()
            self._pipe.close()
            self._child = None

    def _receive(self) -> None:
        try:
            message = self._pipe.recv()
        except EOFError:
            self._child.join()
            raise OutputError(f"the process making the site's files ended without them (exit code "
                              f"{self._child.exitcode})") from None
        if message[0] == "error":
            self.stop()
            raise OutputError(message[1])
        index, files = message
        self._done[index] = files


def _produce(index: int, portal, site_url: str | None) -> dict[str, bytes]:
    produce = PRODUCERS[index]
    try:
        return produce(portal, site_url)
    except (ValueError, OSError) as exc:
        raise OutputError(f"{produce.__module__}.{produce.__name__}: {exc}") from None


def _child_main(build: BuildFiles, send) -> None:
    gc.freeze()  # the inherited objects stay shared with the parent: a collection would touch (copy) them all
    try:
        for index in range(len(PRODUCERS)):
            send.send((index, _produce(index, build.portal, build.site_url)))
    except OutputError as exc:
        send.send(("error", str(exc)))
    except Exception as exc:  # noqa: BLE001  (reported by the parent as a build error, not lost with the child)
        send.send(("error", f"making the site's files failed: {type(exc).__name__}: {exc}"))
    finally:
        send.close()


# ---------------------------------------------------------------- the current build

_current: list[BuildFiles] = []


def begin(portal, site_url: str | None, *, background: bool) -> None:
    """Start this build's files: in a child process when `background`, else on first use."""
    abandon()
    build = BuildFiles(portal, site_url)
    if background:
        build.start_child()
    _current.append(build)


def current(portal, site_url: str | None = None, *, for_site_url: bool = False) -> BuildFiles:
    """This build's files, or (outside a build, e.g. in tests) files made on demand for this portal. Form sizes
    do not depend on the site_url; `for_site_url`: the files are to be written, so it must be the same."""
    if not _current or _current[0].portal is not portal or (for_site_url and _current[0].site_url != site_url):
        abandon()
        _current.append(BuildFiles(portal, site_url))
    return _current[0]


def file_size(portal, path: str) -> int:
    return current(portal).size(path)


def abandon() -> None:
    """Drop the current build's files (and end its child): a new build starts, or the build failed."""
    while _current:
        _current.pop().stop()


def collect(portal, site_url: str | None) -> dict[str, bytes]:
    """Every produced file of the site, made here (for tools such as the benchmark's pre-rendered baseline)."""
    return BuildFiles(portal, site_url).all_files()


def write_outputs(portal, site_dir: str, site_url: str | None) -> int:
    # Kept (not abandoned) until the next build: static-i18n builds the other language's pages after this, and
    # their form pages show the same sizes.
    files = current(portal, site_url, for_site_url=True).all_files()
    for path, data in files.items():
        target = Path(site_dir) / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)
    return len(files)
