# The last whole load of data/ that found no problem, kept beside the values cache (.cache/data/portal.bin) by a key of
# every file the load reads and of the code and libraries that load and check them, so a build with the same data skips
# the models and the checks across files and gets the very records they gave. PORTAL_DATA_CACHE=0 turns it off too.
from __future__ import annotations

import functools
import hashlib
import io
import logging
import pickle
import sys
from collections.abc import Iterable
from pathlib import Path

import pydantic
import pydantic_core
import yaml
from pydantic import BaseModel

from macros.data.read_cache import write_pack

# one file: the SHA-256 of the rest, then the key, then the code's version, then the pickled ({file as shown: digest of
# its bytes}, the parts of the Portal)
PACK = "portal.bin"
PROTOCOL = pickle.HIGHEST_PROTOCOL
CODE = Path(__file__).resolve().parent  # macros/data/: everything a load runs (the layer imports nothing above it)
_DIGEST = hashlib.sha256().digest_size
_KEY = 32
_VERSION = hashlib.sha256().digest_size  # code_version()'s

log = logging.getLogger(__name__)


@functools.cache  # the code this process runs: read once
def code_version() -> bytes:
    """Every module of macros/data/ (models/ too) with the versions of what reads, validates and stores the data.
    Nothing in the layer reads the clock, the environment (but this switch) or a file outside data/: the key need
    not name them."""
    digest = hashlib.sha256()
    for path in sorted(CODE.rglob("*.py")):
        raw = path.read_bytes()
        digest.update(f"{path.relative_to(CODE).as_posix()}\0{len(raw)}\0".encode() + raw)
    libraries = (
        sys.version,
        pydantic.VERSION,
        pydantic_core.__version__,
        yaml.__version__,
        yaml.__with_libyaml__,
        PROTOCOL,
    )
    digest.update("\0".join(str(x) for x in libraries).encode())
    return digest.digest()


_set = object.__setattr__


def _record(cls: type[BaseModel], values: dict, fields_set: set[str]) -> BaseModel:
    """A model without extra fields or private attributes as pydantic's own __setstate__ makes it again, minus the
    dictionary of state it would be handed (about a quarter of the time a hit takes, at 100,000 records)."""
    record = cls.__new__(cls)
    _set(record, "__pydantic_fields_set__", fields_set)
    _set(record, "__pydantic_extra__", None)
    _set(record, "__pydantic_private__", None)
    _set(record, "__dict__", values)
    return record


class _Pickler(pickle.Pickler):
    def reducer_override(self, obj):
        if isinstance(obj, BaseModel) and obj.__pydantic_extra__ is None and obj.__pydantic_private__ is None:
            return _record, (type(obj), obj.__dict__, obj.__pydantic_fields_set__)
        return NotImplemented  # anything else as pickle does it


def dumps(parts: tuple) -> bytes:
    out = io.BytesIO()
    _Pickler(out, protocol=PROTOCOL).dump(parts)
    return out.getvalue()


def file_digest(raw: bytes) -> bytes:
    return hashlib.blake2b(raw, digest_size=16).digest()


class PortalCache:
    """One pack holding the parts of the last clean load (whatever `load_portal` passes to `Portal`), by its key. A
    pack whose digest does not hold (truncated, damaged), or holding another key, is not used; a failed write leaves
    the old pack or none."""

    def __init__(self, folder: Path | None, version: bytes | None = None):
        self.folder = folder  # None: no cache
        self._version = version
        self.file_digests: dict[str, bytes] = {}  # of the files the last call of `key` read (kept by `put`)

    def key(self, files: Iterable[tuple[str, Path]]) -> bytes | None:
        """The key of a load of these files (as shown, where they are), in the order the load reads them: their names
        and bytes, so an added, removed, renamed or changed file gives another key. None: off, or a file unreadable."""
        if self.folder is None:
            return None
        digest = hashlib.blake2b(self._code(), digest_size=_KEY)
        self.file_digests = {}
        try:
            for shown, path in files:
                raw = path.read_bytes()
                digest.update(f"{shown}\0{len(raw)}\0".encode() + raw)
                self.file_digests[shown] = file_digest(raw)
        except OSError:  # the load reports it
            return None
        return digest.digest()

    def _code(self) -> bytes:
        """The version of the code that loads, as _VERSION bytes."""
        return hashlib.sha256(code_version() if self._version is None else self._version).digest()

    def get(self, key: bytes | None) -> tuple | None:
        """The parts stored under `key`, or None."""
        if key is None:
            return None
        stored = self._stored(key)
        return stored[1] if stored is not None else None

    def last(self) -> tuple[dict[str, bytes], tuple] | None:
        """The last clean load by this same code, whatever files it read: ({file as shown: digest}, its parts), or
        None. A file whose bytes are the same gives the same record."""
        return self._stored(None)

    def _stored(self, key: bytes | None) -> tuple[dict[str, bytes], tuple] | None:
        """The pack's (file digests, parts), if it holds `key` (None: any key) and was made by this code."""
        if self.folder is None:
            return None
        try:
            stored = (self.folder / PACK).read_bytes()
        except OSError:
            return None
        body = memoryview(stored)[_DIGEST:]  # read in place: the pack is megabytes
        head = _KEY + _VERSION
        if len(body) <= head or hashlib.sha256(body).digest() != stored[:_DIGEST]:
            return None
        if (key is not None and body[:_KEY] != key) or body[_KEY:head] != self._code():
            return None
        try:
            digests, parts = pickle.loads(body[head:])
        except Exception:  # whatever the bytes hold, a pack that does not load is a miss
            return None
        return (digests, parts) if isinstance(digests, dict) and isinstance(parts, tuple) else None

    def put(self, key: bytes | None, parts: tuple) -> None:
        if key is None or self.folder is None:
            return
        try:
            body = key + self._code() + dumps((self.file_digests, parts))
        except (pickle.PicklingError, TypeError, AttributeError) as exc:
            log.info("%s not written (%s): the next load checks every file again", PACK, exc)
            return
        write_pack(self.folder / PACK, body, "the next load checks every file again")
