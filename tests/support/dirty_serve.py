# The rebuilds of one `mkdocs serve --dirty` process without its server, for tests/site/test_serve.py: run as
# `python tests/support/dirty_serve.py PROJECT SITE_DIR`, it builds once, then once more for each line read from
# stdin, and answers each build with a line "built" or "failed" (mkdocs serve's builder is exactly this build call,
# mkdocs/commands/serve.py; static-i18n reads --dirty from the command line). A script of its own, so that the
# project's own macros/ is the one imported, as under mkdocs serve.
from __future__ import annotations

import os
import sys
import traceback
from pathlib import Path


def main() -> int:
    project, site = Path(sys.argv[1]), sys.argv[2]
    sys.argv = ["mkdocs", "serve", "--dirty"]
    os.chdir(project)
    os.environ["NO_MKDOCS_2_WARNING"] = "1"
    sys.path[0] = str(project)  # not this folder, whose helpers' names (html.py) would hide the standard library's
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    def config():
        return load_config(str(project / "mkdocs.yml"), site_dir=site, strict=True)

    first = config()
    first.plugins.on_startup(command="serve", dirty=True)
    pending = first
    while True:
        try:
            build(pending or config(), serve_url="http://127.0.0.1:8000/", dirty=True)
            print("built", flush=True)
        except Exception:
            traceback.print_exc()
            print("failed", flush=True)
        pending = None
        if not sys.stdin.readline():
            return 0


if __name__ == "__main__":
    sys.exit(main())
