# Relations between documents: which later document ends or supersedes which earlier one (or only its windows or
# rules) from when, resolved once per load and validated (unknown targets, cycles, impossible dates, conflicts).
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from macros.data.errors import Problem
from macros.data.hints import did_you_mean
from macros.data.models import EVERY_PROVINCIAL_NOTICE, Deadline, Notice, Relation

# effects that end a target's dated windows (ends_rules leaves them alone)
ENDS_WINDOWS = ("ends", "supersedes", "ends_rounds")
_YEAR_IN_NUMBER = re.compile(r"[〔\[［(（]\s*((?:19|20)\d\d)\s*[〕\]］)）]")


@dataclass(frozen=True)
class Ending:
    """One relation as it applies to one earlier notice: `by` (the later notice) ends `target` from `from_`."""

    by: Notice
    relation: Relation
    target: Notice

    @property
    def from_(self) -> dt.date:
        return self.relation.from_

    @property
    def last_day(self) -> dt.date:
        return self.relation.from_ - dt.timedelta(days=1)

    @property
    def ends_windows(self) -> bool:
        return self.relation.effect in ENDS_WINDOWS


_SERIAL = re.compile(r"(\d+)\s*号")


def serial(doc_number: str) -> int:
    """The running number of a document in its year (…〔2019〕6号 -> 6), for ordering; 0 when there is none."""
    found = _SERIAL.findall(doc_number)
    return int(found[-1]) if found else 0


def number_year(doc_number: str) -> int | None:
    """The year in a document number (湘教通〔2022〕80号 -> 2022), or None."""
    found = _YEAR_IN_NUMBER.search(doc_number)
    return int(found.group(1)) if found else None


def document_date(notice: Notice) -> dt.date | None:
    """The notice's own date: its issue date, else 1 January of the year in its number (〔2022〕), else None."""
    if notice.issued:
        return notice.issued
    year = number_year(notice.doc_number)
    return dt.date(year, 1, 1) if year else None


def _targets(relation: Relation, by: Notice, notices: dict[str, Notice], provincial: set[str]) -> list[str]:
    if relation.targets != EVERY_PROVINCIAL_NOTICE:
        return [t for t in relation.targets if t in notices]
    # every provincial notice dated before the relation takes effect (a later one is not the hand-over's business)
    return sorted(
        n.id
        for n in notices.values()
        if n.id in provincial and n.id != by.id and (document_date(n) or dt.date.min) < relation.from_
    )


def resolve(
    notices: list[Notice], provincial: set[str], docs: dict, failed: frozenset[str] = frozenset()
) -> tuple[dict[str, list[Ending]], list[Problem]]:
    """{target notice id: its endings, earliest first} and the problems found. `provincial`: ids of notices whose
    issuer belongs to a province; `docs`: ("notice", id) -> loader Document (for file:line of each problem);
    `failed`: ids of notices whose files did not load (not reported again as unknown targets)."""
    by_id = {n.id: n for n in notices}
    endings: dict[str, list[Ending]] = {}
    problems: list[Problem] = []
    edges: dict[str, set[str]] = {}
    for notice in notices:
        doc = docs[("notice", notice.id)]
        for i, relation in enumerate(notice.relations):
            where = ("relations", i)
            problems += _check_relation(notice, relation, where, doc, by_id, failed)
            for target_id in _targets(relation, notice, by_id, provincial):
                target = by_id[target_id]
                own = document_date(target)
                if own and relation.from_ <= own:
                    problems.append(
                        doc.problem(
                            where + ("from",),
                            f"from {relation.from_} is not after the date of {target_id!r} ({own}), which it ends",
                        )
                    )
                    continue
                edges.setdefault(notice.id, set()).add(target_id)
                endings.setdefault(target_id, []).append(Ending(notice, relation, target))
    problems += _cycles(edges, docs)
    problems += _conflicts(endings, docs)
    for found in endings.values():
        found.sort(key=lambda e: (e.from_, e.by.id))
    return endings, problems


