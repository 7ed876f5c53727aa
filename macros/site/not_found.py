# The page-not-found page in each language. Static hosts serve the site's /404.html for every missing address: it is
# the Chinese page, and it sends a missing address under another language's folder (/en/…) to that language's own
# page (/en/404.html), which the build of that language writes there instead of over the Chinese one.
from __future__ import annotations

import os
from urllib.parse import urlsplit

from markupsafe import Markup

from macros.render.render import render_fragment
from macros.views import language, urls

TEMPLATE = "404.html"


def root_path(site_url: str | None) -> str:
    """The site's absolute path on its host ("/" or "/portal/"): a 404 page is served at any depth."""
    path = urlsplit(site_url or "/").path or "/"
    return path if path.endswith("/") else path + "/"


def language_roots(site_url: str | None) -> dict[str, str]:
    """{language: absolute path of its home}, the default language at the site's root."""
    return urls.language_roots(root_path(site_url))


def context(portal, lang: str, site_url: str | None) -> dict:
    """What overrides/404.html shows, and the language links of its header (to each language's home)."""
    roots = language_roots(site_url)
    body = render_fragment(
        "not_found.html",
        portal,
        lang,
        TEMPLATE,
        root=roots[lang],
        roots=roots,
        other_languages=language.others(lang),
        redirect_from=[roots[other] for other in language.others(language.DEFAULT_LANG)]
        if lang == language.DEFAULT_LANG
        else [],
    )
    return {"x_not_found": Markup(body), "x_language_roots": roots}


def place(output: str, lang: str, site_dir: str) -> str:
    """The 404 page of `lang` as mkdocs is about to write it to the site's root: the default language's stays there;
    another language's is written to its own folder, and nothing is left for mkdocs to write over the first."""
    if lang == language.DEFAULT_LANG:
        return output
    target = os.path.join(site_dir, lang, TEMPLATE)
    os.makedirs(os.path.dirname(target), exist_ok=True)
    with open(target, "w", encoding="utf-8") as handle:
        handle.write(output)
    return ""
