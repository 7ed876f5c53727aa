# A notice (one official document) and what it holds: deadlines, contacts, attachments, rules, relations.
from __future__ import annotations

import datetime as dt
from typing import Literal

from pydantic import ConfigDict, Field, ValidationInfo, model_validator

from macros.data.models.base import (
    QQ,
    BrokenRules,
    Email,
    Id,
    Line,
    LongText,
    Phone,
    PlausibilityException,
    Record,
    Text,
    Url,
    repeated,
    rules_apply,
)

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
Level = Literal["junior", "intermediate", "senior"]


class Recurrence(Record):
    """A window repeated every year from `from_year` (e.g. Anhui's spring and autumn rounds)."""

    freq: Literal["yearly"] = Field(description="How often the window comes back (yearly)")
    from_year: int = Field(ge=2000, le=2100, description="The first year, that of the window's own dates")
    until_year: int | None = Field(
        default=None, ge=2000, le=2100, description="The last year the notice names; left out: no end stated"
    )
    basis: Text = Field(description="the words of the notice that make it recurring, in our own summary")

    @model_validator(mode="after")
    def _years_in_order(self, info: ValidationInfo) -> Recurrence:
        if rules_apply(info) and self.until_year and self.until_year < self.from_year:
            broken = BrokenRules()
            broken.add(("until_year",), "until_year is before from_year", self.until_year)
            broken.raise_any(Recurrence)
        return self


class Deadline(Record):
    """A dated window or due date of a notice, or an obligation stated without a date (`when`)."""

    id: Id = Field(description="Unique within the notice; calendar entries and links use it")
    stage: Stage = Field(description="Which step of the procedure the window belongs to")
    title: Text = Field(description="What is due, in a few words")
    applies_to: Text = Field(description="Who must act (schools, municipal bureaus, …)")
    round: Round | None = Field(
        default=None, description="The round the window belongs to, when the notice has several"
    )
    start: dt.date | None = Field(default=None, description="The first day of the window (needs an end)")
    end: dt.date | None = Field(default=None, description="inclusive; a single day has start == end or only end")
    when: Text | None = Field(default=None, description='for obligations without an exact date: "each autumn semester"')
    recurrence: Recurrence | None = Field(default=None, description="The yearly repetition, when the notice sets one")
    note: Text | None = Field(default=None, description="Anything a reader must know about this window")

    @model_validator(mode="after")
    def _dates_make_sense(self, info: ValidationInfo) -> Deadline:
        if rules_apply(info):
            broken = BrokenRules()
            if self.start and not self.end:
                broken.add(("end",), "a window with a start needs an end (use the same day for one day)")
            if self.start and self.end and self.end < self.start:
                broken.add(("end",), f"end {self.end} is before start {self.start}", str(self.end))
            if not self.start and not self.end and not self.when:
                broken.add((), "give dates (start/end) or, when the notice names none, `when`")
            if self.recurrence:
                self._recurrence_matches(broken)
            broken.raise_any(Deadline)
        return self

    def _recurrence_matches(self, broken: BrokenRules) -> None:
        assert self.recurrence is not None
        first = self.start or self.end
        if first is None:
            broken.add(("recurrence",), "a recurring window needs its first dates")
        elif self.recurrence.from_year != first.year:
            broken.add(
                ("recurrence", "from_year"),
                f"from_year {self.recurrence.from_year} differs from the year of the dates ({first.year})",
                self.recurrence.from_year,
            )


class QQGroup(Record):
    """A QQ group the notice gives for questions."""

    number: QQ = Field(description="The group's number (quoted: it is text)")
    name: Text = Field(description="The group's name as published")


class Contact(Record):
    """A person or office to ask, exactly as published in the notice that carries it."""

    name: Text = Field(description="The person or office, as the notice names them")
    role: Text = Field(description="What to ask them about")
    phones: list[Phone] = Field(default=[], description="Phone numbers as published")
    emails: list[Email] = Field(default=[], description="E-mail addresses as published")
    qq_groups: list[QQGroup] = Field(default=[], description="QQ groups as published")
    address: Text | None = Field(default=None, description="A postal address, when the notice gives one")


class Source(Record):
    """Where the original document is and how our copy relates to it."""

    url: Url | None = Field(default=None, description="Where the original can be read")
    note: Text | None = Field(default=None, description="e.g. a correction the portal makes visibly")


