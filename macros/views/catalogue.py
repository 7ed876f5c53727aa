# The certificate catalogue page: collects certificates, batches and the notices' certificate rules into a view
# (which rule limits which level of which certificate), and its page spec (listed in macros/site/features.py).
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from functools import cached_property

from macros.data.models import LEVELS, Batch, CatalogueSource, Certificate, CertificateRule, Notice, Text
from macros.views import language
from macros.views.catalogue_parts import NO_BATCH, Part, order, parts
from macros.views.limits import CATALOGUE_RULE_NOTICES_PER_PROVINCE
from macros.views.pages import PageSpec


@dataclass(frozen=True)
class RuleRef:
    """A notice's certificate rule, with the levels it rules out and its anchor on the catalogue page."""

    notice: Notice
    rule: CertificateRule
    excluded: tuple[str, ...]

    @property
    def anchor(self) -> str:
        return f"rule-{self.notice.id}--{self.rule.id}"

    def applies_to(self, certificate_id: str) -> bool:
        return not self.rule.certificates or certificate_id in self.rule.certificates


@dataclass
class LevelCell:
    level: str
    effective_from: dt.date | None
    platform_id: str | None
    excluded_by: list[RuleRef]

    @property
    def marked_rules(self) -> list[RuleRef]:
        """The rules marked on the level's chip, each linking to itself: those naming the certificate, and a rule for
        every certificate when it is the only one ruling the level out."""
        general = [r for r in self.excluded_by if not r.rule.certificates]
        return [r for r in self.excluded_by if r.rule.certificates] + (general if len(general) == 1 else [])

    @property
    def general_rules(self) -> int:
        """How many rules for every certificate rule the level out, when several do: the chip then carries one marker
        to the level's entry in the levels list, which names them all (500 chips × every province's rule would
        make the page megabytes long)."""
        general = sum(1 for r in self.excluded_by if not r.rule.certificates)
        return general if general > 1 else 0


@dataclass
class Spelling:
    """The organisation as one or more sources write it."""

    name: Text
    sources: list[CatalogueSource]


@dataclass
class CertificateRow:
    certificate: Certificate
    batch: Batch | None  # None: no source gives the batch
    levels: list[LevelCell]
    organisations: list[Spelling]
    sources: list[CatalogueSource]
    named_in: list[RuleRef]  # rules that name this certificate explicitly
    page: str = ""  # the slug of the list page that shows it (catalogue_parts.Part.slug)


@dataclass
class LevelSummary:
    level: str
    excluded_by: list[RuleRef]
    minimum_of: list[RuleRef]  # rules for which this level is the lowest allowed
    count: int = 0  # certificates whose sources list this level


@dataclass
class SourceSummary:
    source: CatalogueSource
    count: int  # certificates that cite it


@dataclass
class PartView:
    """One page of the certificate list and the rows it shows."""

    part: Part
    rows: list[CertificateRow]

    @property
    def slug(self) -> str:
        return self.part.slug

    def title(self, lang: str) -> str:
        """The batch (or "no batch given"), and which part of it when it spans several pages."""
        name = (
            language.label("cat_batch_n", lang) % self.part.batch
            if self.part.batch is not None
            else language.label("cat_no_batch_option", lang)
        )
        if self.part.of > 1:
            name += language.label("cat_part_n", lang) % {"n": self.part.number, "of": self.part.of}
        return name


@dataclass
class CatalogueView:
    total_published: int
    total_note: Text
    official_list: Text
    official_list_url: str | None
    batches: list[Batch]
    count_in_batch: dict[int, int]
    rows: list[CertificateRow]
    rules: list[RuleRef]
    levels: list[LevelSummary]
    sources: list[SourceSummary] = field(default_factory=list)
    organisations: list[Text] = field(default_factory=list)  # distinct spellings, in the order of first appearance
    handed_over_note: Text | None = None
    handed_over_by: Notice | None = None
    parts: list[PartView] = field(default_factory=list)  # the list's pages, each certificate on one

    @cached_property
    def _organisation_key(self) -> dict[str, int]:
        return {o.zh: i for i, o in enumerate(self.organisations)}

    def organisation_keys(self, row: CertificateRow) -> str:
        """The row's organisations as their places in `organisations` (the filter's options carry the same keys)."""
        return " ".join(str(self._organisation_key[s.name.zh]) for s in row.organisations)

    def organisation_options(self, lang: str) -> list[tuple[int, Text]]:
        """(key, organisation) in the order a reader of `lang` looks them up (by the name shown)."""
        return sorted(enumerate(self.organisations), key=lambda pair: language.plain(pair[1], lang))

    @property
    def held(self) -> int:
        return len(self.rows)

    @property
    def without_levels(self) -> int:
        return sum(1 for r in self.rows if not r.levels)

    @property
    def without_batch(self) -> int:
        return sum(1 for r in self.rows if r.batch is None)

    @property
    def in_several_sources(self) -> int:
        return sum(1 for r in self.rows if len(r.sources) > 1)

    @property
    def sources_without_batch(self) -> list[CatalogueSource]:
        """The sources cited by the certificates without a batch, in the catalogue's order."""
        cited = {s.id for r in self.rows if r.batch is None for s in r.sources}
        return [s.source for s in self.sources if s.source.id in cited]

    @property
    def any_field(self) -> bool:
        return any(r.certificate.field for r in self.rows)


