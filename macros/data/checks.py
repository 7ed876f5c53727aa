# Cross-record checks the models cannot make alone: references, duplicates, date order.
from __future__ import annotations

from macros.data.errors import Problem
from macros.data.hints import did_you_mean
from macros.data.loader import Document
from macros.views.language import LANGS

NO_FAILURES: dict[str, set[str]] = {}


def check_references(
    provinces, notices, forms, catalogue, docs: dict[tuple, Document], failed: dict[str, set[str]] = NO_FAILURES
) -> list[Problem]:
    """`failed`: kind ("issuer", "notice", "form", "certificate") -> ids in files that did not load; a reference to
    one of them is not reported again as unknown (the file's own problem is the cause)."""
    problems: list[Problem] = []
    broken = lambda kind, name: name in failed.get(kind, ())  # noqa: E731
    issuers: dict[str, str] = {}  # issuer id -> province id
    issuer_file: dict[str, str] = {}

    duplicated: set[str] = set()
    for prov in provinces:  # the national level (data/national.yml) comes last, checked the same way
        doc = docs.get(("province", prov.id)) or docs[("national", "")]
        for i, issuer in enumerate(prov.issuers):
            if issuer.id in issuers:
                problems.append(
                    doc.problem(
                        ("issuers", i, "id"), f"duplicate issuer id {issuer.id!r} (also in {issuer_file[issuer.id]})"
                    )
                )
                duplicated.add(issuer.id)
                continue
            issuers[issuer.id] = prov.id
            issuer_file[issuer.id] = doc.file
    for prov in provinces:  # parents once every issuer is known (a parent named twice is the duplicate's problem)
        doc = docs.get(("province", prov.id)) or docs[("national", "")]
        for i, issuer in enumerate(prov.issuers):
            if not issuer.parent or issuers.get(issuer.parent) == prov.id or issuer.parent in duplicated:
                continue
            if issuer.parent in issuers:
                message = (
                    f"issuer {issuer.parent!r} belongs to {issuers[issuer.parent]!r}: a parent must be an "
                    "issuer of this province"
                )
            else:
                others = [o.id for o in prov.issuers if o.id != issuer.id]
                message = f"unknown issuer {issuer.parent!r} in this province" + did_you_mean(issuer.parent, others)
            problems.append(doc.problem(("issuers", i, "parent"), message))

    form_ids = {f.id for f in forms}
    cert_ids = {c.id for c in catalogue.certificates} if catalogue else set()
    notice_by_id = {n.id: n for n in notices}

    for notice in notices:
        doc = docs[("notice", notice.id)]
        if notice.issuer not in issuers and not broken("issuer", notice.issuer):
            problems.append(
                doc.problem(
                    ("issuer",),
                    f"unknown issuer {notice.issuer!r}"
                    + (did_you_mean(notice.issuer, issuers) or " (define it in data/provinces/ or data/national.yml)"),
                )
            )
        for i, co in enumerate(notice.co_issuers):
            if co not in issuers and not broken("issuer", co):
                problems.append(doc.problem(("co_issuers", i), f"unknown issuer {co!r}" + did_you_mean(co, issuers)))
            elif co == notice.issuer or co in notice.co_issuers[:i]:
                problems.append(doc.problem(("co_issuers", i), f"issuer {co!r} is named twice"))
        if notice.issued is None and notice.issued_note is None:
            problems.append(doc.problem(("issued_note",), "the issue date is unknown: say why in issued_note"))
        seen: set[str] = set()
        for i, d in enumerate(notice.deadlines):
            where = ("deadlines", i)
            if d.id in seen:
                problems.append(doc.problem(where + ("id",), f"duplicate deadline id {d.id!r} in this notice"))
            seen.add(d.id)
            if d.start and not d.end:
                problems.append(
                    doc.problem(where + ("end",), "a window with a start needs an end (use the same day for one day)")
                )
            if d.start and d.end and d.end < d.start:
                problems.append(doc.problem(where + ("end",), f"end {d.end} is before start {d.start}"))
            if not d.start and not d.end and not d.when:
                problems.append(doc.problem(where, "give dates (start/end) or, when the notice names none, `when`"))
            if d.recurrence:
                if not d.end:
                    problems.append(doc.problem(where + ("recurrence",), "a recurring window needs its first dates"))
                elif d.recurrence.from_year != (d.start or d.end).year:
                    problems.append(
                        doc.problem(
                            where + ("recurrence", "from_year"),
                            f"from_year {d.recurrence.from_year} differs from the year of the dates ({(d.start or d.end).year})",
                        )
                    )
                if d.recurrence.until_year and d.recurrence.until_year < d.recurrence.from_year:
                    problems.append(doc.problem(where + ("recurrence", "until_year"), "until_year is before from_year"))
        numbers: set[int] = set()
        for i, a in enumerate(notice.attachments):
            if a.number in numbers:
                problems.append(doc.problem(("attachments", i, "number"), f"duplicate attachment number {a.number}"))
            numbers.add(a.number)
            if a.form and a.form not in form_ids and not broken("form", a.form):
                problems.append(
                    doc.problem(
                        ("attachments", i, "form"),
                        f"unknown form {a.form!r} (no data/forms/{a.form}.yml)" + did_you_mean(a.form, form_ids),
                    )
                )
            if not a.form and not a.availability:
                problems.append(
                    doc.problem(
                        ("attachments", i, "availability"), "say where to get an attachment we do not reproduce"
                    )
                )
        rule_ids: set[str] = set()
        for i, rule in enumerate(notice.certificate_rules):
            if rule.id in rule_ids:
                problems.append(
                    doc.problem(
                        ("certificate_rules", i, "id"), f"duplicate certificate rule id {rule.id!r} in this notice"
                    )
                )
            rule_ids.add(rule.id)
            for j, cid in enumerate(rule.certificates):
                if cid not in cert_ids and not broken("certificate", cid):
                    problems.append(
                        doc.problem(
                            ("certificate_rules", i, "certificates", j),
                            f"unknown certificate {cid!r}" + did_you_mean(cid, cert_ids),
                        )
                    )

    for form in forms:
        doc = docs[("form", form.id)]
        notice = notice_by_id.get(form.notice)
        if notice is None:
            if not broken("notice", form.notice):
                problems.append(
                    doc.problem(
                        ("notice",), f"unknown notice {form.notice!r}" + did_you_mean(form.notice, notice_by_id)
                    )
                )
        elif not any(a.number == form.attachment and a.form == form.id for a in notice.attachments):
            problems.append(
                doc.problem(
                    ("attachment",),
                    f"notice {form.notice!r} has no attachment {form.attachment} pointing at form {form.id!r}",
                )
            )
        problems += _check_form_tables(form, doc)

    if catalogue:
        problems += _check_catalogue(catalogue, notice_by_id, docs[("catalogue", "")])
    return problems


