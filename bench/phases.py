# Where a whole `mkdocs build` spends its CPU, by mkdocs phase and by each plugin's and hook's event handler: the
# counterpart of bench/layer.py for a real build, to compare a project with its pre-rendered baseline phase by phase.
# Usage, from the project's folder: `python PATH/bench/phases.py -d SITE_DIR` (arguments after the script go to
# `mkdocs build --strict -q`). CPU seconds of this process (Pagefind's child process is not in them), each phase
# without the phases nested in it (static-i18n builds the next language inside its on_post_build).
from __future__ import annotations

import collections
import gc
import resource
import sys
import time
from collections.abc import Callable
from typing import Any

_own: collections.defaultdict[str, float] = collections.defaultdict(float)
_calls: collections.Counter[str] = collections.Counter()
_nested: list[float] = []
_collections = {"seconds": 0.0, "started": 0.0}


def timed(label: str, fn: Callable[..., Any]) -> Callable[..., Any]:
    def run(*args: Any, **kwargs: Any) -> Any:
        started = time.process_time()
        _nested.append(0.0)
        try:
            return fn(*args, **kwargs)
        finally:
            spent = time.process_time() - started
            _own[label] += spent - _nested.pop()
            _calls[label] += 1
            if _nested:
                _nested[-1] += spent

    return run


def _collected(phase: str, info: dict) -> None:
    if phase == "start":
        _collections["started"] = time.process_time()
    else:
        _collections["seconds"] += time.process_time() - _collections["started"]


def instrument() -> None:
    from mkdocs import plugins, utils
    from mkdocs.commands import build
    from mkdocs.structure import pages

    def run_event(self: Any, name: str, item: Any = None, **kwargs: Any) -> Any:
        for method in self.events[name]:  # as PluginCollection.run_event, each handler timed on its own
            origin = self._event_origins.get(method, getattr(method, "__module__", "?"))
            handler = timed(f"on_{name} {origin} {getattr(method, '__qualname__', '?')}", method)
            result = handler(item, **kwargs) if item is not None else handler(**kwargs)
            if result is not None:
                item = result
        return item

    plugins.PluginCollection.run_event = run_event  # type: ignore[method-assign]
    pages.Page.render = timed("Markdown to HTML (Page.render)", pages.Page.render)  # type: ignore[method-assign]
    pages.Page.read_source = timed("read a page's source", pages.Page.read_source)  # type: ignore[method-assign]
    build._populate_page = timed("populate a page (the rest)", build._populate_page)
    build._build_page = timed("theme template of a page (the rest)", build._build_page)
    build.utils.write_file = utils.write_file = timed("write a page", utils.write_file)
    build.build = timed("mkdocs build (the rest: files, nav, copies)", build.build)
    gc.callbacks.append(_collected)


def report() -> str:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    lines = [f"{_own[k]:8.2f} s {_calls[k]:7d}x  {k}" for k in sorted(_own, key=lambda k: -_own[k]) if _own[k] >= 0.01]
    lines.append(f"{_collections['seconds']:8.2f} s           of which the cyclic garbage collector (in the phases)")
    lines.append(f"{usage.ru_utime + usage.ru_stime:8.2f} s           this process in all (user + system)")
    return "\n".join(lines)


if __name__ == "__main__":
    instrument()
    from mkdocs.__main__ import cli

    try:
        cli(["build", "--strict", "-q", *sys.argv[1:]])
    except SystemExit as done:
        if done.code:
            raise
    finally:
        print(report(), file=sys.stderr)
