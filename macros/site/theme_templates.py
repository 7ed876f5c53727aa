# The theme's compiled templates, kept for as long as the process builds: mkdocs makes a new Jinja environment for
# each build, static-i18n one more for each further language, and each compiled every template of the theme again
# (about 0.2 s of a `mkdocs serve` rebuild at 1000 notices). Jinja's own bytecode cache, held in memory: a template is
# compiled again when its source changes (Jinja compares a checksum of it) or the environment compiles differently.
from __future__ import annotations

import jinja2


def _compiles_as(env: jinja2.Environment) -> tuple:
    """What of an environment changes the code a template compiles to (its syntax, extensions and options)."""
    return (
        env.block_start_string,
        env.block_end_string,
        env.variable_start_string,
        env.variable_end_string,
        env.comment_start_string,
        env.comment_end_string,
        env.line_statement_prefix,
        env.line_comment_prefix,
        env.trim_blocks,
        env.lstrip_blocks,
        env.newline_sequence,
        env.keep_trailing_newline,
        env.optimized,
        env.is_async,
        getattr(env, "newstyle_gettext", None),  # the i18n extension parses {% trans %} by it
        tuple(sorted(env.extensions)),
        repr(env.autoescape) if not callable(env.autoescape) else env.autoescape.__qualname__,
        env.code_generator_class.__qualname__,
    )


class CompiledTemplates(jinja2.BytecodeCache):
    """Compiled templates by environment kind, template name, file and source checksum."""

    def __init__(self) -> None:
        self._code: dict[tuple, bytes] = {}

    def attach(self, env: jinja2.Environment) -> jinja2.Environment:
        """Compile `env`'s templates through this cache."""
        env.bytecode_cache = self
        return env

    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        code = self._code.get((_compiles_as(bucket.environment), bucket.key))
        if code is not None:
            bucket.bytecode_from_string(code)  # a stale checksum resets the bucket: the template compiles again

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        self._code[(_compiles_as(bucket.environment), bucket.key)] = bucket.bytecode_to_string()
