# Reads data/: YAML (C parser) into plain values plus a map from field path to line/column, then into models.
from __future__ import annotations

import contextlib
import re
import typing
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

import yaml
from pydantic import BaseModel, ValidationError
from pydantic_core import ErrorDetails

from macros.data import hints, models, yaml_errors
from macros.data.errors import Problem
from macros.data.read_cache import ReadCache

M = TypeVar("M", bound=BaseModel)
Path_ = tuple  # a field path: ("deadlines", 0, "end")


class _Loader(yaml.CSafeLoader):
    """Safe C loader that leaves dates as text, so the models parse them and report bad ones in place."""

    values_left: int = 0  # values the careful reading may still make (see _convert)


_Loader.yaml_implicit_resolvers = {
    first: [(tag, rx) for tag, rx in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.CSafeLoader.yaml_implicit_resolvers.items()
}


@dataclass
class Document:
    """One YAML file: its values and where each field stands in it. A file read without positions (the fast way,
    for the valid files that are nearly all of them) is read again with them when a problem must be placed."""

    file: str  # as shown in messages: data/notices/x.yml
    value: Any = None
    text: str | None = field(default=None, repr=False)  # kept by the fast reading, to find positions if asked
    _marks: dict | None = field(default=None, repr=False)
    _key_marks: dict | None = field(default=None, repr=False)

    @property
    def marks(self) -> dict:
        """path -> (line, col) of the value"""
        return self._positions()[0]

    @property
    def key_marks(self) -> dict:
        """path -> (line, col) of the key naming it"""
        return self._positions()[1]

    def _positions(self) -> tuple[dict, dict]:
        if self._marks is None or self._key_marks is None:
            self._marks, self._key_marks = {}, {}
            if self.text is not None:  # the fast reading found nothing to report, so neither will this one
                _read_with_positions(self, self.text, [])
        return self._marks, self._key_marks

    def where(self, path: tuple, *, key: bool = False) -> tuple[int, int]:
        """The closest known position of `path` (its key when asked, else its value, else a parent's)."""
        marks, key_marks = self._positions()
        if key and path in key_marks:
            return key_marks[path]
        while path not in marks and path:
            path = path[:-1]
        return marks.get(path, (1, 1))

    def problem(self, path: tuple, message: str, *, key: bool = False) -> Problem:
        line, col = self.where(path, key=key)
        return Problem(self.file, line, col, ".".join(str(p) for p in path), message)


def _mark(node) -> tuple[int, int]:
    return node.start_mark.line + 1, node.start_mark.column + 1


def read_yaml(path: Path, shown_as: str, problems: list[Problem], cache: ReadCache | None = None) -> Document | None:
    """Parse one file; on any failure add a Problem and return None. `cache`: the values of files read cleanly
    before (only those: a file with a problem is read, and its problem placed, every time)."""
    raw = path.read_bytes()
    try:
        text = raw.decode("utf-8-sig")  # a BOM is harmless: accept it
    except UnicodeDecodeError as exc:
        line = raw.count(b"\n", 0, exc.start) + 1
        col = exc.start - (raw.rfind(b"\n", 0, exc.start) + 1) + 1
        problems.append(
            Problem(shown_as, line, col, "", f"not valid UTF-8 (byte 0x{raw[exc.start]:02x}); save the file as UTF-8")
        )
        return None
    if cache is not None and (known := cache.get(raw)) is not None:  # read cleanly before: not empty, not too deep
        return Document(shown_as, known, text=text)
    if not text.strip():
        problems.append(Problem(shown_as, 1, 1, "", "file is empty"))
        return None
    if len(text) >= DEEP_SCAN_FROM and (deep := _first_too_deep(text)):
        problems.append(Problem(shown_as, *deep, "", f"data nested more than {MAX_DEPTH} levels deep"))
        return None
    with contextlib.suppress(_NeedsPositions):
        value = _read_fast(text)
        if cache is not None:
            cache.put(raw, value)
        return Document(shown_as, value, text=text)
    doc = Document(shown_as, _marks={}, _key_marks={})
    return doc if _read_with_positions(doc, text, problems) else None


def _read_with_positions(doc: Document, text: str, problems: list[Problem]) -> bool:
    """Read `text` into `doc` noting where every field stands; False (with the problems added) if it cannot be read."""
    loader = _Loader(text)
    loader.values_left = 4 * len(text) + 10_000  # aliases may repeat values, not explode them: see _convert
    shown_as = doc.file
    try:
        node = loader.get_single_node()
        if node is None:
            problems.append(Problem(shown_as, 1, 1, "", "file holds no data (only comments)"))
            return False
        doc.value = _convert(node, (), doc, loader, problems)
    except _Refused as exc:
        problems.append(Problem(shown_as, *exc.where, "", exc.message))
        return False
    except yaml.reader.ReaderError as exc:  # control characters: say where, not "position N"
        pos = exc.position
        code = exc.character if isinstance(exc.character, int) else ord(exc.character)
        line, col = text.count("\n", 0, pos) + 1, pos - (text.rfind("\n", 0, pos) + 1) + 1
        problems.append(
            Problem(shown_as, line, col, "", f"control character U+{code:04X} is not allowed in YAML; remove it")
        )
        return False
    except yaml.MarkedYAMLError as exc:
        line, col, message = yaml_errors.explain(text, exc)
        problems.append(Problem(shown_as, line, col, "", message))
        return False
    except yaml.YAMLError as exc:
        problems.append(Problem(shown_as, 1, 1, "", f"YAML error: {exc}"))
        return False
    finally:
        loader.dispose()
    return True


class _NeedsPositions(Exception):
    """The fast reading met something the careful one reports (or may): read the file again with positions."""


_STR, _MAP, _SEQ = "tag:yaml.org,2002:str", "tag:yaml.org,2002:map", "tag:yaml.org,2002:seq"


def _read_fast(text: str) -> Any:
    """The values of a file that reads cleanly, without noting positions: the same values _convert gives, or
    _NeedsPositions at the first thing _convert would report or refuse (or any error of the YAML library)."""
    loader = _Loader(text)
    budget = [4 * len(text) + 10_000]  # as in _read_with_positions

    def plain(node, depth: int) -> Any:
        budget[0] -= 1
        if budget[0] < 0 or depth > MAX_DEPTH:
            raise _NeedsPositions
        if isinstance(node, yaml.ScalarNode):
            return node.value if node.tag == _STR else loader.construct_object(node)
        if isinstance(node, yaml.MappingNode) and node.tag == _MAP:
            out: dict = {}
            for key_node, value_node in node.value:
                if not isinstance(key_node, yaml.ScalarNode) or key_node.value in out:
                    raise _NeedsPositions
                out[key_node.value] = plain(value_node, depth + 1)
            return out
        if isinstance(node, yaml.SequenceNode) and node.tag == _SEQ:
            return [plain(item, depth + 1) for item in node.value]
        raise _NeedsPositions

    try:
        node = loader.get_single_node()
        if node is None:
            raise _NeedsPositions
        return plain(node, 0)
    except (yaml.YAMLError, RecursionError) as exc:
        raise _NeedsPositions from exc
    finally:
        loader.dispose()


# Hostile files: the deepest real field path is 7 levels; libyaml's C composer recurses and crashes the process
# (segfault) near 30,000 levels, which a file of 16,000 characters cannot reach (20,000 levels composed fine).
MAX_DEPTH = 20
DEEP_SCAN_FROM = 16_000
_COLLECTION_TAGS = ("tag:yaml.org,2002:map", "tag:yaml.org,2002:seq")


class _Refused(Exception):
    """A file the loader will not read further (too deep, or aliases expanding without end)."""

    def __init__(self, where: tuple[int, int], message: str):
        self.where, self.message = where, message


def _first_too_deep(text: str) -> tuple[int, int] | None:
    """Where nesting first passes MAX_DEPTH, found from parser events (no recursion); None if it never does."""
    loader = yaml.CSafeLoader(text)
    depth = 0
    try:
        while (event := loader.get_event()) is not None:
            if isinstance(event, (yaml.MappingStartEvent, yaml.SequenceStartEvent)):
                depth += 1
                if depth > MAX_DEPTH and event.start_mark is not None:
                    return event.start_mark.line + 1, event.start_mark.column + 1
            elif isinstance(event, (yaml.MappingEndEvent, yaml.SequenceEndEvent)):
                depth -= 1
    except yaml.YAMLError:
        return None  # the composer reports syntax errors with their place
    finally:
        loader.dispose()
    return None


def _convert(node, path: tuple, doc: Document, loader: _Loader, problems: list[Problem]) -> Any:
    # An alias (*name) repeats a node; a "billion laughs" file nests them to expand into 10^9 values.
    loader.values_left -= 1
    if loader.values_left < 0:
        raise _Refused(
            doc.where(path[:1], key=True),  # the top-level field whose aliases explode
            "aliases (*name) expand into far more values than the file holds: write the values out",
        )
    if len(path) > MAX_DEPTH:
        raise _Refused(_mark(node), f"data nested more than {MAX_DEPTH} levels deep")
    doc.marks[path] = _mark(node)  # the careful reading: doc's positions were set empty
    if not isinstance(node, yaml.ScalarNode) and node.tag not in _COLLECTION_TAGS:
        problems.append(
            doc.problem(path, f"YAML tags such as {node.tag.replace('tag:yaml.org,2002:', '!!')} are not allowed")
        )
        return None
    if isinstance(node, yaml.MappingNode):
        out: dict = {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, yaml.ScalarNode):
                problems.append(doc.problem(path, "keys must be plain words"))
                continue
            key = key_node.value
            sub = path + (key,)
            if key in out:
                line, col = _mark(key_node)
                problems.append(
                    Problem(doc.file, line, col, ".".join(map(str, sub)), "key appears twice in the same block")
                )
                continue
            doc.key_marks[sub] = _mark(key_node)
            out[key] = _convert(value_node, sub, doc, loader, problems)
        return out
    if isinstance(node, yaml.SequenceNode):
        return [_convert(item, path + (i,), doc, loader, problems) for i, item in enumerate(node.value)]
    return loader.construct_object(node)


PATTERN_HINTS = {
    models.ID_PATTERN: "must be an id of lower-case letters, digits and single hyphens (like hunan-2022-80)",
    models.PHONE_PATTERN: "must be a phone number such as 0731-84714937",
    models.EMAIL_PATTERN: "must be an e-mail address such as name@example.cn",
    models.QQ_PATTERN: "must be a QQ group number (5 to 12 digits, quoted)",
}


def to_model(doc: Document, model: type[M], problems: list[Problem], *, rule_breakers: bool = False) -> M | None:
    """Validate a document's value against a model; map every error to its line and field; None when there is
    one. `rule_breakers`: a record that only breaks rules of its own (end before start, an id twice…) is still
    returned, those rules reported, so that the checks across files see it (a reference to it is not unknown)."""
    try:
        return model.model_validate(doc.value)
    except ValidationError as exc:
        errors = exc.errors(include_url=False)
    problems += _placed(doc, model, errors)
    if rule_breakers and all(err["type"] == models.RULE_ERROR for err in errors):
        return model.model_validate(doc.value, context={models.RULES_OFF: True})
    return None


def _placed(doc: Document, model: type[BaseModel], errors: list[ErrorDetails]) -> list[Problem]:
    """Each validation error as a problem at its line and field, in words a maintainer can act on."""
    found: list[Problem] = []
    # A misspelt field is one problem, not two: the "missing" error of the field it was meant to be is dropped.
    meant = {(*e["loc"][:-1], _meant_field(model, e)) for e in errors if e["type"] == "extra_forbidden"}
    for err in errors:
        loc = tuple(err["loc"])
        if err["type"] == "missing" and loc in meant:
            continue
        message = err["msg"]
        if err["type"] == models.RULE_ERROR:
            pass  # a record's own rule says what is wrong in full
        elif err["type"] == "extra_forbidden":
            message = _unknown_field(model, loc)
        elif err["type"] == "missing":
            message = "required field is missing"
        elif err.get("input", "") is None:  # `key:` with nothing after it, as a fresh scaffold has
            message = f"empty value: fill it in ({message})"
        elif err["type"] == "string_pattern_mismatch":
            message = PATTERN_HINTS.get(err["ctx"]["pattern"], message)
            message += f" (got {str(err['input'])[:60]!r})"
        elif err["type"] == "literal_error" and isinstance(err.get("input"), str):
            allowed = re.findall(r"'([^']*)'", err["ctx"]["expected"])
            message += f" (got {err['input'][:60]!r}){hints.did_you_mean(err['input'], allowed)}"
        elif isinstance(err.get("input"), (str, int, float)) and not isinstance(err.get("input"), bool):
            shown = str(err["input"])
            message += f" (got {shown[:60]!r}{'…' if len(shown) > 60 else ''})"
        if err["type"] == "model_type" and loc == ():
            message = f"the file must hold one {model.__name__} record (a mapping of fields)"
        found.append(doc.problem(loc, message, key=err["type"] == "extra_forbidden"))
    return found


def _fields_at(model: type[BaseModel], path: tuple) -> list[str]:
    """The field names (as written in YAML, aliases included) of the record at `path` inside `model`."""
    current: type[BaseModel] | None = model
    for part in path:
        if isinstance(part, int) or current is None:
            continue
        field = next((f for name, f in current.model_fields.items() if (f.alias or name) == part), None)
        current = _record_type(field.annotation) if field else None
    return [f.alias or name for name, f in current.model_fields.items()] if current else []


def _record_type(annotation) -> type[BaseModel] | None:
    """The record type inside an annotation such as Optional[Text] or list[Deadline]."""
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    return next((found for arg in typing.get_args(annotation) if (found := _record_type(arg))), None)


def _meant_field(model: type[BaseModel], err: ErrorDetails) -> str | None:
    key = str(err["loc"][-1])
    allowed = _fields_at(model, tuple(err["loc"][:-1]))
    if "：" in key and key.split("：")[0].strip() in allowed:
        return key.split("：")[0].strip()
    return hints.closest(key, allowed)


def _unknown_field(model: type[BaseModel], loc: tuple) -> str:
    key = str(loc[-1])
    if "：" in key:
        name, _, value = key.partition("：")
        return (
            f"a full-width colon '：' in {key[:40]!r}: write an ASCII colon and a space "
            f"({name.strip()}: {value.strip()[:30]})"
        )
    allowed = _fields_at(model, loc[:-1])
    if found := hints.closest(key, allowed):
        return f"unknown field: did you mean {found!r}?"
    return f"unknown field; allowed here: {', '.join(allowed)}" if allowed else "unknown field"
