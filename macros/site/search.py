# Search per language with Pagefind: after static-i18n's last build the Pagefind binary indexes the built site into
# pagefind/ (one index per <html lang>, so each language searches and downloads only its own pages, in chunks); the
# theme's search box talks to docs/assets/javascripts/workers/search-pagefind.js instead of its lunr worker.
# The theme's own index is left empty: it would download every page's text before the first query. Each page gets
# the words it is found by first (its title, cut by jieba, and its document numbers: macros/site/search_keys.py).
from __future__ import annotations

import gzip
import hashlib
import json
import logging
import os
import shutil
import subprocess
import sys
import threading
import zlib

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
if ROOT not in sys.path:  # mkdocs loads hooks by file path; make the `macros` package importable
    sys.path.insert(0, ROOT)

from mkdocs.exceptions import PluginError  # noqa: E402
from mkdocs.plugins import event_priority  # noqa: E402

from macros.render.render import render_fragment  # noqa: E402
from macros.site import search_keys  # noqa: E402
from macros.site.build import Build  # noqa: E402
from macros.site.i18n_pages import building_further_language, languages, page_language  # noqa: E402

log = logging.getLogger("mkdocs.hooks.search")
INDEX_PATH = "search/search_index.json"
BUNDLE = "pagefind"  # folder of the Pagefind bundle in the site
# What Pagefind reads of a page: the article (not the navigation, header or footer), without the blocks the templates
# mark data-search-exclude (each row of a list is indexed on its own page) and without the headings' ¶ links.
ROOT_SELECTOR = "article.md-content__inner"
EXCLUDE_SELECTORS = ("[data-search-exclude]", ".headerlink")
MISSING_BINARY = (
    "search: the Pagefind binary is missing: install requirements.txt (pagefind[extended], whose "
    "pagefind-bin-extended segments Chinese)"
)


def pagefind_executable() -> str:
    try:
        import pagefind_bin_extended
    except ImportError:
        raise PluginError(MISSING_BINARY) from None
    try:
        path = str(pagefind_bin_extended.get_executable())
    except (OSError, RuntimeError) as exc:  # the package without its binary
        raise PluginError(f"{MISSING_BINARY} ({exc})") from None
    if not os.access(path, os.X_OK):
        raise PluginError(f"{MISSING_BINARY} (not executable: {path})")
    return path


def pagefind_command(site_dir: str) -> list[str]:
    cmd = [pagefind_executable(), "--site", site_dir, "--output-subdir", BUNDLE, "--root-selector", ROOT_SELECTOR]
    for selector in EXCLUDE_SELECTORS:
        cmd += ["--exclude-selectors", selector]
    return [*cmd, "--glob", "**/index.html", "--silent"]  # index.html: every page but the 404 page


# Word locations per index chunk (Pagefind's default: 20000, about 20-30 KB gzip). A query fetches at least one chunk
# per word, so at the real data's size the default chunk alone was a quarter of the first search; smaller chunks make
# the chunk list in the language's metadata (fetched by every first search) longer. Pagefind reads it from the
# environment only, under a name it calls unstable: tests/site/test_search.py checks that the bundle honours it.
CHUNK_LOCATIONS = 500
CHUNK_ENV = "PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE"


# Under `mkdocs serve` the index is made beside the reload, at the lowest priority: on a machine of few cores a run
# (multi-threaded, half a minute at 2000 notices) would otherwise slow the next rebuild, which a reader waits for.
BACKGROUND_PRIORITY = ["nice", "-n", "19"]


def run_pagefind(site_dir: str, background: bool = False) -> None:
    env = {**os.environ, CHUNK_ENV: str(CHUNK_LOCATIONS)}
    command = pagefind_command(site_dir)
    if background and shutil.which(BACKGROUND_PRIORITY[0]):
        command = BACKGROUND_PRIORITY + command
    result = subprocess.run(command, capture_output=True, text=True, env=env)
    if result.returncode != 0:
        raise PluginError(f"search: Pagefind failed on {site_dir}:\n{result.stdout}{result.stderr}")
    recompress_wasm(os.path.join(site_dir, BUNDLE))
    sort_entry(os.path.join(site_dir, BUNDLE))


def sort_entry(bundle: str) -> None:
    """Pagefind writes the languages of its entry file in any order (a hash map), so two builds of the same site
    differed in it; sorted, rebuilds are byte-identical. pagefind.js looks a language up by its code (the order
    only breaks a tie among languages it does not know)."""
    path = os.path.join(bundle, "pagefind-entry.json")
    with open(path, encoding="utf-8") as handle:
        entry = json.load(handle)
    entry["languages"] = dict(sorted(entry["languages"].items()))
    with open(path, "w", encoding="utf-8") as handle:
        json.dump(entry, handle, ensure_ascii=False, separators=(",", ":"))


# Pagefind's WebAssembly (68-72 KB gzip) is most of every first search; pagefind.js inflates it itself, so any valid
# gzip stream of the same bytes works, and zopfli's is 3 KB smaller. The result is cached by the input's hash (Pagefind
# writes the same file on every build; zopfli takes a second per language).
WASM_CACHE = os.path.join(ROOT, ".cache", "pagefind-wasm")
ZOPFLI_ITERATIONS = 5  # 15 (zopfli's default) gains 20 bytes more


def recompressed(stored: bytes) -> bytes:
    import zopfli.gzip

    inflated = gzip.decompress(stored)
    cached = os.path.join(WASM_CACHE, hashlib.sha256(stored).hexdigest() + ".gz")
    try:
        with open(cached, "rb") as handle:
            smaller = handle.read()
        if gzip.decompress(smaller) == inflated:  # a damaged entry is made again, never served
            return smaller
    except (OSError, EOFError, zlib.error):
        pass
    smaller = zopfli.gzip.compress(inflated, numiterations=ZOPFLI_ITERATIONS)
    os.makedirs(WASM_CACHE, exist_ok=True)
    with open(cached + ".tmp", "wb") as handle:
        handle.write(smaller)
    os.replace(cached + ".tmp", cached)
    return smaller


