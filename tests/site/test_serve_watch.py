# The reloader of `mkdocs serve` hears of saved files from the system's events (macros/site/serve_watch.py).
from __future__ import annotations

import threading

import watchdog.events
import watchdog.observers
import watchdog.observers.polling
from mkdocs.livereload import LiveReloadServer

from macros.site import serve_watch


def _server(tmp_path) -> LiveReloadServer:
    server = LiveReloadServer(builder=lambda: None, host="127.0.0.1", port=0, root=str(tmp_path))
    (tmp_path / "docs").mkdir()
    (tmp_path / "mkdocs.yml").write_text("site_name: x\n", encoding="utf-8")
    server.watch(str(tmp_path / "docs"))
    server.watch(str(tmp_path / "mkdocs.yml"))
    server.watch(str(tmp_path / "docs"))  # watched twice: still watched after one unwatch
    return server


def test_the_paths_watched_before_on_serve_move_onto_the_event_watcher(tmp_path, monkeypatch):
    monkeypatch.delenv(serve_watch.POLLING_SWITCH, raising=False)
    server = _server(tmp_path)
    watched = dict(server._watched_paths)
    serve_watch.watch_by_events(server)
    assert isinstance(server.observer, watchdog.observers.Observer)
    assert not isinstance(server.observer, watchdog.observers.polling.PollingObserver)
    assert server._watched_paths == watched
    assert set(server._watch_refs) == set(watched)
    server.watch(str(tmp_path / "data"))  # the config's `watch:` list comes after on_serve, onto the new watcher
    assert str(tmp_path / "data") in server._watch_refs


def test_a_saved_file_asks_for_a_rebuild(tmp_path, monkeypatch):
    monkeypatch.delenv(serve_watch.POLLING_SWITCH, raising=False)
    server = _server(tmp_path)
    serve_watch.watch_by_events(server)
    server.observer.start()
    try:
        (tmp_path / "docs" / "page.md").write_text("edited\n", encoding="utf-8")
        with server._rebuild_cond:
            assert server._rebuild_cond.wait_for(lambda: server._want_rebuild, timeout=30)
    finally:
        server.observer.stop()
        server.observer.join()


class _Heard(watchdog.events.FileSystemEventHandler):
    def __init__(self):
        self.paths: list[str] = []
        self.cond = threading.Condition()

    def on_any_event(self, event):
        with self.cond:
            self.paths.append(event.src_path)
            self.cond.notify_all()


def test_a_file_read_asks_for_nothing(tmp_path):
    """Each build reads data/: were an opened file a change, every build would ask for the next."""
    (tmp_path / "read.yml").write_text("x\n", encoding="utf-8")
    observer, heard = serve_watch.ChangesObserver(), _Heard()
    observer.schedule(heard, str(tmp_path), recursive=True)
    observer.start()
    try:
        (tmp_path / "read.yml").read_text(encoding="utf-8")
        (tmp_path / "written.yml").write_text("y\n", encoding="utf-8")  # heard after the read, were the read heard
        with heard.cond:
            assert heard.cond.wait_for(lambda: str(tmp_path / "written.yml") in heard.paths, timeout=30)
        assert str(tmp_path / "read.yml") not in heard.paths
    finally:
        observer.stop()
        observer.join()


def test_the_switch_keeps_mkdocs_polling(tmp_path, monkeypatch):
    monkeypatch.setenv(serve_watch.POLLING_SWITCH, "1")
    server = _server(tmp_path)
    serve_watch.watch_by_events(server)
    assert isinstance(server.observer, watchdog.observers.polling.PollingObserver)
