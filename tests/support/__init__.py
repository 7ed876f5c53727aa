# Helpers the tests share (plain functions and constants; the fixtures are in tests/conftest.py): where the project is,
# where the source documents are, a strict build of a project folder, a throw-away copy of the project, the build's
# publication settings, Chromium.
from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

# The checkout the tests run from (README, Makefile, CI files, the virtualenv).
CHECKOUT = Path(__file__).resolve().parents[2]
# The project whose data, docs, overrides and mkdocs.yml the tests check: this checkout, or the folder PORTAL_PROJECT
# names, so that a maintainer can run the suite against a copy holding their added data (CONTRIBUTING: "Running the
# suite against your data"). Its macros/ must be this checkout's: the tests import the code from here.
ROOT = Path(os.environ["PORTAL_PROJECT"]).resolve() if os.environ.get("PORTAL_PROJECT") else CHECKOUT
# The source documents (shared/seeds, shared/reference) sit beside the checkout, wherever the data under test is.
SHARED = next((p for p in (CHECKOUT.parent / "shared", Path("/work/shared")) if p.is_dir()), CHECKOUT.parent / "shared")
SEEDS = SHARED / "seeds"
REFERENCE = SHARED / "reference"
PROJECT_PARTS = ("data", "docs", "macros", "overrides", "mkdocs.yml")
MKDOCS = [sys.executable, "-m", "mkdocs"]


def province_ids() -> list[str]:
    """The provinces the project under test holds (the file names under data/provinces/), to parametrise over."""
    return sorted(p.stem for p in (ROOT / "data" / "provinces").glob("*.yml"))


def run_build(project: Path, out: Path, **env_vars: str) -> subprocess.CompletedProcess:
    """`mkdocs build --strict` of a project folder into `out` (with `env_vars` set, e.g. SITE_URL); the result
    carries exit code and output."""
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1", **env_vars)
    return subprocess.run(
        MKDOCS + ["build", "--strict", "-f", str(project / "mkdocs.yml"), "-d", str(out)],
        cwd=project,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
    )


def copy_project(dest: Path) -> Path:
    for part in PROJECT_PARTS:
        src = ROOT / part
        if src.is_dir():
            shutil.copytree(src, dest / part, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy2(src, dest / part)
    return dest


def damage_entries(folder: Path, cut: int = 100) -> set[str]:
    """Damage three entries of the cache pack in `folder` (the first sorted key's body cut by `cut` bytes, the
    second's with a byte flipped, the last's emptied; each keeps the digest it was written with) and return their
    keys: a cache must make each again, never serve it."""
    from macros.data.read_cache import write_pack
    from macros.outputs.form_cache import PACK, pack_bytes, read_pack

    entries = {key: (digest, bytes(body)) for key, (digest, body) in read_pack(folder / PACK).items()}
    keys = sorted(entries)
    truncated, flipped, emptied = keys[0], keys[1 % len(keys)], keys[-1]
    digest, body = entries[truncated]
    entries[truncated] = (digest, body[:-cut])
    digest, body = entries[flipped]
    changed = bytearray(body)
    changed[len(changed) // 2] ^= 0xFF
    entries[flipped] = (digest, bytes(changed))
    entries[emptied] = (entries[emptied][0], b"")
    write_pack(folder / PACK, pack_bytes((key, *entries[key]) for key in keys), "")
    return {truncated, flipped, emptied}


def site_config(url: str | None = "https://portal.example.cn/"):
    """The build's publication settings from mkdocs.yml (identity, reminder) with `url` as the site's address."""
    import dataclasses

    from macros.data.publication import read

    return dataclasses.replace(read(ROOT / "mkdocs.yml")[0], url=url)


# ---------------------------------------------------------------- what search indexed (Pagefind)


def pagefind_pages(site: Path) -> dict[str, dict]:
    """Site-relative URL -> what Pagefind stored of the page (its text as indexed, title, anchors), every language."""
    import gzip
    import json

    pages = {}
    for path in (site / "pagefind" / "fragment").glob("*.pf_fragment"):
        raw = gzip.decompress(path.read_bytes())
        page = json.loads(raw[raw.index(b"{") :])  # after Pagefind's "pagefind_dcd" signature
        pages[page["url"].lstrip("/")] = page
    return pages


# ---------------------------------------------------------------- real browser (Debian chromium + Playwright)

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-dev-shm-usage",
]
