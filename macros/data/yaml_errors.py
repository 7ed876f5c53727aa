# PyYAML's syntax errors said in plain words with the likely fix, at the line that causes them (an unclosed quote
# where it opens, not where the parser gives up; a full-width colon at the key it follows).
from __future__ import annotations

import re

import yaml

PREFIX = "YAML syntax error: "
# a key written with a full-width colon: `status：in_force`, `- id：x`
_FULL_WIDTH_KEY = re.compile(r"^\s*(?:-\s+)?([A-Za-z_][A-Za-z0-9_]*)\s*(：)")
_KEY_LINE = re.compile(r"^\s*(?:-\s+)?[A-Za-z_][A-Za-z0-9_]*\s*:(\s|$)")
_TAG = re.compile(r"'tag:yaml\.org,2002:([^']+)'")


def explain(text: str, exc: yaml.MarkedYAMLError) -> tuple[int, int, str]:
    """(line, column, message) of a syntax error, both 1-based, in plain words (PyYAML's own when the rewriting
    fails: a hint must never turn a data error into a traceback)."""
    try:
        return _explain(text, exc)
    except Exception:
        mark = exc.problem_mark or exc.context_mark
        words = " ".join(str(x) for x in (exc.context, exc.problem) if x)
        line, col = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        return line, col, PREFIX + words


def _explain(text: str, exc: yaml.MarkedYAMLError) -> tuple[int, int, str]:
    mark = exc.problem_mark or exc.context_mark
    line, col = (mark.line, mark.column) if mark else (0, 0)
    lines = text.split("\n")
    here = lines[line] if line < len(lines) else ""
    problem, context = exc.problem or "", exc.context or ""

    char = here[col] if col < len(here) else ""
    if "\t" in here and (char == "\t" or "\t" in here[: len(here) - len(here.lstrip())]):
        tab = here.index("\t")
        return line + 1, tab + 1, PREFIX + "a tab character: YAML indents with spaces only; replace the tab with spaces"
    if (opened := _unclosed_quote(text, line)) is not None:
        at_line, at_col, quote = opened
        return (
            at_line + 1,
            at_col + 1,
            (
                PREFIX + f"the quote {quote} opened here is not closed on this line, so YAML "
                f"reads on into the lines below: add the closing {quote}"
            ),
        )
    if (found := _full_width_colon(lines, line, exc.context_mark)) is not None:
        at_line, at_col, key = found
        return (
            at_line + 1,
            at_col + 1,
            (PREFIX + f"a full-width colon '：' after {key!r}: write an ASCII colon and a space ({key}: …)"),
        )
    if context.startswith("while parsing a flow") and exc.context_mark is not None:
        at = exc.context_mark.index
        if text[at : at + 1] not in ("[", "{"):  # "while parsing a flow node" marks the end: take the last bracket
            at = max(text.rfind("[", 0, at), text.rfind("{", 0, at))
        bracket = text[at] if at >= 0 else "["
        closing, what = ("]", "list") if bracket == "[" else ("}", "mapping")
        at_line = text.count("\n", 0, max(at, 0))
        at_col = max(at, 0) - (text.rfind("\n", 0, max(at, 0)) + 1)
        return (
            at_line + 1,
            at_col + 1,
            (
                PREFIX + f"the {what} opened here with {bracket} is not closed: add {closing} at its end (a text that "
                f"holds {bracket} must be in quotes)"
            ),
        )
    if problem.startswith("mapping values are not allowed"):
        return line + 1, col + 1, PREFIX + _colon_in_value(here, col)
    if problem.startswith(("did not find expected key", "did not find expected '-' indicator", "expected <block end>")):
        before = here[:col].rstrip()
        if before.endswith(('"', "'")) and ": " in before:
            return line + 1, col + 1, PREFIX + "text after the closing quote: put the whole value inside the quotes"
        return (
            line + 1,
            col + 1,
            PREFIX
            + (
                "this line does not line up with the block it belongs to: give the keys of "
                "one block the same indentation (spaces), and the items (- ) of one list too"
            ),
        )
    if problem.startswith("expected a single document"):
        return (
            line + 1,
            col + 1,
            PREFIX + "a second document starts here (---): a data file holds one record; remove it",
        )
    if "could not determine a constructor for the tag" in problem and (tag := _TAG.search(problem)):
        return line + 1, col + 1, f"YAML tags such as !!{tag.group(1)} are not allowed"
    if problem.startswith("found undefined alias"):
        return (
            line + 1,
            col + 1,
            PREFIX + "this alias (*name) refers to no anchor (&name) above it: write the value out",
        )
    if "cannot start any token" in problem and char and char in "@`%":
        return line + 1, col + 1, PREFIX + f"a value cannot start with {char}: put it in quotes"
    if problem.startswith("found unknown escape character"):
        return (
            line + 1,
            col + 1,
            (
                PREFIX + "a backslash in a double-quoted value starts an unknown escape: use single "
                "quotes, or write \\\\ for a backslash"
            ),
        )
    return line + 1, col + 1, PREFIX + " ".join(x for x in (context, problem) if x)


def _unclosed_quote(text: str, error_line: int) -> tuple[int, int, str] | None:
    """Where a quote opens that YAML reads past the end of its line into what are clearly keys of their own."""
    scanner = yaml.SafeLoader(text)  # the pure-Python scanner yields tokens up to the error, with their marks
    lines = text.split("\n")
    try:
        while scanner.check_token():
            token = scanner.get_token()
            if token.start_mark.line > error_line:
                break
            if (
                isinstance(token, yaml.ScalarToken)
                and token.style in ('"', "'")
                and token.end_mark.line > token.start_mark.line
                and any(_KEY_LINE.match(x) for x in lines[token.start_mark.line + 1 : token.end_mark.line + 1])
            ):
                return token.start_mark.line, token.start_mark.column, token.style
    except yaml.YAMLError as exc:
        if (
            isinstance(exc, yaml.MarkedYAMLError)
            and exc.context == "while scanning a quoted scalar"
            and exc.context_mark is not None
        ):
            mark = exc.context_mark
            return mark.line, mark.column, text[mark.index] if mark.index < len(text) else '"'
    finally:
        scanner.dispose()
    return None


def _full_width_colon(lines: list[str], error_line: int, context_mark) -> tuple[int, int, str] | None:
    """The nearest key written with '：' at or above the error line (not above the block the error is in)."""
    first = context_mark.line if context_mark is not None and context_mark.line <= error_line else 0
    for number in range(min(error_line, len(lines) - 1), first - 1, -1):
        if found := _FULL_WIDTH_KEY.match(lines[number]):
            return number, found.start(2), found.group(1)
    return None


def _colon_in_value(line: str, col: int) -> str:
    """`key: text: more` (a colon and a space inside an unquoted value) or a line indented too deep."""
    before = line[:col]
    mapping = re.search(r":(\s)", before)
    if mapping is None:
        return (
            "this line is indented deeper than the lines of its block (or a colon ends a value): line it up "
            "with the keys above it"
        )
    key = before[: mapping.start()].strip().removeprefix("- ").strip()
    value = line[mapping.end() :].strip()
    quoted = f"'{value}'" if '"' in value else f'"{value}"'
    return (
        f"a colon followed by a space inside the unquoted value of {key!r}: put the whole value in quotes "
        f"({key}: {quoted[:60]}{'…' if len(quoted) > 60 else ''})"
    )
