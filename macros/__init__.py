# mkdocs-macros entry point: load the validated portal once and register the macros hand-written pages use.
from __future__ import annotations

from macros.site.docs_macros import register


def define_env(env):
    register(env)
