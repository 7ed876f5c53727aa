# The fragments' compiled-template cache: a hit compiles nothing and renders the same; another language, other words
# or other code never read an entry; damaged, unwritable or switched off, templates are compiled as before.
from __future__ import annotations

import jinja2
import pytest

from macros.render import render, template_cache
from macros.render.pages import page_markdown
from macros.render.template_cache import TemplateCache
from macros.site.build import Build
from tests.support import site_config


def _env(folder, tmp_path, lang="zh", version="v1"):
    templates = tmp_path / "t"
    if not templates.is_dir():  # written once: a test that changes it keeps its change
        templates.mkdir()
        (templates / "page.html").write_text("{{ 'greeting'|label }} {{ name }}!", encoding="utf-8")
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(templates)),
        bytecode_cache=TemplateCache(folder, lang, version),
        autoescape=True,
    )
    env.filters["label"] = {"greeting": "你好" if lang == "zh" else "Hello"}.__getitem__
    return env


@pytest.fixture
def compiles(monkeypatch):
    """How many templates were compiled from source."""
    count = []
    original = jinja2.Environment.compile
    monkeypatch.setattr(jinja2.Environment, "compile", lambda self, *a, **k: count.append(1) or original(self, *a, **k))
    return count


def test_a_second_environment_loads_the_compiled_template(tmp_path, compiles):
    folder = tmp_path / "cache"
    assert _env(folder, tmp_path).get_template("page.html").render(name="<x>") == "你好 &lt;x&gt;!"
    assert len(compiles) == 1 and len(list(folder.glob("*.bin"))) == 1
    assert _env(folder, tmp_path).get_template("page.html").render(name="<x>") == "你好 &lt;x&gt;!"
    assert len(compiles) == 1


def test_another_language_or_version_compiles_its_own_and_the_stale_entry_goes(tmp_path, compiles):
    folder = tmp_path / "cache"
    _env(folder, tmp_path, "zh").get_template("page.html")
    assert _env(folder, tmp_path, "en").get_template("page.html").render(name="a") == "Hello a!"
    assert len(compiles) == 2
    _env(folder, tmp_path, "zh", version="v2").get_template("page.html")
    assert len(compiles) == 3
    names = sorted(p.name for p in folder.glob("*.bin"))
    assert names == ["en.page.html.v1.bin", "zh.page.html.v2.bin"]


def test_a_changed_template_is_compiled_again(tmp_path, compiles):
    folder = tmp_path / "cache"
    _env(folder, tmp_path).get_template("page.html")
    (tmp_path / "t" / "page.html").write_text("{{ name }}?", encoding="utf-8")
    assert _env(folder, tmp_path).get_template("page.html").render(name="b") == "b?"
    assert len(compiles) == 2


def test_a_damaged_entry_is_compiled_again(tmp_path, compiles):
    folder = tmp_path / "cache"
    _env(folder, tmp_path).get_template("page.html")
    for entry in folder.glob("*.bin"):
        entry.write_bytes(entry.read_bytes()[:20])
    assert _env(folder, tmp_path).get_template("page.html").render(name="c") == "你好 c!"
    assert len(compiles) == 2


def test_an_unwritable_folder_is_skipped(tmp_path, compiles):
    blocker = tmp_path / "file"
    blocker.write_text("not a folder", encoding="utf-8")
    assert _env(blocker / "cache", tmp_path).get_template("page.html").render(name="d") == "你好 d!"


def test_the_version_follows_the_words_and_the_code(tmp_path, monkeypatch):
    assert template_cache.version("zh", {"a": "甲"}) != template_cache.version("zh", {"a": "乙"})
    assert template_cache.version("zh", {"a": "甲"}) != template_cache.version("en", {"a": "甲"})
    assert template_cache.version("zh", {"a": "甲"}) == template_cache.version("zh", {"a": "甲"})
    code = tmp_path / "safe_text.py"
    code.write_text("def finalize(value): return value\n", encoding="utf-8")
    monkeypatch.setattr(template_cache, "_CODE", (code,))
    before = template_cache.version("zh", {"a": "甲"})
    code.write_text("def finalize(value): return str(value)\n", encoding="utf-8")
    assert template_cache.version("zh", {"a": "甲"}) != before


def test_the_switch_turns_it_off(monkeypatch):
    monkeypatch.setenv(template_cache.SWITCH, "0")
    assert template_cache.default_cache("zh", {}) is None
    monkeypatch.setenv(template_cache.SWITCH, "1")
    assert template_cache.default_cache("zh", {}) is not None


def test_every_generated_page_is_the_same_from_the_cache(portal, tmp_path, monkeypatch, compiles):
    specs = Build(portal, site_config()).specs
    monkeypatch.setattr(template_cache, "DEFAULT_FOLDER", tmp_path / "jinja")
    made = []
    try:
        for switch in ("0", "1", "1"):  # without the cache, filling it, reading it
            monkeypatch.setenv(template_cache.SWITCH, switch)
            render.environment.cache_clear()
            before = len(compiles)
            made.append([page_markdown(spec, portal, lang) for spec in specs for lang in ("zh", "en")])
            compiled = len(compiles) - before
    finally:
        render.environment.cache_clear()
    assert compiled == 0  # the third pass compiled no template
    assert made[0] == made[1] == made[2]
