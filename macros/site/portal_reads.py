# What a page, a feature's specs or a producer read of the portal, recorded while it runs (`mkdocs serve --dirty`,
# macros/site/serve_session.py): each question asked of the portal (a method and its arguments, a field, one key of a
# lookup) and, in a later build, the digest of the answers the new portal gives. Equal answers to every question the
# page asked give an equal page: it is a function of those answers and of its spec (whose context is compared too).
from __future__ import annotations

import dataclasses
import datetime as dt
import enum
import functools
import hashlib
import os
from collections.abc import Callable, Iterator, Mapping
from typing import Any

from pydantic import BaseModel

from macros.data.portal import Portal
from macros.views.pages import FOLLOWED_APART

# Token: (what was asked, the keys of its arguments); Reads: token -> the arguments, to ask a later portal again
Token = tuple
Reads = dict


# The questions answered by calling the portal's method again on a later portal; what they read inside is not
# recorded (recent_view is not among them: it builds a Portal from questions recorded on the way).
METHODS = (
    "is_national",
    "national_notices",
    "issuers_of",
    "referenced_by",
    "endings_of",
    "endings_by",
    "window_ending",
    "last_round_year",
    "rounds_stopped_by",
    "cancelled",
    "notices_in",
    "latest_notices_in",
    "dated_windows_in",
    "latest_windows_in",
    "province_of",
    "issuer_of",
    "forms_of",
    "newest_notice_update",
    "newest_update",
    "ends_from",
)
# lookups answered key by key; any other field read is one question about the whole field
KEYED = ("notice_by_id", "form_by_id", "province_by_id", "issuer_by_id", "province_of_issuer", "source_of")
# whole fields answered from the digests of the data files they are made of (a field not listed: by its repr)
FILES_OF = {
    "notices": ("data/notices/",),
    "forms": ("data/forms/",),
    "provinces": ("data/provinces/", "data/national.yml"),
    "national": ("data/national.yml",),
    "catalogue": ("data/certificates.yml",),
    "referenced": ("data/referenced/",),
}


def _arg_key(arg: object) -> object:
    # the very object (kept in the Reads with the token): a token is only compared within one build's answers
    return arg if isinstance(arg, (str, int, type(None))) else id(arg)


class _Lookup(Mapping):
    """A field of the portal that maps ids to records, recording each key looked up."""

    def __init__(self, name: str, mapping: Mapping, reads: Reads):
        self._name, self._mapping, self._reads = name, mapping, reads

    def __getitem__(self, key):
        self._reads[(self._name, key)] = (key,)
        return self._mapping[key]

    def __contains__(self, key) -> bool:
        self._reads[(self._name, key)] = (key,)
        return key in self._mapping

    def __iter__(self) -> Iterator:
        self._reads[(self._name,)] = ()
        return iter(self._mapping)

    def __len__(self) -> int:
        self._reads[(self._name,)] = ()
        return len(self._mapping)


class RecordingPortal(Portal):
    """The same portal (sharing its fields), recording what is read of it into `_x_reads`."""

    def __getattribute__(self, name: str):
        if name in METHODS:
            return object.__getattribute__(self, "_x_asking")[name]
        value = object.__getattribute__(self, name)
        if name.startswith("_x_") or name.startswith("__"):
            return value
        if name in object.__getattribute__(self, "__dict__"):  # a field, not a method
            reads = object.__getattribute__(self, "_x_reads")
            if name in KEYED:
                return _Lookup(name, value, reads)
            reads[(name,)] = ()
        return value


def _asking(portal: Portal, name: str, reads: Reads) -> Callable:
    """The portal's method `name`, recording each question (the method and its arguments) with its arguments."""
    method = getattr(portal, name)

    def asked(*args):
        reads[(name, *map(_arg_key, args))] = args
        return method(*args)

    return asked


def recording(portal: Portal) -> tuple[Portal, Reads]:
    """A view of `portal` and the reads it records."""
    view = object.__new__(RecordingPortal)
    view.__dict__.update(portal.__dict__)
    reads: Reads = {}
    view.__dict__["_x_reads"] = reads
    view.__dict__["_x_asking"] = {name: _asking(portal, name, reads) for name in METHODS}
    return view, reads


_HOLDERS = (BaseModel, list, tuple, dict)  # what a record's model may be found in


