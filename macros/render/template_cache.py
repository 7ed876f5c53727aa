# The fragments' compiled templates kept in .cache/jinja/ (Jinja's own file bytecode cache), so a build loads them
# instead of compiling every fragment again in each language (half a second). PORTAL_TEMPLATE_CACHE=0: off.
from __future__ import annotations

import contextlib
import glob
import hashlib
import importlib.metadata
import json
import logging
import os
import pickle
from collections.abc import Mapping
from pathlib import Path

import jinja2
from jinja2.bccache import Bucket

from macros.project import ROOT

SWITCH = "PORTAL_TEMPLATE_CACHE"  # "0" turns the cache off
DEFAULT_FOLDER = ROOT / ".cache" / "jinja"
# What the compiled code holds besides the template's source (which Jinja checks itself, by its checksum): the
# environment's settings (render.py), the `finalize` and label filter folded into constant output (safe_text.py), the
# code written for each printed value (output_code.py), the words of the language (folded labels), and the code Jinja
# and MarkupSafe generate it with.
_CODE = tuple(Path(__file__).with_name(name) for name in ("render.py", "safe_text.py", "output_code.py"))
_LIBRARIES = ("jinja2", "markupsafe")

log = logging.getLogger(__name__)


def version(lang: str, labels: Mapping[str, str]) -> str:
    digest = hashlib.sha256(lang.encode())
    for path in _CODE:
        digest.update(path.read_bytes())
    versions = [importlib.metadata.version(name) for name in _LIBRARIES]
    digest.update(json.dumps([versions, sorted(labels.items())], ensure_ascii=False).encode())
    return digest.hexdigest()[:32]


class TemplateCache(jinja2.FileSystemBytecodeCache):
    """One entry per language and template, named by both and by `version`: an entry of another version (other
    code, other words) is never read, and the first build of a new version removes it. An entry that cannot be read
    (damaged, or of another Python: Jinja checks its header) is compiled again; one that cannot be written is skipped."""

    def __init__(self, folder: Path, lang: str, version: str):
        super().__init__(str(folder), "%s.bin")
        self.lang, self.version = lang, version

    def get_cache_key(self, name: str, filename: str | None = None) -> str:
        # Jinja names a template with '/' on every system; the version last, so a template's entries share a prefix
        return f"{self.lang}.{name.replace('/', '~')}.{self.version}"

    def load_bytecode(self, bucket: Bucket) -> None:
        try:  # Jinja lets a truncated header or a file in place of the folder through
            super().load_bytecode(bucket)
        except (OSError, EOFError, ValueError, TypeError, pickle.UnpicklingError):
            bucket.reset()

    def dump_bytecode(self, bucket: Bucket) -> None:
        try:
            os.makedirs(self.directory, exist_ok=True)
            super().dump_bytecode(bucket)
        except OSError as exc:
            log.info("template cache not written (%s): templates are compiled on each build", exc)
            return
        stem = bucket.key[: -len(self.version)]
        for stale in glob.glob(os.path.join(glob.escape(self.directory), glob.escape(stem) + "*.bin")):
            if not stale.endswith(f"{bucket.key}.bin"):
                with contextlib.suppress(OSError):  # another build removed it first
                    os.remove(stale)


def default_cache(lang: str, labels: Mapping[str, str]) -> TemplateCache | None:
    """The project's template cache for `lang`, or none when PORTAL_TEMPLATE_CACHE=0."""
    if os.environ.get(SWITCH, "1").strip() == "0":
        return None
    return TemplateCache(DEFAULT_FOLDER, lang, version(lang, labels))
