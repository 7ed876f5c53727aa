# Form templates: the form's own wording (zh) with a reference translation (en); its layout is data too.
from __future__ import annotations

import datetime as dt
from typing import Literal

from pydantic import Field, ValidationInfo, model_validator

from macros.data.models.base import LANGS, BrokenRules, Id, PlausibilityException, Record, Text, rules_apply

EXCEL_LIST_LIMIT = 255  # characters of an inline data-validation list (Excel refuses longer ones)


class FormField(Record):
    """A labelled blank to fill in, e.g. 院校名称; `same_row` puts it beside the previous field."""

    label: Text = Field(description="The label printed before the blank")
    width: int | None = Field(default=None, ge=1, le=20, description="relative width of the blank")
    same_row: bool = Field(default=False, description="Put the field beside the previous one")


ColumnKind = Literal["text", "integer", "decimal"]


class FormColumn(Record):
    """A column of a form's table."""

    label: Text = Field(description="The column heading as printed")
    kind: ColumnKind = Field(
        default="text", description="integer/decimal columns get number formats (and may be totalled)"
    )
    total: bool = Field(default=False, description="summed in the totals row")
    width: int | None = Field(default=None, ge=1, le=80, description="in characters")
    choices: list[Text] = Field(
        default=[],
        description=(
            "The only answers the form allows in this column, as its filling notes name them (e.g. the pilot batches "
            "2019年第一批 …): the Excel file offers them as a drop-down list. Text columns only; no ASCII comma or "
            "double quote in a choice, and at most 255 characters for the whole list in each language (Excel's limit)."
        ),
    )


class FormTable(Record):
    """A table to fill in: its columns, blank rows and optional totals row."""

    title: Text | None = Field(default=None, description="e.g. 已有试点信息")
    columns: list[FormColumn] = Field(min_length=1, description="The columns, left to right")
    blank_rows: int = Field(default=3, ge=0, le=200, description="How many empty rows to print")
    row_note: Text | None = Field(default=None, description="a row of its own after the blank rows, e.g. （可加行）")
    totals: Text | None = Field(default=None, description="label of the totals row, e.g. 合计; none: no totals row")

    @model_validator(mode="after")
    def _totals_and_choices_fit(self, info: ValidationInfo) -> FormTable:
        """Totals make sense only over numbers, and a totals row needs at least one column to sum; choices must fit
        an Excel drop-down list. Judged per table so that one column's mistake does not hide another's."""
        if rules_apply(info):
            broken = BrokenRules()
            for k, column in enumerate(self.columns):
                if column.total and column.kind == "text":
                    broken.add(
                        ("columns", k, "total"), "only a numeric column (kind: integer or decimal) can be totalled"
                    )
                if column.total and self.totals is None:
                    broken.add(
                        ("columns", k, "total"), "a column is totalled but the table has no totals row (set `totals`)"
                    )
                broken.extend(("columns", k), _choices_fit(column))
            if self.totals is not None and not any(c.total for c in self.columns):
                broken.add(("totals",), "a totals row needs at least one column with total: true")
            broken.raise_any(FormTable)
        return self


def _choices_fit(column: FormColumn) -> BrokenRules:
    """The XLSX writes choices as an inline list "a,b,c": commas and quotes would break it, Excel caps its length."""
    broken = BrokenRules()
    if not column.choices:
        return broken
    if column.kind != "text":
        broken.add(("choices",), "only a text column (kind: text) can offer choices")
        return broken
    for lang in LANGS:
        values = [getattr(c, lang) or c.zh for c in column.choices]
        for n, value in enumerate(values):
            if "," in value or '"' in value:
                broken.add(
                    ("choices", n, lang), "a choice cannot hold an ASCII comma or double quote (Excel's list separator)"
                )
        if len(set(values)) < len(values):
            broken.add(("choices",), f"the same choice is listed twice ({lang})")
        if len(",".join(values)) > EXCEL_LIST_LIMIT:
            broken.add(
                ("choices",), f"the {lang} choices take more than {EXCEL_LIST_LIMIT} characters joined (Excel's limit)"
            )
    return broken


class FormItem(Record):
    """A numbered item inside a section: a prompt, optional sub-lines (placeholders) and space to write."""

    text: Text = Field(description="The item's prompt, with its number as printed")
    items: list[Text] = Field(
        default=[],
        description='lines printed under the prompt, e.g. "XXXX年XX月XX日 8:00-12:00，考核人数：XX人；"',
    )
    note: Text | None = Field(default=None, description="after the sub-lines, e.g. （可加行）")
    blank_lines: int = Field(default=1, ge=0, le=40, description="ruled lines to write on")


class FormSection(Record):
    """A section of the form: a heading, then its fields, tables and items in that order."""

    heading: Text | None = Field(default=None, description="as printed, with its numeral: 一、基本信息")
    note: Text | None = Field(default=None, description="printed under the heading, e.g. （请对照……描述）")
    fields: list[FormField] = Field(default=[], description="Labelled blanks, in order")
    tables: list[FormTable] = Field(default=[], description="Tables to fill in, in order")
    items: list[FormItem] = Field(default=[], description="Numbered items, in order")
    blank_lines: int = Field(default=0, ge=0, le=40, description="free space after the section")


class FormSignature(Record):
    """The sign-off block: an optional heading (院校意见) and the lines to sign (签名、盖章、日期)."""

    heading: Text | None = Field(default=None, description="e.g. 院校意见")
    blank_lines: int = Field(default=3, ge=0, le=20, description="space for the opinion before the lines")
    lines: list[Text] = Field(min_length=1, description="The lines to sign on, e.g. 签名、盖章、日期")


class Form(Record):
    """A form template an attachment of a notice reproduces, offered as DOCX (and XLSX for tables)."""

    id: Id = Field(description="The form's id, also its file name")
    notice: Id = Field(description="The id of the notice the form is an attachment of")
    attachment: int = Field(ge=1, description="The number of that attachment in the notice")
    title: Text = Field(description="the heading printed on the form itself")
    subtitle: Text | None = Field(default=None, description="e.g. （格式）")
    note: Text | None = Field(default=None, description="how our copy relates to the original (shown on the form page)")
    orientation: Literal["portrait", "landscape"] = Field(default="portrait", description="The page's orientation")
    header_fields: list[FormField] = Field(default=[], description="Blanks above the first section")
    sections: list[FormSection] = Field(min_length=1, description="The form's sections, in order")
    signature: FormSignature | None = Field(default=None, description="The sign-off block at the end")
    filling_notes: list[Text] = Field(default=[], description="填表说明, in order")
    spreadsheet: bool = Field(default=False, description="also offered as XLSX (forms that are tables)")
    updated: dt.date = Field(
        description="when this record was last checked against the source (also the files' timestamp)"
    )
    plausibility_exceptions: list[PlausibilityException] = Field(
        default=[], description="checks this record rightly fails (rare)"
    )
