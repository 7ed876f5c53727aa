# Maintainer commands of `python -m macros`: `schemas` (write or check data/schemas/), `new-notice` (scaffold) and
# `draft-notice` (a commented draft notice made from the official document).
from __future__ import annotations

import argparse
import sys
from pathlib import Path

from .errors import DataError
from .portal import load_portal
from .scaffold import ScaffoldError, write_notice_scaffold
from .schemas import REGENERATE, files_without_modeline, stale_schemas, write_schemas

COMMANDS = ("schemas", "new-notice", "draft-notice")


def add_commands(sub, root: Path) -> None:
    schemas = sub.add_parser("schemas", help="write the JSON Schemas of the data files to data/schemas/")
    schemas.add_argument("--check", action="store_true", help="only report stale schemas and data files without the schema line")
    schemas.add_argument("--root", type=Path, default=root)
    new = sub.add_parser("new-notice", help="create data/notices/ID.yml with every field explained, ready to fill in")
    new.add_argument("--province", required=True, help="province id, e.g. hunan")
    new.add_argument("--id", required=True, dest="notice_id", help="notice id, e.g. hunan-2023-5 (also the file name)")
    new.add_argument("--root", type=Path, default=root)
    draft = sub.add_parser("draft-notice", help="read an official document (.txt, .docx, .pdf) and write a draft notice "
                                                "with what it finds, each value commented with its source line")
    draft.add_argument("file", type=Path, help="the official document")
    draft.add_argument("--out", type=Path, help="where to write the draft (default: data/notices/<id>.yml)")
    draft.add_argument("--force", action="store_true", help="replace the file at the target path")
    draft.add_argument("--root", type=Path, default=root)


def run(args: argparse.Namespace) -> int:
    if args.command == "schemas":
        return _schemas(args.root, args.check)
    if args.command == "draft-notice":
        return _draft_notice(args.root, args.file, args.out, args.force)
    return _new_notice(args.root, args.province, args.notice_id)


def _schemas(root: Path, check: bool) -> int:
    if not check:
        for path in write_schemas(root):
            print(f"wrote {path.relative_to(root)}")
    problems = [f"data/schemas/{name} is stale: run `{REGENERATE}`" for name in stale_schemas(root)]
    problems += files_without_modeline(root)
    for line in problems:
        print(line, file=sys.stderr)
    return 1 if problems else 0


def _new_notice(root: Path, province: str, notice_id: str) -> int:
    try:
        target = write_notice_scaffold(root, load_portal(root), province, notice_id)
    except DataError as exc:
        print("data/ must be valid before adding a notice:\n" + exc.report(), file=sys.stderr)
        return 1
    except ScaffoldError as exc:
        print(exc, file=sys.stderr)
        return 1
    rel = target.relative_to(root).as_posix()
    print(f"已创建 / created {rel}\n按原件填写后运行 / fill it in from the original, then run: make check")
    return 0


def _draft_notice(root: Path, file: Path, out: Path | None, force: bool) -> int:
    from .draft.find import find_all
    from .draft.read import ReadError, read_lines
    from .draft.text import Document
    from .draft.write import render, save

    try:
        draft = find_all(Document(read_lines(file)), root)
    except ReadError as exc:
        print(f"无法读取 / cannot read {exc}", file=sys.stderr)
        return 1
    notice_id = draft.notice_id() or f"{draft.province or 'notice'}-draft"
    target = out or root / "data" / "notices" / f"{notice_id}.yml"
    try:
        save(render(draft, file.name, notice_id), target, force)
    except OSError as exc:  # the target exists (no --force), its folder is missing, or it cannot be written
        print(f"未写入 / not written: {exc}", file=sys.stderr)
        return 1
    print(target)
    print("核对并填写 TODO（见文件开头），然后运行 make check / check it against the original, fill in the TODOs "
          "(see its first lines), then run make check")
    return 0
