# Markdown tables from bench/results.json (for BENCHMARKS.md): `python bench/report.py [results.json]`.
from __future__ import annotations

import json
import sys
from pathlib import Path

DEFAULT = Path(__file__).resolve().parent / "results.json"


def kb(n: int | None) -> str:
    return "–" if n is None else f"{n / 1024:,.0f} KB"


def report(results: dict) -> str:
    m = results["machine"]
    lines = [
        f"Machine: {m['cpus']} CPUs ({m['cpu_model']}), {m['ram_gb']} GB RAM; Python {m['python']}, mkdocs {m['mkdocs']}, "
        f"mkdocs-material {m['mkdocs_material']}, mkdocs-static-i18n {m['mkdocs_static_i18n']}, "
        f"mkdocs-macros-plugin {m['mkdocs_macros_plugin']}, pagefind {m.get('pagefind', m.get('jieba'))}; load average at start "
        f"{', '.join(map(str, m['load_average_at_start']))}; finished {results['finished']}.",
        "",
        "| N notices | build s (wall) | baseline s | overhead | CPU s build / baseline | overhead (CPU) | peak MB | pages | output MB | "
        "search zh: index gz / first search gz | search en: index gz / first search gz | home zh / en transfer gz |",
        "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for n, r in sorted(results["runs"].items(), key=lambda kv: int(kv[0])):
        s, h = r["search"], r["home_transfer"]
        lines.append(
            f"| {n} | {r['build_seconds']:.1f} | {r['baseline_seconds']:.1f} | {r['overhead']:.2f} | "
            f"{r['build_cpu_seconds']:.1f} / {r['baseline_cpu_seconds']:.1f} | {r['overhead_cpu']:.2f} | {r['peak_rss_mb']:.0f} | "
            f"{r['pages_written']} | {r['output_bytes'] / 1e6:.0f} | {kb(s['zh']['index_gzip'])} / {kb(s['zh']['first_search_gzip'])} | "
            f"{kb(s['en']['index_gzip'])} / {kb(s['en']['first_search_gzip'])} | {kb(h['zh']['total_gzip'])} / {kb(h['en']['total_gzip'])} |"
        )
    lines += [
        "",
        "| page | " + " | ".join(f"N={n}" for n in sorted(results["runs"], key=int)) + " |",
        "|---|" + "---:|" * len(results["runs"]),
    ]
    for url, sizes in results["page_bytes"].items():
        lines.append(f"| `/{url}` | " + " | ".join(kb(sizes[n]) for n in sorted(sizes, key=int)) + " |")
    ns = sorted(results["runs"], key=int)
    kinds = {kind for n in ns for kind in results["runs"][n].get("largest_page_by_kind", {})}
    if kinds:
        lines += [
            "",
            "| largest page of its kind (HTML) | " + " | ".join(f"N={n}" for n in ns) + " |",
            "|---|" + "---:|" * len(ns),
        ]
        largest = results["runs"][ns[-1]]["largest_page_by_kind"]
        for kind in sorted(kinds, key=lambda k: -largest.get(k, {}).get("bytes", 0)):
            cells = [results["runs"][n].get("largest_page_by_kind", {}).get(kind) for n in ns]
            lines.append(f"| {kind} | " + " | ".join(kb(c["bytes"]) if c else "–" for c in cells) + " |")
    if results.get("search_at_real_size"):
        real = results["search_at_real_size"]
        lines += [
            "",
            "First search at the real data's size (gzip), bound: "
            + ", ".join(f"{lang} {kb(real[lang]['first_search_gzip'])}" for lang in sorted(real))
            + ".",
        ]
        measured = {lang: real[lang]["browser"] for lang in sorted(real) if "browser" in real[lang]}
        if measured:
            lines[-1] += (
                " In Chromium, every query of the browser table: "
                + ", ".join(
                    f"{lang} {kb(m['min'])}–{kb(m['max'])} ({m['queries']} queries)" for lang, m in measured.items()
                )
                + "."
            )
    for _, serve in sorted((results.get("serve") or {}).items(), key=lambda kv: int(kv[0])):
        where = "the real data" if serve["notices"] == 0 else f"{serve['notices']} notices"
        lines += [
            "",
            f"`mkdocs serve` at {where}, edit of `data/notices/{serve['notice']}.yml` to served page: "
            f"{', '.join(f'{s} s' for s in serve['seconds'])} (server CPU "
            f"{', '.join(f'{s} s' for s in serve['cpu_seconds'])}).",
        ]
    lines += ["", "| target | value | holds |", "|---|---|---|"]
    for name, t in results["targets"].items():
        limit = f" (max {t['max']})" if "max" in t else ""
        lines.append(f"| {name} | {t['value']}{limit} | {'yes' if t['holds'] else '**no**'} |")
    return "\n".join(lines)


if __name__ == "__main__":
    print(report(json.loads(Path(sys.argv[1] if len(sys.argv) > 1 else DEFAULT).read_text(encoding="utf-8"))))
