# Cross checks of the certificate catalogue (data/certificates.yml) that its models cannot make alone.
from __future__ import annotations

from .errors import Problem
from .loader import Document


def check_catalogue(catalogue, notice_by_id: dict, doc: Document) -> list[Problem]:
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
