# Cross-record checks the models cannot make alone: references, duplicates, date order.
from __future__ import annotations

from .errors import Problem
from .loader import Document


def check_references(provinces, notices, forms, catalogue, docs: dict[tuple, Document]) -> list[Problem]:
    problems: list[Problem] = []
    issuers: dict[str, str] = {}  # issuer id -> province id
    issuer_file: dict[str, str] = {}

    for prov in provinces:
        doc = docs[("province", prov.id)]
        for i, issuer in enumerate(prov.issuers):
            if issuer.id in issuers:
                problems.append(doc.problem(("issuers", i, "id"), f"duplicate issuer id {issuer.id!r} (also in {issuer_file[issuer.id]})"))
                continue
            issuers[issuer.id] = prov.id
            issuer_file[issuer.id] = doc.file
        for i, issuer in enumerate(prov.issuers):
            if issuer.parent and issuers.get(issuer.parent) != prov.id:
                problems.append(doc.problem(("issuers", i, "parent"), f"unknown issuer {issuer.parent!r} in this province"))

    form_ids = {f.id for f in forms}
    cert_ids = {c.id for c in catalogue.certificates} if catalogue else set()
    notice_by_id = {n.id: n for n in notices}

    for notice in notices:
        doc = docs[("notice", notice.id)]
        if notice.issuer not in issuers:
            problems.append(doc.problem(("issuer",), f"unknown issuer {notice.issuer!r} (define it in data/provinces/)"))
        if notice.issued is None and notice.issued_note is None:
            problems.append(doc.problem(("issued_note",), "the issue date is unknown: say why in issued_note"))
        seen: set[str] = set()
        for i, d in enumerate(notice.deadlines):
            where = ("deadlines", i)
            if d.id in seen:
                problems.append(doc.problem(where + ("id",), f"duplicate deadline id {d.id!r} in this notice"))
            seen.add(d.id)
            if d.start and not d.end:
                problems.append(doc.problem(where + ("end",), "a window with a start needs an end (use the same day for one day)"))
            if d.start and d.end and d.end < d.start:
                problems.append(doc.problem(where + ("end",), f"end {d.end} is before start {d.start}"))
            if not d.start and not d.end and not d.when:
                problems.append(doc.problem(where, "give dates (start/end) or, when the notice names none, `when`"))
            if d.recurrence:
                if not d.end:
                    problems.append(doc.problem(where + ("recurrence",), "a recurring window needs its first dates"))
                elif d.recurrence.from_year != (d.start or d.end).year:
                    problems.append(doc.problem(where + ("recurrence", "from_year"),
                                                f"from_year {d.recurrence.from_year} differs from the year of the dates ({(d.start or d.end).year})"))
                if d.recurrence.until_year and d.recurrence.until_year < d.recurrence.from_year:
                    problems.append(doc.problem(where + ("recurrence", "until_year"), "until_year is before from_year"))
        numbers: set[int] = set()
        for i, a in enumerate(notice.attachments):
            if a.number in numbers:
                problems.append(doc.problem(("attachments", i, "number"), f"duplicate attachment number {a.number}"))
            numbers.add(a.number)
            if a.form and a.form not in form_ids:
                problems.append(doc.problem(("attachments", i, "form"), f"unknown form {a.form!r} (no data/forms/{a.form}.yml)"))
            if not a.form and not a.availability:
                problems.append(doc.problem(("attachments", i, "availability"), "say where to get an attachment we do not reproduce"))
        rule_ids: set[str] = set()
        for i, rule in enumerate(notice.certificate_rules):
            if rule.id in rule_ids:
                problems.append(doc.problem(("certificate_rules", i, "id"), f"duplicate certificate rule id {rule.id!r} in this notice"))
            rule_ids.add(rule.id)
            for j, cid in enumerate(rule.certificates):
                if cid not in cert_ids:
                    problems.append(doc.problem(("certificate_rules", i, "certificates", j), f"unknown certificate {cid!r}"))

    for form in forms:
        doc = docs[("form", form.id)]
        notice = notice_by_id.get(form.notice)
        if notice is None:
            problems.append(doc.problem(("notice",), f"unknown notice {form.notice!r}"))
        elif not any(a.number == form.attachment and a.form == form.id for a in notice.attachments):
            problems.append(doc.problem(("attachment",), f"notice {form.notice!r} has no attachment {form.attachment} pointing at form {form.id!r}"))
        problems += _check_form_tables(form, doc)

    if catalogue:
        problems += _check_catalogue(catalogue, notice_by_id, docs[("catalogue", "")])
    return problems


