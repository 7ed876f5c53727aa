# The certificate catalogue: the Ministry's batches, the lists entries come from, and each certificate once.
from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Annotated, Any, Literal

from pydantic import AfterValidator, Field, StringConstraints, ValidationInfo, field_validator, model_validator

from macros.data.models.base import BrokenRules, Id, LongText, Record, Text, Url, repeated, rules_apply
from macros.data.models.notice import Level

LEVELS: tuple[str, ...] = Level.__args__  # type: ignore[attr-defined]  # lowest first
# The official platform's id of one certificate level: 19 digits or 32 hex characters so far; kept as text.
PlatformId = Annotated[str, StringConstraints(pattern=r"^[0-9A-Za-z]{4,64}$")]
SourceGives = Literal["batch", "levels"]


def _each_once(what: str, key: Callable[[Any], Any] = lambda value: value) -> AfterValidator:
    """A list validator: no two items with the same key (a level, a source) in one list."""

    def check(values: list) -> list:
        keys = [key(value) for value in values]
        if twice := sorted({k for k in keys if keys.count(k) > 1}):
            raise ValueError(f"{what} is listed twice ({', '.join(twice)}): give each once")
        return values

    return AfterValidator(check)


class Batch(Record):
    """A batch of certificates published by the Ministry; the year is left out when no source gives it."""

    number: int = Field(ge=1, le=20, description="The batch's number (第一批 is 1)")
    year: int | None = Field(default=None, ge=2019, le=2100, description="The year it was published, when known")
    source: Text = Field(description="Where the batch's number and year come from")


class CatalogueSource(Record):
    """A list certificate entries come from, described once and cited by id from every entry it gives."""

    id: Id = Field(description="Unique among the sources; certificates cite it")
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

    level: Level = Field(description="junior, intermediate or senior")
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

    id: Id = Field(description="Unique in the catalogue; certificate rules of notices name it")
    name: Text = Field(description="The certificate's name (entries are merged by the Chinese one)")
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
    field: Text | None = Field(default=None, description="The occupational field, when a source gives it")
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
    """data/certificates.yml: every certificate once, with the batches and sources its facts come from."""

    total_published: int = Field(ge=0, description="how many certificates the Ministry published in all")
    total_note: Text = Field(description="Where that total comes from")
    official_list: Text = Field(description="Where the official full list is, in words")
    official_list_url: Url | None = Field(default=None, description="the platform that publishes the full list")
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
    batches: list[Batch] = Field(min_length=1, description="The Ministry's batches the certificates belong to")
    certificates: list[Certificate] = Field(default=[], description="Every certificate, once")
    updated: dt.date | None = Field(default=None, description="when the catalogue was last checked against its sources")

    @field_validator("handed_over_by")
    @classmethod
    def _hand_over_explained(cls, value: str | None, info: ValidationInfo) -> str | None:
        if value is not None and "handed_over_note" in info.data and info.data["handed_over_note"] is None:
            raise ValueError("say in handed_over_note what the hand-over means for the catalogue")
        return value

    @model_validator(mode="after")
    def _entries_hold_together(self, info: ValidationInfo) -> CertificateCatalogue:
        """Batches, sources and platform ids are unique; certificates cite known batches and sources, each fact
        (batch, levels) from a source that gives it; one entry per certificate name; no more than published."""
        if not rules_apply(info):
            return self
        broken = BrokenRules()
        for i in repeated([b.number for b in self.batches]):
            broken.add(("batches", i, "number"), f"duplicate batch {self.batches[i].number}", self.batches[i].number)
        for i in repeated([s.id for s in self.sources]):
            broken.add(("sources", i, "id"), f"duplicate source id {self.sources[i].id!r}")
        self._unique_certificates(broken)
        for i, certificate in enumerate(self.certificates):
            broken.extend(("certificates", i), self._cites_what_exists(certificate))
        if len(self.certificates) > self.total_published:
            broken.add(
                ("total_published",),
                f"the catalogue holds {len(self.certificates)} certificates, more than total_published "
                f"({self.total_published})",
            )
        broken.raise_any(CertificateCatalogue)
        return self

    def _unique_certificates(self, broken: BrokenRules) -> None:
        """One entry per id, per Chinese name, per (batch, sequence) and per platform id."""
        for i in repeated([c.id for c in self.certificates]):
            broken.add(("certificates", i, "id"), f"duplicate certificate id {self.certificates[i].id!r}")
        name_of: dict[str, str] = {}  # Chinese name -> id of the entry that has it
        for i, c in enumerate(self.certificates):
            if c.name.zh in name_of:
                broken.add(
                    ("certificates", i, "name", "zh"),
                    f"certificate {name_of[c.name.zh]!r} has the same name: "
                    "keep one entry and list every source in its `sources`",
                )
            name_of.setdefault(c.name.zh, c.id)
        numbered = [(i, (c.batch, c.sequence)) for i, c in enumerate(self.certificates) if c.batch and c.sequence]
        for n in repeated([key for _, key in numbered]):
            i, (batch, sequence) = numbered[n]
            broken.add(("certificates", i, "sequence"), f"duplicate sequence {sequence} in batch {batch}", sequence)
        platform_ids: dict[str, str] = {}  # platform id -> id of the certificate that has it
        for i, c in enumerate(self.certificates):
            for j, level in enumerate(c.levels):
                if level.platform_id is None:
                    continue
                if level.platform_id in platform_ids:
                    broken.add(
                        ("certificates", i, "levels", j, "platform_id"),
                        f"platform id {level.platform_id} is also that of a level of "
                        f"{platform_ids[level.platform_id]!r}",
                    )
                platform_ids.setdefault(level.platform_id, c.id)

    def _cites_what_exists(self, certificate: Certificate) -> BrokenRules:
        """A certificate's batch and sources are in the catalogue, and a source it cites gives each fact it states."""
        broken = BrokenRules()
        batches = {b.number for b in self.batches}
        sources = {s.id: s for s in self.sources}
        if certificate.batch is not None and certificate.batch not in batches:
            broken.add(("batch",), f"unknown batch {certificate.batch}", certificate.batch)
        unknown = [j for j, cited in enumerate(certificate.sources) if cited.source not in sources]
        for j in unknown:
            source = certificate.sources[j].source
            broken.add(("sources", j, "source"), f"unknown source {source!r} (define it in `sources`)")
        if unknown:  # a fact's source is judged only once every source is known
            return broken
        gives = {fact for cited in certificate.sources for fact in sources[cited.source].gives}
        for fact, present in (("batch", certificate.batch is not None), ("levels", bool(certificate.levels))):
            if present and fact not in gives:
                broken.add(
                    (fact,),
                    f"none of this certificate's sources gives {fact} (a source that does has `{fact}` in its `gives`)",
                )
        return broken
