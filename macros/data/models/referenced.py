# A document the notices cite that the portal does not reproduce.
from __future__ import annotations

import datetime as dt

from pydantic import Field

from macros.data.models.base import Id, Line, PlausibilityException, Record, Text


class ReferencedDocument(Record):
    """A document the notices cite but the portal does not reproduce: only what the citing sources say of it."""

    id: Id = Field(description="The document's id, also its file name")
    doc_number: Line = Field(description="The document number as the citing notices print it")
    title: Text = Field(description="as the citing notices print it")
    issuers: list[Id] = Field(min_length=1, description="national issuers (data/national.yml) the citation names")
    issuers_as_cited: Text | None = Field(
        default=None, description='the citation\'s own words when it names issuers only in part ("等四部门")'
    )
    year: int = Field(ge=2000, le=2100, description="from the document number")
    cited_by: list[Id] = Field(min_length=1, description="notices that cite it")
    milestone: Text | None = Field(
        default=None, description="one sentence for the timeline, from what the citing notices say"
    )
    updated: dt.date = Field(description="when this record was last checked against the citing notices")
    plausibility_exceptions: list[PlausibilityException] = Field(
        default=[], description="checks this record rightly fails (rare)"
    )
