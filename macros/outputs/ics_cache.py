# A content-addressed store of made calendar events in .cache/ics/ (the forms' store, FormCache): the key is what
# the event is made from plus the version of the code and library that write it, so a hit gives the very bytes
# icalendar would write. PORTAL_ICS_CACHE=0: off.
from __future__ import annotations

import functools
import hashlib
import importlib.metadata
import json
import os
import sys
from collections.abc import Callable

from macros.data.models import Deadline, Notice, Province
from macros.data.publication import Publication
from macros.data.relations import Ending
from macros.outputs.form_cache import PROJECT_ROOT, FormCache, code_sources, code_version
from macros.views import language

SWITCH = "PORTAL_ICS_CACHE"  # "0" turns the cache off
DEFAULT_FOLDER = PROJECT_ROOT / ".cache" / "ics"
WRITERS = ("macros.outputs.ics",)
LIBRARIES = ("icalendar",)
_LENGTH = 4  # bytes of the length of the event's own feed head, which opens an entry


@functools.cache  # the code (and its labels) this process runs: read once, when the first event is made
def writer_version() -> str:
    libraries = {name: importlib.metadata.version(name) for name in LIBRARIES}
    libraries["python"] = ".".join(map(str, sys.version_info[:2]))
    labels = {
        "languages": [language.LANGS, language.DEFAULT_LANG],
        "labels": language.LABELS,
        "enums": language.ENUMS,
    }
    return code_version(code_sources(WRITERS), libraries, labels)


class EventKeys:
    """The key of each event of one build: the whole records it is made from (its province, its notice, the notice
    ending its rounds), not only the fields read today, so a field the writer starts to read is in the key already."""

    def __init__(self, site: Publication, version: str | None = None):
        self.prefix = f"{writer_version() if version is None else version}\0{site!r}\0"
        self._digests: dict[tuple[str, str], str] = {}

    def _digest(self, kind: str, record: Province | Notice) -> str:
        found = self._digests.get((kind, record.id))
        if found is None:
            found = hashlib.sha256(record.model_dump_json().encode()).hexdigest()
            self._digests[(kind, record.id)] = found
        return found

    def key(
        self, province: Province, notice: Notice, deadline: Deadline, until: tuple[int | None, Ending | None]
    ) -> str:
        last_year, ending = until
        stopped = None
        if ending is not None:
            stopped = [self._digest("notice", ending.by), ending.relation.model_dump_json(), ending.target.id]
        facts = [
            self._digest("province", province),
            self._digest("notice", notice),
            deadline.id,
            last_year,
            stopped,
        ]
        encoded = self.prefix + json.dumps(facts, ensure_ascii=False)
        return hashlib.sha256(encoded.encode()).hexdigest()


def made(store: FormCache, key: str, make: Callable[[], tuple[bytes, bytes]]) -> tuple[bytes, bytes]:
    """(the event's own feed head, the event) from the store, or made and stored; an entry that does not split
    into the two is made again, never served."""
    found = store.get(key)
    if found is not None and len(found) >= _LENGTH:
        size = int.from_bytes(found[:_LENGTH], "big")
        if _LENGTH + size <= len(found):
            return found[_LENGTH : _LENGTH + size], found[_LENGTH + size :]
    head, event = make()
    store.put(key, len(head).to_bytes(_LENGTH, "big") + head + event)
    return head, event


def default_cache() -> FormCache:
    """The project's event cache, or none when PORTAL_ICS_CACHE=0 (read on each build, so a test can set it)."""
    return FormCache(None if os.environ.get(SWITCH, "1").strip() == "0" else DEFAULT_FOLDER)
