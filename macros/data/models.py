# The typed data model: one small pydantic model per concept, unknown keys rejected.
from __future__ import annotations

import datetime as dt
import re
from typing import Annotated, Literal

from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    Field,
    StringConstraints,
    ValidationInfo,
    WithJsonSchema,
    field_validator,
)

from macros.data.cjk import join_folded_lines

Id = Annotated[str, StringConstraints(pattern=r"^[a-z0-9]+(?:-[a-z0-9]+)*$", max_length=80)]
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
Phone = Annotated[str, StringConstraints(pattern=r"^[0-9][0-9\-－ ]{5,20}$")]
Email = Annotated[str, StringConstraints(pattern=r"^[^@\s<>\"']+@[^@\s<>\"']+\.[A-Za-z]{2,}$")]
QQ = Annotated[str, StringConstraints(pattern=r"^[1-9][0-9]{4,11}$")]

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

    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True)


class Text(Record):
    """Text a reader sees, in Chinese (required) and English (optional until translated)."""

    zh: Line
    en: Line | None = None


class LongText(Record):
    """Like Text, for paragraphs (longer limit)."""

    zh: Paragraphs
    en: Paragraphs | None = None


# ---------------------------------------------------------------- provinces and issuers

# ministry / general_office: national issuers (data/national.yml); the others sit inside a province
IssuerKind = Literal["department", "division", "school", "office", "ministry", "general_office"]


class Issuer(Record):
    """Who publishes notices: a provincial department, one of its divisions, an office, or a school."""

    id: Id
    kind: IssuerKind
    name: Text
    parent: Id | None = None  # the issuer this one belongs to (a division of a department)


class Province(Record):
    """A province (or other provincial-level unit) with the issuers inside it; data/national.yml has the same
    shape for the national level (ministries and their general offices), with the id `national`."""

    id: Id
    name: Text
    order: int = 0  # for listing; ties sort by id
    issuers: list[Issuer] = Field(min_length=1)


# ---------------------------------------------------------------- notices and what they contain

Audience = Literal[
    "higher_vocational",
    "secondary_vocational",
    "undergraduate_applied",
    "municipal_bureau",
    "evaluation_organisation",
    "school_internal",
    "provincial_authorities",
]
Status = Literal["in_force", "expired", "superseded", "unknown"]
Stage = Literal[
    "plan_submission",
    "school_filing",
    "municipal_review",
    "provincial_review",
    "materials_due",
    "results_published",
    "training_assessment_complete",
    "adjustment",
    "handover",
    "other",
]
Round = Literal["spring", "autumn", "first", "second", "single"]


class Recurrence(Record):
    """A window repeated every year from `from_year` (e.g. Anhui's spring and autumn rounds)."""

    freq: Literal["yearly"]
    from_year: int = Field(ge=2000, le=2100)
    until_year: int | None = Field(default=None, ge=2000, le=2100)
    basis: Text  # the words of the notice that make it recurring, in our own summary


class Deadline(Record):
    """A dated window or due date of a notice, or an obligation stated without a date (`when`)."""

    id: Id
    stage: Stage
    title: Text
    applies_to: Text
    round: Round | None = None
    start: dt.date | None = None
    end: dt.date | None = None  # inclusive; a single day has start == end or only end
    when: Text | None = None  # for obligations without an exact date: "each autumn semester"
    recurrence: Recurrence | None = None
    note: Text | None = None


class QQGroup(Record):
    number: QQ
    name: Text


class Contact(Record):
    """A person or office to ask, exactly as published in the notice that carries it."""

    name: Text
    role: Text
    phones: list[Phone] = []
    emails: list[Email] = []
    qq_groups: list[QQGroup] = []
    address: Text | None = None


class Source(Record):
    """Where the original document is and how our copy relates to it."""

    url: Url | None = None
    note: Text | None = None  # e.g. a correction the portal makes visibly


class Attachment(Record):
    """An attachment the notice names; `form` points at a form template when we have its structure."""

    number: int = Field(ge=1)
    title: Text
    form: Id | None = None
    availability: Text | None = None  # where to get the original when we do not reproduce it


class KeyRule(Record):
    text: LongText
    section: Line | None = None  # where in the notice it stands, e.g. "四、4"


