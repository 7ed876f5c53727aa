# The building blocks every record shares: ids, checked text, safe URLs, the Record base and record-rule errors.
from __future__ import annotations

import re
from typing import Annotated, Any, Literal

from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    Field,
    StringConstraints,
    ValidationError,
    ValidationInfo,
    WithJsonSchema,
)
from pydantic_core import InitErrorDetails, PydanticCustomError

from macros.data.cjk import join_folded_lines

ID_PATTERN = r"^[a-z0-9]+(?:-[a-z0-9]+)*$"
PHONE_PATTERN = r"^[0-9][0-9\-－ ]{5,20}$"
EMAIL_PATTERN = r"^[^@\s<>\"']+@[^@\s<>\"']+\.[A-Za-z]{2,}$"
QQ_PATTERN = r"^[1-9][0-9]{4,11}$"

Id = Annotated[str, StringConstraints(pattern=ID_PATTERN, max_length=80)]
# Control characters can reach a string through YAML escapes ("\0", "\x0b"); they break the XML outputs (Atom
# feed, DOCX) and are never part of a real document, so text refuses them (tab and line breaks are fine).
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ufffe\uffff]")


def _no_control_characters(value: str) -> str:
    if found := _CONTROL.search(value):
        raise ValueError(f"control character U+{ord(found.group()):04X} at position {found.start() + 1}: remove it")
    return value


# Every text joins the lines YAML folded inside Chinese without the space folding put there (macros/data/cjk.py).
Line = Annotated[
    str,
    StringConstraints(min_length=1, max_length=2000, strip_whitespace=True),
    AfterValidator(_no_control_characters),
    AfterValidator(join_folded_lines),
]
Paragraphs = Annotated[
    str,
    StringConstraints(min_length=1, max_length=20000, strip_whitespace=True),
    AfterValidator(_no_control_characters),
    AfterValidator(join_folded_lines),
]
Phone = Annotated[str, StringConstraints(pattern=PHONE_PATTERN)]
Email = Annotated[str, StringConstraints(pattern=EMAIL_PATTERN)]
QQ = Annotated[str, StringConstraints(pattern=QQ_PATTERN)]

SAFE_SCHEMES = ("https://", "http://", "mailto:", "tel:")


def _safe_url(value: str) -> str:
    # javascript:, data: and relative tricks are refused: only these schemes reach readers.
    if not value.lower().startswith(SAFE_SCHEMES) or any(c in value for c in " <>\"'\n\t") or _CONTROL.search(value):
        raise ValueError("must be an https:, http:, mailto: or tel: URL without spaces or quotes")
    return value


# The same rule for editors, in the JSON Schema (ECMAScript regex, no inline flags): see macros/data/schemas.py.
URL_SCHEMA_PATTERN = r"^([hH][tT][tT][pP][sS]?://|[mM][aA][iI][lL][tT][oO]:|[tT][eE][lL]:)[^\s<>\"']+$"
Url = Annotated[
    str,
    StringConstraints(max_length=2000),
    AfterValidator(_safe_url),
    WithJsonSchema({"type": "string", "maxLength": 2000, "pattern": URL_SCHEMA_PATTERN}),
]


class Record(BaseModel):
    """Base of every data record: unknown keys are typos, so they are errors."""

    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True, defer_build=True)


class Text(Record):
    """Text a reader sees, in Chinese (required) and English (optional until translated)."""

    zh: Line = Field(description="The Chinese text (as the source writes it)")
    en: Line | None = Field(default=None, description="Our English translation; left out until translated")


class LongText(Record):
    """Like Text, for paragraphs (longer limit)."""

    zh: Paragraphs = Field(description="The Chinese text (as the source writes it)")
    en: Paragraphs | None = Field(default=None, description="Our English translation; left out until translated")


LANGS: tuple[str, ...] = tuple(Text.model_fields)  # the languages every text has a field for, default first

# The plausibility checks of macros/data/plausibility.py, by name: a record lists here the ones its data rightly fails.
PlausibilityCheck = Literal[
    "date_span", "issued_year", "updated_before_issued", "updated_ahead", "deadline_before_notice", "issuer_province"
]


class PlausibilityException(Record):
    """A value that is right although a plausibility check takes it for a typo: which check, and why it is right."""

    check: PlausibilityCheck = Field(
        description=(
            "date_span: a date outside the pilot's span in the data; issued_year: issued in another year than the document "
            "number's; updated_before_issued: updated before the document's date; updated_ahead: updated more than three "
            "years after the newest document and every other record's updated; deadline_before_notice: a deadline more "
            "than three years before its notice; issuer_province: an issuer of another province than the id names"
        )
    )
    reason: Text = Field(description="why the value is right, e.g. what the original document says")


RULE_ERROR = "record_rule"  # the pydantic error type of a broken record rule (the loader shows its message as is)


class BrokenRules:
    """The rules one record breaks, each at a field path inside the record; raised together as one ValidationError
    so every caller of Model.model_validate (the loader, an editor's check, a test) sees them at their fields."""

    def __init__(self) -> None:
        self.found: list[InitErrorDetails] = []

    def add(self, path: tuple[str | int, ...], message: str, value: Any = None) -> None:
        error = PydanticCustomError(RULE_ERROR, "{message}", {"message": message})
        self.found.append(InitErrorDetails(type=error, loc=path, input=value))

    def extend(self, prefix: tuple[str | int, ...], other: BrokenRules) -> None:
        for error in other.found:
            self.found.append(
                InitErrorDetails(type=error["type"], loc=prefix + tuple(error["loc"]), input=error["input"])
            )

    def raise_any(self, record: type[BaseModel]) -> None:
        if self.found:
            raise ValidationError.from_exception_data(record.__name__, self.found)


def repeated(keys: list) -> list[int]:
    """The positions of the keys already seen earlier in the list (each second, third… occurrence)."""
    seen: set = set()
    again = []
    for i, key in enumerate(keys):
        if key in seen:
            again.append(i)
        seen.add(key)
    return again


# Validation context under which records skip their rules: the loader, having reported the broken rules, still
# builds the record so that checks across files see it (one file's mistake does not hide another file's).
RULES_OFF = "record_rules_off"


def rules_apply(info: ValidationInfo) -> bool:
    return not (info.context and info.context.get(RULES_OFF))
