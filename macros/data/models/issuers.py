# Who publishes: provinces (and the national level) with the issuers inside them.
from __future__ import annotations

from typing import Literal

from pydantic import Field

from macros.data.models.base import Id, Record, Text

# ministry / general_office: national issuers (data/national.yml); the others sit inside a province
IssuerKind = Literal["department", "division", "school", "office", "ministry", "general_office"]


class Issuer(Record):
    """Who publishes notices: a provincial department, one of its divisions, an office, or a school."""

    id: Id = Field(description="Unique among all issuers; notices name their issuer by it")
    kind: IssuerKind = Field(
        description="department, division, school or office inside a province; ministry or general_office nationally"
    )
    name: Text = Field(description="The issuer's name as it signs its documents")
    parent: Id | None = Field(default=None, description="the issuer this one belongs to (a division of a department)")


class Province(Record):
    """A province (or other provincial-level unit) with the issuers inside it; data/national.yml has the same
    shape for the national level (ministries and their general offices), with the id `national`."""

    id: Id = Field(description="The province's id, also its file name (national for data/national.yml)")
    name: Text = Field(description="The province's name")
    order: int = Field(default=0, description="for listing; ties sort by id")
    issuers: list[Issuer] = Field(min_length=1, description="The issuers inside this province (or the national level)")