class CertificateRule(Record):
    """A restriction a notice puts on certificates or levels (e.g. intermediate level and above only)."""

    id: Id
    text: Text
    min_level: Literal["junior", "intermediate", "senior"] | None = None
    excluded_levels: list[Literal["junior", "intermediate", "senior"]] = []
    certificates: list[Id] = []  # empty: applies to every certificate (or to those `applies_to` describes)
    applies_to: Text | None = None  # which certificates, in words, when the notice names no list

    def levels(self) -> tuple[tuple[str, ...], tuple[str, ...]]:
        """(levels allowed, levels ruled out), lowest first: below min_level or named in excluded_levels."""
        order = ("junior", "intermediate", "senior")
        floor = order.index(self.min_level) if self.min_level else 0
        excluded = tuple(level for i, level in enumerate(order) if i < floor or level in self.excluded_levels)
        return tuple(level for level in order if level not in excluded), excluded


RelationEffect = Literal["ends", "supersedes", "ends_rounds", "ends_rules"]
EVERY_PROVINCIAL_NOTICE = "every_provincial_notice"


class Relation(Record):
    """What this (later) document does to earlier ones, from a date: ends or supersedes them whole, ends only
    their windows (a recurring round stops at the last year it can still start), or ends certain rules."""

    effect: RelationEffect = Field(
        description="ends / supersedes: the whole earlier document; ends_rounds: only "
        "its dated windows; ends_rules: only the certificate rules listed in `rules`"
    )
    targets: list[Id] | Literal["every_provincial_notice"] = Field(
        description="ids of the earlier notices, or every_provincial_notice: every notice of a provincial issuer "
        "dated before `from`"
    )
    from_: dt.date = Field(
        alias="from",
        description="the first day the ended things no longer hold; a window "
        "(or a recurring round's occurrence) starting on or after it cannot happen",
    )
    rules: list[Id] = Field(default=[], description="with ends_rules: ids of the targets' certificate_rules")
    point: Line | None = Field(default=None, description="where this document says so, e.g. 四 (point four)")
    note: Text = Field(description="what it means for readers, in our own words")
    prevails_over: list[Id] = Field(
        default=[], description="notices whose own ending of the same targets on another date gives way to this one"
    )

    model_config = ConfigDict(populate_by_name=True)


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


class Notice(Record):
    """One official document, with its deadlines, contacts, rules and attachments."""

    id: Id
    issuer: Id
    co_issuers: list[Id] = []  # the other issuers of a joint document, in the order printed
    doc_number: Line
    title: Text
    issued: dt.date | None = None
    issued_note: Text | None = None  # required when `issued` is unknown: say why
    audience: list[Audience] = Field(min_length=1)
    status: Status
    summary: LongText
    key_rules: list[KeyRule] = []
    deadlines: list[Deadline] = []
    contacts: list[Contact] = []
    attachments: list[Attachment] = []
    certificate_rules: list[CertificateRule] = []
    certificate_scope: Text | None = None  # which certificates the notice covers
    school_scope: Text | None = None  # which schools may take part
    submission_channel: Text | None = None
    review_stages: list[Text] = []  # in order
    procedure: list[Text] = []  # numbered steps, when the notice gives a procedure
    relations: list[Relation] = []  # what this document ends or supersedes in earlier ones
    milestone: Text | None = None  # one sentence for the timeline: what this document changed
    source: Source
    updated: dt.date  # when this record was last checked against the source
    plausibility_exceptions: list[PlausibilityException] = []  # checks this record rightly fails (rare)


class ReferencedDocument(Record):
    """A document the notices cite but the portal does not reproduce: only what the citing sources say of it."""

    id: Id
    doc_number: Line
    title: Text  # as the citing notices print it
    issuers: list[Id] = Field(min_length=1)  # national issuers (data/national.yml) the citation names
    issuers_as_cited: Text | None = None  # the citation's own words when it names issuers only in part ("等四部门")
    year: int = Field(ge=2000, le=2100)  # from the document number
    cited_by: list[Id] = Field(min_length=1)  # notices that cite it
    milestone: Text | None = None  # one sentence for the timeline, from what the citing notices say
    updated: dt.date
    plausibility_exceptions: list[PlausibilityException] = []  # checks this record rightly fails (rare)


