# A content-addressed store of made form files in .cache/forms/ (one pack file): the key is the form's data plus
# the version of the code and libraries that write it, so a hit gives the very bytes the writers would make.
# PORTAL_FORM_CACHE=0: off.
from __future__ import annotations

import dataclasses
import functools
import hashlib
import importlib.metadata
import importlib.util
import json
import os
import re
import sys
import time
import zlib
from collections.abc import Callable, Iterable
from pathlib import Path

from macros.data.models import Form
from macros.data.read_cache import write_pack
from macros.outputs.form_model import FormMeta
from macros.views import language

SWITCH = "PORTAL_FORM_CACHE"  # "0" turns the cache off
PROJECT_ROOT = Path(__file__).resolve().parents[2]
DEFAULT_FOLDER = PROJECT_ROOT / ".cache" / "forms"
WRITERS = ("macros.outputs.form_docx", "macros.outputs.form_xlsx")
# Their code shapes the bytes too (python-docx's template, openpyxl's XML, lxml's serialiser, zlib's deflate).
LIBRARIES = ("python-docx", "openpyxl", "lxml")
_ENTRY = ".bin"
_TEMP = ".part"
_DIGEST = hashlib.sha256().digest_size
_STALE_TEMP_SECONDS = 3600  # a temporary file this old was left by a build that stopped half-way


# ---------------------------------------------------------------- keys


def code_sources(roots: Iterable[str] = WRITERS) -> dict[str, bytes]:
    """{module name: source} of `roots` and of every module of this package they import, directly or not: any
    change to the code that writes a file changes the key, including a helper imported later."""
    sources: dict[str, bytes] = {}
    pending = list(roots)
    while pending:
        name = pending.pop()
        if name in sources:
            continue
        spec = importlib.util.find_spec(name)
        if spec is None or spec.origin is None:
            raise ImportError(f"no source for {name}")
        source = Path(spec.origin).read_bytes()
        sources[name] = source
        pending += _package_imports(source, name)
    return sources


# Import statements read with patterns, not parsed: ast.parse of a dozen modules costs a second of CPU in a build
# whose heap holds a national-size portal (the collector walks it while the trees are made).
_FROM_IMPORT = re.compile(rb"^[ \t]*from[ \t]+([\w.]+)[ \t]+import[ \t]+(\([^)]*\)|[^\n]*)", re.M)
_IMPORT = re.compile(rb"^[ \t]*import[ \t]+([^\n]*)", re.M)
_RELATIVE = re.compile(rb"^[ \t]*from[ \t]+\.", re.M)
_PACKAGE = __name__.split(".")[0]


def _package_imports(source: bytes, importer: str) -> list[str]:
    """Modules of this package that `source` imports (`from macros.outputs import docx_xml` names two: the package
    and the module). A line that only looks like an import (in a docstring) adds at most a module to hash."""
    if _RELATIVE.search(source):
        raise ImportError(f"{importer}: relative imports are not followed by the form cache's code version")
    found = []
    for module, names in _FROM_IMPORT.findall(source):
        if module.split(b".")[0] == _PACKAGE.encode():
            found.append(module.decode())
            found += [f"{module.decode()}.{name}" for name in _names(names) if _is_module(f"{module.decode()}.{name}")]
    for names in _IMPORT.findall(source):
        found += [name for name in _names(names) if name.split(".")[0] == _PACKAGE]
    return [name for name in found if _is_module(name)]


def _names(listed: bytes) -> list[str]:
    """'a, b as c  # note' or '(\n    a,\n    b,\n)' -> ['a', 'b']."""
    plain = re.sub(rb"#[^\n]*", b"", listed).strip(b"() \t\n")
    return [part.split()[0].decode() for part in re.split(rb"[,\n]", plain) if part.strip()]


def _is_module(name: str) -> bool:
    try:
        return importlib.util.find_spec(name) is not None
    except ModuleNotFoundError:  # the parent is a module, not a package: the name is something it defines
        return False


def code_version(sources: dict[str, bytes], libraries: dict[str, str], labels: object = None) -> str:
    digest = hashlib.sha256()
    for name in sorted(sources):
        digest.update(f"{name}\0{len(sources[name])}\0".encode())
        digest.update(sources[name])
    digest.update(json.dumps([sorted(libraries.items()), labels], sort_keys=True, ensure_ascii=False).encode())
    return digest.hexdigest()


@functools.cache  # the code (and its labels) this process runs: read once, when the first file is made
def writer_version() -> str:
    libraries = {name: importlib.metadata.version(name) for name in LIBRARIES}
    libraries["zlib"] = zlib.ZLIB_RUNTIME_VERSION
    libraries["python"] = ".".join(map(str, sys.version_info[:2]))
    # The labels the files print and the languages, as the running code holds them (the language package merges its label modules)
    labels = {"languages": [language.LANGS, language.DEFAULT_LANG], "labels": language.LABELS}
    return code_version(code_sources(), libraries, labels)


def file_key(form: Form, meta: FormMeta, fmt: str, lang: str, version: str | None = None) -> str:
    """The name of one file's bytes: everything the writers read (the form, its notice's facts, the format and the
    language) and the writers' version (their code, libraries and the labels they print)."""
    facts = {
        "writer": writer_version() if version is None else version,
        "form": form.model_dump(mode="json"),
        "meta": dataclasses.asdict(meta),
        "fmt": fmt,
        "lang": lang,
    }
    encoded = json.dumps(facts, sort_keys=True, ensure_ascii=False, default=str)
    return hashlib.sha256(encoded.encode()).hexdigest()