def check_national(
    national, referenced, notices, docs: dict[tuple, Document], failed: dict[str, set[str]] = NO_FAILURES
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
                problems.append(
                    doc.problem(
                        ("issuers", i),
                        f"unknown national issuer {issuer!r}"
                        + (did_you_mean(issuer, national_ids) or " (define it in data/national.yml)"),
                    )
                )
        for i, notice in enumerate(ref.cited_by):
            if notice not in notice_ids and notice not in failed.get("notice", ()):
                problems.append(
                    doc.problem(("cited_by", i), f"unknown notice {notice!r}" + did_you_mean(notice, notice_ids))
                )
    return problems


def _check_form_tables(form, doc: Document) -> list[Problem]:
    """Totals make sense only over numbers, and a totals row needs at least one column to sum; choices must fit
    an Excel drop-down list."""
    problems: list[Problem] = []
    for i, section in enumerate(form.sections):
        for j, table in enumerate(section.tables):
            where = ("sections", i, "tables", j)
            for k, column in enumerate(table.columns):
                if column.total and column.kind == "text":
                    problems.append(
                        doc.problem(
                            where + ("columns", k, "total"),
                            "only a numeric column (kind: integer or decimal) can be totalled",
                        )
                    )
                if column.total and table.totals is None:
                    problems.append(
                        doc.problem(
                            where + ("columns", k, "total"),
                            "a column is totalled but the table has no totals row (set `totals`)",
                        )
                    )
                problems += _check_choices(column, doc, where + ("columns", k))
            if table.totals is not None and not any(c.total for c in table.columns):
                problems.append(
                    doc.problem(where + ("totals",), "a totals row needs at least one column with total: true")
                )
    return problems


EXCEL_LIST_LIMIT = 255  # characters of an inline data-validation list (Excel refuses longer ones)


def _check_choices(column, doc: Document, where: tuple) -> list[Problem]:
    """The XLSX writes choices as an inline list "a,b,c": commas and quotes would break it, Excel caps its length."""
    if not column.choices:
        return []
    if column.kind != "text":
        return [doc.problem(where + ("choices",), "only a text column (kind: text) can offer choices")]
    problems: list[Problem] = []
    for lang in LANGS:
        values = [getattr(c, lang) or c.zh for c in column.choices]
        for n, value in enumerate(values):
            if "," in value or '"' in value:
                problems.append(
                    doc.problem(
                        where + ("choices", n, lang),
                        "a choice cannot hold an ASCII comma or double quote (Excel's list separator)",
                    )
                )
        if len(set(values)) < len(values):
            problems.append(doc.problem(where + ("choices",), f"the same choice is listed twice ({lang})"))
        if len(",".join(values)) > EXCEL_LIST_LIMIT:
            problems.append(
                doc.problem(
                    where + ("choices",),
                    f"the {lang} choices take more than {EXCEL_LIST_LIMIT} characters joined (Excel's limit)",
                )
            )
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
        problems.append(
            doc.problem(
                ("handed_over_by",),
                f"unknown notice {catalogue.handed_over_by!r} (no data/notices/{catalogue.handed_over_by}.yml)",
            )
        )

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
            problems.append(
                doc.problem(
                    where + ("name", "zh"),
                    f"certificate {name_of[c.name.zh]!r} has the same name: "
                    "keep one entry and list every source in its `sources`",
                )
            )
        name_of.setdefault(c.name.zh, c.id)
        if c.batch is not None and c.batch not in batches:
            problems.append(doc.problem(where + ("batch",), f"unknown batch {c.batch}"))
        if c.batch is not None and c.sequence is not None:
            if (c.batch, c.sequence) in seen_seq:
                problems.append(
                    doc.problem(where + ("sequence",), f"duplicate sequence {c.sequence} in batch {c.batch}")
                )
            seen_seq.add((c.batch, c.sequence))
        cited = [sources[s.source] for s in c.sources if s.source in sources]
        for j, s in enumerate(c.sources):
            if s.source not in sources:
                problems.append(
                    doc.problem(
                        where + ("sources", j, "source"), f"unknown source {s.source!r} (define it in `sources`)"
                    )
                )
        if len(cited) == len(c.sources):  # only when every source is known: otherwise that is the problem to fix
            for fact, present in (("batch", c.batch is not None), ("levels", bool(c.levels))):
                if present and not any(fact in s.gives for s in cited):
                    problems.append(
                        doc.problem(
                            where + (fact,),
                            f"none of this certificate's sources gives {fact} "
                            f"(a source that does has `{fact}` in its `gives`)",
                        )
                    )
        for j, level in enumerate(c.levels):
            if level.platform_id is None:
                continue
            if level.platform_id in platform_ids:
                problems.append(
                    doc.problem(
                        where + ("levels", j, "platform_id"),
                        f"platform id {level.platform_id} is also that of a level of {platform_ids[level.platform_id]!r}",
                    )
                )
            platform_ids.setdefault(level.platform_id, c.id)
    if len(catalogue.certificates) > catalogue.total_published:
        problems.append(
            doc.problem(
                ("total_published",),
                f"the catalogue holds {len(catalogue.certificates)} certificates, more than total_published ({catalogue.total_published})",
            )
        )
    return problems
