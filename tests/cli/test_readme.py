# README.md and CONTRIBUTING (zh, en) say what the commands do: every `make` target and `python -m macros` command
# they name exists and takes the options they show, the paths and modules they list are there, and what they say
# the commands print or watch is what the commands do.
from __future__ import annotations

import re
import shlex
from pathlib import Path

import pytest

from macros.cli.main import build_parser, main
from tests.support import CHECKOUT, ROOT

DOCS = ["README.md", "CONTRIBUTING.md", "CONTRIBUTING.en.md"]


def _text(name: str) -> str:
    return (CHECKOUT / name).read_text(encoding="utf-8")


def _make_targets() -> set[str]:
    return set(re.findall(r"(?m)^([a-z][a-z-]*):", _text("Makefile")))


@pytest.mark.parametrize("doc", DOCS)
def test_every_make_target_named_exists(doc):
    named = set(re.findall(r"\bmake ([a-z][a-z-]*)\b", _text(doc)))
    assert named, doc
    assert named <= _make_targets(), named - _make_targets()


def _macros_commands(text: str) -> list[str]:
    """Each `python -m macros …` command as written, up to the end of its code span, line or shell comment."""
    found = re.findall(r"python -m macros ([^`\n]*)", text)
    found += re.findall(r"`((?:new-notice|new-province|new-form|draft-notice) [^`]*)`", text)  # named on their own
    return [re.split(r"\s+#|\)\s|\)$|`", command)[0].strip() for command in found]


@pytest.mark.parametrize("doc", DOCS)
def test_every_macros_command_named_exists_with_the_options_shown(doc, capsys):
    commands = _macros_commands(_text(doc))
    assert commands, doc
    for command in commands:
        try:
            build_parser().parse_args(shlex.split(command))
        except SystemExit:
            pytest.fail(
                f"{doc}: `python -m macros {command}` is not a command line it accepts: {capsys.readouterr().err}"
            )


def test_the_readme_layout_lists_paths_that_exist():
    table = [line for line in _text("README.md").split("\n") if line.startswith("| `")]
    assert table
    for line in table:
        for path in re.findall(r"`([^`]+)`", line.split("|")[1]):
            assert list(CHECKOUT.glob(path.rstrip("/"))), path


def test_the_layers_the_readme_names_exist():
    row = next(line for line in _text("README.md").split("\n") if line.startswith("| `macros/`"))
    names = re.findall(r"`([a-z_]+)/` \(", row)
    assert len(names) > 5
    for name in names:
        assert (ROOT / "macros" / name / "__init__.py").is_file(), name


@pytest.mark.parametrize("doc", DOCS)
def test_the_test_files_and_macros_files_named_exist(doc):
    for path in re.findall(r"`((?:tests|macros|bench|\.ci|\.github)/[^`*<>]+?)`", _text(doc)):
        assert (CHECKOUT / path.split(" ")[0]).exists(), path


def test_the_watched_folders_the_readme_names_are_watched(tmp_path):
    from mkdocs.config import load_config

    sentence = re.search(r"`mkdocs serve` rebuilds when anything under (.*?) changes", _text("README.md"))
    named = re.findall(r"`([a-z]+)/`", sentence[1])
    config = load_config(str(ROOT / "mkdocs.yml"), site_dir=str(tmp_path / "site"))
    watched = {Path(p).resolve() for p in config.watch} | {Path(config.docs_dir).resolve()}
    assert named and {ROOT / name for name in named} <= watched


def test_make_check_prints_the_translation_coverage_as_the_readme_says(capsys):
    assert "`make check`" in re.search(r"(?s)`make check`.{0,400}translation coverage", _text("README.md"))[0]
    assert main(["check", "--root", str(ROOT)]) == 0
    assert re.search(r"^English translation coverage: [0-9.]+% ", capsys.readouterr().out, re.M)


def test_make_build_is_quiet_as_the_readme_says():
    assert "`make build`, which is quiet" in _text("README.md").replace("\n  ", " ")
    build = re.search(r"(?m)^build:.*\n((?:\t.*\n)+)", _text("Makefile"))[1]
    assert "--quiet" in build
