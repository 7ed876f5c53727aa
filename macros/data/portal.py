# The whole data set, loaded once and cross-referenced: the only object pages, macros and feeds read.
from __future__ import annotations

import contextlib
import datetime as dt
import functools
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any

from macros.data import read_cache, relations
from macros.data.checks import check_national, check_references
from macros.data.errors import DataError, Problem
from macros.data.loader import Document, read_yaml, to_model
from macros.data.models import CertificateCatalogue, Deadline, Form, Issuer, Notice, Province, ReferencedDocument
from macros.data.plausibility import check_plausibility
from macros.data.portal_cache import PortalCache, file_digest
from macros.data.read_cache import ReadCache

# kind -> (folder or file under data/, model, one record per file)
KINDS: dict[str, tuple[str, type[Province | Notice | Form | ReferencedDocument]]] = {
    "province": ("provinces", Province),
    "notice": ("notices", Notice),
    "form": ("forms", Form),
    "referenced": ("referenced", ReferencedDocument),
}
CATALOGUE_FILE = "certificates.yml"
NATIONAL_FILE = "national.yml"  # the national level's issuers (ministries, their general offices)


@dataclass
class Portal:
    provinces: list[Province]
    notices: list[Notice]
    forms: list[Form]
    catalogue: CertificateCatalogue | None
    source_of: dict = field(default_factory=dict)  # (kind, id) -> "data/…/x.yml"
    national: Province | None = None  # the national level (data/national.yml): not one of `provinces`
    referenced: list[ReferencedDocument] = field(default_factory=list)
    endings: dict[str, list[relations.Ending]] = field(default_factory=dict)  # target notice id -> its endings

    def __post_init__(self) -> None:
        self.provinces.sort(key=lambda p: (p.order, p.id))
        self.notices.sort(key=lambda n: (relations.document_date(n) or dt.date.min, n.id), reverse=True)
        self.forms.sort(key=lambda f: f.id)
        self.referenced.sort(key=lambda r: (r.year, relations.serial(r.doc_number), r.id))
        self.province_by_id = {p.id: p for p in self.provinces}
        levels = self.provinces + ([self.national] if self.national else [])
        self.issuer_by_id: dict[str, Issuer] = {i.id: i for p in levels for i in p.issuers}
        self.province_of_issuer = {i.id: p for p in levels for i in p.issuers}
        self.notice_by_id = {n.id: n for n in self.notices}
        self.form_by_id = {f.id: f for f in self.forms}
        self._notices_in: dict[str, list[Notice]] = {p.id: [] for p in levels}
        self.position: dict[str, int] = {}  # each notice's place in `notices` (a part put back in this order)
        for i, n in enumerate(self.notices):
            self._notices_in[self.province_of_issuer[n.issuer].id].append(n)
            self.position[n.id] = i

    def file_records(self) -> Iterator[tuple[str, Any]]:
        """(data file, record) for every record, each as read from its own file."""
        for kind, records in (
            ("province", self.provinces),
            ("notice", self.notices),
            ("form", self.forms),
            ("referenced", self.referenced),
        ):
            for record in records:
                yield self.source_of[(kind, record.id)], record
        if self.national is not None:
            yield self.source_of[("national", "")], self.national
        if self.catalogue is not None:
            yield self.source_of.get(("catalogue", ""), f"data/{CATALOGUE_FILE}"), self.catalogue

    # ------------------------------------------------ the national level and relations between documents

    def is_national(self, notice: Notice) -> bool:
        return self.national is not None and self.province_of(notice).id == self.national.id

    def national_notices(self) -> list[Notice]:
        return self.notices_in(self.national.id) if self.national else []

    def issuers_of(self, notice: Notice) -> list[Issuer]:
        """Every issuer of the notice, the lead first (a joint document has several)."""
        return [self.issuer_by_id[i] for i in [notice.issuer, *notice.co_issuers]]

    def referenced_by(self, notice: Notice) -> list[ReferencedDocument]:
        """The documents this notice cites that the portal does not reproduce."""
        return [r for r in self.referenced if notice.id in r.cited_by]

    def endings_of(self, notice: Notice) -> list[relations.Ending]:
        """What later documents end of this one, earliest first."""
        return self.endings.get(notice.id, [])

    def endings_by(self, notice: Notice) -> list[relations.Ending]:
        """What this document ends in earlier ones."""
        return self._endings_by_id.get(notice.id, [])

    def ends_from(self, notice: Notice) -> dt.date | None:
        """The first day from which this document ends something in earlier ones (None: it ends nothing)."""
        return min((e.from_ for e in self.endings_by(notice)), default=None)

    @cached_property
    def _endings_by_id(self) -> dict[str, list[relations.Ending]]:
        """Every ending by the id of the document that makes it, in the order of `endings` (grouped once: a notice
        page asks for its own, and scanning every ending for each page grows with the square of the notices)."""
        grouped: dict[str, list[relations.Ending]] = {}
        for found in self.endings.values():
            for e in found:
                grouped.setdefault(e.by.id, []).append(e)
        return grouped

    def window_ending(self, notice: Notice) -> relations.Ending | None:
        """The ending that stops this notice's dated windows, if any."""
        return relations.window_ending(self.endings_of(notice))

    def last_round_year(self, notice: Notice, deadline: Deadline) -> int | None:
        """The last year a recurring window of the notice can start (None: no end known)."""
        return relations.last_round_year(deadline, self.window_ending(notice))

    def rounds_stopped_by(self, notice: Notice, deadline: Deadline) -> relations.Ending | None:
        """The ending that cut a recurring window short of its own rule (None when it runs as the notice says)."""
        if not deadline.recurrence:
            return None
        last = self.last_round_year(notice, deadline)
        return self.window_ending(notice) if last is not None and last != deadline.recurrence.until_year else None

    def cancelled(self, notice: Notice, deadline: Deadline) -> relations.Ending | None:
        """The ending under which a non-recurring dated window can no longer happen (it starts on or after the cut)."""
        ending = self.window_ending(notice)
        if ending is None or deadline.end is None or deadline.recurrence:
            return None
        return ending if (deadline.start or deadline.end) >= ending.from_ else None

    def newest_notice_update(self) -> dt.date | None:
        """The newest `updated` of any notice: the day the data was last checked."""
        return max((n.updated for n in self.notices), default=None)

    def newest_update(self) -> dt.date | None:
        """The newest `updated` anywhere in the data (notices, forms, the catalogue)."""
        dates = [n.updated for n in self.notices] + [f.updated for f in self.forms]
        if self.catalogue and self.catalogue.updated:
            dates.append(self.catalogue.updated)
        return max(dates, default=None)

    def notices_in(self, province_id: str) -> list[Notice]:
        return self._notices_in.get(province_id, [])

    # National pages (home, all notices, comparison) show a bounded part of each province, newest first, and link
    # to the province page for the rest: their size must not grow with the number of notices.
    def latest_notices_in(self, province_id: str, limit: int) -> list[Notice]:
        return self.notices_in(province_id)[:limit]

    def dated_windows_in(self, province_id: str) -> int:
        return sum(1 for n in self.notices_in(province_id) for d in n.deadlines if d.end)

    def latest_windows_in(self, province_id: str, limit: int) -> list[tuple]:
        """(notice, deadline) of the dated windows of the newest notices, whole notices only, about `limit` rows
        (the newest notice with dates always counts, even when it alone holds more)."""
        return [(n, d) for n in self._newest_dated(province_id, limit) for d in n.deadlines if d.end]

    def _newest_dated(self, province_id: str, limit: int) -> list[Notice]:
        """The newest notices of a province up to about `limit` dated windows and at most `limit` notices."""
        chosen: list[Notice] = []
        windows = 0
        for n in self.notices_in(province_id):
            dated = sum(1 for d in n.deadlines if d.end)
            if (windows and windows + dated > limit) or len(chosen) == limit:
                break
            chosen.append(n)
            windows += dated
        return chosen

    def recent_view(self, windows_per_province: int) -> Portal:
        """The same portal holding only each province's newest notices (as latest_windows_in picks them): what a
        national page such as the all-provinces calendar shows at any size."""
        notices = [n for p in self.provinces for n in self._newest_dated(p.id, windows_per_province)]
        return Portal(
            list(self.provinces),
            notices + self.national_notices(),
            list(self.forms),
            self.catalogue,
            self.source_of,
            self.national,
            list(self.referenced),
            self.endings,
        )

    def province_of(self, notice: Notice) -> Province:
        return self.province_of_issuer[notice.issuer]

    def issuer_of(self, notice: Notice) -> Issuer:
        return self.issuer_by_id[notice.issuer]

    def forms_of(self, notice: Notice) -> list[Form]:
        return [self.form_by_id[a.form] for a in notice.attachments if a.form]


