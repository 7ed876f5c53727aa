# The fragments' Jinja environment: Jinja's calling conventions kept by the shorter call, labels written in at compile time.
from __future__ import annotations

import jinja2
import pytest

from macros.render.render import environment
from macros.views import language


@pytest.fixture(params=list(language.LANGS))
def env(request) -> jinja2.Environment:
    return environment(request.param)


def test_plain_functions_methods_and_builtins_are_called(env):
    template = env.from_string(
        "{{ f(1, b=2) }} {{ d.get('k') }} {{ n.isoformat() }} {% for i in [1] %}{{ f(i) }}{% endfor %}"
    )
    import datetime as dt

    out = template.render(f=lambda a, b=0: a + b, d={"k": "v"}, n=dt.date(2025, 3, 1))
    assert out == "3 v 2025-03-01 1"


def test_pass_context_still_receives_the_context_and_loop_variables(env):
    @jinja2.pass_context
    def seen(context, name):
        return context.get(name)

    template = env.from_string("{{ seen('x') }}{% for y in ['in loop'] %}{% set z = y %}/{{ seen('z') }}{% endfor %}")
    assert template.render(seen=seen, x="top") == "top/in loop"


@pytest.mark.parametrize("marker", [jinja2.pass_environment, jinja2.pass_eval_context])
def test_other_jinja_markers_still_receive_their_argument(env, marker):
    received = []
    fn = marker(lambda first, value: received.append(first) or value)
    assert env.from_string("{{ fn('v') }}").render(fn=fn) == "v"
    assert received and received[0] is not None


def test_a_callable_raising_stop_iteration_gives_undefined_as_in_jinja(env):
    def stops():
        raise StopIteration

    with pytest.raises(jinja2.UndefinedError):  # StrictUndefined: printing it fails loudly
        env.from_string("{{ stops() }}").render(stops=stops)


def test_macros_and_classes_go_jinjas_way(env):
    template = env.from_string("{% macro m(a) %}[{{ a }}]{% endmacro %}{{ m('x') }}{{ C('y') }}")
    assert template.render(C=lambda v: v) == "[x]y"


def test_each_language_writes_its_own_labels_in_at_compile_time():
    for lang in language.LANGS:
        env = environment(lang)
        key = "doc_number"
        code = env.compile("<b>{{ 'doc_number'|label }}</b>", raw=True)
        assert "t_1(" not in code.split("pass\n", 1)[1]  # folded: Jinja fetches the filter, the page never calls it
        assert f"yield '<b>{language.label(key, lang)}</b>'" in code
        assert env.from_string("{{ 'doc_number'|label }}").render() == str(
            jinja2.utils.markupsafe.escape(language.label(key, lang))
        )


def test_a_label_with_a_computed_key_is_looked_up_when_rendered(env):
    assert (
        env.from_string("{{ ('doc_' ~ 'number')|label }}").render()
        == env.from_string("{{ 'doc_number'|label }}").render()
    )
    with pytest.raises(KeyError):
        env.from_string("{{ ('no_such_' ~ 'label')|label }}").render()
