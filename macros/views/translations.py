# Translation coverage of the data: every Text of every record, walked directly (not as a side effect of rendering),
# the English gaps with the data file and field each comes from, hand-written pages without their .en.md, the
# build's coverage line and the maintainers' page that lists the gaps (maintainers/translations/, both languages).
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from pydantic import BaseModel

from macros.data.models import LongText, Text
from macros.project import ROOT
from macros.views import language
from macros.views.pages import PageSpec

TRANSLATED_LANG = "en"


@dataclass(frozen=True)
class Gap:
    source: str  # data file, e.g. data/notices/hunan-2022-80.yml
    field: str  # where in the file, e.g. contacts.1.role
    zh: str  # the Chinese text still waiting for its translation


@dataclass(frozen=True)
class Coverage:
    total: int  # texts that readers see
    gaps: tuple[Gap, ...]  # of those, the ones without an English translation
    pages: tuple[str, ...] = ()  # hand-written pages (docs/x.md) without their English page (docs/x.en.md)

    @property
    def percent(self) -> float:
        return 100.0 if not self.total else 100.0 * (self.total - len(self.gaps)) / self.total

    def line(self) -> str:
        pages = f"; {len(self.pages)} pages without an English version" if self.pages else ""
        return (
            f"English translation coverage: {self.percent:.1f}% ({len(self.gaps)} texts missing of {self.total}){pages}"
        )


_SCALARS = (str, int, float, dt.date)  # what holds no Text: most fields, skipped without a call (bool is an int)


def _texts(value, path: tuple, found: list) -> None:
    """Append (field path parts, Text) for every Text or LongText inside `value` to `found`, depth first. The path
    stays a tuple of parts: a portal holds tens of thousands of texts, and only a gap's path is ever written out."""
    if isinstance(value, (Text, LongText)):
        found.append((path, value))
    elif isinstance(value, BaseModel):
        for name in type(value).model_fields:
            item = getattr(value, name)
            if item is not None and not isinstance(item, _SCALARS):
                _texts(item, (*path, name), found)
    elif isinstance(value, (list, tuple)):
        for number, item in enumerate(value):
            if not isinstance(item, _SCALARS):
                _texts(item, (*path, str(number)), found)


def untranslated_pages(docs_dir: Path) -> tuple[str, ...]:
    """docs/… pages in Chinese whose English page (same name, .en.md) does not exist."""
    suffix = f".{TRANSLATED_LANG}.md"
    chinese = [p for p in docs_dir.rglob("*.md") if not p.name.endswith(suffix) and p.name.count(".") == 1]
    return tuple(
        sorted(
            p.relative_to(docs_dir.parent).as_posix() for p in chinese if not p.with_name(p.name[:-3] + suffix).exists()
        )
    )


def coverage(portal, docs_dir: Path | None = ROOT / "docs", kept: dict | None = None) -> Coverage:
    """What of the portal's texts is translated. `kept`: {id(record): (record, its texts)} from an earlier call,
    read and filled (`mkdocs serve` keeps each record whose file is unchanged: its texts are the same)."""
    total, gaps, now = 0, [], {}
    for source, record in portal.file_records():
        known = kept.get(id(record)) if kept is not None else None
        if known is not None and known[0] is record:
            texts = known[1]
        else:
            texts = []
            _texts(record, (), texts)
        if kept is not None:
            now[id(record)] = (record, texts)
        total += len(texts)
        gaps += [Gap(source, ".".join(path), text.zh) for path, text in texts if not getattr(text, TRANSLATED_LANG)]
    if kept is not None:  # this portal's records only: the records of changed files go
        kept.clear()
        kept.update(now)
    pages = untranslated_pages(docs_dir) if docs_dir is not None and docs_dir.is_dir() else ()
    return Coverage(total, tuple(sorted(gaps, key=lambda gap: (gap.source, gap.field))), pages)


def translation_specs(found: Coverage) -> list[PageSpec]:
    """The maintainers' page of what is not yet translated (`found`: the coverage of the build's portal)."""
    return [
        PageSpec(
            "maintainers",
            "translations",
            "translations.html",
            language.labels_of("title_translations"),
            context={"coverage": found},
        )
    ]
