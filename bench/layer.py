# Where the data layer's time goes, without mkdocs and in one process: CPU seconds to load a project's data,
# collect its page specs, run each file producer, and render each kind of generated page in both languages.
# Usage: `python bench/layer.py PROJECT` (e.g. a folder written by bench/generate.py).
from __future__ import annotations

import collections
import sys
import time
from pathlib import Path


def measure(project: Path) -> dict:
    sys.path.insert(0, str(project))
    from mkdocs.config import load_config

    import macros.site.hooks
    from macros.data import publication
    from macros.data.portal import load_portal
    from macros.outputs import outputs
    from macros.views.language import LANGS
    from macros.views.pages import page_markdown, page_specs

    config = load_config(str(project / "mkdocs.yml"))
    started = time.process_time()
    portal = load_portal(project)
    out: dict = {"load_portal": time.process_time() - started}
    outputs.can_fork = lambda: False  # one process: CPU seconds of each part
    macros.site.hooks.on_config(config)  # what a build sets up first (and this build's files, made on first use)
    started = time.process_time()
    specs = page_specs(portal)
    out["page_specs"] = time.process_time() - started
    # The files before the pages, so that the form pages find their sizes made.
    build = outputs.current(portal, publication.from_mkdocs_config(config))
    out["producers"] = {}
    for index, produce in enumerate(outputs.PRODUCERS):
        started = time.process_time()
        build.files_of(index)
        out["producers"][f"{produce.__module__}.{produce.__name__}"] = round(time.process_time() - started, 2)
    pages: dict[str, float] = collections.defaultdict(float)
    counts: collections.Counter[str] = collections.Counter()
    for spec in specs:
        for lang in LANGS:
            started = time.process_time()
            page_markdown(spec, portal, lang)
            pages[spec.template] += time.process_time() - started
            counts[spec.template] += 1
    out["pages"] = {
        name: (round(seconds, 2), counts[name]) for name, seconds in sorted(pages.items(), key=lambda item: -item[1])
    }
    out["load_portal"], out["page_specs"] = round(out["load_portal"], 2), round(out["page_specs"], 2)
    return out


if __name__ == "__main__":
    result = measure(Path(sys.argv[1]).resolve())
    print(f"load_portal {result['load_portal']} s, page_specs {result['page_specs']} s (CPU)")
    for name, (seconds, count) in result["pages"].items():
        print(f"  render {name:22s} {seconds:7.2f} s  ({count} pages)")
    for name, seconds in result["producers"].items():
        print(f"  produce {name:40s} {seconds:7.2f} s")