def rule_refs(notices: list[Notice]) -> list[RuleRef]:
    return [RuleRef(n, r, r.levels()[1]) for n in notices for r in n.certificate_rules]


def certificate_row(
    certificate: Certificate, batch: Batch | None, rules: list[RuleRef], sources: dict[str, CatalogueSource]
) -> CertificateRow:
    mine = [r for r in rules if r.applies_to(certificate.id)]
    by_level = {entry.level: entry for entry in certificate.levels}
    levels = [
        LevelCell(
            level, by_level[level].effective_from, by_level[level].platform_id, [r for r in mine if level in r.excluded]
        )
        for level in LEVELS
        if level in by_level
    ]
    spellings = [Spelling(name, [sources[i] for i in ids]) for name, ids in certificate.organisations()]
    named = [r for r in rules if certificate.id in r.rule.certificates]
    return CertificateRow(
        certificate, batch, levels, spellings, [sources[s.source] for s in certificate.sources], named
    )


def level_summaries(rules: list[RuleRef], rows: list[CertificateRow]) -> list[LevelSummary]:
    general = [r for r in rules if not r.rule.certificates]
    return [
        LevelSummary(
            level,
            [r for r in general if level in r.excluded],
            [r for r in general if r.rule.min_level == level],
            sum(1 for row in rows if any(cell.level == level for cell in row.levels)),
        )
        for level in LEVELS
    ]


def catalogue_view(portal) -> CatalogueView | None:
    """Everything the catalogue page shows, collected from the portal (None without data/certificates.yml)."""
    cat = portal.catalogue
    if cat is None:
        return None
    # each province's newest notices only: the page (500 certificates × their rules) must not grow with the notices
    recent = {
        n.id for p in portal.provinces for n in portal.latest_notices_in(p.id, CATALOGUE_RULE_NOTICES_PER_PROVINCE)
    }
    rules = rule_refs([n for n in portal.notices if n.id in recent])
    batch_by_number = {b.number: b for b in cat.batches}
    source_by_id = {s.id: s for s in cat.sources}
    rows = [
        certificate_row(c, batch_by_number.get(c.batch), rules, source_by_id)
        for c in sorted(cat.certificates, key=order)
    ]
    by_id = {row.certificate.id: row for row in rows}
    part_views = []
    for part in parts(cat.certificates):
        for c in part.certificates:
            by_id[c.id].page = part.slug
        part_views.append(PartView(part, [by_id[c.id] for c in part.certificates]))
    organisations: dict[str, Text] = {}
    for row in rows:
        for spelling in row.organisations:
            organisations.setdefault(spelling.name.zh, spelling.name)
    counts = {b.number: 0 for b in cat.batches}
    for row in rows:
        if row.batch:
            counts[row.batch.number] += 1
    cited = [s.id for row in rows for s in row.sources]
    return CatalogueView(
        total_published=cat.total_published,
        total_note=cat.total_note,
        official_list=cat.official_list,
        official_list_url=cat.official_list_url,
        batches=sorted(cat.batches, key=lambda b: b.number),
        count_in_batch=counts,
        rows=rows,
        rules=rules,
        levels=level_summaries(rules, rows),
        sources=[SourceSummary(s, cited.count(s.id)) for s in cat.sources],
        organisations=list(organisations.values()),
        handed_over_note=cat.handed_over_note,
        handed_over_by=portal.notice_by_id.get(cat.handed_over_by) if cat.handed_over_by else None,
        parts=part_views,
    )


def catalogue_specs(portal) -> list[PageSpec]:
    """The catalogue's page (what it holds, sources, rules, levels, batches, every certificate by name with the
    filters) and one page per part of the list (each certificate's levels, dates, organisation and sources)."""
    view = catalogue_view(portal)
    if view is None:
        return []
    context = {"view": view, "no_batch": NO_BATCH, "certificate_pages": {r.certificate.id: r.page for r in view.rows}}
    title = language.labels_of("title_certificates")
    source = portal.source_of[("catalogue", "")]
    specs = [PageSpec("certificates", "", "certificates.html", title, source, portal.catalogue.updated, context)]
    for part in view.parts:
        part_title = {lang: title[lang] + language.label("colon", lang) + part.title(lang) for lang in title}
        specs.append(
            PageSpec(
                "certificates",
                part.slug,
                "certificate_part.html",
                part_title,
                source,
                portal.catalogue.updated,
                context | {"part": part},
                search_title={lang: part.title(lang) for lang in title},
            )
        )
    return specs
