# The one Python module that touches mkdocs-macros internals: its page_markdown handler is left out for the pages
# the data generates. Their Markdown is rendered already and says `render_macros: false`, yet the plugin copies the
# page and every variable before it reads that (0.9 s of CPU at 2000 notices). tests/site/test_macros_pages.py holds
# the plugin to what this relies on.
from __future__ import annotations

from collections.abc import Callable
from typing import Any

from macros.site.i18n_pages import GENERATED_BY

PLUGIN = "macros"
EVENT = "page_markdown"


def macros_plugin(config) -> Any:
    plugin = config.plugins.get(PLUGIN)
    if plugin is None:
        raise RuntimeError("the macros plugin (mkdocs-macros-plugin) must be configured")
    return plugin


def skip_generated_pages(config) -> None:
    """Put, in mkdocs' list of page_markdown handlers, one that passes a generated page's Markdown through in place
    of the plugin's own; a page of docs/ still goes to the plugin. Once per plugin collection (static-i18n's
    nested build of each further language reuses it; `mkdocs serve` makes a new one for every rebuild)."""
    plugins = config.plugins
    plugin = macros_plugin(config)
    handlers: list[Callable] = plugins.events[EVENT]
    for index, handler in enumerate(handlers):
        if getattr(handler, "__self__", None) is plugin and getattr(handler, "__name__", "") == f"on_{EVENT}":
            handlers[index] = _for_written_pages_only(handler)
            # whose handler is running: what mkdocs names in its messages, as for the plugin's own
            plugins._event_origins[handlers[index]] = plugins._event_origins.get(handler, PLUGIN)
            return
    if not any(getattr(handler, "skips", None) is plugin for handler in handlers):
        raise RuntimeError(f"mkdocs-macros no longer registers on_{EVENT}: macros/site/macros_pages.py needs a look")


def _for_written_pages_only(on_page_markdown: Callable) -> Callable:
    def on_page_markdown_of_written_pages(markdown, page, **kwargs):
        if getattr(page.file, "generated_by", None) == GENERATED_BY:
            return markdown
        return on_page_markdown(markdown, page, **kwargs)

    on_page_markdown_of_written_pages.skips = on_page_markdown.__self__  # type: ignore[attr-defined]
    on_page_markdown_of_written_pages.mkdocs_priority = getattr(on_page_markdown, "mkdocs_priority", 0)  # type: ignore[attr-defined]
    return on_page_markdown_of_written_pages
