# The contract macros/site/i18n_pages.py borrows from mkdocs-static-i18n: if the plugin renames what we imitate,
# these fail loudly instead of the language switch or sitemap silently losing the generated pages.
from __future__ import annotations

from types import SimpleNamespace

from mkdocs.config import load_config
from mkdocs.structure.files import File

from macros.site.i18n_pages import I18N_FILE_ATTRIBUTES, add_generated_pages, i18n_plugin, languages, page_language
from macros.views.pages import PageSpec
from tests.support import ROOT


def _config(tmp_path):
    config = load_config(str(ROOT / "mkdocs.yml"), site_dir=str(tmp_path / "site"))
    plugin = i18n_plugin(config)
    plugin.current_language = plugin.default_language
    return config, plugin


def test_the_plugin_still_has_the_state_we_read(tmp_path):
    _, plugin = _config(tmp_path)
    for name in ("current_language", "default_language", "build_languages", "i18n_files_per_language", "building"):
        assert hasattr(plugin, name), f"mkdocs-static-i18n no longer has {name!r}"
    assert plugin.default_language == "zh" and plugin.build_languages == ["zh", "en"]
    assert languages(_config(tmp_path)[0]) == ("zh", ["en"])


def test_the_plugins_own_files_carry_the_attributes_we_imitate(tmp_path):
    from mkdocs_static_i18n.suffix import create_i18n_file

    config, plugin = _config(tmp_path)
    docs = File("guide/fees.en.md", str(ROOT / "docs"), config.site_dir, config.use_directory_urls)
    theirs = create_i18n_file(docs, "en", plugin.default_language, plugin.all_languages, config)
    missing = [name for name in I18N_FILE_ATTRIBUTES if not hasattr(theirs, name)]
    assert not missing, f"static-i18n files no longer have {missing}"
    assert theirs.url == "en/guide/fees/" and theirs.locale == "en"
    assert page_language(SimpleNamespace(file=theirs)) == "en"  # a page's language, read the one way


def test_generated_pages_get_the_same_attributes_and_counterparts(tmp_path):
    config, plugin = _config(tmp_path)
    spec = PageSpec("notices", "x", "notice.html", {"zh": "标题", "en": "Title"})
    files = add_generated_pages([], config, [spec], lambda s, lang: f"# {lang}")
    (page,) = files
    assert all(hasattr(page, name) for name in I18N_FILE_ATTRIBUTES)
    assert (page.src_uri, page.url, page.dest_uri) == ("notices/x.md", "notices/x/", "notices/x/index.html")
    assert {lang: f.url for lang, f in page.alternates.items()} == {"zh": "notices/x/", "en": "en/notices/x/"}
    assert page in plugin.i18n_files_per_language["zh"]  # the sitemap lists it
    assert page.generated_by and page.content_string == "# zh"  # a generated page, as File.generated makes one
