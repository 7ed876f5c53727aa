# The contract macros/site/macros_pages.py borrows from mkdocs-macros and mkdocs' plugin collection: if either
# changes how the plugin's page_markdown handler is registered, or the plugin stops passing a `render_macros: false`
# page through untouched, these fail instead of generated pages being rendered twice or docs/ pages not at all.
from __future__ import annotations

from types import SimpleNamespace

import pytest
from mkdocs.config import load_config

from macros.site.i18n_pages import GENERATED_BY
from macros.site.macros_pages import EVENT, PLUGIN, macros_plugin, skip_generated_pages
from tests.support import ROOT


@pytest.fixture
def config(tmp_path):
    return load_config(str(ROOT / "mkdocs.yml"), site_dir=str(tmp_path / "site"))


def _page(src_uri: str, generated: bool, meta: dict | None = None):
    file = SimpleNamespace(src_uri=src_uri, src_path=src_uri, generated_by=GENERATED_BY if generated else None)
    return SimpleNamespace(file=file, meta=meta or {}, title="title", url=src_uri)


def _ours(config) -> list:
    return [h for h in config.plugins.events[EVENT] if getattr(h, "skips", None) is macros_plugin(config)]


def test_the_plugin_registers_its_handler_as_we_find_it(config):
    plugin = macros_plugin(config)
    handlers = [h for h in config.plugins.events[EVENT] if getattr(h, "__self__", None) is plugin]
    assert [h.__name__ for h in handlers] == [f"on_{EVENT}"], "mkdocs-macros' page_markdown handler moved"
    assert config.plugins._event_origins[handlers[0]] == PLUGIN


def test_the_plugin_passes_a_page_that_says_render_macros_false_through(config):
    # what is skipped for a generated page must be what the plugin would have done with it: nothing
    plugin = macros_plugin(config)
    plugin.on_config(config)
    markdown = "---\nrender_macros: false\n---\n# {{ not_a_macro }}\n"
    page = _page("notices/x.md", generated=True, meta={"render_macros": False})
    assert plugin.on_page_markdown(markdown, page=page, config=config, files=[]) == markdown


def test_generated_pages_skip_the_plugin_behind_one_wrapper_in_its_place(config):
    plugin = macros_plugin(config)
    position = [getattr(h, "__self__", None) for h in config.plugins.events[EVENT]].index(plugin)
    skip_generated_pages(config)
    skip_generated_pages(config)  # a second call on the same plugin collection adds no second wrapper
    (ours,) = _ours(config)
    assert config.plugins.events[EVENT].index(ours) == position  # the plugin's place among the handlers
    assert config.plugins._event_origins[ours] == PLUGIN
    # untouched, though the plugin's on_config has not even run: the plugin is not called
    assert ours("{{ x }}", page=_page("notices/x.md", generated=True), config=config, files=[]) == "{{ x }}"


def test_a_written_page_is_rendered_by_the_plugin_after_the_skip(config):
    plugin = macros_plugin(config)
    plugin.on_config(config)
    skip_generated_pages(config)
    (ours,) = _ours(config)
    page = _page("guide/x.md", generated=False)
    plugin.variables["page"] = page
    assert ours("{{ 6 * 7 }}", page=page, config=config, files=[]) == "42"


def test_a_plugin_without_the_handler_stops_the_build(config):
    config.plugins.events[EVENT][:] = [h for h in config.plugins.events[EVENT] if h.__name__ != f"on_{EVENT}"]
    with pytest.raises(RuntimeError, match="no longer registers"):
        skip_generated_pages(config)