# ---------------------------------------------------------------- certificates

Level = Literal["junior", "intermediate", "senior"]
LEVELS: tuple[str, ...] = Level.__args__  # lowest first
# The official platform's id of one certificate level: 19 digits or 32 hex characters so far; kept as text.
PlatformId = Annotated[str, StringConstraints(pattern=r"^[0-9A-Za-z]{4,64}$")]
SourceGives = Literal["batch", "levels"]


def _each_once(what: str, key=lambda value: value) -> AfterValidator:
    """A list validator: no two items with the same key (a level, a source) in one list."""

    def check(values: list) -> list:
        keys = [key(value) for value in values]
        if twice := sorted({k for k in keys if keys.count(k) > 1}):
            raise ValueError(f"{what} is listed twice ({', '.join(twice)}): give each once")
        return values

    return AfterValidator(check)


class Batch(Record):
    """A batch of certificates published by the Ministry; the year is left out when no source gives it."""

    number: int = Field(ge=1, le=20)
    year: int | None = Field(default=None, ge=2019, le=2100)
    source: Text


class CatalogueSource(Record):
    """A list certificate entries come from, described once and cited by id from every entry it gives."""

    id: Id
    name: Text = Field(description="Short name shown beside each entry that cites this source")
    description: LongText = Field(description="What the source is, who compiled it and how far it can be trusted")
    url: Url | None = Field(default=None, description="Where the source (or the capture of it) can be read")
    gives: Annotated[list[SourceGives], _each_once("a kind")] = Field(
        default=[],
        description="What the source states besides names and organisations: `batch` (batch numbers and "
        "sequences), `levels` (levels with the date each is listed since)",
    )


class CertificateLevel(Record):
    """One level of a certificate as a source lists it."""

    level: Level
    effective_from: dt.date | None = Field(
        default=None, description="The date the platform lists this level as effective from (its effective_from)"
    )
    platform_id: PlatformId | None = Field(
        default=None, description="The official platform's id of this certificate level (quoted: it is text)"
    )


class CertificateSource(Record):
    """A source that lists the certificate, and the organisation as that source writes it."""

    source: Id = Field(description="The id of an entry of the catalogue's `sources`")
    organisation: Text = Field(
        description="The training evaluation organisation exactly as this source writes it (zh), with our translation (en)"
    )


class Certificate(Record):
    """One certificate, listed once however many sources give it (merged by its Chinese name)."""

    id: Id
    name: Text
    batch: int | None = Field(
        default=None,
        ge=1,
        le=20,
        description="The Ministry's batch; left out when no source gives it (shown as not given)",
    )
    sequence: int | None = Field(default=None, ge=1, description="Number within the batch (only with a batch)")
    levels: Annotated[list[CertificateLevel], _each_once("a level", lambda entry: entry.level)] = Field(
        default=[], description="The levels a source lists (shown lowest first); empty: levels not given by our sources"
    )
    field: Text | None = None
    sources: Annotated[list[CertificateSource], _each_once("a source", lambda entry: entry.source)] = Field(
        min_length=1, description="Every source that lists this certificate, with the organisation as each writes it"
    )

    @field_validator("sequence")
    @classmethod
    def _sequence_needs_batch(cls, value: int | None, info: ValidationInfo) -> int | None:
        if value is not None and "batch" in info.data and info.data["batch"] is None:
            raise ValueError(
                "a sequence numbers a certificate within its batch: give the batch or leave the sequence out"
            )
        return value

    @property
    def level_names(self) -> list[str]:
        return [entry.level for entry in self.levels]

    def organisations(self) -> list[tuple[Text, list[str]]]:
        """Each distinct spelling of the organisation (by its Chinese name) with the ids of the sources that use it."""
        spellings: dict[str, tuple[Text, list[str]]] = {}
        for entry in self.sources:
            spellings.setdefault(entry.organisation.zh, (entry.organisation, []))[1].append(entry.source)
        return list(spellings.values())


