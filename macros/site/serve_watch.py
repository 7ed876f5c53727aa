# `mkdocs serve` only: the reloader hears of a saved file from the system (inotify on Linux) instead of mkdocs' own
# watcher, which scans every watched file every 0.5 s (data/ alone is 1000+ files at the benchmark's size): that scan
# makes an edit wait up to half a second before its rebuild starts, and goes on beside the rebuild, taking CPU and the
# interpreter lock from it. PORTAL_SERVE_POLLING=1 keeps mkdocs' polling (for folders the system cannot watch, such
# as some network or container mounts).
from __future__ import annotations

import logging
import os

import watchdog.events as events
import watchdog.observers
from mkdocs.livereload import LiveReloadServer

log = logging.getLogger("mkdocs.plugins.portal")

POLLING_SWITCH = "PORTAL_SERVE_POLLING"

# What asks for a rebuild: a file made, changed, moved or removed. Not a file opened or closed unwritten, which
# inotify reports too and mkdocs' handler would take as a change: each build reads data/, so each would ask for the
# next.
CHANGES: list[type[events.FileSystemEvent]] = [
    events.FileCreatedEvent,
    events.FileModifiedEvent,
    events.FileMovedEvent,
    events.FileDeletedEvent,
    events.DirCreatedEvent,
    events.DirModifiedEvent,
    events.DirMovedEvent,
    events.DirDeletedEvent,
]


class ChangesObserver(watchdog.observers.Observer):  # type: ignore[misc,valid-type]
    """The platform's observer, telling its handlers of changes only (mkdocs schedules its handler without a filter)."""

    def schedule(self, event_handler, path, *, recursive=False, event_filter=None, follow_symlink=False):
        return super().schedule(
            event_handler,
            path,
            recursive=recursive,
            event_filter=CHANGES if event_filter is None else event_filter,
            follow_symlink=follow_symlink,
        )


def watch_by_events(server: LiveReloadServer) -> None:
    """Give the server the platform's event watcher before it starts, the paths watched so far moved onto it (mkdocs
    watches docs/ and mkdocs.yml before on_serve and the config's `watch:` list after it, through the same
    server.watch). Relies on mkdocs 1.6's LiveReloadServer keeping `observer`, `_watched_paths` and `_watch_refs`
    (tests/site/test_serve_watch.py checks it)."""
    if os.environ.get(POLLING_SWITCH) == "1":
        return
    watched = dict(server._watched_paths)
    for path, count in watched.items():
        for _ in range(count):
            server.unwatch(path)  # off the polling observer, which is then never started
    server.observer = ChangesObserver()
    for path, count in watched.items():
        for _ in range(count):
            server.watch(path)
    log.debug(f"serve: watching by {type(server.observer).__name__}")