# (path, shown as, model, problems) -> (document or None, record or None): one file read and validated
FileReader = Callable[[Path, str, Any, list[Problem]], tuple[Document | None, Any]]


def read_file(
    path: Path, shown_as: str, model, problems: list[Problem], cache: ReadCache | None = None
) -> tuple[Document | None, Any]:
    """One data file parsed and validated (a record that breaks only its own rules is kept, see to_model); `cache`:
    the values of files read cleanly before."""
    doc = read_yaml(path, shown_as, problems, cache)
    return doc, to_model(doc, model, problems, rule_breakers=True) if doc is not None else None


def cached_reader(cache: ReadCache) -> FileReader:
    """read_file, with the values of files read cleanly before taken from `cache`."""
    return functools.partial(read_file, cache=cache)


def _yaml_files(folder: Path) -> list[Path]:
    return sorted(p for p in folder.rglob("*") if p.suffix in (".yml", ".yaml") and p.is_file())


def _single(path: Path, kind: str, model, shown, docs: dict, source_of: dict, problems: list[Problem], read):
    """The record of a one-record file (data/national.yml, data/certificates.yml), or None if absent or invalid."""
    if not path.exists():
        return None
    doc, record = read(path, shown(path), model, problems)
    if doc is None:
        return None
    docs[(kind, "")] = doc
    source_of[(kind, "")] = doc.file
    return record


