# Where each generated page and file lives on the site, and links between them: Python and the templates (through
# the render environment's globals) build every site path here, never by writing a folder name out.
from __future__ import annotations

from macros.data.publication import absolute
from macros.views.language import DEFAULT_LANG, LANGS

FEED_FILE = "feed.xml"  # the Atom feed of the notices, one per language
ICS_DIR = "calendar/feeds"  # the .ics calendars: one per province, one for all, one per dated deadline
ICS_ALL = "all"
FORM_FILES_DIR = "forms/files"  # the Word and Excel files made from forms


def language_prefix(lang: str) -> str:
    """The folder of a language's pages: "" for the default language (the site's root), else "en/"."""
    return "" if lang == DEFAULT_LANG else f"{lang}/"


def page_path(kind: str, ident: str = "") -> str:
    """A generated page's path inside its language's folder: 'notices/x/', or 'notices/' for the index."""
    return f"{kind}/{ident}/" if ident else f"{kind}/"


def site_path(kind: str, ident: str, lang: str) -> str:
    """Site-relative URL of a generated page: 'notices/x/' or 'en/notices/x/'."""
    return language_prefix(lang) + page_path(kind, ident)


def in_language(path: str, lang: str) -> str:
    """Site-relative path of a file that each language has its own copy of: 'feed.xml', 'en/feed.xml'."""
    return language_prefix(lang) + path


def language_roots(root: str) -> dict[str, str]:
    """{language: its home under `root` (the site's absolute path on its host)}, the default language at the root."""
    return {lang: root + language_prefix(lang) for lang in LANGS}


def ics_feed_path(province_id: str | None) -> str:
    """Site-relative path of a province's feed, or of the feed for all provinces (None)."""
    return f"{ICS_DIR}/{province_id or ICS_ALL}.ics"


def ics_event_path(notice_id: str, deadline_id: str) -> str:
    """Site-relative path of the "add to my calendar" file of one deadline."""
    return f"{ICS_DIR}/events/{notice_id}--{deadline_id}.ics"


def form_file_path(form_id: str, suffix: str, fmt: str) -> str:
    """Site-relative path of a file made from a form: 'forms/files/<id><suffix>.<docx|xlsx>'."""
    return f"{FORM_FILES_DIR}/{form_id}{suffix}.{fmt}"


def relative(target: str, from_page: str) -> str:
    """URL of `target` as seen from the page at `from_page` (both site-relative, directory style, no "..").
    Plain string work: it runs for every link of every generated page (posixpath.relpath asks for the cwd)."""
    here = from_page.split("/")[:-1]  # the page's folder: "notices/x/" -> [notices, x]; "a.html" -> []
    parts = target.split("/")
    common = 0
    while common < len(here) and common < len(parts) - 1 and here[common] == parts[common]:
        common += 1
    rel = "../" * (len(here) - common) + "/".join(parts[common:])
    return rel or "./"


def webcal_url(site_url: str | None, path: str) -> str | None:
    """The subscribe link: the feed's URL with webcal:// (calendar apps subscribe instead of importing once)."""
    url = absolute(site_url, path)
    if not url:
        return None
    return "webcal://" + url.split("://", 1)[1]
