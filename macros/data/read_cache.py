# A content-addressed store of the values of the data/ files that read cleanly, in .cache/data/: the key is the file's
# bytes plus the version of the code and library that read them, so a hit gives the very values the YAML reading
# would. Only what a file holds is stored here: the models and the checks across files run on every load whose whole
# portal is not kept (portal_cache.py). PORTAL_DATA_CACHE=0: off.
from __future__ import annotations

import functools
import hashlib
import logging
import marshal
import os
import sys
import tempfile
from pathlib import Path
from typing import Any

import yaml

SWITCH = "PORTAL_DATA_CACHE"  # "0" turns the cache off
PROJECT_ROOT = Path(__file__).resolve().parents[2]
DEFAULT_FOLDER = PROJECT_ROOT / ".cache" / "data"
PACK = "values.bin"  # one file: the SHA-256 of the rest, then a marshalled {key: marshalled value}
READER = Path(__file__).resolve().parent / "loader.py"
_DIGEST = hashlib.sha256().digest_size

log = logging.getLogger(__name__)


@functools.cache  # the code this process runs: read once
def reader_version() -> bytes:
    digest = hashlib.sha256(READER.read_bytes())
    digest.update(f"\0{yaml.__version__}\0{yaml.__with_libyaml__}\0{sys.version_info[:2]}\0{marshal.version}".encode())
    return digest.digest()


class ReadCache:
    """The values of one load's files by the key of their bytes. The pack is read whole on first use and written
    again, through a temporary file and a rename, only when the load read a file it did not hold or left one unused;
    a pack whose digest does not hold (truncated, damaged) is not used at all: its files are read again."""

    def __init__(self, folder: Path | None, version: bytes | None = None):
        self.folder = folder  # None: no cache
        self._version = version
        self._stored: dict[bytes, bytes] | None = None
        self._used: dict[bytes, bytes] = {}
        self._changed = False

    def key(self, raw: bytes) -> bytes:
        version = reader_version() if self._version is None else self._version
        return hashlib.blake2b(version + raw, digest_size=20).digest()

    def get(self, raw: bytes) -> Any:
        """The value of a file with these bytes, or None when the cache does not hold it."""
        if self.folder is None:
            return None
        key = self.key(raw)
        found = self._pack().get(key)
        if found is None:
            return None
        self._used[key] = found
        return marshal.loads(found)  # fresh objects for every file, even two with the same bytes

    def put(self, raw: bytes, value: Any) -> None:
        if self.folder is None:
            return
        try:
            self._used[self.key(raw)] = marshal.dumps(value)
        except ValueError:  # a value marshal cannot hold is read again next time
            return
        self._changed = True

    def save(self) -> None:
        """Keep exactly this load's values (a failed write leaves the old pack or none: the load goes on without)."""
        if self.folder is None or not (self._changed or len(self._used) != len(self._pack())):
            return
        write_pack(self.folder / PACK, marshal.dumps(self._used), "the next load reads every file")

    def _pack(self) -> dict[bytes, bytes]:
        if self._stored is None:
            self._stored = {}
            try:
                stored = (self.folder / PACK).read_bytes() if self.folder is not None else b""
            except OSError:
                stored = b""
            body = stored[_DIGEST:]
            if len(stored) > _DIGEST and hashlib.sha256(body).digest() == stored[:_DIGEST]:
                try:
                    loaded = marshal.loads(body)
                except (EOFError, ValueError, TypeError):
                    loaded = None
                if isinstance(loaded, dict):
                    self._stored = loaded
        return self._stored


def write_pack(path: Path, body: bytes, otherwise: str) -> None:
    """`body` after its SHA-256, written whole through a temporary file and a rename, or not at all (`otherwise`: what
    a failed write means, logged)."""
    temp = None
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, temp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}-", suffix=".part")
        with os.fdopen(handle, "wb") as out:
            out.write(hashlib.sha256(body).digest())
            out.write(body)
        os.replace(temp, path)
    except OSError as exc:
        log.info("%s not written (%s): %s", path.name, exc, otherwise)
        if temp is not None:
            Path(temp).unlink(missing_ok=True)


def default_cache() -> ReadCache:
    """The project's cache, or none when PORTAL_DATA_CACHE=0 (read on each load, so a test can set it)."""
    return ReadCache(None if os.environ.get(SWITCH, "1").strip() == "0" else DEFAULT_FOLDER)
