# Files the data produces besides pages (.ics feeds, form downloads, the Atom feed): written once per build,
# not once per language, straight into the site directory.
from __future__ import annotations

from pathlib import Path

# Each producer: (portal, site_url or None) -> {site-relative path: bytes}. Feature modules add themselves here.
PRODUCERS: list = []


def collect(portal, site_url: str | None) -> dict[str, bytes]:
    files: dict[str, bytes] = {}
    for produce in PRODUCERS:
        for path, data in produce(portal, site_url).items():
            if path in files:
                raise ValueError(f"two producers write {path}")
            files[path] = data
    return files


def write_outputs(portal, site_dir: str, site_url: str | None) -> int:
    files = collect(portal, site_url)
    for path, data in files.items():
        target = Path(site_dir) / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)
    return len(files)