class CertificateCatalogue(Record):
    total_published: int = Field(ge=0)  # how many certificates the Ministry published in all
    total_note: Text
    official_list: Text
    official_list_url: Url | None = None  # the platform that publishes the full list
    handed_over_note: Text | None = Field(
        default=None,
        description="What the hand-over means for the catalogue, in our words (shown on the page; needed with handed_over_by)",
    )
    handed_over_by: Id | None = Field(
        default=None, description="The id of the notice that records the catalogue's hand-over to another authority"
    )
    sources: list[CatalogueSource] = Field(
        min_length=1, description="The lists the certificates come from; each certificate cites them by id"
    )
    batches: list[Batch] = Field(min_length=1)
    certificates: list[Certificate] = []
    updated: dt.date | None = None  # when the catalogue was last checked against its sources

    @field_validator("handed_over_by")
    @classmethod
    def _hand_over_explained(cls, value: str | None, info: ValidationInfo) -> str | None:
        if value is not None and "handed_over_note" in info.data and info.data["handed_over_note"] is None:
            raise ValueError("say in handed_over_note what the hand-over means for the catalogue")
        return value


# ---------------------------------------------------------------- form templates
# Every text below is the form's own wording (zh) with a reference translation (en); layout is data too.


class FormField(Record):
    """A labelled blank to fill in, e.g. 院校名称; `same_row` puts it beside the previous field."""

    label: Text
    width: int | None = Field(default=None, ge=1, le=20)  # relative width of the blank
    same_row: bool = False


ColumnKind = Literal["text", "integer", "decimal"]


class FormColumn(Record):
    label: Text
    kind: ColumnKind = "text"  # integer/decimal columns get number formats (and may be totalled)
    total: bool = False  # summed in the totals row
    width: int | None = Field(default=None, ge=1, le=80)  # in characters
    choices: list[Text] = Field(
        default=[],
        description=(
            "The only answers the form allows in this column, as its filling notes name them (e.g. the pilot batches "
            "2019年第一批 …): the Excel file offers them as a drop-down list. Text columns only; no ASCII comma or "
            "double quote in a choice, and at most 255 characters for the whole list in each language (Excel's limit)."
        ),
    )


class FormTable(Record):
    title: Text | None = None  # e.g. 已有试点信息
    columns: list[FormColumn] = Field(min_length=1)
    blank_rows: int = Field(default=3, ge=0, le=200)
    row_note: Text | None = None  # a row of its own after the blank rows, e.g. （可加行）
    totals: Text | None = None  # label of the totals row, e.g. 合计; none: no totals row


class FormItem(Record):
    """A numbered item inside a section: a prompt, optional sub-lines (placeholders) and space to write."""

    text: Text
    items: list[Text] = []  # lines printed under the prompt, e.g. "XXXX年XX月XX日 8:00-12:00，考核人数：XX人；"
    note: Text | None = None  # after the sub-lines, e.g. （可加行）
    blank_lines: int = Field(default=1, ge=0, le=40)  # ruled lines to write on


class FormSection(Record):
    heading: Text | None = None  # as printed, with its numeral: 一、基本信息
    note: Text | None = None  # printed under the heading, e.g. （请对照……描述）
    fields: list[FormField] = []
    tables: list[FormTable] = []
    items: list[FormItem] = []
    blank_lines: int = Field(default=0, ge=0, le=40)  # free space after the section


class FormSignature(Record):
    """The sign-off block: an optional heading (院校意见) and the lines to sign (签名、盖章、日期)."""

    heading: Text | None = None
    blank_lines: int = Field(default=3, ge=0, le=20)  # space for the opinion before the lines
    lines: list[Text] = Field(min_length=1)


class Form(Record):
    id: Id
    notice: Id
    attachment: int = Field(ge=1)
    title: Text  # the heading printed on the form itself
    subtitle: Text | None = None  # e.g. （格式）
    note: Text | None = None  # how our copy relates to the original (shown on the form page)
    orientation: Literal["portrait", "landscape"] = "portrait"
    header_fields: list[FormField] = []
    sections: list[FormSection] = Field(min_length=1)
    signature: FormSignature | None = None
    filling_notes: list[Text] = []  # 填表说明, in order
    spreadsheet: bool = False  # also offered as XLSX (forms that are tables)
    updated: dt.date  # when this record was last checked against the source (also the files' timestamp)
    plausibility_exceptions: list[PlausibilityException] = []  # checks this record rightly fails (rare)
