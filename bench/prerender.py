# The benchmark's baseline: a project's site as plain pre-rendered Markdown (every generated page and every macro
# already expanded, once, by our own code) and the files the data produces (feeds, form downloads) as static files,
# with the same theme, languages and search but no data hooks or macros: the same site, without the data layer.
# Run as a script: `python bench/prerender.py PROJECT DEST` (it imports PROJECT's own `macros` package).
from __future__ import annotations

import re
import shutil
import sys
from pathlib import Path
from types import SimpleNamespace

FRONT_MATTER = re.compile(r"\A(---\s*\n.*?\n---\s*\n)(.*)\Z", re.S)
HOOKS_BLOCK = re.compile(r"^hooks:\n(?:[ \t]+-.*\n)+", re.M)
MACROS_PLUGIN = re.compile(r"^(?P<indent>[ \t]+)- macros:.*\n(?:(?P=indent)[ \t]+.*\n)*", re.M)


WATCHED_DATA = re.compile(r"(?m)^(watch:\n(?:  - .*\n)*?)  - data\n")
# Not the data layer but the same site's, in both builds: search (Pagefind), and the opening of the generated pages'
# sealed HTML (the pre-rendered pages are sealed the same way: Markdown parses the same text in both builds).
KEPT_HOOKS = ("macros/site/search.py", "macros/site/sealed_html.py")


def _kept_hooks_only(block: re.Match) -> str:
    kept = [line for line in block.group(0).splitlines()[1:] if any(hook in line for hook in KEPT_HOOKS)]
    return "hooks:\n" + "".join(line + "\n" for line in kept) if kept else ""


def baseline_config(text: str) -> str:
    """mkdocs.yml without the data hooks and the macros plugin (everything else, search, the sealed pages' hook and
    i18n included, kept)."""
    without_hooks, hooks = HOOKS_BLOCK.subn(_kept_hooks_only, text)
    result, plugins = MACROS_PLUGIN.subn("", without_hooks)
    if hooks != 1 or plugins != 1:
        raise ValueError(f"mkdocs.yml: expected one hooks block and one macros plugin, found {hooks} and {plugins}")
    # the baseline has no data/ to watch (mkdocs rejects a `watch` path that does not exist, even when building)
    return WATCHED_DATA.sub(r"\1", result)


class FakeMacrosEnv:
    """Just enough of mkdocs-macros' `env` for our define_env: collects macros and says which page renders; `conf`
    is the mkdocs config the build is attached to."""

    def __init__(self, conf=None):
        self.conf = conf if conf is not None else {}  # mkdocs' config, as macros read it (e.g. repo_url)
        self.macros: dict = {}
        self.filters: dict = {}
        self.variables: dict = {}
        self.page = None

    def macro(self, fn=None, name: str | None = None):
        def register(f):
            self.macros[name or f.__name__] = f
            return f

        return register(fn) if fn else register

    def filter(self, fn=None, name: str | None = None):
        def register(f):
            self.filters[name or f.__name__] = f
            return f

        return register(fn) if fn else register


def page_url(src: str) -> tuple[str, str]:
    """Language and directory URL of a hand-written page (suffix structure: x.md zh, x.en.md en)."""
    stem = src[:-3]
    lang = "zh"
    if stem.endswith(".en"):
        stem, lang = stem[:-3], "en"
    url = "" if stem == "index" else (stem[: -len("index")] if stem.endswith("/index") else stem + "/")
    return lang, url if lang == "zh" else f"en/{url}"


def render_docs(docs: Path, out: Path, macros_module, config) -> int:
    """Hand-written pages with their macros expanded, written under `out`; other files copied."""
    import jinja2

    env = FakeMacrosEnv(config)
    macros_module.define_env(env)
    jinja = jinja2.Environment(undefined=jinja2.StrictUndefined)
    jinja.globals.update(env.macros)
    jinja.filters.update(env.filters)
    count = 0
    for path in sorted(docs.rglob("*")):
        if not path.is_file():
            continue
        rel = path.relative_to(docs).as_posix()
        target = out / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        if path.suffix != ".md":
            shutil.copy2(path, target)
            continue
        text = path.read_text(encoding="utf-8")
        match = FRONT_MATTER.match(text)
        front, body = (match.group(1), match.group(2)) if match else ("", text)
        if "render_macros: false" not in front and ("{{" in body or "{%" in body):
            lang, url = page_url(rel)
            env.page = SimpleNamespace(file=SimpleNamespace(locale=lang, src_path=rel, src_uri=rel), url=url, meta={})
            body = jinja.from_string(body).render()
        target.write_text(front + body, encoding="utf-8")
        count += 1
    return count


def prerender(project: Path, dest: Path) -> dict:
    """Write DEST: PROJECT's configuration without data hooks/macros, and docs/ holding every page pre-rendered."""
    sys.path.insert(0, str(project))
    import macros  # the project's package: its define_env
    from macros.data.publication import from_mkdocs_config
    from macros.site.build import Build
    from macros.views.language import LANGS

    for entry in project.iterdir():  # the same theme overrides, assets and dictionaries
        if entry.name not in ("docs", "data", "mkdocs.yml"):
            (shutil.copytree if entry.is_dir() else shutil.copy2)(entry, dest / entry.name)
    (dest / "mkdocs.yml").write_text(
        baseline_config((project / "mkdocs.yml").read_text(encoding="utf-8")), encoding="utf-8"
    )
    from mkdocs.config import load_config

    config = load_config(str(project / "mkdocs.yml"))  # the build's own settings (site_url may come from the env)
    build = Build.load(project, from_mkdocs_config(config)).attach(config)  # what the hooks make first
    written = render_docs(project / "docs", dest / "docs", macros, config)
    for spec in build.specs:
        for lang in LANGS:
            target = dest / "docs" / spec.src_uri(lang)
            target.parent.mkdir(parents=True, exist_ok=True)
            markdown = build.page_markdown(spec, lang)
            assert markdown is not None  # None only under `mkdocs serve --dirty`
            target.write_text(markdown, encoding="utf-8")
            written += 1
    static = build.files.all()
    for path, data in static.items():  # mkdocs copies them as they are
        target = dest / "docs" / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)
    return {"markdown_files": written, "static_files": len(static)}


if __name__ == "__main__":
    project_dir, dest_dir = Path(sys.argv[1]).resolve(), Path(sys.argv[2]).resolve()
    dest_dir.mkdir(parents=True, exist_ok=False)
    print(prerender(project_dir, dest_dir))