def _check_relation(
    notice: Notice, relation: Relation, where: tuple, doc, by_id: dict[str, Notice], failed: frozenset[str]
) -> list[Problem]:
    problems: list[Problem] = []
    if relation.targets != EVERY_PROVINCIAL_NOTICE:
        for j, target in enumerate(relation.targets):
            if target == notice.id:
                problems.append(doc.problem(where + ("targets", j), "a document cannot end itself"))
            elif target not in by_id and target not in failed:
                problems.append(
                    doc.problem(
                        where + ("targets", j),
                        f"unknown notice {target!r} (no data/notices/{target}.yml)" + did_you_mean(target, by_id),
                    )
                )
    if relation.effect == "ends_rules":
        if not relation.rules:
            problems.append(doc.problem(where + ("rules",), "ends_rules needs the ids of the rules it ends"))
        elif relation.targets != EVERY_PROVINCIAL_NOTICE and not failed.intersection(relation.targets):
            known = {r.id for t in relation.targets if t in by_id for r in by_id[t].certificate_rules}
            for j, rule in enumerate(relation.rules):
                if rule not in known:
                    problems.append(doc.problem(where + ("rules", j), f"no target has a certificate rule {rule!r}"))
    elif relation.rules:
        problems.append(
            doc.problem(where + ("rules",), f"rules are listed only with effect ends_rules, not {relation.effect}")
        )
    for j, other in enumerate(relation.prevails_over):
        if other not in by_id and other not in failed:
            problems.append(
                doc.problem(where + ("prevails_over", j), f"unknown notice {other!r}" + did_you_mean(other, by_id))
            )
    return problems


def _cycles(edges: dict[str, set[str]], docs: dict) -> list[Problem]:
    """A document that (through others) ends itself: one report per cycle found, at the relations of the document
    where the walk met it. Depth-first with three colours: each document and relation is visited once."""
    problems: list[Problem] = []
    state: dict[str, int] = {}  # absent: not seen; 1: on the current path; 2: done
    for root in sorted(edges):
        if root in state:
            continue
        path, stack = [root], [iter(sorted(edges.get(root, ())))]
        state[root] = 1
        while stack:
            nxt = next(stack[-1], None)
            if nxt is None:
                state[path.pop()] = 2
                stack.pop()
            elif state.get(nxt) == 1:
                cycle = path[path.index(nxt) :] + [nxt]
                problems.append(
                    docs[("notice", cycle[0])].problem(("relations",), "relations form a cycle: " + " → ".join(cycle))
                )
            elif nxt not in state:
                state[nxt] = 1
                path.append(nxt)
                stack.append(iter(sorted(edges.get(nxt, ()))))
    return problems


def _conflicts(endings: dict[str, list[Ending]], docs: dict) -> list[Problem]:
    """Two documents ending the same target's windows on different dates must say which one wins."""
    problems = []
    for target_id, found in sorted(endings.items()):
        windows = [e for e in found if e.ends_windows]
        for a in windows:
            for b in windows:
                if a.by.id < b.by.id and a.from_ != b.from_ and not _settled(a, b):
                    doc = docs[("notice", b.by.id)]
                    problems.append(
                        doc.problem(
                            ("relations",),
                            f"{a.by.id!r} ends {target_id!r} from {a.from_}, this "
                            f"document from {b.from_}: say which prevails (prevails_over)",
                        )
                    )
    return problems


def _settled(a: Ending, b: Ending) -> bool:
    return b.by.id in a.relation.prevails_over or a.by.id in b.relation.prevails_over


def window_ending(endings: list[Ending]) -> Ending | None:
    """The ending that stops a notice's windows: the prevailing one where documents disagree, else the earliest."""
    windows = [e for e in endings if e.ends_windows]
    for e in windows:
        if all(o.by.id == e.by.id or o.by.id in e.relation.prevails_over or o.from_ == e.from_ for o in windows):
            return e
    return windows[0] if windows else None


def last_round_year(deadline: Deadline, ending: Ending | None) -> int | None:
    """The last year a recurring window can still start: its own until_year, cut by the ending (None: open)."""
    rule = deadline.recurrence
    if rule is None or deadline.end is None:
        return None
    last = rule.until_year
    if ending is not None:
        start = deadline.start or deadline.end
        year = ending.last_day.year
        if (start.month, start.day) > (ending.last_day.month, ending.last_day.day):
            year -= 1  # this year's occurrence would start on or after the cut
        last = year if last is None else min(last, year)
    return last
