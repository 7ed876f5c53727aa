# Markdown to HTML of each page of one `mkdocs build` (not a test): CPU seconds of `Page.render` and the Markdown's
# length per page, written as JSON, so that a project and its pre-rendered baseline can be compared page by page (the
# same text should cost the same). Usage, from the project's folder:
#   python PATH/bench/page_render.py OUT.json build --strict -q -d SITE_DIR
# and `python PATH/bench/page_render.py --compare FULL.json BASELINE.json` for a table by kind of page.
from __future__ import annotations

import collections
import json
import sys
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # run as a script from a project's folder
from bench.run import page_kind


def record(out: Path, mkdocs_args: list[str]) -> None:
    from mkdocs.__main__ import cli
    from mkdocs.structure.pages import Page

    seconds: dict[str, float] = {}
    length: dict[str, int] = {}
    render = Page.render

    def timed_render(self: Page, config: Any, files: Any) -> None:
        started = time.process_time()
        render(self, config, files)
        seconds[self.url] = time.process_time() - started
        length[self.url] = len(self.markdown or "")

    Page.render = timed_render  # type: ignore[method-assign]
    try:
        cli(mkdocs_args)
    except SystemExit as stop:
        if stop.code:
            raise
    out.write_text(json.dumps({"seconds": seconds, "markdown_chars": length}), encoding="utf-8")


def kind(url: str) -> str:
    """A page's language and kind: "zh notices/*", "en home"."""
    return ("en " if url.startswith("en/") else "zh ") + page_kind(url)


def compare(full_json: Path, base_json: Path) -> None:
    full, base = (json.loads(p.read_text(encoding="utf-8")) for p in (full_json, base_json))
    rows: dict[str, list[float]] = collections.defaultdict(lambda: [0, 0.0, 0.0, 0, 0])
    for url, spent in full["seconds"].items():
        row = rows[kind(url)]
        row[0] += 1
        row[1] += spent
        row[2] += base["seconds"].get(url, 0.0)
        row[3] += full["markdown_chars"][url]
        row[4] += base["markdown_chars"].get(url, 0)
    print(f"{'kind':24} {'pages':>6} {'full s':>7} {'base s':>7} {'same text':>9}")
    for name, (pages, a, b, chars_a, chars_b) in sorted(rows.items(), key=lambda kv: kv[1][2] - kv[1][1]):
        print(f"{name:24} {pages:>6} {a:>7.2f} {b:>7.2f} {'yes' if chars_a == chars_b else 'no':>9}")
    total_full, total_base = sum(full["seconds"].values()), sum(base["seconds"].values())
    print(f"{'all':24} {len(full['seconds']):>6} {total_full:>7.2f} {total_base:>7.2f}")


if __name__ == "__main__":
    if sys.argv[1:2] == ["--compare"]:
        compare(Path(sys.argv[2]), Path(sys.argv[3]))
    else:
        record(Path(sys.argv[1]), sys.argv[2:])
