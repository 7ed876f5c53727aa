# Maintainer commands of `python -m macros`: `schemas` (write or check data/schemas/), `new-notice`, `new-province`
# and `new-form` (scaffolds) and `draft-notice` (a commented draft notice made from the official document).
from __future__ import annotations

import argparse
import sys
from pathlib import Path

from macros.cli.scaffold import (
    ScaffoldError,
    precheck,
    write_form_scaffold,
    write_notice_scaffold,
    write_province_scaffold,
)
from macros.data.errors import DataError
from macros.data.portal import load_portal
from macros.data.schemas import REGENERATE, files_without_modeline, stale_schemas, write_schemas

COMMANDS = ("schemas", "new-notice", "new-province", "new-form", "draft-notice")


def add_commands(sub, root: Path) -> None:
    schemas = sub.add_parser("schemas", help="write the JSON Schemas of the data files to data/schemas/")
    schemas.add_argument(
        "--check", action="store_true", help="only report stale schemas and data files without the schema line"
    )
    schemas.add_argument("--root", type=Path, default=root)
    new = sub.add_parser("new-notice", help="create data/notices/ID.yml with every field explained, ready to fill in")
    new.add_argument("--province", required=True, help="province id, e.g. hunan")
    new.add_argument("--id", required=True, dest="notice_id", help="notice id, e.g. hunan-2023-5 (also the file name)")
    new.add_argument("--root", type=Path, default=root)
    province = sub.add_parser(
        "new-province",
        help="create data/provinces/ID.yml (a province and its issuers) with every field explained, ready to fill in",
    )
    province.add_argument(
        "--id", required=True, dest="province_id", help="province id, e.g. zhejiang (also the file name)"
    )
    province.add_argument("--root", type=Path, default=root)
    form = sub.add_parser(
        "new-form",
        help="create data/forms/ID.yml for an attachment of a notice with every field explained, ready to fill in",
    )
    form.add_argument("--notice", required=True, help="the notice the form is attached to, e.g. hunan-2022-80")
    form.add_argument("--attachment", required=True, type=int, help="its attachment number in that notice, e.g. 1")
    form.add_argument(
        "--id", required=True, dest="form_id", help="form id, e.g. hunan-2022-80-school-info (the file name)"
    )
    form.add_argument("--root", type=Path, default=root)
    draft = sub.add_parser(
        "draft-notice",
        help="read an official document (.txt, .docx, .pdf) and write a draft notice "
        "with what it finds, each value commented with its source line",
    )
    draft.add_argument("file", type=Path, help="the official document")
    draft.add_argument("--out", type=Path, help="where to write the draft (default: data/notices/<id>.yml)")
    draft.add_argument("--force", action="store_true", help="replace the file at the target path")
    draft.add_argument("--root", type=Path, default=root)


def run(args: argparse.Namespace) -> int:
    if args.command == "schemas":
        return _schemas(args.root, args.check)
    if args.command == "draft-notice":
        return _draft_notice(args.root, args.file, args.out, args.force)
    if args.command == "new-province":
        return _scaffold(
            args.root,
            ("province", args.province_id),
            lambda portal: write_province_scaffold(args.root, portal, args.province_id),
        )
    if args.command == "new-form":
        return _scaffold(
            args.root,
            ("form", args.form_id),
            lambda portal: write_form_scaffold(args.root, portal, args.notice, args.attachment, args.form_id),
            f"在通知 {args.notice} 的附件{args.attachment}下写 form: {args.form_id} / under attachment {args.attachment} of "
            f"notice {args.notice}, add form: {args.form_id}",
        )
    return _scaffold(
        args.root,
        ("notice", args.notice_id),
        lambda portal: write_notice_scaffold(args.root, portal, args.province, args.notice_id),
    )


def _schemas(root: Path, check: bool) -> int:
    if not check:
        for path in write_schemas(root):
            print(f"wrote {path.relative_to(root)}")
    problems = [f"data/schemas/{name} is stale: run `{REGENERATE}`" for name in stale_schemas(root)]
    problems += files_without_modeline(root)
    for line in problems:
        print(line, file=sys.stderr)
    return 1 if problems else 0


def _scaffold(root: Path, new: tuple[str, str], write, next_step: str = "") -> int:
    """Refuse what can be refused without the data, then read it (it must be valid) and write the new file."""
    try:
        precheck(root, *new)
        target = write(load_portal(root))
    except DataError as exc:
        print(f"data/ must be valid before adding a {new[0]}:\n" + exc.report(), file=sys.stderr)
        return 1
    except ScaffoldError as exc:
        print(exc, file=sys.stderr)
        return 1
    except OSError as exc:  # the folder cannot be written
        print(f"未写入 / not written: {exc}", file=sys.stderr)
        return 1
    rel = target.relative_to(root).as_posix()
    print(f"已创建 / created {rel}")
    if next_step:
        print(next_step)
    print("按原件填写后运行 / fill it in from the original, then run: make check")
    return 0


def _draft_notice(root: Path, file: Path, out: Path | None, force: bool) -> int:
    from macros.cli.draft.find import find_all
    from macros.cli.draft.read import ReadError, read_lines
    from macros.cli.draft.text import Document
    from macros.cli.draft.write import render, save

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
    print(
        "核对并填写 TODO（见文件开头），然后运行 make check / check it against the original, fill in the TODOs "
        "(see its first lines), then run make check"
    )
    return 0
