# The Python code Jinja writes for a fragment's `{{ … }}`: the only place the fragments change Jinja's compiler.
# Jinja writes `escape(finalize(value))` for each; the fragments' `finalize` (safe_text.finalize) already returns text
# safe for HTML and Markdown alike, so the escape around it would only copy that text into a second Markup (two
# objects and a Python call more for each of some 150 values on a notice page, 3000 on a calendar). Jinja's own
# native-types generator overrides the same two methods; tests/render/test_output_code.py holds Jinja to them.
from __future__ import annotations

from jinja2.compiler import CodeGenerator, Frame
from jinja2.nodes import Expr


class FinalizedOutput(CodeGenerator):
    """`finalize(value)` for a value printed where autoescaping is on and fixed; anything else (a block whose
    autoescaping is decided when it runs, or one that turns it off) as Jinja writes it."""

    def _output_child_pre(self, node: Expr, frame: Frame, finalize: CodeGenerator._FinalizeInfo) -> None:
        if _finalized(frame, finalize):
            self.write(finalize.src)  # type: ignore[arg-type]  # _finalized: src is set
        else:
            super()._output_child_pre(node, frame, finalize)

    def _output_child_post(self, node: Expr, frame: Frame, finalize: CodeGenerator._FinalizeInfo) -> None:
        if _finalized(frame, finalize):
            self.write(")")
        else:
            super()._output_child_post(node, frame, finalize)


def _finalized(frame: Frame, finalize: CodeGenerator._FinalizeInfo) -> bool:
    return bool(frame.eval_ctx.autoescape) and not frame.eval_ctx.volatile and finalize.src == "environment.finalize("