def recompress_wasm(bundle: str) -> None:
    for name in sorted(os.listdir(bundle)):
        if name.startswith("wasm.") and name.endswith(".pagefind"):
            path = os.path.join(bundle, name)
            with open(path, "rb") as handle:
                stored = handle.read()
            smaller = recompressed(stored)
            if len(smaller) < len(stored):
                with open(path, "wb") as handle:
                    handle.write(smaller)


def empty_theme_index(site_dir: str, languages: list[str]) -> None:
    """The theme fetches <language root>/search/search_index.json before its first query: config only, no pages."""
    with open(os.path.join(site_dir, INDEX_PATH), encoding="utf-8") as handle:
        config = json.load(handle)["config"]
    for root in ["", *(lang + "/" for lang in languages)]:
        target = os.path.join(site_dir, root, INDEX_PATH)
        os.makedirs(os.path.dirname(target), exist_ok=True)
        with open(target, "w", encoding="utf-8") as handle:
            json.dump({"config": config, "docs": []}, handle, separators=(",", ":"))


# The search worker, as the site sends it: without its comments (half its gzip size; every first search loads it).
WORKER = "assets/javascripts/workers/search-pagefind.js"


def minify_worker(site_dir: str) -> None:
    import rjsmin

    path = os.path.join(site_dir, WORKER)
    with open(path, encoding="utf-8") as handle:
        source = handle.read()
    with open(path, "w", encoding="utf-8") as handle:
        handle.write(rjsmin.jsmin(source))


class Background:
    """`mkdocs serve`: Pagefind runs beside the reload (at 2000 notices it takes half a minute), one run at a time; a
    rebuild during a run asks for one more after it. A failed run is logged (the next rebuild runs it again)."""

    def __init__(self):
        self._lock = threading.Lock()
        self._pending: str | None = None
        self._running = False

    def index(self, site_dir: str) -> None:
        with self._lock:
            self._pending = site_dir
            if self._running:
                return
            self._running = True
        threading.Thread(target=self._run, daemon=True).start()

    def _run(self) -> None:
        while True:
            with self._lock:
                site_dir, self._pending = self._pending, None
                if site_dir is None:
                    self._running = False
                    return
            try:
                run_pagefind(site_dir, background=True)
            except PluginError as exc:
                log.warning(str(exc))
            except OSError as exc:  # a rebuild cleared the site under the run, and the pending run makes it again:
                # info, not a warning, which would fail that rebuild under --strict
                log.info(f"search: the site changed during Pagefind's run ({exc})")


# `mkdocs serve` only, from on_startup to on_shutdown (not build state: what runs beside the rebuilds)
_serving: list[Background] = []


def on_startup(command, dirty):
    _serving.clear()
    if command == "serve":
        _serving.append(Background())


def on_shutdown():
    _serving.clear()


def on_config(config):  # after hooks.py's on_config (priority 100), which makes the build
    import jieba

    jieba.setLogLevel(logging.WARNING)  # its dictionary-loading lines are not the build's news
    build = Build.find(config)  # none in the benchmark's baseline: jieba there cuts without the data's names
    if build is not None and not building_further_language(config):
        dictionary_with(search_keys.data_words(build.portal))
    return config


# jieba's dictionary as it ships (its words and their total), taken once per process before any word is added: not
# build state, the library's own starting point, which every build starts from again.
_SHIPPED: list[tuple[dict, int]] = []


def dictionary_with(words) -> None:
    """jieba's dictionary as it ships plus `words`, whatever an earlier build of this process added: under `mkdocs
    serve` a name deleted from the data must no longer be kept whole, and words added again would weigh more (a
    word's weight is reckoned from the dictionary's total), so a served page's keys would differ from a clean build's."""
    import jieba

    jieba.dt.check_initialized()
    if not _SHIPPED:
        _SHIPPED.append((dict(jieba.dt.FREQ), jieba.dt.total))
    freq, total = _SHIPPED[0]
    jieba.dt.FREQ, jieba.dt.total = dict(freq), total
    for word in words:
        jieba.add_word(word)


def on_page_content(html, page, config, files):
    import jieba

    build = Build.find(config)
    if build is not None and build.serve is not None:  # the keys change with the words jieba keeps whole
        build.serve.depends_on(page.url, search_keys.data_words)
    title = page.meta.get("x_search_title") or search_keys.heading_text(html) or page.title or ""
    keys = search_keys.keys(title, jieba.cut_for_search)
    if not keys:
        return html
    lang = page_language(page)
    return render_fragment("search_keys.html", build and build.portal, lang, page.url, keys=keys) + html


@event_priority(50)  # before the theme's search plugin reads the page: it indexes nothing (Pagefind does)
def on_page_context(context, page, config, nav):
    page.meta["search"] = {**(page.meta.get("search") or {}), "exclude": True}
    return context


@event_priority(-150)  # after static-i18n (-100) has built every language and written the theme's index
def on_post_build(config):
    if building_further_language(config):  # inside static-i18n's nested build: the site is not complete yet
        return
    if not os.path.exists(os.path.join(config.site_dir, INDEX_PATH)):  # search disabled
        return
    empty_theme_index(config.site_dir, languages(config)[1])
    minify_worker(config.site_dir)
    pagefind_executable()  # a missing binary fails the build, served or not
    if _serving:
        _serving[0].index(config.site_dir)
    else:
        run_pagefind(config.site_dir)