# ---------------------------------------------------------------- the store


PACK = "entries.pack"  # every entry of a store in one file: a build reads one file, not one per event or form
_KEY_LENGTH = 2  # bytes of an entry's key length, then of its body length, in the pack
_BODY_LENGTH = 8


def read_pack(path: Path) -> dict[str, tuple[bytes, memoryview]]:
    """{key: (the SHA-256 the entry was written with, its body)} of a pack, read in place. The pack's own digest,
    which opens it (read_cache.write_pack), is not checked: each entry is, when it is asked for, so a damaged entry
    costs only itself. A pack cut short ends where its last whole entry ends."""
    try:
        stored = memoryview(path.read_bytes())[_DIGEST:]
    except OSError:
        return {}
    entries: dict[str, tuple[bytes, memoryview]] = {}
    at, end = 0, len(stored)
    while at + _KEY_LENGTH <= end:
        key_end = at + _KEY_LENGTH + int.from_bytes(stored[at : at + _KEY_LENGTH], "big")
        body_at = key_end + _BODY_LENGTH + _DIGEST
        if body_at > end:
            break
        size = int.from_bytes(stored[key_end : key_end + _BODY_LENGTH], "big")
        if body_at + size > end:
            break
        try:
            key = bytes(stored[at + _KEY_LENGTH : key_end]).decode()
        except UnicodeDecodeError:
            break  # the lengths were damaged: nothing after this point is where it was written
        entries[key] = (bytes(stored[body_at - _DIGEST : body_at]), stored[body_at : body_at + size])
        at = body_at + size
    return entries


def pack_bytes(entries: Iterable[tuple[str, bytes, bytes | memoryview]]) -> bytes:
    """A pack of (key, digest, body) entries, in the given order."""
    parts = []
    for key, digest, body in entries:
        name = key.encode()
        parts += [len(name).to_bytes(_KEY_LENGTH, "big"), name, len(body).to_bytes(_BODY_LENGTH, "big"), digest, body]
    return b"".join(parts)


class FormCache:
    """Entries in one pack file, each its body with the body's SHA-256: a truncated or damaged entry fails the
    check and is made again, never served. The pack is read once, on the first lookup, and written again whole (a
    temporary file and a rename, so a reader sees a whole pack or the last one) when the build's entries are not
    the ones it holds. A cache that cannot be read or written is skipped: the build goes on without it."""

    def __init__(self, folder: Path | None):
        self.folder = folder  # None: no cache
        self._stored: dict[str, tuple[bytes, memoryview]] | None = None
        self._added: dict[str, bytes] = {}  # made by this build
        self._whole: set[str] = set()  # the pack's entries this build found whole (their digests checked)

    def made(self, key: str, make: Callable[[], bytes]) -> bytes:
        found = self.get(key)
        if found is not None:
            return found
        data = make()
        self.put(key, data)
        return data

    def get(self, key: str) -> bytes | None:
        if self.folder is None:
            return None
        if key in self._added:
            return self._added[key]
        entry = self._pack().get(key)
        if entry is None:
            return None
        digest, body = entry
        if hashlib.sha256(body).digest() != digest:
            return None
        self._whole.add(key)
        return bytes(body)

    def put(self, key: str, data: bytes) -> None:
        """Kept for this build's lookups; written into the pack by keep_only."""
        if self.folder is not None:
            self._added[key] = data

    def keys(self) -> set[str]:
        """The keys the pack on disk holds (damaged entries included)."""
        return set(read_pack(self.folder / PACK)) if self.folder is not None else set()

    def keep_only(self, keys: set[str]) -> None:
        """Write the pack of this build's entries (none other), unless it holds them already; remove what older
        versions of the store and builds that stopped half-way left in the folder."""
        if self.folder is None:
            return
        stored = self._pack()
        if self._added or set(stored) != keys:  # a damaged entry the build used was made again: it is in _added
            entries = [
                (key, hashlib.sha256(self._added[key]).digest(), self._added[key])
                if key in self._added
                else (key, *stored[key])
                for key in sorted(keys)
                if key in self._added or key in self._whole
            ]
            write_pack(self.folder / PACK, pack_bytes(entries), "the files are made without the cache next time")
        self._stored, self._added, self._whole = None, {}, set()
        self._remove_left_overs()

    def _pack(self) -> dict[str, tuple[bytes, memoryview]]:
        if self._stored is None:
            self._stored = read_pack(self.folder / PACK) if self.folder is not None else {}
        return self._stored

    def _remove_left_overs(self) -> None:
        assert self.folder is not None
        try:
            entries = list(self.folder.iterdir())
        except OSError:
            return
        now = time.time()
        for path in entries:
            try:  # an entry file of the store before its pack, or a temporary file of a build that stopped
                if path.suffix == _ENTRY or (path.suffix == _TEMP and now - path.stat().st_mtime > _STALE_TEMP_SECONDS):
                    path.unlink()
            except OSError:
                pass  # another build removed it first


def default_cache() -> FormCache:
    """The project's cache, or none when PORTAL_FORM_CACHE=0 (read on each build, so a test can set it)."""
    return FormCache(None if os.environ.get(SWITCH, "1").strip() == "0" else DEFAULT_FOLDER)