def load_portal(
    root: Path | str, read: FileReader | None = None, cache: ReadCache | None = None, whole: PortalCache | None = None
) -> Portal:
    """Read and validate all of root/data; raise DataError listing every problem found. `read` reads one file
    (`mkdocs serve` passes one that reuses what a file held while its bytes are the same: macros/site/serve_session.py);
    without it the files go through `cache`, the values of the files read cleanly before (default: the project's, see
    read_cache.py), and the whole load through `whole`, the last clean load of the same files by the same code
    (default: beside `cache`, see portal_cache.py). A load with problems is never kept: they are found again."""
    root = Path(root)
    if read is not None:  # serve's reader keeps its own records: every load goes through it
        return _load(root, read, None)
    store = read_cache.default_cache() if cache is None else cache
    kept = PortalCache(store.folder) if whole is None else whole
    files = data_files(root)
    key = kept.key(files)
    parts = kept.get(key)
    if parts is not None:
        return Portal(*parts)
    read = cached_reader(store)
    last = kept.last()
    if last is not None:  # an edit: each unchanged file's record is the last load's, the checks all run again
        read = _reusing(read, *last, store)
    portal = _load(root, read, store)
    if kept.key(data_files(root)) == key:  # no file changed while it loaded: the portal is the one of these bytes
        kept.put(key, _parts(portal))
    return portal


def _reusing(read: FileReader, digests: dict[str, bytes], parts: tuple, cache: ReadCache) -> FileReader:
    """`read`, but a file whose bytes are those of the last clean load gives that load's record (its model checked
    again would find nothing: the same bytes, the same code) with its document read as before."""
    records = dict(Portal(*parts).file_records())

    def reused_or_read(path: Path, shown_as: str, model, problems: list[Problem]):
        record = records.get(shown_as)
        if type(record) is model and digests.get(shown_as) == file_digest(path.read_bytes()):
            doc = read_yaml(path, shown_as, problems, cache)
            if doc is not None:
                return doc, record
        return read(path, shown_as, model, problems)

    return reused_or_read


def data_files(root: Path) -> list[tuple[str, Path]]:
    """Every file a load reads (as shown in messages, where it is), in the order it reads them."""
    data = root / "data"
    paths = [p for folder, _ in KINDS.values() for p in _yaml_files(data / folder)]
    paths += [p for p in (data / NATIONAL_FILE, data / CATALOGUE_FILE) if p.exists()]
    return [(p.relative_to(root).as_posix(), p) for p in paths]


