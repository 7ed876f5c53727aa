# The theme's compiled templates kept across mkdocs' environments (macros/site/theme_templates.py): a template
# compiles once for environments that compile alike, again when its source changes or the environment differs.
from __future__ import annotations

import jinja2

from macros.site.theme_templates import CompiledTemplates


def _env(folder, kept: CompiledTemplates, compiled: list, **options) -> jinja2.Environment:
    env = kept.attach(jinja2.Environment(loader=jinja2.FileSystemLoader(str(folder)), **options))
    compile_ = env.compile

    def counted(*args, **kwargs):
        compiled.append(args[1] if len(args) > 1 else kwargs.get("name"))
        return compile_(*args, **kwargs)

    env.compile = counted  # type: ignore[method-assign]
    return env


def test_a_template_compiles_once_for_every_environment_alike(tmp_path):
    (tmp_path / "page.html").write_text("<p>{{ title }}</p>", encoding="utf-8")
    kept, compiled = CompiledTemplates(), []
    first = _env(tmp_path, kept, compiled).get_template("page.html").render(title="甲")
    second = _env(tmp_path, kept, compiled).get_template("page.html").render(title="乙")
    assert (first, second) == ("<p>甲</p>", "<p>乙</p>")
    assert compiled == ["page.html"]


def test_a_changed_source_or_another_kind_of_environment_compiles_again(tmp_path):
    page = tmp_path / "page.html"
    page.write_text("<p>{{ title }}</p>\n", encoding="utf-8")
    kept, compiled = CompiledTemplates(), []
    _env(tmp_path, kept, compiled).get_template("page.html")
    page.write_text("<h1>{{ title }}</h1>\n", encoding="utf-8")
    assert _env(tmp_path, kept, compiled).get_template("page.html").render(title="x") == "<h1>x</h1>"
    assert _env(tmp_path, kept, compiled, keep_trailing_newline=True).get_template("page.html").render(title="x") == (
        "<h1>x</h1>\n"
    )
    assert compiled == ["page.html"] * 3
