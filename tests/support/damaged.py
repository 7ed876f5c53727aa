# A cache pack damaged in the ways a disk or an interrupted write can damage it, for the caches' tests.
from __future__ import annotations

import hashlib
from pathlib import Path

DAMAGES = ["truncate", "flip", "empty", "whole-but-wrong"]


def damage(pack: Path, how: str, wrong_body: bytes) -> None:
    """Damage `pack`: cut short, one byte flipped, emptied, or replaced by `wrong_body` under its own right digest
    (whole by its checksum, but not what the cache writes)."""
    stored = pack.read_bytes()
    if how == "truncate":
        pack.write_bytes(stored[:-100])
    elif how == "flip":
        body = bytearray(stored)
        body[len(body) // 2] ^= 0xFF
        pack.write_bytes(bytes(body))
    elif how == "empty":
        pack.write_bytes(b"")
    else:
        pack.write_bytes(hashlib.sha256(wrong_body).digest() + wrong_body)
