# Files the data produces besides pages (.ics feeds, form downloads, the Atom feed): made once per build, not once
# per language, and written straight into the site directory. Where it is safe, a forked child process makes them
# on the second core while mkdocs renders the pages (then does the AHEAD work, such as the other language's pages);
# a page that shows a file's size waits for that file only.
from __future__ import annotations

import gc
import multiprocessing
import os
import pickle
import shutil
import tempfile
import threading
from pathlib import Path

# Each producer: (portal, publication.Publication) -> {site-relative path: bytes}. Feature modules add themselves here;
# one whose file sizes pages show goes first (forms.py), so that pages wait for it least.
PRODUCERS: list = []


# Work a later step of the build needs, done ahead by the child after the files when there is one (else on first
# use): (name, fn(portal) -> picklable value). pages.py renders the other languages' generated pages here.
AHEAD: list = []


class OutputError(Exception):
    """A producer failed (in this process or in the child): the message says which file or record."""


def can_fork() -> bool:
    """Fork only a single-threaded process (as `mkdocs build` is; `mkdocs serve` rebuilds from its server thread,
    and a fork there could copy a lock held by another thread) on a machine with a core to spare."""
    return (
        "fork" in multiprocessing.get_all_start_methods()
        and threading.active_count() == 1
        and (os.cpu_count() or 1) > 1
    )


class BuildWork:
    """The files (and AHEAD work) of one build of one loaded portal: each producer's result made here on first
    use, or received from the child process in PRODUCERS order, then AHEAD's."""

    def __init__(self, portal, site):
        self.portal, self.site = portal, site  # site: publication.Publication (address, identity, reminder)
        self._done: dict = {}  # producer index or AHEAD name -> its result
        self._child = None
        self._pipe = None
        self._spool: str | None = None  # where the child leaves its results

    def start_child(self) -> None:
        context = multiprocessing.get_context("fork")
        receive, send = context.Pipe(duplex=False)
        self._spool = tempfile.mkdtemp(prefix="portal-build-")
        # daemon: if the build stops half-way, the child is ended with it instead of being waited for
        self._child = context.Process(target=_child_main, args=(self, send), name="portal-files", daemon=True)
        self._child.start()
        send.close()
        self._pipe = receive

    def files_of(self, index: int) -> dict[str, bytes]:
        return self._result(index)

    def ahead(self, name: str):
        return self._result(name)

    def _result(self, key):
        while key not in self._done:
            if self._pipe is None:
                self._done[key] = _run(key, self.portal, self.site)
            else:
                self._receive()
        return self._done[key]

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
        return files

    def stop(self) -> None:
        if self._child is not None:
            if self._child.is_alive() and len(self._done) < len(PRODUCERS) + len(AHEAD):
                self._child.terminate()
            self._child.join()
            self._pipe.close()
            self._child = None
            shutil.rmtree(self._spool, ignore_errors=True)

    def _receive(self) -> None:
        try:
            message = self._pipe.recv()
        except EOFError:
            self._child.join()
            raise OutputError(
                f"the process making the site's files ended before sending them all (exit code {self._child.exitcode})"
            ) from None
        if message[0] == "error":
            self.stop()
            raise OutputError(message[1])
        _, key, spooled = message
        with open(spooled, "rb") as handle:
            self._done[key] = pickle.load(handle)
        os.remove(spooled)
        if len(self._done) == len(PRODUCERS) + len(AHEAD):
            self.stop()  # the child has sent everything


def _run(key, portal, site):
    if isinstance(key, int):
        work, args = PRODUCERS[key], (portal, site)
    else:
        work, args = dict(AHEAD)[key], (portal,)
    try:
        return work(*args)
    except (ValueError, OSError) as exc:
        raise OutputError(f"{work.__module__}.{work.__name__}: {exc}") from None


def _child_main(build: BuildWork, send) -> None:
    gc.freeze()  # the inherited objects stay shared with the parent: a collection would touch (copy) them all
    # This copy of the build works in-process: AHEAD work that asks for a file's size (form pages) finds it here.
    build._child = build._pipe = None
    try:
        # Results go through files, the pipe carries only their names: a large result sent through the pipe
        # would block the child until the parent reads it, and the parent reads only when it needs it.
        for number, key in enumerate([*range(len(PRODUCERS)), *(name for name, _ in AHEAD)]):
            spooled = os.path.join(build._spool, f"{number}.pickle")
            with open(spooled, "wb") as handle:
                pickle.dump(build._result(key), handle, protocol=pickle.HIGHEST_PROTOCOL)
            send.send(("done", key, spooled))
    except OutputError as exc:
        send.send(("error", str(exc)))
    except Exception as exc:
        send.send(("error", f"the build's background work failed: {type(exc).__name__}: {exc}"))
    finally:
        send.close()


# ---------------------------------------------------------------- the current build

_current: list[BuildWork] = []


def begin(portal, site, *, background: bool) -> None:
    """Start this build's files and AHEAD work: in a child process when `background`, else each on first use."""
    abandon()
    build = BuildWork(portal, site)
    _current.append(build)  # before the fork: the child's form pages find their sizes in the child's copy
    if background:
        build.start_child()


def current(portal, site=None, *, for_site: bool = False) -> BuildWork:
    """This build's files, or (outside a build, e.g. in tests) files made on demand for this portal. Form sizes
    do not depend on the site's configuration; `for_site`: the files are to be written, so it must be the same."""
    if not _current or _current[0].portal is not portal or (for_site and _current[0].site != site):
        abandon()
        _current.append(BuildWork(portal, site))
    return _current[0]


def file_size(portal, path: str) -> int:
    return current(portal).size(path)


def abandon() -> None:
    """Drop the current build's files (and end its child): a new build starts, or the build failed."""
    while _current:
        _current.pop().stop()


def collect(portal, site) -> dict[str, bytes]:
    """Every produced file of the site, made here (for tools such as the benchmark's pre-rendered baseline)."""
    return BuildWork(portal, site).all_files()


def write_outputs(portal, site_dir: str, site) -> int:
    # Kept (not abandoned) until the next build: static-i18n builds the other language's pages after this, and
    # their form pages show the same sizes.
    files = current(portal, site, for_site=True).all_files()
    for path, data in files.items():
        target = Path(site_dir) / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)
    return len(files)