def _parts(portal: Portal) -> tuple:
    """What Portal() needs to make `portal` again (its lists already in their order: sorting them again keeps it)."""
    return (
        portal.provinces,
        portal.notices,
        portal.forms,
        portal.catalogue,
        portal.source_of,
        portal.national,
        portal.referenced,
        portal.endings,
    )


def _load(root: Path, read: FileReader, store: ReadCache | None) -> Portal:
    """Every file read and validated, then the checks across files (DataError lists every problem)."""
    data = root / "data"
    problems: list[Problem] = []
    docs: dict = {}
    records: dict[str, list] = {kind: [] for kind in KINDS}
    source_of: dict = {}

    def shown(p: Path) -> str:
        return p.relative_to(root).as_posix()

    failed: dict[str, set[str]] = {}  # kind -> ids in files that did not load (see _note_failure)
    for kind, (folder, model) in KINDS.items():
        for path in _yaml_files(data / folder):
            doc, record = read(path, shown(path), model, problems)
            if doc is None or record is None:
                _note_failure(failed, kind, path)
                continue
            if record.id != path.stem:
                problems.append(doc.problem(("id",), f"id {record.id!r} must match the file name {path.stem!r}"))
            if (kind, record.id) in source_of:
                problems.append(
                    doc.problem(("id",), f"duplicate {kind} id {record.id!r} (also in {source_of[(kind, record.id)]})")
                )
                continue
            source_of[(kind, record.id)] = doc.file
            docs[(kind, record.id)] = doc
            records[kind].append(record)

    # the files that hold one record each, not a folder of them
    national = _single(data / NATIONAL_FILE, "national", Province, shown, docs, source_of, problems, read)
    catalogue = _single(
        data / CATALOGUE_FILE, "catalogue", CertificateCatalogue, shown, docs, source_of, problems, read
    )
    if store is not None:
        store.save()  # what this load read, before the checks: a file read cleanly reads the same whatever they find

    for path, record, kind in (
        (data / NATIONAL_FILE, national, "province"),
        (data / CATALOGUE_FILE, catalogue, "catalogue"),
    ):
        if record is None and path.exists():
            _note_failure(failed, kind, path)
    problems += check_references(
        records["province"] + ([national] if national else []),
        records["notice"],
        records["form"],
        catalogue,
        docs,
        failed,
    )
    problems += check_national(national, records["referenced"], records["notice"], docs, failed)
    provincial_issuers = {i.id for p in records["province"] for i in p.issuers}
    provincial = {n.id for n in records["notice"] if n.issuer in provincial_issuers}
    endings, found = relations.resolve(records["notice"], provincial, docs, frozenset(failed.get("notice", ())))
    problems += found
    problems += check_plausibility(
        records["province"] + ([national] if national else []),
        records["notice"],
        records["form"],
        records["referenced"],
        docs,
        complete=not failed,
        catalogue=catalogue,
    )
    if problems:
        raise DataError(problems)
    return Portal(
        records["province"],
        records["notice"],
        records["form"],
        catalogue,
        source_of,
        national,
        records["referenced"],
        endings,
    )


# `id:` values as written, found in the text itself: a file YAML cannot read still names the ids it was meant to hold
_ID_LINE = re.compile(r"^[ \t-]*\{?\s*id:\s*[\"']?([a-z0-9]+(?:-[a-z0-9]+)*)", re.M)
# what references to a file of each kind name: a province's issuers, a notice, a form, the catalogue's certificates
_REFERRED_AS = {
    "province": "issuer",
    "notice": "notice",
    "form": "form",
    "referenced": "referenced",
    "catalogue": "certificate",
}


def _note_failure(failed: dict[str, set[str]], kind: str, path: Path) -> None:
    """Remember the ids a file that did not load was meant to define, so references to them are not reported as
    unknown too: the file's own problems are the cause."""
    names = failed.setdefault(_REFERRED_AS[kind], set())
    with contextlib.suppress(OSError):
        names.update(_ID_LINE.findall(path.read_bytes().decode("utf-8", "replace")))
    if kind in ("notice", "form", "referenced"):
        names.add(path.stem)  # its id must match the file name