def _check_form_tables(form, doc: Document) -> list[Problem]:
    """Totals make sense only over numbers, and a totals row needs at least one column to sum."""
    problems: list[Problem] = []
    for i, section in enumerate(form.sections):
        for j, table in enumerate(section.tables):
            where = ("sections", i, "tables", j)
            for k, column in enumerate(table.columns):
                if column.total and column.kind == "text":
                    problems.append(doc.problem(where + ("columns", k, "total"),
                                                "only a numeric column (kind: integer or decimal) can be totalled"))
                if column.total and table.totals is None:
                    problems.append(doc.problem(where + ("columns", k, "total"),
                                                "a column is totalled but the table has no totals row (set `totals`)"))
            if table.totals is not None and not any(c.total for c in table.columns):
                problems.append(doc.problem(where + ("totals",), "a totals row needs at least one column with total: true"))
    return problems


def _check_catalogue(catalogue, notice_by_id: dict, doc: Document) -> list[Problem]:
    """Batches, sources and platform ids are unique; certificates cite known batches and sources, each fact (batch,
    levels) from a source that gives it; one entry per certificate name; the hand-over names a known notice."""
    problems: list[Problem] = []
    batches: set[int] = set()
    for i, b in enumerate(catalogue.batches):
        if b.number in batches:
            problems.append(doc.problem(("batches", i, "number"), f"duplicate batch {b.number}"))
        batches.add(b.number)
    sources: dict[str, object] = {}
    for i, source in enumerate(catalogue.sources):
        if source.id in sources:
            problems.append(doc.problem(("sources", i, "id"), f"duplicate source id {source.id!r}"))
        sources.setdefault(source.id, source)
    if catalogue.handed_over_by and catalogue.handed_over_by not in notice_by_id:
        problems.append(doc.problem(("handed_over_by",), f"unknown notice {catalogue.handed_over_by!r} (no data/notices/{catalogue.handed_over_by}.yml)"))

    seen_id: set[str] = set()
    name_of: dict[str, str] = {}  # Chinese name -> id of the entry that has it
    seen_seq: set[tuple[int, int]] = set()
    platform_ids: dict[str, str] = {}  # platform id -> id of the certificate that has it
    for i, c in enumerate(catalogue.certificates):
        where = ("certificates", i)
        if c.id in seen_id:
            problems.append(doc.problem(where + ("id",), f"duplicate certificate id {c.id!r}"))
        seen_id.add(c.id)
        if c.name.zh in name_of:
            problems.append(doc.problem(where + ("name", "zh"), f"certificate {name_of[c.name.zh]!r} has the same name: "
                                        "keep one entry and list every source in its `sources`"))
        name_of.setdefault(c.name.zh, c.id)
        if c.batch is not None and c.batch not in batches:
            problems.append(doc.problem(where + ("batch",), f"unknown batch {c.batch}"))
        if c.batch is not None and c.sequence is not None:
            if (c.batch, c.sequence) in seen_seq:
                problems.append(doc.problem(where + ("sequence",), f"duplicate sequence {c.sequence} in batch {c.batch}"))
            seen_seq.add((c.batch, c.sequence))
        cited = [sources[s.source] for s in c.sources if s.source in sources]
        for j, s in enumerate(c.sources):
            if s.source not in sources:
                problems.append(doc.problem(where + ("sources", j, "source"), f"unknown source {s.source!r} (define it in `sources`)"))
        if len(cited) == len(c.sources):  # only when every source is known: otherwise that is the problem to fix
            for fact, present in (("batch", c.batch is not None), ("levels", bool(c.levels))):
                if present and not any(fact in s.gives for s in cited):
                    problems.append(doc.problem(where + (fact,), f"none of this certificate's sources gives {fact} "
                                                f"(a source that does has `{fact}` in its `gives`)"))
        for j, level in enumerate(c.levels):
            if level.platform_id is None:
                continue
            if level.platform_id in platform_ids:
                problems.append(doc.problem(where + ("levels", j, "platform_id"),
                                            f"platform id {level.platform_id} is also that of a level of {platform_ids[level.platform_id]!r}"))
            platform_ids.setdefault(level.platform_id, c.id)
    if len(catalogue.certificates) > catalogue.total_published:
        problems.append(doc.problem(("total_published",),
                                    f"the catalogue holds {len(catalogue.certificates)} certificates, more than total_published ({catalogue.total_published})"))
    return problems
