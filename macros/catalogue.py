# The certificate catalogue page: collects certificates, batches and the notices' certificate rules into a view
# (which rule limits which level of which certificate), then registers the page for both languages.
from __future__ import annotations

from dataclasses import dataclass, field

from . import text
from .models import Batch, Certificate, CertificateRule, Notice, Text
from .pages import SPEC_SOURCES, PageSpec

LEVELS = ("junior", "intermediate", "senior")  # lowest first
TITLE = {"zh": "证书目录", "en": "Certificate catalogue"}


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
    excluded_by: list[RuleRef]


@dataclass
class CertificateRow:
    certificate: Certificate
    batch: Batch
    levels: list[LevelCell]
    named_in: list[RuleRef]  # rules that name this certificate explicitly

    @property
    def search_text(self) -> str:
        c = self.certificate
        parts = [c.name.zh, c.name.en, c.organisation.zh, c.organisation.en]
        return " ".join(p for p in parts if p).lower()


@dataclass
class LevelSummary:
    level: str
    excluded_by: list[RuleRef]
    minimum_of: list[RuleRef]  # rules for which this level is the lowest allowed


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
    organisations: list[Text] = field(default_factory=list)  # distinct, in the order of first appearance

    @property
    def held(self) -> int:
        return len(self.rows)

    @property
    def without_levels(self) -> int:
        return sum(1 for r in self.rows if not r.certificate.levels)

    def organisations_in(self, lang: str) -> list[Text]:
        """The organisations in the order a reader of `lang` looks them up (by the name shown)."""
        return sorted(self.organisations, key=lambda t: text.plain(t, lang))


def rule_refs(notices: list[Notice]) -> list[RuleRef]:
    return [RuleRef(n, r, r.levels()[1]) for n in notices for r in n.certificate_rules]


def certificate_row(certificate: Certificate, batch: Batch, rules: list[RuleRef]) -> CertificateRow:
    mine = [r for r in rules if r.applies_to(certificate.id)]
    levels = [LevelCell(level, [r for r in mine if level in r.excluded]) for level in LEVELS if level in certificate.levels]
    named = [r for r in rules if certificate.id in r.rule.certificates]
    return CertificateRow(certificate, batch, levels, named)


def level_summaries(rules: list[RuleRef]) -> list[LevelSummary]:
    general = [r for r in rules if not r.rule.certificates]
    return [LevelSummary(level, [r for r in general if level in r.excluded],
                         [r for r in general if r.rule.min_level == level]) for level in LEVELS]


RULE_NOTICES_PER_PROVINCE = 3  # as on the comparison page


def catalogue_view(portal) -> CatalogueView | None:
    """Everything the catalogue page shows, collected from the portal (None without data/certificates.yml)."""
    cat = portal.catalogue
    if cat is None:
        return None
    # each province's newest notices only: the page (500 certificates × their rules) must not grow with the notices
    recent = {n.id for p in portal.provinces for n in portal.latest_notices_in(p.id, RULE_NOTICES_PER_PROVINCE)}
    rules = rule_refs([n for n in portal.notices if n.id in recent])
    batch_by_number = {b.number: b for b in cat.batches}
    ordered = sorted(cat.certificates, key=lambda c: (c.batch, c.sequence or 10**6, c.name.zh))
    rows = [certificate_row(c, batch_by_number[c.batch], rules) for c in ordered]
    organisations: dict[str, Text] = {}
    for row in rows:
        organisations.setdefault(row.certificate.organisation.zh, row.certificate.organisation)
    counts = {b.number: 0 for b in cat.batches}
    for row in rows:
        counts[row.batch.number] += 1
    return CatalogueView(
        total_published=cat.total_published, total_note=cat.total_note, official_list=cat.official_list,
        official_list_url=cat.official_list_url, batches=sorted(cat.batches, key=lambda b: b.number),
        count_in_batch=counts, rows=rows, rules=rules, levels=level_summaries(rules),
        organisations=list(organisations.values()),
    )


def catalogue_specs(portal) -> list[PageSpec]:
    view = catalogue_view(portal)
    if view is None:
        return []
    return [PageSpec("certificates", "", "certificates.html", TITLE, source=portal.source_of[("catalogue", "")],
                     updated=portal.catalogue.updated, context={"view": view})]


SPEC_SOURCES.append(catalogue_specs)
