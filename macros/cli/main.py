# The `python -m macros` commands: `check` validates data/ without building (and says how much of it is translated);
# `publish-check` says whether mkdocs.yml may be published; the maintainer commands come from maintainer_cli.
from __future__ import annotations

import argparse
import sys
from pathlib import Path

from macros.cli import maintainer_cli
from macros.data import publication
from macros.data.errors import DataError
from macros.data.portal import load_portal
from macros.project import ROOT
from macros.views import translations


def build_parser() -> argparse.ArgumentParser:
    """Every command and option of `python -m macros` (README and CONTRIBUTING are checked against it)."""
    parser = argparse.ArgumentParser(prog="python -m macros", description="1+X portal data tools")
    sub = parser.add_subparsers(dest="command", required=True)
    check = sub.add_parser("check", help="validate every file under data/ and report all problems")
    check.add_argument("--root", type=Path, default=ROOT, help="project folder holding data/ (default: this checkout)")
    publish = sub.add_parser(
        "publish-check",
        help="refuse placeholder addresses and identities in mkdocs.yml (SITE_URL from the environment counts)",
    )
    publish.add_argument("--config", type=Path, default=ROOT / "mkdocs.yml", help="the mkdocs.yml to check")
    publish.add_argument("--expect-url", default=None, help="where the host will serve the site (must be site_url)")
    maintainer_cli.add_commands(sub, ROOT)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    if args.command in maintainer_cli.COMMANDS:
        return maintainer_cli.run(args)

    if args.command == "publish-check":
        return publication.check_command(args.config, args.expect_url)
    if args.command == "check":
        try:
            portal = load_portal(args.root)
        except DataError as exc:
            print(exc.report(), file=sys.stderr)
            return 1
        print(
            f"data/ is valid: {len(portal.provinces)} provinces, {len(portal.notices)} notices, "
            f"{sum(len(n.deadlines) for n in portal.notices)} deadlines, {len(portal.forms)} forms."
        )
        print(translations.coverage(portal, args.root / "docs").line())
        return 0
    return 2


if __name__ == "__main__":
    sys.exit(main())