class Attachment(Record):
    """An attachment the notice names; `form` points at a form template when we have its structure."""

    number: int = Field(ge=1, description="Its number in the notice (附件1 is 1)")
    title: Text = Field(description="Its title as the notice prints it")
    form: Id | None = Field(default=None, description="The id of the form in data/forms/ that reproduces it")
    availability: Text | None = Field(default=None, description="where to get the original when we do not reproduce it")

    @model_validator(mode="after")
    def _reproduced_or_found(self, info: ValidationInfo) -> Attachment:
        if rules_apply(info) and not self.form and not self.availability:
            broken = BrokenRules()
            broken.add(("availability",), "say where to get an attachment we do not reproduce")
            broken.raise_any(Attachment)
        return self


class KeyRule(Record):
    """A rule of the notice worth reading on its own, summarised."""

    text: LongText = Field(description="The rule, in our own summary")
    section: Line | None = Field(default=None, description='where in the notice it stands, e.g. "四、4"')


class CertificateRule(Record):
    """A restriction a notice puts on certificates or levels (e.g. intermediate level and above only)."""

    id: Id = Field(description="Unique within the notice; relations name it to end it")
    text: Text = Field(description="The restriction, in our own words")
    min_level: Level | None = Field(default=None, description="The lowest level allowed")
    excluded_levels: list[Level] = Field(default=[], description="Levels ruled out besides those below min_level")
    certificates: list[Id] = Field(
        default=[],
        description="empty: applies to every certificate (or to those `applies_to` describes)",
    )
    applies_to: Text | None = Field(
        default=None, description="which certificates, in words, when the notice names no list"
    )

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


class Notice(Record):
    """One official document, with its deadlines, contacts, rules and attachments."""

    id: Id = Field(description="The notice's id, also its file name (like hunan-2022-80)")
    issuer: Id = Field(description="The id of the issuer that leads (data/provinces/ or data/national.yml)")
    co_issuers: list[Id] = Field(default=[], description="the other issuers of a joint document, in the order printed")
    doc_number: Line = Field(description="The document number as printed, e.g. 湘教通〔2022〕80号")
    title: Text = Field(description="The document's title")
    issued: dt.date | None = Field(default=None, description="The date the document was issued")
    issued_note: Text | None = Field(default=None, description="required when `issued` is unknown: say why")
    audience: list[Audience] = Field(min_length=1, description="Whom the notice addresses")
    status: Status = Field(description="Whether the notice is in force, expired, superseded or unknown")
    summary: LongText = Field(description="What the notice says, in our own summary")
    key_rules: list[KeyRule] = Field(default=[], description="Its main rules, each summarised")
    deadlines: list[Deadline] = Field(default=[], description="Its dated windows and undated obligations")
    contacts: list[Contact] = Field(default=[], description="Whom to ask, as published")
    attachments: list[Attachment] = Field(default=[], description="The attachments it names, by number")
    certificate_rules: list[CertificateRule] = Field(
        default=[], description="Restrictions it puts on certificates or levels"
    )
    certificate_scope: Text | None = Field(default=None, description="which certificates the notice covers")
    school_scope: Text | None = Field(default=None, description="which schools may take part")
    submission_channel: Text | None = Field(default=None, description="How and where materials are submitted")
    review_stages: list[Text] = Field(default=[], description="in order")
    procedure: list[Text] = Field(default=[], description="numbered steps, when the notice gives a procedure")
    relations: list[Relation] = Field(default=[], description="what this document ends or supersedes in earlier ones")
    milestone: Text | None = Field(
        default=None, description="one sentence for the timeline: what this document changed"
    )
    source: Source = Field(description="Where the original is and how our copy relates to it")
    updated: dt.date = Field(description="when this record was last checked against the source")
    plausibility_exceptions: list[PlausibilityException] = Field(
        default=[], description="checks this record rightly fails (rare)"
    )

    @model_validator(mode="after")
    def _holds_together(self, info: ValidationInfo) -> Notice:
        if rules_apply(info):
            broken = BrokenRules()
            if self.issued is None and self.issued_note is None:
                broken.add(("issued_note",), "the issue date is unknown: say why in issued_note")
            for i in repeated([self.issuer, *self.co_issuers]):
                co = self.co_issuers[i - 1]
                broken.add(("co_issuers", i - 1), f"issuer {co!r} is named twice", co)
            for i in repeated([d.id for d in self.deadlines]):
                broken.add(("deadlines", i, "id"), f"duplicate deadline id {self.deadlines[i].id!r} in this notice")
            for i in repeated([a.number for a in self.attachments]):
                number = self.attachments[i].number
                broken.add(("attachments", i, "number"), f"duplicate attachment number {number}", number)
            for i in repeated([r.id for r in self.certificate_rules]):
                rule = self.certificate_rules[i].id
                broken.add(("certificate_rules", i, "id"), f"duplicate certificate rule id {rule!r} in this notice")
            broken.raise_any(Notice)
        return self
