# One build, end to end in one object: the hooks make a Build per build and every later step (the nested build of
# the other language, the second hook file, the macros) finds that same Build on mkdocs' config; `mkdocs serve`
# rebuilds are tested in test_serve_session.py and test_serve.py.
from __future__ import annotations

import pytest
from mkdocs.config import load_config

from macros.site import hooks
from macros.site.build import Build
from macros.site.features import FEATURES
from macros.site.i18n_pages import i18n_plugin
from tests.support import ROOT, site_config


def _config(tmp_path):
    return load_config(str(ROOT / "mkdocs.yml"), site_dir=str(tmp_path / "site"))


def test_on_config_makes_one_build_that_the_other_languages_build_reuses(tmp_path):
    config = _config(tmp_path)
    hooks.on_config(config)
    build = Build.of(config)
    assert build.site.url == config.site_url  # the calendar's webcal links need no second call to set it
    i18n_plugin(config).building = True  # static-i18n's nested build of English: the same config, on_config again
    try:
        hooks.on_config(config)
    finally:
        i18n_plugin(config).building = False
    assert Build.of(config) is build
    hooks.on_config(_config(tmp_path))  # another build (e.g. a `mkdocs serve` rebuild): a config of its own
    assert Build.of(config) is build


def test_the_macros_find_the_build_of_their_config(tmp_path):
    from types import SimpleNamespace

    from macros.site.docs_macros import register

    config = _config(tmp_path)
    hooks.on_config(config)
    env = SimpleNamespace(conf=config, macros={})
    env.macro = lambda fn: env.macros.setdefault(fn.__name__, fn)
    register(env)
    assert env.macros["province_count"].__name__ == "province_count"
    env.page = SimpleNamespace(file=SimpleNamespace(locale="en"), url="")
    assert env.macros["province_count"]() not in ("", "zero")


def test_no_build_without_on_config_is_a_clear_error(tmp_path):
    with pytest.raises(RuntimeError, match="on_config makes it"):
        Build.of(_config(tmp_path))


def test_every_feature_names_pages_or_files_and_the_pages_are_each_made_once(portal):
    assert all(f.pages or f.files for f in FEATURES)
    specs = Build(portal, site_config()).specs
    urls = [spec.url("zh") for spec in specs]
    assert len(urls) == len(set(urls))
    kinds = {spec.kind for spec in specs}
    assert {"provinces", "notices", "calendar", "forms", "certificates", "timeline", "maintainers"} <= kinds
