# HTML validity: the Nu HTML Checker (npm vnu-jar, installed by .ci/system-deps.sh into .cache/vnu/, run with Java)
# over one page of every page type in both languages finds no error the project causes. The theme's own errors are
# filtered by message and markup, each listed and explained below; a new one fails the test.
from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path
from urllib.parse import unquote

import pytest

from macros.site.build import Build
from macros.views.language import DEFAULT_LANG, LANGS
from tests.support import CHECKOUT, ROOT, site_config

VNU_JAR = CHECKOUT / ".cache" / "vnu" / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"

# (message, markup the error points at, why it is the theme's and not ours). mkdocs-material 9.8.1 writes all three.
THEME_ERRORS = [
    (
        r"^Attribute “autocomplete” is only allowed when the input type is ",
        r'<input class="md-toggle" data-md-toggle="(?:drawer|search)" type="checkbox"',
        'base.html: the drawer and search toggles are checkboxes with autocomplete="off" (so that Firefox does not '
        "restore them open on reload); the attribute is not defined for checkboxes",
    ),
    (
        r"^The value of the “for” attribute of the “label” element must be the ID of a non-hidden form control\.$",
        r'<label class="md-nav__title" for="__toc">',
        "partials/toc.html: the table of contents' title is a label for the __toc toggle, which nav-item.html only "
        "writes for the page in the navigation that has a table of contents",
    ),
    (
        r"^Bad value “” for attribute “tabindex” on element “label”: The empty string is not a valid integer\.$",
        r'<label class="md-nav__link" for="__nav_\d+" id="__nav_\d+_label" tabindex="">',
        "partials/nav-item.html: a section label (navigation.sections) gets an empty tabindex when it is not focusable",
    ),
]


def _guide_page() -> str:
    return "guide/" + sorted(p.stem for p in (ROOT / "docs" / "guide").glob("*.md") if p.stem.count(".") == 0)[0] + "/"


def page_paths(portal) -> list[str]:
    """Home, a guide page and one page of each kind the data generates (its index page and one of its items: a
    province, a notice, a province's calendar, a form…), in both languages, and the 404 page."""
    chosen: dict[tuple[str, bool], object] = {}
    for spec in Build(portal, site_config()).specs:  # every feature's pages, as a build makes them
        chosen.setdefault((spec.kind, bool(spec.ident)), spec)
    paths = []
    for lang in LANGS:
        root = "" if lang == DEFAULT_LANG else f"{lang}/"
        paths += [root, root + _guide_page()] + [spec.url(lang) for spec in chosen.values()]
    return [path + "index.html" for path in paths] + ["404.html"]


def test_every_page_type_is_chosen(portal):
    paths = page_paths(portal)
    for expected in (
        "index.html",
        "provinces/index.html",
        f"provinces/{portal.provinces[0].id}/index.html",
        "notices/index.html",
        "calendar/index.html",
        "certificates/index.html",
        "forms/index.html",
        "maintainers/translations/index.html",
        "en/notices/index.html",
        "404.html",
    ):
        assert expected in paths, expected
    assert any(p.startswith("en/notices/") and p != "en/notices/index.html" for p in paths)
    assert any(p.startswith("en/calendar/") and p != "en/calendar/index.html" for p in paths)
    assert any(p.startswith("certificates/") and p != "certificates/index.html" for p in paths)  # a page of the list


@pytest.fixture(scope="module")
def nu_messages(built_site, portal) -> dict[str, list[dict]]:
    """The checker's errors per page, from one run over all the chosen pages."""
    if not VNU_JAR.exists():
        pytest.fail(f"{VNU_JAR.relative_to(CHECKOUT)} is missing: run `make system-deps` (installs npm vnu-jar there)")
    java = shutil.which("java")
    assert java, "Java 17+ is needed for the Nu HTML Checker (Debian: default-jre-headless)"
    pages = page_paths(portal)
    missing = [p for p in pages if not (built_site / p).exists()]
    assert not missing, missing
    result = subprocess.run(
        [
            java,
            "-jar",
            str(VNU_JAR),
            "--format",
            "json",
            "--errors-only",
            "--exit-zero-always",
            *(str(built_site / p) for p in pages),
        ],
        capture_output=True,
        text=True,
        timeout=600,
    )
    report = json.loads(result.stderr)
    by_page: dict[str, list[dict]] = {p: [] for p in pages}
    for message in report["messages"]:
        page = (
            Path(unquote(message["url"].removeprefix("file:"))).resolve().relative_to(built_site.resolve()).as_posix()
        )
        by_page[page].append(message)
    return by_page


def _theme_error(message: dict) -> bool:
    return any(
        re.search(text, message["message"]) and re.search(markup, message.get("extract", ""))
        for text, markup, _ in THEME_ERRORS
    )


def test_no_page_has_an_html_error_of_ours(nu_messages):
    ours = [
        f"{page}:{m.get('lastLine')}: {m['message']}\n    {m.get('extract', '').strip()[:160]}"
        for page, messages in nu_messages.items()
        for m in messages
        if not _theme_error(m)
    ]
    assert not ours, "\n".join(ours)


def test_the_checker_read_every_page_and_each_filter_is_still_needed(nu_messages):
    # With --errors-only a valid page reports nothing: the theme's drawer toggle, on every page, shows it was read.
    unread = [page for page, messages in nu_messages.items() if not any(_theme_error(m) for m in messages)]
    assert not unread, f"no report for {unread}"
    for text, markup, why in THEME_ERRORS:  # a filter nothing matches any more is dead: remove it from THEME_ERRORS
        assert any(
            re.search(text, m["message"]) and re.search(markup, m.get("extract", ""))
            for messages in nu_messages.values()
            for m in messages
        ), why
