# Digests of the project's files and of values, to tell across builds what changed: the serve session's rebuilds
# (serve_session.py) and the pages kept between builds (page_store.py).
from __future__ import annotations

import hashlib
from collections.abc import Iterable
from pathlib import Path

# What a page cannot follow by what it read: any change here renders every page again.
CODE = ("mkdocs.yml", "overrides", "macros")


def tree_digests(root: Path, names: Iterable[str], known: dict | None = None) -> dict[str, str]:
    """{path relative to root: digest of its bytes} of every file under `names`. `known`: {path: (modification
    time, size, digest)} of an earlier call, read and filled: a file whose time and size are the same is not read
    again (`mkdocs serve`, whose every rebuild looks at every file of data/, docs/ and the code)."""
    out = {}
    for name in names:
        path = root / name
        files = sorted(p for p in path.rglob("*") if p.is_file()) if path.is_dir() else [path] * path.is_file()
        for file in files:
            if "__pycache__" in file.parts:
                continue
            rel = file.relative_to(root).as_posix()
            if known is None:
                out[rel] = hashlib.blake2b(file.read_bytes(), digest_size=16).hexdigest()
                continue
            stat = file.stat()
            seen = known.get(rel)
            if seen is None or seen[:2] != (stat.st_mtime_ns, stat.st_size):
                seen = known[rel] = (
                    stat.st_mtime_ns,
                    stat.st_size,
                    hashlib.blake2b(file.read_bytes(), digest_size=16).hexdigest(),
                )
            out[rel] = seen[2]
    return out


def digest(*parts: object) -> str:
    hashed = hashlib.blake2b(digest_size=16)
    for part in parts:
        data = part if isinstance(part, bytes) else repr(part).encode()
        hashed.update(len(data).to_bytes(8, "big") + data)
    return hashed.hexdigest()
