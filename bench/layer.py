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

    from macros.data import publication
    from macros.data.portal import load_portal
    from macros.site.build import Build
    from macros.site.features import FEATURES
    from macros.views.language import LANGS

    config = load_config(str(project / "mkdocs.yml"))
    site = publication.from_mkdocs_config(config)
    started = time.process_time()
    portal = load_portal(project)
    out: dict = {"load_portal": time.process_time() - started}
    build = Build(portal, site)  # what the hooks make first
    started = time.process_time()
    specs = build.specs
    out["page_specs"] = time.process_time() - started
    # Each producer on its own (the build runs them together, on first use)
    out["producers"] = {}
    for feature in FEATURES:
        if feature.files:
            started = time.process_time()
            feature.files(portal, site)
            name = f"{feature.files.__module__}.{feature.files.__name__}"
            out["producers"][name] = round(time.process_time() - started, 2)
    build.files.all()  # made before the pages are timed, so that the form pages find their sizes made
    pages: dict[str, float] = collections.defaultdict(float)
    counts: collections.Counter[str] = collections.Counter()
    for spec in specs:
        for lang in LANGS:
            started = time.process_time()
            build.page_markdown(spec, lang)
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
