# Maintainer commands of `python -m macros`: `schemas` (write or check data/schemas/) and `new-notice` (scaffold).
from __future__ import annotations

import argparse
import sys
from pathlib import Path

from .errors import DataError
from .portal import load_portal
from .scaffold import ScaffoldError, write_notice_scaffold
from .schemas import REGENERATE, files_without_modeline, stale_schemas, write_schemas

COMMANDS = ("schemas", "new-notice")


def add_commands(sub, root: Path) -> None:
    schemas = sub.add_parser("schemas", help="write the JSON Schemas of the data files to data/schemas/")
    schemas.add_argument("--check", action="store_true", help="only report stale schemas and data files without the schema line")
    schemas.add_argument("--root", type=Path, default=root)
    new = sub.add_parser("new-notice", help="create data/notices/ID.yml with every field explained, ready to fill in")
    new.add_argument("--province", required=True, help="province id, e.g. hunan")
    new.add_argument("--id", required=True, dest="notice_id", help="notice id, e.g. hunan-2023-5 (also the file name)")
    new.add_argument("--root", type=Path, default=root)


def run(args: argparse.Namespace) -> int:
    if args.command == "schemas":
        return _schemas(args.root, args.check)
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
