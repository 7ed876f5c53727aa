# Checks across records the models cannot make alone: references between files, ids defined twice across files.
from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from macros.data.errors import Problem
from macros.data.hints import did_you_mean
from macros.data.loader import Document
from macros.data.models import CertificateCatalogue, Form, Notice, Province, ReferencedDocument

NO_FAILURES: dict[str, set[str]] = {}


@dataclass
class Known:
    """What references can point at: the ids that loaded, and those of files that did not (`failed`: kind
    ("issuer", "notice", "form", "certificate") -> ids); a reference to a failed one is not reported as unknown
    again, the file's own problem being the cause."""

    issuers: dict[str, str]  # issuer id -> province id
    notices: dict[str, Notice]
    forms: set[str]
    certificates: set[str]
    failed: dict[str, set[str]]

    def missing(self, kind: str, name: str, defined: Iterable[str]) -> bool:
        return name not in defined and name not in self.failed.get(kind, ())


def check_references(
    provinces: list[Province],
    notices: list[Notice],
    forms: list[Form],
    catalogue: CertificateCatalogue | None,
    docs: dict[tuple, Document],
    failed: dict[str, set[str]] = NO_FAILURES,
) -> list[Problem]:
    """Issuers defined once across files with parents in their province; notices name known issuers, forms and
    certificates; forms name the notice attachment that points back at them; the catalogue's hand-over notice."""
    issuers, problems = _issuers(provinces, docs)
    known = Known(
        issuers,
        {n.id: n for n in notices},
        {f.id for f in forms},
        {c.id for c in catalogue.certificates} if catalogue else set(),
        failed,
    )
    for notice in notices:
        problems += _notice_references(notice, docs[("notice", notice.id)], known)
    for form in forms:
        problems += _form_references(form, docs[("form", form.id)], known)
    if catalogue and catalogue.handed_over_by and catalogue.handed_over_by not in known.notices:
        problems.append(
            docs[("catalogue", "")].problem(
                ("handed_over_by",),
                f"unknown notice {catalogue.handed_over_by!r} (no data/notices/{catalogue.handed_over_by}.yml)",
            )
        )
    return problems


def _province_doc(province: Province, docs: dict[tuple, Document]) -> Document:
    # the national level (data/national.yml) is checked as a province
    return docs.get(("province", province.id)) or docs[("national", "")]


def _issuers(provinces: list[Province], docs: dict[tuple, Document]) -> tuple[dict[str, str], list[Problem]]:
    """Every issuer id -> its province, each defined once; a parent is an issuer of the same province."""
    problems: list[Problem] = []
    issuers: dict[str, str] = {}
    issuer_file: dict[str, str] = {}
    duplicated: set[str] = set()
    for province in provinces:
        doc = _province_doc(province, docs)
        for i, issuer in enumerate(province.issuers):
            if issuer.id in issuers:
                also = issuer_file[issuer.id]
                problems.append(
                    doc.problem(("issuers", i, "id"), f"duplicate issuer id {issuer.id!r} (also in {also})")
                )
                duplicated.add(issuer.id)
                continue
            issuers[issuer.id] = province.id
            issuer_file[issuer.id] = doc.file
    for province in provinces:  # parents once every issuer is known (a parent named twice is the duplicate's problem)
        doc = _province_doc(province, docs)
        for i, issuer in enumerate(province.issuers):
            parent = issuer.parent
            if not parent or issuers.get(parent) == province.id or parent in duplicated:
                continue
            if parent in issuers:
                message = (
                    f"issuer {parent!r} belongs to {issuers[parent]!r}: a parent must be an issuer of this province"
                )
            else:
                others = [o.id for o in province.issuers if o.id != issuer.id]
                message = f"unknown issuer {parent!r} in this province" + did_you_mean(parent, others)
            problems.append(doc.problem(("issuers", i, "parent"), message))
    return issuers, problems


def _notice_references(notice: Notice, doc: Document, known: Known) -> list[Problem]:
    """The issuers, forms and certificates a notice names exist (or are in files that did not load)."""
    problems: list[Problem] = []
    if known.missing("issuer", notice.issuer, known.issuers):
        hint = did_you_mean(notice.issuer, known.issuers) or " (define it in data/provinces/ or data/national.yml)"
        problems.append(doc.problem(("issuer",), f"unknown issuer {notice.issuer!r}{hint}"))
    for i, co in enumerate(notice.co_issuers):
        if known.missing("issuer", co, known.issuers):
            problems.append(doc.problem(("co_issuers", i), f"unknown issuer {co!r}" + did_you_mean(co, known.issuers)))
    for i, attachment in enumerate(notice.attachments):
        form = attachment.form
        if form and known.missing("form", form, known.forms):
            message = f"unknown form {form!r} (no data/forms/{form}.yml)" + did_you_mean(form, known.forms)
            problems.append(doc.problem(("attachments", i, "form"), message))
    for i, rule in enumerate(notice.certificate_rules):
        for j, certificate in enumerate(rule.certificates):
            if known.missing("certificate", certificate, known.certificates):
                message = f"unknown certificate {certificate!r}" + did_you_mean(certificate, known.certificates)
                problems.append(doc.problem(("certificate_rules", i, "certificates", j), message))
    return problems


def _form_references(form: Form, doc: Document, known: Known) -> list[Problem]:
    """A form names a known notice whose attachment of that number points back at the form."""
    notice = known.notices.get(form.notice)
    if notice is None:
        if not known.missing("notice", form.notice, known.notices):
            return []
        return [doc.problem(("notice",), f"unknown notice {form.notice!r}" + did_you_mean(form.notice, known.notices))]
    if any(a.number == form.attachment and a.form == form.id for a in notice.attachments):
        return []
    message = f"notice {form.notice!r} has no attachment {form.attachment} pointing at form {form.id!r}"
    return [doc.problem(("attachment",), message)]


def check_national(
    national: Province | None,
    referenced: list[ReferencedDocument],
    notices: list[Notice],
    docs: dict[tuple, Document],
    failed: dict[str, set[str]] = NO_FAILURES,
) -> list[Problem]:
    """data/national.yml is the national level; referenced documents name national issuers and citing notices."""
    problems: list[Problem] = []
    national_ids = {i.id for i in national.issuers} if national else set()
    if national and national.id != "national":
        problems.append(
            docs[("national", "")].problem(("id",), f"the national level's id must be 'national', not {national.id!r}")
        )
    notice_ids = {n.id for n in notices}
    for ref in referenced:
        doc = docs[("referenced", ref.id)]
        for i, issuer in enumerate(ref.issuers):
            if issuer not in national_ids and issuer not in failed.get("issuer", ()):
                hint = did_you_mean(issuer, national_ids) or " (define it in data/national.yml)"
                problems.append(doc.problem(("issuers", i), f"unknown national issuer {issuer!r}{hint}"))
        for i, notice in enumerate(ref.cited_by):
            if notice not in notice_ids and notice not in failed.get("notice", ()):
                message = f"unknown notice {notice!r}" + did_you_mean(notice, notice_ids)
                problems.append(doc.problem(("cited_by", i), message))
    return problems
