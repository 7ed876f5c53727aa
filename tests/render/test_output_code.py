# The code the fragments' templates compile to: a printed value is finalize() alone, finalize escapes every kind of
# value as Jinja's escape would have after it, and the compiled-template cache knows every module that code holds.
from __future__ import annotations

import datetime as dt
import inspect
from pathlib import Path

import jinja2
import pytest
from markupsafe import Markup

from macros.render import output_code, render, template_cache
from macros.views import language


@pytest.fixture(params=list(language.LANGS))
def env(request) -> jinja2.Environment:
    return render.environment(request.param)


def test_a_printed_value_is_finalized_without_a_second_escape(env):
    code = env.compile(
        "<p>{{ x }}{% for i in xs %}{{ i }}{% endfor %}{% macro m(a) %}{{ a }}{% endmacro %}</p>", raw=True
    )
    assert "yield environment.finalize(" in code
    assert "escape(environment.finalize(" not in code  # Jinja's CodeGenerator no longer shapes the output
    assert "escape(environment.finalize(" in jinja2.Environment(autoescape=True, finalize=str).compile(
        "{{ x }}", raw=True
    )


@pytest.mark.parametrize(
    "value,shown",
    [
        ("<a href=\"x\">*a* [b](c) & 'd'", "&lt;a href=&#34;x&#34;&gt;&#42;a&#42; &#91;b&#93;(c) &amp; &#39;d&#39;"),
        ("只是文字", "只是文字"),
        (Markup("<b>kept</b>"), "<b>kept</b>"),
        (3, "3"),
        (2.5, "2.5"),
        (True, "True"),
        (None, "None"),
        (dt.date(2025, 3, 1), "2025-03-01"),
    ],
)
def test_every_kind_of_value_is_printed_as_before(env, value, shown):
    assert env.from_string("{{ v }}").render(v=value) == shown
    # inside a macro, a loop and a block set: the same text, and a macro's result is not escaped again
    template = "{% macro m(a) %}{{ a }}{% endmacro %}{% for _ in [1] %}{{ m(v) }}{% endfor %}{% set b %}{{ v }}{% endset %}{{ b }}"
    assert env.from_string(template).render(v=value) == shown * 2


def test_an_undefined_value_still_fails_loudly(env):
    with pytest.raises(jinja2.UndefinedError):
        env.from_string("{{ missing }}").render()


def test_a_block_that_turns_escaping_off_is_compiled_as_jinja_does(env):
    code = env.compile("{% autoescape false %}{{ x }}{% endautoescape %}", raw=True)
    assert "str(environment.finalize(" in code


def test_the_template_cache_version_reads_every_module_the_compiled_code_holds():
    env = render.environment(language.DEFAULT_LANG)
    holders = {inspect.getfile(render), inspect.getfile(env.finalize), inspect.getfile(env.code_generator_class)}
    assert env.code_generator_class is output_code.FinalizedOutput
    assert holders <= {str(Path(path)) for path in template_cache._CODE}
