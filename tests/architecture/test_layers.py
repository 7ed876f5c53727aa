# The shape ARCHITECTURE.md promises: each layer of macros/ imports only itself and the layers below it, every module
# opens with one comment line saying its role and stays under 400 lines, and no module fills a registry at import.
from __future__ import annotations

import ast

import pytest

from tests.support import ROOT

LAYERS = ["data", "views", "render", "outputs", "site", "cli"]  # lowest first: a layer may import those before it
PACKAGE = ROOT / "macros"
MODULES = sorted(p for p in PACKAGE.rglob("*.py") if "__pycache__" not in p.parts)
MAX_LINES = 400


def _layer(path) -> str | None:
    parts = path.relative_to(PACKAGE).parts
    return parts[0] if len(parts) > 1 and parts[0] in LAYERS else None


def _imported_layers(path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found = set()
    for node in ast.walk(tree):
        names = []
        if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names = [node.module]
        elif isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        for name in names:
            parts = name.split(".")
            if parts[0] == "macros" and len(parts) > 1 and parts[1] in LAYERS:
                found.add(parts[1])
    return found


def _rel(path) -> str:
    return path.relative_to(ROOT).as_posix()


@pytest.mark.parametrize("path", [p for p in MODULES if _layer(p)], ids=_rel)
def test_a_layer_imports_only_itself_and_the_layers_below(path):
    own = LAYERS.index(_layer(path))
    above = sorted(layer for layer in _imported_layers(path) if LAYERS.index(layer) > own)
    assert not above, f"{_rel(path)} ({_layer(path)}) imports from the higher layer(s) {above}"


@pytest.mark.parametrize("path", MODULES, ids=_rel)
def test_every_module_is_short_and_opens_with_its_role(path):
    lines = path.read_text(encoding="utf-8").splitlines()
    assert len(lines) <= MAX_LINES, f"{_rel(path)}: {len(lines)} lines (at most {MAX_LINES})"
    assert lines and lines[0].startswith("# ") and len(lines[0]) > 20, f"{_rel(path)}: no opening comment on its role"


def _imported_names(tree) -> set[str]:
    return {
        alias.asname or alias.name.split(".")[0]
        for node in tree.body
        if isinstance(node, ast.Import | ast.ImportFrom)
        for alias in node.names
    }


@pytest.mark.parametrize("path", MODULES, ids=_rel)
def test_nothing_registers_itself_at_import(path):
    """A module-level call that adds to another module's list or dict (SPEC_SOURCES.append(f), PRODUCERS.insert(0, f))
    registers a feature by being imported: features are named in one explicit list instead."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    imported = _imported_names(tree)
    for node in tree.body:
        if isinstance(node, ast.Expr) and isinstance(node.value, ast.Call):
            func = node.value.func
            target = func.value if isinstance(func, ast.Attribute) else None
            while isinstance(target, ast.Attribute):
                target = target.value
            if isinstance(target, ast.Name) and target.id in imported:
                pytest.fail(f"{_rel(path)}:{node.lineno}: {ast.unparse(node.value)[:60]} at import")