class Fingerprints:
    """Short stand-ins for values, to compare them cheaply across builds: a record read from a data file (and every
    model inside it) stands for its file's bytes and its place in the file, since the same bytes give the same
    record; anything else is taken apart (lists, sets, dicts, dataclasses but their fields marked
    `FOLLOWED_APART`) or, last, written out with repr (an object whose repr shows its address is then always new).
    The records are kept alive here, so their ids are never reused while they are named; `at` finds a record by its
    place again (in another process too: the place names bytes, not objects)."""

    def __init__(self, unchanging: bool = False) -> None:
        self._of: dict[int, tuple[object, str]] = {}
        self._at: dict[str, object] = {}  # place -> the record there (None: two records at one place)
        # unchanging: every value asked about stays as it is while this object lives (one build's specs and answers),
        # so each object is taken apart once, however many times it is met
        self._shared: dict[int, tuple[object, str]] | None = {} if unchanging else None

    def register(self, record: BaseModel, file_digest: str) -> None:
        """A record read from a file whose bytes have that digest."""
        of, at = self._of, self._at
        stack: list[tuple[object, str]] = [(record, file_digest)]
        while stack:  # only models are named: the lists and dicts between them are passed through
            value, place = stack.pop()
            if isinstance(value, BaseModel):
                of[id(value)] = (value, place)
                at[place] = value if place not in at else None
                for name in type(value).model_fields:
                    item = getattr(value, name)
                    if isinstance(item, _HOLDERS):
                        stack.append((item, f"{place}.{name}"))
            elif isinstance(value, (list, tuple)):
                stack.extend((item, f"{place}[{i}]") for i, item in enumerate(value) if isinstance(item, _HOLDERS))
            elif isinstance(value, dict):
                stack.extend((item, f"{place}[{key!r}]") for key, item in value.items() if isinstance(item, _HOLDERS))

    def place(self, value: object) -> str | None:
        """Where a registered record is, or None."""
        known = self._of.get(id(value))
        return known[1] if known is not None and known[0] is value else None

    def at(self, place: str) -> object | None:
        """The record registered at `place`, or None (no such place, or an ambiguous one)."""
        return self._at.get(place)

    def of(self, value: Any) -> str:
        if value is None or isinstance(value, (str, int, float, dt.date)):
            return repr(value)
        known = self._of.get(id(value))
        if known is not None and known[0] is value:
            return known[1]
        if self._shared is None:
            return self._taken_apart(value)
        shared = self._shared.get(id(value))
        if shared is None or shared[0] is not value:
            # a part is shown by the digest of its fingerprint: the calendar's months hold the same days over again
            whole = hashlib.blake2b(self._taken_apart(value).encode(), digest_size=16).hexdigest()
            shared = self._shared[id(value)] = (value, whole)
        return shared[1]

    def _taken_apart(self, value: Any) -> str:
        if isinstance(value, (list, tuple)):
            return "[" + ",".join(map(self.of, value)) + "]"
        if isinstance(value, (set, frozenset)):  # in no order a process keeps: strings hash anew in each
            return "{" + ",".join(sorted(map(self.of, value))) + "}"
        if isinstance(value, dict):
            return "{" + ",".join(f"{self.of(k)}:{self.of(v)}" for k, v in value.items()) + "}"
        if dataclasses.is_dataclass(value) and not isinstance(value, type):
            fields = (self.of(getattr(value, name)) for name in _compared_fields(type(value)))
            return f"{type(value).__name__}(" + ",".join(fields) + ")"
        if isinstance(value, BaseModel):
            fields = (self.of(getattr(value, name)) for name in type(value).model_fields)
            return f"{type(value).__name__}(" + ",".join(fields) + ")"
        if self._shared is not None and not isinstance(value, (bytes, enum.Enum)):
            # a build's prints are compared with another process's: a value of no known kind matches none of them
            # (its page is rendered again) rather than stand by a repr that may not show all it holds
            return f"<{type(value).__qualname__} {os.getpid()}:{id(value)}>"
        return repr(value)

    def digest(self, value: Any) -> str:
        return hashlib.blake2b(self.of(value).encode(), digest_size=16).hexdigest()


@functools.cache
def _compared_fields(cls: type) -> tuple[str, ...]:
    """A dataclass's fields, but those marked FOLLOWED_APART."""
    return tuple(f.name for f in dataclasses.fields(cls) if not f.metadata.get(FOLLOWED_APART))


def portal_fingerprints(portal: Portal, file_digests: Mapping[str, str]) -> Fingerprints:
    """One build's Fingerprints, with every record of `portal` registered by the digest of the file it was read from
    ({"data/…": digest}, as tree_digests gives them)."""
    fingerprints = Fingerprints(unchanging=True)  # one build's: its specs and answers are made once
    for file, record in portal.file_records():
        digest = file_digests.get(file)
        if digest is not None:  # a record of no known file is taken apart wherever it is read
            fingerprints.register(record, digest)
    return fingerprints


class TokenValues:
    """The answers of one build's portal to recorded questions, as digests (each asked once per build)."""

    def __init__(
        self,
        portal: Portal,
        site: object,
        files: dict[str, str],
        produced: Callable[[str], bytes],
        fingerprints: Fingerprints,
    ):
        self.portal, self.site, self.files, self.produced = portal, site, files, produced  # files: path -> digest
        self._digest = fingerprints.digest
        self._known: dict[Token, str] = {}

    def digest(self, reads: Reads) -> str:
        hashed = hashlib.blake2b(digest_size=16)
        for token, args in reads.items():  # the same Reads is digested in each build: in the same order
            hashed.update(self.value(token, args).encode())
        return hashed.hexdigest()

    def value(self, token: Token, args: tuple) -> str:
        found = self._known.get(token)
        if found is None:
            found = self._known[token] = self._answer(token, args)
        return found

    def _answer(self, token: Token, args: tuple) -> str:
        name = token[0]
        if name == "site":  # the publication settings (the site's address, the identity)
            return repr(self.site)
        if name == "docs":
            return self._digest(sorted(item for item in self.files.items() if item[0].startswith("docs/")))
        if name == "derived":  # something a page depends on, worked out of the whole portal
            return self._digest(args[0](self.portal))
        if name == "file":  # a produced file's bytes (a form page shows its size)
            try:
                return hashlib.blake2b(self.produced(args[0]), digest_size=16).hexdigest()
            except KeyError:  # no longer produced
                return "gone"

        if name in METHODS:
            try:
                return self._digest(getattr(self.portal, name)(*args))
            except (KeyError, AttributeError) as exc:  # asked of something the data no longer holds
                return f"gone: {exc!r}"
        if len(token) == 2:  # one key of a lookup
            mapping = getattr(self.portal, name)
            return self._digest(mapping.get(token[1], "absent"))
        if name in FILES_OF:
            prefixes = FILES_OF[name]
            return self._digest(sorted(item for item in self.files.items() if item[0].startswith(prefixes)))
        return self._digest(getattr(self.portal, name, "absent"))
